/**
 * Fingerprints let an import skip what it has seen (spec §22.2 "already imported transactions are
 * not re-imported"): the bank's own reference when there is one, else the account, booking date,
 * amount and normalised text. Two identical transactions in one file (two equal fees on one day)
 * are told apart by their order, '#2', '#3', which is the same every time the file is read.
 */
import type { ParsedStatement, ParsedStatementDraft, StatementTransactionDraft } from './statement-file.ts';

export function normalizeFingerprintText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function baseFingerprint(account: string, transaction: StatementTransactionDraft): string {
  if (transaction.bankReference !== '') return `ref|${account}|${transaction.bankReference}`;
  const text = normalizeFingerprintText(transaction.transactionText || transaction.additionalTransactionInfo);
  return `txt|${account}|${transaction.bookingDate}|${transaction.amount.toString()}|${text}`;
}

/** The statements with a fingerprint on every transaction, distinct within the file. */
export function withFingerprints(statements: readonly ParsedStatementDraft[]): ParsedStatement[] {
  const seen = new Map<string, number>();
  return statements.map((statement) => {
    const account = statement.accountIban || statement.accountNo;
    const transactions = statement.transactions.map((transaction) => {
      const base = baseFingerprint(account, transaction);
      const occurrence = (seen.get(base) ?? 0) + 1;
      seen.set(base, occurrence);
      return { ...transaction, fingerprint: occurrence === 1 ? base : `${base}#${occurrence}` };
    });
    return { ...statement, transactions };
  });
}
