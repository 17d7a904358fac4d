import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server bundled once per run (server-script.ts), which the test files' servers run. */
    e2eServerScript: string;
  }
}

const root = join(import.meta.dirname, '../../..');
/** The program a user runs (the CLI tests start the server through it). */
const ledgerlineScript = join(root, 'bin/ledgerline.js');

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 */
  address: string;
  stop: () => Promise<void>;
}

/**
 * The embedded database as `ledgerline serve` leaves it after its first start (migrated, the demo
 * company loaded), made once per run by build-web.ts: each test file's server starts on a copy of
 * it, in 3 s instead of 10.
 */
export const templateDataDir = join(root, 'test-artifacts/e2e-template-db');

/**
 * `ledgerline serve` as a user starts it: its own process on its own embedded database in a temp
 * directory, a copy of the template when there is one, else empty (the server then loads the demo
 * company, admin/admin). The address comes from its "API:" line. A test file's server runs the
 * run's bundle (server-script.ts) unless told `script`.
 */
export async function startServer(options: { dataDir?: string; script?: string } = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ledgerline-e2e-'));
  // Copied without blocking: the file's Chromium starts meanwhile.
  if (!options.dataDir && existsSync(templateDataDir)) await cp(templateDataDir, dataDir, { recursive: true });
  const { DATABASE_URL: _ignored, ...environment } = process.env;
  const script = options.script ?? inject('e2eServerScript') ?? ledgerlineScript;
  const server = spawn(process.execPath, [script, 'serve', '--port', '0'], {
    env: { ...environment, LEDGERLINE_DATA_DIR: dataDir, LOG_LEVEL: '' },
  });
  let output = '';
  const address = await new Promise<string>((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /API: (http:\/\/\S+)\/api\/v1/.exec(output);
      if (match) resolve(match[1]!);
    });
    server.stderr.on('data', (chunk) => { output += chunk; });
    server.on('exit', () => reject(new Error(`The server exited before it listened:\n${output}`)));
  });
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  return { address, stop };
}
