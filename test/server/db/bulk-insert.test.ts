import { asc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/server/db/connection.ts';
import { insertRows } from '../../../src/server/db/bulk-insert.ts';
import { glAccount, glRegister } from '../../../src/server/db/schema/index.ts';
import { freshDatabase } from '../../support/database.ts';

// The ledger's multi-row INSERT sends its rows as one JSON parameter (bulk-insert.ts).
let database: DatabaseHandle;
beforeEach(async () => { database = await freshDatabase(); });
afterEach(() => database.close());

describe('insertRows', () => {
  it('writes every row with its values and typed columns, a left-out key taking the column default', async () => {
    await insertRows(database.db, glAccount, [
      { no: '1000', name: "O'Brien \"quoted\" ünïcode", incomeBalance: 'balanceSheet', directPosting: false },
      { no: '2000', name: 'Second', incomeBalance: 'incomeStatement' },
      { no: '3000', name: 'Third', incomeBalance: 'incomeStatement', directPosting: undefined },
    ]);
    const rows = await database.db.select({ no: glAccount.no, name: glAccount.name, incomeBalance: glAccount.incomeBalance, directPosting: glAccount.directPosting })
      .from(glAccount).orderBy(asc(glAccount.no));
    const inserted = rows.filter((row) => ['1000', '2000', '3000'].includes(row.no));
    expect(inserted).toEqual([
      { no: '1000', name: "O'Brien \"quoted\" ünïcode", incomeBalance: 'balanceSheet', directPosting: false },
      { no: '2000', name: 'Second', incomeBalance: 'incomeStatement', directPosting: true },
      { no: '3000', name: 'Third', incomeBalance: 'incomeStatement', directPosting: true },
    ]);
  });

  it('answers the generated numbers in ascending order, one per row, in row order', async () => {
    const numbers = await insertRows(database.db, glRegister, [
      { sourceCode: 'A', postingDate: '2026-03-01', documentNo: 'D1' },
      { sourceCode: 'B', postingDate: '2026-03-02', documentNo: 'D2' },
    ], glRegister.no);
    const rows = await database.db.select({ no: glRegister.no, sourceCode: glRegister.sourceCode }).from(glRegister).orderBy(asc(glRegister.no));
    expect(numbers).toEqual(rows.map((row) => row.no));
    expect(rows.map((row) => row.sourceCode)).toEqual(['A', 'B']);
  });

  it('names a key the table does not have', async () => {
    await expect(insertRows(database.db, glAccount, [{ no: '9', nme: 'typo' }])).rejects.toThrow('gl_account has no column nme');
  });
});
