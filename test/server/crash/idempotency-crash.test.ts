/**
 * Issue 9 point 3: an Idempotency-Key is never stuck. The server is killed (SIGKILL) at the two
 * moments that matter for a posting sent with a key, then started again on the same embedded
 * database, and the client retries with the same key:
 *   before the commit: nothing was done, so the retry posts, once;
 *   after the commit, before the answer: it was done, so the retry gets the first answer back.
 * Either way the invoice is posted exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, 'crash-point-server.ts');
const today = new Date().toISOString().slice(0, 10);

interface Server { child: ChildProcess; address: string; token: string }

async function start(dataDir: string): Promise<Server> {
  const { DATABASE_URL: _url, TEST_DATABASE_URL: _testUrl, ...environment } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...environment, LEDGERLINE_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const address = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /API: (http:\/\/\S+)\/api\/v1/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk) => { output += chunk; });
    child.once('exit', (code, signal) => reject(new Error(`The server exited (${code ?? signal}) before it listened:\n${output}`)));
  });
  const signIn = await fetch(`${address}/api/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin' }) });
  return { child, address, token: ((await signIn.json()) as { token: string }).token };
}

async function send(server: Server, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.address}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.token}`, 'x-work-date': today, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, replayed: response.headers.get('idempotency-replayed'), body: (await response.json().catch(() => null)) as any };
}

/** Sends a request the server dies on: no answer comes back, and the process is gone. */
async function sendAndLoseAnswer(server: Server, path: string, key: string, crashAt: string) {
  const exited = new Promise((resolve) => server.child.once('exit', (_code, signal) => resolve(signal)));
  await expect(send(server, 'POST', path, {}, { 'idempotency-key': key, 'x-crash-at': crashAt })).rejects.toThrow();
  expect(await exited).toBe('SIGKILL');
}

async function newInvoice(server: Server): Promise<string> {
  const created = await send(server, 'POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C00010', lines: [{ type: 'item', no: '1020', quantity: '1' }] });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.no;
}

async function postedInvoices(server: Server): Promise<Array<{ no: string; preAssignedNo: string | null }>> {
  return (await send(server, 'GET', '/api/v1/postedSalesInvoices?limit=1000')).body.items;
}

describe('Idempotency-Key across a crash of the server (embedded database)', () => {
  let dataDir: string;
  let server: Server | undefined;
  beforeAll(() => { dataDir = mkdtempSync(join(tmpdir(), 'ledgerline-idempotency-crash-')); });
  afterAll(() => {
    server?.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))('posts exactly once whether the crash came before the commit or between the commit and the answer', async () => {
    server = await start(dataDir);
    const before = (await postedInvoices(server)).length;

    // 1. Killed before the commit: the retry finds nothing done and posts.
    const first = await newInvoice(server);
    await sendAndLoseAnswer(server, `/api/v1/salesInvoices/${first}/post`, 'post-first', 'beforeCommit');
    server = await start(dataDir);
    expect((await send(server, 'GET', `/api/v1/salesInvoices/${first}`)).status).toBe(200);
    expect(await postedInvoices(server)).toHaveLength(before);
    const retriedFirst = await send(server, 'POST', `/api/v1/salesInvoices/${first}/post`, {}, { 'idempotency-key': 'post-first' });
    expect(retriedFirst.status, JSON.stringify(retriedFirst.body)).toBe(201);
    expect(retriedFirst.replayed).toBeNull();
    expect(await postedInvoices(server)).toHaveLength(before + 1);

    // 2. Killed after the commit, before the answer: the retry gets the first answer, nothing more is posted.
    const second = await newInvoice(server);
    await sendAndLoseAnswer(server, `/api/v1/salesInvoices/${second}/post`, 'post-second', 'afterCommit');
    server = await start(dataDir);
    expect((await send(server, 'GET', `/api/v1/salesInvoices/${second}`)).status).toBe(404);
    const retriedSecond = await send(server, 'POST', `/api/v1/salesInvoices/${second}/post`, {}, { 'idempotency-key': 'post-second' });
    expect(retriedSecond.status, JSON.stringify(retriedSecond.body)).toBe(201);
    expect(retriedSecond.replayed).toBe('true');
    const posted = await postedInvoices(server);
    expect(posted).toHaveLength(before + 2);
    expect(posted.map((invoice) => invoice.no)).toContain(retriedSecond.body.invoiceNo);
    const entries = (await send(server, 'GET', `/api/v1/navigate?documentNo=${retriedSecond.body.invoiceNo}`)).body.entries;
    expect(entries.customerLedgerEntries).toHaveLength(1);

    // A third retry of either is a replay too.
    expect((await send(server, 'POST', `/api/v1/salesInvoices/${first}/post`, {}, { 'idempotency-key': 'post-first' })).replayed).toBe('true');
    expect(await postedInvoices(server)).toHaveLength(before + 2);
  }, 600_000);
});
