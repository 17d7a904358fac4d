import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { accountTotals } from '../../support/given-posting.ts';
import { givenPurchasingCompany } from '../../support/given-purchasing.ts';

/**
 * Get Receipt Lines on a purchase invoice (BC Purch.-Get Receipt) and Preview Posting of purchase
 * documents, over HTTP. Test company (given-purchasing.ts): vendor V, items A and B (Last Direct
 * Cost 55 and 30), VAT 25 %, 7060 Purchases, 2320 Purchase VAT, 5400 Payables, 3000 Inventory,
 * 7090 Direct Cost Applied; Automatic Cost Posting on, expected cost not posted to the G/L.
 */
const workDate = { 'x-work-date': '2026-01-15' };
type Entry = { glAccountNo: string; debitAmount: string; creditAmount: string };
type Value = { documentNo: string; costAmountActual: string; costAmountExpected: string; invoicedQuantity: string };

describe('Get Receipt Lines on a purchase invoice', () => {
  let api: TestApi;
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);
  const items = async (url: string) => (await send('GET', url)).json().items;
  async function ok(method: 'POST' | 'PATCH', url: string, body?: unknown, status = 200) {
    const response = await send(method, url, body);
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  }

  beforeEach(async () => {
    api = await testApi();
    await givenPurchasingCompany(api);
  });
  afterEach(async () => api.close());

  /** Order for B 10 @ 35 and A 4 @ 50, received in full as PR0001. */
  async function receivedOrder() {
    const order = await ok('POST', '/api/v1/purchaseOrders', {
      buyFromVendorNo: 'V', lines: [{ type: 'item', no: 'B', quantity: '10', directUnitCost: '35' }, { type: 'item', no: 'A', quantity: '4', directUnitCost: '50' }],
    }, 201);
    expect(await ok('POST', `/api/v1/purchaseOrders/${order.no}/post`, { receive: true }, 201)).toMatchObject({ receiptNo: 'PR0001' });
    return order.no as string;
  }

  it('bills a receipt line from an invoice: actual cost on the receipt entry, the order line invoiced, and the order then invoices only the rest', async () => {
    const orderNo = await receivedOrder();
    const [receiptEntry] = await items('/api/v1/itemLedgerEntries?itemNo=B&entryType=purchase');
    const invoice = await ok('POST', '/api/v1/purchaseInvoices', { buyFromVendorNo: 'V', vendorInvoiceNo: 'GR-1' }, 201);
    const base = `/api/v1/purchaseInvoices/${invoice.no}`;
    const candidates = await items(`${base}/receiptLinesToInvoice`);
    expect(candidates.map((line: Record<string, unknown>) => [line.documentNo, line.lineNo, line.no, line.quantityNotInvoiced, line.sourceDocumentNo]))
      .toEqual([['PR0001', 10000, 'B', '10.00000', orderNo], ['PR0001', 20000, 'A', '4.00000', orderNo]]);

    const got = await ok('POST', `${base}/getReceiptLines`, { lines: [{ receiptNo: 'PR0001', lineNo: 10000 }] });
    expect(got.lines.map((line: Record<string, unknown>) => [line.lineNo, line.type, line.description, line.no, line.quantity, line.directUnitCost, line.receiptNo, line.receiptLineNo]))
      .toEqual([[10000, 'comment', 'Receipt No. PR0001:', '', '0.00000', '0.00000', null, null], [20000, 'item', expect.any(String), 'B', '10.00000', '35.00000', 'PR0001', 10000]]);
    // The vendor bills 6 of the 10 now.
    const partial = await ok('PATCH', `${base}/lines/20000`, { quantity: '6' });
    expect(partial.totals).toMatchObject({ amount: '210.00', amountIncludingVat: '262.50' });
    // A receipt line on an invoice is offered to no other invoice.
    const other = await ok('POST', '/api/v1/purchaseInvoices', { buyFromVendorNo: 'V' }, 201);
    expect((await items(`/api/v1/purchaseInvoices/${other.no}/receiptLinesToInvoice`)).map((line: { lineNo: number }) => line.lineNo)).toEqual([20000]);

    const posted = await ok('POST', `${base}/post`, undefined, 201);
    expect(posted).toMatchObject({ invoiceNo: 'PPI0001', receiptNo: null, documentDeleted: true });
    const gl = (await items('/api/v1/glEntries?documentNo=PPI0001')) as Entry[];
    expect(accountTotals(gl, '7060')).toEqual({ debit: '210.00', credit: '0.00' });
    expect(accountTotals(gl, '2320')).toEqual({ debit: '52.50', credit: '0.00' });
    expect(accountTotals(gl, '5400')).toEqual({ debit: '0.00', credit: '262.50' });
    expect(accountTotals(gl, '3000')).toEqual({ debit: '210.00', credit: '0.00' });
    expect(accountTotals(gl, '7090')).toEqual({ debit: '0.00', credit: '210.00' });
    const values = (await items(`/api/v1/valueEntries?itemLedgerEntryNo=${receiptEntry.entryNo}`)) as Value[];
    expect(values.map((value) => [value.documentNo, value.invoicedQuantity, value.costAmountActual, value.costAmountExpected]))
      .toEqual([['PR0001', '0.00000', '0.00', '350.00'], ['PPI0001', '6.00000', '210.00', '-210.00']]);
    expect((await items('/api/v1/itemLedgerEntries?itemNo=B&entryType=purchase'))[0]).toMatchObject({ entryNo: receiptEntry.entryNo, invoicedQuantity: '6.00000' });
    const receipt = (await send('GET', '/api/v1/postedPurchaseReceipts/PR0001')).json();
    expect(receipt.lines[0]).toMatchObject({ quantityInvoiced: '6.00000', quantityNotInvoiced: '4.00000' });
    const postedInvoice = (await send('GET', '/api/v1/postedPurchaseInvoices/PPI0001')).json();
    expect(postedInvoice.lines.find((line: { type: string }) => line.type === 'item'))
      .toMatchObject({ no: 'B', quantity: '6.00000', amount: '210.00', receiptNo: 'PR0001', receiptLineNo: 10000, itemLedgerEntryNo: receiptEntry.entryNo });
    const order = (await send('GET', `/api/v1/purchaseOrders/${orderNo}`)).json();
    expect(order.lines[0]).toMatchObject({ quantityReceived: '10.00000', quantityInvoiced: '6.00000', quantityToInvoice: '4.00000', quantityReceivedNotInvoiced: '4.00000' });
    expect(order.lines[1]).toMatchObject({ quantityInvoiced: '0.00000', quantityToInvoice: '4.00000' });

    await ok('PATCH', `/api/v1/purchaseOrders/${orderNo}`, { vendorInvoiceNo: 'GR-2' });
    const rest = await ok('POST', `/api/v1/purchaseOrders/${orderNo}/post`, { invoice: true }, 201);
    expect(rest).toMatchObject({ invoiceNo: 'PPI0002', documentDeleted: true });
    // 4 × 35 + 4 × 50 = 340 + 25 % VAT: B's receipt is invoiced once, 6 + 4.
    const vendorEntries = await items('/api/v1/vendorLedgerEntries?vendorNo=V');
    expect(vendorEntries.map((entry: { documentNo: string; amount: string }) => [entry.documentNo, entry.amount])).toEqual([['PPI0001', '-262.50'], ['PPI0002', '-425.00']]);
    const costs = (await items(`/api/v1/valueEntries?itemLedgerEntryNo=${receiptEntry.entryNo}`)) as Value[];
    expect(sum(costs.map((value) => dec(value.costAmountActual))).toFixed(2)).toBe('350.00');
    expect(sum(costs.map((value) => dec(value.costAmountExpected))).toFixed(2)).toBe('0.00');
    expect((await send('GET', '/api/v1/postedPurchaseReceipts/PR0001')).json().lines.map((line: { quantityNotInvoiced: string }) => line.quantityNotInvoiced))
      .toEqual(['0.00000', '0.00000']);
  });

  it('refuses receipt lines another posting invoiced first, lines of another vendor, and a released invoice; nothing is written', async () => {
    const orderNo = await receivedOrder();
    const invoice = await ok('POST', '/api/v1/purchaseInvoices', { buyFromVendorNo: 'V', vendorInvoiceNo: 'GR-1' }, 201);
    const base = `/api/v1/purchaseInvoices/${invoice.no}`;
    const unknown = await send('POST', `${base}/getReceiptLines`, { lines: [{ receiptNo: 'PR0001', lineNo: 99999 }] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'SHIPMENT_ALREADY_INVOICED' });
    expect(unknown.json().detail).toContain('Line 99999 of receipt PR0001 cannot be invoiced');
    const twice = await send('POST', `${base}/getReceiptLines`, { lines: [{ receiptNo: 'PR0001', lineNo: 10000 }, { receiptNo: 'PR0001', lineNo: 10000 }] });
    expect(twice.json()).toMatchObject({ code: 'SHIPMENT_ALREADY_INVOICED' });
    expect((await send('GET', base)).json().lines).toEqual([]);

    await ok('POST', '/api/v1/vendors', { no: 'W', name: 'Vendor W', vendorPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC' }, 201);
    const otherVendor = await ok('POST', '/api/v1/purchaseInvoices', { buyFromVendorNo: 'W' }, 201);
    expect(await items(`/api/v1/purchaseInvoices/${otherVendor.no}/receiptLinesToInvoice`)).toEqual([]);
    expect((await send('POST', `/api/v1/purchaseInvoices/${otherVendor.no}/getReceiptLines`, { lines: [{ receiptNo: 'PR0001', lineNo: 10000 }] })).json())
      .toMatchObject({ code: 'SHIPMENT_ALREADY_INVOICED' });

    await ok('POST', `${base}/getReceiptLines`, { lines: [{ receiptNo: 'PR0001', lineNo: 10000 }, { receiptNo: 'PR0001', lineNo: 20000 }] });
    await ok('POST', `${base}/release`);
    expect((await send('POST', `${base}/getReceiptLines`, { lines: [{ receiptNo: 'PR0001', lineNo: 10000 }] })).json()).toMatchObject({ code: 'STATUS_MUST_BE_OPEN' });

    // The order invoices its receipt first; the invoice can then no longer bill it.
    await ok('PATCH', `/api/v1/purchaseOrders/${orderNo}`, { vendorInvoiceNo: 'GR-2' });
    await ok('POST', `/api/v1/purchaseOrders/${orderNo}/post`, { invoice: true }, 201);
    const late = await send('POST', `${base}/post`);
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'SHIPMENT_ALREADY_INVOICED', errors: [{ field: 'lines.20000.quantity' }] });
    expect(late.json().detail).toContain('receipt PR0001 has already been invoiced');
    expect((await items('/api/v1/vendorLedgerEntries?vendorNo=V')).map((entry: { amount: string }) => entry.amount)).toEqual(['-687.50']);
    expect(await items('/api/v1/postedPurchaseInvoices')).toHaveLength(1);
  });

  it('previews posting an invoice made with Get Receipt Lines and an order: the entries and numbers it would write, nothing kept', async () => {
    await receivedOrder();
    const invoice = await ok('POST', '/api/v1/purchaseInvoices', { buyFromVendorNo: 'V', vendorInvoiceNo: 'GR-1' }, 201);
    const got = await ok('POST', `/api/v1/purchaseInvoices/${invoice.no}/getReceiptLines`, { lines: [{ receiptNo: 'PR0001', lineNo: 20000 }] });
    const [entryA] = await items('/api/v1/itemLedgerEntries?itemNo=A&entryType=purchase');
    const preview = await ok('POST', `/api/v1/purchaseInvoices/${invoice.no}/preview`);
    expect(preview).toMatchObject({
      documentType: 'invoice', no: invoice.no, invoiceNo: 'PPI0001', receiptNo: null, documentDeleted: true,
      postedDocuments: [{ documentType: 'invoice', no: 'PPI0001', amount: '200.00', amountIncludingVat: '250.00' }],
    });
    expect(accountTotals(preview.glEntries, '5400')).toEqual({ debit: '0.00', credit: '250.00' });
    expect(accountTotals(preview.glEntries, '3000')).toEqual({ debit: '200.00', credit: '0.00' });
    expect(preview.vendorLedgerEntries).toEqual([expect.objectContaining({ vendorNo: 'V', documentNo: 'PPI0001', amount: '-250.00', externalDocumentNo: 'GR-1' })]);
    expect(preview.itemLedgerEntries).toEqual([]);
    expect(preview.valueEntries).toEqual([expect.objectContaining({ itemLedgerEntryNo: entryA.entryNo, costAmountActual: '200.00', costAmountExpected: '-200.00', invoicedQuantity: '4.00000' })]);
    // Nothing was kept: the invoice is open as it was, no number drawn, no entry written.
    expect((await send('GET', `/api/v1/purchaseInvoices/${invoice.no}`)).json()).toMatchObject({ status: 'open', version: got.version });
    expect(await items('/api/v1/vendorLedgerEntries?vendorNo=V')).toEqual([]);
    expect((await send('GET', '/api/v1/postedPurchaseReceipts/PR0001')).json().lines[1]).toMatchObject({ quantityNotInvoiced: '4.00000' });
    expect(await ok('POST', `/api/v1/purchaseInvoices/${invoice.no}/post`, undefined, 201)).toMatchObject({ invoiceNo: 'PPI0001' });

    const order = await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', lines: [{ type: 'item', no: 'B', quantity: '3', directUnitCost: '20' }] }, 201);
    const receiving = await ok('POST', `/api/v1/purchaseOrders/${order.no}/preview`, { receive: true });
    expect(receiving).toMatchObject({ receiptNo: 'PR0002', invoiceNo: null, documentDeleted: false, glEntries: [], vendorLedgerEntries: [] });
    expect(receiving.itemLedgerEntries).toEqual([expect.objectContaining({ itemNo: 'B', quantity: '3.00000', documentNo: 'PR0002', documentType: 'purchaseReceipt' })]);
    expect(receiving.valueEntries).toEqual([expect.objectContaining({ costAmountExpected: '60.00', costAmountActual: '0.00' })]);
    // A preview refuses what posting refuses: invoicing what is not received.
    const refused = await send('POST', `/api/v1/purchaseOrders/${order.no}/preview`, { invoice: true });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'INVOICE_MORE_THAN_SHIPPED', errors: [{ field: 'lines.10000.quantityToInvoice' }] });
    expect((await items(`/api/v1/itemLedgerEntries?itemNo=B`))).toHaveLength(1);
  });
});
