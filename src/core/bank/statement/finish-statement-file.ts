/** The last step every parser shares: refuse an empty or unbalanced file, then draw the fingerprints. */
import { DomainError } from '../../errors.ts';
import { assertStatementsBalance } from './balance-check.ts';
import { withFingerprints } from './fingerprint.ts';
import type { ParsedStatementDraft, ParsedStatementFile, StatementFormat, StatementParseOptions } from './statement-file.ts';
import { defaultFileName } from './statement-file.ts';

export function finishStatementFile(
  format: StatementFormat,
  statements: readonly ParsedStatementDraft[],
  options: StatementParseOptions,
): ParsedStatementFile {
  const fileName = options.fileName ?? defaultFileName;
  if (statements.length === 0) throw new DomainError('STATEMENT_FILE_EMPTY', { fileName, what: 'statement' });
  if (options.checkBalances ?? true) assertStatementsBalance(statements, fileName);
  return { fileName, format, statements: withFingerprints(statements) };
}
