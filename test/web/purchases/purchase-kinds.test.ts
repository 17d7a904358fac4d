import { describe, expect, it } from 'vitest';
import { documentKinds, documentPath } from '../../../src/web/sales/document-kinds.ts';
import { gridColumns } from '../../../src/web/sales/line-fields.ts';
import { postingChoices } from '../../../src/web/sales/posting-options.ts';
import { postedDocumentPath } from '../../../src/web/posted/posted-document-kinds.ts';
import { postedPurchaseDocumentsOf, postedPurchaseKinds, purchaseKinds } from '../../../src/web/purchases/purchase-kinds.ts';

describe('purchase documents on the shared document pieces', () => {
  it('an order receives, invoices or both; a return order ships; invoices and credit memos post everything', () => {
    expect(postingChoices(purchaseKinds.order).map((choice) => [choice.label, choice.request])).toEqual([
      ['Receive', { receive: true, invoice: false }],
      ['Invoice', { receive: false, invoice: true }],
      ['Receive and Invoice', { receive: true, invoice: true }],
    ]);
    expect(postingChoices(purchaseKinds.returnOrder).map((choice) => choice.label)).toEqual(['Ship', 'Invoice', 'Ship and Invoice']);
    expect(postingChoices(purchaseKinds.invoice)).toEqual([]);
    expect(postingChoices(purchaseKinds.creditMemo)).toEqual([]);
  });

  it('the lines grid shows Direct Unit Cost and the purchase quantities; no Purchasing Code', () => {
    const captions = (columns: ReturnType<typeof gridColumns>) => columns.map((column) => `${column.field}:${column.label}`);
    expect(captions(gridColumns(purchaseKinds.order))).toEqual([
      'type:Type', 'no:No.', 'description:Description', 'locationCode:Location Code', 'quantity:Quantity', 'unitOfMeasureCode:Unit of Measure',
      'directUnitCost:Direct Unit Cost Excl. VAT', 'lineDiscountPercent:Line Discount %', 'lineAmount:Line Amount Excl. VAT',
      'quantityToReceive:Qty. to Receive', 'quantityReceived:Quantity Received', 'quantityToInvoice:Qty. to Invoice', 'quantityInvoiced:Quantity Invoiced',
    ]);
    expect(captions(gridColumns(purchaseKinds.returnOrder))).toContain('returnQuantityToShip:Return Qty. to Ship');
    expect(captions(gridColumns(purchaseKinds.invoice)).at(-1)).toBe('lineAmount:Line Amount Excl. VAT');
    // The sales order keeps its own columns.
    expect(captions(gridColumns(documentKinds.order))).toContain('unitPrice:Unit Price Excl. VAT');
    expect(captions(gridColumns(documentKinds.order))).toContain('purchasingCode:Purchasing Code');
  });

  it('asks posting for the vendor number of its direction', () => {
    expect([purchaseKinds.order, purchaseKinds.invoice, purchaseKinds.creditMemo, purchaseKinds.returnOrder].map((kind) => kind.vendorDocumentNoField))
      .toEqual(['vendorInvoiceNo', 'vendorInvoiceNo', 'vendorCreditMemoNo', 'vendorCreditMemoNo']);
  });

  it('lives apart from the sales documents of the same type and number', () => {
    expect(documentPath(purchaseKinds.order, 'PO000001')).toBe('/purchases/orders/PO000001');
    expect(documentPath(documentKinds.order, 'SO000001')).toBe('/sales/orders/SO000001');
    expect(postedDocumentPath(postedPurchaseKinds.invoice, 'PPI000001')).toBe('/posted-purchases/invoices/PPI000001');
  });

  it('lists what a posting created, receipt before invoice', () => {
    const documents = postedPurchaseDocumentsOf({
      no: 'PO000001', receiptNo: 'PPR000001', invoiceNo: 'PPI000001', creditMemoNo: null, returnShipmentNo: null, documentDeleted: true, document: null,
    });
    expect(documents.map(({ kind, no }) => `${kind.caption} ${no}`)).toEqual(['Posted Purchase Receipt PPR000001', 'Posted Purchase Invoice PPI000001']);
  });
});
