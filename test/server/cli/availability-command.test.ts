import { beforeAll, describe, expect, it } from 'vitest';
import { runLedgerline, useCliWorkspace } from '../../support/cli.ts';

// `ledgerline order-promising`, `item-availability` and `reserve` as a clerk runs them on the demo company, on
// 5 January 2026, with the spec's worked example 8 (§16.4) on an item of the test's own: 6 in stock
// at MAIN, a purchase order of 20 expected on 20 January, a sales order of 10 to ship on 10 January.
const workspace = useCliWorkspace('ledgerline-availability-cli-');
const ledgerline = (...args: string[]) => runLedgerline(workspace.environment(), ['--work-date', '2026-01-05', ...args]);

async function ok(...args: string[]) {
  const run = await ledgerline(...args);
  expect(run.status, `ledgerline ${args.join(' ')}: ${run.stderr}`).toBe(0);
  return run;
}

/** An inventory item like the demo's furniture, with `quantity` in stock at MAIN from 2 January. */
async function givenItem(no: string, quantity: string, fields: Record<string, string> = {}) {
  await ok('create', 'items', '--data', JSON.stringify({
    no, description: `Promising ${no}`, type: 'inventory', baseUnitOfMeasure: 'PCS', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'HIGH',
    inventoryPostingGroup: 'RESALE', vendorNo: 'V00010', ...fields,
  }));
  if (quantity === '0') return;
  await ok('action', 'itemJournal/post', '--data', JSON.stringify({ lines: [{
    postingDate: '2026-01-02', entryType: 'positiveAdjustment', documentNo: `OPEN-${no}`, itemNo: no, locationCode: 'MAIN', quantity, unitCost: '10',
  }] }));
}

