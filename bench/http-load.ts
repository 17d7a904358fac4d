// HTTP load test: the real server as a child process, started as `npm start` starts it, on a fresh
// embedded database in a temporary folder (it loads the demo company on its first start), signed in
// as the demo admin; autocannon with 50 connections for about 10 s each on list reads, on creating
// 10-line invoices, and on posting them. Prints latency percentiles, rates, non-2xx answers and
// errors, and the server process's resident memory. The server is stopped and the folder removed.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { demoCredentials } from '../src/server/demo/demo-company.ts';
import { printLine } from './measure.ts';
import { type ApiClient, preparePosting } from './posting.ts';

const connections = 50;
const seconds = 10;
/** Seconds a request may take before autocannon counts it as a timeout (an error): generous, so a slow machine shows slow answers, not errors. */
const timeout = 30;

interface Server { base: string; child: ChildProcess }

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** `node --import tsx src/server/cli/main.ts serve` (npm start) on the embedded database in `dataDir`: resolves once it says where it listens. */
async function startServer(dataDir: string): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, LEDGERLINE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: '' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/main.ts', 'serve'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)), env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Web: (http:\/\/\S+?)\/\s/.exec(output);
      if (listening) resolve(listening[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the server ended (exit code ${code}) before it listened:\n${output}`)));
  });
  return { base, child };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killer);
}

/** The API of the running server over HTTP, as the posting helpers expect it. */
function httpApi(base: string, token?: string): ApiClient {
  return {
    async inject({ method, url, payload }) {
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      if (payload !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${base}${url}`, { method, headers, ...(payload === undefined ? {} : { body: JSON.stringify(payload) }) });
      const body = await response.text();
      return { statusCode: response.status, body, json: () => JSON.parse(body) };
    },
  };
}

async function signIn(base: string): Promise<string> {
  const response = await httpApi(base).inject({ method: 'POST', url: '/api/v1/auth/token', payload: demoCredentials });
  if (response.statusCode !== 200) throw new Error(`sign-in: HTTP ${response.statusCode} ${response.body}`);
  return response.json().token as string;
}

/** A kilobyte figure of /proc/PID/status (Linux); undefined where there is none. */
async function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kilobytes = new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1];
  return kilobytes === undefined ? undefined : Number(kilobytes);
}

/** Samples the process's resident set every 200 ms until stopped; `stop` answers the highest, in kB. */
function sampleRss(pid: number): { stop(): Promise<number | undefined> } {
  let highest: number | undefined;
  const sample = async () => {
    const rss = await procStatus(pid, 'VmRSS');
    if (rss !== undefined) highest = Math.max(highest ?? 0, rss);
  };
  const timer = setInterval(() => void sample(), 200);
  return {
    async stop() {
      clearInterval(timer);
      await sample();
      return highest;
    },
  };
}

/** One autocannon run; prints its figures and, when some answers were not 2xx, which statuses they had. */
async function load(label: string, options: autocannon.Options): Promise<autocannon.Result> {
  const result = await autocannon({ connections, duration: seconds, timeout, ...options });
  const answered = result['2xx'] + result.non2xx;
  const rate = answered / result.duration;
  printLine(label, `${String(answered).padStart(5)} requests  ${rate.toFixed(0).padStart(6)}/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms`
    + `  non-2xx ${result.non2xx}  errors ${result.errors} (timeouts ${result.timeouts})  in ${result.duration.toFixed(1)} s`);
  if (result.non2xx > 0) {
    const statuses = Object.entries(result.statusCodeStats ?? {}).filter(([status]) => !status.startsWith('2'));
    printLine('  non-2xx answers', statuses.map(([status, stats]) => `${stats.count ?? 0} × ${status}`).join(', '));
  }
  return result;
}

/**
 * The load runs against a started server: list reads, then creating 10-line invoices (their numbers
 * kept from the answers), then posting those invoices, each request the next invoice, as fast as the
 * connections ask; then more of them posted from one connection, one after the other.
 */
