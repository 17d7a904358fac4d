/**
 * `ledgerline import-statement --bank-account CHECKING statement.xml`: a bank statement file
 * (camt.052/053/054, MT940/MT942, or CSV read with the bank account's saved mapping) into a
 * payment reconciliation journal, then Apply Automatically on it; and `ledgerline reconciliation
 * apply-automatically | preview | post` for a journal. Everything goes through the API, to a
 * server or in-process on the database, like every other command.
 *
 * Import and Apply Automatically are two requests, so each is a phase of its own on the progress
 * line and a large file's wait is explained. The import stays whole-or-nothing on its own; if
 * matching then fails, the lines are kept and the message says how to run it again.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { ApiClient } from './api-client.ts';
import type { CliCommandKit } from './command-kit.ts';
import { formatBytes, phaseProgress } from './phase-progress.ts';

interface ImportResult {
  bankAccountNo: string; statementNo: string; fileName: string; format: string; statements: number;
  imported: number; skipped: number; applied: number; warnings: string[];
}
interface ApplyResult { lines: number; matched: number; byConfidence: Record<string, number> }
interface ImportOptions { bankAccount: string; statementNo?: string; apply: boolean; progress?: boolean; server?: string }

const bankAccountOption = ['--bank-account <no>', 'the bank account, e.g. CHECKING'] as const;
const statementNoOption = ['--statement-no <no>', 'the payment reconciliation journal (statement no.), e.g. 1'] as const;

export function registerBankCommands(program: Command, kit: CliCommandKit): void {
  program.command('import-statement <file>')
    .description('Import a bank statement file (camt.052/053/054, MT940/MT942, or CSV with the bank account\'s mapping) into a payment reconciliation journal and '
      + 'Apply Automatically, e.g. `import-statement --bank-account CHECKING statement.xml`; transactions imported before are skipped')
    .requiredOption(...bankAccountOption)
    .option('--statement-no <no>', 'into this open journal (default: a new journal with the next statement no.)')
    .option('--no-apply', 'leave the lines unmatched (no Apply Automatically)')
    .option('--progress', 'show the phases on standard error even when it is not a terminal')
    .option('--no-progress', 'show no progress, even on a terminal')
    .addOption(kit.serverOption)
    .action((file: string, options: ImportOptions) => importStatement(kit, file, options));
  registerReconciliationCommands(program, kit);
}

async function importStatement(kit: CliCommandKit, file: string, options: ImportOptions): Promise<void> {
  const progress = phaseProgress(options.apply ? 3 : 2, { out: kit.io.stderr, show: options.progress ?? Boolean(kit.io.stderr.isTTY) });
  const statement = await progress.run('read', () => readStatementFile(file), (read) => `${read.fileName}, ${formatBytes(read.bytes)}`);
  await kit.withApi(options.server, async (api) => {
    const bankPath = `/api/v1/bankAccounts/${encodeURIComponent(options.bankAccount)}`;
    const path = options.statementNo === undefined ? `${bankPath}/statementImports` : `${bankPath}/paymentReconciliations/${encodeURIComponent(options.statementNo)}/import`;
    const body = { fileName: statement.fileName, content: statement.content, applyAutomatically: false };
    const imported = await progress.run('import', async () => kit.expectOk(await api.request('POST', path, body)) as ImportResult,
      (result) => `${result.imported} imported, ${result.skipped} skipped into journal ${result.statementNo}${result.warnings.length > 0 ? `, ${result.warnings.length} warning(s)` : ''}`);
    let applied: ApplyResult | undefined;
    if (options.apply && imported.imported === 0) progress.skip('apply automatically', 'no new lines');
    else if (options.apply) applied = await progress.run('apply automatically', () => applyAutomatically(kit, api, imported), (result) => `${result.matched} of ${result.lines} lines matched`);
    kit.print({
      bankAccountNo: imported.bankAccountNo, statementNo: imported.statementNo, fileName: imported.fileName, format: imported.format, statements: imported.statements,
      imported: imported.imported, skipped: imported.skipped, applied: applied?.matched ?? 0, byConfidence: applied?.byConfidence ?? {}, warnings: imported.warnings,
    });
  });
}

/** Read as a whole, as the API takes it; `-` is standard input. */
function readStatementFile(file: string): { fileName: string; content: string; bytes: number } {
  let buffer: Buffer;
  try {
    buffer = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    throw new Error(`Cannot read the statement file ${file}: ${(error as Error).message}`);
  }
  return { fileName: file === '-' ? 'stdin' : basename(file), content: buffer.toString('utf8'), bytes: buffer.length };
}

async function applyAutomatically(kit: CliCommandKit, api: ApiClient, imported: ImportResult): Promise<ApplyResult> {
  const path = `${statementPath(imported.bankAccountNo, imported.statementNo)}/applyAutomatically`;
  try {
    return kit.expectOk(await api.request('POST', path)) as ApplyResult;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n  The statement was imported into journal ${imported.statementNo} (${imported.imported} line(s)); `
      + `match it with \`ledgerline reconciliation apply-automatically --bank-account ${imported.bankAccountNo} --statement-no ${imported.statementNo}\`.`);
  }
}

function statementPath(bankAccountNo: string, statementNo: string): string {
  return `/api/v1/bankAccounts/${encodeURIComponent(bankAccountNo)}/paymentReconciliations/${encodeURIComponent(statementNo)}`;
}

function registerReconciliationCommands(program: Command, kit: CliCommandKit): void {
  const reconciliation = program.command('reconciliation')
    .description('Payment reconciliation journals: Apply Automatically, Test Report (preview) and Post');
  reconciliation.command('apply-automatically')
    .description('Apply Automatically: match every line not applied by hand or accepted, e.g. `reconciliation apply-automatically --bank-account CHECKING --statement-no 1`')
    .requiredOption(...bankAccountOption)
    .requiredOption(...statementNoOption)
    .addOption(kit.serverOption)
    .action(async (options: { bankAccount: string; statementNo: string; server?: string }) =>
      kit.withApi(options.server, async (api) => kit.print(kit.expectOk(await api.request('POST', `${statementPath(options.bankAccount, options.statementNo)}/applyAutomatically`)))));
  for (const [name, summary] of [['post', 'Post'], ['preview', 'Test Report (nothing is written) of']] as const) {
    reconciliation.command(name)
      .description(`${summary} a journal: Post Payments and Reconcile Bank Account, or with --payments-only Post Payments Only; `
        + `e.g. \`reconciliation ${name} --bank-account CHECKING --statement-no 1\``)
      .requiredOption(...bankAccountOption)
      .requiredOption(...statementNoOption)
      .option('--payments-only', 'post the payments without reconciling the bank account')
      .addOption(kit.serverOption)
      .action(async (options: { bankAccount: string; statementNo: string; paymentsOnly?: boolean; server?: string }) =>
        kit.withApi(options.server, async (api) => {
          const body = { reconcile: !options.paymentsOnly };
          kit.print(kit.expectOk(await api.request('POST', `${statementPath(options.bankAccount, options.statementNo)}/${name}`, body)));
        }));
  }
}
