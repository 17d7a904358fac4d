/**
 * Editing a payment reconciliation journal (spec §22.2, BC's Payment Reconciliation Journal page):
 * a new statement per bank account, lines typed by hand, Apply Manually, Accept, Remove Application
 * and Transfer Difference to Account (which splits a partly applied line). The statement row is
 * locked first, so one request at a time changes a statement.
 *
 * Amounts on an applied entry are in the statement's sense (money in positive): Applied Amount is
 * what the statement pays, Applied Pmt. Discount what the entry is forgiven besides; the line's
 * Applied Amount is the sum of its entries' Applied Amounts.
 */
import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type {
  ApplyManuallyInput, ReconciliationCreateInput, ReconciliationLineCreateInput, ReconciliationLineUpdateInput, ReconciliationUpdateInput, TransferDifferenceInput,
} from '../../core/bank/reconciliation.schemas.ts';
import { DomainError } from '../../core/errors.ts';
import { type Decimal, ZERO, dec, sum } from '../../core/money/decimal.ts';
import { incrementNumber } from '../../core/number-series/next-number.ts';
import type { Executor } from '../db/connection.ts';
import {
  appliedPaymentEntry, bankAccount, bankReconciliation, bankReconciliationLine, customerEntryApplyMark, customerLedgerEntry, postedPaymentReconciliation,
} from '../db/schema/index.ts';
import {
  type AppliedPaymentEntryRow, type ReconciliationLineRow, type ReconciliationRow, type StatementKey, appliedOfStatement, differenceOf, findBankAccount,
  findStatementLine, lastLineNo, lineOfStatement, loadStatement,
} from './reconciliation.queries.ts';

export async function createStatement(tx: Executor, bankAccountNo: string, input: ReconciliationCreateInput, workDate: string): Promise<ReconciliationRow> {
  const bank = await findBankAccount(tx, bankAccountNo, { lock: true });
  if (bank.blocked) throw new DomainError('BLOCKED', { entity: 'Bank Account', key: bank.no }, 'bankAccountNo');
  const statementNo = input.statementNo ?? incrementNumber(bank.lastPaymentStatementNo || '0');
  const [existing] = await tx.select({ no: bankReconciliation.statementNo }).from(bankReconciliation)
    .where(and(eq(bankReconciliation.bankAccountNo, bank.no), eq(bankReconciliation.statementNo, statementNo)));
  if (existing) throw new DomainError('ALREADY_EXISTS', { entity: 'Payment Reconciliation Journal', key: `${bank.no} ${statementNo}` }, 'statementNo');
  if (input.statementNo === undefined) await tx.update(bankAccount).set({ lastPaymentStatementNo: statementNo }).where(eq(bankAccount.no, bank.no));
  const [row] = await tx.insert(bankReconciliation).values({
    bankAccountNo: bank.no, statementNo, statementDate: input.statementDate ?? workDate,
    balanceLastStatement: bank.balanceLastStatement, statementEndingBalance: input.statementEndingBalance ?? bank.balanceLastStatement,
  }).returning();
  return row!;
}

export async function updateStatement(tx: Executor, key: StatementKey, input: ReconciliationUpdateInput, expectedVersion: number | undefined): Promise<ReconciliationRow> {
  const { header } = await loadStatement(tx, key, { lock: true });
  checkVersion('Payment Reconciliation Journal', `${key.bankAccountNo} ${key.statementNo}`, header.version, expectedVersion);
  const [row] = await tx.update(bankReconciliation).set({ ...input, version: header.version + 1, updatedAt: sql`now()` })
    .where(and(eq(bankReconciliation.bankAccountNo, key.bankAccountNo), eq(bankReconciliation.statementNo, key.statementNo))).returning();
  return row!;
}

/**
 * Deleting an unposted journal deletes its lines and applications; what was imported may be imported
 * again. A posted journal is gone already: the refusal says so rather than "does not exist".
 */
export async function deleteStatement(tx: Executor, key: StatementKey): Promise<void> {
  await loadStatement(tx, key, { lock: true }).catch(async (error: unknown) => {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') await refuseIfPosted(tx, key);
    throw error;
  });
  await forgetImports(tx, key);
  await tx.delete(bankReconciliation).where(and(eq(bankReconciliation.bankAccountNo, key.bankAccountNo), eq(bankReconciliation.statementNo, key.statementNo)));
}

