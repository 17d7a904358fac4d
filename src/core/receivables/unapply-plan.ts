/**
 * Unapply (spec §20.3; BC's UnapplyCustLedgEntry): the latest application of an entry is undone by
 * opposite detailed entries, flagged Unapplied as the ones they undo; what the application posted
 * to G/L and VAT (discount, tolerance and their VAT parts, gain or loss) is reversed on the same
 * accounts and the entries reopen. Like BC, it undoes every detailed entry the application's
 * transaction wrote for the customer, except the Initial Entries. Refused while a later application
 * of one of those entries exists: that one must be unapplied first.
 */
import { compareDates, type IsoDate } from '../dates/calendar-date.ts';
import { DomainError } from '../errors.ts';
import { type Decimal, ZERO, sum } from '../money/decimal.ts';
import { groupBy } from '../group-by.ts';
import type { EntryDocument, GlEntry, LedgerDocumentType, VatEntry } from '../posting/entries.ts';
import { detailedEntryAccount, detailedEntryGlEntry, postingGroupOf, ReceivablesTotals } from './application-gl.ts';
import type {
  ApplicationSetup, CustomerEntryRestore, CustomerUnapplyPlan, DetailedCustomerEntryType, DetailedEntryReversal, PostedDetailedCustomerEntry,
} from './application-types.ts';

/** An entry the application touched, as it is now. */
export interface UnapplyEntryState {
  entryNo: number;
  customerNo: string;
  customerPostingGroup: string;
  remainingAmount: Decimal;
  remainingAmountLcy: Decimal;
  originalPaymentDiscountPossible: Decimal;
  pmtDiscGivenLcy: Decimal;
  acceptedPaymentTolerance: Decimal;
  acceptedPmtDiscTolerance: boolean;
}

/** A G/L entry of the application's transaction: where a VAT part posted. */
export type TransactionGlEntry = Pick<GlEntry, 'accountNo' | 'amount' | 'genPostingType' | 'genBusPostingGroup' | 'genProdPostingGroup'
  | 'vatBusPostingGroup' | 'vatProdPostingGroup' | 'sourceType' | 'sourceNo'>;

/** A VAT entry of the application's transaction. */
export type TransactionVatEntry = Omit<VatEntry, 'document'>;

export interface UnapplyRequest {
  /** The entry whose latest application is undone. */
  entryNo: number;
  /** The detailed entries of that entry and of every entry its latest application touched (all of them, any transaction). */
  detailedEntries: readonly PostedDetailedCustomerEntry[];
  entries: ReadonlyMap<number, UnapplyEntryState>;
  /** The G/L and VAT entries of the application's transaction. */
  transactionGlEntries: readonly TransactionGlEntry[];
  transactionVatEntries: readonly TransactionVatEntry[];
  /** Unset: the application's posting date. */
  postingDate?: IsoDate | undefined;
  setup: ApplicationSetup;
}

export interface UnapplyResult {
  transactionNo: number;
  postingDate: IsoDate;
  document: EntryDocument;
  plan: CustomerUnapplyPlan;
  glEntries: GlEntry[];
  vatEntries: VatEntry[];
}

export function planUnapply(request: UnapplyRequest): UnapplyResult {
  const { undone, transactionNo } = latestApplication(request);
  const first = undone[0]!;
  const postingDate = request.postingDate ?? first.postingDate;
  if (compareDates(postingDate, first.postingDate) < 0) {
    throw new DomainError('UNAPPLY_POSTING_DATE_TOO_EARLY', { postingDate, applicationDate: first.postingDate }, 'postingDate');
  }
  const document: EntryDocument = {
    documentType: first.documentType as LedgerDocumentType, documentNo: first.documentNo, externalDocumentNo: '', description: `Unapply ${first.documentNo}`,
  };
  const reversals = undone.map((entry): DetailedEntryReversal => ({
    undoes: entry.entryNo, customerLedgerEntryNo: entry.customerLedgerEntryNo, entryType: entry.entryType, customerNo: entry.customerNo,
    currencyCode: entry.currencyCode, amount: entry.amount.negated(), amountLcy: entry.amountLcy.negated(), appliedCustomerLedgerEntryNo: entry.appliedCustomerLedgerEntryNo,
  }));
  const { glEntries, vatEntries } = reversingEntries(request, undone, document);
  return {
    transactionNo, postingDate, document, glEntries, vatEntries,
    plan: { documentType: first.documentType, documentNo: first.documentNo, reversals, entries: restoredEntries(request, undone) },
  };
}

