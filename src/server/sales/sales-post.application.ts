/**
 * Applying a sales posting's new invoice or credit memo entry (spec §17.3, §18.3, §20.3; BC's
 * codeunit 12 ApplyCustLedgEntry, which runs for every customer entry): to the open entry its
 * header's Applies-to Doc. No. names, or, with no such entry and a bill-to customer whose Application
 * Method is Apply to Oldest, to the customer's open entries of the opposite sign, oldest first. In the
 * same transaction, through the one application engine: other currencies as Appln. between
 * Currencies allows, with realized gains and losses. Loads and locks the entries and the application
 * setup; core/receivables plans the detailed, G/L and VAT entries.
 */
import { and, asc, eq } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import type { EntryDocument, PostingBatch } from '../../core/posting/entries.ts';
import type { ApplicationEntry } from '../../core/receivables/application-types.ts';
import { applyNewEntryToDocument, applyNewEntryToOldest } from '../../core/receivables/apply-to-oldest.ts';
import type { ApplicationResult } from '../../core/receivables/application-plan.ts';
import type { Executor } from '../db/connection.ts';
import { customerLedgerEntry } from '../db/schema/index.ts';
import { loadApplicationSetup, openEntry } from '../journal/general-journal.queries.ts';
import { findOpenCustomerEntry } from '../ledger/open-customer-entries.ts';
import type { SalesContext } from './sales-context.ts';
import type { LoadedSalesPosting } from './sales-post.load.ts';

/**
 * The new entry applied to the entry the header's Applies-to Doc. No. names (locked); null when it
 * names none. No discount or tolerance is granted to an invoice or credit memo applying (BC's
 * CheckCalcPmtDisc; tolerance is accepted in journals only).
 */
export async function applicationToDocument(
  tx: Executor, loaded: LoadedSalesPosting, invoiceBatch: PostingBatch, document: EntryDocument, context: SalesContext,
): Promise<ApplicationResult | null> {
  const { header } = loaded;
  const draft = invoiceBatch.customerLedgerEntries[0];
  if (!header.appliesToDocumentNo || !draft) return null;
  const appliesToType = header.appliesToDocumentType ?? 'invoice';
  const row = await findOpenCustomerEntry(tx, header.billToCustomerNo, appliesToType, header.appliesToDocumentNo);
  if (!row) {
    throw new DomainError('APPLICATION_INVALID', { reason: `customer ${header.billToCustomerNo} has no open ${appliesToType} ${header.appliesToDocumentNo} to apply to` }, 'appliesToDocumentNo');
  }
  const target = { ...openEntry(row, null, null), acceptedPmtDiscTolerance: row.acceptedPmtDiscTolerance, vatBuckets: [] } as ApplicationEntry;
  const application = await loadApplicationSetup(tx, context.glSetup, [], [target, { customerPostingGroup: draft.customerPostingGroup ?? '' }]);
  try {
    return applyNewEntryToDocument({
      draft, newEntryIndex: 0, document, postingDate: header.postingDate, target, setup: { ...application.setup, amountPrecision: loaded.precision },
    });
  } catch (error) {
    // The refusal concerns the header's Applies-to Doc. No.
    if (error instanceof DomainError && error.code === 'APPLICATION_INVALID') throw new DomainError('APPLICATION_INVALID', error.params as never, 'appliesToDocumentNo');
    throw error;
  }
}

/**
 * Null unless the rule applies: not when the header names an Applies-to Doc. No. (applied to that
 * entry instead). The caller leaves out a document its payment method pays at posting.
 */
export async function applicationToOldest(
  tx: Executor, loaded: LoadedSalesPosting, invoiceBatch: PostingBatch, document: EntryDocument, context: SalesContext,
): Promise<ApplicationResult | null> {
  const { header } = loaded;
  const draft = invoiceBatch.customerLedgerEntries[0];
  if (!draft || draft.amount.isZero() || header.appliesToDocumentNo) return null;
  const { billTo } = loaded;
  if (billTo.applicationMethod !== 'applyToOldest') return null;
  const open = await lockedOpenEntries(tx, draft.customerNo);
  if (open.length === 0) return null;
  const application = await loadApplicationSetup(tx, context.glSetup, [], [...open, { customerPostingGroup: draft.customerPostingGroup ?? '' }]);
  return applyNewEntryToOldest({
    draft, newEntryIndex: 0, document, postingDate: header.postingDate, open, blockPaymentTolerance: billTo.blockPaymentTolerance,
    setup: { ...application.setup, amountPrecision: loaded.precision },
  });
}

/** The customer's open entries, locked: the posting changes the ones it applies. The rule picks among them. */
async function lockedOpenEntries(tx: Executor, customerNo: string): Promise<ApplicationEntry[]> {
  const rows = await tx.select().from(customerLedgerEntry)
    .where(and(eq(customerLedgerEntry.customerNo, customerNo), eq(customerLedgerEntry.open, true)))
    .orderBy(asc(customerLedgerEntry.entryNo)).for('update');
  // No VAT buckets: a discount or tolerance is never granted to an invoice or credit memo applying (BC's CheckCalcPmtDisc).
  return rows.map((row) => ({ ...openEntry(row, null, null), acceptedPmtDiscTolerance: row.acceptedPmtDiscTolerance, vatBuckets: [] }) as ApplicationEntry);
}
