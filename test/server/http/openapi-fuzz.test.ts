/**
 * Bad input is a 400, never a 500 (issue 9): requests generated with fast-check for every operation
 * of the API's OpenAPI document, against the demo company with documents in every state. Valid-looking
 * input (from the schemas and from values the API answered with) is mutated with NUL bytes, decimals
 * too long for their column, JSON numbers, wrong types, dates that do not exist, forged cursors,
 * unknown parameters and junk path segments; some requests carry no token.
 *
 * Fails on any 5xx, on any change to the database made by a refused (4xx) request or a read, and on
 * a 400 that only the database's refusal produced (problem.ts's last line of defence): validation
 * should have said which field was wrong.
 * A failure prints the seed and each offending request. Explore other seeds, longer:
 *   FUZZ_SEED=7 FUZZ_REQUESTS=20000 npx vitest run --project database test/server/http/openapi-fuzz.test.ts
 */
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Executor } from '../../../src/server/db/connection.ts';
import { loadDemoCompany } from '../../../src/server/demo/demo-company.ts';
import { refusedValueDetail } from '../../../src/server/http/problem.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { created } from '../../support/given.ts';
import {
  Corpus, type FuzzRequest, keyFieldsByCollection, type Operation, operationsOf, type Recipe, requestRecipe,
} from '../../support/openapi-fuzz.ts';

const seed = Number(process.env.FUZZ_SEED ?? 20261124);
const requestCount = Number(process.env.FUZZ_REQUESTS ?? 2000);
const workDate = '2026-11-24';
/**
 * Rows a refused request writes by design: the stored answer to an Idempotency-Key, and a failed
 * sign-in counted by the sign-in throttle.
 */
const changesByDesign = (requests: readonly Unverified[]) =>
  new Set(['idempotency_key', ...(requests.some((request) => request.signIn) ? ['login_throttle', 'login_familiar_address'] : [])]);

interface Unverified { described: string; signIn: boolean }

let api: TestApi;
let tokens: Record<'admin' | 'viewer', string>;
let setupSeconds = 0;
beforeAll(async () => {
  const started = Date.now();
  api = await testApi();
  await api.db.transaction((tx) => loadDemoCompany(tx as Executor, { workDate }));
  tokens = {
    admin: (await api.as('none')('POST', '/api/v1/auth/token', { username: 'admin-user', password: 'correct horse battery' })).json().token,
    viewer: (await api.as('none')('POST', '/api/v1/auth/token', { username: 'viewer-user', password: 'correct horse battery' })).json().token,
  };
  await givenDocumentsInEveryState();
  setupSeconds = Math.round((Date.now() - started) / 1000);
}, 180_000);
afterAll(() => api.close());

/** A quote, open and released orders, a posted shipment and invoice, an invoice, a credit memo, a return order. */
async function givenDocumentsInEveryState() {
  const admin = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => api.as('admin')(method, url, body, { 'x-work-date': workDate });
  const customers = (await admin('GET', '/api/v1/customers?limit=1000')).json().items as { no: string; blocked: string }[];
  const items = (await admin('GET', '/api/v1/items?limit=1000')).json().items as { no: string; blocked: boolean; salesBlocked: boolean; type: string }[];
  const customerNo = customers.find((row) => row.blocked === 'none')!.no;
  const stocked = items.filter((row) => row.type === 'inventory' && !row.blocked && !row.salesBlocked).slice(0, 2);
  const lines = stocked.map((row) => ({ type: 'item', no: row.no, quantity: '2', locationCode: 'MAIN' }));
  for (const resource of ['salesQuotes', 'salesOrders', 'salesOrders', 'salesOrders', 'salesInvoices', 'salesCreditMemos', 'salesReturnOrders']) {
    await created(admin, `/api/v1/${resource}`, { sellToCustomerNo: customerNo, lines });
  }
  const orders = (await admin('GET', '/api/v1/salesOrders')).json().items as { no: string }[];
  await created(admin, `/api/v1/salesOrders/${orders[0]!.no}/post`, { ship: true, invoice: true });
  await created(admin, `/api/v1/salesOrders/${orders[1]!.no}/post`, { ship: true, invoice: false });
  await admin('POST', `/api/v1/salesOrders/${orders[2]!.no}/release`);
  await created(admin, '/api/v1/combineShipments', { postingDate: workDate, documentDate: workDate });
}

