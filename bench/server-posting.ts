// The posting and receivables figures on the PostgreSQL server at argv[2], in a Node process of its own
// (bench/run.ts starts it): its JavaScript CPU time per posting is then that of a process that serves
// this database alone, not of one that ran the embedded database's half of the bench before (1 GB peak
// RSS there; the same postings took ~50 % more CPU in that process).
import { postingFigures } from './posting.ts';
import { receivablesFigures } from './receivables.ts';
import { freshServerDatabase } from './server-database.ts';
import { withDemoCompany } from './demo-app.ts';

const invoices = Number(process.argv[3] ?? 100);
const server = await freshServerDatabase(process.argv[2]!);
await withDemoCompany(server, async (app) => {
  console.log(`\nLedgerline API on the PostgreSQL server ${server.location}, in-process (app.inject, a Node process of its own)`);
  await postingFigures(server, app, { invoices, clients: [1, 8], countStatements: false, ownItems: true, databaseUrl: server.url });
  await receivablesFigures(server, app);
});
