/**
 * Journal lines from a CSV file (`ledgerline journal import --batch CASHRCPT/GENERAL --csv receipts.csv`).
 * The header row names the fields of a journal line as the API spells them (postingDate, documentNo,
 * accountType, accountNo, amount, appliesToDocNo …); an empty cell leaves the field to the batch's
 * defaults. Every row is checked here first, and all the errors are reported at once by row (the
 * file's line, the header being row 1) and column; the lines then go to the API in one request,
 * so a file is imported completely or not at all.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { journalLineCreate } from '../../core/journal/journal-batch.schemas.ts';

export interface CsvJournal {
  lines: Record<string, unknown>[];
  /** The file row each line came from, for errors the API reports by position. */
  rows: number[];
}

const fields = Object.keys(journalLineCreate.shape);

export function readJournalCsv(file: string): CsvJournal {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the CSV file ${file}: ${(error as Error).message}`);
  }
  const records = parseCsv(text, file);
  const header = records[0]?.info.columns.map((column) => ('name' in column ? column.name : '')) ?? [];
  const unknown = header.filter((name) => !fields.includes(name));
  if (unknown.length > 0) {
    throw new Error(`${file}: row 1: ${unknown.map((name) => `column '${name}'`).join(', ')} is not a field of a journal line; the columns may be ${fields.join(', ')}.`);
  }
  if (records.length === 0) throw new Error(`${file} holds no journal lines: a header row and at least one row are needed.`);
  const errors: string[] = [];
  const lines = records.map(({ record, info }) => {
    const line = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== '')
      .map(([name, value]) => [name, name === 'lineNo' && /^\d+$/.test(value) ? Number(value) : value]));
    const parsed = journalLineCreate.safeParse(line);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(`row ${info.lines}, column ${String(issue.path[0] ?? '?')}: ${issue.message}`);
    }
    return line;
  });
  if (errors.length > 0) throw new Error(`${file} has ${errors.length} error(s); nothing was imported:\n  ${errors.join('\n  ')}`);
  return { lines, rows: records.map(({ info }) => info.lines) };
}

type CsvRecord = { record: Record<string, string>; info: { lines: number; columns: ({ name: string } | { disabled: true })[] } };

function parseCsv(text: string, file: string): CsvRecord[] {
  try {
    return parse(text, { columns: true, info: true, bom: true, skip_empty_lines: true, trim: true }) as unknown as CsvRecord[];
  } catch (error) {
    throw new Error(`${file} is not a valid CSV file: ${(error as Error).message}`);
  }
}

/** The API names a refused line by its position (`lines.3.amount`): say which row and column that is. */
export function inCsvTerms(problem: { code?: string; detail?: string; errors?: { field: string; message: string }[] } | undefined, rows: readonly number[]): string {
  const located = (problem?.errors ?? []).map((entry) => {
    const match = /^lines\.(\d+)\.?(.*)$/.exec(entry.field);
    const row = match ? rows[Number(match[1])] : undefined;
    return row === undefined ? `${entry.field}: ${entry.message}` : `row ${row}${match![2] ? `, column ${match![2]}` : ''}: ${entry.message}`;
  });
  return `${problem?.code ?? 'ERROR'}: ${problem?.detail ?? 'the import was refused'}; nothing was imported.${located.map((text) => `\n  ${text}`).join('')}`;
}
