import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');

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
 * company, admin/admin). The address comes from its "API:" line.
 */
export async function startServer(options: { dataDir?: string } = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ledgerline-e2e-'));
  if (!options.dataDir && existsSync(templateDataDir)) cpSync(templateDataDir, dataDir, { recursive: true });
  const { DATABASE_URL: _ignored, ...environment } = process.env;
  const server = spawn(process.execPath, [join(root, 'bin/ledgerline.js'), 'serve', '--port', '0'], {
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
