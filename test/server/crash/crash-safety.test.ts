/**
 * Crash safety of the embedded database (issue 9 point 8): `ledgerline serve` is killed with SIGKILL
 * at random moments while clients post sales documents, and while Combine Shipments runs; after
 * every restart the clients resend the postings whose answers they lost (same Idempotency-Key), and
 * at the end the data directory is opened and the books checked (books-check.ts): every acknowledged
 * posting is there, nothing is half-written, numbers are gapless, every transaction balances.
 *
 * CI runs 2 kills per test (about a minute and a half in all). More, and another seed:
 *   CRASH_SEED=7 CRASH_KILLS=20 npx vitest run --project database test/server/crash/crash-safety.test.ts
 * The seed picks documents, lines and kill moments; the moments themselves depend on timing, so a
 * seed replays the same plan, not necessarily the same cut.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/server/db/connection.ts';
import { seededRandom, type Random } from '../../support/posting-model.ts';
import {
  allViolations, combinedShipmentsNotInvoicedOnce, entryNumberGaps, type AcknowledgedPosting,
} from './books-check.ts';
import { demoDataDir, NoAnswer, ServerProcess } from './server-process.ts';

const seed = Number(process.env.CRASH_SEED ?? 1);
const kills = Number(process.env.CRASH_KILLS ?? 2);
const workDate = new Date().toISOString().slice(0, 10);
const workDateHeader = { 'x-work-date': workDate };
/** Demo items with stock, of every costing method (FIFO, Average, Standard), and one service item. */
const itemNos = ['1020', '1030', '1120', '1130', '1140', '1150', '1160', '1190', '1220', '1230', '1260'] as const;

type PostBody = { ship?: boolean; invoice?: boolean };

/** The clients' side of the run: what was acknowledged, what was in flight when the server died. */
class PostingClients {
  readonly acknowledged: AcknowledgedPosting[] = [];
  /** Idempotency-Key → the posting request sent with it and not answered (yet). */
  readonly inFlight = new Map<string, { path: string; body: PostBody }>();
  readonly unexpected: string[] = [];
  private keys = 0;

  constructor(private readonly random: Random, private readonly customerNos: readonly string[]) {}

  /** Creates and posts documents until the server stops answering. */
  async client(server: ServerProcess): Promise<void> {
    try {
      for (;;) await this.oneDocument(server);
    } catch (error) {
      if (!(error instanceof NoAnswer)) throw error;
    }
  }

  /** An invoice posted; an order shipped and invoiced at once; or an order shipped, then invoiced. */
  private async oneDocument(server: ServerProcess) {
    const kind = this.random.pick(['invoice', 'order', 'orderInTwo'] as const);
    const resource = kind === 'invoice' ? 'salesInvoices' : 'salesOrders';
    const lines = Array.from({ length: this.random.int(1, 4) }, () => ({ type: 'item', no: this.random.pick(itemNos), quantity: String(this.random.int(1, 2)) }));
    const created = await server.request('POST', `/api/v1/${resource}`, { sellToCustomerNo: this.random.pick(this.customerNos), lines }, workDateHeader);
    if (created.status !== 201) {
      this.unexpected.push(`creating a ${resource} answered ${created.status} ${created.body?.code}`);
      return;
    }
    const steps: PostBody[] = kind === 'orderInTwo' ? [{ ship: true }, { invoice: true }] : kind === 'order' ? [{ ship: true, invoice: true }] : [{}];
    for (const body of steps) {
      if (!(await this.post(server, `/api/v1/${resource}/${created.body.no}/post`, body, `crash-${seed}-${++this.keys}`))) return;
    }
  }

  /** Sends one posting; it stays in flight unless an answer comes back (NoAnswer propagates). */
  async post(server: ServerProcess, path: string, body: PostBody, key: string, retried = false): Promise<boolean> {
    this.inFlight.set(key, { path, body });
    const answer = await server.request('POST', path, body, { ...workDateHeader, 'idempotency-key': key });
    this.inFlight.delete(key);
    if (answer.status !== 201) {
      const when = retried ? ' (its answer lost in a crash, resent with the same Idempotency-Key after the restart)' : '';
      this.unexpected.push(`POST ${path} ${JSON.stringify(body)}${when} answered ${answer.status} ${answer.body?.code}: ${answer.body?.detail}`);
      return false;
    }
    this.acknowledged.push({ path, shipmentNo: answer.body.shipmentNo, invoiceNo: answer.body.invoiceNo, transactionNo: answer.body.transactionNo, retried });
    return true;
  }

