/**
 * `ledgerline serve` as its own process on a given data directory, for tests that kill it: start
 * (timed until /health answers), SIGKILL, SIGTERM, and a small HTTP client signed in as admin.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { isEmpty, loadDemo } from '../../../src/server/cli/runtime.ts';
import { openDatabase } from '../../../src/server/db/connection.ts';
import { ledgerlineBin } from '../../support/cli.ts';
import { templateDump } from '../../support/database.ts';

export interface Answer { status: number; body: any; headers: Headers }

/** Generous: the machine may be busy with other test processes. */
const answerWithinMs = 120_000;

/** A request that got no answer: the server died (or was never reached) while it was out. */
export class NoAnswer extends Error {}

/**
 * Makes `dataDir` what `ledgerline serve` makes of an empty directory on its first start (migrated,
 * the demo company loaded, with the server's own isEmpty/loadDemo), but from the run's migrated
 * template: initdb and every migration from nothing took 10-15 s per test file, and are
 * cli.test.ts's `npm start` test's to cover.
 */
export async function demoDataDir(dataDir: string): Promise<void> {
  const handle = await openDatabase({ dataDir, loadDataDir: templateDump() });
  try {
    await handle.migrate();
    if (await isEmpty(handle.db)) await loadDemo(handle.db);
  } finally {
    await handle.close();
  }
}

export class ServerProcess {
  /** Servers not yet stopped or killed, so that a failed test leaves none behind (killStragglers). */
  private static readonly running = new Set<ServerProcess>();
  private token = '';

  private constructor(private readonly child: ChildProcess, readonly address: string, readonly startMs: number, private readonly output: () => string) {}

  /**
   * Starts the server and waits until it listens and /health answers; startMs is how long that took.
   * `script`: a TypeScript file to run instead of `ledgerline serve`, printing the same "API: …" line.
   */
  static async start(dataDir: string, options: { demo?: boolean; script?: string } = {}): Promise<ServerProcess> {
    const { DATABASE_URL: _url, TEST_DATABASE_URL: _testUrl, ...environment } = process.env;
    const began = performance.now();
    const args = options.script ? ['--import', 'tsx', options.script] : [ledgerlineBin, 'serve', '--port', '0', ...(options.demo === false ? ['--no-demo'] : [])];
    const child = spawn(process.execPath, args, {
      env: { ...environment, LEDGERLINE_DATA_DIR: dataDir, LOG_LEVEL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const address = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk) => {
        output += chunk;
        const match = /API: (http:\/\/\S+)\/api\/v1/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.stderr!.on('data', (chunk) => { output += chunk; });
      child.once('exit', (code, signal) => reject(new Error(`The server exited (${code ?? signal}) before it listened:\n${output}`)));
    }).catch((error: unknown) => {
      child.kill('SIGKILL');
      throw error;
    });
    const health = await fetch(`${address}/health`);
    if (health.status !== 200) throw new Error(`/health answered ${health.status}:\n${output}`);
    const server = new ServerProcess(child, address, performance.now() - began, () => output);
    ServerProcess.running.add(server);
    await server.signIn();
    return server;
  }

  async signIn() {
    const answer = await this.request('POST', '/api/v1/auth/token', { username: 'admin', password: 'admin' });
    if (answer.status !== 200) throw new Error(`Sign-in answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    this.token = answer.body.token;
  }

  /** One HTTP request; throws NoAnswer when the connection fails or drops before the answer. */
  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.address}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(answerWithinMs),
      });
      text = await response.text();
    } catch (error) {
      // A server that hangs is a failure of its own, not a crash to recover from.
      if ((error as Error).name === 'TimeoutError') throw new Error(`${method} ${path} got no answer within ${answerWithinMs / 1000} s:\n${this.output().slice(-2000)}`);
      throw new NoAnswer(`${method} ${path}: ${(error as Error).message}`);
    }
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  }

  /** SIGKILL: no shutdown code runs, as in a power cut of the process (not of the machine). */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM: the server closes the database and releases the data directory. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  static async killStragglers(): Promise<void> {
    await Promise.all([...ServerProcess.running].map((server) => server.kill()));
  }

  get log(): string {
    return this.output();
  }

  /** Resolves with the signal that ended the process (a server that killed itself). */
  exited(): Promise<NodeJS.Signals | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve(this.child.signalCode);
    return new Promise((resolve) => this.child.once('exit', (_code, signal) => resolve(signal)));
  }

  private async signal(signal: NodeJS.Signals) {
    ServerProcess.running.delete(this);
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill(signal);
    await exited;
  }
}
