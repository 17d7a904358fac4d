/**
 * Reading payment reconciliation journals: the statement with its bank account (locked while lines
 * are added, matched or posted, so one request at a time changes a statement), its lines with what
 * each is applied to, and the totals the journal page shows.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { type Decimal, ZERO, dec, sum } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { appliedPaymentEntry, bankAccount, bankAccountLedgerEntry, bankReconciliation, bankReconciliationLine } from '../db/schema/index.ts';

export interface StatementKey { bankAccountNo: string; statementNo: string }
export type ReconciliationRow = typeof bankReconciliation.$inferSelect;
export type ReconciliationLineRow = typeof bankReconciliationLine.$inferSelect;
export type AppliedPaymentEntryRow = typeof appliedPaymentEntry.$inferSelect;
export type BankAccountRow = typeof bankAccount.$inferSelect;

export interface LoadedStatement { header: ReconciliationRow; bank: BankAccountRow }

export const lineOfStatement = (key: StatementKey) =>
  and(eq(bankReconciliationLine.bankAccountNo, key.bankAccountNo), eq(bankReconciliationLine.statementNo, key.statementNo))!;
export const appliedOfStatement = (key: StatementKey) =>
  and(eq(appliedPaymentEntry.bankAccountNo, key.bankAccountNo), eq(appliedPaymentEntry.statementNo, key.statementNo))!;

export async function findBankAccount(tx: Executor, no: string, options: { lock: boolean }): Promise<BankAccountRow> {
  const query = tx.select().from(bankAccount).where(eq(bankAccount.no, no));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'Bank Account', key: no });
  return row;
}

export async function loadStatement(tx: Executor, key: StatementKey, options: { lock: boolean }): Promise<LoadedStatement> {
  const bank = await findBankAccount(tx, key.bankAccountNo, options);
  const query = tx.select().from(bankReconciliation)
    .where(and(eq(bankReconciliation.bankAccountNo, key.bankAccountNo), eq(bankReconciliation.statementNo, key.statementNo)));
  const [header] = options.lock ? await query.for('update') : await query;
  if (!header) throw new DomainError('NOT_FOUND', { entity: 'Payment Reconciliation Journal', key: `${key.bankAccountNo} ${key.statementNo}` });
  return { header, bank };
}

export async function statementLines(tx: Executor, key: StatementKey): Promise<ReconciliationLineRow[]> {
  return tx.select().from(bankReconciliationLine).where(lineOfStatement(key)).orderBy(asc(bankReconciliationLine.statementLineNo));
}

export async function findStatementLine(tx: Executor, key: StatementKey, lineNo: number): Promise<ReconciliationLineRow> {
  const [row] = await tx.select().from(bankReconciliationLine).where(and(lineOfStatement(key), eq(bankReconciliationLine.statementLineNo, lineNo)));
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'Payment Reconciliation Line', key: `${key.bankAccountNo} ${key.statementNo} ${lineNo}` });
  return row;
}

export async function appliedEntriesOf(tx: Executor, key: StatementKey, lineNo?: number): Promise<AppliedPaymentEntryRow[]> {
  const where = lineNo === undefined ? appliedOfStatement(key) : and(appliedOfStatement(key), eq(appliedPaymentEntry.statementLineNo, lineNo));
  return tx.select().from(appliedPaymentEntry).where(where).orderBy(asc(appliedPaymentEntry.statementLineNo), asc(appliedPaymentEntry.appliesToEntryNo));
}

export async function lastLineNo(tx: Executor, key: StatementKey): Promise<number> {
  const [row] = await tx.select({ lineNo: bankReconciliationLine.statementLineNo }).from(bankReconciliationLine)
    .where(lineOfStatement(key)).orderBy(desc(bankReconciliationLine.statementLineNo)).limit(1);
  return row?.lineNo ?? 0;
}

/** Difference = Statement Amount − Applied Amount (spec §22.1). */
export function differenceOf(line: Pick<ReconciliationLineRow, 'statementAmount' | 'appliedAmount'>): Decimal {
  return dec(line.statementAmount).minus(dec(line.appliedAmount));
}

/** The bank account's balance in its own currency, as of all posted entries. */
export async function bankAccountBalance(tx: Executor, bankAccountNo: string): Promise<Decimal> {
  const [row] = await tx.select({ total: sql<string>`coalesce(sum(${bankAccountLedgerEntry.amount}), 0)::text` }).from(bankAccountLedgerEntry)
    .where(eq(bankAccountLedgerEntry.bankAccountNo, bankAccountNo));
  return dec(row?.total ?? '0');
}

export interface StatementTotals { totalStatementAmount: Decimal; totalApplied: Decimal; totalDifference: Decimal; linesToReview: number; linesWithDifference: number }

/** What the journal page's footer shows: totals and how many lines still need a look. */
export function statementTotals(lines: readonly ReconciliationLineRow[], reviewRequired: (line: ReconciliationLineRow) => boolean): StatementTotals {
  const totalStatementAmount = sum(lines.map((line) => dec(line.statementAmount)));
  const totalApplied = sum(lines.map((line) => dec(line.appliedAmount)));
  return {
    totalStatementAmount, totalApplied, totalDifference: totalStatementAmount.minus(totalApplied),
    linesToReview: lines.filter(reviewRequired).length,
    linesWithDifference: lines.filter((line) => !differenceOf(line).equals(ZERO)).length,
  };
}
