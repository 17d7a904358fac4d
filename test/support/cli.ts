import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { readConfig, type ServerConfig } from '../../src/server/config.ts';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/connection.ts';
import type { CliOutput } from '../../src/server/cli/cli-io.ts';
import { runCli } from '../../src/server/cli/program.ts';
import { openMigratedDatabase } from '../../src/server/cli/runtime.ts';

/** The `ledgerline` program as a user starts it. */
export const ledgerlineBin = join(import.meta.dirname, '../../bin/ledgerline.js');

/** What a run of `ledgerline` left: exit status, output, and the output as JSON. */
export interface LedgerlineRun {
  status: number | null;
  stdout: string;
  stderr: string;
  json(): any;
}

/**
 * The embedded database of each data directory, opened (and migrated) once for the test file: loading
 * PGlite takes seconds, a command a fraction of one. A lent handle's close() leaves it open; the real
 * close is closeLentDatabases(), after the file's tests or before another process needs the directory.
 */
const lentDatabases = new Map<string, Promise<DatabaseHandle>>();

async function lendDatabase(config: ServerConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openMigratedDatabase(config);
  const { dataDir } = config;
  let opened = lentDatabases.get(dataDir);
  if (!opened) {
    const opening = existsSync(join(dataDir, 'pgdata', 'PG_VERSION')) ? openMigratedDatabase(config) : openFromTemplate(dataDir);
    // A refusal (DATABASE_LOCKED while a server holds the directory) is the command's answer, not kept.
    opening.catch(() => { if (lentDatabases.get(dataDir) === opening) lentDatabases.delete(dataDir); });
    lentDatabases.set(dataDir, opening);
    opened = opening;
  }
  return { ...(await opened), close: async () => undefined };
}

/**
 * A new data directory starts as a copy of the run's migrated template (database-global-setup.ts):
 * initdb and every migration took 15-20 s, the copy a third of that. The spawned `migrate` in
 * cli.test.ts still builds one from nothing.
 */
async function openFromTemplate(dataDir: string): Promise<DatabaseHandle> {
  const handle = await openDatabase({ dataDir, loadDataDir: new Blob([readFileSync(inject('databaseTemplate'))]) });
  try {
    await handle.migrate();
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export async function closeLentDatabases(): Promise<void> {
  const opened = [...lentDatabases.values()];
  lentDatabases.clear();
  for (const handle of await Promise.allSettled(opened)) {
    if (handle.status === 'fulfilled') await handle.value.close();
  }
}

/**
 * A data and config directory of the test file's own, made before its tests and removed after
 * them, and the environment that points `ledgerline` at it (embedded database, no server).
 * `database()` is the directory's database as the in-process commands see it, for setting up and
 * checking; `release()` closes it before a spawned process (a server) takes the directory.
 */
export function useCliWorkspace(prefix: string) {
  let workDir: string;
  let environment: NodeJS.ProcessEnv;
  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), prefix));
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    environment = { ...rest, LEDGERLINE_DATA_DIR: join(workDir, 'data'), LEDGERLINE_CONFIG_DIR: join(workDir, 'config'), LEDGERLINE_SERVER: '' };
  });
  afterAll(async () => {
    await closeLentDatabases();
    rmSync(workDir, { recursive: true, force: true });
  });
  return {
    environment: () => environment,
    workDir: () => workDir,
    database: () => lendDatabase(readConfig(environment)),
    release: closeLentDatabases,
  };
}

/** Runs `ledgerline` in this process to the end, on the test file's lent databases. */
export async function runLedgerline(environment: NodeJS.ProcessEnv, args: readonly string[]): Promise<LedgerlineRun> {
  const stdout = captured();
  const stderr = captured();
  const status = await runCli(args, { stdout, stderr, env: environment, openDatabase: lendDatabase });
  return { status, stdout: stdout.text, stderr: stderr.text, json: () => JSON.parse(stdout.text) };
}

function captured(): CliOutput & { readonly text: string } {
  let text = '';
  return { isTTY: false, write: (chunk: string) => { text += chunk; }, get text() { return text; } };
}

/** Runs the `ledgerline` binary as a process of its own, as a user does. */
export function spawnLedgerline(environment: NodeJS.ProcessEnv, args: readonly string[], timeout = 60_000): LedgerlineRun {
  const result = spawnSync(process.execPath, [ledgerlineBin, ...args], { env: environment, encoding: 'utf8', timeout });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) };
}
