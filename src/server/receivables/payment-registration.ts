/**
 * Register Customer Payments (spec §20.2 item 2; BC's Payment Registration): the unpaid posted
 * documents, and posting what a clerk ticked as paid — each document as its own payment applied to
 * it, or one lump payment per customer and date applied by Applies-to ID — through the general
 * journal in one database transaction, numbered from the cash receipts batch's series and balanced
 * on its balancing account unless another is given.
 */
import { and, asc, eq, gt, ilike, inArray, or, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import type { GeneralJournalLineInput } from '../../core/journal/general-journal.schemas.ts';
import { type Decimal, dec, ZERO } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { customer, customerLedgerEntry } from '../db/schema/index.ts';
import { postGeneralJournal } from '../journal/general-journal.commands.ts';
import { loadBatch } from '../journal/journal-lines.queries.ts';
import { drawNumber } from '../number-series/no-series.commands.ts';
import type { SalesContext } from '../sales/sales-context.ts';
import { setApplyMarks } from './apply-marks.commands.ts';
import type { PaymentRegistrationInput, PaymentRegistrationQuery } from './payment-registration.schemas.ts';

/** Payment Registration Setup: the journal batch whose series and balancing account registered payments use. */
export const paymentRegistrationBatch = { templateName: 'CASHRCPT', batchName: 'GENERAL' };

type EntryRow = typeof customerLedgerEntry.$inferSelect;

/** What settles an entry if paid on `date`: the remaining amount less the discount still possible until the discount date. */
function amountAfterDiscount(row: EntryRow, date: string): Decimal {
  const discountOpen = row.paymentDiscountDate !== null && date <= row.paymentDiscountDate;
  return dec(row.remainingAmount).minus(discountOpen ? dec(row.remainingPaymentDiscountPossible) : 0);
}

export async function unpaidDocuments(tx: Executor, query: PaymentRegistrationQuery, workDate: string) {
  const search = query.search?.trim();
  const amount = search && /^-?\d+(\.\d+)?$/.test(search) ? search : null;
  const rows = await tx.select({ entry: customerLedgerEntry, customerName: customer.name }).from(customerLedgerEntry)
    .innerJoin(customer, eq(customer.no, customerLedgerEntry.customerNo))
    .where(and(
      eq(customerLedgerEntry.open, true), gt(customerLedgerEntry.remainingAmount, '0'),
      query.customerNo ? eq(customerLedgerEntry.customerNo, query.customerNo) : undefined,
      search ? or(
        ilike(customerLedgerEntry.documentNo, `%${search}%`), ilike(customerLedgerEntry.externalDocumentNo, `%${search}%`),
        amount ? sql`${customerLedgerEntry.remainingAmount} between ${dec(amount).times(1 - query.amountTolerancePercent / 100).toFixed(2)} and ${dec(amount).times(1 + query.amountTolerancePercent / 100).toFixed(2)}` : undefined,
      ) : undefined,
    ))
    .orderBy(asc(customerLedgerEntry.dueDate), asc(customerLedgerEntry.entryNo)).limit(query.limit);
  return rows.map(({ entry, customerName }) => ({
    entryNo: entry.entryNo, customerNo: entry.customerNo, customerName, documentType: entry.documentType, documentNo: entry.documentNo,
    externalDocumentNo: entry.externalDocumentNo, postingDate: entry.postingDate, dueDate: entry.dueDate, paymentDiscountDate: entry.paymentDiscountDate,
    currencyCode: entry.currencyCode, remainingAmount: entry.remainingAmount, remainingPaymentDiscountPossible: entry.remainingPaymentDiscountPossible,
    amountAfterDiscount: amountAfterDiscount(entry, workDate).toFixed(2), overdue: entry.dueDate !== null && entry.dueDate < workDate,
  }));
}

interface Registered { index: number; entry: EntryRow; amount: Decimal; date: string }

export async function postRegisteredPayments(tx: Executor, input: PaymentRegistrationInput, context: SalesContext) {
  const batch = await loadBatch(tx, paymentRegistrationBatch, { lock: true });
  const balAccountType = input.balAccountType ?? batch.balAccountType;
  const balAccountNo = input.balAccountNo ?? batch.balAccountNo;
  if (!balAccountType || !balAccountNo) {
    throw new DomainError('INVALID_INPUT', { detail: `Set a balancing account: journal batch ${batch.key.templateName} ${batch.key.batchName} has none` }, 'balAccountNo');
  }
  if (!batch.noSeriesCode) throw new DomainError('NO_SERIES_NOT_SET_UP', { what: 'registered payments', setup: `journal batch ${batch.key.templateName} ${batch.key.batchName}` });
  const registered = await registeredLines(tx, input, context.workDate);
  const groups = input.lumpPayment ? lumpGroups(registered) : registered.map((line) => [line]);
  const lines: GeneralJournalLineInput[] = [];
  const requestIndexOf: number[] = [];
  for (const group of groups) {
    const first = group[0]!;
    const documentNo = (await drawNumber(tx, batch.noSeriesCode, first.date)).number;
    const total = group.reduce((sum, line) => sum.plus(line.amount), ZERO);
    if (input.lumpPayment) {
      await setApplyMarks(tx, documentNo, { entries: group.map((line) => ({ entryNo: line.entry.entryNo, amountToApply: markedAmount(line, context.workDate) })) }, context.username, context.glSetup);
    }
    lines.push({
      postingDate: first.date, documentType: 'payment', documentNo, accountType: 'customer', accountNo: first.entry.customerNo,
      description: `Payment ${group.map((line) => line.entry.documentNo).join(', ')}`.slice(0, 100),
      ...(first.entry.currencyCode ? { currencyCode: first.entry.currencyCode } : {}),
      amount: total.negated().toFixed(2), balAccountType, balAccountNo,
      ...(input.lumpPayment ? { appliesToId: documentNo } : { appliesToDocType: first.entry.documentType as never, appliesToDocNo: first.entry.documentNo }),
    });
    requestIndexOf.push(first.index);
  }
  try {
    const posted = await postGeneralJournal(tx, {
      lines, acceptPaymentTolerance: input.acceptPaymentTolerance, acceptPaymentDiscountTolerance: input.acceptPaymentDiscountTolerance,
    }, context, { sourceCode: batch.sourceCode });
    return {
      transactions: posted.transactions.map((transaction, index) => ({
        transactionNo: transaction.transactionNo, documentNo: transaction.documentNo, postingDate: transaction.postingDate,
        customerNo: lines[index]!.accountNo, amount: dec(lines[index]!.amount).negated().toFixed(2),
      })),
    };
  } catch (error) {
    throw inRequestTerms(error, requestIndexOf);
  }
}

/** The ticked documents, each open with its amount (default: what settles it) and date (default: the work date). */
async function registeredLines(tx: Executor, input: PaymentRegistrationInput, workDate: string): Promise<Registered[]> {
  const rows = await tx.select().from(customerLedgerEntry).where(inArray(customerLedgerEntry.entryNo, input.lines.map((line) => line.entryNo))).for('update');
  return input.lines.map((line, index) => {
    const entry = rows.find((row) => row.entryNo === line.entryNo);
    if (!entry) throw new DomainError('NOT_FOUND', { entity: 'Customer Ledger Entry', key: line.entryNo }, `lines.${index}.entryNo`);
    if (!entry.open) throw new DomainError('APPLICATION_INVALID', { reason: `${entry.documentType} ${entry.documentNo} is already paid (closed)` }, `lines.${index}.entryNo`);
    const date = line.dateReceived ?? workDate;
    const amount = line.amountReceived !== undefined ? dec(line.amountReceived) : amountAfterDiscount(entry, date);
    if (!amount.gt(0)) throw new DomainError('INVALID_INPUT', { detail: `The amount received for ${entry.documentNo} must be more than 0` }, `lines.${index}.amountReceived`);
    return { index, entry, amount, date };
  });
}

/** Post as Lump Payment: one payment per customer, currency and date received. */
function lumpGroups(lines: readonly Registered[]): Registered[][] {
  const groups = new Map<string, Registered[]>();
  for (const line of lines) {
    const key = [line.entry.customerNo, line.entry.currencyCode, line.date].join('|');
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  return [...groups.values()];
}

/** A document paid at least what settles it is applied in full (its discount granted); less, for what was paid. */
function markedAmount(line: Registered, workDate: string): string {
  return line.amount.gte(amountAfterDiscount(line.entry, line.date ?? workDate)) ? '0' : line.amount.toFixed(2);
}

/** A journal refusal names `lines.<i>` of the generated journal: name the request's line instead. */
function inRequestTerms(error: unknown, requestIndexOf: readonly number[]): unknown {
  if (!(error instanceof DomainError)) return error;
  const match = /^lines\.(\d+)(\..*)?$/.exec(error.field ?? '');
  const index = match ? requestIndexOf[Number(match[1])] : undefined;
  if (!match || index === undefined) return error;
  const field = match[2] === '.amount' ? '.amountReceived' : match[2] === '.postingDate' ? '.dateReceived' : '.entryNo';
  return new DomainError(error.code, error.params as never, `lines.${index}${field}`);
}
