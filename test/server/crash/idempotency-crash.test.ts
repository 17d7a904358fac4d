/**
 * Issue 9 point 3: an Idempotency-Key is never stuck. The server is killed (SIGKILL) at the two
 * moments that matter for a posting sent with a key, then started again on the same embedded
 * database, and the client retries with the same key:
 *   before the commit: nothing was done, so the retry posts, once;
 *   after the commit, before the answer: it was done, so the retry gets the first answer back.
 * Either way the invoice is posted exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataDir, NoAnswer, ServerProcess } from './server-process.ts';

const script = join(import.meta.dirname, 'crash-point-server.ts');
const workDate = { 'x-work-date': new Date().toISOString().slice(0, 10) };

/** Sends a posting the server dies on: no answer comes back, and the process is gone. */
async function postAndLoseAnswer(server: ServerProcess, path: string, key: string, crashAt: 'beforeCommit' | 'afterCommit') {
  await expect(server.request('POST', path, {}, { ...workDate, 'idempotency-key': key, 'x-crash-at': crashAt })).rejects.toThrow(NoAnswer);
  expect(await server.exited()).toBe('SIGKILL');
}

async function newInvoice(server: ServerProcess): Promise<string> {
  const created = await server.request('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C00010', lines: [{ type: 'item', no: '1020', quantity: '1' }] }, workDate);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.no;
}

const post = (server: ServerProcess, no: string, key: string) =>
  server.request('POST', `/api/v1/salesInvoices/${no}/post`, {}, { ...workDate, 'idempotency-key': key });

async function postedInvoiceNos(server: ServerProcess): Promise<string[]> {
  return (await server.request('GET', '/api/v1/postedSalesInvoices?limit=1000')).body.items.map((invoice: { no: string }) => invoice.no);
}

describe('Idempotency-Key across a crash of the server (embedded database)', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  beforeAll(() => { dataDir = mkdtempSync(join(tmpdir(), 'ledgerline-idempotency-crash-')); });
  afterAll(async () => {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))('posts exactly once whether the crash came before the commit or between the commit and the answer', async () => {
    await demoDataDir(dataDir);
    server = await ServerProcess.start(dataDir, { script });
    const before = (await postedInvoiceNos(server)).length;

    // 1. Killed before the commit: the retry finds nothing done and posts.
    const first = await newInvoice(server);
    await postAndLoseAnswer(server, `/api/v1/salesInvoices/${first}/post`, 'post-first', 'beforeCommit');
    server = await ServerProcess.start(dataDir, { script });
    expect((await server.request('GET', `/api/v1/salesInvoices/${first}`)).status).toBe(200);
    expect(await postedInvoiceNos(server)).toHaveLength(before);
    const retriedFirst = await post(server, first, 'post-first');
    expect(retriedFirst.status, JSON.stringify(retriedFirst.body)).toBe(201);
    expect(retriedFirst.headers.get('idempotency-replayed')).toBeNull();
    expect(await postedInvoiceNos(server)).toHaveLength(before + 1);

    // 2. Killed after the commit, before the answer: the retry gets the first answer, nothing more is posted.
    const second = await newInvoice(server);
    await postAndLoseAnswer(server, `/api/v1/salesInvoices/${second}/post`, 'post-second', 'afterCommit');
    server = await ServerProcess.start(dataDir, { script });
    expect((await server.request('GET', `/api/v1/salesInvoices/${second}`)).status).toBe(404);
    const retriedSecond = await post(server, second, 'post-second');
    expect(retriedSecond.status, JSON.stringify(retriedSecond.body)).toBe(201);
    expect(retriedSecond.headers.get('idempotency-replayed')).toBe('true');
    const posted = await postedInvoiceNos(server);
    expect(posted).toHaveLength(before + 2);
    expect(posted).toContain(retriedSecond.body.invoiceNo);
    const entries = (await server.request('GET', `/api/v1/navigate?documentNo=${retriedSecond.body.invoiceNo}`)).body.entries;
    expect(entries.customerLedgerEntries).toHaveLength(1);

    // A third try of either is a replay too.
    expect((await post(server, first, 'post-first')).headers.get('idempotency-replayed')).toBe('true');
    expect(await postedInvoiceNos(server)).toHaveLength(before + 2);
  }, 600_000);
});
