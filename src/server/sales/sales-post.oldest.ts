/**
 * Apply to Oldest at sales posting (spec §20.3; BC's codeunit 12 ApplyCustLedgEntry, which runs for
 * every customer entry): a posted invoice or credit memo that names no entry to apply to, of a
 * bill-to customer whose Application Method is Apply to Oldest, is applied in the same transaction
 * to the customer's open entries of the opposite sign, oldest first. Loads and locks those entries
 * and the application setup; core/receivables plans the detailed, G/L and VAT entries.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { EntryDocument, PostingBatch } from '../../core/posting/entries.ts';
import type { ApplicationEntry } from '../../core/receivables/application-types.ts';
import { applyNewEntryToOldest } from '../../core/receivables/apply-to-oldest.ts';
import type { ApplicationResult } from '../../core/receivables/application-plan.ts';
import type { Executor } from '../db/connection.ts';
import { customer, customerLedgerEntry } from '../db/schema/index.ts';
import { loadApplicationSetup, openEntry } from '../journal/general-journal.queries.ts';
import type { SalesContext } from './sales-context.ts';
import type { LoadedSalesPosting } from './sales-post.load.ts';

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
  const [billTo] = await tx.select({ applicationMethod: customer.applicationMethod, blockPaymentTolerance: customer.blockPaymentTolerance })
    .from(customer).where(eq(customer.no, draft.customerNo));
  if (billTo?.applicationMethod !== 'applyToOldest') return null;
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
