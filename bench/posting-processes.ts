// Posting with several server processes on one PostgreSQL database, as a deployment scales out: each
// forked Node process has its own event loop, connection pool and app, standing in for one
// `ledgerline serve` process behind a load balancer. A posting holds its number-series rows for
// one statement and COMMIT only (append-posting.ts), so what limits one process is Node's one core;
// on a machine with few cores the processes and the server share them.
import { performance } from 'node:perf_hooks';
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/server/db/connection.ts';
import { buildApp } from '../src/server/http/app.ts';
import { benchActor } from './bench-actor.ts';
import { printLine, type Figures } from './measure.ts';

interface WorkerInput { databaseUrl: string; numbers: string[]; warmups: string[]; clients: number }
interface WorkerReady { kind: 'ready' }
interface WorkerDone { kind: 'done'; latencies: number[] }

/**
 * Posts the invoices with `processes` workers, `clientsPerProcess` requests in flight in each;
 * worker w takes invoices w, w + processes, …, so a caller that gave each client its own items
 * (invoice i sells group i mod clients) keeps that partition when processes × clientsPerProcess = clients.
 * Each worker first posts its share of `warmups`, unmeasured, as the 1-process figures it is compared
 * with come from a process that has posted hundreds of invoices: a fresh process runs its first
 * postings in V8's interpreter, several times slower.
 */
export async function postInvoicesInProcesses(
  label: string, databaseUrl: string, numbers: readonly string[], warmups: readonly string[], processes: number, clientsPerProcess: number,
): Promise<Figures> {
  const shareOf = (list: readonly string[], worker: number) => list.filter((_, index) => index % processes === worker);
  const workers = Array.from({ length: processes }, (_, worker) => fork(fileURLToPath(import.meta.url), [], {
    env: {
      ...process.env,
      LEDGERLINE_BENCH_WORKER: JSON.stringify({
        databaseUrl, numbers: shareOf(numbers, worker), warmups: shareOf(warmups, worker), clients: clientsPerProcess,
      } satisfies WorkerInput),
    },
    execArgv: ['--import', 'tsx'],
  }));
  try {
    await Promise.all(workers.map((worker) => nextMessage<WorkerReady>(worker)));
    const started = performance.now();
    const done = workers.map((worker) => nextMessage<WorkerDone>(worker));
    for (const worker of workers) worker.send('go');
    const latencies = (await Promise.all(done)).flatMap((message) => message.latencies).sort((a, b) => a - b);
    const milliseconds = performance.now() - started;
    const perSecond = numbers.length / (milliseconds / 1000);
    const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(2);
    printLine(label, `${String(numbers.length).padStart(5)} requests  ${perSecond.toFixed(0).padStart(6)}/s  p50 ${percentile(0.5)} ms  p99 ${percentile(0.99)} ms`);
    return { count: numbers.length, perSecond };
  } finally {
    for (const worker of workers) worker.kill();
  }
}

function nextMessage<T>(worker: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    worker.once('error', onError);
    worker.once('message', (message) => {
      worker.off('error', onError);
      resolve(message as T);
    });
  });
}

/** In a forked process: its own app on its own pool; waits for 'go', posts its share, answers the latencies. */
async function runWorker(input: WorkerInput): Promise<void> {
  const handle = await openDatabase({ databaseUrl: input.databaseUrl });
  const app = await buildApp({ db: handle.db, localActor: benchActor });
  await app.ready();
  for (const no of input.warmups) {
    const response = await app.inject({ method: 'POST', url: `/api/v1/salesInvoices/${no}/post` });
    if (response.statusCode >= 300) throw new Error(`warm-up posting: HTTP ${response.statusCode} ${response.body}`);
  }
  process.send!({ kind: 'ready' } satisfies WorkerReady);
  await new Promise((resolve) => process.once('message', resolve));
  const latencies: number[] = [];
  await Promise.all(Array.from({ length: input.clients }, async (_, client) => {
    for (let index = client; index < input.numbers.length; index += input.clients) {
      const before = performance.now();
      const response = await app.inject({ method: 'POST', url: `/api/v1/salesInvoices/${input.numbers[index]}/post` });
      if (response.statusCode >= 300) throw new Error(`HTTP ${response.statusCode} ${response.body}`);
      latencies.push(performance.now() - before);
    }
  }));
  process.send!({ kind: 'done', latencies } satisfies WorkerDone);
  await app.close();
  await handle.close();
}

const workerInput = process.env.LEDGERLINE_BENCH_WORKER;
if (workerInput && process.send) await runWorker(JSON.parse(workerInput) as WorkerInput);
