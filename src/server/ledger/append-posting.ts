/**
 * The only writer of ledger rows (DESIGN §4 step 4, §5): appendPosting writes one planned Posting —
 * G/L, VAT, customer, vendor and bank account entries with their detailed entries, the item plan,
 * and the applications of open entries — in the caller's transaction. It refuses an unbalanced
 * posting before writing anything (and the database refuses one at commit too). The register, the
 * transaction number and the entry numbers are drawn here, as the posting's last step.
 * One INSERT per table whatever the number of lines.
 */
import { type Column, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { assertBalanced } from '../../core/posting/assert-balanced.ts';
import type { Posting } from '../../core/posting/posting.ts';
import type { CustomerApplicationSide, CustomerEntryRef, CustomerUnapplyPlan } from '../../core/receivables/application-types.ts';
import { insertRows } from '../db/bulk-insert.ts';
import type { Executor } from '../db/connection.ts';
import {
  bankAccountLedgerEntry, customerLedgerEntry, detailedCustomerLedgerEntry, detailedVendorLedgerEntry, glEntry, glRegister, vatEntry, vendorLedgerEntry,
} from '../db/schema/index.ts';
import { writeItemPlan } from './item-plan-writer.ts';
import {
  bankAccountEntryRows, customerEntryRows, detailedCustomerEntryRows, detailedVendorEntryRows, glEntryRows, type PostingNumbering,
  unapplyDetailedRows, vatEntryRows, vendorEntryRows,
} from './posting-rows.ts';

export interface AppendedPosting {
  transactionNo: number;
  customerLedgerEntryNos: number[];
  vendorLedgerEntryNos: number[];
  bankAccountLedgerEntryNos: number[];
  /** The entry number of an item ledger entry the plan named by id (new entries have provisional ids < 0). */
  itemLedgerEntryNo(id: number): number;
}

export async function appendPosting(tx: Executor, posting: Posting): Promise<AppendedPosting> {
  assertBalanced(posting.entries);
  const { facts } = posting;
  const [register] = await tx.insert(glRegister).values({
    postingDate: facts.postingDate, sourceCode: facts.sourceCode, userId: facts.userId, documentNo: facts.document.documentNo,
  }).returning({ no: glRegister.no });
  const transactionNo = register!.no;
  await insertAll(tx, glEntry, glEntryRows(posting, transactionNo));
  await insertAll(tx, vatEntry, vatEntryRows(posting, transactionNo));
  const customerLedgerEntryNos = await insertNumbered(tx, customerLedgerEntry, customerEntryRows(posting, transactionNo), customerLedgerEntry.entryNo);
  const vendorLedgerEntryNos = await insertNumbered(tx, vendorLedgerEntry, vendorEntryRows(posting, transactionNo), vendorLedgerEntry.entryNo);
  const bankAccountLedgerEntryNos = await insertNumbered(tx, bankAccountLedgerEntry, bankAccountEntryRows(posting, transactionNo), bankAccountLedgerEntry.entryNo);
  const numbering: PostingNumbering = {
    transactionNo,
    customerEntryNo: (index) => customerLedgerEntryNos[index]!,
    vendorEntryNo: (index) => vendorLedgerEntryNos[index]!,
  };
  const customerEntryNo = (ref: CustomerEntryRef) => ('entryNo' in ref ? ref.entryNo : customerLedgerEntryNos[ref.newEntryIndex]!);
  await insertAll(tx, detailedCustomerLedgerEntry, detailedCustomerEntryRows(posting, numbering, customerEntryNo));
  await insertAll(tx, detailedVendorLedgerEntry, detailedVendorEntryRows(posting, numbering));
  for (const plan of posting.customerApplications) {
    for (const side of [plan.applied, plan.applying]) await updateRemaining(tx, side, customerEntryNo, facts.postingDate);
  }
  if (posting.customerUnapplications?.length) {
    const reversalNos = await insertNumbered(tx, detailedCustomerLedgerEntry, unapplyDetailedRows(posting, numbering), detailedCustomerLedgerEntry.entryNo);
    await writeUnapplications(tx, posting.customerUnapplications, reversalNos);
  }
  const itemLedgerEntryNo = posting.items
    ? await writeItemPlan(tx, { transactionNo, postingDate: facts.postingDate, userId: facts.userId }, posting.items)
    : (id: number) => id;
  return { transactionNo, customerLedgerEntryNos, vendorLedgerEntryNos, bankAccountLedgerEntryNos, itemLedgerEntryNo };
}

async function insertAll(tx: Executor, table: PgTable, rows: readonly object[]): Promise<void> {
  if (rows.length > 0) await insertRows(tx, table, rows);
}

/** Identity values are drawn in row order within one statement, so sorted numbers match the rows. */
async function insertNumbered(tx: Executor, table: PgTable, rows: readonly object[], entryNoColumn: Column): Promise<number[]> {
  return rows.length === 0 ? [] : insertRows(tx, table, rows, entryNoColumn);
}

/** The derived columns of an applied entry, as its new Application detailed entry leaves them. */
async function updateRemaining(tx: Executor, side: CustomerApplicationSide, entryNoOf: (ref: CustomerEntryRef) => number, postingDate: string): Promise<void> {
  await tx.update(customerLedgerEntry).set({
    remainingAmount: side.remainingAmount.toFixed(2),
    remainingAmountLcy: side.remainingAmountLcy.toFixed(2),
    open: side.open,
    ...(side.closedByAmount ? { closedByEntryNo: entryNoOf(side.other), closedAtDate: postingDate, closedByAmount: side.closedByAmount.toFixed(2) } : {}),
    ...(side.remainingPaymentDiscountPossible ? { remainingPaymentDiscountPossible: side.remainingPaymentDiscountPossible.toFixed(2) } : {}),
    ...(side.pmtDiscGivenLcy ? { pmtDiscGivenLcy: side.pmtDiscGivenLcy.toFixed(2) } : {}),
    ...(side.acceptedPaymentTolerance ? { acceptedPaymentTolerance: side.acceptedPaymentTolerance.toFixed(2) } : {}),
    ...(side.acceptedPmtDiscTolerance !== undefined ? { acceptedPmtDiscTolerance: side.acceptedPmtDiscTolerance } : {}),
  }).where(eq(customerLedgerEntry.entryNo, entryNoOf(side.entry)));
}

/**
 * Unapply: each undone detailed entry flagged Unapplied with the entry no. of its reversal (the
 * reversals were numbered in plan order), and the entries' derived columns restored: open again,
 * the closing facts cleared.
 */
async function writeUnapplications(tx: Executor, plans: readonly CustomerUnapplyPlan[], reversalNos: readonly number[]): Promise<void> {
  const reversals = plans.flatMap((plan) => plan.reversals);
  for (const [index, reversal] of reversals.entries()) {
    await tx.update(detailedCustomerLedgerEntry).set({ unapplied: true, unappliedByEntryNo: reversalNos[index]! })
      .where(eq(detailedCustomerLedgerEntry.entryNo, reversal.undoes));
  }
  for (const restore of plans.flatMap((plan) => plan.entries)) {
    await tx.update(customerLedgerEntry).set({
      remainingAmount: restore.remainingAmount.toFixed(2),
      remainingAmountLcy: restore.remainingAmountLcy.toFixed(2),
      open: restore.open,
      ...(restore.open ? { closedByEntryNo: null, closedAtDate: null, closedByAmount: '0' } : {}),
      remainingPaymentDiscountPossible: restore.remainingPaymentDiscountPossible.toFixed(2),
      pmtDiscGivenLcy: restore.pmtDiscGivenLcy.toFixed(2),
      acceptedPaymentTolerance: restore.acceptedPaymentTolerance.toFixed(2),
      acceptedPmtDiscTolerance: restore.acceptedPmtDiscTolerance,
    }).where(eq(customerLedgerEntry.entryNo, restore.entryNo));
  }
}
