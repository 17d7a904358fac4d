/**
 * Several writes sent as one statement: each a data-modifying WITH query of one SELECT. A posting
 * holds the number series' row lock from its draw to COMMIT, so every round trip in between
 * lengthens the wait of concurrent postings (bench: 8 clients); one statement is one round trip.
 *
 * PostgreSQL runs the parts on one snapshot: a part must not read or change a row another part
 * writes, and no row may be changed twice (the parts' order is not defined). Foreign keys are
 * checked at the end of the statement, so a part may refer to rows another part inserts.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from './connection.ts';

export async function writeInOneStatement(tx: Executor, writes: readonly SQL[]): Promise<void> {
  if (writes.length === 0) return;
  if (writes.length === 1) {
    await tx.execute(writes[0]!);
    return;
  }
  const parts = writes.map((write, index) => sql`${sql.raw(`w${index}`)} as (${write})`);
  await tx.execute(sql`with ${sql.join(parts, sql`, `)} select 1`);
}