async function refuseIfPosted(tx: Executor, key: StatementKey): Promise<void> {
  const [posted] = await tx.select({ no: postedPaymentReconciliation.statementNo }).from(postedPaymentReconciliation)
    .where(and(eq(postedPaymentReconciliation.bankAccountNo, key.bankAccountNo), eq(postedPaymentReconciliation.statementNo, key.statementNo)));
  if (posted) {
    throw new DomainError('DOCUMENT_ALREADY_POSTED', {
      entity: 'Payment Reconciliation Journal', no: `${key.bankAccountNo} ${key.statementNo}`, postedNo: `posted statement ${key.statementNo}`,
    });
  }
}

async function forgetImports(tx: Executor, key: StatementKey, lineNo?: number): Promise<void> {
  await tx.execute(sql`DELETE FROM imported_bank_transaction WHERE bank_account_no = ${key.bankAccountNo} AND statement_no = ${key.statementNo}
    ${lineNo === undefined ? sql`` : sql`AND statement_line_no = ${lineNo}`}`);
}

export async function addLine(tx: Executor, key: StatementKey, input: ReconciliationLineCreateInput): Promise<ReconciliationLineRow> {
  await loadStatement(tx, key, { lock: true });
  const statementLineNo = input.statementLineNo ?? (await lastLineNo(tx, key)) + 10000;
  const [existing] = await tx.select({ no: bankReconciliationLine.statementLineNo }).from(bankReconciliationLine)
    .where(and(lineOfStatement(key), eq(bankReconciliationLine.statementLineNo, statementLineNo)));
  if (existing) throw new DomainError('ALREADY_EXISTS', { entity: 'Payment Reconciliation Line', key: `${key.bankAccountNo} ${key.statementNo} ${statementLineNo}` }, 'statementLineNo');
  const [row] = await tx.insert(bankReconciliationLine).values({ ...key, ...input, statementLineNo, description: input.description ?? input.transactionText ?? '' }).returning();
  return row!;
}

export async function updateLine(
  tx: Executor, key: StatementKey, lineNo: number, input: ReconciliationLineUpdateInput, expectedVersion: number | undefined,
): Promise<ReconciliationLineRow> {
  await loadStatement(tx, key, { lock: true });
  const line = await findStatementLine(tx, key, lineNo);
  checkVersion('Payment Reconciliation Line', `${key.bankAccountNo} ${key.statementNo} ${lineNo}`, line.version, expectedVersion);
  const changesAccount = input.accountType !== undefined || input.accountNo !== undefined;
  const changesAmount = input.statementAmount !== undefined && !dec(input.statementAmount).equals(dec(line.statementAmount));
  if (changesAccount || changesAmount) await removeApplication(tx, key, lineNo);
  const { accountType, accountNo, ...fields } = input;
  await tx.update(bankReconciliationLine).set({
    ...fields, ...(accountType !== undefined ? { accountType: accountType ?? '' } : {}), ...(accountNo !== undefined ? { accountNo: accountNo ?? '' } : {}),
    version: line.version + 1, updatedAt: sql`now()`,
  }).where(and(lineOfStatement(key), eq(bankReconciliationLine.statementLineNo, lineNo)));
  const updated = await findStatementLine(tx, key, lineNo);
  // An account typed by hand: the whole amount posts to it, on account (BC's Manual match).
  if (changesAccount && updated.accountType !== '' && updated.accountNo !== '') {
    await writeApplication(tx, key, updated, [{ accountType: updated.accountType, accountNo: updated.accountNo, entryNo: 0, applied: dec(updated.statementAmount), discount: ZERO }], 'manual');
  }
  return findStatementLine(tx, key, lineNo);
}

export async function deleteLine(tx: Executor, key: StatementKey, lineNo: number): Promise<void> {
  await loadStatement(tx, key, { lock: true });
  await findStatementLine(tx, key, lineNo);
  await forgetImports(tx, key, lineNo);
  await tx.delete(bankReconciliationLine).where(and(lineOfStatement(key), eq(bankReconciliationLine.statementLineNo, lineNo)));
}

export interface PlannedApplication { accountType: string; accountNo: string; entryNo: number; applied: Decimal; discount: Decimal; quality?: number }

