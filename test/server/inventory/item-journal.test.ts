import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import { glEntry, glRegister, itemInventoryTotal, itemLedgerEntry, valueEntry } from '../../../src/server/db/schema/index.ts';
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
const postJournal = (...lines: Record<string, unknown>[]) => admin('POST', '/api/v1/itemJournal/post', { lines });
const inventoryOf = async (itemNo: string) => (await admin('GET', `/api/v1/items/${itemNo}/inventory`)).json();
const nothingPosted = async () => {
  expect(await api.db.select().from(itemLedgerEntry)).toEqual([]);
  expect(await api.db.select().from(glEntry)).toEqual([]);
  expect(await api.db.select().from(glRegister)).toEqual([]);
};

describe('POST /api/v1/itemJournal/post', () => {
  it('posts opening inventory: item entries at the given cost, Dr Inventory / Cr Inventory Adjustment, balanced', async () => {
    const response = await postJournal(line({ quantity: '50', unitCost: '60' }), line({ quantity: '20', unitCost: '70', description: 'Second layer' }));
    expect(response.statusCode, response.body).toBe(201);
    const { lines } = response.json();
    expect(lines).toMatchObject([
      { index: 0, itemNo: '1000', locationCode: '', quantity: '50', costAmount: '3000.00', unitCost: '60' },
      { index: 1, itemNo: '1000', quantity: '20', costAmount: '1400.00', unitCost: '70' },
    ]);
    // One posting date and document no.: one transaction.
    expect(lines[0].transactionNo).toBe(lines[1].transactionNo);
    const [register] = await api.db.select().from(glRegister);
    expect(register).toMatchObject({ sourceCode: 'ITEMJNL', documentNo: 'OPEN', postingDate: '2026-01-01', userId: 'admin-user' });

    const entries = await api.db.select().from(itemLedgerEntry).orderBy(asc(itemLedgerEntry.entryNo));
    expect(entries.map((entry) => [entry.entryType, entry.quantity, entry.remainingQuantity, entry.open, entry.completelyInvoiced, entry.description]))
      .toEqual([
        ['positiveAdjustment', '50.00000', '50.00000', true, true, 'Bicycle'],
        ['positiveAdjustment', '20.00000', '20.00000', true, true, 'Second layer'],
      ]);
    const values = await api.db.select().from(valueEntry).orderBy(asc(valueEntry.entryNo));
    expect(values.map((value) => [value.costAmountActual, value.costAmountExpected, value.costPostedToGl, value.invoicedQuantity]))
      .toEqual([['3000.00', '0.00', '3000.00', '50.00000'], ['1400.00', '0.00', '1400.00', '20.00000']]);

    const gl = await api.db.select().from(glEntry).orderBy(asc(glEntry.entryNo));
    expect(gl.map((entry) => [entry.glAccountNo, entry.amount, entry.documentNo, entry.sourceCode, entry.transactionNo])).toEqual([
      ['3000', '3000.00', 'OPEN', 'ITEMJNL', register!.no], ['7100', '-3000.00', 'OPEN', 'ITEMJNL', register!.no],
      ['3000', '1400.00', 'OPEN', 'ITEMJNL', register!.no], ['7100', '-1400.00', 'OPEN', 'ITEMJNL', register!.no],
    ]);
    expect(sum(gl.map((entry) => dec(entry.amount))).isZero()).toBe(true);

    expect(await inventoryOf('1000')).toEqual({
      itemNo: '1000', inventory: '70', byLocation: [{ locationCode: '', quantity: '70' }], unitCost: '60.00000', inventoryValue: '4400.00',
    });
  });

  it('takes stock out FIFO with a negative adjustment, the G/L turned around', async () => {
    await postJournal(line({ quantity: '20', unitCost: '60' }), line({ quantity: '20', unitCost: '70' }));
    const response = await postJournal(line({ entryType: 'negativeAdjustment', quantity: '25', documentNo: 'COUNT1', postingDate: '2026-02-01' }));
    expect(response.statusCode, response.body).toBe(201);
    const [posted] = response.json().lines;
    expect(posted).toMatchObject({ quantity: '-25', costAmount: '-1550.00', unitCost: '62' });
    const gl = await api.db.select().from(glEntry).where(eq(glEntry.documentNo, 'COUNT1')).orderBy(asc(glEntry.entryNo));
    expect(gl.map((entry) => [entry.glAccountNo, entry.debitAmount, entry.creditAmount, entry.postingDate])).toEqual([
      ['3000', '0.00', '1550.00', '2026-02-01'], ['7100', '1550.00', '0.00', '2026-02-01'],
    ]);
    expect(await inventoryOf('1000')).toMatchObject({ inventory: '15', inventoryValue: '1050.00' });
  });

  it('gives every posting date and document no. its own transaction, and keeps stock per location', async () => {
    await created(admin, '/api/v1/locations', { code: 'MAIN', name: 'Main warehouse' });
    await created(admin, '/api/v1/inventoryPostingSetups', { locationCode: 'MAIN', inventoryPostingGroup: 'RESALE', inventoryAccount: '3000' });
    const response = await postJournal(
      line({ quantity: '5', unitCost: '60', locationCode: 'main' }),
      line({ itemNo: 'A', quantity: '3', unitCost: '50', documentNo: 'OPEN2' }),
      line({ quantity: '2', unitCost: '61', postingDate: '2026-01-02' }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const transactionNos = response.json().lines.map((posted: { transactionNo: number }) => posted.transactionNo);
    expect(new Set(transactionNos).size).toBe(3);
    expect(await inventoryOf('1000')).toMatchObject({
      inventory: '7', byLocation: [{ locationCode: '', quantity: '2' }, { locationCode: 'MAIN', quantity: '5' }], inventoryValue: '422.00',
    });
    for (const transactionNo of transactionNos) {
      const gl = await api.db.select().from(glEntry).where(eq(glEntry.transactionNo, transactionNo));
      expect(gl).toHaveLength(2);
      expect(sum(gl.map((entry) => dec(entry.amount))).isZero()).toBe(true);
    }
  });

  it('values a line without a unit cost at the item\'s current cost', async () => {
    const response = await postJournal(line({ quantity: '4' }));
    expect(response.json().lines[0]).toMatchObject({ costAmount: '240.00', unitCost: '60' });
  });

  it('writes no G/L entries without Automatic Cost Posting', async () => {
    await admin('PATCH', '/api/v1/inventorySetup', { automaticCostPosting: false });
    expect((await postJournal(line({ unitCost: '60' }))).statusCode).toBe(201);
    expect(await api.db.select().from(glEntry)).toEqual([]);
    expect((await api.db.select().from(valueEntry))[0]).toMatchObject({ costAmountActual: '600.00', costPostedToGl: '0.00' });
  });
});

describe('refusals post nothing', () => {
  it.each([
    ['a quantity of 0', line({ quantity: '0' }), 'lines.0.quantity'],
    ['a unit cost on a negative adjustment', line({ entryType: 'negativeAdjustment', unitCost: '5' }), 'lines.0.unitCost'],
    ['an unknown entry type', line({ entryType: 'purchase' }), 'lines.0.entryType'],
    ['an unknown field', line({ binCode: 'X' }), 'lines.0.binCode'],
  ])('%s is bad input (400, with the field)', async (_, body, field) => {
    const response = await postJournal(body);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { field: string }) => error.field)).toContain(field);
    await nothingPosted();
  });

  it('refuses a blocked item, an unknown item or location, and names the line', async () => {
    await admin('PATCH', '/api/v1/items/B', { blocked: true });
    const blocked = await postJournal(line({}), line({ itemNo: 'B' }));
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json()).toMatchObject({ code: 'ITEM_BLOCKED', errors: [{ field: 'lines.1.itemNo' }] });
    expect((await postJournal(line({ itemNo: 'NOPE' }))).json()).toMatchObject({ code: 'RELATED_RECORD_NOT_FOUND', errors: [{ field: 'lines.0.itemNo' }] });
    expect((await postJournal(line({ locationCode: 'NOWHERE' }))).json()).toMatchObject({ code: 'RELATED_RECORD_NOT_FOUND', errors: [{ field: 'lines.0.locationCode' }] });
    await nothingPosted();
  });

  it('refuses a posting date outside the allowed range', async () => {
    await admin('PATCH', '/api/v1/generalLedgerSetup', { allowPostingFrom: '2026-01-01', allowPostingTo: '2026-12-31' });
    const response = await postJournal(line({}), line({ postingDate: '2025-12-31' }));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'POSTING_DATE_NOT_ALLOWED', errors: [{ field: 'lines.1.postingDate' }] });
    await nothingPosted();
  });

  it('refuses taking out more than is on hand when negative inventory is prevented, and rolls back the whole journal', async () => {
    await admin('PATCH', '/api/v1/inventorySetup', { preventNegativeInventory: true });
    const response = await postJournal(
      line({ quantity: '5', unitCost: '60' }),
      line({ entryType: 'negativeAdjustment', quantity: '6', documentNo: 'COUNT1' }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'INSUFFICIENT_INVENTORY' });
    expect(response.json().detail).toMatch(/5 available, 6 needed/);
    await nothingPosted();
  });

  it('refuses a missing Inventory Adjustment Account (POSTING_SETUP_MISSING)', async () => {
    const setup = (await admin('GET', '/api/v1/generalPostingSetups?genProdPostingGroup=RETAIL')).json().items
      .find((row: { genBusPostingGroup: string | null }) => row.genBusPostingGroup === null);
    await admin('PATCH', `/api/v1/generalPostingSetups/${setup.id}`, { inventoryAdjustmentAccount: null });
    const response = await postJournal(line({ unitCost: '60' }));
    expect(response.json()).toMatchObject({ code: 'POSTING_SETUP_MISSING', errors: [{ field: 'lines.0.itemNo' }] });
    await nothingPosted();
  });

  it('is for roles that may change items', async () => {
    expect((await api.as('salesClerk')('POST', '/api/v1/itemJournal/post', { lines: [line({})] })).statusCode).toBe(403);
    expect((await api.as('viewer')('GET', '/api/v1/items/1000/inventory')).statusCode).toBe(200);
    expect((await admin('GET', '/api/v1/items/NOPE/inventory')).statusCode).toBe(404);
    const paths = Object.keys((await api.as('none')('GET', '/api/v1/openapi.json')).json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/itemJournal/post', '/api/v1/items/{no}/inventory']));
  });
});

describe('stockout warning (§12.5)', () => {
  it('compares a line with the inventory at its location less what other orders still have to ship', async () => {
    await postJournal(line({ quantity: '10', unitCost: '60' }));
    const order = async (quantity: string) => (await created(admin, '/api/v1/salesOrders', {
      sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity }],
    }));
    const stockout = (document: { warnings: { code: string; details: Record<string, string> }[] }) =>
      document.warnings.find((warning) => warning.code === 'STOCKOUT')?.details;

    expect(stockout(await order('8'))).toBeUndefined();
    // The first order still has 8 to ship: 2 are available for the next one.
    expect(stockout(await order('3'))).toMatchObject({ itemNo: '1000', availableQuantity: '2', requestedQuantity: '3' });
  });
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
