import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../../src/server/db/connection.ts';
import { analyzeChangedTables, startTableStatisticsWorker } from '../../../src/server/db/table-statistics.ts';
import { templateDump } from '../../support/database.ts';

// The embedded database's own maintenance (PGlite has no autovacuum): run by `npm test`, not by the
// PostgreSQL-server suite, whose server analyzes by itself (and whose template is a server database).
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('table statistics', () => {
  let handle: DatabaseHandle;
  // Counts of changes reach the statistics views at most once a second, unless forced.
  const changes = () => handle.db.execute(sql.raw('select pg_stat_force_next_flush()'));
  const rowsOf = async <T>(text: string) => ((await handle.db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows;
  const plan = async () => (await rowsOf<{ 'QUERY PLAN': string }>(`explain execute entries_of('{3,7,11,13,17,19,23,29,31,37}')`))
    .map((row) => row['QUERY PLAN']).join('\n');

  beforeAll(async () => {
    handle = await openDatabase({ loadDataDir: templateDump() });
    await handle.db.execute(sql.raw(`create table entry (entry_no serial primary key, source_no integer not null, amount numeric(18,2) not null)`));
    await handle.db.execute(sql.raw(`insert into entry (source_no, amount) select n, n from generate_series(1, 10) n`));
    // A migration's CREATE INDEX records the table's size as it is then, as an ANALYZE would.
    await handle.db.execute(sql.raw(`create index entry_source on entry (source_no)`));
  });
  afterAll(() => handle.close());

  it('analyzes a table grown since a statement was prepared, which then reads it by its index', async () => {
    await handle.db.execute(sql.raw(`prepare entries_of(integer[]) as select source_no, sum(amount) from entry where source_no = any($1) group by source_no`));
    // After five runs PostgreSQL keeps one plan for every later run: made for a table of ten rows.
    for (let run = 0; run < 6; run++) await handle.db.execute(sql.raw(`execute entries_of('{3,7,11,13,17,19,23,29,31,37}')`));
    await handle.db.execute(sql.raw(`insert into entry (source_no, amount) select n % 5000, n % 10 from generate_series(1, 50000) n`));
    expect(await plan()).toMatch(/Seq Scan on entry/);

    await changes();
    expect(await analyzeChangedTables(handle.db)).toEqual(['public.entry']);

    expect(await plan()).toMatch(/Index Scan using entry_source|Bitmap Index Scan on entry_source/);
    const sums = await rowsOf<{ source_no: number; sum: string }>(`execute entries_of('{3,7,11,13,17,19,23,29,31,37}')`);
    const sumOf = new Map(sums.map((row) => [row.source_no, row.sum]));
    // Ten rows per source at amount source % 10, and sources 3 and 7 one more of their first ten.
    expect([sums.length, sumOf.get(3), sumOf.get(7), sumOf.get(11), sumOf.get(37)]).toEqual([10, '33.00', '77.00', '10.00', '70.00']);
  });

  it('leaves a table alone until more than 50 rows and a tenth of it changed since', async () => {
    expect(await analyzeChangedTables(handle.db)).toEqual([]);
    await handle.db.execute(sql.raw(`update entry set amount = amount + 1 where entry_no <= 5000`));
    await changes();
    expect(await analyzeChangedTables(handle.db)).toEqual([]);
    await handle.db.execute(sql.raw(`update entry set amount = amount + 1 where entry_no > 5000 and entry_no <= 5100`));
    await changes();
    expect(await analyzeChangedTables(handle.db)).toEqual(['public.entry']);
  });

  it('runs as a worker, which analyzes at once and again every pollMs until stopped', async () => {
    const lastAnalyzed = async () => (await rowsOf<{ at: string | null }>(`select last_analyze::text as at from pg_stat_user_tables where relname = 'entry'`))[0]!.at;
    const before = await lastAnalyzed();
    await handle.db.execute(sql.raw(`insert into entry (source_no, amount) select n, 1 from generate_series(1, 6000) n`));
    await changes();
    const worker = startTableStatisticsWorker(handle.db, { pollMs: 50 });
    try {
      await expect.poll(lastAnalyzed, { timeout: 5_000 }).not.toBe(before);
      const first = await lastAnalyzed();
      await handle.db.execute(sql.raw(`delete from entry where entry_no > 50000`));
      await changes();
      await expect.poll(lastAnalyzed, { timeout: 5_000 }).not.toBe(first);
    } finally {
      await worker.stop();
    }
  });
});
