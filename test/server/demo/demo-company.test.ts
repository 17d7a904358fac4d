import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dec } from '../../../src/core/money/decimal.ts';
import type { DatabaseHandle, Executor } from '../../../src/server/db/connection.ts';
import {
  appUser, currency, customer, customerPostingGroup, generalPostingSetup, glAccount, inventoryPostingSetup, inventorySetup, item,
  itemLedgerEntry, itemUnitOfMeasure, noSeriesLine, paymentMethod, salesReceivablesSetup, shipToAddress, vatPostingSetup, vendor,
  vendorPostingGroup,
} from '../../../src/server/db/schema/index.ts';
import { demoCredentials, loadDemoCompany } from '../../../src/server/demo/demo-company.ts';
import { issueToken } from '../../../src/server/users/token.commands.ts';
import { freshDatabase } from '../../support/database.ts';

let database: DatabaseHandle;
beforeEach(async () => {
  database = await freshDatabase();
});
afterEach(() => database.close());

const load = () => database.db.transaction((tx) => loadDemoCompany(tx as unknown as Executor));

/** Every G/L account a setup record points at: the fields named …Account or …AccountNo. */
function accountsReferencedBy(rows: Record<string, unknown>[]): { field: string; accountNo: string }[] {
  return rows.flatMap((row) => Object.entries(row)
    .filter(([field, value]) => /Account(No)?$/.test(field) && typeof value === 'string')
    .map(([field, value]) => ({ field, accountNo: value as string })));
}

