// Posting figures: invoices are created beforehand, only POST …/salesInvoices/{no}/post is timed.
import { availableParallelism } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { itemSchemas } from '../src/core/master-data/item.schemas.ts';
import { buildApp } from '../src/server/http/app.ts';
import type { DatabaseHandle } from '../src/server/db/connection.ts';
import { todayIsoDate } from '../src/server/shared/clock.ts';
import { benchActor } from './bench-actor.ts';
import { measure, type MeasureOptions, printLine, timed, type Figures } from './measure.ts';
import { postInvoicesInProcesses } from './posting-processes.ts';
import { prepareRawSqlBaseline, type RawSqlBaseline } from './raw-sql-baseline.ts';
import { shapesThatGrow, statementLog } from './statement-log.ts';

/** What the posted invoices sell: inventory items of the demo company, in stock at the lines' location. */
export interface PostingSetup {
  customerNo: string;
  itemNos: string[];
  locationCode: string | null;
}

/**
 * What the helpers below send their requests through: the app itself (`app.inject`, in-process) or,
 * for the HTTP load test, a client of a server process that answers the same way.
 */
export interface ApiClient {
  inject(request: { method: 'GET' | 'POST'; url: string; payload?: object }): Promise<{ statusCode: number; body: string; json(): any }>;
}

