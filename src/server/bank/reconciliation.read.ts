/**
 * The payment reconciliation journal as the API shows it: the statement with its totals and balances,
 * each line with its difference, account name, review flag and the entries it pays.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ReconciliationLineView, ReconciliationView } from '../../core/bank/reconciliation.views.ts';
import { dec } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { bankAccount, bankReconciliation, customer, customerLedgerEntry, glAccount, vendor } from '../db/schema/index.ts';
import {
  type AppliedPaymentEntryRow, type ReconciliationLineRow, type StatementKey, appliedEntriesOf, bankAccountBalance, differenceOf, findStatementLine,
  loadStatement, statementLines, statementTotals,
} from './reconciliation.queries.ts';

/** Lines a clerk must look at: Apply Automatically's rule asked for a review (the Low rules) and nobody has accepted it. */
export function reviewRequired(line: Pick<ReconciliationLineRow, 'matchConfidence' | 'matchDetails'>): boolean {
  if (line.matchConfidence === 'accepted' || line.matchConfidence === 'manual') return false;
  const details = line.matchDetails as { reviewRequired?: boolean } | null;
  return details?.reviewRequired ?? line.matchConfidence === 'low';
}

export async function readStatement(tx: Executor, key: StatementKey): Promise<ReconciliationView> {
  const { header } = await loadStatement(tx, key, { lock: false });
  const lines = await statementLines(tx, key);
  const totals = statementTotals(lines, reviewRequired);
  const balance = await bankAccountBalance(tx, key.bankAccountNo);
  return {
    ...header,
    bankAccountBalance: balance.toFixed(2), balanceAfterPosting: balance.plus(totals.totalStatementAmount).toFixed(2),
    totalStatementAmount: totals.totalStatementAmount.toFixed(2), totalApplied: totals.totalApplied.toFixed(2), totalDifference: totals.totalDifference.toFixed(2),
    linesToReview: totals.linesToReview, linesWithDifference: totals.linesWithDifference, lineCount: lines.length,
  };
}

export async function listStatements(tx: Executor, bankAccountNo: string): Promise<ReconciliationView[]> {
  const [bank] = await tx.select({ no: bankAccount.no }).from(bankAccount).where(eq(bankAccount.no, bankAccountNo));
  if (!bank) await loadStatement(tx, { bankAccountNo, statementNo: '' }, { lock: false });
  const headers = await tx.select({ statementNo: bankReconciliation.statementNo }).from(bankReconciliation)
    .where(eq(bankReconciliation.bankAccountNo, bankAccountNo)).orderBy(asc(bankReconciliation.statementNo));
  return Promise.all(headers.map((header) => readStatement(tx, { bankAccountNo, statementNo: header.statementNo })));
}

export async function readLines(tx: Executor, key: StatementKey, filter: 'all' | 'toReview' | 'withDifference' = 'all'): Promise<ReconciliationLineView[]> {
  const lines = (await statementLines(tx, key)).filter((line) => filter === 'all'
    || (filter === 'toReview' ? reviewRequired(line) : !differenceOf(line).isZero()));
  return lineViews(tx, lines, await appliedEntriesOf(tx, key));
}

export async function readLine(tx: Executor, key: StatementKey, lineNo: number): Promise<ReconciliationLineView> {
  const line = await findStatementLine(tx, key, lineNo);
  const [view] = await lineViews(tx, [line], await appliedEntriesOf(tx, key, lineNo));
  return view!;
}

async function lineViews(tx: Executor, lines: readonly ReconciliationLineRow[], applied: readonly AppliedPaymentEntryRow[]): Promise<ReconciliationLineView[]> {
  const names = await accountNames(tx, lines);
  const entryNos = [...new Set(applied.filter((entry) => entry.accountType === 'customer' && entry.appliesToEntryNo !== 0).map((entry) => entry.appliesToEntryNo))];
  const entries = new Map(entryNos.length === 0 ? [] : (await tx.select({
    entryNo: customerLedgerEntry.entryNo, documentType: customerLedgerEntry.documentType, documentNo: customerLedgerEntry.documentNo,
    dueDate: customerLedgerEntry.dueDate, remainingAmount: customerLedgerEntry.remainingAmount,
  }).from(customerLedgerEntry).where(inArray(customerLedgerEntry.entryNo, entryNos))).map((row) => [row.entryNo, row]));
  const byLine = new Map<number, AppliedPaymentEntryRow[]>();
  for (const entry of applied) byLine.set(entry.statementLineNo, [...(byLine.get(entry.statementLineNo) ?? []), entry]);
  return lines.map((line) => ({
    ...line,
    difference: differenceOf(line).toFixed(2),
    accountName: names.get(`${line.accountType}\u0000${line.accountNo}`) ?? '',
    reviewRequired: reviewRequired(line),
    appliedEntries: (byLine.get(line.statementLineNo) ?? []).map((entry) => {
      const ledger = entries.get(entry.appliesToEntryNo);
      return {
        accountType: entry.accountType, accountNo: entry.accountNo, appliesToEntryNo: entry.appliesToEntryNo,
        appliedAmount: dec(entry.appliedAmount).toFixed(2), appliedPmtDiscount: dec(entry.appliedPmtDiscount).toFixed(2),
        matchConfidence: entry.matchConfidence, quality: entry.quality,
        documentType: ledger?.documentType ?? null, documentNo: ledger?.documentNo ?? null, dueDate: ledger?.dueDate ?? null,
        remainingAmount: ledger ? dec(ledger.remainingAmount).toFixed(2) : null,
      };
    }),
  }));
}

/** The names of the lines' accounts, one query per account type. */
async function accountNames(tx: Executor, lines: readonly ReconciliationLineRow[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const tables = { customer: [customer, customer.no, customer.name], vendor: [vendor, vendor.no, vendor.name], glAccount: [glAccount, glAccount.no, glAccount.name], bankAccount: [bankAccount, bankAccount.no, bankAccount.name] } as const;
  for (const [type, [table, noColumn, nameColumn]] of Object.entries(tables)) {
    const nos = [...new Set(lines.filter((line) => line.accountType === type && line.accountNo !== '').map((line) => line.accountNo))];
    if (nos.length === 0) continue;
    const rows = await tx.select({ no: noColumn, name: nameColumn }).from(table).where(and(inArray(noColumn, nos)));
    for (const row of rows) names.set(`${type}\u0000${row.no}`, row.name);
  }
  return names;
}