/** Replaces what the line is applied to, and sets its account, applied amount and match confidence. */
export async function writeApplication(
  tx: Executor, key: StatementKey, line: ReconciliationLineRow, applications: readonly PlannedApplication[], confidence: string,
  details?: { quality: number; matchDetails: unknown },
): Promise<void> {
  await tx.delete(appliedPaymentEntry).where(and(appliedOfStatement(key), eq(appliedPaymentEntry.statementLineNo, line.statementLineNo)));
  if (applications.length > 0) {
    await tx.insert(appliedPaymentEntry).values(applications.map((application) => ({
      ...key, statementLineNo: line.statementLineNo, accountType: application.accountType, accountNo: application.accountNo,
      appliesToEntryNo: application.entryNo, appliedAmount: application.applied.toFixed(2), appliedPmtDiscount: application.discount.toFixed(2),
      matchConfidence: confidence, quality: application.quality ?? details?.quality ?? 0,
    })));
  }
  const first = applications[0];
  await tx.update(bankReconciliationLine).set({
    accountType: first?.accountType ?? '', accountNo: first?.accountNo ?? '',
    appliedAmount: sum(applications.map((application) => application.applied)).toFixed(2),
    matchConfidence: applications.length === 0 ? 'none' : confidence,
    ...(details ? { matchQuality: details.quality, matchDetails: details.matchDetails } : {}),
    version: sql`${bankReconciliationLine.version} + 1`, updatedAt: sql`now()`,
  }).where(and(lineOfStatement(key), eq(bankReconciliationLine.statementLineNo, line.statementLineNo)));
}

/** Remove Application: the line is applied to nothing and has no account. */
export async function removeApplication(tx: Executor, key: StatementKey, lineNo: number): Promise<void> {
  const line = await findStatementLine(tx, key, lineNo);
  await writeApplication(tx, key, line, [], 'none', { quality: 0, matchDetails: null });
}

/**
 * Apply Manually: the line pays the chosen open entries of one customer. An amount left out is what
 * the line still has, up to the entry's remaining amount (less the payment discount when the
 * transaction date is within the entry's discount date). Match Confidence becomes Manual.
 */
export async function applyManually(tx: Executor, key: StatementKey, lineNo: number, input: ApplyManuallyInput): Promise<ReconciliationLineRow> {
  await loadStatement(tx, key, { lock: true });
  const line = await findStatementLine(tx, key, lineNo);
  const entryNos = input.entries.map((entry) => entry.entryNo);
  if (new Set(entryNos).size !== entryNos.length) throw new DomainError('INVALID_INPUT', { detail: 'An entry may be applied only once per line.' }, 'entries');
  const entries = await openEntriesForApplication(tx, key, lineNo, input.accountNo, entryNos);
  let left = dec(line.statementAmount);
  const applications: PlannedApplication[] = input.entries.map((wanted, index) => {
    const entry = entries.get(wanted.entryNo)!;
    const inTime = entry.paymentDiscountDate !== null && line.transactionDate <= entry.paymentDiscountDate;
    const discount = inTime ? dec(entry.remainingPaymentDiscountPossible) : ZERO;
    const payable = dec(entry.remainingAmount).minus(discount);
    if (payable.isNegative() !== left.isNegative() && !payable.isZero() && !left.isZero()) {
      throw new DomainError('APPLICATION_SIGN_MISMATCH', { entryNo: wanted.entryNo, lineNo }, `entries.${index}.entryNo`);
    }
    const applied = wanted.appliedAmount !== undefined ? dec(wanted.appliedAmount) : minAbs(left, payable);
    if (applied.abs().greaterThan(payable.abs())) {
      throw new DomainError('APPLIED_AMOUNT_TOO_LARGE', { entryNo: wanted.entryNo, appliedAmount: applied.toFixed(2), remaining: payable.toFixed(2) }, `entries.${index}.appliedAmount`);
    }
    left = left.minus(applied);
    const fullyPaid = applied.equals(payable);
    return { accountType: 'customer', accountNo: input.accountNo, entryNo: wanted.entryNo, applied, discount: fullyPaid ? discount : ZERO };
  });
  await writeApplication(tx, key, line, applications, 'manual');
  return findStatementLine(tx, key, lineNo);
}

function minAbs(a: Decimal, b: Decimal): Decimal {
  return a.abs().lessThan(b.abs()) ? a : b;
}

