import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { workDated } from '../../support/work-dated.ts';
import { created } from '../../support/given.ts';
import { givenInventory } from '../../support/given-posting.ts';
import { givenPurchasingCompany } from '../../support/given-purchasing.ts';

/**
 * Delivery dates (spec §16.1) and Order Promising (§16.3–16.5) through the API, with the spec's
 * worked examples 8 (Available to Promise) and 9 (Capable to Promise).
 */
describe('delivery dates and order promising', () => {
  let api: TestApi;
  let admin: ReturnType<TestApi['as']>;
  const { send, ok } = workDated(() => admin, '2026-01-05');
  const dates = (line: Record<string, unknown>) => [line.shipmentDate, line.plannedShipmentDate, line.plannedDeliveryDate];

  beforeEach(async () => {
    api = await testApi();
    admin = await givenPurchasingCompany(api);
    await ok('PATCH', '/api/v1/inventorySetup', { outboundWarehouseHandlingTime: '1D' });
    await ok('PATCH', '/api/v1/customers/C', { shippingTime: '2D' });
  });
  afterEach(() => api.close());

  it('calculates a line backward from the requested delivery date and forward from the shipment date (§16.1 example)', async () => {
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [
      { type: 'item', no: 'A', quantity: '1', requestedDeliveryDate: '2026-01-20' },
      { type: 'item', no: 'A', quantity: '1', shipmentDate: '2026-01-10' },
    ] });
    expect(dates(order.lines[0])).toEqual(['2026-01-17', '2026-01-18', '2026-01-20']);
    expect(dates(order.lines[1])).toEqual(['2026-01-10', '2026-01-11', '2026-01-13']);
    expect([order.lines[0].shippingTime, order.lines[0].outboundWhseHandlingTime]).toEqual(['2D', '1D']);

    // A promised date wins and fixes the requested one until it is cleared.
    const line = `/api/v1/salesOrders/${order.no}/lines/${order.lines[0].lineNo}`;
    expect(dates(await ok('PATCH', line, { promisedDeliveryDate: '2026-01-22' }).then((doc) => doc.lines[0]))).toEqual(['2026-01-19', '2026-01-20', '2026-01-22']);
    const refused = await send('PATCH', line, { requestedDeliveryDate: '2026-01-25' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'REQUESTED_DATE_FIXED_BY_PROMISED', errors: [{ field: 'requestedDeliveryDate' }] });

    // The header's requested delivery date goes to the lines still to ship.
    const moved = await ok('PATCH', `/api/v1/salesOrders/${order.no}`, { requestedDeliveryDate: '2026-02-10' });
    expect(dates(moved.lines[1])).toEqual(['2026-02-07', '2026-02-08', '2026-02-10']);
  });

  it('moves dates onto working days of the company and customer calendars', async () => {
    await created(admin, '/api/v1/baseCalendars', { code: 'WEEKDAYS', name: 'Monday to Friday' });
    for (const day of [6, 7]) await created(admin, '/api/v1/baseCalendars/WEEKDAYS/changes', { recurringSystem: 'weekly', day, description: 'Weekend', nonworking: true });
    await ok('PATCH', '/api/v1/companyInformation', { baseCalendarCode: 'WEEKDAYS' });
    const bad = await send('POST', '/api/v1/baseCalendars/WEEKDAYS/changes', { recurringSystem: 'weekly', description: 'no day' });
    expect([bad.statusCode, bad.json().errors[0].field]).toEqual([400, 'day']);
    // Friday 9 January: one handling day lands on Monday 12, two shipping days on Wednesday 14.
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '1', shipmentDate: '2026-01-09' }] });
    expect(dates(order.lines[0])).toEqual(['2026-01-09', '2026-01-12', '2026-01-14']);
    // A requested delivery on Monday 19: shipping counts back over the weekend to Thursday 15, handling to Wednesday 14.
    const back = await ok('PATCH', `/api/v1/salesOrders/${order.no}/lines/${order.lines[0].lineNo}`, { requestedDeliveryDate: '2026-01-19' });
    expect(dates(back.lines[0])).toEqual(['2026-01-14', '2026-01-15', '2026-01-19']);
  });

  it('promises the receipt date of a purchase order when inventory falls short (worked example 8), explains it, and accepts it', async () => {
    await givenInventory(admin, '2026-01-02', [{ itemNo: 'A', quantity: '6', unitCost: '10' }]);
    const purchase = await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', lines: [{ type: 'item', no: 'A', quantity: '20', expectedReceiptDate: '2026-01-20' }] });
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '10', shipmentDate: '2026-01-10' }] });
    const { lines } = await ok('POST', `/api/v1/salesOrders/${order.no}/orderPromising`, { method: 'availableToPromise' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      itemNo: 'A', quantity: '10.00000', unavailableQuantity: '4.00000', originalShipmentDate: '2026-01-10',
      earliestShipmentDate: '2026-01-20', plannedDeliveryDate: '2026-01-23', supply: null,
    });
    const receipt = lines[0].explanation.find((step: { kind: string }) => step.kind === 'receipt');
    expect(receipt).toMatchObject({ date: '2026-01-20', quantity: '20.00000', documents: [{ kind: 'purchaseOrder', documentNo: purchase.no, quantity: '20.00000' }] });
    expect(lines[0].explanation[0]).toMatchObject({ kind: 'inventory', quantity: '6.00000' });

    const accepted = await ok('POST', `/api/v1/salesOrders/${order.no}/orderPromising/accept`, { method: 'availableToPromise' });
    expect(accepted.lines[0].earliestShipmentDate).toBe('2026-01-20');
    const after = await ok('GET', `/api/v1/salesOrders/${order.no}`);
    expect(dates(after.lines[0])).toEqual(['2026-01-20', '2026-01-21', '2026-01-23']);
  });

  it('ignores later supply once the quantity is available, and names no date when nothing covers it in the window', async () => {
    await givenInventory(admin, '2026-01-02', [{ itemNo: 'A', quantity: '12', unitCost: '10' }]);
    await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', lines: [{ type: 'item', no: 'A', quantity: '20', expectedReceiptDate: '2026-01-20' }] });
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [
      { type: 'item', no: 'A', quantity: '10', shipmentDate: '2026-01-10' }, { type: 'item', no: 'B', quantity: '5', shipmentDate: '2026-01-10' },
    ] });
    const { lines } = await ok('POST', `/api/v1/salesOrders/${order.no}/orderPromising`, {});
    expect(lines.map((line: Record<string, unknown>) => [line.itemNo, line.earliestShipmentDate, line.unavailableQuantity])).toEqual([
      ['A', '2026-01-05', '0.00000'], ['B', null, '5.00000'],
    ]);
    const refused = await send('POST', `/api/v1/salesOrders/${order.no}/orderPromising/accept`, {});
    expect(refused.json()).toMatchObject({ code: 'NO_DATE_IN_PROMISING_WINDOW' });
    // Nothing was accepted: line A keeps its date.
    expect((await ok('GET', `/api/v1/salesOrders/${order.no}`)).lines[0].shipmentDate).toBe('2026-01-10');
    await ok('POST', `/api/v1/salesOrders/${order.no}/orderPromising/accept`, { lineNos: [order.lines[0].lineNo] });
    expect((await ok('GET', `/api/v1/salesOrders/${order.no}`)).lines[0].shipmentDate).toBe('2026-01-05');
  });

  it('proposes a replenishment with lead times (worked example 9), accepts it onto the worksheet and carries it out', async () => {
    await givenInventory(admin, '2026-01-02', [{ itemNo: 'A', quantity: '6', unitCost: '10' }]);
    await ok('PATCH', '/api/v1/items/A', { leadTimeCalculation: '7D', safetyLeadTime: '1D', vendorNo: 'V' });
    await ok('PATCH', '/api/v1/orderPromisingSetup', { offsetTime: '1D' });
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '10', shipmentDate: '2026-01-10' }] });
    const { lines } = await ok('POST', `/api/v1/salesOrders/${order.no}/orderPromising`, { method: 'capableToPromise' });
    expect(lines[0]).toMatchObject({
      unavailableQuantity: '4.00000', earliestShipmentDate: '2026-01-14', plannedDeliveryDate: '2026-01-17',
      supply: { quantity: '4.00000', dueDate: '2026-01-14', endingDate: '2026-01-13', startingDate: '2026-01-06' },
    });
    await ok('POST', `/api/v1/salesOrders/${order.no}/orderPromising/accept`, { method: 'capableToPromise' });
    const worksheet = await ok('GET', '/api/v1/requisitionWorksheets/PROMISING/lines');
    expect(worksheet.items).toMatchObject([{ no: 'A', quantity: '4.00000', dueDate: '2026-01-14', startingDate: '2026-01-06', vendorNo: 'V', salesOrderNo: order.no }]);
    expect((await ok('GET', `/api/v1/salesOrders/${order.no}`)).lines[0].shipmentDate).toBe('2026-01-14');
    // The proposal is supply now: Available to Promise counts it.
    expect((await ok('POST', `/api/v1/salesOrders/${order.no}/orderPromising`, {})).lines[0].earliestShipmentDate).toBe('2026-01-14');
    // Accepting again replaces the proposal rather than adding a second one.
    await ok('POST', `/api/v1/salesOrders/${order.no}/orderPromising/accept`, { method: 'capableToPromise' });
    expect((await ok('GET', '/api/v1/requisitionWorksheets/PROMISING/lines')).items).toHaveLength(1);

    const { purchaseOrderNos } = await ok('POST', '/api/v1/requisitionWorksheets/PROMISING/carryOutActionMessage');
    const purchase = await ok('GET', `/api/v1/purchaseOrders/${purchaseOrderNos[0]}`);
    expect(purchase.lines).toMatchObject([{ no: 'A', quantity: '4.00000', expectedReceiptDate: '2026-01-14' }]);
  });

  it('shows availability by period and by location from the same figures', async () => {
    await created(admin, '/api/v1/locations', { code: 'MAIN' });
    await created(admin, '/api/v1/inventoryPostingSetups', { locationCode: 'MAIN', inventoryPostingGroup: 'RESALE', inventoryAccount: '3000', inventoryAccountInterim: '3010' });
    await givenInventory(admin, '2026-01-02', [{ itemNo: 'A', quantity: '6', unitCost: '10' }, { itemNo: 'A', quantity: '3', unitCost: '10', locationCode: 'MAIN' }]);
    await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', lines: [{ type: 'item', no: 'A', quantity: '20', expectedReceiptDate: '2026-01-20' }] });
    await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '10', shipmentDate: '2026-01-10' }] });
    const byWeek = await ok('GET', '/api/v1/items/A/availabilityByPeriod?periodType=week&periods=3&locationCode=');
    expect(byWeek.items.map((row: Record<string, string>) => [row.periodStart, row.grossRequirement, row.scheduledReceipt, row.projectedAvailableBalance])).toEqual([
      ['2026-01-05', '10.00000', '0.00000', '-4.00000'], ['2026-01-12', '0.00000', '0.00000', '-4.00000'], ['2026-01-19', '0.00000', '20.00000', '16.00000'],
    ]);
    const byLocation = await ok('GET', '/api/v1/items/A/availabilityByLocation?date=2026-01-31');
    expect(byLocation.items.map((row: Record<string, string>) => [row.locationCode, row.inventory, row.projectedAvailableBalance])).toEqual([
      ['', '6.00000', '16.00000'], ['MAIN', '3.00000', '3.00000'],
    ]);
    expect((await send('GET', '/api/v1/items/NOPE/availabilityByLocation')).statusCode).toBe(404);
  });
});
