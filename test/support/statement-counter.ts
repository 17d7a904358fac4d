import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { DatabaseHandle, Executor } from '../../src/server/db/connection.ts';
import * as schema from '../../src/server/db/schema/index.ts';

/**
 * The same database behind a second drizzle instance that records the statements it sends.
 * node-postgres also sends BEGIN and COMMIT through the logger; PGlite does not.
 */
export function countingDatabase(handle: Pick<DatabaseHandle, 'db' | 'kind'>) {
  const statements: string[] = [];
  const logger = { logQuery: (query: string) => { statements.push(query); } };
  const client = (handle.db as unknown as { $client: never }).$client;
  const counted = (handle.kind === 'pglite'
    ? drizzlePglite({ client, schema, casing: 'snake_case', logger })
    : drizzlePostgres({ client, schema, casing: 'snake_case', logger })) as unknown as Executor;
  return {
    db: counted,
    statements: () => statements.length,
    /** The statements of `work` alone. */
    async during(work: () => Promise<unknown>): Promise<string[]> {
      const start = statements.length;
      await work();
      return statements.slice(start);
    },
  };
}
