/**
 * CSV statements, read with the column mapping saved on the bank account (csv-mapping.schemas.ts):
 * one transaction per row, the whole file refused — naming the row — when one row does not fit.
 * A CSV file names no account, balances or statement, so those come from the caller or stay empty.
 */
import { parse } from 'csv-parse/sync';
import { DomainError } from '../../errors.ts';
import type { IsoDate } from '../../dates/calendar-date.ts';
import type { CsvStatementMappingInput } from '../csv-mapping.schemas.ts';
import { csvAmount, csvDate } from './csv-values.ts';
import { finishStatementFile } from './finish-statement-file.ts';
import type { ParsedStatementFile, StatementParseOptions, StatementTransactionDraft } from './statement-file.ts';
import { defaultFileName } from './statement-file.ts';
import { cleanText, compactIban, looksLikeIban } from './statement-values.ts';

export type CsvStatementMapping = CsvStatementMappingInput;

export interface CsvStatementOptions extends StatementParseOptions {
  /** The bank account's IBAN or number: the file has none, and fingerprints need one. */
  readonly account?: string;
  /** The bank account's currency: the file has none. */
  readonly currency?: string;
}

type Column = CsvStatementMapping['dateColumn'];
type ColumnIndexes = Record<'date' | 'valueDate' | 'amount' | 'debit' | 'credit' | 'text' | 'name' | 'iban' | 'reference', number | null>;

interface CsvRow {
  readonly cells: readonly string[];
  /** The file's line the row ends on (header included), as a spreadsheet numbers its rows. */
  readonly line: number;
}

export function parseCsvStatement(text: string, mapping: CsvStatementMapping, options: CsvStatementOptions = {}): ParsedStatementFile {
  const fileName = options.fileName ?? defaultFileName;
  const rows = csvRows(text, mapping.delimiter, fileName);
  const header = mapping.headerRow ? rows.shift() : undefined;
  const columns = columnIndexes(mapping, header?.cells ?? null, fileName);
  if (rows.length === 0) throw new DomainError('STATEMENT_FILE_EMPTY', { fileName, what: 'transaction rows' });
  const transactions = rows.map((row) => readRow(row, mapping, columns, { fileName, currency: options.currency ?? '' }));
  const dates = transactions.map((transaction) => transaction.bookingDate).sort();
  const account = (options.account ?? '').trim();
  return finishStatementFile('csv', [{
    format: 'csv',
    statementId: '',
    statementNo: '',
    sequenceNo: '',
    accountIban: looksLikeIban(account) ? compactIban(account) : '',
    accountNo: looksLikeIban(account) ? '' : account,
    currency: options.currency ?? '',
    statementDate: dates[dates.length - 1] ?? null,
    fromDate: dates[0] ?? null,
    toDate: dates[dates.length - 1] ?? null,
    openingBalance: null,
    closingBalance: null,
    transactions,
  }], { ...options, fileName });
}

