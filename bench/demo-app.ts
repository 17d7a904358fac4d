// The bench's API on a database: migrated, the demo company loaded, the app built as the server builds it.
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle, Executor } from '../src/server/db/connection.ts';
import { buildApp } from '../src/server/http/app.ts';
import { startTableStatisticsWorker } from '../src/server/db/table-statistics.ts';
import { loadDemoCompany } from '../src/server/demo/demo-company.ts';
import { benchActor } from './bench-actor.ts';

/** Runs `work` on the app over `handle`, then closes both. */
export async function withDemoCompany(handle: DatabaseHandle, work: (app: FastifyInstance) => Promise<void>): Promise<void> {
  try {
    await handle.migrate();
    await handle.db.transaction((tx) => loadDemoCompany(tx as Executor));
    const app = await buildApp({ db: handle.db, localActor: benchActor });
    await app.ready();
    // As the server command does: the embedded database's statistics, kept by no autovacuum.
    const statistics = handle.kind === 'pglite' ? startTableStatisticsWorker(handle.db) : null;
    try {
      await work(app);
    } finally {
      await statistics?.stop();
      await app.close();
    }
  } finally {
    await handle.close();
  }
}
