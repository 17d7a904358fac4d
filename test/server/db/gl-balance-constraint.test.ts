import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { DomainError } from '../../../src/core/errors.ts';
import type { DatabaseHandle, Executor } from '../../../src/server/db/connection.ts';
import { ledgerInvariantError, postgresErrorCode, unbalancedGlTransactionCode } from '../../../src/server/db/constraint-errors.ts';
import { glAccount, glEntry, glRegister } from '../../../src/server/db/schema/index.ts';
import { problemFromError } from '../../../src/server/http/problem.ts';
import { freshDatabase } from '../../support/database.ts';

// Every G/L transaction balances (DESIGN §5): besides core/posting's check before writing, a
// deferred constraint trigger (migration 0010) makes the database refuse the COMMIT of a
// transaction whose G/L entries do not sum to 0, whoever wrote them.
let database: DatabaseHandle;
beforeEach(async () => {
  database = await freshDatabase();
  await database.db.insert(glAccount).values([
    { no: '1300', name: 'Receivables', incomeBalance: 'balanceSheet' },
    { no: '2310', name: 'Sales VAT', incomeBalance: 'balanceSheet' },
    { no: '8000', name: 'Sales', incomeBalance: 'incomeStatement' },
  ]);
});
afterEach(() => database.close());

async function register(tx: Executor, documentNo: string): Promise<number> {
  const [row] = await tx.insert(glRegister).values({ sourceCode: 'TEST', postingDate: '2026-03-02', documentNo }).returning({ no: glRegister.no });
  return row!.no;
}

function entries(transactionNo: number, documentNo: string, amounts: Array<[account: string, amount: string]>) {
  return amounts.map(([glAccountNo, amount]) => ({
    transactionNo, postingDate: '2026-03-02', documentType: 'invoice', documentNo, glAccountNo, amount,
    debitAmount: amount.startsWith('-') ? '0' : amount, creditAmount: amount.startsWith('-') ? amount.slice(1) : '0',
  }));
}

async function refusal(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('the transaction was committed');
}

const glRows = async () => database.db.select({ documentNo: glEntry.documentNo, amount: glEntry.amount }).from(glEntry).orderBy(glEntry.entryNo);

describe('the deferred G/L balance constraint', () => {
  it('refuses at COMMIT a transaction whose entries do not sum to 0, and nothing of it stays', async () => {
    const seenInside: number[] = [];
    const error = await refusal(database.db.transaction(async (tx) => {
      const transactionNo = await register(tx, 'PI0001');
      await tx.insert(glEntry).values(entries(transactionNo, 'PI0001', [['1300', '125.00'], ['8000', '-100.00']]));
      // The rows are in: the refusal waits for COMMIT, so entries may arrive in several statements.
      const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(glEntry) as [{ count: number }];
      seenInside.push(count);
    }));
    expect(seenInside).toEqual([2]);
    expect(postgresErrorCode(error)).toBe(unbalancedGlTransactionCode);
    expect(await glRows()).toEqual([]);
    expect(await database.db.select().from(glRegister)).toEqual([]);

    // What the API answers: the posting error code and its plain message, no SQL.
    const mapped = ledgerInvariantError(error);
    expect(mapped).toBeInstanceOf(DomainError);
    expect(mapped!.params).toMatchObject({ difference: '25.00' });
    const answer = problemFromError(error);
    expect(answer).toMatchObject({ status: 500, code: 'POSTING_NOT_BALANCED' });
    expect(answer.detail).toBe('The posting does not balance: its G/L entries add up to 25.00 instead of 0, so nothing was posted.');
  });

  it('refuses a lone unbalanced entry written outside a transaction (its statement commits on its own)', async () => {
    const transactionNo = await register(database.db, 'PI0001');
    const error = await refusal(database.db.insert(glEntry).values(entries(transactionNo, 'PI0001', [['1300', '10.00']])));
    expect(postgresErrorCode(error)).toBe(unbalancedGlTransactionCode);
    expect(await glRows()).toEqual([]);
  });

  it('commits a balanced transaction written in several statements', async () => {
    await database.db.transaction(async (tx) => {
      const transactionNo = await register(tx, 'PI0001');
      await tx.insert(glEntry).values(entries(transactionNo, 'PI0001', [['1300', '125.00']]));
      await tx.insert(glEntry).values(entries(transactionNo, 'PI0001', [['8000', '-100.00'], ['2310', '-25.00']]));
    });
    expect(await glRows()).toEqual([
      { documentNo: 'PI0001', amount: '125.00' }, { documentNo: 'PI0001', amount: '-100.00' }, { documentNo: 'PI0001', amount: '-25.00' },
    ]);
  });

  it('commits two G/L transactions written together when each balances', async () => {
    await database.db.transaction(async (tx) => {
      const first = await register(tx, 'PI0001');
      const second = await register(tx, 'PI0002');
      await tx.insert(glEntry).values([
        ...entries(first, 'PI0001', [['1300', '125.00'], ['8000', '-125.00']]),
        ...entries(second, 'PI0002', [['1300', '50.00'], ['8000', '-40.00'], ['2310', '-10.00']]),
      ]);
    });
    expect((await glRows()).map((row) => row.documentNo)).toEqual(['PI0001', 'PI0001', 'PI0002', 'PI0002', 'PI0002']);
  });

  it('checks each transaction on its own: two that are off by opposite amounts are refused together', async () => {
    const error = await refusal(database.db.transaction(async (tx) => {
      const first = await register(tx, 'PI0001');
      const second = await register(tx, 'PI0002');
      await tx.insert(glEntry).values([
        ...entries(first, 'PI0001', [['1300', '125.00'], ['8000', '-100.00']]),
        ...entries(second, 'PI0002', [['1300', '75.00'], ['8000', '-100.00']]),
      ]);
    }));
    expect(postgresErrorCode(error)).toBe(unbalancedGlTransactionCode);
    expect(await glRows()).toEqual([]);
    expect(await database.db.select().from(glRegister).where(eq(glRegister.documentNo, 'PI0001'))).toEqual([]);
  });
});
