import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { givenInventory } from '../../support/given-posting.ts';
import { givenPurchasingCompany } from '../../support/given-purchasing.ts';

/**
 * Issue 14, point 3 (spec §15.1–15.2): the requisition worksheet. Get Sales Orders proposes a line per
 * drop-shipment (special-order) sales line, the vendor from the item; Carry Out Action Message makes
 * one purchase order per vendor and destination and links the lines both ways.
 */
const workDate = { 'x-work-date': '2026-01-15' };

describe('requisition worksheet', () => {
  let api: TestApi;
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);
  async function ok(method: 'POST' | 'PATCH', url: string, body?: unknown, status = method === 'POST' ? 201 : 200) {
    const response = await send(method, url, body);
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  }
  const worksheet = '/api/v1/requisitionWorksheets/DEFAULT';

  beforeEach(async () => {
    api = await testApi();
    await givenPurchasingCompany(api);
    await ok('POST', '/api/v1/purchasingCodes', { code: 'DROP SHIP', dropShipment: true });
    await ok('POST', '/api/v1/purchasingCodes', { code: 'SPEC ORDER', specialOrder: true });
    await ok('POST', '/api/v1/vendors', { no: 'W', name: 'Vendor W', vendorPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC' });
    await ok('POST', '/api/v1/customers', { no: 'K', name: 'Customer K', customerPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC' });
  });
  afterEach(async () => api.close());

  it('proposes the drop-shipment lines with the item\'s vendor and makes one purchase order per vendor and customer', async () => {
    const first = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [
      { type: 'item', no: 'A', quantity: '2', purchasingCode: 'DROP SHIP' }, { type: 'item', no: 'B', quantity: '3', purchasingCode: 'DROP SHIP' },
      { type: 'item', no: '1000', quantity: '1' },
    ] });
    const second = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'K', lines: [{ type: 'item', no: 'A', quantity: '4', purchasingCode: 'DROP SHIP' }] });
    const proposed = await ok('POST', `${worksheet}/getSalesOrders`, { kind: 'dropShipment' });
    expect(proposed.items.map((line: Record<string, unknown>) => [line.salesOrderNo, line.salesOrderLineNo, line.no, line.quantity, line.vendorNo, line.directUnitCost, line.sellToCustomerNo]))
      .toEqual([
        [first.no, 10000, 'A', '2.00000', 'V', '55.00000', 'C'], [first.no, 20000, 'B', '3.00000', 'V', '30.00000', 'C'],
        [second.no, 10000, 'A', '4.00000', 'V', '55.00000', 'K'],
      ]);
    const nothingMore = await send('POST', `${worksheet}/getSalesOrders`, { kind: 'dropShipment' });
    expect(nothingMore.json()).toMatchObject({ code: 'NO_SALES_LINES_TO_PURCHASE' });
    // B comes from vendor W at another price.
    await ok('PATCH', `${worksheet}/lines/${proposed.items[1].id}`, { vendorNo: 'W', directUnitCost: '28.50' });
    const unknownVendor = await send('PATCH', `${worksheet}/lines/${proposed.items[1].id}`, { vendorNo: 'NOPE' });
    expect(unknownVendor.json()).toMatchObject({ code: 'RELATED_RECORD_NOT_FOUND', errors: [{ field: 'vendorNo' }] });

    const carried = await ok('POST', `${worksheet}/carryOutActionMessage`);
    expect(carried.purchaseOrderNos).toHaveLength(3);
    const orders = await Promise.all(carried.purchaseOrderNos.map(async (no: string) => (await send('GET', `/api/v1/purchaseOrders/${no}`)).json()));
    const summary = orders.map((order) => [order.buyFromVendorNo, order.sellToCustomerNo, order.lines.map((line: Record<string, unknown>) => `${line.no} ${line.quantity} @ ${line.directUnitCost} ${line.salesOrderNo}/${line.salesOrderLineNo}`)]);
    expect(summary).toEqual(expect.arrayContaining([
      ['V', 'C', [`A 2.00000 @ 55.00000 ${first.no}/10000`]],
      ['W', 'C', [`B 3.00000 @ 28.50000 ${first.no}/20000`]],
      ['V', 'K', [`A 4.00000 @ 55.00000 ${second.no}/10000`]],
    ]));
    const linked = (await send('GET', `/api/v1/salesOrders/${first.no}`)).json().lines;
    expect(linked[0].purchaseOrderNo).toBeTruthy();
    expect(linked[1].purchaseOrderNo).toBeTruthy();
    expect(linked[2].purchaseOrderNo).toBeNull();
    expect((await send('GET', `${worksheet}/lines`)).json().items).toEqual([]);
  });

  it('refuses to carry out a line without a vendor, naming it, and creates nothing; special orders go to our location', async () => {
    await send('PATCH', '/api/v1/items/B', { vendorNo: null });
    const sales = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [
      { type: 'item', no: 'A', quantity: '1', purchasingCode: 'SPEC ORDER' }, { type: 'item', no: 'B', quantity: '1', purchasingCode: 'SPEC ORDER' },
    ] });
    const proposed = await ok('POST', `${worksheet}/getSalesOrders`, { kind: 'specialOrder', salesOrderNo: sales.no });
    expect(proposed.items.map((line: { vendorNo: string | null }) => line.vendorNo)).toEqual(['V', null]);
    const refused = await send('POST', `${worksheet}/carryOutActionMessage`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'FIELD_REQUIRED', errors: [{ field: 'lines.20000.vendorNo' }] });
    expect((await send('GET', '/api/v1/purchaseOrders')).json().items).toEqual([]);
    // Not accepted: left on the worksheet, not carried out.
    await ok('PATCH', `${worksheet}/lines/${proposed.items[1].id}`, { acceptActionMessage: false });
    const carried = await ok('POST', `${worksheet}/carryOutActionMessage`);
    const order = (await send('GET', `/api/v1/purchaseOrders/${carried.purchaseOrderNos[0]}`)).json();
    expect(order).toMatchObject({ sellToCustomerNo: null });
    expect(order.lines).toEqual([expect.objectContaining({ no: 'A', specialOrder: true, specialOrderSalesNo: sales.no, specialOrderSalesLineNo: 10000 })]);
    expect((await send('GET', `${worksheet}/lines`)).json().items).toHaveLength(1);

    // The special order is received into stock and shipped with another item, as any order.
    await send('PATCH', `/api/v1/purchaseOrders/${order.no}`, { vendorInvoiceNo: 'SO-1' });
    await ok('POST', `/api/v1/purchaseOrders/${order.no}/post`, { receive: true });
    await givenInventory(api.as('admin'), '2026-01-01', [{ itemNo: '1000', quantity: '5', unitCost: '60' }]);
    expect((await send('DELETE', `/api/v1/salesOrders/${sales.no}/lines/20000`)).statusCode).toBe(200);
    await ok('POST', `/api/v1/salesOrders/${sales.no}/lines`, { type: 'item', no: '1000', quantity: '1' });
    const posted = await ok('POST', `/api/v1/salesOrders/${sales.no}/post`, { ship: true });
    expect(posted.shipmentNo).toBeTruthy();
    const entries = (await send('GET', '/api/v1/itemLedgerEntries?itemNo=A')).json().items;
    expect(entries.map((entry: Record<string, unknown>) => [entry.entryType, entry.quantity, entry.remainingQuantity, entry.dropShipment]))
      .toEqual([['purchase', '1.00000', '0.00000', false], ['sale', '-1.00000', '0.00000', false]]);
  });
});
