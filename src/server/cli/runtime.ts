import { count } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { appUser } from '../db/schema/index.ts';
import type { ServerConfig } from '../config.ts';
import { loadDemoCompany, demoCredentials } from '../demo/demo-company.ts';
import type { Executor } from '../db/connection.ts';
import { performance } from 'node:perf_hooks';
import type { CliIo, CliOutput } from './cli-io.ts';
import { formatProgress } from './progress.ts';

export async function openMigratedDatabase(config: ServerConfig): Promise<DatabaseHandle> {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await handle.migrate();
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The database of one command: the run's lender if it has one (tests), else opened afresh. */
export function openCliDatabase(io: CliIo, config: ServerConfig): Promise<DatabaseHandle> {
  return (io.openDatabase ?? openMigratedDatabase)(config);
}

/** A database is empty until its first user exists; only then is the demo company loaded. */
export async function isEmpty(db: Executor): Promise<boolean> {
  const [row] = await db.select({ users: count() }).from(appUser);
  return row!.users === 0;
}

/**
 * Loads the demo company, telling `out` how far it got (a first start takes a while): on a terminal
 * one line redrawn in place, elsewhere a line per step; then how long it took.
 */
export async function loadDemo(db: Executor, out?: CliOutput): Promise<typeof demoCredentials> {
  const started = performance.now();
  out?.write('Creating the demo company…\n');
  const onProgress = out && ((done: number, total: number, step: string) => {
    if (done === total) return;
    const line = formatProgress({ progress: done, total, message: step });
    out.write(out.isTTY ? `\r${line}\x1b[K` : `${line}\n`);
  });
  await db.transaction((tx) => loadDemoCompany(tx as Executor, onProgress ? { onProgress } : {}));
  if (out?.isTTY) out.write('\r\x1b[K');
  out?.write(`Created the demo company in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
  return demoCredentials;
}
