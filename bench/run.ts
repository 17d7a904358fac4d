// npm run bench: prints figures, never fails on timing. Everything runs on the embedded PGlite; with
// BENCH_DATABASE_URL (or DATABASE_URL / TEST_DATABASE_URL) the posting figures run again, 1 and 8
// clients, all selling the same items and each selling its own, in a fresh database created on that
// PostgreSQL server and dropped afterwards. Then Available to Promise over 1,000,000 item ledger entries
// (bench/available-to-promise.ts). Last, an HTTP load test on the real server process.
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DatabaseHandle, type Executor } from '../src/server/db/connection.ts';
import { buildApp } from '../src/server/http/app.ts';
import { startTableStatisticsWorker } from '../src/server/db/table-statistics.ts';
import { loadDemoCompany } from '../src/server/demo/demo-company.ts';
import { masterDataFigures } from './master-data.ts';
import { peakRssMiB, printLine } from './measure.ts';
import { benchActor } from './bench-actor.ts';
import { postingFigures } from './posting.ts';
import { receivablesFigures } from './receivables.ts';
import { receivablesAgingFigures } from './receivables-aging.ts';
import { benchServerUrl, freshServerDatabase } from './server-database.ts';
import { bankStatementFigures } from './bank-statement.ts';
import { httpLoadFigures } from './http-load.ts';
import { availableToPromiseFigures } from './available-to-promise.ts';

/** Invoices posted per measurement: enough for a p99, few enough for the whole run to take about 5 minutes on 2 cores. */
const invoices = 100;

async function withDemoCompany(handle: DatabaseHandle, work: (app: FastifyInstance) => Promise<void>): Promise<void> {
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

const embedded = await openDatabase({});
await withDemoCompany(embedded, async (app) => {
  console.log('Ledgerline API on PGlite (embedded), in-process (app.inject, no network), demo company');
  await masterDataFigures(app);
  await postingFigures(embedded, app, { invoices, clients: [1], countStatements: true, ownItems: false });
  await receivablesFigures(embedded, app);
});
printLine('peak RSS of the bench process after PGlite', `${peakRssMiB().toFixed(0)} MiB  (process.resourceUsage().maxRSS)`);

const serverUrl = benchServerUrl();
if (!serverUrl) {
  printLine('post a 10-line sales invoice, 8 clients', 'skipped: no PostgreSQL server (set BENCH_DATABASE_URL)');
} else {
  const server = await freshServerDatabase(serverUrl);
  await withDemoCompany(server, async (app) => {
    console.log(`\nLedgerline API on the PostgreSQL server ${server.location}, in-process (app.inject, one Node process)`);
    await postingFigures(server, app, { invoices, clients: [1, 8], countStatements: false, ownItems: true, databaseUrl: server.url });
    await receivablesFigures(server, app);
  });
}

await receivablesAgingFigures(serverUrl);
await bankStatementFigures(serverUrl);
await availableToPromiseFigures(serverUrl);
await httpLoadFigures();
