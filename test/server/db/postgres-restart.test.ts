import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/server/db/connection.ts';
import { appUser, customerPostingGroup, genBusinessPostingGroup, vatBusinessPostingGroup } from '../../../src/server/db/schema/index.ts';
import { enqueueJob } from '../../../src/server/jobs/job-queue.ts';
import { hashPassword } from '../../../src/server/users/password.ts';
import { ledgerlineBin } from '../../support/cli.ts';
import { freePort } from '../../support/free-port.ts';

// `ledgerline serve` on a PostgreSQL server that is killed (`pg_ctl stop -m immediate`) and started
// again while requests hold connections: the process must live on, answer 503 DATABASE_UNAVAILABLE
// meanwhile and work again once the server is back. It brings its own throwaway cluster, so it runs
// once, in the PostgreSQL-server pass of the suite (TEST_DATABASE_URL set, as .ci/run does).

const run = promisify(execFile);
const asPostgres = process.getuid?.() === 0;

function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((version) => existsSync(join(root, version, 'bin', 'initdb')));
  const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1);
  return newest === undefined ? undefined : join(root, newest, 'bin');
}

function binariesOrSkip(): string | undefined {
  if (!process.env.TEST_DATABASE_URL) return undefined;
  const bin = postgresBin();
  if (bin) return bin;
  const message = 'no PostgreSQL binaries in /usr/lib/postgresql/*/bin: install Debian\'s (apt-get install -y postgresql)';
  if (process.env.CI === 'true') throw new Error(`The PostgreSQL restart test cannot run under CI: ${message}.`);
  console.warn(`\n${'!'.repeat(100)}\n!!  POSTGRESQL RESTART TEST SKIPPED: ${message}.\n${'!'.repeat(100)}\n`);
  return undefined;
}

const bin = binariesOrSkip();

