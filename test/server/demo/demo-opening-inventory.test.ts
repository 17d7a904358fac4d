import { afterAll, beforeAll, expect, it } from 'vitest';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import type { Executor } from '../../../src/server/db/connection.ts';
import { glEntry, glRegister, item, itemLedgerEntry } from '../../../src/server/db/schema/index.ts';
import { loadDemoCompany } from '../../../src/server/demo/demo-company.ts';
import { testApi, type TestApi } from '../../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
  await api.db.transaction((tx) => loadDemoCompany(tx as Executor, { workDate: '2026-03-15' }));
});
afterAll(() => api.close());

it('posts opening stock of every sellable inventory item on the first day of the work date\'s year, with balanced G/L', async () => {
  const items = await api.db.select().from(item);
  // Drop-shipment and special-order items (1280, 1290) are bought per sales order, the workstation set (1300) assembled per order: never stocked.
  const stocked = items.filter((row) => row.type === 'inventory' && !row.blocked && !row.purchasingCode && row.assemblyPolicy !== 'assembleToOrder').map((row) => row.no).sort();
  const entries = await api.db.select().from(itemLedgerEntry);
  expect([...new Set(entries.map((entry) => entry.itemNo))].sort()).toEqual(stocked);
  expect(entries.every((entry) => entry.entryType === 'positiveAdjustment' && entry.postingDate === '2026-01-01')).toBe(true);

  const [register] = await api.db.select().from(glRegister);
  expect(register).toMatchObject({ sourceCode: 'ITEMJNL', documentNo: 'OPENING' });
  const gl = await api.db.select().from(glEntry);
  expect(sum(gl.map((entry) => dec(entry.amount))).isZero()).toBe(true);
  const inventory = sum(gl.filter((entry) => entry.glAccountNo === '3010').map((entry) => dec(entry.amount)));
  expect(inventory.gt(100_000)).toBe(true);

  const stock = (await api.as('admin')('GET', '/api/v1/items/1020/inventory')).json();
  expect(stock).toMatchObject({ inventory: '160', byLocation: [{ locationCode: 'MAIN', quantity: '120' }, { locationCode: 'ROTTERDAM', quantity: '40' }] });
  expect(dec(stock.inventoryValue).eq(dec(stock.unitCost).times(160))).toBe(true);
});
