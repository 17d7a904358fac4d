// Profile of posting 10-line invoices: `node --import tsx bench/profile-posting.ts [postgres-url]` writes
// posting.cpuprofile (the postings alone; open it in Chrome's DevTools) and prints the CPU time of the
// Node process per posting; with a PostgreSQL server that is the JavaScript alone.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { buildApp } from '../src/server/http/app.ts';
import { openDatabase, type Executor } from '../src/server/db/connection.ts';
import { loadDemoCompany } from '../src/server/demo/demo-company.ts';
import { benchActor } from './bench-actor.ts';
import { mainThreadCpuMilliseconds } from './measure.ts';
import { createInvoices, preparePosting } from './posting.ts';
import { freshServerDatabase } from './server-database.ts';

const url = process.argv[2];
const handle = url ? await freshServerDatabase(url) : await openDatabase({});
await handle.migrate();
await handle.db.transaction((tx) => loadDemoCompany(tx as Executor));
const app = await buildApp({ db: handle.db, localActor: benchActor });
await app.ready();
const setup = await preparePosting(app);
const numbers = await createInvoices(app, setup, 120, 10);
const post = async (no: string) => {
  const response = await app.inject({ method: 'POST', url: `/api/v1/salesInvoices/${no}/post` });
  if (response.statusCode >= 300) throw new Error(response.body);
};
for (const no of numbers.slice(0, 20)) await post(no);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
const started = process.cpuUsage();
const mainThreadBefore = mainThreadCpuMilliseconds();
const wall = performance.now();
for (const no of numbers.slice(20)) await post(no);
const used = process.cpuUsage(started);
const mainThread = mainThreadBefore === undefined ? undefined : mainThreadCpuMilliseconds()! - mainThreadBefore;
const { profile } = await session.post('Profiler.stop');
writeFileSync('posting.cpuprofile', JSON.stringify(profile));
const ofMainThread = mainThread === undefined ? '' : ` (its main thread ${(mainThread / 100).toFixed(1)} ms, the profiler's included)`;
console.log(`100 postings: ${((performance.now() - wall) / 100).toFixed(1)} ms wall, ${((used.user + used.system) / 1000 / 100).toFixed(1)} ms CPU of this process per posting${ofMainThread}`);
await app.close();
await handle.close();
