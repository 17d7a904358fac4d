import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer, templateDataDir } from './server.ts';
import { bundleServer } from './server-script.ts';

const root = join(import.meta.dirname, '../../..');

/** Where the browser tests leave their screenshots; emptied once per run, before the test files start (they run side by side). */
export const artifacts = join(root, 'test-artifacts/e2e');

/**
 * The browser tests test the web app and the server as src/ has them now, so they build the web app
 * first (a second or two) and bundle the server (server-script.ts), and make the template database
 * (server.ts). The build runs in its own process: vitest's NODE_ENV=test would otherwise give
 * React's development build.
 */
export default async function buildWebApp(project: TestProject) {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  // The build and the template (each a process of its own) side by side: two cores, twice the work.
  const serverScript = bundleServer();
  await Promise.all([viteBuild(), serverScript.then(makeTemplateDataDir)]);
  project.provide('e2eServerScript', await serverScript);
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
async function makeTemplateDataDir(serverScript: string): Promise<void> {
  rmSync(templateDataDir, { recursive: true, force: true });
  mkdirSync(templateDataDir, { recursive: true });
  const server = await startServer({ dataDir: templateDataDir, script: serverScript });
  await server.stop();
}
