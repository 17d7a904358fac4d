import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { workDated } from '../../support/work-dated.ts';
import { givenInventory } from '../../support/given-posting.ts';
import { givenPurchasingCompany } from '../../support/given-purchasing.ts';

/**
 * Reservations (issue 20 item 3): a sales order line holds stock or a purchase order line; reserved
 * quantities are respected by Available to Promise and by posting other lines; Reserve = Always
 * reserves by itself; the last unit goes to exactly one of two concurrent reservations.
 */
describe('reservations', () => {
  let api: TestApi;
  let admin: ReturnType<TestApi['as']>;
  const { send, ok } = workDated(() => admin, '2026-01-05');
  const order = async (quantity: string, shipmentDate = '2026-01-10', itemNo = 'A') =>
    ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: itemNo, quantity, shipmentDate }] });
  const reservedOf = async (no: string, lineNo = 10000) => (await ok('GET', `/api/v1/salesOrders/${no}/lines/${lineNo}/reservations`)).reservedQuantity;

  beforeEach(async () => {
    api = await testApi();
    admin = await givenPurchasingCompany(api);
  });
  afterEach(() => api.close());

  it('reserves inventory first, then a purchase order due by the shipment date, and Available to Promise counts it as taken', async () => {
    await givenInventory(admin, '2026-01-02', [{ itemNo: 'A', quantity: '6', unitCost: '10' }]);
    const purchase = await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', lines: [{ type: 'item', no: 'A', quantity: '5', expectedReceiptDate: '2026-01-08' }] });
    const first = await order('8');
    const reserved = await ok('POST', `/api/v1/salesOrders/${first.no}/lines/10000/reserve`, {});
    expect(reserved.reservedNow).toBe('8.00000');
    expect(reserved.items.map((row: Record<string, unknown>) => [row.supplyType, row.quantityBase, row.purchaseDocumentNo])).toEqual([
      ['inventory', '6.00000', null], ['purchaseOrder', '2.00000', purchase.no],
    ]);
    expect((await send('POST', `/api/v1/salesOrders/${first.no}/lines/10000/reserve`, {})).json()).toMatchObject({ code: 'NOTHING_TO_RESERVE' });

    // Another order for 3 on the 10th: the 3 left of the purchase order are all that is free.
    const second = await order('4');
    const { lines } = await ok('POST', `/api/v1/salesOrders/${second.no}/orderPromising`, {});
    expect(lines[0]).toMatchObject({ unavailableQuantity: '1.00000', earliestShipmentDate: null });
    const explicit = await send('POST', `/api/v1/salesOrders/${second.no}/lines/10000/reserve`, { quantity: '4', supply: { type: 'purchaseOrder', documentNo: purchase.no, lineNo: 10000 } });
    expect(explicit.json()).toMatchObject({ code: 'RESERVATION_NOT_POSSIBLE', params: { available: '3.00000' } });
    // A fully reserved line promises its own date.
    expect((await ok('POST', `/api/v1/salesOrders/${first.no}/orderPromising`, {})).lines[0]).toMatchObject({ requiredQuantity: '0.00000', earliestShipmentDate: '2026-01-10' });
  });

  it('refuses to ship stock reserved for another order, consumes a reservation when its line ships, and moves it onto inventory at receipt', async () => {
    await givenInventory(admin, '2026-01-02', [{ itemNo: 'A', quantity: '5', unitCost: '10' }]);
    const reservedOrder = await order('4');
    await ok('POST', `/api/v1/salesOrders/${reservedOrder.no}/lines/10000/reserve`, {});
    const other = await order('2');
    const refused = await send('POST', `/api/v1/salesOrders/${other.no}/post`, { ship: true });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'RESERVED_FOR_OTHER_DEMAND', params: { toShip: '2.00000', reserved: '4.00000', free: '1.00000' } });
    await ok('POST', `/api/v1/salesOrders/${other.no}/reopen`);
    await ok('PATCH', `/api/v1/salesOrders/${other.no}/lines/10000`, { quantityToShip: '1' });
    await ok('POST', `/api/v1/salesOrders/${other.no}/post`, { ship: true });

    await ok('POST', `/api/v1/salesOrders/${reservedOrder.no}/reopen`);
    await ok('PATCH', `/api/v1/salesOrders/${reservedOrder.no}/lines/10000`, { quantityToShip: '3' });
    await ok('POST', `/api/v1/salesOrders/${reservedOrder.no}/post`, { ship: true });
    expect(await reservedOf(reservedOrder.no)).toBe('1.00000');

    const purchase = await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', lines: [{ type: 'item', no: 'B', quantity: '10', expectedReceiptDate: '2026-01-08' }] });
    const bOrder = await order('6', '2026-01-10', 'B');
    await ok('POST', `/api/v1/salesOrders/${bOrder.no}/lines/10000/reserve`, {});
    await ok('PATCH', `/api/v1/purchaseOrders/${purchase.no}/lines/10000`, { quantityToReceive: '4' });
    await ok('POST', `/api/v1/purchaseOrders/${purchase.no}/post`, { receive: true });
    const after = await ok('GET', `/api/v1/salesOrders/${bOrder.no}/lines/10000/reservations`);
    expect(after.reservedQuantity).toBe('6.00000');
    expect(after.items.map((row: Record<string, unknown>) => [row.supplyType, row.quantityBase]).sort()).toEqual([['inventory', '4.00000'], ['purchaseOrder', '2.00000']]);
  });

  it('reserves by itself for Reserve = Always, gives back what a smaller quantity no longer needs, and refuses Reserve = Never', async () => {
    await givenInventory(admin, '2026-01-02', [{ itemNo: 'A', quantity: '5', unitCost: '10' }]);
    await ok('PATCH', '/api/v1/items/A', { reserve: 'always' });
    const always = await order('3');
    expect(await reservedOf(always.no)).toBe('3.00000');
    await ok('PATCH', `/api/v1/salesOrders/${always.no}/lines/10000`, { quantity: '2' });
    expect(await reservedOf(always.no)).toBe('2.00000');
    expect((await ok('DELETE', `/api/v1/salesOrders/${always.no}/lines/10000/reservations`)).cancelledQuantity).toBe('2.00000');

    await ok('PATCH', '/api/v1/items/A', { reserve: 'never' });
    const never = await order('1');
    expect((await send('POST', `/api/v1/salesOrders/${never.no}/lines/10000/reserve`, {})).json()).toMatchObject({ code: 'LINE_NOT_RESERVABLE' });
  });

  it('gives the last unit to exactly one of two reservations made at once', async () => {
    await givenInventory(admin, '2026-01-02', [{ itemNo: 'A', quantity: '1', unitCost: '10' }]);
    const [one, two] = [await order('1'), await order('1')];
    const answers = await Promise.all([one, two].map((document) => send('POST', `/api/v1/salesOrders/${document.no}/lines/10000/reserve`, {})));
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 422]);
    expect([await reservedOf(one.no), await reservedOf(two.no)].sort()).toEqual(['0.00000', '1.00000']);
  });
});