/** A cluster of its own in a temporary directory, run as `postgres` when the tests run as root. */
class ThrowawayCluster {
  readonly directory = mkdtempSync(join(tmpdir(), 'ledgerline-pg-restart-'));
  readonly dataDir = join(this.directory, 'data');
  constructor(private readonly bin: string, readonly port: number) {
    if (asPostgres) chownSync(this.directory, ...postgresIds());
  }
  get url() { return `postgres://postgres@127.0.0.1:${this.port}/postgres`; }
  // Asynchronous on purpose: the requests must keep going while pg_ctl works.
  private tool(name: string, args: string[]) {
    const path = join(this.bin, name);
    return asPostgres ? run('runuser', ['-u', 'postgres', '--', path, ...args]) : run(path, args);
  }
  init() {
    return this.tool('initdb', ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  }
  start() {
    const options = `-c listen_addresses=127.0.0.1 -c port=${this.port} -c unix_socket_directories=${this.directory} -c fsync=off`;
    return this.tool('pg_ctl', ['-D', this.dataDir, '-l', join(this.directory, 'server.log'), '-w', '-o', options, 'start']);
  }
  /** Kills the server as a crash or a failover would: no goodbye to the clients, crash recovery on start. */
  stopImmediately() {
    return this.tool('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
  }
  async remove() {
    await this.stopImmediately().catch(() => undefined);
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** The uid and gid of the `postgres` user, which Debian's package creates. */
function postgresIds(): [number, number] {
  const entry = /^postgres:[^:]*:(\d+):(\d+):/m.exec(readFileSync('/etc/passwd', 'utf8'));
  if (!entry) throw new Error('Running as root, but there is no postgres user to run PostgreSQL as.');
  return [Number(entry[1]), Number(entry[2])];
}

interface ServerProcess { address: string; child: ChildProcess; output(): string }

function startServer(databaseUrl: string): Promise<ServerProcess> {
  const { LOG_LEVEL: _quiet, ...environment } = process.env;
  const child = spawn(process.execPath, [ledgerlineBin, 'serve', '--port', '0', '--no-demo'], {
    env: { ...environment, DATABASE_URL: databaseUrl, LEDGERLINE_SERVER: '' },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /API: (http:\/\/[^\s]+)\/api\/v1/.exec(output);
      if (match) resolve({ address: match[1]!, child, output: () => output });
    });
    child.stderr!.on('data', (chunk) => { output += chunk; });
    child.on('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}): ${output}`)));
  });
}

type Phase = 'before' | 'outage' | 'after';
interface Outcome {
  phase: Phase;
  kind: 'list' | 'create' | 'signIn';
  sentAt: number;
  answeredAt: number;
  status?: number;
  code?: string;
  retryAfter?: string | null;
  contentType?: string | null;
  customerNo?: string;
  /** The request got no answer at all: a dropped connection or a timeout. */
  failure?: string;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function signIn(address: string): Promise<Response> {
  return fetch(`${address}/api/v1/auth/token`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'clerk', password: 'long enough' }), signal: AbortSignal.timeout(20_000),
  });
}

/**
 * Six clients sending requests back to back, each answer recorded: reads, writes in a transaction
 * and sign-ins (a transaction around password hashing), so connections are checked out, some idle
 * between statements, whenever the server dies.
 */
function startLoad(address: string, token: string, server: ChildProcess) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const kinds = ['list', 'create', 'signIn'] as const;
  const outcomes: Outcome[] = [];
  let phase: Phase = 'before';
  let stopping = false;
  let serial = 0;
  const request = (kind: Outcome['kind'], outcome: Outcome) => {
    if (kind === 'signIn') return signIn(address);
    if (kind === 'list') return fetch(`${address}/api/v1/customers?limit=20`, { headers, signal: AbortSignal.timeout(20_000) });
    outcome.customerNo = `R${++serial}`;
    return fetch(`${address}/api/v1/customers`, {
      method: 'POST', headers, body: JSON.stringify({ no: outcome.customerNo, name: `Restart ${serial}`, customerPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC' }), signal: AbortSignal.timeout(20_000),
    });
  };
  const send = async (kind: Outcome['kind']): Promise<Outcome> => {
    const outcome: Outcome = { phase, kind, sentAt: performance.now(), answeredAt: 0 };
    try {
      const response = await request(kind, outcome);
      outcome.status = response.status;
      outcome.retryAfter = response.headers.get('retry-after');
      outcome.contentType = response.headers.get('content-type');
      outcome.code = ((await response.json()) as { code?: string }).code;
    } catch (error) {
      outcome.failure = String((error as Error).cause ?? error);
    }
    outcome.answeredAt = performance.now();
    outcomes.push(outcome);
    return outcome;
  };
  const clients = Array.from({ length: 6 }, async (_, index) => {
    for (let round = index; !stopping && server.exitCode === null; round++) {
      const outcome = await send(kinds[round % kinds.length]!);
      // As a client heeding Retry-After would, though sooner: the outage is short.
      if (outcome.status === 503 || outcome.failure) await pause(50);
    }
  });
  return {
    outcomes,
    headers,
    enter(next: Phase) { phase = next; },
    async stop() {
      stopping = true;
      await Promise.all(clients);
    },
  };
}

describe.skipIf(!bin)('a PostgreSQL server restarting under load', () => {
  let cluster: ThrowawayCluster;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    cluster = new ThrowawayCluster(bin!, await freePort());
    await cluster.init();
    await cluster.start();
    // `serve` migrates the empty database; its first user is added behind its back, as the CLI would.
    server = await startServer(cluster.url);
    const handle = await openDatabase({ databaseUrl: cluster.url });
    try {
      await handle.db.insert(appUser).values({ username: 'clerk', role: 'admin', passwordHash: await hashPassword('long enough') });
      // The posting groups every new customer needs (issue 19).
      for (const table of [vatBusinessPostingGroup, genBusinessPostingGroup, customerPostingGroup]) await handle.db.insert(table).values({ code: 'DOMESTIC' });
    } finally {
      await handle.close();
    }
  });

  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await new Promise((resolve) => server!.child.once('exit', resolve));
    }
    await cluster?.remove();
  });

  it('keeps serving: 503 DATABASE_UNAVAILABLE with Retry-After while it is down, 200 again once it is back', { timeout: 90_000 }, async () => {
    const { address, child } = server!;
    const token = ((await (await signIn(address)).json()) as { token: string }).token;
    const load = startLoad(address, token, child);
    const { outcomes, headers } = load;

    await pause(1_500);
    load.enter('outage');
    const stopStarted = performance.now();
    await cluster.stopImmediately();
    const stopped = performance.now();
    await pause(2_500);
    // PostgreSQL accepts connections before pg_ctl's wait for it returns: "down" ends when the start begins.
    const startBegun = performance.now();
    await cluster.start();
    const started = performance.now();
    load.enter('after');
    // Until ten answers in a row, sent after the start, have succeeded.
    const recovered = () => {
      const after = outcomes.filter((outcome) => outcome.sentAt >= started);
      return after.length >= 10 && after.slice(-10).every((outcome) => outcome.status !== undefined && outcome.status < 300);
    };
    while (!recovered() && performance.now() < started + 20_000 && child.exitCode === null) await pause(100);
    await load.stop();

    const during = outcomes.filter((outcome) => outcome.phase === 'outage');
    const unavailable = outcomes.filter((outcome) => outcome.status === 503);
    const firstSuccess = outcomes.filter((outcome) => outcome.sentAt >= started && outcome.status! < 300)
      .sort((a, b) => a.answeredAt - b.answeredAt)[0];
    console.log(`PostgreSQL restart: ${outcomes.length} requests, ${during.length} during the outage (stop took ${Math.round(stopped - stopStarted)} ms, `
      + `down ${Math.round(started - stopStarted)} ms), ${unavailable.length} answered 503, ${outcomes.filter((outcome) => outcome.status === 429).length} sign-ins 429; first success ${firstSuccess ? Math.round(firstSuccess.answeredAt - started) : '—'} ms after the start.`);

    expect(child.exitCode, server!.output()).toBeNull();
    expect(child.signalCode).toBeNull();
    expect(outcomes.filter((outcome) => outcome.failure), 'no request may lose its connection').toEqual([]);
    // A sign-in counts as a failure before its password is checked, and only a success clears the count
    // (src/server/users/sign-in.commands.ts, step 3). Sign-ins the crash cut off after their count keep it,
    // so the next ones, counted in parallel, may briefly cross the free failures and be asked to wait:
    // 429 LOGIN_THROTTLED with Retry-After, from the kill on, and never for reads or writes.
    const throttled = (outcome: Outcome) => outcome.kind === 'signIn' && outcome.status === 429 && outcome.sentAt > stopStarted;
    expect(outcomes.filter((outcome) => outcome.status !== 503 && outcome.status! >= 300 && !throttled(outcome)), 'only 503 may fail').toEqual([]);
    for (const outcome of outcomes.filter(throttled)) {
      expect(outcome).toMatchObject({ code: 'LOGIN_THROTTLED', retryAfter: expect.stringMatching(/^\d+$/) });
    }
    for (const outcome of unavailable) {
      expect(outcome).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryAfter: expect.stringMatching(/^\d+$/), contentType: expect.stringContaining('application/problem+json') });
    }
    // Sent while the server was certainly gone: every one of them refused, none left hanging.
    const whileDown = outcomes.filter((outcome) => outcome.sentAt > stopped && outcome.answeredAt < startBegun);
    expect(whileDown.length).toBeGreaterThan(5);
    expect(whileDown.filter((outcome) => outcome.status !== 503)).toEqual([]);
    expect(recovered(), 'requests work again after the start').toBe(true);

    // Every acknowledged write survived the crash.
    const list = await fetch(`${address}/api/v1/customers?limit=1000`, { headers });
    expect(list.status).toBe(200);
    const stored = new Set(((await list.json()) as { items: { no: string }[] }).items.map((customer) => customer.no));
    const acknowledged = outcomes.filter((outcome) => outcome.kind === 'create' && outcome.status === 201).map((outcome) => outcome.customerNo!);
    expect(acknowledged.filter((no) => !stored.has(no))).toEqual([]);

    // The job worker survived the outage too: it still claims and finishes jobs.
    const handle = await openDatabase({ databaseUrl: cluster.url });
    let jobId: string;
    try {
      jobId = (await enqueueJob(handle.db, { type: 'test.unhandled', parameters: {}, createdBy: 'clerk' })).id;
    } finally {
      await handle.close();
    }
    let job: { status: string; claimedBy: string | null; error: { code: string } | null } | undefined;
    for (let attempt = 0; attempt < 150 && job?.status !== 'failed'; attempt++) {
      await pause(100);
      job = (await (await fetch(`${address}/api/v1/jobs/${jobId}`, { headers })).json()) as typeof job;
    }
    expect(job).toMatchObject({ status: 'failed', claimedBy: `${hostname()}:${child.pid}`, error: { code: 'JOB_TYPE_UNKNOWN' } });
    expect(child.exitCode).toBeNull();
  });
});
