/**
 * Applying a purchase posting's new invoice or credit memo entry (spec §17.3, §18.3, §20.3 read for
 * vendors; BC's ApplyVendLedgEntry, which runs for every vendor entry): to the open entry its header's
 * Applies-to Doc. No. names, or, with none and a pay-to vendor whose Application Method is Apply to
 * Oldest, to the vendor's open entries of the opposite sign, oldest first. The one application
 * engine plans it, reading vendor entries in the customer shape (core/receivables application-types.ts).
 */
import { and, asc, eq } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import type { CustomerLedgerEntryDraft, EntryDocument, PostingBatch, VendorLedgerEntryDraft } from '../../core/posting/entries.ts';
import type { ApplicationResult } from '../../core/receivables/application-plan.ts';
import type { ApplicationEntry, ApplicationSetup } from '../../core/receivables/application-types.ts';
import { applyNewEntryToDocument, applyNewEntryToOldest } from '../../core/receivables/apply-to-oldest.ts';
import type { Executor } from '../db/connection.ts';
import { vendor, vendorLedgerEntry } from '../db/schema/index.ts';
import { loadApplicationSetup } from '../journal/general-journal.queries.ts';
import { loadVendorPostingGroupAccounts, openVendorEntry } from '../journal/journal-vendor-entries.ts';
import type { PurchaseContext } from './purchase-context.ts';
import type { LoadedPurchasePosting } from './purchase-post.load.ts';

/** The application of the posting's vendor entry, or null when the header names none and the vendor does not apply to oldest. */
export async function purchaseApplication(
  tx: Executor, loaded: LoadedPurchasePosting, invoiceBatch: PostingBatch, document: EntryDocument, context: PurchaseContext,
): Promise<ApplicationResult | null> {
  const vendorDraft = invoiceBatch.vendorLedgerEntries?.[0];
  if (!vendorDraft || vendorDraft.amount.isZero()) return null;
  const { header } = loaded;
  const draft = asApplyingDraft(vendorDraft);
  const base = { draft, newEntryIndex: 0, document, postingDate: header.postingDate };
  if (header.appliesToDocumentNo) {
    const target = await appliesToEntry(tx, header.payToVendorNo, header.appliesToDocumentType ?? 'invoice', header.appliesToDocumentNo);
    const setup = await vendorApplicationSetup(tx, loaded, context, [target.customerPostingGroup, draft.customerPostingGroup ?? '']);
    try {
      return applyNewEntryToDocument({ ...base, target, setup });
    } catch (error) {
      // The refusal concerns the header's Applies-to Doc. No.
      if (error instanceof DomainError && error.code === 'APPLICATION_INVALID') throw new DomainError('APPLICATION_INVALID', error.params as never, 'appliesToDocumentNo');
      throw error;
    }
  }
  const [payTo] = await tx.select({ applicationMethod: vendor.applicationMethod, blockPaymentTolerance: vendor.blockPaymentTolerance })
    .from(vendor).where(eq(vendor.no, header.payToVendorNo));
  if (payTo?.applicationMethod !== 'applyToOldest') return null;
  const open = (await tx.select().from(vendorLedgerEntry)
    .where(and(eq(vendorLedgerEntry.vendorNo, header.payToVendorNo), eq(vendorLedgerEntry.open, true)))
    .orderBy(asc(vendorLedgerEntry.entryNo)).for('update')).map(applicationEntry);
  if (open.length === 0) return null;
  const setup = await vendorApplicationSetup(tx, loaded, context, [...open.map((entry) => entry.customerPostingGroup), draft.customerPostingGroup ?? '']);
  return applyNewEntryToOldest({ ...base, open, blockPaymentTolerance: payTo.blockPaymentTolerance, setup });
}

/** The vendor entry in the shape the engine reads (application-types.ts: customerNo is the vendor no.). */
function asApplyingDraft(draft: VendorLedgerEntryDraft): CustomerLedgerEntryDraft {
  return {
    ...draft, customerNo: draft.vendorNo, customerPostingGroup: draft.vendorPostingGroup, sellToCustomerNo: draft.buyFromVendorNo, salesLcy: draft.purchaseLcy,
  };
}

// No VAT buckets: a discount or tolerance is never granted to an invoice or credit memo applying (BC's CheckCalcPmtDisc).
const applicationEntry = (row: typeof vendorLedgerEntry.$inferSelect): ApplicationEntry => ({ ...openVendorEntry(row), vatBuckets: [] }) as ApplicationEntry;

async function appliesToEntry(tx: Executor, vendorNo: string, documentType: string, documentNo: string): Promise<ApplicationEntry> {
  const [row] = await tx.select().from(vendorLedgerEntry).where(and(
    eq(vendorLedgerEntry.vendorNo, vendorNo), eq(vendorLedgerEntry.documentType, documentType),
    eq(vendorLedgerEntry.documentNo, documentNo), eq(vendorLedgerEntry.open, true),
  )).for('update');
  if (!row) {
    const caption = documentType === 'creditMemo' ? 'credit memo' : documentType;
    throw new DomainError('APPLICATION_INVALID', { reason: `vendor ${vendorNo} has no open ${caption} ${documentNo} to apply to` }, 'appliesToDocumentNo');
  }
  return applicationEntry(row);
}

async function vendorApplicationSetup(tx: Executor, loaded: LoadedPurchasePosting, context: PurchaseContext, groups: readonly string[]): Promise<ApplicationSetup> {
  const application = await loadApplicationSetup(tx, context.glSetup, [], []);
  const vendorGroups = await loadVendorPostingGroupAccounts(tx, groups);
  return { ...application.setup, party: 'vendor', customerPostingGroups: vendorGroups, amountPrecision: loaded.precision };
}
