import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, sql } from 'drizzle-orm';
import { itemInventoryTotal } from '../../../src/server/db/schema/index.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { created } from '../../support/given.ts';
import { givenPostingCompany } from '../../support/given-posting.ts';

let api: TestApi;
let admin: Awaited<ReturnType<typeof givenPostingCompany>>;
beforeEach(async () => {
  api = await testApi();
  admin = await givenPostingCompany(api);
});
afterEach(() => api.close());

const line = (fields: Record<string, unknown>) => ({
  postingDate: '2026-01-01', entryType: 'positiveAdjustment', itemNo: '1000', quantity: '10', documentNo: 'OPEN', ...fields,
});
const totals = async () => (await api.db.select().from(itemInventoryTotal).orderBy(asc(itemInventoryTotal.itemNo), asc(itemInventoryTotal.locationCode)))
  .map((row) => [row.itemNo, row.locationCode, row.quantity, row.costAmountActual, row.costAmountExpected]);

/** Migration 0047's statement that fills the totals from the entries already posted when it runs. */
const backfill = readFileSync(new URL('../../../src/server/db/migrations/0047_item_inventory_total.sql', import.meta.url), 'utf8')
  .split('--> statement-breakpoint').map((statement) => statement.trim()).find((statement) => statement.includes('INSERT INTO "item_inventory_total"'))!;

describe('item_inventory_total', () => {
  it('adds up each statement of item and value entries per item and location, and the migration fills it the same from the entries', async () => {
    await created(admin, '/api/v1/locations', { code: 'MAIN', name: 'Main warehouse' });
    await created(admin, '/api/v1/inventoryPostingSetups', { locationCode: 'MAIN', inventoryPostingGroup: 'RESALE', inventoryAccount: '3000' });
    const posted = await admin('POST', '/api/v1/itemJournal/post', {
      lines: [
        line({ quantity: '5', unitCost: '60', locationCode: 'MAIN' }),
        line({ quantity: '2', unitCost: '61.5' }),
        line({ itemNo: 'A', quantity: '3', unitCost: '50', documentNo: 'OPEN2' }),
      ],
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const taken = await admin('POST', '/api/v1/itemJournal/post', {
      lines: [line({ entryType: 'negativeAdjustment', quantity: '4', locationCode: 'MAIN', documentNo: 'COUNT', postingDate: '2026-01-05' })],
    });
    expect(taken.statusCode, taken.body).toBe(201);

    const expected = [
      ['1000', '', '2.00000', '123.00', '0.00'],
      ['1000', 'MAIN', '1.00000', '60.00', '0.00'],
      ['A', '', '3.00000', '150.00', '0.00'],
    ];
    expect(await totals()).toEqual(expected);

    await api.db.execute(sql`delete from item_inventory_total`);
    expect(await totals()).toEqual([]);
    await api.db.execute(sql.raw(backfill));
    expect(await totals()).toEqual(expected);
  });
});
