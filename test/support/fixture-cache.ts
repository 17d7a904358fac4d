/**
 * Company fixtures (givenSalesCompany, givenPostingCompany …) are built once per test file through the
 * API, as a user would set a company up; the tests after the first get the same rows copied in by
 * SQL (~0.1 s instead of the ~50 requests of the setup). The copy is every public table's rows and
 * every sequence's value, written with triggers and foreign keys off (session_replication_role =
 * replica) so the order of tables does not matter and the ledgers' append-only triggers let the
 * fresh database's rows be replaced.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../src/server/db/connection.ts';

interface Snapshot { script: string }

const snapshots = new Map<string, Snapshot>();

/** Runs `build` the first time `key` is asked for in this test file, and copies its result into `db` after that. */
export async function withFixtureCache(db: Executor, key: string, build: () => Promise<void>): Promise<void> {
  const snapshot = snapshots.get(key);
  if (snapshot) return runScript(db, snapshot.script);
  await build();
  snapshots.set(key, { script: await restoreScript(db) });
}

const rowsOf = async (db: Executor, text: string) => ((await db.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] }).rows;

/** One SQL script that empties every table, inserts the rows the database holds now, and sets the sequences. */
export async function restoreScript(db: Executor): Promise<string> {
  const tables = await rowsOf(db, `select tablename as name from pg_tables where schemaname = 'public' order by tablename`);
  const statements = ['SET session_replication_role = replica'];
  for (const { name } of tables) {
    const table = `"${String(name)}"`;
    statements.push(`DELETE FROM ${table}`);
    const [{ json }] = await rowsOf(db, `select coalesce(json_agg(t), '[]')::text as json from ${table} t`) as [{ json: string }];
    if (json !== '[]') statements.push(`INSERT INTO ${table} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(null::${table}, ${dollarQuoted(json)})`);
  }
  for (const sequence of await rowsOf(db, `select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public'`)) {
    statements.push(sequence.value === null
      ? `SELECT setval('"${String(sequence.name)}"', 1, false)`
      : `SELECT setval('"${String(sequence.name)}"', ${String(sequence.value)}, true)`);
  }
  statements.push('SET session_replication_role = DEFAULT');
  return `${statements.join(';\n')};`;
}

function dollarQuoted(text: string): string {
  if (text.includes('$fixture$')) throw new Error('fixture rows contain the quoting tag $fixture$');
  return `$fixture$${text}$fixture$`;
}

/** Several statements in one round trip: PGlite's exec, node-postgres' simple query. */
export async function runScript(db: Executor, script: string): Promise<void> {
  const client = (db as unknown as { $client: { exec?: (text: string) => Promise<unknown>; query: (text: string) => Promise<unknown> } }).$client;
  if (client.exec) await client.exec(script);
  else await client.query(script);
}
