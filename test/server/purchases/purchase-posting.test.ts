import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { accountTotals } from '../../support/given-posting.ts';
import { givenPurchasingCompany } from '../../support/given-purchasing.ts';

/**
 * Issue 14, point 2: posting purchase documents over HTTP on the shared posting core. Accounts of
 * the test company: 7060 Purchases, 7065 Purch. Credit Memo, 2320 Purchase VAT, 5400 Payables,
 * 3000 Inventory, 7090 Direct Cost Applied; VAT 25 %; Automatic Cost Posting on.
 */
const workDate = { 'x-work-date': '2026-01-15' };
type Entry = { glAccountNo: string; debitAmount: string; creditAmount: string; amount: string };

describe('posting purchase documents', () => {
  let api: TestApi;
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);
  const items = async (url: string) => (await send('GET', url)).json().items;

  beforeEach(async () => {
    api = await testApi();
    await givenPurchasingCompany(api);
  });
  afterEach(async () => api.close());

  async function created(url: string, body: unknown) {
    const response = await send('POST', url, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  async function post(url: string, body?: unknown) {
    const response = await send('POST', url, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  it('receives an order (expected cost), then invoices it: purchases, VAT, payables, vendor entry, inventory at actual cost', async () => {
    const order = await created('/api/v1/purchaseOrders', { buyFromVendorNo: 'V', vendorInvoiceNo: 'VI-100', lines: [{ type: 'item', no: '1000', quantity: '10', directUnitCost: '60' }] });
    await send('PATCH', '/api/v1/items/1000', { lastDirectCost: '58' });
    const received = await post(`/api/v1/purchaseOrders/${order.no}/post`, { receive: true });
    // A receipt's expected cost leaves Last Direct Cost alone; the invoice sets it.
    expect((await send('GET', '/api/v1/items/1000')).json()).toMatchObject({ lastDirectCost: '58.00000' });
    expect(received).toMatchObject({ receiptNo: 'PR0001', invoiceNo: null, documentDeleted: false });
    expect(received.document.lines[0]).toMatchObject({ quantityReceived: '10.00000', quantityToReceive: '0.00000', quantityToInvoice: '10.00000', quantityReceivedNotInvoiced: '10.00000' });
    const [receiptEntry] = await items('/api/v1/itemLedgerEntries?itemNo=1000&entryType=purchase');
    expect(receiptEntry).toMatchObject({ quantity: '10.00000', remainingQuantity: '10.00000', invoicedQuantity: '0.00000', documentType: 'purchaseReceipt', documentNo: 'PR0001', sourceType: 'vendor', sourceNo: 'V' });
    expect(await items('/api/v1/glEntries?sourceCode=PURCHASES')).toEqual([]);
    const receipt = (await send('GET', '/api/v1/postedPurchaseReceipts/PR0001')).json();
    expect(receipt).toMatchObject({ sourceDocumentNo: order.no, buyFromVendorNo: 'V' });
    expect(receipt.lines[0]).toMatchObject({ no: '1000', quantity: '10.00000', quantityNotInvoiced: '10.00000', itemLedgerEntryNo: receiptEntry.entryNo });

    const invoiced = await post(`/api/v1/purchaseOrders/${order.no}/post`, { invoice: true });
    expect(invoiced).toMatchObject({ receiptNo: null, invoiceNo: 'PPI0001', documentDeleted: true });
    const gl = (await items('/api/v1/glEntries?documentNo=PPI0001')) as Entry[];
    expect(accountTotals(gl, '7060')).toEqual({ debit: '600.00', credit: '0.00' });
    expect(accountTotals(gl, '2320')).toEqual({ debit: '150.00', credit: '0.00' });
    expect(accountTotals(gl, '5400')).toEqual({ debit: '0.00', credit: '750.00' });
    expect(accountTotals(gl, '3000')).toEqual({ debit: '600.00', credit: '0.00' });
    expect(accountTotals(gl, '7090')).toEqual({ debit: '0.00', credit: '600.00' });
    const [vendorEntry] = await items('/api/v1/vendorLedgerEntries?vendorNo=V');
    expect(vendorEntry).toMatchObject({ documentType: 'invoice', documentNo: 'PPI0001', externalDocumentNo: 'VI-100', amount: '-750.00', remainingAmount: '-750.00', open: true, dueDate: '2026-01-29' });
    const [vat] = await items('/api/v1/vatEntries?documentNo=PPI0001');
    expect(vat).toMatchObject({ type: 'purchase', base: '600.00', amount: '150.00', billToPayToNo: 'V' });
    const values = await items(`/api/v1/valueEntries?itemLedgerEntryNo=${receiptEntry.entryNo}`);
    expect(values.map((value: { costAmountActual: string; costAmountExpected: string; documentNo: string }) => [value.documentNo, value.costAmountActual, value.costAmountExpected]))
      .toEqual([['PR0001', '0.00', '600.00'], ['PPI0001', '600.00', '-600.00']]);
    expect((await send('GET', '/api/v1/postedPurchaseReceipts/PR0001')).json().lines[0]).toMatchObject({ quantityInvoiced: '10.00000', quantityNotInvoiced: '0.00000' });
    expect((await send('GET', `/api/v1/purchaseOrders/${order.no}`)).statusCode).toBe(404);
    expect((await send('GET', '/api/v1/items/1000')).json()).toMatchObject({ lastDirectCost: '60.00000' });

    // The stock received is what a sale now takes, at the purchase's cost.
    const sale = await created('/api/v1/salesInvoices', { sellToCustomerNo: 'C', externalDocumentNo: 'X', lines: [{ type: 'item', no: '1000', quantity: '4' }] });
    const sold = await post(`/api/v1/salesInvoices/${sale.no}/post`);
    expect(accountTotals((await items(`/api/v1/glEntries?documentNo=${sold.invoiceNo}`)) as Entry[], '7000')).toEqual({ debit: '240.00', credit: '0.00' });
  });

  it('an invoice receives and invoices in one posting; a line discount lowers the cost; the sub-ledgers equal their accounts', async () => {
    const invoice = await created('/api/v1/purchaseInvoices', {
      buyFromVendorNo: 'V', vendorInvoiceNo: 'INV-7', lines: [{ type: 'item', no: 'A', quantity: '5', lineDiscountPercent: '10' }, { type: 'glAccount', no: '6100', quantity: '1', directUnitCost: '20' }],
    });
    const posted = await post(`/api/v1/purchaseInvoices/${invoice.no}/post`);
    expect(posted).toMatchObject({ invoiceNo: 'PPI0001', receiptNo: 'PR0001', documentDeleted: true });
    const [entry] = await items('/api/v1/itemLedgerEntries?itemNo=A&entryType=purchase');
    expect(entry).toMatchObject({ quantity: '5.00000', invoicedQuantity: '5.00000', documentType: 'purchaseReceipt' });
    const [value] = await items(`/api/v1/valueEntries?itemLedgerEntryNo=${entry.entryNo}`);
    expect(value).toMatchObject({ costAmountActual: '247.50', costAmountExpected: '0.00', documentNo: 'PPI0001', discountAmount: '27.50' });
    // BC: the invoiced Cost per Unit becomes the item's Last Direct Cost, which the next purchase line takes.
    expect((await send('GET', '/api/v1/items/A')).json()).toMatchObject({ lastDirectCost: '49.50000' });
    const next = await created('/api/v1/purchaseOrders', { buyFromVendorNo: 'V', lines: [{ type: 'item', no: 'A', quantity: '1' }] });
    expect(next.lines[0]).toMatchObject({ directUnitCost: '49.50000' });
    const gl = (await items('/api/v1/glEntries?limit=1000')) as Entry[];
    expect(accountTotals(gl, '7060')).toEqual({ debit: '247.50', credit: '0.00' });
    expect(accountTotals(gl, '6100')).toEqual({ debit: '20.00', credit: '0.00' });
    expect(accountTotals(gl, '5400')).toEqual({ debit: '0.00', credit: '334.38' });
    const vendorBalance = sum((await items('/api/v1/vendorLedgerEntries?vendorNo=V')).map((row: { amountLcy: string }) => dec(row.amountLcy)));
    expect(vendorBalance.toFixed(2)).toBe('-334.38');
    const inventoryValue = sum((await items('/api/v1/valueEntries?itemNo=A')).map((row: { costAmountActual: string }) => dec(row.costAmountActual)));
    expect(accountTotals(gl, '3000').debit).toBe(inventoryValue.toFixed(2));
    const debit = sum(gl.map((row) => dec(row.debitAmount)));
    const credit = sum(gl.map((row) => dec(row.creditAmount)));
    expect(debit.toFixed(2)).toBe(credit.toFixed(2));
  });

  it('receives and invoices an order in parts, in any order', async () => {
    const order = await created('/api/v1/purchaseOrders', { buyFromVendorNo: 'V', vendorInvoiceNo: 'P-1', lines: [{ type: 'item', no: 'B', quantity: '10' }] });
    await send('PATCH', `/api/v1/purchaseOrders/${order.no}/lines/10000`, { quantityToReceive: '6', quantityToInvoice: '2' });
    const first = await post(`/api/v1/purchaseOrders/${order.no}/post`, { receive: true, invoice: true });
    expect(first).toMatchObject({ receiptNo: 'PR0001', invoiceNo: 'PPI0001' });
    // BC's InitQtyToInvoice: what is received and not invoiced plus what is to receive (6 − 2 + 4).
    expect(first.document.lines[0]).toMatchObject({ quantityReceived: '6.00000', quantityInvoiced: '2.00000', quantityToReceive: '4.00000', quantityToInvoice: '8.00000' });
    await send('PATCH', `/api/v1/purchaseOrders/${order.no}`, { vendorInvoiceNo: 'P-2' });
    await send('PATCH', `/api/v1/purchaseOrders/${order.no}/lines/10000`, { quantityToInvoice: '4' });
    const second = await post(`/api/v1/purchaseOrders/${order.no}/post`, { invoice: true });
    expect(second).toMatchObject({ receiptNo: null, invoiceNo: 'PPI0002', documentDeleted: false });
    expect(second.document.lines[0]).toMatchObject({ quantityReceived: '6.00000', quantityInvoiced: '6.00000', quantityToInvoice: '4.00000' });
    const [entry] = await items('/api/v1/itemLedgerEntries?itemNo=B&entryType=purchase');
    expect(entry).toMatchObject({ quantity: '6.00000', invoicedQuantity: '6.00000', completelyInvoiced: true });
    const costs = await items(`/api/v1/valueEntries?itemLedgerEntryNo=${entry.entryNo}`);
    expect(sum(costs.map((row: { costAmountActual: string }) => dec(row.costAmountActual))).toFixed(2)).toBe('180.00');
    expect(sum(costs.map((row: { costAmountExpected: string }) => dec(row.costAmountExpected))).toFixed(2)).toBe('0.00');
    await send('PATCH', `/api/v1/purchaseOrders/${order.no}`, { vendorInvoiceNo: 'P-3' });
    const last = await post(`/api/v1/purchaseOrders/${order.no}/post`);
    expect(last).toMatchObject({ receiptNo: 'PR0002', invoiceNo: 'PPI0003', documentDeleted: true });
    const vendorEntries = await items('/api/v1/vendorLedgerEntries?vendorNo=V');
    expect(vendorEntries.map((row: { amount: string }) => row.amount)).toEqual(['-75.00', '-150.00', '-150.00']);
  });

  it('a purchase invoice in a foreign currency posts LCY to the G/L and the inventory, and keeps the currency on the vendor entry', async () => {
    await send('POST', '/api/v1/currencies', { code: 'USD' });
    expect((await send('POST', '/api/v1/currencies/USD/exchangeRates', { startingDate: '2026-01-01', exchangeRateAmount: '125', relationalExchangeRateAmount: '100' })).statusCode).toBe(201);
    // Last Direct Cost 55.00 (LCY) becomes 68.75 USD on the line.
    const invoice = await created('/api/v1/purchaseInvoices', { buyFromVendorNo: 'V', currencyCode: 'USD', vendorInvoiceNo: 'US-1', lines: [{ type: 'item', no: 'A', quantity: '8' }] });
    expect(invoice.lines[0]).toMatchObject({ directUnitCost: '68.75000', unitCostLcy: '55.00000', lineAmount: '550.00' });
    expect(invoice.totals.amountIncludingVat).toBe('687.50');
    const posted = await post(`/api/v1/purchaseInvoices/${invoice.no}/post`);
    const [vendorEntry] = await items('/api/v1/vendorLedgerEntries?vendorNo=V');
    expect(vendorEntry).toMatchObject({ currencyCode: 'USD', amount: '-687.50', amountLcy: '-550.00', purchaseLcy: '-440.00' });
    const gl = (await items(`/api/v1/glEntries?documentNo=${posted.invoiceNo}`)) as Entry[];
    expect(accountTotals(gl, '7060')).toEqual({ debit: '440.00', credit: '0.00' });
    expect(accountTotals(gl, '2320')).toEqual({ debit: '110.00', credit: '0.00' });
    expect(accountTotals(gl, '5400')).toEqual({ debit: '0.00', credit: '550.00' });
    expect(accountTotals(gl, '3000')).toEqual({ debit: '440.00', credit: '0.00' });
    expect((await send('GET', '/api/v1/items/A')).json()).toMatchObject({ lastDirectCost: '55.00000' });
  });

  it('undoes a receipt not yet invoiced: a correction line, the goods out at their cost, the order line received again', async () => {
    const order = await created('/api/v1/purchaseOrders', { buyFromVendorNo: 'V', lines: [{ type: 'item', no: 'B', quantity: '10', quantityToReceive: '4' }] });
    await post(`/api/v1/purchaseOrders/${order.no}/post`, { receive: true });
    const undone = await send('POST', '/api/v1/postedPurchaseReceipts/PR0001/undo', { lineNos: [10000] });
    expect(undone.statusCode, undone.body).toBe(200);
    const receipt = (await send('GET', '/api/v1/postedPurchaseReceipts/PR0001')).json();
    expect(receipt.lines.map((line: Record<string, unknown>) => [line.lineNo, line.quantity, line.correction])).toEqual([[10000, '4.00000', true], [10001, '-4.00000', true]]);
    const entries = await items('/api/v1/itemLedgerEntries?itemNo=B');
    expect(entries.map((entry: Record<string, unknown>) => [entry.quantity, entry.remainingQuantity, entry.correction])).toEqual([['4.00000', '0.00000', false], ['-4.00000', '0.00000', true]]);
    expect(entries[1].appliesToEntry).toBe(entries[0].entryNo);
    const costs = await items('/api/v1/valueEntries?itemNo=B');
    expect(sum(costs.map((row: { costAmountExpected: string }) => dec(row.costAmountExpected))).toFixed(2)).toBe('0.00');
    expect((await send('GET', `/api/v1/purchaseOrders/${order.no}`)).json().lines[0]).toMatchObject({ quantityReceived: '0.00000', quantityToReceive: '10.00000' });
    const again = await send('POST', '/api/v1/postedPurchaseReceipts/PR0001/undo', { lineNos: [10000] });
    expect(again.json()).toMatchObject({ code: 'UNDO_NOT_ALLOWED' });
    expect(again.json().detail).toContain('already been undone');

    // Received goods a sale has taken cannot be undone.
    await send('PATCH', `/api/v1/purchaseOrders/${order.no}/lines/10000`, { quantityToReceive: '3' });
    await post(`/api/v1/purchaseOrders/${order.no}/post`, { receive: true });
    const sale = await created('/api/v1/salesInvoices', { sellToCustomerNo: 'C', externalDocumentNo: 'X', lines: [{ type: 'item', no: 'B', quantity: '2' }] });
    await post(`/api/v1/salesInvoices/${sale.no}/post`);
    const used = await send('POST', '/api/v1/postedPurchaseReceipts/PR0002/undo', { lineNos: [10000] });
    expect(used.json()).toMatchObject({ code: 'UNDO_NOT_ALLOWED' });
    expect(used.json().detail).toContain('used already');
  });

  it('refuses without a Vendor Invoice No., a vendor invoice number posted before, and nothing to post; nothing is written', async () => {
    const invoice = await created('/api/v1/purchaseInvoices', { buyFromVendorNo: 'V', lines: [{ type: 'item', no: 'A', quantity: '1' }] });
    const missing = await send('POST', `/api/v1/purchaseInvoices/${invoice.no}/post`);
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'VENDOR_DOCUMENT_NO_REQUIRED', errors: [{ field: 'vendorInvoiceNo' }] });
    await send('PATCH', `/api/v1/purchaseInvoices/${invoice.no}`, { vendorInvoiceNo: 'DUP-1' });
    await post(`/api/v1/purchaseInvoices/${invoice.no}/post`);
    const again = await created('/api/v1/purchaseInvoices', { buyFromVendorNo: 'V', vendorInvoiceNo: 'DUP-1', lines: [{ type: 'item', no: 'A', quantity: '1' }] });
    const duplicate = await send('POST', `/api/v1/purchaseInvoices/${again.no}/post`);
    expect(duplicate.json()).toMatchObject({ code: 'VENDOR_DOCUMENT_NO_USED', errors: [{ field: 'vendorInvoiceNo' }] });
    const empty = await created('/api/v1/purchaseOrders', { buyFromVendorNo: 'V', lines: [{ type: 'item', no: 'A', quantity: '1', quantityToReceive: '0' }] });
    const nothing = await send('POST', `/api/v1/purchaseOrders/${empty.no}/post`, { receive: true });
    expect(nothing.json()).toMatchObject({ code: 'NOTHING_TO_POST' });
    expect((await items('/api/v1/vendorLedgerEntries?vendorNo=V'))).toHaveLength(1);
    expect((await items('/api/v1/postedPurchaseInvoices'))).toHaveLength(1);
  });

  it('a credit memo sends goods back at the cost of the entry they came in by and credits the vendor on the credit memo account', async () => {
    const invoice = await created('/api/v1/purchaseInvoices', { buyFromVendorNo: 'V', vendorInvoiceNo: 'I-1', lines: [{ type: 'item', no: 'A', quantity: '4' }] });
    await post(`/api/v1/purchaseInvoices/${invoice.no}/post`);
    const [entry] = await items('/api/v1/itemLedgerEntries?itemNo=A&entryType=purchase');
    const creditMemo = await created('/api/v1/purchaseCreditMemos', {
      buyFromVendorNo: 'V', vendorCreditMemoNo: 'CM-1', lines: [{ type: 'item', no: 'A', quantity: '1', applToItemEntry: entry.entryNo }],
    });
    const posted = await post(`/api/v1/purchaseCreditMemos/${creditMemo.no}/post`);
    expect(posted).toMatchObject({ creditMemoNo: 'PPC0001', returnShipmentNo: 'PRS0001', documentDeleted: true });
    const gl = (await items('/api/v1/glEntries?documentNo=PPC0001')) as Entry[];
    expect(accountTotals(gl, '7065')).toEqual({ debit: '0.00', credit: '55.00' });
    expect(accountTotals(gl, '5400')).toEqual({ debit: '68.75', credit: '0.00' });
    expect(accountTotals(gl, '3000')).toEqual({ debit: '0.00', credit: '55.00' });
    const back = (await items('/api/v1/itemLedgerEntries?itemNo=A&documentType=purchaseReturnShipment'))[0];
    expect(back).toMatchObject({ quantity: '-1.00000', entryType: 'purchase', appliesToEntry: entry.entryNo });
    expect((await items(`/api/v1/itemLedgerEntries?itemNo=A&entryType=purchase&positive=true`))[0]).toMatchObject({ remainingQuantity: '3.00000' });
    const [vendorCredit] = await items('/api/v1/vendorLedgerEntries?documentType=creditMemo');
    expect(vendorCredit).toMatchObject({ amount: '68.75', externalDocumentNo: 'CM-1' });
  });
});
