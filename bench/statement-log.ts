// Counts the SQL statements a request issues: a second drizzle handle on the same driver client
// (drizzle's public `$client`), with drizzle's `logger` option. Nothing in src/server changes.
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { DatabaseHandle, Executor } from '../src/server/db/connection.ts';
import * as schema from '../src/server/db/schema/index.ts';

export interface StatementLog {
  /** The same database as the handle's, every statement it sends recorded while `recording`. */
  db: Executor;
  /** The statements of `work`, in order. */
  record(work: () => Promise<unknown>): Promise<string[]>;
}

/**
 * Every statement drizzle sends, SELECT … FOR UPDATE, INSERT … RETURNING and raw `tx.execute` alike.
 * Not counted on PGlite: the BEGIN and COMMIT its `transaction()` sends itself (two per request);
 * on node-postgres drizzle sends those, so they are counted there.
 */
export function statementLog(handle: DatabaseHandle): StatementLog {
  let recorded: string[] | undefined;
  const logger = { logQuery: (query: string) => recorded?.push(query) };
  const client = (handle.db as unknown as { $client: PGlite | pg.Pool }).$client;
  const db = (handle.kind === 'pglite'
    ? drizzlePglite({ client: client as PGlite, schema, casing: 'snake_case', logger })
    : drizzlePostgres({ client: client as pg.Pool, schema, casing: 'snake_case', logger })) as unknown as Executor;
  return {
    db,
    async record(work) {
      recorded = [];
      try {
        await work();
        return recorded;
      } finally {
        recorded = undefined;
      }
    },
  };
}

/** What a statement does to which table, e.g. `insert gl_entry`, `select item`: parameter lists left out. */
export function statementShape(statement: string): string {
  const text = statement.replace(/\s+/g, ' ').trim().toLowerCase();
  const write = /^(insert into|update|delete from) "?(\w+)"?/.exec(text);
  if (write) return `${write[1]!.split(' ')[0]} ${write[2]}`;
  const read = /^select .*? from "?(\w+)"?/.exec(text);
  if (read) return `select ${read[1]}${text.includes(' for update') ? ' for update' : ''}`;
  return text.slice(0, 40);
}

/** Statement shapes whose count differs between two recordings, with both counts. */
export function shapesThatGrow(small: readonly string[], large: readonly string[]): string[] {
  const tally = (statements: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const statement of statements) counts.set(statementShape(statement), (counts.get(statementShape(statement)) ?? 0) + 1);
    return counts;
  };
  const smallCounts = tally(small);
  const largeCounts = tally(large);
  return [...new Set([...smallCounts.keys(), ...largeCounts.keys()])]
    .filter((shape) => (smallCounts.get(shape) ?? 0) !== (largeCounts.get(shape) ?? 0))
    .map((shape) => `${shape}: ${smallCounts.get(shape) ?? 0} → ${largeCounts.get(shape) ?? 0}`);
}