/**
 * Watches the database between requests: reads and refusals since the last look must have left it
 * as it was. One look (a hash per table over every row, in one statement) is taken before each
 * request that may change something and after each one that did.
 */
class DatabaseWatch {
  readonly changes: string[] = [];
  looks = 0;
  /** Looks answered by the transaction-id check alone (look()). */
  skippedLooks = 0;
  milliseconds = 0;
  private lookedAt: { nextTransactionId: string; tables: Record<string, string> } | undefined;
  private unverified: Unverified[] = [];

  private constructor(private readonly query: string, private baseline: Record<string, string>) {}

  static async start(): Promise<DatabaseWatch> {
    const result = await api.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
    const tables = (result as unknown as { rows: { table_name: string }[] }).rows.map((row) => row.table_name);
    // An order-independent sum of row hashes: no sort, no string building, cheap enough to run between requests.
    const query = `select ${tables.map((name) => `(select count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) from "${name}" t) as "${name}"`).join(', ')}`;
    const watch = new DatabaseWatch(query, {});
    watch.baseline = await watch.look();
    return watch;
  }

  /** Before a request that may change the database: checks what came since the last look. */
  async verify(): Promise<void> {
    if (this.unverified.length === 0) return;
    const now = await this.look();
    const allowed = changesByDesign(this.unverified);
    const changed = Object.keys(now).filter((table) => now[table] !== this.baseline[table] && !allowed.has(table));
    if (changed.length > 0) {
      this.changes.push(`changed ${changed.join(', ')} after one of:\n    ${this.unverified.map((request) => request.described).join('\n    ')}`);
    }
    this.baseline = now;
    this.unverified = [];
  }

  mustNotHaveChanged(request: Unverified): void {
    this.unverified.push(request);
  }

  async changedOnPurpose(): Promise<void> {
    this.baseline = await this.look();
  }

  /**
   * Every row a request inserts, updates or deletes needs a transaction id, committed or not; the next
   * id to be handed out is the same as at the last look only if no such write happened since, and
   * then the rows are as they were (a write that rolled back moves it too: then the full look runs).
   * Most requests write nothing, so most looks are this one cheap query, not a hash of every row.
   */
  private async look(): Promise<Record<string, string>> {
    const started = Date.now();
    const nextTransactionId = await this.nextTransactionId();
    this.looks++;
    if (nextTransactionId === this.lookedAt?.nextTransactionId) {
      this.skippedLooks++;
      this.milliseconds += Date.now() - started;
      return this.lookedAt.tables;
    }
    const result = await api.db.execute(sql.raw(this.query));
    const tables = (result as unknown as { rows: Record<string, string>[] }).rows[0]!;
    this.lookedAt = { nextTransactionId, tables };
    this.milliseconds += Date.now() - started;
    return tables;
  }

  private async nextTransactionId(): Promise<string> {
    const result = await api.db.execute(sql`select pg_snapshot_xmax(pg_current_snapshot())::text as xmax`);
    return (result as unknown as { rows: { xmax: string }[] }).rows[0]!.xmax;
  }
}

