import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { accountTotals } from '../../support/given-posting.ts';
import { givenPurchasingCompany } from '../../support/given-purchasing.ts';

/**
 * Copy Document on purchase documents (BC Copy Purchase Document) over HTTP. Test company
 * (given-purchasing.ts): vendor V (14D terms), items 1000, A, B with Last Direct Cost 60, 55, 30;
 * VAT 25 %; 3000 Inventory, 7065 Purch. Credit Memo, 5400 Payables.
 */
const workDate = { 'x-work-date': '2026-01-15' };
type Line = { lineNo: number; no: string; quantity: string; directUnitCost: string; lineAmount: string };
const costs = (lines: Line[]) => lines.map((line) => [line.lineNo, line.no, line.quantity, line.directUnitCost, line.lineAmount]);

describe('Copy Document on purchase documents', () => {
  let api: TestApi;
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);
  async function ok(method: 'POST' | 'PATCH', url: string, body?: unknown, status = 200) {
    const response = await send(method, url, body);
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  }
  const copy = (target: string, body: unknown) => send('POST', `${target}/copyDocument`, body);

  beforeEach(async () => {
    api = await testApi();
    await givenPurchasingCompany(api);
    await ok('POST', '/api/v1/vendors', { no: 'W', name: 'Vendor W', vendorPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC' }, 201);
  });
  afterEach(async () => api.close());

  it("copies an order's vendor, header and lines at their costs into an invoice, appends without the header, and recosts on request", async () => {
    const order = await ok('POST', '/api/v1/purchaseOrders', {
      buyFromVendorNo: 'V', vendorOrderNo: 'VO-9', yourReference: 'REF-1',
      lines: [{ type: 'item', no: 'A', quantity: '4', directUnitCost: '50', lineDiscountPercent: '10' }, { type: 'glAccount', no: '6100', quantity: '1', directUnitCost: '20' }],
    }, 201);
    const invoice = await ok('POST', '/api/v1/purchaseInvoices', { buyFromVendorNo: 'W', lines: [{ type: 'item', no: 'B', quantity: '1' }] }, 201);
    const base = `/api/v1/purchaseInvoices/${invoice.no}`;

    const copied = await ok('POST', `${base}/copyDocument`, { sourceDocumentType: 'order', sourceNo: order.no });
    expect(copied).toMatchObject({
      no: invoice.no, documentType: 'invoice', status: 'open', buyFromVendorNo: 'V', payToVendorNo: 'V', buyFromName: 'Vendor V',
      vendorOrderNo: 'VO-9', yourReference: 'REF-1', paymentTermsCode: '14D', noSeries: invoice.noSeries, warnings: [],
    });
    // The invoice's own line (B) is gone; the order's lines come with their cost and discount: 4 × 50 − 10 % = 180.
    expect(costs(copied.lines)).toEqual([[10000, 'A', '4.00000', '50.00000', '180.00'], [20000, '6100', '1.00000', '20.00000', '20.00']]);
    expect(copied.lines[0]).toMatchObject({ lineDiscountPercent: '10.00000', quantityToReceive: '4.00000', quantityToInvoice: '4.00000', unitCostLcy: '45.00000' });
    expect(copied.totals).toMatchObject({ amount: '200.00', vatAmount: '50.00', amountIncludingVat: '250.00' });
    // The source is untouched.
    expect((await send('GET', `/api/v1/purchaseOrders/${order.no}`)).json().lines).toHaveLength(2);

    await ok('POST', '/api/v1/purchasePrices', { itemNo: 'A', vendorNo: 'V', directUnitCost: '48' }, 201);
    const appended = await ok('POST', `${base}/copyDocument`, { sourceDocumentType: 'order', sourceNo: order.no, includeHeader: false, recalculateLines: true });
    // Without the header, lines are added after the existing ones, costed again from the vendor's price (48, no discount agreement).
    expect(costs(appended.lines)).toEqual([
      [10000, 'A', '4.00000', '50.00000', '180.00'], [20000, '6100', '1.00000', '20.00000', '20.00'],
      [30000, 'A', '4.00000', '48.00000', '192.00'], [40000, '6100', '1.00000', '20.00000', '20.00'],
    ]);
    expect(appended.lines[2]).toMatchObject({ lineDiscountPercent: '0.00000' });
    expect(appended.totals).toMatchObject({ amount: '412.00', amountIncludingVat: '515.00' });
  });

  it('copies a posted invoice into a credit memo with exact cost reversal, and posting it ships the goods back at their cost', async () => {
    const invoice = await ok('POST', '/api/v1/purchaseInvoices', { buyFromVendorNo: 'V', vendorInvoiceNo: 'VI-1', lines: [{ type: 'item', no: 'A', quantity: '3', directUnitCost: '40' }] }, 201);
    const posted = await ok('POST', `/api/v1/purchaseInvoices/${invoice.no}/post`, undefined, 201);
    const [entry] = (await send('GET', '/api/v1/itemLedgerEntries?itemNo=A&entryType=purchase')).json().items;
    await ok('PATCH', '/api/v1/items/A', { lastDirectCost: '99' });

    const creditMemo = await ok('POST', '/api/v1/purchaseCreditMemos', { buyFromVendorNo: 'V' }, 201);
    const copied = await ok('POST', `/api/v1/purchaseCreditMemos/${creditMemo.no}/copyDocument`, { sourceDocumentType: 'postedInvoice', sourceNo: posted.invoiceNo });
    // Posted invoices carry their costs: 40, not the Last Direct Cost 99; the line names the entry it sends back from.
    expect(costs(copied.lines)).toEqual([[10000, 'A', '3.00000', '40.00000', '120.00']]);
    expect(copied.lines[0]).toMatchObject({ applToItemEntry: entry.entryNo, returnQuantityToShip: '3.00000', receiptNo: null });
    expect(copied).toMatchObject({ vendorInvoiceNo: 'VI-1', appliesToDocumentNo: null });

    await ok('PATCH', `/api/v1/purchaseCreditMemos/${creditMemo.no}`, { vendorCreditMemoNo: 'CM-1' });
    const credited = await ok('POST', `/api/v1/purchaseCreditMemos/${creditMemo.no}/post`, undefined, 201);
    const gl = (await send('GET', `/api/v1/glEntries?documentNo=${credited.creditMemoNo}`)).json().items;
    expect(accountTotals(gl, '7065')).toEqual({ debit: '0.00', credit: '120.00' });
    expect(accountTotals(gl, '3000')).toEqual({ debit: '0.00', credit: '120.00' });
    expect(accountTotals(gl, '5400')).toEqual({ debit: '150.00', credit: '0.00' });
    const back = (await send('GET', '/api/v1/itemLedgerEntries?itemNo=A&documentType=purchaseReturnShipment')).json().items;
    expect(back).toEqual([expect.objectContaining({ quantity: '-3.00000', appliesToEntry: entry.entryNo })]);
  });

  it('costs the lines of a posted receipt again, and copies no drop-shipment link of a linked order', async () => {
    await ok('POST', '/api/v1/purchasingCodes', { code: 'DROP SHIP', dropShipment: true }, 201);
    await ok('POST', '/api/v1/items', {
      no: 'D', description: 'Drop-shipped desk', baseUnitOfMeasure: 'PCS', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'VAT25',
      inventoryPostingGroup: 'RESALE', unitPrice: '150', lastDirectCost: '90', vendorNo: 'V', purchasingCode: 'DROP SHIP',
    }, 201);
    const salesOrder = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'D', quantity: '5' }] }, 201);
    const dropOrder = await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V' }, 201);
    await ok('POST', `/api/v1/purchaseOrders/${dropOrder.no}/getSalesOrders`, { salesOrderNo: salesOrder.no });

    const target = await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V' }, 201);
    const copied = await ok('POST', `/api/v1/purchaseOrders/${target.no}/copyDocument`, { sourceDocumentType: 'order', sourceNo: dropOrder.no });
    expect(copied).toMatchObject({ sellToCustomerNo: null, shipToCode: null });
    expect(copied.shipToName).not.toBe('Customer C');
    expect(copied.lines).toEqual([expect.objectContaining({
      no: 'D', quantity: '5.00000', directUnitCost: '90.00000', dropShipment: false, specialOrder: false, salesOrderNo: null, salesOrderLineNo: null, purchasingCode: null,
    })]);
    // The sales line still buys from the original order.
    expect((await send('GET', `/api/v1/salesOrders/${salesOrder.no}`)).json().lines[0]).toMatchObject({ purchaseOrderNo: dropOrder.no });

    const order = await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', lines: [{ type: 'item', no: 'B', quantity: '2', directUnitCost: '35' }] }, 201);
    const received = await ok('POST', `/api/v1/purchaseOrders/${order.no}/post`, { receive: true }, 201);
    const invoice = await ok('POST', '/api/v1/purchaseInvoices', { buyFromVendorNo: 'V' }, 201);
    const fromReceipt = await ok('POST', `/api/v1/purchaseInvoices/${invoice.no}/copyDocument`, { sourceDocumentType: 'postedReceipt', sourceNo: received.receiptNo });
    // A receipt has no costs of its own: B is costed at its Last Direct Cost, 30, not the order's 35; nor does the copy bill the receipt.
    expect(costs(fromReceipt.lines)).toEqual([[10000, 'B', '2.00000', '30.00000', '60.00']]);
    expect(fromReceipt.lines[0]).toMatchObject({ receiptNo: null, receiptLineNo: null });
  });

  it('refuses a released target, a missing source, copying onto itself and a blocked vendor; leaves out blocked items with a warning', async () => {
    const source = await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', lines: [{ type: 'item', no: 'A', quantity: '1' }, { type: 'item', no: 'B', quantity: '2' }] }, 201);
    const target = await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'W', lines: [{ type: 'glAccount', no: '6100', quantity: '1', directUnitCost: '5' }] }, 201);
    const targetUrl = `/api/v1/purchaseOrders/${target.no}`;

    const missing = await copy(targetUrl, { sourceDocumentType: 'postedInvoice', sourceNo: 'NOPE' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND', detail: 'Posted Purchase Invoice NOPE does not exist.' });
    expect((await copy(targetUrl, { sourceDocumentType: 'invoice', sourceNo: 'NOPE' })).json()).toMatchObject({ code: 'NOT_FOUND' });
    const itself = await copy(targetUrl, { sourceDocumentType: 'order', sourceNo: target.no });
    expect(itself.statusCode).toBe(422);
    expect(itself.json()).toMatchObject({ code: 'COPY_DOCUMENT_SAME' });
    expect((await copy(targetUrl, { sourceDocumentType: 'quote', sourceNo: source.no })).statusCode).toBe(400);

    await ok('PATCH', '/api/v1/vendors/V', { blocked: 'all' });
    const blockedVendor = await copy(targetUrl, { sourceDocumentType: 'order', sourceNo: source.no });
    expect(blockedVendor.json()).toMatchObject({ code: 'VENDOR_BLOCKED', errors: [{ field: 'buyFromVendorNo' }] });
    await ok('PATCH', '/api/v1/vendors/V', { blocked: 'none' });

    await ok('POST', `${targetUrl}/release`);
    const released = await copy(targetUrl, { sourceDocumentType: 'order', sourceNo: source.no });
    expect(released.json()).toMatchObject({ code: 'COPY_TARGET_NOT_OPEN' });
    await ok('POST', `${targetUrl}/reopen`);
    // A refused copy changed nothing.
    const unchanged = (await send('GET', targetUrl)).json();
    expect(unchanged).toMatchObject({ buyFromVendorNo: 'W' });
    expect(costs(unchanged.lines)).toEqual([[10000, '6100', '1.00000', '5.00000', '5.00']]);

    await ok('PATCH', '/api/v1/items/B', { blocked: true });
    const partly = await ok('POST', `${targetUrl}/copyDocument`, { sourceDocumentType: 'order', sourceNo: source.no });
    expect(partly.lines.map((line: Line) => line.no)).toEqual(['A']);
    expect(partly.warnings).toEqual([expect.objectContaining({ code: 'LINE_NOT_COPIED', details: { lineNo: '20000', no: 'B' } })]);
  });
});
