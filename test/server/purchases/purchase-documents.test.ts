import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { givenPurchasingCompany } from '../../support/given-purchasing.ts';

/**
 * Issue 14, point 1: purchase orders, invoices, credit memos and return orders over HTTP, their
 * header from the vendor, lines costed from the item's Last Direct Cost, amounts with line and
 * invoice discount and VAT, Release and Reopen, and the refusals that name their field.
 */
const workDate = { 'x-work-date': '2026-01-15' };

describe('purchase documents', () => {
  let api: TestApi;
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);

  beforeEach(async () => {
    api = await testApi();
    await givenPurchasingCompany(api);
  });
  afterEach(async () => api.close());

  async function order(lines: Record<string, unknown>[], header: Record<string, unknown> = {}) {
    const response = await send('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', vendorInvoiceNo: 'VI-1', ...header, lines });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  it('fills the header from the vendor and costs item lines at Last Direct Cost, with VAT and totals', async () => {
    const created = await order([{ type: 'item', no: '1000', quantity: '3' }, { type: 'glAccount', no: '6100', quantity: '1', directUnitCost: '20' }]);
    expect(created).toMatchObject({
      no: 'PO0001', documentType: 'order', status: 'open', buyFromVendorNo: 'V', buyFromName: 'Vendor V', buyFromCity: 'Antwerp', payToVendorNo: 'V',
      vendorPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC', paymentTermsCode: '14D',
      orderDate: '2026-01-15', postingDate: '2026-01-15', documentDate: '2026-01-15', dueDate: '2026-01-29', vendorInvoiceNo: 'VI-1',
    });
    expect(created.lines[0]).toMatchObject({
      lineNo: 10000, type: 'item', no: '1000', description: 'Bicycle', unitOfMeasureCode: 'PCS', vendorItemNo: 'V-1000',
      directUnitCost: '60.00000', unitCostLcy: '60.00000', quantityToReceive: '3.00000', quantityToInvoice: '3.00000', quantityReceived: '0.00000',
      lineAmount: '180.00', amount: '180.00', amountIncludingVat: '225.00', vatPercent: '25.00000', outstandingQuantity: '3.00000',
      quantityReceivedNotInvoiced: '0.00000', completelyReceived: false,
    });
    expect(created.lines[1]).toMatchObject({ type: 'glAccount', no: '6100', description: 'Freight', lineAmount: '20.00', amountIncludingVat: '25.00' });
    expect(created.totals).toEqual({ lineAmount: '200.00', lineDiscountAmount: '0.00', invoiceDiscountAmount: '0.00', amount: '200.00', vatAmount: '50.00', amountIncludingVat: '250.00' });

    const list = (await send('GET', '/api/v1/purchaseOrders?buyFromVendorNo=V')).json();
    expect(list.items).toEqual([expect.objectContaining({ no: 'PO0001', amount: '200.00', amountIncludingVat: '250.00' })]);
  });

  it('takes line discounts, a typed cost and an invoice discount, and spreads the discount over the lines', async () => {
    const created = await order([{ type: 'item', no: '1000', quantity: '4', lineDiscountPercent: '10' }, { type: 'item', no: 'B', quantity: '2', directUnitCost: '35' }]);
    expect(created.lines[0]).toMatchObject({ lineDiscountAmount: '24.00', lineAmount: '216.00', unitCostLcy: '54.00000' });
    expect(created.lines[1]).toMatchObject({ directUnitCost: '35.00000', lineAmount: '70.00' });
    const discounted = await send('PATCH', `/api/v1/purchaseOrders/${created.no}`, { invoiceDiscountAmount: '28.60' });
    expect(discounted.statusCode, discounted.body).toBe(200);
    expect(discounted.json().lines.map((line: { invoiceDiscountAmount: string }) => line.invoiceDiscountAmount)).toEqual(['21.60', '7.00']);
    expect(discounted.json().totals).toMatchObject({ amount: '257.40', vatAmount: '64.35', amountIncludingVat: '321.75' });
    const changedQuantity = await send('PATCH', `/api/v1/purchaseOrders/${created.no}/lines/20000`, { quantity: '3' });
    expect(changedQuantity.json().lines[1]).toMatchObject({ directUnitCost: '35.00000', lineAmount: '105.00', quantityToReceive: '3.00000' });
  });

  it('costs lines from the vendor\'s purchase prices and line discounts: the lowest cost and the highest discount that apply', async () => {
    for (const price of [
      { directUnitCost: '50' }, { directUnitCost: '45', minimumQuantity: '10' },
      { directUnitCost: '40', startingDate: '2025-12-01', endingDate: '2026-01-01' }, { directUnitCost: '47', startingDate: '2026-02-01' },
    ]) expect((await send('POST', '/api/v1/purchasePrices', { itemNo: 'A', vendorNo: 'V', ...price })).statusCode).toBe(201);
    expect((await send('POST', '/api/v1/purchaseLineDiscounts', { itemNo: 'A', vendorNo: 'V', lineDiscountPercent: '5', minimumQuantity: '20' })).statusCode).toBe(201);
    const backwards = await send('POST', '/api/v1/purchasePrices', { itemNo: 'A', vendorNo: 'V', directUnitCost: '1', startingDate: '2026-03-01', endingDate: '2026-02-01' });
    expect(backwards.json()).toMatchObject({ errors: [{ field: 'endingDate' }] });

    const created = await order([{ type: 'item', no: 'A', quantity: '5' }]);
    expect(created.lines[0]).toMatchObject({ directUnitCost: '50.00000', lineDiscountPercent: '0.00000' });
    const ten = await send('PATCH', `/api/v1/purchaseOrders/${created.no}/lines/10000`, { quantity: '12' });
    expect(ten.json().lines[0]).toMatchObject({ directUnitCost: '45.00000', lineDiscountPercent: '0.00000' });
    const twenty = await send('PATCH', `/api/v1/purchaseOrders/${created.no}/lines/10000`, { quantity: '25' });
    expect(twenty.json().lines[0]).toMatchObject({ directUnitCost: '45.00000', lineDiscountPercent: '5.00000', lineAmount: '1068.75' });
    // Another vendor has no agreement: the item's Last Direct Cost.
    await send('POST', '/api/v1/vendors', { no: 'W', name: 'Vendor W', vendorPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC' });
    const other = await send('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'W', lines: [{ type: 'item', no: 'A', quantity: '25' }] });
    expect(other.json().lines[0]).toMatchObject({ directUnitCost: '55.00000', lineDiscountPercent: '0.00000' });
  });

  it('releases, refuses changes to released lines but not to the quantity to receive, and reopens', async () => {
    const created = await order([{ type: 'item', no: 'A', quantity: '5' }]);
    const released = await send('POST', `/api/v1/purchaseOrders/${created.no}/release`);
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json().status).toBe('released');
    const quantity = await send('PATCH', `/api/v1/purchaseOrders/${created.no}/lines/10000`, { quantity: '6' });
    expect(quantity.statusCode).toBe(422);
    expect(quantity.json()).toMatchObject({ code: 'STATUS_MUST_BE_OPEN', errors: [{ field: 'quantity' }] });
    expect(quantity.json().detail).toContain('purchase line');
    const toReceive = await send('PATCH', `/api/v1/purchaseOrders/${created.no}/lines/10000`, { quantityToReceive: '2' });
    expect(toReceive.json().lines[0]).toMatchObject({ quantityToReceive: '2.00000', quantityToInvoice: '2.00000' });
    const newLine = await send('POST', `/api/v1/purchaseOrders/${created.no}/lines`, { type: 'item', no: 'B', quantity: '1' });
    expect(newLine.json()).toMatchObject({ code: 'STATUS_MUST_BE_OPEN' });
    const reopened = await send('POST', `/api/v1/purchaseOrders/${created.no}/reopen`);
    expect(reopened.json().status).toBe('open');
    expect((await send('PATCH', `/api/v1/purchaseOrders/${created.no}/lines/10000`, { quantity: '6' })).json().lines[0]).toMatchObject({ quantity: '6.00000', quantityToReceive: '6.00000' });
  });

  it('answers bad input with the field at fault and keeps nothing', async () => {
    const unknownVendor = await send('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'NOPE' });
    expect(unknownVendor.statusCode).toBe(422);
    expect(unknownVendor.json()).toMatchObject({ code: 'RELATED_RECORD_NOT_FOUND', errors: [{ field: 'buyFromVendorNo' }] });
    await send('POST', '/api/v1/vendors', { no: 'X', name: 'Blocked vendor', vendorPostingGroup: 'DOMESTIC', blocked: 'all' });
    const blocked = await send('POST', '/api/v1/purchaseInvoices', { buyFromVendorNo: 'X' });
    expect(blocked.json()).toMatchObject({ code: 'VENDOR_BLOCKED', errors: [{ field: 'buyFromVendorNo' }] });
    const badLine = await send('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', lines: [{ type: 'item', no: '1000', quantity: '1' }, { type: 'item', no: 'NOPE', quantity: '1' }] });
    expect(badLine.json()).toMatchObject({ code: 'RELATED_RECORD_NOT_FOUND', errors: [{ field: 'lines.1.no' }] });
    expect((await send('GET', '/api/v1/purchaseOrders')).json().items).toEqual([]);

    const created = await order([{ type: 'item', no: '1000', quantity: '2' }]);
    const tooMuch = await send('PATCH', `/api/v1/purchaseOrders/${created.no}/lines/10000`, { quantityToReceive: '3' });
    expect(tooMuch.json()).toMatchObject({ code: 'RECEIVE_MORE_THAN_OUTSTANDING', errors: [{ field: 'quantityToReceive' }] });
    const wrongUnit = await send('PATCH', `/api/v1/purchaseOrders/${created.no}/lines/10000`, { unitOfMeasureCode: 'BOX' });
    expect(wrongUnit.json()).toMatchObject({ code: 'ITEM_UNIT_OF_MEASURE_MISSING', errors: [{ field: 'unitOfMeasureCode' }] });
    const stale = await api.as('admin')('PATCH', `/api/v1/purchaseOrders/${created.no}`, { yourReference: 'X' }, { ...workDate, 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    const empty = await send('POST', '/api/v1/purchaseInvoices', { buyFromVendorNo: 'V' });
    const release = await send('POST', `/api/v1/purchaseInvoices/${empty.json().no}/release`);
    expect(release.json()).toMatchObject({ code: 'NOTHING_TO_RELEASE' });
    expect(release.json().detail).toContain('purchase invoice');
  });

  it('serves invoices, credit memos and return orders with their own series and quantity fields', async () => {
    const invoice = (await send('POST', '/api/v1/purchaseInvoices', { buyFromVendorNo: 'V', vendorInvoiceNo: 'INV-9', lines: [{ type: 'item', no: 'A', quantity: '2' }] })).json();
    expect(invoice).toMatchObject({ no: 'PINV0001', documentType: 'invoice' });
    expect(invoice.lines[0]).toMatchObject({ quantityToReceive: '2.00000', quantityToInvoice: '2.00000', directUnitCost: '55.00000' });
    const partial = await send('PATCH', `/api/v1/purchaseInvoices/${invoice.no}/lines/10000`, { quantityToInvoice: '1' });
    expect(partial.json()).toMatchObject({ code: 'QUANTITY_CHANGE_ON_INVOICE', errors: [{ field: 'quantityToInvoice' }] });
    const creditMemo = (await send('POST', '/api/v1/purchaseCreditMemos', { buyFromVendorNo: 'V', vendorCreditMemoNo: 'CM-1', lines: [{ type: 'item', no: 'A', quantity: '1' }] })).json();
    expect(creditMemo).toMatchObject({ no: 'PCR0001', documentType: 'creditMemo' });
    expect(creditMemo.lines[0]).toMatchObject({ returnQuantityToShip: '1.00000', quantityToReceive: '0.00000', returnQuantityShippedNotInvoiced: '0.00000' });
    const returnOrder = (await send('POST', '/api/v1/purchaseReturnOrders', { buyFromVendorNo: 'V', lines: [{ type: 'item', no: 'B', quantity: '4' }] })).json();
    expect(returnOrder).toMatchObject({ no: 'PRO0001' });
    const typedNo = await send('POST', '/api/v1/purchaseOrders', { no: 'PO-MANUAL', buyFromVendorNo: 'V' });
    expect(typedNo.json()).toMatchObject({ no: 'PO-MANUAL' });
    const again = await send('POST', '/api/v1/purchaseOrders', { no: 'PO-MANUAL', buyFromVendorNo: 'V' });
    expect(again.statusCode).toBe(409);
    expect((await send('DELETE', '/api/v1/purchaseOrders/PO-MANUAL')).statusCode).toBe(204);
    expect((await send('GET', '/api/v1/purchaseOrders/PO-MANUAL')).statusCode).toBe(404);
  });
});
