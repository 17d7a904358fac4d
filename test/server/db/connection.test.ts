import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../../src/server/db/connection.ts';
import { freshDatabase, templateDump } from '../../support/database.ts';

describe('the database', () => {
  it('migrates a second time without changing anything', async () => {
    const database = await freshDatabase();
    try {
      await database.migrate();
      const result = await database.db.execute(sql`select count(*)::int as rows from company_information`);
      expect((result as unknown as { rows: { rows: number }[] }).rows[0]!.rows).toBe(1);
    } finally {
      await database.close();
    }
  });
});

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('connections to a PostgreSQL server', () => {
  it('run with JIT off, which only slowed the short queries of a posting', async () => {
    const database = await freshDatabase();
    try {
      const result = await database.db.execute(sql`show jit`);
      expect((result as unknown as { rows: { jit: string }[] }).rows[0]!.jit).toBe('off');
    } finally {
      await database.close();
    }
  });

  it('parse and plan a repeated statement with parameters once per connection, under one name', async () => {
    const database = await freshDatabase();
    try {
      const prepared = await database.db.transaction(async (tx) => {
        for (let run = 0; run < 3; run++) await tx.execute(sql`select count(*) from customer where no = ${`C${run}`}`);
        await tx.execute(sql.raw('select 2 + 2'));
        await tx.execute(sql.raw('select 2 + 2'));
        const rows = await tx.execute(sql`select name, statement from pg_prepared_statements where statement like ${'select %'}`);
        return (rows as unknown as { rows: { name: string; statement: string }[] }).rows;
      });
      expect(prepared.map((row) => row.statement)).toContain('select count(*) from customer where no = $1');
      expect(prepared.map((row) => row.statement)).not.toContain('select 2 + 2');
      expect(new Set(prepared.map((row) => row.name)).size).toBe(prepared.length);
    } finally {
      await database.close();
    }
  });
});

// The lock protects PGlite's data directory; a PostgreSQL server has its own concurrency control.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('the embedded data directory', () => {
  const directories: string[] = [];
  afterEach(() => { for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true }); });

  function dataDir() {
    const directory = mkdtempSync(join(tmpdir(), 'ledgerline-lock-'));
    directories.push(directory);
    return directory;
  }

  it('keeps data across restarts and lets only one process open it at a time', async () => {
    const directory = dataDir();
    // From the run's migrated template (initdb and migrating from nothing are cli.test.ts's `npm start` test's).
    const first = await openDatabase({ dataDir: directory, loadDataDir: templateDump() });
    await first.migrate();
    await first.db.execute(sql`update company_information set name = 'Kept B.V.'`);
    await expect(openDatabase({ dataDir: directory })).rejects.toMatchObject({ code: 'DATABASE_LOCKED' });
    await first.close();
    const second = await openDatabase({ dataDir: directory });
    try {
      const result = await second.db.execute(sql`select name from company_information`);
      expect((result as unknown as { rows: { name: string }[] }).rows[0]!.name).toBe('Kept B.V.');
    } finally {
      await second.close();
    }
  });

  it('takes over a lock left behind by a process that died', async () => {
    const directory = dataDir();
    writeFileSync(join(directory, 'ledgerline.lock'), '999999999');
    const database = await openDatabase({ dataDir: directory, loadDataDir: templateDump() });
    await database.close();
  });
});