/** A sales order at MAIN with two days' shipping (MAIN handles outbound in one day); its number and lines. */
async function givenOrder(lines: Array<{ no: string; quantity: string }>) {
  const order = (await ok('create', 'salesOrders', '--data', JSON.stringify({
    sellToCustomerNo: 'C00010', locationCode: 'MAIN', shippingTime: '2D',
    lines: lines.map((line) => ({ type: 'item', ...line, locationCode: 'MAIN', shipmentDate: '2026-01-10' })),
  }))).json();
  return order as { no: string; lines: Array<{ lineNo: number; shipmentDate: string }> };
}

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('ledgerline order-promising / item-availability / reserve', () => {
  let purchaseNo: string;
  beforeAll(async () => {
    await ok('demo');
    await givenItem('PROM-A', '6');
    const purchase = await ok('create', 'purchaseOrders', '--data', JSON.stringify({
      buyFromVendorNo: 'V00010', locationCode: 'MAIN', lines: [{ type: 'item', no: 'PROM-A', quantity: '20', locationCode: 'MAIN', expectedReceiptDate: '2026-01-20' }],
    }));
    purchaseNo = purchase.json().no;
  }, 600_000);

  it('promises the purchase order\'s receipt date (worked example 8), explains it, and accepts it', { timeout: 240_000 }, async () => {
    const order = await givenOrder([{ no: 'PROM-A', quantity: '10' }]);
    const lineNo = String(order.lines[0]!.lineNo);

    // The figures the promise rests on, week by week at MAIN: 10 short of the 6 in stock until the receipt of 20.
    const byWeek = await ok('item-availability', 'PROM-A', '--period-type', 'week', '--periods', '3', '--location', 'MAIN', '--json');
    expect(byWeek.json().items.map((row: Record<string, string>) => [row.periodStart, row.inventory, row.grossRequirement, row.scheduledReceipt, row.projectedAvailableBalance]))
      .toEqual([['2026-01-05', '6.00000', '10.00000', '0.00000', '-4.00000'], ['2026-01-12', '6.00000', '0.00000', '0.00000', '-4.00000'], ['2026-01-19', '6.00000', '0.00000', '20.00000', '16.00000']]);
    const table = (await ok('item-availability', 'PROM-A', '--period-type', 'week', '--periods', '3', '--location', 'MAIN')).stdout;
    expect(table).toContain('Item PROM-A by week, location MAIN');
    expect(table).toMatch(/2026-01-05\s+2026-01-11\s+6\s+10\s+0\s+-4/);
    expect(table).toMatch(/2026-01-19\s+2026-01-25\s+6\s+0\s+20\s+16/);
    const byLocation = (await ok('item-availability', 'PROM-A', '--by', 'location', '--date', '2026-01-31')).stdout;
    expect(byLocation).toMatch(/MAIN\s+6\s+10\s+20\s+16/);

    const promised = await ok('order-promising', order.no);
    expect(promised.stdout).toMatch(new RegExp(`${lineNo}\\s+PROM-A\\s+10\\s+4\\s+2026-01-10\\s+2026-01-20\\s+2026-01-23\\s+-`));
    expect(promised.stdout).toContain('6 in inventory now');
    expect(promised.stdout).toContain(`2026-01-20: receipt of 20 from purchase order ${purchaseNo} line`);
    expect(promised.stdout).toContain('Earliest shipment date: 2026-01-20, the date of the receipt that covers the line');
    // Looking changes nothing.
    expect((await ok('get', `salesOrders/${order.no}`)).json().lines[0].shipmentDate).toBe('2026-01-10');
    expect((await ok('order-promising', order.no, '--json')).json().lines[0]).toMatchObject({ earliestShipmentDate: '2026-01-20', unavailableQuantity: '4.00000' });

    const accepted = await ok('order-promising', order.no, '--accept', '--lines', lineNo);
    expect(accepted.stdout).toContain(`Accepted: line ${lineNo} ships on 2026-01-20 (was 2026-01-10), planned delivery 2026-01-23.`);
    const line = (await ok('get', `salesOrders/${order.no}`)).json().lines[0];
    expect([line.shipmentDate, line.plannedShipmentDate, line.plannedDeliveryDate]).toEqual(['2026-01-20', '2026-01-21', '2026-01-23']);
  });

  it('says clearly when the order does not exist, when no date is in the window, and when --lines is not line numbers', { timeout: 240_000 }, async () => {
    const unknown = await ledgerline('order-promising', 'SO999999');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('NOT_FOUND');
    expect(unknown.stderr).toContain('SO999999 does not exist');

    await givenItem('PROM-B', '0');
    const order = await givenOrder([{ no: 'PROM-B', quantity: '5' }]);
    const promised = await ok('order-promising', order.no);
    expect(promised.stdout).toContain('none in window');
    expect(promised.stdout).toContain('No date: until the end of the promising window');
    const refused = await ledgerline('order-promising', order.no, '--accept');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('NO_DATE_IN_PROMISING_WINDOW');
    expect((await ok('get', `salesOrders/${order.no}`)).json().lines[0].shipmentDate).toBe('2026-01-10');

    const badLines = await ledgerline('order-promising', order.no, '--lines', '10000,x');
    expect([badLines.status, badLines.stderr]).toEqual([1, expect.stringContaining('--lines takes line numbers')]);
    expect((await ledgerline('order-promising', order.no, '--method', 'mrp')).status).not.toBe(0);
  });

  it('promises by Capable to Promise (worked example 9) and accepts the replenishment onto the worksheet', { timeout: 240_000 }, async () => {
    // Order promising setup is a plain singleton: the generic record commands read and change it.
    await ok('update', 'orderPromisingSetup', '--data', JSON.stringify({ offsetTime: '1D' }));
    expect((await ok('get', 'orderPromisingSetup')).json()).toMatchObject({ offsetTime: '1D' });
    await givenItem('PROM-C', '6', { leadTimeCalculation: '7D', safetyLeadTime: '1D' });
    const order = await givenOrder([{ no: 'PROM-C', quantity: '10' }]);

    // As in the spec's example, a replenishment starting 6 January ends on the 13th after 7 days' lead time; one safety
    // day and MAIN's one inbound handling day make it due, and shippable, on the 15th.
    const promised = await ok('order-promising', order.no, '--method', 'ctp');
    expect(promised.stdout).toMatch(/PROM-C\s+10\s+4\s+2026-01-10\s+2026-01-15\s+2026-01-18\s+4 due 2026-01-15 \(start 2026-01-06\)/);
    expect(promised.stdout).toContain('4 cannot be had from inventory and scheduled supply');
    expect(promised.stdout).toContain('Tried due date 2026-01-14: -4 available to promise; the replenishment would have to start before the window');
    const accepted = await ok('order-promising', order.no, '--method', 'ctp', '--accept');
    expect(accepted.stdout).toMatch(/Replenishment of 4 PROM-C due 2026-01-15 put on requisition worksheet PROMISING/);
    expect((await ok('get', `salesOrders/${order.no}`)).json().lines[0].shipmentDate).toBe('2026-01-15');
    const worksheet = (await ok('get', 'requisitionWorksheets/PROMISING/lines')).json();
    expect(worksheet.items).toMatchObject([{ no: 'PROM-C', quantity: '4.00000', dueDate: '2026-01-15', salesOrderNo: order.no }]);
  });

  it('reserves a line from inventory or a purchase order line, says why it cannot, and cancels the reservations', { timeout: 240_000 }, async () => {
    await givenItem('PROM-R', '5');
    const purchase = (await ok('create', 'purchaseOrders', '--data', JSON.stringify({
      buyFromVendorNo: 'V00010', locationCode: 'MAIN', lines: [{ type: 'item', no: 'PROM-R', quantity: '3', locationCode: 'MAIN', expectedReceiptDate: '2026-01-08' }],
    }))).json() as { no: string; lines: Array<{ lineNo: number }> };
    const first = await givenOrder([{ no: 'PROM-R', quantity: '4' }]);
    const firstLine = String(first.lines[0]!.lineNo);

    const reserved = await ok('reserve', first.no, firstLine);
    expect(reserved.stdout).toContain(`Reserved 4 now on line ${firstLine} of sales order ${first.no}.`);
    expect(reserved.stdout).toContain(`4 reserved on line ${firstLine} of sales order ${first.no}`);
    expect(reserved.stdout).toMatch(/Inventory\s+PROM-R\s+MAIN\s+4\s+-/);
    const again = await ledgerline('reserve', first.no, firstLine);
    expect([again.status, again.stderr]).toEqual([1, expect.stringContaining('NOTHING_TO_RESERVE')]);

    // The second order takes the purchase order's 3 by name, 2 and then 1.
    const second = await givenOrder([{ no: 'PROM-R', quantity: '3' }]);
    const secondLine = String(second.lines[0]!.lineNo);
    const fromPurchase = `${purchase.no}:${purchase.lines[0]!.lineNo}`;
    const byName = (await ok('reserve', second.no, secondLine, '--from-purchase', fromPurchase, '--quantity', '2', '--json')).json();
    expect(byName).toMatchObject({ reservedNow: '2.00000', reservedQuantity: '2.00000', items: [{ supplyType: 'purchaseOrder', quantityBase: '2.00000', purchaseDocumentNo: purchase.no }] });
    const shown = (await ok('reserve', second.no, secondLine, '--from-purchase', fromPurchase, '--quantity', '1')).stdout;
    // Each reservation is a row of its own: the 2 and then the 1.
    expect(shown).toContain(`3 reserved on line ${secondLine} of sales order ${second.no}`);
    expect(shown.match(new RegExp(`Purchase order\\s+PROM-R\\s+MAIN\\s+[12]\\s+${purchase.no} line ${purchase.lines[0]!.lineNo}`, 'g'))).toHaveLength(2);

    const cancelled = await ok('reserve', first.no, firstLine, '--cancel');
    expect(cancelled.stdout).toContain(`Cancelled 4 reserved on line ${firstLine} of sales order ${first.no}.`);
    expect(cancelled.stdout).toContain(`Nothing is reserved on line ${firstLine} of sales order ${first.no}.`);
    // The purchase order line is all reserved for the second order now: nothing of it is left for the first.
    const taken = await ledgerline('reserve', first.no, firstLine, '--from-purchase', fromPurchase, '--quantity', '1');
    expect([taken.status, taken.stderr]).toEqual([1, expect.stringContaining('RESERVATION_NOT_POSSIBLE')]);
    expect((await ok('reserve', first.no, firstLine, '--cancel', '--json')).json()).toEqual({ cancelledQuantity: '0.00000', reservedQuantity: '0.00000', items: [] });

    const badSupply = await ledgerline('reserve', first.no, firstLine, '--from-purchase', purchase.no);
    expect([badSupply.status, badSupply.stderr]).toEqual([1, expect.stringContaining('--from-purchase takes a purchase order and line number')]);
    const mixed = await ledgerline('reserve', first.no, firstLine, '--cancel', '--quantity', '1');
    expect([mixed.status, mixed.stderr]).toEqual([1, expect.stringContaining('--cancel cancels all')]);
  });

  it('keeps base calendars and their changes as plain resources of the generic record commands', { timeout: 120_000 }, async () => {
    await ok('create', 'baseCalendars', '--data', JSON.stringify({ code: 'CLI-CAL', name: 'Weekdays' }));
    await ok('create', 'baseCalendars/CLI-CAL/changes', '--data', JSON.stringify({ recurringSystem: 'weekly', day: 6, description: 'Saturday', nonworking: true }));
    expect((await ok('list', 'baseCalendars/CLI-CAL/changes')).json()).toMatchObject([{ day: 6, description: 'Saturday', nonworking: true }]);
    await ok('create', 'customizedCalendarChanges', '--data', JSON.stringify({
      sourceType: 'location', sourceCode: 'ROTTERDAM', baseCalendarCode: 'CLI-CAL', recurringSystem: 'none', date: '2026-04-27', description: 'King\'s Day', nonworking: true,
    }));
    expect((await ok('list', 'customizedCalendarChanges', '--filter', 'sourceCode=ROTTERDAM')).json()).toMatchObject([{ baseCalendarCode: 'CLI-CAL', date: '2026-04-27' }]);
  });
});
