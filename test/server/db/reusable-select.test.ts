import { asc, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle, Executor } from '../../../src/server/db/connection.ts';
import { reusableSelect } from '../../../src/server/db/reusable-select.ts';
import { bankAccount, customer, glAccount, item, postedAssemblyHeader, unitOfMeasure } from '../../../src/server/db/schema/index.ts';
import { freshDatabase } from '../../support/database.ts';

// A select built once and run again with other values, in whichever transaction it is given.
let database: DatabaseHandle;
beforeEach(async () => { database = await freshDatabase(); });
afterEach(() => database.close());

const accountNamed = reusableSelect((db) => db.select({ no: glAccount.no, name: glAccount.name, directPosting: glAccount.directPosting })
  .from(glAccount).where(eq(glAccount.name, sql.placeholder('name'))).orderBy(asc(glAccount.no)));

describe('reusableSelect', () => {
  it('answers each call with the rows of its own values, typed as drizzle types them', async () => {
    await database.db.insert(glAccount).values([
      { no: '9901', name: 'Reused A', incomeBalance: 'balanceSheet', directPosting: false },
      { no: '9902', name: 'Reused B', incomeBalance: 'incomeStatement' },
      { no: '9903', name: 'Reused B', incomeBalance: 'incomeStatement' },
    ]);
    expect(await accountNamed(database.db, { name: 'Reused A' })).toEqual([{ no: '9901', name: 'Reused A', directPosting: false }]);
    expect(await accountNamed(database.db, { name: 'Reused B' })).toEqual([
      { no: '9902', name: 'Reused B', directPosting: true }, { no: '9903', name: 'Reused B', directPosting: true },
    ]);
    expect(await accountNamed(database.db, { name: 'nobody' })).toEqual([]);
  });

  it('runs in the transaction it is given: it sees that transaction\'s own uncommitted rows, and they are gone after a rollback', async () => {
    const rolledBack = new Error('roll back');
    await expect(database.db.transaction(async (tx) => {
      await tx.insert(glAccount).values({ no: '9910', name: 'Only in the transaction', incomeBalance: 'balanceSheet' });
      expect(await accountNamed(tx as unknown as Executor, { name: 'Only in the transaction' })).toEqual([
        { no: '9910', name: 'Only in the transaction', directPosting: true },
      ]);
      throw rolledBack;
    })).rejects.toBe(rolledBack);
    expect(await accountNamed(database.db, { name: 'Only in the transaction' })).toEqual([]);
  });

  it('keeps a join\'s nested objects and a left join\'s missing side as null', async () => {
    const accountWithCustomer = reusableSelect((db) => db.select({ no: glAccount.no, customer: { no: customer.no, name: customer.name } })
      .from(glAccount).leftJoin(customer, eq(customer.name, glAccount.name)).where(eq(glAccount.no, sql.placeholder('no'))));
    await database.db.insert(customer).values({ no: 'RS-C', name: 'Shared Name' } as never);
    await database.db.insert(glAccount).values([
      { no: '9921', name: 'Shared Name', incomeBalance: 'balanceSheet' },
      { no: '9922', name: 'No Customer', incomeBalance: 'balanceSheet' },
    ]);
    expect(await accountWithCustomer(database.db, { no: '9921' })).toEqual([{ no: '9921', customer: { no: 'RS-C', name: 'Shared Name' } }]);
    expect(await accountWithCustomer(database.db, { no: '9922' })).toEqual([{ no: '9922', customer: null }]);
  });
});

describe('reusableSelect maps a whole table\'s rows as drizzle does', () => {
  // Every kind of column the schema has: text, integer, numeric, boolean, date, enum, jsonb, timestamps as text and as Date.
  const tables = { customer, item, bankAccount, postedAssemblyHeader };

  it.each(Object.entries(tables))('%s', async (_name, table) => {
    await database.db.insert(bankAccount).values([{ no: 'RS-B1', name: 'Mapped', statementCsvMapping: { delimiter: ';', columns: [1, 2] } }, { no: 'RS-B2', name: 'Unmapped' }]);
    await database.db.insert(unitOfMeasure).values({ code: 'PCS' });
    await database.db.insert(item).values({ no: 'RS-I', description: 'Assembled', baseUnitOfMeasure: 'PCS', unitCost: '65.125' });
    await database.db.insert(postedAssemblyHeader).values({ no: 'RS-PA', orderNo: 'RS-A', itemNo: 'RS-I', quantity: '2.5', quantityBase: '2.5', postingDate: '2026-01-31' });
    await database.db.insert(customer).values({ no: 'RS-C', name: 'Mapped Customer', creditLimitLcy: '1000.5' } as never);
    const whole = reusableSelect((db) => db.select().from(table as typeof customer));
    const rows = await database.db.select().from(table as typeof customer);
    expect(rows.length).toBeGreaterThan(0);
    expect(await whole(database.db)).toEqual(rows);
  });
});
