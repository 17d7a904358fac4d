/**
 * Posting a payment reconciliation journal (spec §22.2 step 6, BC's Bank Acc. Reconciliation Post):
 * every line becomes a general journal line on its account, balanced by the bank account, with the
 * statement no. as document no. and source code PMTRECON; a line applied to open customer entries
 * marks them with an Applies-to ID of its own, each for its applied amount plus the discount granted,
 * so the receivables application (discount and tolerance included) closes them. With Reconcile, the
 * bank account entries posted are closed as reconciled with their statement line, the bank account
 * takes the statement as its last one, and its balance must then equal the statement ending balance.
 * The journal is archived as a posted statement and deleted. All of it in the caller's transaction.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ReconciliationPostInput } from '../../core/bank/reconciliation.schemas.ts';
import { DomainError } from '../../core/errors.ts';
import type { GeneralJournalLineInput } from '../../core/journal/general-journal.schemas.ts';
import type { GeneralJournalPostingResult, GeneralJournalPreview } from '../../core/journal/general-journal.views.ts';
import { dec, sum } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import {
  bankAccount, bankAccountLedgerEntry, bankReconciliation, customerEntryApplyMark, postedPaymentReconciliation, postedPaymentReconciliationLine,
} from '../db/schema/index.ts';
import { postGeneralJournal, previewGeneralJournal } from '../journal/general-journal.commands.ts';
import { inBatchTerms } from '../journal/journal-batches.errors.ts';
import type { SalesContext } from '../sales/sales-context.ts';
import {
  type AppliedPaymentEntryRow, type LoadedStatement, type ReconciliationLineRow, type StatementKey, appliedEntriesOf, bankAccountBalance, differenceOf,
  loadStatement, statementLines,
} from './reconciliation.queries.ts';

/** BC's source code of payment reconciliation postings. */
export const paymentReconciliationSourceCode = 'PMTRECON';

export interface ReconciliationPostingResult {
  bankAccountNo: string;
  statementNo: string;
  reconciled: boolean;
  postedLines: number;
  transactions: GeneralJournalPostingResult['transactions'];
}

interface PreparedPosting { loaded: LoadedStatement; lines: ReconciliationLineRow[]; journal: GeneralJournalLineInput[]; applied: AppliedPaymentEntryRow[] }

export async function postReconciliation(tx: Executor, key: StatementKey, input: ReconciliationPostInput, context: SalesContext): Promise<ReconciliationPostingResult> {
  const prepared = await prepare(tx, key, { lock: true });
  const lineNos = prepared.lines.map((line) => line.statementLineNo);
  const reconcile = input.reconcile ?? true;
  let result: GeneralJournalPostingResult;
  try {
    result = await postGeneralJournal(tx, { lines: prepared.journal, ...postingChoices(input) }, context, { sourceCode: paymentReconciliationSourceCode });
  } catch (error) {
    throw inBatchTerms(error, lineNos);
  }
  if (reconcile) await reconcileBankAccount(tx, prepared, result);
  await archive(tx, prepared, result, reconcile, context.username);
  await tx.delete(bankReconciliation).where(and(eq(bankReconciliation.bankAccountNo, key.bankAccountNo), eq(bankReconciliation.statementNo, key.statementNo)));
  return { ...key, reconciled: reconcile, postedLines: prepared.lines.length, transactions: result.transactions };
}

/** Test Report: what posting would write. The apply marks it needs are written and rolled back by the caller's transaction. */
export async function previewReconciliation(tx: Executor, key: StatementKey, input: ReconciliationPostInput, context: SalesContext): Promise<GeneralJournalPreview> {
  const prepared = await prepare(tx, key, { lock: false });
  try {
    return await previewGeneralJournal(tx, { lines: prepared.journal, ...postingChoices(input) }, context, { sourceCode: paymentReconciliationSourceCode });
  } catch (error) {
    throw inBatchTerms(error, prepared.lines.map((line) => line.statementLineNo));
  }
}

