/**
 * A fingerprint of everything a database holds: every table's rows (hashed) and every sequence's
 * last value. Two equal snapshots mean nothing was written and no number was drawn.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../src/server/db/connection.ts';

export async function databaseSnapshot(db: Executor): Promise<Record<string, string>> {
  const rows = async (query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const tables = await rows(sql`select tablename from pg_tables where schemaname = 'public' and tablename not like '%drizzle%' order by tablename`);
  const snapshot: Record<string, string> = {};
  for (const { tablename } of tables) {
    const [row] = await rows(sql.raw(`select count(*)::text as count, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as hash from "${String(tablename)}" t`));
    snapshot[`table ${String(tablename)}`] = `${String(row!.count)} ${String(row!.hash)}`;
  }
  for (const sequence of await rows(sql`select sequencename, coalesce(last_value, 0)::text as last_value from pg_sequences where schemaname = 'public'`)) {
    snapshot[`sequence ${String(sequence.sequencename)}`] = String(sequence.last_value);
  }
  return snapshot;
}
