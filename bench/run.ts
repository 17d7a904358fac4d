// npm run bench: prints figures, never fails on timing. Everything runs on the embedded PGlite; with
// BENCH_DATABASE_URL (or DATABASE_URL / TEST_DATABASE_URL) the posting figures run again, 1 and 8
// clients, all selling the same items and each selling its own, in a fresh database created on that
// PostgreSQL server and dropped afterwards, in a Node process of its own (bench/server-posting.ts).
// Then Available to Promise over 1,000,000 item ledger entries (bench/available-to-promise.ts). Last, an HTTP load test on the real server process.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/server/db/connection.ts';
import { masterDataFigures } from './master-data.ts';
import { peakRssMiB, printLine } from './measure.ts';
import { postingFigures } from './posting.ts';
import { receivablesFigures } from './receivables.ts';
import { receivablesAgingFigures } from './receivables-aging.ts';
import { benchServerUrl } from './server-database.ts';
import { withDemoCompany } from './demo-app.ts';
import { bankStatementFigures } from './bank-statement.ts';
import { httpLoadFigures } from './http-load.ts';
import { availableToPromiseFigures } from './available-to-promise.ts';

/** Invoices posted per measurement: enough for a p99, few enough for the whole run to take about 5 minutes on 2 cores. */
const invoices = 100;

/** bench/server-posting.ts in a Node process of its own, its figures printed here as they come. */
async function runServerPosting(url: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('server-posting.ts', import.meta.url)), url, String(invoices)], { stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`bench/server-posting.ts ended with exit code ${code}`);
}

const embedded = await openDatabase({});
await withDemoCompany(embedded, async (app) => {
  console.log('Ledgerline API on PGlite (embedded), in memory, in-process (app.inject, no network), demo company (the server process at the end runs on a data directory, as npm start does)');
  await masterDataFigures(app);
  await postingFigures(embedded, app, { invoices, clients: [1], countStatements: true, ownItems: false });
  await receivablesFigures(embedded, app);
});
printLine('peak RSS of the bench process after PGlite', `${peakRssMiB().toFixed(0)} MiB  (process.resourceUsage().maxRSS)`);

const serverUrl = benchServerUrl();
if (!serverUrl) {
  printLine('post a 10-line sales invoice, 8 clients', 'skipped: no PostgreSQL server (set BENCH_DATABASE_URL)');
} else {
  await runServerPosting(serverUrl);
}

await receivablesAgingFigures(serverUrl);
await bankStatementFigures(serverUrl);
await availableToPromiseFigures(serverUrl);
await httpLoadFigures();