/** The detailed entries of the entry's latest application transaction, checked to be the latest of every entry they touch. */
function latestApplication(request: UnapplyRequest): { undone: PostedDetailedCustomerEntry[]; transactionNo: number } {
  const live = request.detailedEntries.filter((entry) => !entry.unapplied);
  const applications = live.filter((entry) => entry.entryType === 'application' && entry.customerLedgerEntryNo === request.entryNo);
  if (applications.length === 0) throw new DomainError('NOTHING_TO_UNAPPLY', { entryNo: request.entryNo });
  const transactionNo = Math.max(...applications.map((entry) => entry.transactionNo));
  const customerNo = applications[0]!.customerNo;
  const undone = live.filter((entry) => entry.transactionNo === transactionNo && entry.customerNo === customerNo && entry.entryType !== 'initialEntry')
    .sort((a, b) => a.entryNo - b.entryNo);
  const touched = new Set(undone.map((entry) => entry.customerLedgerEntryNo));
  const later = live.find((entry) => touched.has(entry.customerLedgerEntryNo) && entry.entryType === 'application' && entry.transactionNo > transactionNo);
  if (later) {
    throw new DomainError('APPLICATION_NOT_LATEST', { entryNo: later.customerLedgerEntryNo, transactionNo: later.transactionNo, documentNo: later.documentNo });
  }
  return { undone, transactionNo };
}

const vatPart = (entryType: DetailedCustomerEntryType) => entryType.endsWith('VatExcl') || entryType.endsWith('VatAdjustment');

/**
 * G/L: each undone entry's own G/L entry reversed on its account — a VAT part on the account its
 * G/L entry of the transaction names (with its posting groups), the others on the account the
 * setup gives now, as BC — and the receivables take −Σ Amount (LCY). VAT: the VAT Adjustment
 * entries' VAT entries reversed.
 */
function reversingEntries(request: UnapplyRequest, undone: readonly PostedDetailedCustomerEntry[], document: EntryDocument): { glEntries: GlEntry[]; vatEntries: VatEntry[] } {
  const glPool = request.transactionGlEntries.map((entry) => ({ entry, used: false }));
  const vatPool = request.transactionVatEntries.map((entry) => ({ entry, used: false }));
  const receivables = new ReceivablesTotals();
  const glEntries: GlEntry[] = [];
  const vatEntries: VatEntry[] = [];
  // A vendor's VAT parts posted as purchases (application-gl.ts).
  const postingType = request.setup.party === 'vendor' ? 'purchase' : 'sale';
  for (const detailed of undone) {
    const state = entryState(request, detailed.customerLedgerEntryNo);
    const group = postingGroupOf(request.setup, state.customerPostingGroup);
    receivables.add(group, detailed.amountLcy.negated());
    if (detailed.entryType === 'application' || detailed.amountLcy.isZero()) continue;
    if (!vatPart(detailed.entryType)) {
      const accountNo = detailedEntryAccount(detailed.entryType, detailed.amountLcy.isNegative(), { setup: request.setup, group, currencyCode: detailed.currencyCode });
      glEntries.push(detailedEntryGlEntry(accountNo, detailed.amountLcy.negated(), detailed.customerNo, document, undefined, request.setup.party));
      continue;
    }
    const posted = take(glPool, (entry) => entry.genPostingType === postingType && entry.sourceNo === detailed.customerNo && entry.amount.eq(detailed.amountLcy.negated()));
    glEntries.push({ ...detailedEntryGlEntry(posted.accountNo, detailed.amountLcy.negated(), detailed.customerNo, document, undefined, request.setup.party), ...postingGroups(posted) });
    if (detailed.entryType.endsWith('VatAdjustment')) {
      const vat = take(vatPool, (entry) => entry.type === postingType && entry.billToCustomerNo === detailed.customerNo && entry.amount.eq(detailed.amountLcy.negated())
        && entry.vatBusPostingGroup === posted.vatBusPostingGroup && entry.vatProdPostingGroup === posted.vatProdPostingGroup);
      vatEntries.push({ ...vat, base: vat.base.negated(), amount: vat.amount.negated(), document });
    }
  }
  const customerNo = undone[0]!.customerNo;
  return { glEntries: [...glEntries, ...receivables.glEntries(customerNo, document, request.setup.party)], vatEntries };
}

