import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import { PGlite, type QueryOptions, type Results, type Transaction as PGliteTransaction } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { TurnQueue } from './turn-order.ts';
import { clientNamingRepeatedStatements } from './repeated-statements.ts';
import { PGliteNamedStatements } from './pglite-named-statements.ts';
import { postgresErrorCode } from './constraint-errors.ts';

export type Schema = typeof schema;
/** The database or an open transaction: every query and command takes one as its first argument. */
export type Executor = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface DatabaseHandle {
  db: Executor;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a directory or a server URL without its password. */
  location: string;
  /** Brings the schema up to date. Safe to run from several processes at once on a server. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  /** A PostgreSQL server; when absent, the embedded PGlite in `dataDir` is used. */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** A PGlite data-directory dump to start from (tests clone a migrated template this way). */
  loadDataDir?: Blob | undefined;
}

const migrationsFolder = join(fileURLToPath(new URL('.', import.meta.url)), 'migrations');

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite(config.dataDir, config.loadDataDir);
}

/**
 * PGlite's own defaults plus a buffer cache of 32 MB instead of PostgreSQL's 128 MB: the embedded
 * database lives in the server's own memory (WebAssembly), where the larger cache cost ~60 MB of
 * resident memory; the operating system's file cache still holds the data files.
 */
const pgliteStartParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

/**
 * PGlite runs each query synchronously in this thread and answers through promises only, so without
 * a turn of the event loop between queries one request's whole transaction, and every request queued
 * behind it, ran inside a single turn. Node accepts at most one new connection per turn: under load
 * the clients connected first were served round after round while the others waited seconds to be
 * accepted at all (50 connections: some first answers after 13 s, p99 9 s). Each query now starts on
 * a turn of its own (a few microseconds), so new connections are accepted and their requests join the
 * queue while a transaction runs; the queue serves the oldest request first (turn-order.ts).
 */
class PGliteTakingTurns extends PGlite {
  readonly #turns = new TurnQueue();

  // Every query outside a transaction, and every transaction, waits here for the one session.
  override async _runExclusiveTransaction<T>(work: () => Promise<T>): Promise<T> {
    return this.#turns.run(() => super._runExclusiveTransaction(work));
  }

  override async _runExclusiveQuery<T>(query: () => Promise<T>): Promise<T> {
    await nextTurnOfEventLoop();
    return super._runExclusiveQuery(query);
  }

  // Repeated statements with parameters run prepared (pglite-named-statements.ts), in and out of transactions.
  readonly #named = new PGliteNamedStatements(this);

  override async query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    const name = this.#named.nameFor(text, options);
    if (name === undefined) return super.query<T>(text, params, options);
    await this._checkReady();
    return this._runExclusiveTransaction(() => this.#named.run<T>(name, text, params, options));
  }

  override transaction<T>(callback: (tx: PGliteTransaction) => Promise<T>): Promise<T> {
    return super.transaction((tx) => callback(this.#named.inTransaction(tx)));
  }
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<DatabaseHandle> {
  const lock = dataDir ? lockDataDir(dataDir) : undefined;
  try {
    const client = new PGliteTakingTurns({
      startParams: pgliteStartParams,
      ...(dataDir ? { dataDir: join(dataDir, 'pgdata') } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
    });
    await client.waitReady;
    const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Executor;
    return {
      db,
      kind: 'pglite',
      location: dataDir ?? 'memory',
      migrate: () => migratePglite(db as never, { migrationsFolder }),
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function openPostgres(databaseUrl: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    // While the server is down or unreachable a request fails within seconds (503) instead of hanging.
    connectionTimeoutMillis: 10_000,
    // Notices a server that vanished without closing the socket, as after a failover to another host.
    keepAlive: true,
    // PostgreSQL's JIT compiled the posting's setup join on every request (~11 ms, more than the
    // query itself): the application's short OLTP queries never gain from it.
    options: '-c jit=off',
    Client: clientNamingRepeatedStatements(),
  });
  survivesLostConnections(pool, redactPassword(databaseUrl));
  const db = drizzlePostgres({ client: pool, schema, casing: 'snake_case' }) as unknown as Executor;
  retriesDeadlocks(db);
  await db.execute(sql`select 1`);
  return {
    db,
    kind: 'postgres',
    location: redactPassword(databaseUrl),
    migrate: () => migratePostgresLocked(pool),
    close: () => pool.end(),
  };
}

/**
 * A server that restarts or fails over drops every connection, and pg emits 'error' on each client,
 * idle or checked out; an 'error' nobody listens to ends the process. So every client gets a
 * listener for its whole life. The pool then discards the broken clients (idle ones at once, checked
 * out ones when released: they are no longer queryable) and connects afresh for later requests; the
 * request that held one fails with a connection error, answered 503 (connection-errors.ts).
 */
function survivesLostConnections(pool: pg.Pool, location: string) {
  pool.on('connect', (client) => {
    let reported = false;
    client.on('error', (error) => {
      if (reported) return;
      reported = true;
      console.warn(`Lost a connection to the database ${location}: ${error.message}`);
    });
  });
  // pg-pool re-emits an idle client's error on the pool; the client's own listener has reported it.
  pool.on('error', () => undefined);
}

/**
 * Two transactions that each wait for a row the other holds (deadlock_detected, 40P01): the server
 * rolls one back whole, so it runs again, up to three times. The shared rows are the availability
 * projection's, which statements lock in key order but a transaction's later statements may not.
 */
function retriesDeadlocks(db: Executor) {
  const transaction = db.transaction.bind(db);
  db.transaction = (async (work, config) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await transaction(work, config);
      } catch (error) {
        if (attempt >= 3 || postgresErrorCode(error) !== '40P01') throw error;
      }
    }
  }) as typeof db.transaction;
}

/** One migrator at a time across processes: the advisory lock lives on the migrating connection. */
async function migratePostgresLocked(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(727274)');
    try {
      await migratePostgres(drizzlePostgres({ client, casing: 'snake_case' }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock(727274)');
    }
  } finally {
    client.release();
  }
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}