function postingChoices(input: ReconciliationPostInput) {
  return { acceptPaymentTolerance: input.acceptPaymentTolerance, acceptPaymentDiscountTolerance: input.acceptPaymentDiscountTolerance };
}

async function prepare(tx: Executor, key: StatementKey, options: { lock: boolean }): Promise<PreparedPosting> {
  const loaded = await loadStatement(tx, key, options);
  if (loaded.bank.blocked) throw new DomainError('BANK_ACCOUNT_BLOCKED', { bankAccountNo: loaded.bank.no });
  const lines = await statementLines(tx, key);
  if (lines.length === 0) throw new DomainError('RECONCILIATION_EMPTY', { ...key });
  for (const line of lines) {
    const field = `lines.${line.statementLineNo}`;
    if (line.accountNo === '') throw new DomainError('RECONCILIATION_LINE_NOT_APPLIED', { lineNo: line.statementLineNo, transactionText: line.transactionText }, field);
    const difference = differenceOf(line);
    if (!difference.isZero()) {
      throw new DomainError('RECONCILIATION_LINE_DIFFERENCE', { lineNo: line.statementLineNo, transactionText: line.transactionText, difference: difference.toFixed(2) }, field);
    }
  }
  const applied = await appliedEntriesOf(tx, key);
  await markAppliedEntries(tx, key, applied);
  const journal = lines.map((line) => journalLine(loaded, line, applied.some((entry) => entry.statementLineNo === line.statementLineNo && entry.appliesToEntryNo !== 0)));
  return { loaded, lines, journal, applied };
}

/** The Applies-to ID a line's entries are marked with: unique per bank account, statement and line. */
function appliesToIdOf(key: StatementKey, lineNo: number): string {
  return `${key.bankAccountNo}/${key.statementNo}/${lineNo}`.slice(0, 50);
}

async function markAppliedEntries(tx: Executor, key: StatementKey, applied: readonly AppliedPaymentEntryRow[]): Promise<void> {
  const customerEntries = applied.filter((entry) => entry.accountType === 'customer' && entry.appliesToEntryNo !== 0);
  if (customerEntries.length === 0) return;
  const entryNos = customerEntries.map((entry) => entry.appliesToEntryNo);
  const marked = await tx.select().from(customerEntryApplyMark).where(inArray(customerEntryApplyMark.customerLedgerEntryNo, entryNos));
  const ours = (id: string) => id.startsWith(`${key.bankAccountNo}/${key.statementNo}/`);
  const foreign = marked.find((mark) => !ours(mark.appliesToId));
  if (foreign) throw new DomainError('ENTRY_ALREADY_APPLIED', { entryNo: foreign.customerLedgerEntryNo, by: `Applies-to ID ${foreign.appliesToId}` });
  if (marked.length > 0) await tx.delete(customerEntryApplyMark).where(inArray(customerEntryApplyMark.customerLedgerEntryNo, marked.map((mark) => mark.customerLedgerEntryNo)));
  await tx.insert(customerEntryApplyMark).values(customerEntries.map((entry) => ({
    customerLedgerEntryNo: entry.appliesToEntryNo, appliesToId: appliesToIdOf(key, entry.statementLineNo),
    amountToApply: dec(entry.appliedAmount).plus(dec(entry.appliedPmtDiscount)).toFixed(2), userId: 'payment-reconciliation',
  })));
}