function csvRows(text: string, delimiter: string, fileName: string): CsvRow[] {
  try {
    const records = parse(text, { delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return records.map(({ record, info }) => ({ cells: record, line: info.lines }))
      .filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  } catch (error) {
    throw new DomainError('STATEMENT_FILE_MALFORMED', { fileName, reason: `it is not a CSV file with '${delimiter}' between columns (${(error as Error).message})` });
  }
}

function columnIndexes(mapping: CsvStatementMapping, header: readonly string[] | null, fileName: string): ColumnIndexes {
  const invalid = (reason: string) => new DomainError('STATEMENT_CSV_MAPPING_INVALID', { fileName, reason });
  if (mapping.amountColumn === undefined && (mapping.debitColumn === undefined || mapping.creditColumn === undefined)) {
    throw invalid('it needs an amount column, or a debit and a credit column');
  }
  const index = (column: Column | undefined): number | null => {
    if (column === undefined) return null;
    if (typeof column === 'number') return column;
    if (!header) throw invalid(`the column '${column}' is named by its heading, but the mapping says the file has no header row`);
    const wanted = column.trim().toLowerCase();
    const found = header.findIndex((heading) => heading.trim().toLowerCase() === wanted);
    if (found < 0) throw invalid(`the header row has no column '${column}' (it has ${header.map((heading) => `'${heading}'`).join(', ')})`);
    return found;
  };
  return {
    date: index(mapping.dateColumn), valueDate: index(mapping.valueDateColumn),
    amount: index(mapping.amountColumn), debit: index(mapping.debitColumn), credit: index(mapping.creditColumn),
    text: index(mapping.textColumn), name: index(mapping.counterpartyNameColumn),
    iban: index(mapping.counterpartyIbanColumn), reference: index(mapping.referenceColumn),
  };
}

interface RowContext {
  readonly fileName: string;
  readonly currency: string;
}

function readRow(row: CsvRow, mapping: CsvStatementMapping, columns: ColumnIndexes, context: RowContext): StatementTransactionDraft {
  const cell = (index: number | null) => (index === null ? '' : (row.cells[index] ?? '').trim());
  const place = { fileName: context.fileName, where: `row ${row.line}` };
  const date = (index: number | null, field: string): IsoDate | null => {
    if (cell(index) === '') return null;
    const parsed = csvDate(cell(index), mapping.dateFormat);
    if (parsed === null) throw new DomainError('STATEMENT_FIELD_INVALID', { ...place, field, value: cell(index), expected: `a date in the format ${mapping.dateFormat}` });
    return parsed;
  };
  const bookingDate = date(columns.date, 'the date');
  if (bookingDate === null) throw new DomainError('STATEMENT_FIELD_MISSING', { ...place, field: `date (column ${columns.date! + 1})` });
  const counterpartyAccount = cell(columns.iban);
  return {
    bookingDate,
    valueDate: date(columns.valueDate, 'the value date'),
    amount: rowAmount(cell, columns, mapping, place),
    currency: context.currency,
    status: 'booked',
    reversal: false,
    transactionText: cleanText(cell(columns.text)),
    additionalTransactionInfo: '',
    relatedPartyName: cleanText(cell(columns.name)),
    relatedPartyAddress: '',
    relatedPartyCity: '',
    relatedPartyBankAccountNo: looksLikeIban(counterpartyAccount) ? compactIban(counterpartyAccount) : counterpartyAccount,
    paymentReferenceNo: cleanText(cell(columns.reference)),
    bankReference: '',
    endToEndId: '',
    bankTransactionCode: '',
  };
}

/** The signed amount column, or the debit column (money paid, whatever its sign) and the credit column (money received). */
function rowAmount(cell: (index: number | null) => string, columns: ColumnIndexes, mapping: CsvStatementMapping, place: { fileName: string; where: string }) {
  const read = (index: number | null, field: string) => {
    if (cell(index) === '') return null;
    const amount = csvAmount(cell(index), mapping.decimalSeparator, mapping.thousandsSeparator);
    if (amount === null) {
      const expected = `an amount with '${mapping.decimalSeparator}' as decimal separator${mapping.thousandsSeparator ? ` and '${mapping.thousandsSeparator}' between thousands` : ''}`;
      throw new DomainError('STATEMENT_FIELD_INVALID', { ...place, field, value: cell(index), expected });
    }
    return amount;
  };
  if (columns.amount !== null) {
    const amount = read(columns.amount, 'the amount');
    if (amount === null) throw new DomainError('STATEMENT_FIELD_MISSING', { ...place, field: `amount (column ${columns.amount + 1})` });
    return amount;
  }
  const debit = read(columns.debit, 'the debit amount');
  const credit = read(columns.credit, 'the credit amount');
  if (debit !== null && credit !== null && !debit.isZero() && !credit.isZero()) {
    throw new DomainError('STATEMENT_FIELD_INVALID', { ...place, field: 'the debit and credit amounts', value: `${cell(columns.debit)} / ${cell(columns.credit)}`, expected: 'one amount (the other column empty or 0)' });
  }
  if (debit === null && credit === null) throw new DomainError('STATEMENT_FIELD_MISSING', { ...place, field: 'amount (neither a debit nor a credit)' });
  return debit !== null && !debit.isZero() ? debit.abs().negated() : (credit ?? debit)!.abs();
}
