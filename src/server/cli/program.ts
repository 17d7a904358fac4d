/**
 * The `ledgerline` command as a function: `runCli(args, io)` builds the commander program for one
 * run, runs it and returns the exit code. The binary passes the process's io (main.ts); tests run
 * it in-process with captured output, so nothing here writes to the process or ends it (bar `serve`).
 */
import { Command, CommanderError, Option } from 'commander';
import { DomainError } from '../../core/errors.ts';
import { readConfig } from '../config.ts';
import { innermostMessage, isDatabaseUnavailable } from '../db/connection-errors.ts';
import { connectApi, type ApiClient, type ApiResponse } from './api-client.ts';
import { registerBankCommands } from './bank-command.ts';
import type { CliIo } from './cli-io.ts';
import type { CliCommandKit } from './command-kit.ts';
import { registerJournalCommands } from './journal-command.ts';
import { registerMakeOrderCommand } from './make-order-command.ts';
import { registerPdfCommand } from './pdf-command.ts';
import { registerEmailCommands } from './email-command.ts';
import { registerEInvoiceCommand } from './einvoice-command.ts';
import { registerCompanyLogoCommands } from './company-logo-command.ts';
import { registerPaymentServiceCommands } from './payment-service-command.ts';
import { registerPrepaymentCommands } from './prepayment-command.ts';
import { registerApprovalCommands } from './approval-command.ts';
import { registerAvailabilityCommands } from './availability-command.ts';
import { registerAssemblyCommands } from './assembly-command.ts';
import { registerPostingCommands } from './posting-command.ts';
import { registerReceivablesCommands } from './receivables-command.ts';
import { registerRecurringSalesCommands } from './recurring-sales-command.ts';
import { registerRecordCommands } from './record-command.ts';
import { registerServerCommands } from './server-command.ts';
import { serverAddressOf } from '../db/data-dir-lock.ts';

export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  // The run's own environment: --work-date goes there, not into the process's or the next run's.
  const run: CliIo = { ...io, env: { ...io.env } };
  let exitCode = 0;
  const program = buildProgram(run, (code) => { exitCode = code; });
  try {
    await program.parseAsync(args, { from: 'user' });
    return exitCode;
  } catch (error) {
    // Commander has written its message (a usage error, the help) already and says how to end.
    if (error instanceof CommanderError) return error.exitCode;
    run.stderr.write(`ledgerline: ${describeError(error)}\n`);
    return 1;
  }
}

/** `run.env` is the run's own: the --work-date hook writes to it. */
function buildProgram(run: CliIo, setExitCode: (code: number) => void): Command {
  // Set before any subcommand exists: commander copies both to the subcommands as they are made.
  const program = new Command('ledgerline')
    .configureOutput({ writeOut: (text) => run.stdout.write(text), writeErr: (text) => run.stderr.write(text) })
    .exitOverride()
    .description('Ledgerline sales management: server, database and API from the command line.')
    .option('--work-date <date>', 'the business date for this command, YYYY-MM-DD (default: $LEDGERLINE_WORK_DATE or today)')
    .hook('preAction', (command) => {
      const workDate = command.opts().workDate as string | undefined;
      if (workDate) run.env.LEDGERLINE_WORK_DATE = workDate;
    })
    .showHelpAfterError();
  const kit: CliCommandKit = {
    io: run,
    withApi: (server, work) => withApi(run, server, work),
    expectOk,
    print: (value) => run.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    setExitCode,
    serverOption: new Option('--server <url>', 'talk to this running server (default: $LEDGERLINE_SERVER, the saved login, else the database directly)'),
  };
  registerServerCommands(program, kit);
  registerRecordCommands(program, kit);
  registerPostingCommands(program, kit);
  registerMakeOrderCommand(program, kit);
  registerAvailabilityCommands(program, kit);
  registerAssemblyCommands(program, kit);
  registerPrepaymentCommands(program, kit);
  registerApprovalCommands(program, kit);
  registerJournalCommands(program, kit);
  registerBankCommands(program, kit);
  registerReceivablesCommands(program, kit);
  registerRecurringSalesCommands(program, kit);
  registerPdfCommand(program, kit);
  registerEmailCommands(program, kit);
  registerEInvoiceCommand(program, kit);
  registerPaymentServiceCommands(program, kit);
  registerCompanyLogoCommands(program, kit);
  return program;
}

async function withApi(io: CliIo, server: string | undefined, work: (api: ApiClient) => Promise<void>) {
  const api = await connectApi(readConfig(io.env), server, io);
  try {
    await work(api);
  } finally {
    await api.close();
  }
}

/** An API problem becomes a CLI error with the same code, detail and field messages. */
class ApiError extends Error {
  constructor(readonly response: ApiResponse) {
    const problem = response.body as { code?: string; detail?: string; errors?: { field: string; message: string }[] } | undefined;
    const fields = problem?.errors?.map((entry) => `\n  ${entry.field}: ${entry.message}`).join('') ?? '';
    super(`${problem?.code ?? `HTTP ${response.status}`}: ${problem?.detail ?? 'request failed'}${fields}`);
  }
}

function expectOk(response: ApiResponse): unknown {
  if (response.status >= 400) throw new ApiError(response);
  return response.body;
}

function describeError(error: unknown): string {
  if (isDatabaseUnavailable(error)) return `DATABASE_UNAVAILABLE: the database server cannot be reached (${innermostMessage(error)}); check DATABASE_URL and that the server is running.`;
  if (!(error instanceof DomainError)) return error instanceof Error ? error.message : String(error);
  const server = error.code === 'DATABASE_LOCKED' ? serverAddressOf(String(error.params.dataDir)) : undefined;
  const hint = error.code === 'DATABASE_LOCKED'
    ? `\n  ${server ? 'The server' : 'A server'} is using it: sign in to it with \`ledgerline login --server ${server ?? 'http://127.0.0.1:<its port>'} --username …\` and run the command again.`
    : '';
  return `${error.code}: ${error.message}${hint}`;
}
