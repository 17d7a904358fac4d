/**
 * Which open entries an entry is applied to, and in which order, when the posting names no single
 * document (spec §20.3): Application Method "Apply to Oldest" and Applies-to ID; and applying a
 * sales posting's new invoice or credit memo entry, to oldest or to the document it names.
 */
import { compareDates, type IsoDate } from '../dates/calendar-date.ts';
import { type Decimal, ONE, ZERO } from '../money/decimal.ts';
import type { CustomerLedgerEntryDraft, EntryDocument } from '../posting/entries.ts';
import { currenciesMayMeet } from './application-currency.ts';
import { type ApplicationResult, planApplication } from './application-plan.ts';
import type { ApplicationEntry, ApplicationSetup, VatBucket } from './application-types.ts';

interface Applying {
  postingDate: IsoDate;
  remainingAmount: Decimal;
  currencyCode: string;
  customerNo: string;
}

const byDueDateThenEntryNo = (a: ApplicationEntry, b: ApplicationEntry) =>
  compareDates(a.dueDate ?? a.postingDate, b.dueDate ?? b.postingDate) || (a.entryNo ?? 0) - (b.entryNo ?? 0);

const opposite = (applying: Applying, entry: ApplicationEntry) => entry.remainingAmount.isNegative() !== applying.remainingAmount.isNegative();

/** Whether an entry's currency may meet the applying entry's (application-currency.ts currenciesMayMeet); unset = the same currency only. */
export type CurrencyFilter = (applyingCode: string, entryCode: string) => boolean;
const sameCurrency: CurrencyFilter = (applyingCode, entryCode) => applyingCode === entryCode;

/**
 * Apply to Oldest: the customer's open entries of the opposite sign in the applying entry's
 * currency (or one Appln. between Currencies lets it meet), oldest due date first (then entry no.), leaving out entries posted after it.
 */
export function oldestFirst(applying: Applying, open: readonly ApplicationEntry[], currencies: CurrencyFilter = sameCurrency): ApplicationEntry[] {
  return open
    .filter((entry) => entry.open && !entry.remainingAmount.isZero() && entry.customerNo === applying.customerNo
      && currencies(applying.currencyCode, entry.currencyCode) && opposite(applying, entry)
      && compareDates(entry.postingDate, applying.postingDate) <= 0)
    .sort(byDueDateThenEntryNo);
}

/**
 * Applies-to ID: the marked entries of the customer in the applying entry's currency. Those of the
 * applying entry's own sign (a credit memo marked with a payment) first, so what they add is there
 * for the others, then the opposite sign; each group by due date, then entry no.
 */
export function markedOrder(applying: Applying, marked: readonly ApplicationEntry[], currencies: CurrencyFilter = sameCurrency): ApplicationEntry[] {
  const candidates = marked.filter((entry) => entry.open && !entry.remainingAmount.isZero()
    && entry.customerNo === applying.customerNo && currencies(applying.currencyCode, entry.currencyCode));
  return [
    ...candidates.filter((entry) => !opposite(applying, entry)).sort(byDueDateThenEntryNo),
    ...candidates.filter((entry) => opposite(applying, entry)).sort(byDueDateThenEntryNo),
  ];
}

/**
 * A customer entry the posting creates, as the application engine sees it: untouched, its whole
 * amount open, its discount still possible. `vatBuckets` is its document's VAT (for an invoice a
 * discount may be split over), [] when nothing will split it.
 */
