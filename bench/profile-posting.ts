// Profile of posting 10-line invoices: `node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-posting.ts [postgres-url]`.
// Prints the CPU time of the Node process per posting; with a PostgreSQL server that is the JavaScript alone.
import { buildApp } from '../src/server/http/app.ts';
import { openDatabase, type Executor } from '../src/server/db/connection.ts';
import { loadDemoCompany } from '../src/server/demo/demo-company.ts';
import { benchActor } from './bench-actor.ts';
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
for (const no of numbers.slice(0, 20)) await app.inject({ method: 'POST', url: `/api/v1/salesInvoices/${no}/post` });
const started = process.cpuUsage();
const wall = performance.now();
for (const no of numbers.slice(20)) {
  const response = await app.inject({ method: 'POST', url: `/api/v1/salesInvoices/${no}/post` });
  if (response.statusCode !== 200) throw new Error(response.body);
}
const used = process.cpuUsage(started);
console.log(`100 postings: ${((performance.now() - wall) / 100).toFixed(1)} ms wall, ${((used.user + used.system) / 1000 / 100).toFixed(1)} ms CPU of this process per posting`);
await app.close();
await handle.close();
