/**
 * Apply Entries → Post Application on posted customer ledger entries (spec §20.2 item 3; BC's
 * CustEntry-Apply Posted Entries): an open entry (the applying one, e.g. a payment) is applied to
 * other open entries of its customer, each for its Amount to Apply, by core/receivables' engine
 * (payment discount, tolerance, gains and losses included). The posting date is the latest posting
 * date of the entries unless a later one is given; the document is the applying entry's. The marks
 * of the applied entries are cleared, as BC clears Applies-to ID. One database transaction.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { IsoDate } from '../../core/dates/calendar-date.ts';
import { DomainError } from '../../core/errors.ts';
import type { OpenCustomerEntry } from '../../core/journal/journal-accounts.ts';
import { dec, ZERO } from '../../core/money/decimal.ts';
import type { EntryDocument, LedgerDocumentType } from '../../core/posting/entries.ts';
import { assertPostingDateAllowed } from '../../core/posting/posting-date.ts';
import { planApplication } from '../../core/receivables/application-plan.ts';
import type { ApplicationEntry, AppliedEntryRequest } from '../../core/receivables/application-types.ts';
import type { Executor } from '../db/connection.ts';
import { customer, customerEntryApplyMark, customerLedgerEntry } from '../db/schema/index.ts';
import { addVatBuckets, loadApplicationSetup, openEntry } from '../journal/general-journal.queries.ts';
import { appendPosting } from '../ledger/append-posting.ts';
import type { SalesContext } from '../sales/sales-context.ts';
import type { PostApplicationInput } from './apply-entries.schemas.ts';

/** BC's source code for applications of posted customer entries. */
export const salesApplicationSourceCode = 'SALESAPPL';

export interface PostedApplication {
  transactionNo: number;
  postingDate: string;
  documentNo: string;
  customerLedgerEntries: { entryNo: number; remainingAmount: string; remainingAmountLcy: string; open: boolean }[];
}

export async function postApplication(tx: Executor, applyingEntryNo: number, input: PostApplicationInput, context: SalesContext): Promise<PostedApplication> {
  const { applying, applied, rows } = await loadEntries(tx, applyingEntryNo, input);
  const postingDate = applicationPostingDate(applyingEntryNo, applying, applied, input, context.glSetup);
  const [owner] = await tx.select({ blockPaymentTolerance: customer.blockPaymentTolerance }).from(customer).where(eq(customer.no, applying.customerNo));
  const loaded = await loadApplicationSetup(tx, context.glSetup, [], rows);
  const row = rows.find((candidate) => candidate.entryNo === applyingEntryNo)!;
  const document: EntryDocument = { documentType: row.documentType as LedgerDocumentType, documentNo: row.documentNo, externalDocumentNo: '', description: '' };
  const result = planApplication({
    applying, applied, mode: 'appliesToId', postingDate, blockPaymentTolerance: owner?.blockPaymentTolerance ?? false, document,
    choices: { acceptPaymentTolerance: input.acceptPaymentTolerance, acceptPaymentDiscountTolerance: input.acceptPaymentDiscountTolerance },
    setup: { ...loaded.setup, amountPrecision: loaded.currencyPrecisions.get(applying.currencyCode) ?? loaded.setup.amountPrecision },
  });
  if (result.applications.length === 0) throw new DomainError('APPLICATION_INVALID', { reason: 'nothing was applied: the applying entry has nothing left to apply' });
  const appended = await appendPosting(tx, {
    facts: { postingDate, sourceCode: salesApplicationSourceCode, userId: context.username, document },
    entries: { glEntries: result.glEntries, vatEntries: result.vatEntries, customerLedgerEntries: [] },
    items: null,
    customerApplications: result.applications,
  });
  const touched = [applyingEntryNo, ...applied.map((request) => request.entry.entryNo!)];
  await tx.delete(customerEntryApplyMark).where(inArray(customerEntryApplyMark.customerLedgerEntryNo, touched));
  const after = await tx.select({
    entryNo: customerLedgerEntry.entryNo, remainingAmount: customerLedgerEntry.remainingAmount, remainingAmountLcy: customerLedgerEntry.remainingAmountLcy, open: customerLedgerEntry.open,
  }).from(customerLedgerEntry).where(inArray(customerLedgerEntry.entryNo, touched)).orderBy(asc(customerLedgerEntry.entryNo));
  return { transactionNo: appended.transactionNo, postingDate, documentNo: document.documentNo, customerLedgerEntries: after };
}

/**
 * §20.3: entries apply against the opposite sign (a same-sign entry may only join a set: a credit
 * memo with a payment); the posting date, the latest of the entries' unless a later one is given,
 * must be allowed. Shared by the customer and the vendor Post Application.
 */
export function applicationPostingDate(
  applyingEntryNo: number, applying: ApplicationEntry, applied: readonly AppliedEntryRequest[], input: PostApplicationInput, glSetup: SalesContext['glSetup'],
): IsoDate {
  if (applied.every((request) => request.entry.remainingAmount.isNegative() === applying.remainingAmount.isNegative())) {
    throw new DomainError('APPLICATION_INVALID', {
      reason: `the entries have the same sign as entry ${applyingEntryNo}: a payment cannot be applied to another payment or a credit memo`,
    }, 'appliedEntries');
  }
  const latest = [applying, ...applied.map((request) => request.entry)].map((entry) => entry.postingDate).sort().at(-1)!;
  const postingDate = (input.postingDate ?? latest) as IsoDate;
  if (postingDate < latest) {
    throw new DomainError('APPLICATION_INVALID', { reason: `the posting date ${postingDate} is before ${latest}, the latest posting date of the entries` }, 'postingDate');
  }
  assertPostingDateAllowed(postingDate, glSetup);
  return postingDate;
}

/** The applying entry and the applied ones (request order), locked, with the VAT their discount or tolerance may split. */
async function loadEntries(tx: Executor, applyingEntryNo: number, input: PostApplicationInput) {
  const wanted = [applyingEntryNo, ...input.appliedEntries.map((entry) => entry.entryNo)];
  if (new Set(wanted).size !== wanted.length) {
    throw new DomainError('APPLICATION_INVALID', { reason: 'an entry is named twice, or the applying entry is among the applied entries' }, 'appliedEntries');
  }
  const found = await tx.select().from(customerLedgerEntry).where(and(inArray(customerLedgerEntry.entryNo, wanted))).for('update');
  const missing = wanted.find((entryNo) => !found.some((row) => row.entryNo === entryNo));
  if (missing !== undefined) throw new DomainError('NOT_FOUND', { entity: 'Customer Ledger Entry', key: missing });
  const rows: OpenCustomerEntry[] = found.map((row) => openEntry(row, null, null));
  await addVatBuckets(tx, rows);
  const entryOf = (entryNo: number) => rows.find((row) => row.entryNo === entryNo)! as unknown as ApplicationEntry;
  const applied: AppliedEntryRequest[] = input.appliedEntries.map((request) => ({
    entry: entryOf(request.entryNo), amountToApply: request.amountToApply ? dec(request.amountToApply) : ZERO,
  }));
  return { applying: entryOf(applyingEntryNo), applied, rows };
}
