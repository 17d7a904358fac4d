/**
 * Applying one customer ledger entry to another (spec §20.3), as a credit memo posted with
 * Applies-to Doc. No. does (spec §17.3, §18.3): a pair of Application detailed entries, and the
 * derived remaining amounts and Open/Closed facts of both entries updated from them.
 */
import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { type Decimal, dec, ZERO } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { customerLedgerEntry, detailedCustomerLedgerEntry } from '../db/schema/index.ts';
import type { Register } from './register.ts';

type EntryRow = typeof customerLedgerEntry.$inferSelect;

/** The open entry of a posted document of the customer, locked for the application; null when there is none. */
export async function findOpenCustomerEntry(tx: Executor, customerNo: string, documentType: string, documentNo: string): Promise<EntryRow | null> {
  const [row] = await tx.select().from(customerLedgerEntry).where(and(
    eq(customerLedgerEntry.customerNo, customerNo), eq(customerLedgerEntry.documentType, documentType),
    eq(customerLedgerEntry.documentNo, documentNo), eq(customerLedgerEntry.open, true),
  )).for('update');
  return row ?? null;
}

/**
 * Applies `applyingEntryNo` (e.g. the new credit memo) to `appliedEntryNo` (the invoice) for as much
 * as both have open: min(|remaining|), opposite signs required. Same currency only (no gains/losses yet).
 */
export async function applyCustomerEntries(
  tx: Executor, register: Register, applyingEntryNo: number, appliedEntryNo: number, documentNo: string,
): Promise<Decimal> {
  const rows = await tx.select().from(customerLedgerEntry)
    .where(sql`${customerLedgerEntry.entryNo} in (${applyingEntryNo}, ${appliedEntryNo})`).for('update');
  const applying = rows.find((row) => row.entryNo === applyingEntryNo);
  const applied = rows.find((row) => row.entryNo === appliedEntryNo);
  if (!applying || !applied) throw new DomainError('APPLICATION_INVALID', { reason: 'an entry to apply does not exist' });
  const applyingRemaining = dec(applying.remainingAmount);
  const appliedRemaining = dec(applied.remainingAmount);
  if (applying.customerNo !== applied.customerNo) throw new DomainError('APPLICATION_INVALID', { reason: 'the entries belong to different customers' });
  if (applying.currencyCode !== applied.currencyCode) throw new DomainError('APPLICATION_INVALID', { reason: 'the entries are in different currencies' });
  if (!applied.open || appliedRemaining.isZero()) throw new DomainError('APPLICATION_INVALID', { reason: `entry ${appliedEntryNo} is already closed` });
  if (applyingRemaining.gt(ZERO) === appliedRemaining.gt(ZERO)) {
    throw new DomainError('APPLICATION_INVALID', { reason: 'entries with the same sign cannot be applied to each other' });
  }
  // What the applied entry gives up, in its own sign; the applying entry moves by the opposite.
  const amount = applyingRemaining.abs().lessThan(appliedRemaining.abs()) ? applyingRemaining.negated() : appliedRemaining;
  const lcyOf = (row: EntryRow, value: Decimal) => (dec(row.amount).isZero() ? value : value.times(dec(row.amountLcy)).div(dec(row.amount)).toDecimalPlaces(2));
  const appliedLcy = lcyOf(applied, amount);
  const detail = (row: EntryRow, other: EntryRow, value: Decimal, valueLcy: Decimal) => ({
    customerLedgerEntryNo: row.entryNo,
    entryType: 'application',
    transactionNo: register.transactionNo,
    postingDate: register.postingDate,
    documentType: applying.documentType,
    documentNo,
    customerNo: row.customerNo,
    currencyCode: row.currencyCode,
    amount: value.toFixed(2),
    amountLcy: valueLcy.toFixed(2),
    appliedCustomerLedgerEntryNo: other.entryNo,
    userId: register.userId,
  });
  await tx.insert(detailedCustomerLedgerEntry).values([
    detail(applied, applying, amount.negated(), appliedLcy.negated()),
    detail(applying, applied, amount, appliedLcy),
  ]);
  await updateRemaining(tx, applied, amount.negated(), appliedLcy.negated(), applying.entryNo, register.postingDate);
  await updateRemaining(tx, applying, amount, appliedLcy, applied.entryNo, register.postingDate);
  return amount.abs();
}

async function updateRemaining(tx: Executor, row: EntryRow, change: Decimal, changeLcy: Decimal, otherEntryNo: number, postingDate: string) {
  const remaining = dec(row.remainingAmount).plus(change);
  const closes = remaining.isZero();
  await tx.update(customerLedgerEntry).set({
    remainingAmount: remaining.toFixed(2),
    remainingAmountLcy: dec(row.remainingAmountLcy).plus(changeLcy).toFixed(2),
    open: !closes,
    ...(closes ? { closedByEntryNo: otherEntryNo, closedAtDate: postingDate, closedByAmount: change.negated().toFixed(2) } : {}),
  }).where(eq(customerLedgerEntry.entryNo, row.entryNo));
}
