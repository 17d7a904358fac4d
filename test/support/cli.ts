import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** The `ledgerline` program as a user starts it. */
export const ledgerlineBin = join(import.meta.dirname, '../../bin/ledgerline.js');

/**
 * A data and config directory of the test file's own, made before its tests and removed after
 * them, and the environment that points `ledgerline` at it (embedded database, no server).
 */
export function useCliWorkspace(prefix: string): { environment: () => NodeJS.ProcessEnv } {
  let workDir: string;
  let environment: NodeJS.ProcessEnv;
  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), prefix));
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    environment = { ...rest, LEDGERLINE_DATA_DIR: join(workDir, 'data'), LEDGERLINE_CONFIG_DIR: join(workDir, 'config'), LEDGERLINE_SERVER: '' };
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));
  return { environment: () => environment };
}

/** Runs `ledgerline` to the end: exit status, output, and the output as JSON. */
export function runLedgerline(environment: NodeJS.ProcessEnv, args: readonly string[], timeout = 60_000) {
  const result = spawnSync(process.execPath, [ledgerlineBin, ...args], { env: environment, encoding: 'utf8', timeout });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) };
}
