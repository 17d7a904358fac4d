/**
 * The embedded database has no autovacuum, so nothing ANALYZEs its tables. A statement prepared
 * while a table was small keeps its plan (a sequential scan) for the life of the process however
 * large the table grows: on PGlite, every posting read each item's value entries and item ledger
 * entries whole (bench: 313 scans of value_entry, 523,000 rows, in 300 postings). An ANALYZE both
 * updates the statistics and makes PostgreSQL plan the statements on that table again.
 *
 * This does what autovacuum does for statistics: every minute, each table changed by more than 50
 * rows plus a tenth of its rows since it was last analyzed is analyzed (migration 0048). A PostgreSQL server runs
 * autovacuum itself (and vacuums), so the server command starts it for the embedded database only.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from './connection.ts';
import { startPollingWorker } from '../jobs/polling-worker.ts';

/**
 * ANALYZEs the tables changed enough since their last ANALYZE, most changed first (migration 0048);
 * their names, for tests. One statement a table: on the embedded database, requests waiting run in
 * between (an ANALYZE takes up to some 100 ms there), not after all of them.
 */
export async function analyzeChangedTables(db: Executor): Promise<string[]> {
  const names: string[] = [];
  for (;;) {
    const analyzed = await db.execute(sql`select analyze_changed_table() as name`) as unknown as { rows: { name: string | null }[] };
    const name = analyzed.rows[0]?.name;
    // A table whose ANALYZE left its count of changes (one it may not analyze) ends the round.
    if (!name || names.includes(name)) return names;
    names.push(name);
  }
}

/** Analyzes changed tables once a minute (autovacuum_naptime), until stopped. */
export function startTableStatisticsWorker(db: Executor, options: { pollMs?: number } = {}): { stop(): Promise<void> } {
  return startPollingWorker(db, {
    name: 'table statistics',
    pollMs: options.pollMs ?? 60_000,
    step: async (executor) => {
      await analyzeChangedTables(executor);
      return false;
    },
  });
}
