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
    if (customer.vatBusPostingGroup === 'DOMESTIC') expect(dec(body.totals.vatAmount).gt(0)).toBe(true);
    else expect(body.totals.vatAmount).toBe('0.00');
    expect((await admin('POST', `/api/v1/salesOrders/${body.no}/release`)).json().status).toBe('released');
    documents++;
  }
  expect(documents).toBeGreaterThanOrEqual(10);
});