  /** What a client does after a crash: resend each posting whose answer it lost, with the same key. */
  async resendInFlight(server: ServerProcess) {
    for (const [key, { path, body }] of [...this.inFlight]) await this.post(server, path, body, key, true);
  }
}

async function until(condition: () => boolean, what: () => string) {
  const deadline = Date.now() + 300_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Waited five minutes for ${what()}`);
    await sleep(1);
  }
}

/**
 * Half the kills after a random number of further acknowledged postings (wherever the clients then
 * are), half just after a posting request went out (mid-transaction or mid-commit). Counted in
 * postings, not milliseconds, so a slow machine moves the moments but not the plan.
 */
async function killAtRandomMoment(server: ServerProcess, clients: PostingClients, random: Random, beforeKill: () => void) {
  const acknowledged = clients.acknowledged.length + random.int(1, 12);
  await until(() => clients.acknowledged.length >= acknowledged, () => `posting ${acknowledged} acknowledged (${clients.acknowledged.length} so far)`);
  if (random.chance(0.5)) {
    await sleep(random.int(0, 100));
  } else {
    await until(() => clients.inFlight.size > 0, () => 'a posting request in flight');
    await sleep(random.int(0, 40));
  }
  beforeKill();
  await server.kill();
}

const finishedStatuses = new Set(['succeeded', 'incomplete', 'failed']);

/** Waits until the job runs, then kills the server after a random number of its steps. False if it finished first. */
async function killWhileJobRuns(server: ServerProcess, jobId: string, random: Random): Promise<boolean> {
  let target: number | undefined;
  for (;;) {
    const { body: job } = await server.request('GET', `/api/v1/jobs/${jobId}`);
    if (finishedStatuses.has(job.status)) return false;
    if (job.status === 'running' && job.total > 0) {
      target ??= random.int(0, job.total - 1);
      if (job.progress >= target) break;
    }
    await sleep(5);
  }
  await sleep(random.int(0, 150));
  await server.kill();
  return true;
}

async function finishedJob(server: ServerProcess, jobId: string) {
  for (let attempt = 0; attempt < 1200; attempt++) {
    const { body: job } = await server.request('GET', `/api/v1/jobs/${jobId}`);
    if (finishedStatuses.has(job.status)) return job;
    await sleep(100);
  }
  throw new Error(`Job ${jobId} did not finish within two minutes.`);
}

async function customersToSell(server: ServerProcess): Promise<string[]> {
  const { body } = await server.request('GET', '/api/v1/customers?limit=100');
  return (body.items as Array<{ no: string; blocked: string }>).filter((customer) => customer.blocked === 'none').map((customer) => customer.no);
}

/** Opens the data directory itself, as after any crash, and checks the books. */
async function booksOf(dataDir: string, check: (db: Parameters<typeof allViolations>[0]) => Promise<string[]>) {
  const handle = await openDatabase({ dataDir });
  try {
    return { violations: await check(handle.db), entryGaps: await entryNumberGaps(handle.db) };
  } finally {
    await handle.close();
  }
}

const seconds = (values: number[]) => values.map((value) => value.toFixed(1)).join(', ');

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('crash safety of the embedded database', () => {
  let root: string;
  let template: string;

  // One demo company for both tests, each working on its own copy of the data directory.
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'ledgerline-crash-'));
    template = join(root, 'template');
    await demoDataDir(template);
    const server = await ServerProcess.start(template);
    // Stock enough for any CRASH_KILLS: refused postings would only blur the picture.
    const stock = await server.request('POST', '/api/v1/itemJournal/post', {
      lines: itemNos.filter((no) => no !== '1260').map((itemNo) => ({ postingDate: workDate, entryType: 'positiveAdjustment', itemNo, locationCode: 'MAIN', quantity: '10000', documentNo: 'CRASHSTOCK' })),
    }, workDateHeader);
    expect(stock.status, JSON.stringify(stock.body)).toBe(201);
    await server.stop();
  }, 180_000);
  afterEach(() => ServerProcess.killStragglers());
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const copyOfTemplate = (name: string) => {
    const dataDir = join(root, name);
    cpSync(template, dataDir, { recursive: true });
    return dataDir;
  };

  it('loses no acknowledged posting and half-writes nothing when killed while posting', { timeout: 600_000 }, async () => {
    const dataDir = copyOfTemplate('posting');
    const random = seededRandom(seed);
    let server = await ServerProcess.start(dataDir);
    const clients = new PostingClients(random, await customersToSell(server));
    const restartSeconds: number[] = [];
    let inFlightAtKills = 0;
    for (let kill = 0; kill < kills; kill++) {
      const running = Promise.all([clients.client(server), clients.client(server)]);
      let killing = false;
      const clientsStopped = running.then(() => {
        if (!killing) throw new Error(`The clients stopped before the kill:\n${clients.unexpected.join('\n')}\n${server.log.slice(-2000)}`);
      });
      await Promise.race([killAtRandomMoment(server, clients, random, () => { killing = true; }), clientsStopped]);
      await clientsStopped;
      inFlightAtKills += clients.inFlight.size;
      server = await ServerProcess.start(dataDir);
      restartSeconds.push(server.startMs / 1000);
      await clients.resendInFlight(server);
    }
    await server.stop();

    const { violations, entryGaps } = await booksOf(dataDir, (db) => allViolations(db, clients.acknowledged));
    const all = [...clients.unexpected, ...violations];
    console.log(`crash safety, posting: seed ${seed}, kills ${kills}, restarts ${restartSeconds.length} (seconds until /health answers: ${seconds(restartSeconds)}), `
      + `postings acknowledged ${clients.acknowledged.length} (${clients.acknowledged.filter((posting) => posting.retried).length} after a resend), `
      + `postings in flight at the kills ${inFlightAtKills}, entry numbers skipped ${JSON.stringify(entryGaps)}, violations ${all.length}`);
    expect(all).toEqual([]);
  });

  it('finishes Combine Shipments killed while it runs: every shipment line invoiced exactly once', { timeout: 600_000 }, async () => {
    const dataDir = copyOfTemplate('combine');
    const random = seededRandom(seed + 1000);
    let server = await ServerProcess.start(dataDir);
    const acknowledged: AcknowledgedPosting[] = [];
    for (const customerNo of await customersToSell(server)) {
      for (let order = 0; order < 2; order++) {
        const lines = Array.from({ length: random.int(2, 4) }, () => ({ type: 'item', no: random.pick(itemNos), quantity: String(random.int(1, 3)) }));
        const created = await server.request('POST', '/api/v1/salesOrders', { sellToCustomerNo: customerNo, combineShipments: true, lines }, workDateHeader);
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        const path = `/api/v1/salesOrders/${created.body.no}/post`;
        const shipped = await server.request('POST', path, { ship: true }, workDateHeader);
        expect(shipped.status, JSON.stringify(shipped.body)).toBe(201);
        acknowledged.push({ path, shipmentNo: shipped.body.shipmentNo, invoiceNo: null, transactionNo: shipped.body.transactionNo, retried: false });
      }
    }
    const started = await server.request('POST', '/api/v1/combineShipments', { postingDate: workDate, documentDate: workDate, postInvoices: true }, workDateHeader);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const jobId: string = started.body.job.id;

    const restartSeconds: number[] = [];
    for (let kill = 0; kill < kills && (await killWhileJobRuns(server, jobId, random)); kill++) {
      server = await ServerProcess.start(dataDir);
      restartSeconds.push(server.startMs / 1000);
    }
    const job = await finishedJob(server, jobId);
    await server.stop();

    const { violations, entryGaps } = await booksOf(dataDir, async (db) => [
      ...await allViolations(db, acknowledged),
      ...await combinedShipmentsNotInvoicedOnce(db),
    ]);
    console.log(`crash safety, Combine Shipments: seed ${seed}, shipments ${acknowledged.length}, kills while the job ran ${restartSeconds.length} `
      + `(seconds until /health answers: ${seconds(restartSeconds)}), job ${job.status} ${JSON.stringify(job.result ?? job.error)}, `
      + `entry numbers skipped ${JSON.stringify(entryGaps)}, violations ${violations.length}`);
    expect(job.status).toBe('succeeded');
    expect(job.result.errors).toEqual([]);
    expect(violations).toEqual([]);
  });
});
