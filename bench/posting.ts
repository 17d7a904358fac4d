// Posting figures: invoices are created beforehand, only POST …/salesInvoices/{no}/post is timed.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/http/app.ts';
import type { DatabaseHandle } from '../src/server/db/connection.ts';
import { todayIsoDate } from '../src/server/shared/clock.ts';
import { measure, printLine, timed, type Figures } from './measure.ts';
import { prepareRawSqlBaseline } from './raw-sql-baseline.ts';
import { shapesThatGrow, statementLog } from './statement-log.ts';

export const benchActor = { username: 'bench', role: 'admin' } as const;

/** What the posted invoices sell: inventory items of the demo company, in stock at the lines' location. */
export interface PostingSetup {
  customerNo: string;
  itemNos: string[];
}

async function send(app: FastifyInstance, method: 'GET' | 'POST', url: string, payload?: object) {
  const response = await app.inject({ method, url, ...(payload === undefined ? {} : { payload }) });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: HTTP ${response.statusCode} ${response.body}`);
  return response.json();
}

/**
 * Ten sellable inventory items of the demo company and plenty of stock of each, posted through the
 * item journal at the location the customer's invoice lines take.
 */
export async function preparePosting(app: FastifyInstance, customerNo = 'C00010'): Promise<PostingSetup> {
  const items = (await send(app, 'GET', '/api/v1/items?blocked=false&salesBlocked=false&type=inventory&limit=10')).items as { no: string }[];
  const itemNos = items.map((row) => row.no);
  const probe = await send(app, 'POST', '/api/v1/salesInvoices', { sellToCustomerNo: customerNo, lines: [{ type: 'item', no: itemNos[0], quantity: '1' }] });
  const locationCode = (probe.lines as { locationCode: string | null }[])[0]?.locationCode ?? null;
  await send(app, 'POST', '/api/v1/itemJournal/post', {
    lines: itemNos.map((itemNo) => ({
      postingDate: todayIsoDate(), entryType: 'positiveAdjustment', documentNo: 'BENCH', itemNo, quantity: '1000000',
      ...(locationCode ? { locationCode } : {}),
    })),
  });
  return { customerNo, itemNos };
}

export async function createInvoice(app: FastifyInstance, setup: PostingSetup, lineCount: number): Promise<string> {
  const lines = Array.from({ length: lineCount }, (_, index) => ({ type: 'item', no: setup.itemNos[index % setup.itemNos.length], quantity: '2' }));
  return (await send(app, 'POST', '/api/v1/salesInvoices', { sellToCustomerNo: setup.customerNo, lines })).no as string;
}

export async function createInvoices(app: FastifyInstance, setup: PostingSetup, count: number, lineCount: number): Promise<string[]> {
  const numbers: string[] = [];
  for (let index = 0; index < count; index++) numbers.push(await createInvoice(app, setup, lineCount));
  return numbers;
}

/** Posts the invoices, `clients` requests in flight at once. */
export function postInvoices(app: FastifyInstance, label: string, numbers: readonly string[], clients = 1): Promise<Figures> {
  return measure(label, numbers.length, (index) => app.inject({ method: 'POST', url: `/api/v1/salesInvoices/${numbers[index]}/post` }), { clients });
}

/** One invoice of `lineCount` lines: how long its creation and its posting take. */
export async function postLargeInvoice(app: FastifyInstance, setup: PostingSetup, lineCount: number): Promise<void> {
  const created = await timed(() => createInvoice(app, setup, lineCount));
  const posted = await timed(() => send(app, 'POST', `/api/v1/salesInvoices/${created.result}/post`));
  printLine(`post one ${lineCount.toLocaleString('en')}-line invoice`, `${(posted.milliseconds / 1000).toFixed(2)} s  (target ≤ 5 s; creating it took ${(created.milliseconds / 1000).toFixed(2)} s)`);
}

/** SQL statements of one posting request, a 1-line against a 100-line invoice, on a second app that logs them. */
export async function countPostingStatements(handle: DatabaseHandle, setup: PostingSetup): Promise<void> {
  const log = statementLog(handle);
  const app = await buildApp({ db: log.db, localActor: benchActor });
  await app.ready();
  try {
    const count = async (lineCount: number) => {
      const no = await createInvoice(app, setup, lineCount);
      return log.record(() => send(app, 'POST', `/api/v1/salesInvoices/${no}/post`));
    };
    const one = await count(1);
    const hundred = await count(100);
    const transaction = handle.kind === 'pglite' ? ' + BEGIN/COMMIT' : ' (BEGIN/COMMIT included)';
    printLine('SQL statements per posting: 1-line invoice', `${one.length}${transaction}`);
    printLine('SQL statements per posting: 100-line invoice', `${hundred.length}${transaction}  (target: as many as for 1 line)`);
    for (const shape of shapesThatGrow(one, hundred)) printLine('  grows with the lines:', shape);
  } finally {
    await app.close();
  }
}

/**
 * Every posting figure on one database: `invoices` 10-line invoices posted for each entry of
 * `clients`, one 1,000-line invoice, the statement counts (`countStatements`), and the raw-SQL
 * baseline, which writes again the rows of a warm-up posting.
 */
export async function postingFigures(
  handle: DatabaseHandle, app: FastifyInstance, options: { invoices: number; clients: readonly number[]; countStatements: boolean },
): Promise<void> {
  const setup = await preparePosting(app);
  const warmUp = await send(app, 'POST', `/api/v1/salesInvoices/${await createInvoice(app, setup, 10)}/post`);
  let singleClient: Figures | undefined;
  for (const clients of options.clients) {
    const numbers = await createInvoices(app, setup, options.invoices, 10);
    const figures = await postInvoices(app, `post a 10-line sales invoice, ${clients} client${clients === 1 ? '' : 's'}`, numbers, clients);
    if (clients === 1) singleClient = figures;
  }
  await postLargeInvoice(app, setup, 1000);
  if (options.countStatements) await countPostingStatements(handle, setup);

  const order = await send(app, 'POST', '/api/v1/salesOrders', {
    sellToCustomerNo: setup.customerNo, lines: setup.itemNos.map((no) => ({ type: 'item', no, quantity: '2' })),
  });
  const baseline = await prepareRawSqlBaseline(handle, warmUp.transactionNo as number, order.no as string);
  const statements = await baseline.post();
  const raw = await measure(`raw SQL: the same ${baseline.rows} rows, ${statements} statements`, options.invoices * 2, async () => {
    await baseline.post();
    return { statusCode: 200 };
  }, { unit: 'txns' });
  if (singleClient) {
    printLine('10-line posting rate as a share of raw SQL', `${((singleClient.perSecond / raw.perSecond) * 100).toFixed(0)} %  (target ≥ 25 %)`);
  }
}
