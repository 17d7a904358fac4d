import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');

/** Where the browser tests leave their screenshots; emptied once per run, before the test files start (they run side by side). */
export const artifacts = join(root, 'test-artifacts/e2e');

/**
 * The browser tests test the web app as src/web has it now, so they build it first (a second or
 * two). In its own process: vitest's NODE_ENV=test would otherwise give React's development build.
 */
export default function buildWebApp() {
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root, env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}${result.stderr}`);
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
}
