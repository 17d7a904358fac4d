// A fresh database on the PostgreSQL server the bench was pointed at, dropped again afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/server/db/connection.ts';

/** BENCH_DATABASE_URL, else DATABASE_URL or TEST_DATABASE_URL: only used to create (and drop) a database of the bench's own. */
export function benchServerUrl(): string | undefined {
  return process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
}

/** The handle, and the new database's URL for other processes of the bench. */
export async function freshServerDatabase(serverUrl: string): Promise<DatabaseHandle & { url: string }> {
  const name = `ledgerline_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const handle = await openDatabase({ databaseUrl: url.toString() });
    return {
      ...handle,
      url: url.toString(),
      close: async () => {
        await handle.close();
        await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  } catch (error) {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    throw error;
  }
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
