import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { givenInventory } from '../../support/given-posting.ts';
import { givenPurchasingCompany } from '../../support/given-purchasing.ts';

/**
 * The availability projection (item_availability, kept by triggers) must always equal the sums it
 * stands for: inventory from every item ledger entry, scheduled receipts and gross requirements from
 * the open order and return order lines. Every write below is checked against a recount from scratch.
 */
interface Row { item_no: string; location_code: string; date: string; inventory: string; scheduled_receipts: string; gross_requirements: string }
const rowsOf = (result: unknown) => (result as { rows: Row[] }).rows;

describe('item availability projection', () => {
  let api: TestApi;
  let admin: ReturnType<TestApi['as']>;
  const workDate = { 'x-work-date': '2026-01-05' };
  const ok = async (method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => {
    const response = await admin(method, url, body, workDate);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.body ? response.json() : undefined;
  };

  const projection = async () => rowsOf(await api.db.execute(sql`
    select item_no, location_code, date::text, inventory::text, scheduled_receipts::text, gross_requirements::text from (
      select item_no, location_code, date, sum(inventory) inventory, sum(scheduled_receipts) scheduled_receipts, sum(gross_requirements) gross_requirements
      from item_availability group by 1, 2, 3) p
    where inventory <> 0 or scheduled_receipts <> 0 or gross_requirements <> 0 order by 1, 2, 3`));

  const recount = async () => rowsOf(await api.db.execute(sql`
    with changes as (
      select item_no, location_code, posting_date as date, quantity as inventory, 0 as scheduled_receipts, 0 as gross_requirements from item_ledger_entry
      union all
      select l.no, coalesce(l.location_code, ''), coalesce(l.shipment_date, date '0001-01-01'), 0,
        case when l.document_type = 'returnOrder' then l.quantity_base - l.return_quantity_received * l.quantity_per_unit_of_measure else 0 end,
        case when l.document_type = 'order' then l.quantity_base - l.quantity_shipped * l.quantity_per_unit_of_measure else 0 end
      from sales_line l join item i on i.no = l.no and i.type = 'inventory'
      where l.type = 'item' and not l.drop_shipment and l.document_type in ('order', 'returnOrder')
      union all
      select l.no, coalesce(l.location_code, ''), coalesce(l.expected_receipt_date, date '0001-01-01'), 0,
        case when l.document_type = 'order' then l.quantity_base - l.quantity_received * l.quantity_per_unit_of_measure else 0 end,
        case when l.document_type = 'returnOrder' then l.quantity_base - l.return_quantity_shipped * l.quantity_per_unit_of_measure else 0 end
      from purchase_line l join item i on i.no = l.no and i.type = 'inventory'
      where l.type = 'item' and not l.drop_shipment and l.document_type in ('order', 'returnOrder')
      union all
      select l.no, coalesce(l.location_code, ''), coalesce(l.due_date, date '0001-01-01'), 0, l.quantity * l.quantity_per_unit_of_measure, 0
      from requisition_line l join item i on i.no = l.no and i.type = 'inventory'
      where l.type = 'item' and not l.drop_shipment and not l.special_order)
    select item_no, location_code, date::text, inventory::text, scheduled_receipts::text, gross_requirements::text from (
      select item_no, location_code, date, sum(inventory)::numeric(18,5) inventory, sum(scheduled_receipts)::numeric(18,5) scheduled_receipts,
        sum(gross_requirements)::numeric(18,5) gross_requirements from changes group by 1, 2, 3) p
    where inventory <> 0 or scheduled_receipts <> 0 or gross_requirements <> 0 order by 1, 2, 3`));

  const expectInStep = async () => {
    const [kept, counted] = [await projection(), await recount()];
    expect(kept).toEqual(counted);
    return kept;
  };

  beforeEach(async () => {
    api = await testApi();
    admin = await givenPurchasingCompany(api);
  });
  afterEach(() => api.close());

  it('follows item journal postings, order lines as they are created, changed, shipped and deleted, and purchase receipts', async () => {
    await givenInventory(admin, '2026-01-02', [{ itemNo: 'A', quantity: '6', unitCost: '10' }, { itemNo: 'B', quantity: '4', unitCost: '5' }]);
    expect(await expectInStep()).toEqual([
      { item_no: 'A', location_code: '', date: '2026-01-02', inventory: '6.00000', scheduled_receipts: '0.00000', gross_requirements: '0.00000' },
      { item_no: 'B', location_code: '', date: '2026-01-02', inventory: '4.00000', scheduled_receipts: '0.00000', gross_requirements: '0.00000' },
    ]);

    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', shipmentDate: '2026-01-10', lines: [
      { type: 'item', no: 'A', quantity: '10' }, { type: 'item', no: 'B', quantity: '2' }, { type: 'item', no: 'A', quantity: '1', shipmentDate: '2026-01-12' },
    ] });
    const rows = await expectInStep();
    expect(rows.find((row) => row.item_no === 'A' && row.date === '2026-01-10')).toMatchObject({ gross_requirements: '10.00000' });

    await ok('PATCH', `/api/v1/salesOrders/${order.no}/lines/${order.lines[0].lineNo}`, { quantity: '8', shipmentDate: '2026-01-11' });
    await expectInStep();
    await ok('PATCH', `/api/v1/salesOrders/${order.no}/lines/${order.lines[0].lineNo}`, { quantityToShip: '5' });
    await ok('PATCH', `/api/v1/salesOrders/${order.no}/lines/${order.lines[2].lineNo}`, { quantityToShip: '0' });
    await ok('POST', `/api/v1/salesOrders/${order.no}/post`, { ship: true });
    const afterShipment = await expectInStep();
    expect(afterShipment.find((row) => row.item_no === 'A' && row.date === '2026-01-11')).toMatchObject({ gross_requirements: '3.00000' });

    const purchase = await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', lines: [{ type: 'item', no: 'A', quantity: '20', expectedReceiptDate: '2026-01-20' }] });
    expect((await expectInStep()).find((row) => row.item_no === 'A' && row.date === '2026-01-20')).toMatchObject({ scheduled_receipts: '20.00000' });
    await ok('PATCH', `/api/v1/purchaseOrders/${purchase.no}/lines/${purchase.lines[0].lineNo}`, { quantityToReceive: '5' });
    await ok('POST', `/api/v1/purchaseOrders/${purchase.no}/post`, { receive: true });
    expect((await expectInStep()).find((row) => row.item_no === 'A' && row.date === '2026-01-20')).toMatchObject({ scheduled_receipts: '15.00000' });

    await ok('POST', `/api/v1/salesOrders/${order.no}/reopen`);
    await ok('DELETE', `/api/v1/salesOrders/${order.no}/lines/${order.lines[2].lineNo}`);
    await expectInStep();
    const extra = await ok('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', lines: [{ type: 'item', no: 'B', quantity: '3', expectedReceiptDate: '2026-01-15' }] });
    await expectInStep();
    await ok('DELETE', `/api/v1/purchaseOrders/${extra.no}`);
    await expectInStep();
  });

  it('counts return orders as receipts and leaves quotes, invoices and services out', async () => {
    await ok('POST', '/api/v1/salesReturnOrders', { sellToCustomerNo: 'C', shipmentDate: '2026-01-08', lines: [{ type: 'item', no: 'B', quantity: '2' }] });
    await ok('POST', '/api/v1/salesQuotes', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '7' }] });
    await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '1' }] });
    const rows = await expectInStep();
    expect(rows.map((row) => [row.item_no, row.scheduled_receipts, row.gross_requirements])).toEqual([['B', '2.00000', '0.00000']]);
  });
});
