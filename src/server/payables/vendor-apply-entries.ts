/**
 * Apply Entries → Post Application on posted vendor ledger entries (BC's VendEntry-Apply Posted
 * Entries): an open entry (e.g. a payment) applied to other open entries of its vendor, each for its
 * Amount to Apply, by the one application engine reading vendor entries in the customer shape
 * (core/receivables application-types.ts) — payment discount received, tolerance, gains and losses
 * as for customers. The same request and checks as the customer Post Application. One transaction.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec, ZERO } from '../../core/money/decimal.ts';
import type { EntryDocument, LedgerDocumentType } from '../../core/posting/entries.ts';
import { planApplication } from '../../core/receivables/application-plan.ts';
import type { ApplicationEntry, AppliedEntryRequest } from '../../core/receivables/application-types.ts';
import type { Executor } from '../db/connection.ts';
import { vendor, vendorLedgerEntry } from '../db/schema/index.ts';
import { addVatBuckets, loadApplicationSetup } from '../journal/general-journal.queries.ts';
import { loadVendorPostingGroupAccounts, openVendorEntry } from '../journal/journal-vendor-entries.ts';
import { appendPosting } from '../ledger/append-posting.ts';
import { applicationPostingDate, type PostedApplication } from '../receivables/apply-entries.commands.ts';
import type { PostApplicationInput } from '../receivables/apply-entries.schemas.ts';
import type { SalesContext } from '../sales/sales-context.ts';

/** BC's source code for applications of posted vendor entries. */
export const purchaseApplicationSourceCode = 'PURCHAPPL';

export type PostedVendorApplication = Omit<PostedApplication, 'customerLedgerEntries'> & { vendorLedgerEntries: PostedApplication['customerLedgerEntries'] };

export async function postVendorApplication(
  tx: Executor, applyingEntryNo: number, input: PostApplicationInput, context: SalesContext,
): Promise<PostedVendorApplication> {
  const { applying, applied, rows } = await loadEntries(tx, applyingEntryNo, input);
  const postingDate = applicationPostingDate(applyingEntryNo, applying, applied, input, context.glSetup);
  const [owner] = await tx.select({ blockPaymentTolerance: vendor.blockPaymentTolerance }).from(vendor).where(eq(vendor.no, applying.customerNo));
  const loaded = await loadApplicationSetup(tx, context.glSetup, [], []);
  const groups = await loadVendorPostingGroupAccounts(tx, rows.map((row) => row.vendorPostingGroup));
  const row = rows.find((candidate) => candidate.entryNo === applyingEntryNo)!;
  const document: EntryDocument = { documentType: row.documentType as LedgerDocumentType, documentNo: row.documentNo, externalDocumentNo: '', description: '' };
  const result = planApplication({
    applying, applied, mode: 'appliesToId', postingDate, blockPaymentTolerance: owner?.blockPaymentTolerance ?? false, document,
    choices: { acceptPaymentTolerance: input.acceptPaymentTolerance, acceptPaymentDiscountTolerance: input.acceptPaymentDiscountTolerance },
    setup: {
      ...loaded.setup, party: 'vendor', customerPostingGroups: groups,
      amountPrecision: loaded.currencyPrecisions.get(applying.currencyCode) ?? loaded.setup.amountPrecision,
    },
  });
  if (result.applications.length === 0) throw new DomainError('APPLICATION_INVALID', { reason: 'nothing was applied: the applying entry has nothing left to apply' });
  const appended = await appendPosting(tx, {
    facts: { postingDate, sourceCode: purchaseApplicationSourceCode, userId: context.username, document },
    entries: { glEntries: result.glEntries, vatEntries: result.vatEntries, customerLedgerEntries: [] },
    items: null,
    customerApplications: [],
    vendorApplications: result.applications,
  });
  const touched = [applyingEntryNo, ...applied.map((request) => request.entry.entryNo!)];
  const after = await tx.select({
    entryNo: vendorLedgerEntry.entryNo, remainingAmount: vendorLedgerEntry.remainingAmount, remainingAmountLcy: vendorLedgerEntry.remainingAmountLcy, open: vendorLedgerEntry.open,
  }).from(vendorLedgerEntry).where(inArray(vendorLedgerEntry.entryNo, touched)).orderBy(asc(vendorLedgerEntry.entryNo));
  return { transactionNo: appended.transactionNo, postingDate, documentNo: document.documentNo, vendorLedgerEntries: after };
}

/** The applying entry and the applied ones (request order), locked, with the VAT their discount or tolerance may split. */
async function loadEntries(tx: Executor, applyingEntryNo: number, input: PostApplicationInput) {
  const wanted = [applyingEntryNo, ...input.appliedEntries.map((entry) => entry.entryNo)];
  if (new Set(wanted).size !== wanted.length) {
    throw new DomainError('APPLICATION_INVALID', { reason: 'an entry is named twice, or the applying entry is among the applied entries' }, 'appliedEntries');
  }
  const rows = await tx.select().from(vendorLedgerEntry).where(inArray(vendorLedgerEntry.entryNo, wanted)).for('update');
  const missing = wanted.find((entryNo) => !rows.some((row) => row.entryNo === entryNo));
  if (missing !== undefined) throw new DomainError('NOT_FOUND', { entity: 'Vendor Ledger Entry', key: missing });
  const entries = rows.map(openVendorEntry);
  await addVatBuckets(tx, entries, 'vendor');
  const entryOf = (entryNo: number) => entries.find((entry) => entry.entryNo === entryNo)! as unknown as ApplicationEntry;
  const applied: AppliedEntryRequest[] = input.appliedEntries.map((request) => ({
    entry: entryOf(request.entryNo), amountToApply: request.amountToApply ? dec(request.amountToApply) : ZERO,
  }));
  return { applying: entryOf(applyingEntryNo), applied, rows };
}