/** The customer's open entries, refused when another line or another Apply Entries session has them. */
async function openEntriesForApplication(
  tx: Executor, key: StatementKey, lineNo: number, customerNo: string, entryNos: readonly number[],
): Promise<Map<number, typeof customerLedgerEntry.$inferSelect>> {
  if (entryNos.length === 0) return new Map();
  const rows = await tx.select().from(customerLedgerEntry).where(inArray(customerLedgerEntry.entryNo, [...entryNos]));
  const found = new Map(rows.map((row) => [row.entryNo, row]));
  for (const [index, entryNo] of entryNos.entries()) {
    const row = found.get(entryNo);
    if (!row) throw new DomainError('NOT_FOUND', { entity: 'Customer Ledger Entry', key: String(entryNo) }, `entries.${index}.entryNo`);
    if (row.customerNo !== customerNo) throw new DomainError('ENTRY_OF_OTHER_CUSTOMER', { entryNo, customerNo }, `entries.${index}.entryNo`);
    if (!row.open) throw new DomainError('ENTRY_NOT_OPEN', { entryNo }, `entries.${index}.entryNo`);
  }
  const claimed = await tx.select({ entryNo: appliedPaymentEntry.appliesToEntryNo, statementNo: appliedPaymentEntry.statementNo, lineNo: appliedPaymentEntry.statementLineNo })
    .from(appliedPaymentEntry).where(and(eq(appliedPaymentEntry.accountType, 'customer'), inArray(appliedPaymentEntry.appliesToEntryNo, [...entryNos]),
      or(ne(appliedPaymentEntry.bankAccountNo, key.bankAccountNo), ne(appliedPaymentEntry.statementNo, key.statementNo), ne(appliedPaymentEntry.statementLineNo, lineNo))));
  if (claimed[0]) throw new DomainError('ENTRY_ALREADY_APPLIED', { entryNo: claimed[0].entryNo, by: `statement ${claimed[0].statementNo} line ${claimed[0].lineNo}` }, 'entries');
  const marked = await tx.select({ entryNo: customerEntryApplyMark.customerLedgerEntryNo, id: customerEntryApplyMark.appliesToId }).from(customerEntryApplyMark)
    .where(inArray(customerEntryApplyMark.customerLedgerEntryNo, [...entryNos]));
  if (marked[0]) throw new DomainError('ENTRY_ALREADY_APPLIED', { entryNo: marked[0].entryNo, by: `Applies-to ID ${marked[0].id}` }, 'entries');
  return found;
}

/** Accept Application: a line matched automatically (typically a Low match to review) is confirmed as it is. */
export async function acceptApplication(tx: Executor, key: StatementKey, lineNo: number): Promise<ReconciliationLineRow> {
  await loadStatement(tx, key, { lock: true });
  const line = await findStatementLine(tx, key, lineNo);
  if (line.accountNo === '') throw new DomainError('RECONCILIATION_LINE_NOT_APPLIED', { lineNo, transactionText: line.transactionText });
  await tx.update(appliedPaymentEntry).set({ matchConfidence: 'accepted' }).where(and(appliedOfStatement(key), eq(appliedPaymentEntry.statementLineNo, lineNo)));
  await tx.update(bankReconciliationLine).set({ matchConfidence: 'accepted', version: line.version + 1, updatedAt: sql`now()` })
    .where(and(lineOfStatement(key), eq(bankReconciliationLine.statementLineNo, lineNo)));
  return findStatementLine(tx, key, lineNo);
}

/**
 * Transfer Difference to Account: a line applied to nothing posts wholly to the account; a line partly
 * applied is split, the difference moving to a new line (the last line no. + 10000) posted to the account.
 * Answers the numbers of the lines it changed.
 */
export async function transferDifference(tx: Executor, key: StatementKey, lineNo: number, input: TransferDifferenceInput): Promise<number[]> {
  await loadStatement(tx, key, { lock: true });
  const line = await findStatementLine(tx, key, lineNo);
  const difference = differenceOf(line);
  if (difference.isZero()) throw new DomainError('RECONCILIATION_NO_DIFFERENCE', { lineNo });
  const target = { accountType: input.accountType, accountNo: input.accountNo, entryNo: 0, applied: difference, discount: ZERO };
  if (dec(line.appliedAmount).isZero()) {
    if (input.description !== undefined) await tx.update(bankReconciliationLine).set({ description: input.description }).where(and(lineOfStatement(key), eq(bankReconciliationLine.statementLineNo, lineNo)));
    await writeApplication(tx, key, line, [target], 'manual');
    return [lineNo];
  }
  const newLineNo = (await lastLineNo(tx, key)) + 10000;
  const { version: _version, createdAt: _created, updatedAt: _updated, ...copied } = line;
  const [split] = await tx.insert(bankReconciliationLine).values({
    ...copied, statementLineNo: newLineNo, statementAmount: difference.toFixed(2), appliedAmount: '0', fingerprint: '',
    description: input.description ?? (line.transactionText || line.description), matchConfidence: 'none', matchQuality: 0, matchDetails: null,
  }).returning();
  await tx.update(bankReconciliationLine).set({ statementAmount: line.appliedAmount, version: line.version + 1, updatedAt: sql`now()` })
    .where(and(lineOfStatement(key), eq(bankReconciliationLine.statementLineNo, lineNo)));
  await writeApplication(tx, key, split!, [target], 'manual');
  return [lineNo, newLineNo];
}

export function checkVersion(entity: string, key: string, current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) throw new DomainError('VERSION_CONFLICT', { entity, key, currentVersion: current, sentVersion: expected });
}

export type { AppliedPaymentEntryRow };
