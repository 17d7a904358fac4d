/** The one entry for an uploaded statement file: detect the format, read it, or refuse it as a whole. */
import { DomainError } from '../../errors.ts';
import { parseCamt } from './camt.ts';
import { parseCsvStatement, type CsvStatementMapping, type CsvStatementOptions } from './csv-statement.ts';
import { detectStatementFileKind } from './detect-format.ts';
import { parseMt940 } from './mt940.ts';
import type { ParsedStatementFile } from './statement-file.ts';

export interface StatementFileOptions extends CsvStatementOptions {
  /** The bank account's saved CSV mapping; a CSV file cannot be read without one. */
  readonly csvMapping?: CsvStatementMapping | null;
}

export function parseStatementFile(fileName: string, content: string, options: StatementFileOptions = {}): ParsedStatementFile {
  const parseOptions = { ...options, fileName };
  const kind = detectStatementFileKind(content);
  if (kind === 'camt' || kind === 'xml') return parseCamt(content, parseOptions);
  if (kind === 'mt940') return parseMt940(content, parseOptions);
  if (content.trim() === '') throw new DomainError('STATEMENT_FILE_EMPTY', { fileName, what: 'data (the file is empty)' });
  if (!options.csvMapping) {
    throw new DomainError('STATEMENT_FORMAT_UNKNOWN', {
      fileName,
      reason: 'it is neither camt XML nor MT940, and the bank account has no CSV column mapping to read it as CSV',
    });
  }
  return parseCsvStatement(content, options.csvMapping, parseOptions);
}
