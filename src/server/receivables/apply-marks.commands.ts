/**
 * Marking open customer entries with an Applies-to ID and an Amount to Apply (spec §20.2 item 1,
 * BC's Apply Entries → Set Applies-to ID), so a journal line or a Post Application with that ID
 * applies them. The marks live beside the append-only entries (schema/receivables.ts).
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import { currencyRefusal } from '../../core/receivables/application-currency.ts';
import type { Executor } from '../db/connection.ts';
import { customerEntryApplyMark, customerLedgerEntry, type generalLedgerSetup } from '../db/schema/index.ts';
import { loadApplicationSetup } from '../journal/general-journal.queries.ts';
import type { ApplyMarksInput } from './apply-entries.schemas.ts';

export interface ApplyMark { entryNo: number; customerNo: string; documentType: string; documentNo: string; remainingAmount: string; amountToApply: string }

/**
 * Replaces what the ID marks. The entries are one customer's, in currencies that may meet in one
 * application (Appln. between Currencies; BC's Apply Entries refuses the mark otherwise).
 */
export async function setApplyMarks(
  tx: Executor, appliesToId: string, input: ApplyMarksInput, userId: string, glSetup: typeof generalLedgerSetup.$inferSelect,
): Promise<ApplyMark[]> {
  const entryNos = input.entries.map((entry) => entry.entryNo);
  const rows = entryNos.length === 0 ? [] : await tx.select().from(customerLedgerEntry).where(inArray(customerLedgerEntry.entryNo, entryNos));
  input.entries.forEach((request, index) => {
    const row = rows.find((candidate) => candidate.entryNo === request.entryNo);
    if (!row) throw new DomainError('NOT_FOUND', { entity: 'Customer Ledger Entry', key: request.entryNo }, `entries.${index}.entryNo`);
    if (!row.open) throw new DomainError('APPLICATION_INVALID', { reason: `customer ledger entry ${row.entryNo} is closed` }, `entries.${index}.entryNo`);
    const amount = dec(request.amountToApply ?? '0');
    const remaining = dec(row.remainingAmount);
    if (!amount.isZero() && (amount.isNegative() !== remaining.isNegative() || amount.abs().gt(remaining.abs()))) {
      throw new DomainError('APPLICATION_INVALID', {
        reason: `the Amount to Apply ${amount.toFixed(2)} of entry ${row.entryNo} must have the sign of its remaining amount ${remaining.toFixed(2)} and not exceed it`,
      }, `entries.${index}.amountToApply`);
    }
  });
  await checkOneApplication(tx, input, rows, glSetup);
  await tx.delete(customerEntryApplyMark).where(eq(customerEntryApplyMark.appliesToId, appliesToId));
  if (entryNos.length > 0) {
    // An entry marked with another ID moves to this one, as BC overwrites the entry's Applies-to ID.
    await tx.delete(customerEntryApplyMark).where(inArray(customerEntryApplyMark.customerLedgerEntryNo, entryNos));
    await tx.insert(customerEntryApplyMark).values(input.entries.map((entry) => ({
      customerLedgerEntryNo: entry.entryNo, appliesToId, amountToApply: dec(entry.amountToApply ?? '0').toFixed(2), userId,
    })));
  }
  return listApplyMarks(tx, appliesToId);
}

async function checkOneApplication(
  tx: Executor, input: ApplyMarksInput, rows: readonly (typeof customerLedgerEntry.$inferSelect)[], glSetup: typeof generalLedgerSetup.$inferSelect,
): Promise<void> {
  const first = rows.find((row) => row.entryNo === input.entries[0]?.entryNo);
  if (!first) return;
  const { setup } = await loadApplicationSetup(tx, glSetup, [], []);
  input.entries.forEach((request, index) => {
    const row = rows.find((candidate) => candidate.entryNo === request.entryNo)!;
    const field = `entries.${index}.entryNo`;
    if (row.customerNo !== first.customerNo) {
      throw new DomainError('APPLICATION_INVALID', { reason: `entry ${row.entryNo} belongs to customer ${row.customerNo}, not ${first.customerNo}: an Applies-to ID marks one customer's entries` }, field);
    }
    const currency = currencyRefusal(setup, first.currencyCode, row.currencyCode);
    if (currency) throw new DomainError('APPLICATION_INVALID', { reason: `entry ${row.entryNo} cannot be marked with entry ${first.entryNo}: ${currency}` }, field);
  });
}

export async function listApplyMarks(tx: Executor, appliesToId: string): Promise<ApplyMark[]> {
  return tx.select({
    entryNo: customerLedgerEntry.entryNo, customerNo: customerLedgerEntry.customerNo, documentType: customerLedgerEntry.documentType,
    documentNo: customerLedgerEntry.documentNo, remainingAmount: customerLedgerEntry.remainingAmount, amountToApply: customerEntryApplyMark.amountToApply,
  }).from(customerEntryApplyMark).innerJoin(customerLedgerEntry, eq(customerLedgerEntry.entryNo, customerEntryApplyMark.customerLedgerEntryNo))
    .where(eq(customerEntryApplyMark.appliesToId, appliesToId)).orderBy(asc(customerLedgerEntry.entryNo));
}
