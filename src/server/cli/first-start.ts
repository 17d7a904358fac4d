/**
 * The embedded database's first start (initdb, migrations, the demo company) runs in a process of its
 * own: PGlite's initdb alone took the process to ~1 GB of resident memory, which a long-running server
 * would have kept for its whole life. The server then opens the prepared data directory.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { CliCommandKit } from './command-kit.ts';
import { isEmpty, loadDemo, openCliDatabase } from './runtime.ts';
import { readConfig } from '../config.ts';

/** Whether `dataDir` holds an embedded database already (PGlite writes PG_VERSION at initdb). */
export function embeddedDatabaseExists(dataDir: string): boolean {
  return existsSync(join(dataDir, 'pgdata', 'PG_VERSION'));
}

/** The command the child process runs; hidden, as only `serve` calls it. */
export function registerFirstStartCommand(program: Command, kit: CliCommandKit): void {
  program.command('first-start', { hidden: true })
    .description('Create and migrate the embedded database and load the demo company into it (run by serve)')
    .option('--no-demo', 'do not load the demo company')
    .action(async (options: { demo: boolean }) => {
      const handle = await openCliDatabase(kit.io, readConfig(kit.io.env));
      try {
        if (options.demo && (await isEmpty(handle.db))) await loadDemo(handle.db, kit.io.stdout);
      } finally {
        await handle.close();
      }
    });
}

/** Runs `first-start` as a child process of this same program, its output shown as this process's own. */
export async function runFirstStartProcess(env: NodeJS.ProcessEnv, demo: boolean): Promise<void> {
  const script = process.argv[1];
  if (!script) throw new Error('Cannot tell which program to run for the first start.');
  // The loader flags (tsx) carry over; a debugger's or profiler's would fight over the parent's port or files.
  const flags = process.execArgv.filter((flag) => !/^--(inspect|cpu-prof|heap-prof|prof)/.test(flag));
  const child = spawn(process.execPath, [...flags, script, 'first-start', ...(demo ? [] : ['--no-demo'])], { env, stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`The first start of the embedded database failed (exit code ${code}); see the messages above.`);
}
