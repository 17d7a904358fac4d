import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, templateDataDir } from './server.ts';

const root = join(import.meta.dirname, '../../..');

/** Where the browser tests leave their screenshots; emptied once per run, before the test files start (they run side by side). */
export const artifacts = join(root, 'test-artifacts/e2e');

/**
 * The browser tests test the web app as src/web has it now, so they build it first (a second or
 * two), and make the template database (server.ts). The build runs in its own process: vitest's
 * NODE_ENV=test would otherwise give React's development build.
 */
export default async function buildWebApp() {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  // The build and the template (each a process of its own) side by side: two cores, twice the work.
  await Promise.all([viteBuild(), makeTemplateDataDir()]);
}

function viteBuild(): Promise<void> {
  const build = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root, env: { ...process.env, NODE_ENV: 'production' },
  });
  let output = '';
  build.stdout.on('data', (chunk) => { output += chunk; });
  build.stderr.on('data', (chunk) => { output += chunk; });
  return new Promise((resolve, reject) => {
    build.on('error', reject);
    build.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed:\n${output}`))));
  });
}

/** The database every test file's server starts from: the server's own first start, stopped cleanly. */
async function makeTemplateDataDir() {
  rmSync(templateDataDir, { recursive: true, force: true });
  mkdirSync(templateDataDir, { recursive: true });
  const server = await startServer({ dataDir: templateDataDir });
  await server.stop();
}