async function send(app: ApiClient, method: 'GET' | 'POST', url: string, payload?: object) {
  const response = await app.inject({ method, url, ...(payload === undefined ? {} : { payload }) });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: HTTP ${response.statusCode} ${response.body}`);
  return response.json();
}

/**
 * Ten sellable inventory items of the demo company and plenty of stock of each, posted through the
 * item journal at the location the customer's invoice lines take.
 */
export async function preparePosting(app: ApiClient, customerNo = 'C00010'): Promise<PostingSetup> {
  const items = (await send(app, 'GET', '/api/v1/items?blocked=false&salesBlocked=false&type=inventory&limit=10')).items as { no: string }[];
  const itemNos = items.map((row) => row.no);
  const probe = await send(app, 'POST', '/api/v1/salesInvoices', { sellToCustomerNo: customerNo, lines: [{ type: 'item', no: itemNos[0], quantity: '1' }] });
  const locationCode = (probe.lines as { locationCode: string | null }[])[0]?.locationCode ?? null;
  await stockUp(app, itemNos, locationCode);
  return { customerNo, itemNos, locationCode };
}

async function stockUp(app: ApiClient, itemNos: readonly string[], locationCode: string | null): Promise<void> {
  await send(app, 'POST', '/api/v1/itemJournal/post', {
    lines: itemNos.map((itemNo) => ({
      postingDate: todayIsoDate(), entryType: 'positiveAdjustment', documentNo: 'BENCH', itemNo, quantity: '1000000',
      ...(locationCode ? { locationCode } : {}),
    })),
  });
}

/** Fields of an item that a copy keeps: the create schema's, less the number and what must stay unique or exist per item. */
const copiedItemFields = Object.keys(itemSchemas.create.shape)
  .filter((field) => !['no', 'description', 'searchDescription', 'salesUnitOfMeasure', 'gtin', 'vendorItemNo'].includes(field));

/**
 * `groups` sets of ten items of their own, copies of the first demo item made through the API and
 * stocked with one item journal posting: group k for client k, so clients share no item.
 */
export async function prepareOwnItems(app: FastifyInstance, setup: PostingSetup, groups: number): Promise<PostingSetup[]> {
  const source = await send(app, 'GET', `/api/v1/items/${setup.itemNos[0]}`) as Record<string, unknown>;
  const fields = Object.fromEntries(copiedItemFields.filter((field) => source[field] != null).map((field) => [field, source[field]]));
  const itemNos = Array.from({ length: groups * 10 }, (_, index) => `BENCH${String(index).padStart(3, '0')}`);
  for (const no of itemNos) await send(app, 'POST', '/api/v1/items', { ...fields, no, description: `Bench copy of ${setup.itemNos[0]}` });
  await stockUp(app, itemNos, setup.locationCode);
  return Array.from({ length: groups }, (_, group) => ({ ...setup, itemNos: itemNos.slice(group * 10, group * 10 + 10) }));
}

export async function createInvoice(app: ApiClient, setup: PostingSetup, lineCount: number): Promise<string> {
  const lines = Array.from({ length: lineCount }, (_, index) => ({ type: 'item', no: setup.itemNos[index % setup.itemNos.length], quantity: '2' }));
  return (await send(app, 'POST', '/api/v1/salesInvoices', { sellToCustomerNo: setup.customerNo, lines })).no as string;
}

export async function createInvoices(app: ApiClient, setup: PostingSetup, count: number, lineCount: number): Promise<string[]> {
  const numbers: string[] = [];
  for (let index = 0; index < count; index++) numbers.push(await createInvoice(app, setup, lineCount));
  return numbers;
}

/** Posts the invoices, `options.clients` requests in flight at once. */
export function postInvoices(app: FastifyInstance, label: string, numbers: readonly string[], options: MeasureOptions = {}): Promise<Figures> {
  return measure(label, numbers.length, (index) => app.inject({ method: 'POST', url: `/api/v1/salesInvoices/${numbers[index]}/post` }), options);
}

/** One invoice of `lineCount` lines: how long its creation and its posting take. */
export async function postLargeInvoice(app: FastifyInstance, setup: PostingSetup, lineCount: number): Promise<void> {
  const created = await timed(() => createInvoice(app, setup, lineCount));
  const posted = await timed(() => send(app, 'POST', `/api/v1/salesInvoices/${created.result}/post`));
  printLine(`post one ${lineCount.toLocaleString('en')}-line invoice`, `${(posted.milliseconds / 1000).toFixed(2)} s  (target ≤ 2 s; creating it took ${(created.milliseconds / 1000).toFixed(2)} s)`);
}

/**
 * SQL statements of creating and of posting a 1-line against a 100-line invoice, on a second app that
 * logs them; the statement shapes whose count grows with the lines are printed.
 */
export async function countStatements(handle: DatabaseHandle, setup: PostingSetup): Promise<void> {
  const log = statementLog(handle);
  const app = await buildApp({ db: log.db, localActor: benchActor });
  await app.ready();
  try {
    const count = async (lineCount: number) => {
      let no = '';
      const create = await log.record(async () => {
        no = await createInvoice(app, setup, lineCount);
      });
      return { create, post: await log.record(() => send(app, 'POST', `/api/v1/salesInvoices/${no}/post`)) };
    };
    const one = await count(1);
    const hundred = await count(100);
    const transaction = handle.kind === 'pglite' ? ' + BEGIN/COMMIT' : ' (BEGIN/COMMIT included)';
    for (const request of ['create', 'post'] as const) {
      const label = `SQL statements per ${request === 'create' ? 'create' : 'posting'}`;
      printLine(`${label}: 1-line invoice`, `${one[request].length}${transaction}`);
      printLine(`${label}: 100-line invoice`, `${hundred[request].length}${transaction}  (target: as many as for 1 line)`);
      for (const shape of shapesThatGrow(one[request], hundred[request])) printLine('  grows with the lines:', shape);
    }
  } finally {
    await app.close();
  }
}

/**
 * Every posting figure on one database: `invoices` 10-line invoices posted for each entry of
 * `clients` (all selling the same ten items; with `ownItems`, again with each client selling ten
 * items of its own), the Node CPU time per posting of the 1-client run, create-then-post for each
 * entry of `clients`, one 1,000-line invoice, the statement counts (`countStatements`), and the
 * raw-SQL ceilings, which write again the rows of a warm-up posting.
 */
export async function postingFigures(
  handle: DatabaseHandle, app: FastifyInstance,
  options: { invoices: number; clients: readonly number[]; countStatements: boolean; ownItems: boolean; databaseUrl?: string },
): Promise<void> {
  const setup = await preparePosting(app);
  const warmUp = await send(app, 'POST', `/api/v1/salesInvoices/${await createInvoice(app, setup, 10)}/post`);
  const showCpu = handle.kind !== 'pglite';
  const rates = new Map<number, number>();
  for (const clients of options.clients) {
    const numbers = await createInvoices(app, setup, options.invoices, 10);
    const figures = await postInvoices(app, `post a 10-line sales invoice, ${clients} client${clients === 1 ? '' : 's'}`, numbers, { clients, showCpu });
    rates.set(clients, figures.perSecond);
    if (clients === 1) printCpuPerPosting(handle, figures);
  }
  const most = Math.max(...options.clients);
  printRatio(`rate ${most} ÷ 1 clients, all sell the same 10 items`, rates, most, 'each posting locks the items it sells');
  for (const clients of options.clients) await createAndPostInvoices(app, setup, options.invoices, clients);
  if (options.ownItems && most > 1) await ownItemFigures(app, setup, { invoices: options.invoices, clients: most, showCpu, databaseUrl: options.databaseUrl });
  await postLargeInvoice(app, setup, 1000);
  if (options.countStatements) await countStatements(handle, setup);
  await rawSqlFigures(handle, app, setup, { transactionNo: warmUp.transactionNo as number, runs: options.invoices * 2, postingRate: rates.get(1), invoices: options.invoices });
}

/**
 * The Node process's CPU time per posting: with a server, the JavaScript alone; with PGlite, the
 * database's work too. Its main thread's is what a CPU profile (node --cpu-prof) shows; the process's
 * adds V8's helper threads (garbage collection, compilation), which run beside it.
 */
function printCpuPerPosting(handle: DatabaseHandle, figures: Figures): void {
  if (figures.cpuMilliseconds === undefined) return;
  const what = handle.kind === 'pglite' ? 'JS + embedded database, one process' : 'JavaScript alone: the database is another process';
  const perPosting = (milliseconds: number) => `${(milliseconds / figures.count).toFixed(2)} ms`;
  const mainThread = figures.mainThreadCpuMilliseconds;
  printLine('Node CPU time per posting, 1 client', mainThread === undefined ? `${perPosting(figures.cpuMilliseconds)}  (${what})`
    : `${perPosting(mainThread)} main thread, ${perPosting(figures.cpuMilliseconds)} with V8's helper threads  (${what})`);
}