/** BC's PostPaymentApplications: the line's amount on its account, the bank account balancing it; Refund when money goes back to a customer. */
function journalLine(loaded: LoadedStatement, line: ReconciliationLineRow, applied: boolean): GeneralJournalLineInput {
  const amount = dec(line.statementAmount);
  const refund = (line.accountType === 'customer' && amount.isNegative()) || (line.accountType === 'vendor' && amount.isPositive());
  return {
    postingDate: line.transactionDate,
    documentType: refund ? 'refund' : 'payment',
    documentNo: loaded.header.statementNo,
    accountType: line.accountType as GeneralJournalLineInput['accountType'],
    accountNo: line.accountNo,
    description: (line.description || line.transactionText).slice(0, 100),
    currencyCode: loaded.bank.currencyCode ?? undefined,
    amount: amount.negated().toFixed(2),
    balAccountType: 'bankAccount',
    balAccountNo: loaded.bank.no,
    appliesToId: applied ? appliesToIdOf(loaded.header, line.statementLineNo) : undefined,
  };
}

/** Closes the bank entries each line wrote (a transaction's bank entries follow its lines' order) and checks the ending balance. */
async function reconcileBankAccount(tx: Executor, prepared: PreparedPosting, result: GeneralJournalPostingResult): Promise<void> {
  const { header, bank } = prepared.loaded;
  const pairs: { entryNo: number; lineNo: number }[] = [];
  for (const transaction of result.transactions) {
    if (transaction.bankAccountLedgerEntryNos.length !== transaction.lines.length) throw new Error('A reconciliation line must write exactly one bank account entry.');
    transaction.lines.forEach((index, position) => pairs.push({ entryNo: transaction.bankAccountLedgerEntryNos[position]!, lineNo: prepared.lines[index]!.statementLineNo }));
  }
  const values = sql.join(pairs.map((pair) => sql`(${pair.entryNo}::integer, ${pair.lineNo}::integer)`), sql`, `);
  await tx.execute(sql`UPDATE ${bankAccountLedgerEntry} SET remaining_amount = 0, open = false, statement_status = 'closed',
    closed_at_date = ${header.statementDate}, statement_no = ${header.statementNo}, statement_line_no = reconciled.line_no
    FROM (VALUES ${values}) AS reconciled(entry_no, line_no) WHERE ${bankAccountLedgerEntry.entryNo} = reconciled.entry_no`);
  const balanceAfterPosting = await bankAccountBalance(tx, bank.no);
  if (!balanceAfterPosting.equals(dec(header.statementEndingBalance))) {
    throw new DomainError('RECONCILIATION_ENDING_BALANCE', {
      statementEndingBalance: dec(header.statementEndingBalance).toFixed(2), bankAccountNo: bank.no, balanceAfterPosting: balanceAfterPosting.toFixed(2),
    }, 'statementEndingBalance');
  }
  const total = sum(prepared.lines.map((line) => dec(line.statementAmount)));
  await tx.update(bankAccount).set({
    lastStatementNo: header.statementNo, balanceLastStatement: dec(header.balanceLastStatement).plus(total).toFixed(2), updatedAt: sql`now()`,
  }).where(eq(bankAccount.no, bank.no));
}

async function archive(tx: Executor, prepared: PreparedPosting, result: GeneralJournalPostingResult, reconciled: boolean, userId: string): Promise<void> {
  const { header } = prepared.loaded;
  await tx.insert(postedPaymentReconciliation).values({
    bankAccountNo: header.bankAccountNo, statementNo: header.statementNo, statementDate: header.statementDate, statementEndingBalance: header.statementEndingBalance,
    reconciled, transactionNos: result.transactions.map((transaction) => transaction.transactionNo), userId,
  });
  await tx.insert(postedPaymentReconciliationLine).values(prepared.lines.map((line) => {
    const { version: _version, createdAt: _created, updatedAt: _updated, fingerprint: _fingerprint, ...copied } = line;
    const entries = prepared.applied.filter((entry) => entry.statementLineNo === line.statementLineNo)
      .map((entry) => ({ entryNo: entry.appliesToEntryNo, appliedAmount: entry.appliedAmount, appliedPmtDiscount: entry.appliedPmtDiscount }));
    return { ...copied, documentNo: header.statementNo, appliedEntries: entries };
  }));
}
