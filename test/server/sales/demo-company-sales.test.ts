import { afterAll, beforeAll, expect, it } from 'vitest';
import { dec } from '../../../src/core/money/decimal.ts';
import type { Executor } from '../../../src/server/db/connection.ts';
import { loadDemoCompany } from '../../../src/server/demo/demo-company.ts';
import { testApi, type TestApi } from '../../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
  await api.db.transaction((tx) => loadDemoCompany(tx as Executor));
});
afterAll(() => api.close());

it('lets every demo customer that may order buy every sellable demo item, with VAT and totals', async () => {
  const admin = api.as('admin');
  const customers = (await admin('GET', '/api/v1/customers?limit=1000')).json().items as { no: string; blocked: string; vatBusPostingGroup: string }[];
  const items = (await admin('GET', '/api/v1/items?limit=1000')).json().items as { no: string; blocked: boolean; salesBlocked: boolean }[];
  const sellable = items.filter((item) => !item.blocked && !item.salesBlocked);
  expect(sellable.length).toBeGreaterThanOrEqual(20);
  let documents = 0;
  for (const customer of customers.filter((row) => row.blocked === 'none')) {
    const order = await admin('POST', '/api/v1/salesOrders', {
      sellToCustomerNo: customer.no, lines: sellable.map((item) => ({ type: 'item', no: item.no, quantity: '2' })),
    });
    expect(order.statusCode, `${customer.no}: ${order.body.slice(0, 300)}`).toBe(201);
    const body = order.json();
    expect(body.lines).toHaveLength(sellable.length);
    // Every line ships from a location: the customer's, else the demo's default MAIN (Location Mandatory is on).
    expect(body.lines.filter((line: { locationCode: string | null }) => !line.locationCode), customer.no).toEqual([]);
    if (customer.vatBusPostingGroup === 'DOMESTIC') expect(dec(body.totals.vatAmount).gt(0)).toBe(true);
    else expect(body.totals.vatAmount).toBe('0.00');
    expect((await admin('POST', `/api/v1/salesOrders/${body.no}/release`)).json().status).toBe('released');
    documents++;
  }
  expect(documents).toBeGreaterThanOrEqual(10);
});

it('ships from MAIN for a customer without a location of its own, where the opening stock is (issue 10)', async () => {
  const admin = api.as('admin');
  expect((await admin('GET', '/api/v1/customers/C00070')).json().locationCode).toBeNull();
  const order = await admin('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C00070', lines: [{ type: 'item', no: '1000', quantity: '2' }] });
  expect(order.statusCode, order.body).toBe(201);
  const body = order.json();
  expect([body.locationCode, body.lines[0].locationCode]).toEqual(['MAIN', 'MAIN']);
  expect(body.warnings.map((warning: { code: string }) => warning.code)).not.toContain('STOCKOUT');
  const shipped = await admin('POST', `/api/v1/salesOrders/${body.no}/post`, { ship: true });
  expect(shipped.statusCode, shipped.body).toBe(201);
  const stock = (await admin('GET', '/api/v1/items/1000/inventory')).json();
  expect(stock.byLocation.map((row: { locationCode: string }) => row.locationCode)).not.toContain('');
});