/** `count` 10-line invoices, each created and then posted by the same client: two requests, timed together. */
async function createAndPostInvoices(app: FastifyInstance, setup: PostingSetup, count: number, clients: number): Promise<Figures> {
  const lines = Array.from({ length: 10 }, (_, index) => ({ type: 'item', no: setup.itemNos[index % setup.itemNos.length], quantity: '2' }));
  const label = `create + post a 10-line invoice, ${clients} client${clients === 1 ? '' : 's'}`;
  return measure(label, count, async () => {
    const created = await app.inject({ method: 'POST', url: '/api/v1/salesInvoices', payload: { sellToCustomerNo: setup.customerNo, lines } });
    if (created.statusCode >= 300) return created;
    return app.inject({ method: 'POST', url: `/api/v1/salesInvoices/${created.json().no as string}/post` });
  }, { clients, unit: 'invoices' });
}

/**
 * The raw-SQL ceilings: the rows of posting `transactionNo` written again `runs` times, once as one
 * statement per table in a transaction and once as a single statement (one round trip), both parsed
 * and planned afresh each time as from a script (the ceilings), then the single statement
 * prepared once; and the 1-client posting rate as a share of each.
 */
async function rawSqlFigures(
  handle: DatabaseHandle, app: FastifyInstance, setup: PostingSetup,
  options: { transactionNo: number; runs: number; postingRate: number | undefined; invoices: number },
): Promise<void> {
  const order = await send(app, 'POST', '/api/v1/salesOrders', {
    sellToCustomerNo: setup.customerNo, lines: setup.itemNos.map((no) => ({ type: 'item', no, quantity: '2' })),
  });
  const baseline = await prepareRawSqlBaseline(handle, options.transactionNo, order.no as string);
  const statements = await baseline.post();
  const raw = await measure(`raw SQL: the same ${baseline.rows} rows, ${statements} statements`, options.runs, async () => {
    await baseline.post();
    return { statusCode: 200 };
  }, { unit: 'txns' });
  await baseline.postInOneRoundTrip();
  const oneTrip = await measure(`raw SQL: the same ${baseline.rows} rows, one round trip`, options.runs, async () => {
    await baseline.postInOneRoundTrip();
    return { statusCode: 200 };
  }, { unit: 'txns' });
  // Named on its second run: these two leave it parsed and planned.
  for (let run = 0; run < 2; run++) await baseline.postInOneRoundTrip({ prepared: true });
  const prepared = await measure(`raw SQL: the same ${baseline.rows} rows, one round trip, prepared`, options.runs, async () => {
    await baseline.postInOneRoundTrip({ prepared: true });
    return { statusCode: 200 };
  }, { unit: 'txns' });
  if (options.postingRate === undefined) return;
  const share = (ceiling: Figures) => `${((options.postingRate! / ceiling.perSecond) * 100).toFixed(0)} %`;
  printLine('10-line posting rate as a share of raw SQL', `${share(raw)}  (target ≥ 25 %)`);
  printLine('  … of raw SQL in one round trip', share(oneTrip));
  printLine('  … of raw SQL in one round trip, prepared', share(prepared));
  await interleavedShare(app, setup, baseline, options.invoices);
}

