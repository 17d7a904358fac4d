/**
 * `ledgerline journal post --file lines.json` and `journal preview --file …`: a general journal from
 * a JSON file, through the API (POST /api/v1/generalJournal/post or …/preview). The file holds
 * `{ "lines": [ … ] }` or just the array of lines; `-` reads standard input.
 */
import { readFileSync } from 'node:fs';
import type { Command, Option } from 'commander';
import type { ApiClient, ApiResponse } from './api-client.ts';

/** What main.ts lends every command: the API connection, the answer check and the printer. */
export interface CliCommandKit {
  withApi(server: string | undefined, work: (api: ApiClient) => Promise<void>): Promise<void>;
  expectOk(response: ApiResponse): unknown;
  print(value: unknown): void;
  serverOption: Option;
}

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
