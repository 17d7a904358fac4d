import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/connection.ts';

const templateDumps = new Map<string, Blob>();

/**
 * A freshly migrated, empty database of its own for one test: embedded PGlite by default,
 * a database on the PostgreSQL server named by TEST_DATABASE_URL when that is set. With
 * `withRoleUsers`, it holds test/support/api.ts's users and tokens already.
 */
export async function freshDatabase(options: { withRoleUsers?: boolean } = {}): Promise<DatabaseHandle> {
  const template = inject(options.withRoleUsers ? 'apiTemplate' : 'databaseTemplate');
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return openDatabase({ loadDataDir: templateDump(template) });
  const templatePid = template.replace('ledgerline_template_', '').replace(/_api$/, '');
  const name = `ledgerline_test_${templatePid}_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * PGlite: the run's migrated template as a data-directory dump, for `openDatabase({ dataDir, loadDataDir })`
 * where a test needs a data directory on disk: initdb and every migration take 15-20 s, loading this a
 * fraction of that (cli.test.ts's `npm start` test still builds one from nothing).
 */
export function templateDump(template: string = inject('databaseTemplate')): Blob {
  let dump = templateDumps.get(template);
  if (!dump) templateDumps.set(template, dump = new Blob([readFileSync(template)]));
  return dump;
}

async function adminQuery(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
