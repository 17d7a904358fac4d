/**
 * What one run of the `ledgerline` command talks to: where its output goes, the environment it
 * reads, and how it opens the database. The binary passes the process's own (processIo); tests run
 * the command in-process with captured output and a database kept open across their commands.
 */
import type { ServerConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/connection.ts';

/** process.stdout and process.stderr are ones; a test's is a string buffer. */
export interface CliOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
  /** Read, never written: a run's `--work-date` goes into the run's own copy (program.ts). */
  env: NodeJS.ProcessEnv;
  /**
   * Opens the migrated database; the handle's close() ends the command's use of it. Absent, every
   * command opens and closes it itself, as a user's does; a test file lends one open handle instead.
   */
  openDatabase?: (config: ServerConfig) => Promise<DatabaseHandle>;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}
