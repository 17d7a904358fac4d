// npm run bench: prints figures, never fails on timing. BENCH_DATABASE_URL points it at a PostgreSQL server.
import { performance } from 'node:perf_hooks';
import { openDatabase, type Executor } from '../src/server/db/connection.ts';
import { buildApp } from '../src/server/http/app.ts';
import { loadDemoCompany } from '../src/server/demo/demo-company.ts';

const serverUrl = process.env.BENCH_DATABASE_URL;
const handle = await openDatabase(serverUrl ? { databaseUrl: serverUrl } : {});
await handle.migrate();
await handle.db.transaction((tx) => loadDemoCompany(tx as Executor));
const app = await buildApp({ db: handle.db, localActor: { username: 'bench', role: 'admin' } });
await app.ready();

async function measure(label: string, count: number, request: (index: number) => Promise<{ statusCode: number }>) {
  const latencies: number[] = [];
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    const before = performance.now();
    const response = await request(index);
    if (response.statusCode >= 300) throw new Error(`${label}: HTTP ${response.statusCode}`);
    latencies.push(performance.now() - before);
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(2);
  console.log(`${label.padEnd(44)} ${String(count).padStart(5)} requests  ${(count / seconds).toFixed(0).padStart(6)}/s  p50 ${percentile(0.5)} ms  p99 ${percentile(0.99)} ms`);
}

console.log(`Ledgerline master-data API on ${handle.kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL server'}, in-process (no network)`);
await measure('create customer (number from series)', 1000, () =>
  app.inject({ method: 'POST', url: '/api/v1/customers', payload: { name: 'Bench customer', city: 'Utrecht', paymentTermsCode: '30D' } }));
await measure('get one customer', 2000, (index) =>
  app.inject({ method: 'GET', url: `/api/v1/customers/C${String(((index % 900) + 20) * 10).padStart(5, '0')}` }));
await measure('list customers, page of 100', 500, () => app.inject({ method: 'GET', url: '/api/v1/customers?limit=100' }));
await measure('search customers (ILIKE), page of 100', 500, () => app.inject({ method: 'GET', url: '/api/v1/customers?search=bench&limit=100' }));
await measure('change customer (versioned update)', 1000, (index) =>
  app.inject({ method: 'PATCH', url: `/api/v1/customers/C${String(((index % 900) + 20) * 10).padStart(5, '0')}`, payload: { creditLimitLcy: '5000' } }));

const sellable = (await app.inject({ method: 'GET', url: '/api/v1/items?blocked=false&salesBlocked=false&type=inventory&limit=10' })).json().items as { no: string }[];
const tenLines = sellable.map((item, index) => ({ type: 'item', no: item.no, quantity: String(index + 1) }));
await measure('create sales order with 10 item lines', 200, () =>
  app.inject({ method: 'POST', url: '/api/v1/salesOrders', payload: { sellToCustomerNo: 'C00010', lines: tenLines } }));
const big = await app.inject({ method: 'POST', url: '/api/v1/salesOrders', payload: { sellToCustomerNo: 'C00010', lines: Array.from({ length: 100 }, (_, index) => tenLines[index % 10]) } });
const bigNo = big.json().no as string;
await measure('add a line to a 100-line order (re-totals it)', 100, () =>
  app.inject({ method: 'POST', url: `/api/v1/salesOrders/${bigNo}/lines`, payload: tenLines[0] }));
await measure('read a 100-line order with totals and warnings', 200, () => app.inject({ method: 'GET', url: `/api/v1/salesOrders/${bigNo}` }));

await app.close();
await handle.close();