/** Rounds of the interleaved measurement: each posts a fifth of the invoices, then runs the ceiling twice as often. */
const interleavedRounds = 5;

/**
 * The 1-client posting rate against the one-round-trip ceiling, measured in alternating rounds, so
 * that both see the same machine: on a shared 2-core machine the ceiling measured alone moved between
 * 68/s and 103/s from one run to the next, while the posting rate stayed near 50/s.
 */
async function interleavedShare(app: FastifyInstance, setup: PostingSetup, baseline: RawSqlBaseline, invoices: number): Promise<void> {
  const numbers = await createInvoices(app, setup, invoices, 10);
  const perRound = Math.ceil(invoices / interleavedRounds);
  const totals = { postings: 0, postingMs: 0, ceilingRuns: 0, ceilingMs: 0 };
  for (let round = 0; round < interleavedRounds; round++) {
    const batch = numbers.slice(round * perRound, (round + 1) * perRound);
    const posting = await timed(async () => {
      for (const no of batch) await send(app, 'POST', `/api/v1/salesInvoices/${no}/post`);
    });
    totals.postings += batch.length;
    totals.postingMs += posting.milliseconds;
    const ceiling = await timed(async () => {
      for (let run = 0; run < perRound * 2; run++) await baseline.postInOneRoundTrip();
    });
    totals.ceilingRuns += perRound * 2;
    totals.ceilingMs += ceiling.milliseconds;
  }
  const postingRate = totals.postings / (totals.postingMs / 1000);
  const ceilingRate = totals.ceilingRuns / (totals.ceilingMs / 1000);
  printLine(`posting ÷ one round trip, ${interleavedRounds} alternating rounds`,
    `${((postingRate / ceilingRate) * 100).toFixed(0)} %  (target ≥ 50 %; posting ${postingRate.toFixed(0)}/s, raw SQL in one round trip ${ceilingRate.toFixed(0)}/s)`);
}

/** Postings each server process makes before it is measured: enough for V8 to compile the posting's code. */
const warmupsPerProcess = 20;

/**
 * The same invoices posted by 1 and by `clients` clients, client k selling only the items of group
 * k: no two clients wait for the same item, so what is left is the posting's own contention. With a
 * database URL, again by the same number of clients spread over several server processes.
 */
async function ownItemFigures(
  app: FastifyInstance, setup: PostingSetup, options: { invoices: number; clients: number; showCpu: boolean; databaseUrl: string | undefined },
): Promise<void> {
  const { invoices, clients, showCpu } = options;
  const groups = await prepareOwnItems(app, setup, clients);
  const invoicesOfGroups = async (count = invoices) => {
    const numbers: string[] = [];
    for (let index = 0; index < count; index++) numbers.push(await createInvoice(app, groups[index % clients]!, 10));
    return numbers;
  };
  const rates = new Map<number, number>();
  for (const count of [1, clients]) {
    const label = `post a 10-line invoice, own items, ${count} client${count === 1 ? '' : 's'}`;
    rates.set(count, (await postInvoices(app, label, await invoicesOfGroups(), { clients: count, partitioned: true, showCpu })).perSecond);
  }
  printRatio(`rate ${clients} ÷ 1 clients, each sells its own items`, rates, clients, 'one Node process');
  if (!options.databaseUrl) return;
  for (const processes of [2, clients].filter((count) => count > 1 && clients % count === 0)) {
    const label = `post a 10-line invoice, own items, ${clients} clients in ${processes} processes`;
    const warmups = await invoicesOfGroups(processes * warmupsPerProcess);
    const figures = await postInvoicesInProcesses(label, options.databaseUrl, await invoicesOfGroups(), warmups, processes, clients / processes);
    printRatio(`rate ${clients} clients in ${processes} processes ÷ 1 client`, new Map([[1, rates.get(1)!], [clients, figures.perSecond]]), clients,
      `${availableParallelism()} cores shared by the processes and the database server`);
  }
}

function printRatio(label: string, rates: ReadonlyMap<number, number>, clients: number, note: string): void {
  const single = rates.get(1);
  const many = rates.get(clients);
  if (clients > 1 && single !== undefined && many !== undefined) printLine(label, `${(many / single).toFixed(2)}×  (${note})`);
}
