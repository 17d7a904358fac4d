import { describe, expect, it } from 'vitest';
import { navigatedDocumentTypes } from '../../../src/core/documents/navigated-documents.ts';
import { navigatedDocumentKind, postedDocumentKindOf, postedDocumentPath, postedDocumentsOf } from '../../../src/web/posted/posted-document-kinds.ts';

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

  it('opens what Find entries lists, sales or purchase, on its own page', () => {
    expect(navigatedDocumentTypes.map((type) => postedDocumentPath(navigatedDocumentKind(type), 'X1'))).toEqual([
      '/posted/shipments/X1', '/posted/invoices/X1', '/posted/credit-memos/X1', '/posted/return-receipts/X1',
      '/posted-purchases/receipts/X1', '/posted-purchases/invoices/X1', '/posted-purchases/credit-memos/X1', '/posted-purchases/return-shipments/X1',
    ]);
    expect(navigatedDocumentKind('purchaseInvoice').caption).toBe('Posted Purchase Invoice');
  });
});