function take<T>(pool: { entry: T; used: boolean }[], matches: (entry: T) => boolean): T {
  const found = pool.find((candidate) => !candidate.used && matches(candidate.entry));
  if (!found) throw new Error('the G/L or VAT entry of an application\'s VAT part is missing from its transaction');
  found.used = true;
  return found.entry;
}

const postingGroups = (entry: TransactionGlEntry) => ({
  genPostingType: entry.genPostingType, genBusPostingGroup: entry.genBusPostingGroup, genProdPostingGroup: entry.genProdPostingGroup,
  vatBusPostingGroup: entry.vatBusPostingGroup, vatProdPostingGroup: entry.vatProdPostingGroup,
});

function entryState(request: UnapplyRequest, entryNo: number): UnapplyEntryState {
  const state = request.entries.get(entryNo);
  if (!state) throw new Error(`customer ledger entry ${entryNo} was not loaded for unapply`);
  return state;
}

const discountFamily = (entryType: DetailedCustomerEntryType) => entryType.startsWith('paymentDiscount');

/** Remaining amounts back by what is undone; open again; discount given, accepted tolerances as before the application. */
function restoredEntries(request: UnapplyRequest, undone: readonly PostedDetailedCustomerEntry[]): CustomerEntryRestore[] {
  // Grouped once: an application to 10,000 invoices undoes some 20,000 detailed entries.
  const own = groupBy(undone, (entry) => entry.customerLedgerEntryNo);
  const aimedAtEntry = groupBy(undone.filter((entry) => entry.entryType !== 'application'), (entry) => entry.appliedCustomerLedgerEntryNo);
  return [...own].map(([entryNo, entries]) => {
    const state = entryState(request, entryNo);
    const aimedAt = aimedAtEntry.get(entryNo) ?? [];
    const remainingAmount = state.remainingAmount.minus(sum(entries.map((entry) => entry.amount)));
    const open = !remainingAmount.isZero();
    // Max. Payment Tolerance as before the application: kept on the entry's first undone Application entry (unchanged where not recorded).
    const firstApplication = entries.find((entry) => entry.entryType === 'application');
    return {
      entryNo,
      remainingAmount,
      remainingAmountLcy: state.remainingAmountLcy.minus(sum(entries.map((entry) => entry.amountLcy))),
      open,
      remainingPaymentDiscountPossible: open ? state.originalPaymentDiscountPossible : ZERO,
      pmtDiscGivenLcy: state.pmtDiscGivenLcy.plus(sum(aimedAt.filter((entry) => discountFamily(entry.entryType)).map((entry) => entry.amountLcy))),
      acceptedPaymentTolerance: aimedAt.some((entry) => entry.entryType.startsWith('paymentTolerance')) ? ZERO : state.acceptedPaymentTolerance,
      acceptedPmtDiscTolerance: aimedAt.some((entry) => entry.entryType.startsWith('paymentDiscountTolerance')) ? false : state.acceptedPmtDiscTolerance,
      ...(firstApplication?.maxPaymentTolerance ? { maxPaymentTolerance: firstApplication.maxPaymentTolerance } : {}),
    };
  });
}

