/**
 * Unapply a vendor ledger entry (BC's UnapplyVendLedgEntry): its latest application is undone in
 * one transaction, planned by the same core as a customer's (core/receivables unapply-plan.ts, which
 * reads vendor entries in the customer shape) and appended with the vendor ledger's flags.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import { assertPostingDateAllowed } from '../../core/posting/posting-date.ts';
import type { DetailedCustomerEntryType, PostedDetailedCustomerEntry } from '../../core/receivables/application-types.ts';
import { planUnapply, type UnapplyEntryState } from '../../core/receivables/unapply-plan.ts';
import type { Executor } from '../db/connection.ts';
import { detailedVendorLedgerEntry, vendor, vendorLedgerEntry } from '../db/schema/index.ts';
import { loadApplicationSetup } from '../journal/general-journal.queries.ts';
import { loadVendorPostingGroupAccounts } from '../journal/journal-vendor-entries.ts';
import { appendPosting } from '../ledger/append-posting.ts';
import { transactionGl, transactionVat, type UnapplyInput } from '../receivables/unapply.commands.ts';
import type { SalesContext } from '../sales/sales-context.ts';

/** BC's Source Code Setup "Unapplied Purch. Entry Appln.". */
export const vendorUnapplySourceCode = 'UNAPPPURCH';

export interface UnappliedVendorEntries {
  transactionNo: number;
  postingDate: string;
  documentNo: string;
  unappliedTransactionNo: number;
  vendorLedgerEntries: { entryNo: number; remainingAmount: string; remainingAmountLcy: string; open: boolean }[];
}

export async function unapplyVendorLedgerEntry(tx: Executor, entryNo: number, input: UnapplyInput, context: SalesContext): Promise<UnappliedVendorEntries> {
  const [entry] = await tx.select().from(vendorLedgerEntry).where(eq(vendorLedgerEntry.entryNo, entryNo)).for('update');
  if (!entry) throw new DomainError('NOT_FOUND', { entity: 'Vendor ledger entry', key: String(entryNo) });
  const [owner] = await tx.select({ blocked: vendor.blocked }).from(vendor).where(eq(vendor.no, entry.vendorNo));
  if (owner?.blocked === 'all') throw new DomainError('INVALID_INPUT', { detail: `Vendor ${entry.vendorNo} is blocked for all transactions: its entries cannot be unapplied` });
  const detailedEntries = await involvedDetailedEntries(tx, entryNo, entry.vendorNo);
  const touched = [...new Set(detailedEntries.map((row) => row.customerLedgerEntryNo))];
  const entryRows = await tx.select().from(vendorLedgerEntry).where(inArray(vendorLedgerEntry.entryNo, touched)).for('update');
  const states = new Map(entryRows.map((row): [number, UnapplyEntryState] => [row.entryNo, {
    entryNo: row.entryNo, customerNo: row.vendorNo, customerPostingGroup: row.vendorPostingGroup,
    remainingAmount: dec(row.remainingAmount), remainingAmountLcy: dec(row.remainingAmountLcy),
    originalPaymentDiscountPossible: dec(row.originalPaymentDiscountPossible), pmtDiscGivenLcy: dec(row.pmtDiscReceivedLcy),
    acceptedPaymentTolerance: dec(row.acceptedPaymentTolerance), acceptedPmtDiscTolerance: row.acceptedPmtDiscTolerance,
  }]));
  const application = await loadApplicationSetup(tx, context.glSetup, [], []);
  const groups = await loadVendorPostingGroupAccounts(tx, entryRows.map((row) => row.vendorPostingGroup));
  const transactionNo = latestApplicationTransaction(detailedEntries, entryNo);
  const unapply = planUnapply({
    entryNo, detailedEntries, entries: states, postingDate: input.postingDate as never,
    setup: { ...application.setup, party: 'vendor', customerPostingGroups: groups },
    transactionGlEntries: transactionNo === null ? [] : await transactionGl(tx, transactionNo),
    transactionVatEntries: transactionNo === null ? [] : await transactionVat(tx, transactionNo),
  });
  assertPostingDateAllowed(unapply.postingDate, context.glSetup, 'postingDate');
  const appended = await appendPosting(tx, {
    facts: { postingDate: unapply.postingDate, sourceCode: vendorUnapplySourceCode, userId: context.username, document: unapply.document },
    entries: { glEntries: unapply.glEntries, vatEntries: unapply.vatEntries, customerLedgerEntries: [] },
    items: null,
    customerApplications: [],
    vendorUnapplications: [unapply.plan],
  });
  return {
    transactionNo: appended.transactionNo, postingDate: unapply.postingDate, documentNo: unapply.document.documentNo, unappliedTransactionNo: unapply.transactionNo,
    vendorLedgerEntries: unapply.plan.entries.map((restored) => ({
      entryNo: restored.entryNo, remainingAmount: restored.remainingAmount.toFixed(2), remainingAmountLcy: restored.remainingAmountLcy.toFixed(2), open: restored.open,
    })),
  };
}

type DetailedRow = typeof detailedVendorLedgerEntry.$inferSelect;

const posted = (row: DetailedRow): PostedDetailedCustomerEntry => ({
  entryNo: row.entryNo, customerLedgerEntryNo: row.vendorLedgerEntryNo, entryType: row.entryType as DetailedCustomerEntryType,
  transactionNo: row.transactionNo, postingDate: row.postingDate, documentType: row.documentType, documentNo: row.documentNo,
  customerNo: row.vendorNo, currencyCode: row.currencyCode, amount: dec(row.amount), amountLcy: dec(row.amountLcy),
  appliedCustomerLedgerEntryNo: row.appliedVendorLedgerEntryNo, unapplied: row.unapplied,
  ...(row.maxPaymentTolerance === null ? {} : { maxPaymentTolerance: dec(row.maxPaymentTolerance) }),
});

function latestApplicationTransaction(entries: readonly PostedDetailedCustomerEntry[], entryNo: number): number | null {
  const own = entries.filter((row) => row.customerLedgerEntryNo === entryNo && row.entryType === 'application' && !row.unapplied);
  return own.length === 0 ? null : Math.max(...own.map((row) => row.transactionNo));
}

/** The entry's detailed entries, and every detailed entry of the entries its latest application touched (a later application of one of them refuses). */
async function involvedDetailedEntries(tx: Executor, entryNo: number, vendorNo: string): Promise<PostedDetailedCustomerEntry[]> {
  const own = (await tx.select().from(detailedVendorLedgerEntry).where(eq(detailedVendorLedgerEntry.vendorLedgerEntryNo, entryNo))).map(posted);
  const transactionNo = latestApplicationTransaction(own, entryNo);
  if (transactionNo === null) return own;
  const inTransaction = await tx.select({ entryNo: detailedVendorLedgerEntry.vendorLedgerEntryNo }).from(detailedVendorLedgerEntry)
    .where(and(eq(detailedVendorLedgerEntry.transactionNo, transactionNo), eq(detailedVendorLedgerEntry.vendorNo, vendorNo),
      ne(detailedVendorLedgerEntry.entryType, 'initialEntry')));
  const touched = [...new Set([entryNo, ...inTransaction.map((row) => row.entryNo)])];
  return (await tx.select().from(detailedVendorLedgerEntry).where(inArray(detailedVendorLedgerEntry.vendorLedgerEntryNo, touched))
    .orderBy(asc(detailedVendorLedgerEntry.entryNo))).map(posted);
}
