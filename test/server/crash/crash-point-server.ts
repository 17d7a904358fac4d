/**
 * A Ledgerline server that kills itself (SIGKILL) at a chosen point of one request, for the test of
 * Idempotency-Key after a crash. It serves like `ledgerline serve` (data directory from
 * LEDGERLINE_DATA_DIR, demo company in an empty database) and adds two hooks that act only on a
 * request carrying `x-crash-at`:
 *   beforeCommit: after the command has run and written, before its transaction commits;
 *   afterCommit:  after the commit, before the answer is written to the client.
 * Run: node --import tsx test/server/crash/crash-point-server.ts  (prints "API: http://…/api/v1").
 */
import { buildApp } from '../../../src/server/http/app.ts';
import { readConfig } from '../../../src/server/config.ts';
import { isEmpty, loadDemo, openMigratedDatabase } from '../../../src/server/cli/runtime.ts';

const crash = () => process.kill(process.pid, 'SIGKILL');
const handle = await openMigratedDatabase(readConfig({ ...process.env, PORT: '0' }));
if (await isEmpty(handle.db)) await loadDemo(handle.db);
const app = await buildApp({ db: handle.db });
// preSerialization runs when the handler has produced its answer, inside the request's open transaction.
app.addHook('preSerialization', async (request, _reply, payload) => {
  if (request.headers['x-crash-at'] === 'beforeCommit') crash();
  return payload;
});
// Added after the app's own onSend hooks, so it runs once the key and the effect have committed.
app.addHook('onSend', async (request, _reply, payload) => {
  if (request.headers['x-crash-at'] === 'afterCommit') crash();
  return payload;
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`API: ${address}/api/v1`);
