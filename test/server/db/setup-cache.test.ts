import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle, Executor } from '../../../src/server/db/connection.ts';
import { paymentTerms, setupVersion } from '../../../src/server/db/schema/index.ts';
import { cachedSetup } from '../../../src/server/db/setup-cache.ts';
import { freshDatabase } from '../../support/database.ts';
import { countingDatabase } from '../../support/statement-counter.ts';

// Issue 21: setup rows kept between transactions, valid while the setup version they were read under is the one a transaction sees.
let database: DatabaseHandle;
beforeEach(async () => { database = await freshDatabase(); });
afterEach(() => database.close());

const termsNamed = (tx: Executor, code: string) => cachedSetup(tx, `payment_terms:test:${code}`, async (db) =>
  (await db.select({ code: paymentTerms.code, description: paymentTerms.description }).from(paymentTerms).where(eq(paymentTerms.code, code)))[0]);
const version = async (db: Executor) => (await db.select().from(setupVersion))[0]!.version;

describe('setup rows kept between transactions', () => {
  it('are read once while the setup stays as it is: a later transaction reads only the version', async () => {
    const counting = countingDatabase(database);
    await database.db.insert(paymentTerms).values({ code: 'KEEP', description: 'Kept' });
    const first = await counting.during(() => counting.db.transaction((tx) => termsNamed(tx as Executor, 'KEEP')));
    expect(first.filter((statement) => statement.includes('"payment_terms"'))).toHaveLength(1);
    let seen: unknown;
    const second = await counting.during(() => counting.db.transaction(async (tx) => {
      seen = await termsNamed(tx as Executor, 'KEEP');
      // Asked again in the same transaction: not even the version is read again.
      await termsNamed(tx as Executor, 'KEEP');
    }));
    expect(seen).toEqual({ code: 'KEEP', description: 'Kept' });
    expect(second.filter((statement) => !/^(begin|commit)/i.test(statement))).toEqual(['select "version" from "setup_version"']);
    // What is shared is frozen: a caller cannot change it for the others.
    expect(Object.isFrozen(seen)).toBe(true);
  });

  it('are read again after any statement changes the table, through drizzle or plain SQL, and a rolled-back change leaves them valid', async () => {
    await database.db.insert(paymentTerms).values({ code: 'MOVE', description: 'Before' });
    const read = () => database.db.transaction((tx) => termsNamed(tx as Executor, 'MOVE'));
    expect(await read()).toEqual({ code: 'MOVE', description: 'Before' });
    const before = await version(database.db);
    await database.db.execute(sql`update payment_terms set description = 'After' where code = 'MOVE'`);
    expect(await version(database.db)).not.toBe(before);
    expect(await read()).toEqual({ code: 'MOVE', description: 'After' });

    const committed = await version(database.db);
    await expect(database.db.transaction(async (tx) => {
      await tx.update(paymentTerms).set({ description: 'Never' }).where(eq(paymentTerms.code, 'MOVE'));
      // Inside the changing transaction its own rows are read, under its own version.
      expect(await termsNamed(tx as Executor, 'MOVE')).toEqual({ code: 'MOVE', description: 'Never' });
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect(await version(database.db)).toBe(committed);
    expect(await read()).toEqual({ code: 'MOVE', description: 'After' });

    await database.db.execute(sql`delete from payment_terms where code = 'MOVE'`);
    expect(await read()).toBeUndefined();
  });

  it('are read afresh on every call outside a transaction', async () => {
    const counting = countingDatabase(database);
    await database.db.insert(paymentTerms).values({ code: 'LOOSE', description: 'Loose' });
    const statements = await counting.during(async () => {
      await termsNamed(counting.db, 'LOOSE');
      await termsNamed(counting.db, 'LOOSE');
    });
    expect(statements.filter((statement) => statement.includes('setup_version'))).toHaveLength(2);
  });
});