/** Lists of every collection the demo company can answer, so the fuzzer starts from real keys and cursors. */
async function crawl(corpus: Corpus, operations: readonly Operation[], keyFields: Map<string, string[]>) {
  const lists = operations.filter((operation) => operation.method === 'GET' && operation.query.some((parameter) => parameter.name === 'cursor'));
  for (let depth = 0; depth < 3; depth++) {
    for (const operation of lists.filter((candidate) => (candidate.template.match(/\{/g) ?? []).length === depth)) {
      let urls = [operation.template];
      for (const match of operation.template.matchAll(/\{(\w+)\}/g)) {
        const collectionTemplate = operation.template.slice(0, match.index);
        urls = urls.flatMap((url) => {
          const collection = url.slice(0, url.indexOf(`{${match[1]}}`) - 1);
          return [0, 1, 2].map((pick) => corpus.key(collection, keyFields.get(collectionTemplate) ?? [], pick))
            .filter((key): key is string => key !== undefined).map((key) => url.replace(`{${match[1]}}`, encodeURIComponent(key)));
        });
      }
      for (const url of new Set(urls)) {
        for (const limit of [2, 1000]) {
          const response = await api.as('admin')('GET', `${url}?limit=${limit}`);
          if (response.statusCode === 200) corpus.learn(url, response.json(), false);
        }
      }
    }
  }
}

function send(request: FuzzRequest) {
  return api.app.inject({
    method: request.method, url: request.url, ...(request.payload === undefined ? {} : { payload: request.payload }),
    headers: { ...(request.role === 'none' ? {} : { authorization: `Bearer ${tokens[request.role]}` }), ...request.headers },
  });
}

function detailOf(response: { body: string }): string {
  try {
    return String((JSON.parse(response.body) as { detail?: unknown }).detail ?? '');
  } catch {
    return '';
  }
}

function describeRequest(request: FuzzRequest): string {
  const headers = Object.entries(request.headers).map(([name, value]) => ` -H ${JSON.stringify(`${name}: ${value}`)}`).join('');
  const body = request.payload === undefined ? '' : ` --data ${JSON.stringify(request.payload.length > 300 ? `${request.payload.slice(0, 300)}…` : request.payload)}`;
  return `[${request.role}] ${request.method} ${request.url.length > 300 ? `${request.url.slice(0, 300)}…` : request.url}${headers}${body}`;
}

it(`answers ${requestCount} generated requests (seed ${seed}) without a 5xx, and refused ones change nothing`, async () => {
  const document = (await api.as('none')('GET', '/api/v1/openapi.json')).json();
  const operations = operationsOf(document);
  const keyFields = keyFieldsByCollection(operations);
  const corpus = new Corpus(new Set(['admin-user']));
  await crawl(corpus, operations, keyFields);

  // Every operation in turn (a seeded order), each with recipes of its own: all are covered, whatever the count.
  const order = fc.sample(fc.shuffledSubarray(operations, { minLength: operations.length, maxLength: operations.length }), { seed, numRuns: 1 })[0]!;
  const perOperation = Math.ceil(requestCount / order.length);
  const recipes = order.map((operation, index) => fc.sample(requestRecipe(operation, keyFields), { seed: seed + index + 1, numRuns: perOperation }));

  const watch = await DatabaseWatch.start();
  const started = Date.now();
  const serverErrors: string[] = [];
  const validationGaps: string[] = [];
  const statuses = new Map<number, number>();
  let sent = 0;
  for (let round = 0; sent < requestCount; round++) {
    for (let index = 0; index < order.length && sent < requestCount; index++) {
      const operation = order[index]!;
      const request = (recipes[index]![round] as Recipe)(corpus);
      // Signing out would end the fuzzer's own session.
      if (operation.template === '/api/v1/auth/signOut') request.role = 'none';
      const mutating = request.method !== 'GET';
      if (mutating) await watch.verify();
      const response = await send(request);
      sent++;
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      const described = `#${sent} ${describeRequest(request)} → ${response.statusCode}`;
      if (response.statusCode >= 500) serverErrors.push(`${described} ${response.body.slice(0, 300)}`);
      if (response.statusCode === 400 && detailOf(response).startsWith(refusedValueDetail)) validationGaps.push(`${described} ${detailOf(response)}`);
      if (response.statusCode < 300 && String(response.headers['content-type'] ?? '').includes('json')) {
        corpus.learn(request.url.split('?')[0]!, response.json(), operation.template.endsWith('}'));
      }
      if (mutating && response.statusCode < 400) await watch.changedOnPurpose();
      else watch.mustNotHaveChanged({ described, signIn: operation.template === '/api/v1/auth/token' });
    }
  }
  await watch.verify();

  const summary = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`).join(', ');
  console.log(`openapi fuzz: ${sent} requests over ${operations.length} operations (seed ${seed}) in ${Math.round((Date.now() - started) / 1000)} s after ${setupSeconds} s of setup; ${watch.looks} looks at the database (${watch.skippedLooks} with nothing written since the last; ${Math.round(watch.milliseconds / 1000)} s); ${summary}`);
  const replay = `Replay: FUZZ_SEED=${seed} FUZZ_REQUESTS=${requestCount} npx vitest run --project database test/server/http/openapi-fuzz.test.ts`;
  expect.soft(serverErrors, `${serverErrors.length} answers were 5xx. ${replay}\n${serverErrors.join('\n')}`).toEqual([]);
  expect.soft(watch.changes, `refused requests changed the database. ${replay}\n${watch.changes.join('\n')}`).toEqual([]);
  expect.soft(validationGaps, `${validationGaps.length} values got past validation to the database. ${replay}\n${validationGaps.join('\n')}`).toEqual([]);
  expect((await api.as('admin')('GET', '/api/v1/auth/me')).statusCode, 'the fuzzer kept its own session').toBe(200);
}, 600_000);
