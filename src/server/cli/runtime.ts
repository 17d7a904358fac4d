import { count } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { appUser } from '../db/schema/index.ts';
import type { ServerConfig } from '../config.ts';
import { loadDemoCompany, demoCredentials } from '../demo/demo-company.ts';
import type { Executor } from '../db/connection.ts';
import type { CliIo } from './cli-io.ts';

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

export async function loadDemo(db: Executor): Promise<typeof demoCredentials> {
  await db.transaction((tx) => loadDemoCompany(tx as Executor));
  return demoCredentials;
}