describe('the demo company', () => {
  it('has customers and items whose every posting combination is set up', async () => {
    await load();
    const db = database.db;
    const customers = await db.select().from(customer);
    const items = await db.select().from(item);
    expect(customers.length).toBeGreaterThanOrEqual(10);
    expect(items.length).toBeGreaterThanOrEqual(20);

    for (const row of customers) {
      expect(row.customerPostingGroup, row.no).toBeTruthy();
      expect(row.genBusPostingGroup, row.no).toBeTruthy();
      expect(row.vatBusPostingGroup, row.no).toBeTruthy();
    }
    for (const row of items) {
      expect(row.genProdPostingGroup, row.no).toBeTruthy();
      expect(row.vatProdPostingGroup, row.no).toBeTruthy();
    }

    const generalSetups = await db.select().from(generalPostingSetup);
    const vatSetups = await db.select().from(vatPostingSetup);
    const expectedVat: Record<string, string> = { 'DOMESTIC/HIGH': '21', 'DOMESTIC/LOW': '9', 'DOMESTIC/ZERO': '0', 'EU/HIGH': '21', 'EU/LOW': '9', 'EU/ZERO': '0' };
    for (const sold of customers) {
      for (const product of items) {
        const general = generalSetups.find((setup) =>
          setup.genBusPostingGroup === sold.genBusPostingGroup && setup.genProdPostingGroup === product.genProdPostingGroup);
        expect(general, `general posting setup ${sold.genBusPostingGroup} × ${product.genProdPostingGroup}`).toBeDefined();
        expect(general!.salesAccount).toBeTruthy();
        const vat = vatSetups.find((setup) =>
          setup.vatBusPostingGroup === sold.vatBusPostingGroup && setup.vatProdPostingGroup === product.vatProdPostingGroup);
        const pair = `${sold.vatBusPostingGroup}/${product.vatProdPostingGroup}`;
        expect(vat, `VAT posting setup ${pair}`).toBeDefined();
        expect(dec(vat!.vatPercent).eq(dec(expectedVat[pair] ?? '0')), `VAT % of ${pair} is ${vat!.vatPercent}`).toBe(true);
        expect(vat!.salesVatAccount).toBeTruthy();
      }
    }
    const euHigh = vatSetups.find((setup) => setup.vatBusPostingGroup === 'EU' && setup.vatProdPostingGroup === 'HIGH')!;
    expect(euHigh).toMatchObject({ vatCalculationType: 'reverseCharge', taxCategory: 'K', vatIdentifier: 'EU21' });

    const inventorySetups = await db.select().from(inventoryPostingSetup);
    for (const stocked of items.filter((row) => row.type === 'inventory')) {
      const found = inventorySetups.some((setup) =>
        setup.locationCode === null && setup.inventoryPostingGroup === stocked.inventoryPostingGroup);
      expect(found, `inventory posting setup for ${stocked.inventoryPostingGroup}`).toBe(true);
    }
    // Inventory adjustments are posted without a customer: the blank business group.
    expect(generalSetups.filter((setup) => setup.genBusPostingGroup === null).map((setup) => setup.genProdPostingGroup))
      .toContain('RETAIL');
  });

  it('points every posting setup at posting accounts', async () => {
    await load();
    const db = database.db;
    const referenced = accountsReferencedBy([
      ...await db.select().from(customerPostingGroup),
      ...await db.select().from(vendorPostingGroup),
      ...await db.select().from(generalPostingSetup),
      ...await db.select().from(vatPostingSetup),
      ...await db.select().from(inventoryPostingSetup),
      ...await db.select().from(currency),
      ...await db.select().from(paymentMethod),
    ]);
    expect(referenced.length).toBeGreaterThan(100);
    const accounts = new Map((await db.select().from(glAccount)).map((account) => [account.no, account]));
    for (const { field, accountNo } of referenced) {
      const account = accounts.get(accountNo);
      expect(account, `${field} → ${accountNo}`).toBeDefined();
      expect(account!.accountType, `${field} → ${accountNo}`).toBe('posting');
      expect(account!.blocked).toBe(false);
    }
    expect([...accounts.values()].some((account) => account.accountType === 'heading')).toBe(true);
  });

  it('numbers customers from the CUST series, except the hand-numbered cash customer', async () => {
    await load();
    const db = database.db;
    const [setup] = await db.select().from(salesReceivablesSetup);
    expect(setup!.customerNos).toBe('CUST');
    const numbers = (await db.select({ no: customer.no }).from(customer)).map((row) => row.no);
    expect(numbers).toContain('CASH');
    const drawn = numbers.filter((no) => no !== 'CASH').sort();
    expect(drawn.every((no) => /^C\d{5}$/.test(no))).toBe(true);
    expect(drawn).toEqual(drawn.map((_, index) => `C${String((index + 1) * 10).padStart(5, '0')}`));
    const [line] = await db.select().from(noSeriesLine).where(eq(noSeriesLine.seriesCode, 'CUST'));
    expect(line!.lastNoUsed).toBe(drawn.at(-1));

    const [branch] = await db.select().from(customer).where(eq(customer.no, 'C00020'));
    expect(branch!.billToCustomerNo).toBe('C00010');
    expect((await db.select().from(shipToAddress)).length).toBeGreaterThanOrEqual(2);
    const extraUnits = (await db.select().from(itemUnitOfMeasure)).filter((unit) => !dec(unit.quantityPerUnitOfMeasure).eq(1));
    expect(extraUnits.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps stock at a location: a default location, Location Mandatory on, opening stock in warehouses only (issue 10)', async () => {
    await load();
    const [setup] = await database.db.select().from(inventorySetup);
    expect(setup).toMatchObject({ defaultLocationCode: 'MAIN', locationMandatory: true, itemNos: 'ITEM' });
    const stockedAt = await database.db.selectDistinct({ locationCode: itemLedgerEntry.locationCode }).from(itemLedgerEntry);
    expect(stockedAt.map((row) => row.locationCode).sort()).toEqual(['MAIN', 'ROTTERDAM']);
  });

  it('lets admin / admin sign in', async () => {
    await load();
    const { token } = await issueToken(database.db, demoCredentials.username, demoCredentials.password);
    expect(token).toMatch(/^[\w-]{20,}$/);
  });

  it('refuses to load twice and leaves the first load intact', async () => {
    await load();
    const db = database.db;
    const snapshot = async () => ({
      customers: await db.select().from(customer).orderBy(customer.no),
      vendors: await db.select().from(vendor).orderBy(vendor.no),
      items: await db.select().from(item).orderBy(item.no),
      accounts: await db.select().from(glAccount).orderBy(glAccount.no),
      users: (await db.select().from(appUser)).map((user) => user.username),
      lines: await db.select().from(noSeriesLine).orderBy(noSeriesLine.seriesCode),
    });
    const before = await snapshot();
    await expect(load()).rejects.toThrow(/already exists/);
    expect(await snapshot()).toEqual(before);
  });
});
