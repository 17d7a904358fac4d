import { describe, expect, it } from 'vitest';
import { postedDocumentKindOf, postedDocumentsOf } from '../../../src/web/posted/posted-document-kinds.ts';

describe('posted documents named by a posting or a ledger', () => {
  it.each([
    ['invoice', 'invoice'], ['salesInvoice', 'invoice'], ['salesShipment', 'shipment'], ['shipment', 'shipment'],
    ['salesCreditMemo', 'creditMemo'], ['salesReturnReceipt', 'returnReceipt'], ['payment', undefined],
  ])('%s is a %s', (documentType, expected) => {
    expect(postedDocumentKindOf(documentType)?.type).toBe(expected);
  });

  it('lists what a posting created, shipment before invoice, with their pages', () => {
    const documents = postedDocumentsOf({ shipmentNo: 'PSS000001', invoiceNo: 'PSI000001', creditMemoNo: null, returnReceiptNo: null });
    expect(documents.map(({ kind, no }) => `${kind.caption} ${no}`)).toEqual(['Posted Sales Shipment PSS000001', 'Posted Sales Invoice PSI000001']);
  });
});
