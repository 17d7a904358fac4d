/**
 * `ledgerline journal post --file lines.json` and `journal preview --file …`: a general journal from
 * a JSON file, through the API (POST /api/v1/generalJournal/post or …/preview). The file holds
 * `{ "lines": [ … ] }` or just the array of lines; `-` reads standard input.
 * `journal import --batch CASHRCPT/GENERAL --csv receipts.csv` adds CSV rows to a journal batch and
 * `journal post-batch --batch CASHRCPT/GENERAL` (or `preview-batch`) posts it (journal-import.ts).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliCommandKit } from './command-kit.ts';
import { inCsvTerms, readJournalCsv } from './journal-import.ts';

export function registerJournalCommands(program: Command, kit: CliCommandKit): void {
  const journal = program.command('journal')
    .description('General journal: post or preview journal lines (G/L, customer, vendor, bank account) from a JSON file');
  for (const [name, summary] of [['post', 'Post'], ['preview', 'Preview (nothing is written) of']] as const) {
    journal.command(name)
      .description(`${summary} the journal lines in a file, e.g. \`journal ${name} --file lines.json\`; consecutive lines with the same posting date and document no. form one transaction`)
      .requiredOption('--file <path>', 'JSON file with {"lines": [...]} or an array of lines; - reads standard input')
      .addOption(kit.serverOption)
      .action(async (options: { file: string; server?: string }) => {
        const body = readJournalFile(options.file);
        await kit.withApi(options.server, async (api) => kit.print(kit.expectOk(await api.request('POST', `/api/v1/generalJournal/${name}`, body))));
      });
  }
  registerBatchCommands(journal, kit);
}

const batchOption = ['--batch <template/batch>', 'the journal batch, e.g. CASHRCPT/GENERAL (template name / batch name)'] as const;

function registerBatchCommands(journal: Command, kit: CliCommandKit): void {
  journal.command('import')
    .description('Add the rows of a CSV file to a journal batch, all or none; the header row names the fields (postingDate, documentNo, accountType, accountNo, amount, appliesToDocNo, …), empty cells take the batch\'s defaults')
    .requiredOption(...batchOption)
    .requiredOption('--csv <path>', 'CSV file with a header row; - reads standard input')
    .addOption(kit.serverOption)
    .action(async (options: { batch: string; csv: string; server?: string }) => {
      const path = batchPath(options.batch);
      const csv = readJournalCsv(options.csv);
      await kit.withApi(options.server, async (api) => {
        const response = await api.request('POST', `${path}/importLines`, { lines: csv.lines });
        if (response.status >= 400) throw new Error(inCsvTerms(response.body as Parameters<typeof inCsvTerms>[0], csv.rows));
        const { lines } = response.body as { lines: { lineNo: number; documentNo: string }[] };
        kit.print({ imported: lines.length, lines: lines.map((line) => ({ lineNo: line.lineNo, documentNo: line.documentNo })) });
      });
    });
  for (const [name, action, summary] of [['post-batch', 'post', 'Post'], ['preview-batch', 'preview', 'Preview (nothing is written) of']] as const) {
    journal.command(name)
      .description(`${summary} a journal batch in one transaction, e.g. \`journal ${name} --batch CASHRCPT/GENERAL\`${action === 'post' ? '; its lines are deleted once posted' : ''}`)
      .requiredOption(...batchOption)
      .addOption(kit.serverOption)
      .action(async (options: { batch: string; server?: string }) => {
        const path = batchPath(options.batch);
        await kit.withApi(options.server, async (api) => kit.print(kit.expectOk(await api.request('POST', `${path}/${action}`))));
      });
  }
}

function batchPath(batch: string): string {
  const [template, name, ...rest] = batch.split('/').map((part) => part.trim());
  if (!template || !name || rest.length > 0) throw new Error(`--batch must name the template and the batch, e.g. CASHRCPT/GENERAL (it is '${batch}').`);
  return `/api/v1/journalTemplates/${encodeURIComponent(template)}/batches/${encodeURIComponent(name)}`;
}

export function readJournalFile(file: string): { lines: unknown } {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the journal file ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`The journal file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return Array.isArray(parsed) ? { lines: parsed } : (parsed as { lines: unknown });
}