async function loadRuns(base: string): Promise<void> {
  const token = await signIn(base);
  const setup = await preparePosting(httpApi(base, token));
  const headers = { authorization: `Bearer ${token}` };
  await load(`HTTP GET lists of 50, ${connections} connections`, {
    url: base, headers,
    requests: [{ method: 'GET', path: '/api/v1/customers?limit=50' }, { method: 'GET', path: '/api/v1/salesOrders?limit=50' }],
  });
  await settle(base, token);
  const lines = Array.from({ length: 10 }, (_, index) => ({ type: 'item', no: setup.itemNos[index % setup.itemNos.length], quantity: '2' }));
  const create = (label: string) => createInvoices(base, token, label, { sellToCustomerNo: setup.customerNo, lines });
  const numbers = await create(`HTTP create a 10-line invoice, ${connections} connections`);
  const saturated = await postInvoices(base, token, `HTTP post a 10-line invoice, ${Math.min(connections, numbers.length)} connections`, numbers);
  printLine('  invoices to post (those the create run made)', `${numbers.length}, ${saturated.sent} post requests sent`);
  // With every connection waiting for its answer, a request waits for the ones before it (Little's law:
  // latency = connections ÷ rate); one connection shows what a posting takes without that queue.
  const more = await create(`HTTP create a 10-line invoice, ${connections} connections, again`);
  await postInvoices(base, token, 'HTTP post a 10-line invoice, 1 connection', more, { connections: 1 });
}

/** Creates invoices for `seconds` from `connections` connections; their numbers, from the answers. */
async function createInvoices(base: string, token: string, label: string, invoice: object): Promise<string[]> {
  const numbers: string[] = [];
  await load(label, {
    url: base, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [{
      method: 'POST', path: '/api/v1/salesInvoices', body: JSON.stringify(invoice),
      onResponse: (status, body) => {
        if (status < 300) numbers.push(JSON.parse(body).no as string);
      },
    }],
  });
  await settle(base, token);
  if (numbers.length === 0) throw new Error('HTTP load: the create run made no invoice to post');
  return numbers;
}

/** Posts the invoices, each request the next one, until every one was sent. */
async function postInvoices(
  base: string, token: string, label: string, numbers: readonly string[], options: Partial<autocannon.Options> = {},
): Promise<{ result: autocannon.Result; sent: number }> {
  let next = 0;
  const result = await load(label, {
    url: base, headers: { authorization: `Bearer ${token}` }, connections: Math.min(connections, numbers.length), maxOverallRequests: numbers.length, ...options,
    requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, path: `/api/v1/salesInvoices/${numbers[Math.min(next++, numbers.length - 1)]}/post` }) }],
  });
  await settle(base, token);
  return { result, sent: next };
}

/**
 * Waits for one request to come back: autocannon ends a run with up to 50 requests still being
 * worked on, and the embedded database takes them one after the other, so the next run would
 * otherwise start behind them.
 */
async function settle(base: string, token: string): Promise<void> {
  const response = await httpApi(base, token).inject({ method: 'GET', url: '/api/v1/auth/me' });
  if (response.statusCode !== 200) throw new Error(`GET /api/v1/auth/me: HTTP ${response.statusCode} ${response.body}`);
}

/** The whole HTTP part: start, load, the server's memory, stop, clean up. */
export async function httpLoadFigures(): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'ledgerline-bench-'));
  let server: Server | undefined;
  try {
    const started = performance.now();
    server = await startServer(join(folder, 'data'));
    console.log(`\nLedgerline server process (npm start) on a fresh embedded database, over HTTP with autocannon`);
    printLine('first start (migrations, demo company)', `${((performance.now() - started) / 1000).toFixed(1)} s`);
    // A visitor's first look at the docs, a few seconds after the server said where it listens.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const docsAsked = performance.now();
    const docs = await fetch(`${server.base}/api/docs`);
    if (!docs.ok) throw new Error(`GET /api/docs: HTTP ${docs.status}`);
    const docsBytes = (await docs.arrayBuffer()).byteLength;
    printLine('API docs page (first area), first request 3 s after start', `${(performance.now() - docsAsked).toFixed(0)} ms  (${(docsBytes / 2 ** 20).toFixed(2)} MiB)`);
    const rss = sampleRss(server.child.pid!);
    try {
      await loadRuns(server.base);
    } finally {
      const highest = await rss.stop();
      const lifetime = await procStatus(server.child.pid!, 'VmHWM');
      const mib = (kilobytes: number | undefined) => (kilobytes === undefined ? 'n/a (no /proc)' : `${(kilobytes / 1024).toFixed(0)} MiB`);
      printLine('server RSS during the load (max, every 0.2 s)', `${mib(highest)}  (peak over its life, first start included: ${mib(lifetime)})`);
    }
  } finally {
    if (server) await stopServer(server.child);
    await rm(folder, { recursive: true, force: true });
  }
}