export function newApplicationEntry(
  draft: CustomerLedgerEntryDraft, newEntryIndex: number, facts: { documentNo: string; postingDate: IsoDate; vatBuckets?: readonly VatBucket[] },
): ApplicationEntry {
  return {
    newEntryIndex, entryNo: null, customerNo: draft.customerNo, currencyCode: draft.currencyCode,
    amount: draft.amount, amountLcy: draft.amountLcy, remainingAmount: draft.amount, remainingAmountLcy: draft.amountLcy, open: true,
    documentType: draft.documentType, documentNo: draft.document?.documentNo ?? facts.documentNo, postingDate: facts.postingDate,
    dueDate: draft.dueDate, currencyFactor: draft.currencyFactor ?? ONE,
    paymentDiscountDate: draft.paymentDiscountDate, paymentDiscountToleranceDate: draft.paymentDiscountToleranceDate ?? null,
    originalPaymentDiscountPossible: draft.originalPaymentDiscountPossible, remainingPaymentDiscountPossible: draft.originalPaymentDiscountPossible,
    maxPaymentTolerance: draft.maxPaymentTolerance ?? ZERO, pmtDiscGivenLcy: ZERO, acceptedPaymentTolerance: ZERO, acceptedPmtDiscTolerance: false,
    customerPostingGroup: draft.customerPostingGroup ?? '', vatBuckets: facts.vatBuckets ?? [],
  };
}

export interface NewEntryToOldestInput {
  /** The posting's new customer entry (a sales invoice or credit memo) and its index among the posting's customer entries. */
  draft: CustomerLedgerEntryDraft;
  newEntryIndex: number;
  /** Its document: the Document Type / No. of the application's detailed, G/L and VAT entries. */
  document: EntryDocument;
  postingDate: IsoDate;
  /** The customer's open entries (any sign, any date: the rule picks). */
  open: readonly ApplicationEntry[];
  blockPaymentTolerance: boolean;
  setup: ApplicationSetup;
}

/**
 * BC's ApplyCustLedgEntry for an entry posted without Applies-to when the customer's Application
 * Method is Apply to Oldest (codeunit 12 does it for every customer entry, a sales invoice or credit
 * memo too): the new entry is applied to the open entries of the opposite sign, oldest first, as far
 * as it goes. Null when there is nothing to apply to. The engine grants no tolerance in this mode,
 * and a discount only to a payment or refund applying, as BC's CheckCalcPmtDisc.
 */
export function applyNewEntryToOldest(input: NewEntryToOldestInput): ApplicationResult | null {
  const { draft, document, postingDate } = input;
  if (draft.amount.isZero()) return null;
  const applying = newApplicationEntry(draft, input.newEntryIndex, { documentNo: document.documentNo, postingDate });
  // Appln. between Currencies decides which other currencies it takes in, as at journal posting.
  const currencies: CurrencyFilter = (applyingCode, entryCode) => currenciesMayMeet(input.setup, applyingCode, entryCode);
  const applied = oldestFirst({ postingDate, remainingAmount: draft.amount, currencyCode: draft.currencyCode, customerNo: draft.customerNo }, input.open, currencies);
  if (applied.length === 0) return null;
  return planApplication({
    applying, applied: applied.map((entry) => ({ entry, amountToApply: ZERO })), mode: 'applyToOldest', document, postingDate,
    blockPaymentTolerance: input.blockPaymentTolerance, choices: {}, setup: input.setup,
  });
}

export interface NewEntryToDocumentInput {
  draft: CustomerLedgerEntryDraft;
  newEntryIndex: number;
  document: EntryDocument;
  postingDate: IsoDate;
  /** The open entry the document's Applies-to Doc. No. names. */
  target: ApplicationEntry;
  setup: ApplicationSetup;
}

/**
 * A sales invoice or credit memo posted with Applies-to Doc. No. (spec §17.3, §18.3): the new entry
 * applied to that entry as far as both go, across currencies as Appln. between Currencies allows.
 * No tolerance (it is accepted in journals only) and no discount (BC's CheckCalcPmtDisc).
 */
export function applyNewEntryToDocument(input: NewEntryToDocumentInput): ApplicationResult {
  const { draft, document, postingDate } = input;
  const applying = newApplicationEntry(draft, input.newEntryIndex, { documentNo: document.documentNo, postingDate });
  return planApplication({
    applying, applied: [{ entry: input.target, amountToApply: ZERO }], mode: 'appliesToDoc', document, postingDate,
    blockPaymentTolerance: true, choices: {}, setup: input.setup,
  });
}
