/**
 * Applying at journal posting (spec §20.2 item 1, §20.3; BC's ApplyCustLedgEntry from PostCust and
 * ApplyVendLedgEntry from PostVend, the same rules): the new customer or vendor entry of a line is applied to the open entry its Applies-to Doc. No. names, to
 * the entries marked with its Applies-to ID (each for its Amount to Apply), or — for a customer
 * whose Application Method is Apply to Oldest and a line naming neither — to the customer's open
 * entries, oldest first. The open entries are the shell's loaded rows; a journal may apply several
 * lines to one invoice, so each application sees what earlier lines left open.
 */
import { DomainError } from '../errors.ts';
import { ONE, ZERO } from '../money/decimal.ts';
import type { CustomerLedgerEntryDraft } from '../posting/entries.ts';
import { type ApplicationResult, planApplication } from '../receivables/application-plan.ts';
import type {
  ApplicationChoices, ApplicationEntry, ApplicationMode, ApplicationParty, ApplicationSetup, AppliedEntryRequest, CustomerPostingGroupApplicationAccounts,
} from '../receivables/application-types.ts';
import { currenciesMayMeet } from '../receivables/application-currency.ts';
import { markedOrder, oldestFirst } from '../receivables/apply-to-oldest.ts';
import type { JournalAccounts, OpenCustomerEntry } from './journal-accounts.ts';
import type { JournalDocumentType, JournalLine } from './journal-line.ts';

const documentTypeCaptions: Record<string, string> = {
  '': 'document', payment: 'payment', invoice: 'invoice', creditMemo: 'credit memo', refund: 'refund',
  financeChargeMemo: 'finance charge memo', reminder: 'reminder',
};

interface TrackedEntry extends ApplicationEntry {
  appliesToId: string | null;
  amountToApply: typeof ZERO;
}

/** The posting group of a party, by its no. (the customers' or the vendors' of the journal). */
type PostingGroups = ReadonlyMap<string, { postingGroup: string }>;

/** A loaded entry with every fact the rules read; what a caller left out is what a plain entry has. */
function tracked(entry: OpenCustomerEntry, parties: PostingGroups): TrackedEntry {
  const factor = entry.currencyCode === '' || entry.amountLcy.isZero() ? ONE : entry.amount.div(entry.amountLcy);
  return {
    ...entry,
    postingDate: entry.postingDate ?? '0001-01-01', dueDate: entry.dueDate ?? null, currencyFactor: entry.currencyFactor ?? factor,
    paymentDiscountDate: entry.paymentDiscountDate ?? null, paymentDiscountToleranceDate: entry.paymentDiscountToleranceDate ?? null,
    originalPaymentDiscountPossible: entry.originalPaymentDiscountPossible ?? ZERO, remainingPaymentDiscountPossible: entry.remainingPaymentDiscountPossible ?? ZERO,
    maxPaymentTolerance: entry.maxPaymentTolerance ?? ZERO, pmtDiscGivenLcy: entry.pmtDiscGivenLcy ?? ZERO,
    acceptedPaymentTolerance: entry.acceptedPaymentTolerance ?? ZERO, acceptedPmtDiscTolerance: entry.acceptedPmtDiscTolerance ?? false,
    customerPostingGroup: entry.customerPostingGroup ?? parties.get(entry.customerNo)?.postingGroup ?? '',
    vatBuckets: entry.vatBuckets ?? [], appliesToId: entry.appliesToId ?? null, amountToApply: entry.amountToApply ?? ZERO,
  };
}

/** The open customer (or vendor) entries as the journal's lines leave them, line by line. */
export class OpenEntries {
  private readonly entries: TrackedEntry[];

  constructor(loaded: readonly OpenCustomerEntry[], parties: PostingGroups) {
    this.entries = loaded.map((entry) => tracked(entry, parties));
  }

  byDocument(customerNo: string, documentType: JournalDocumentType | null, documentNo: string): TrackedEntry | undefined {
    return this.entries.find((entry) => entry.open && entry.customerNo === customerNo && entry.documentNo === documentNo
      && (documentType === null || entry.documentType === documentType));
  }

  marked(customerNo: string, appliesToId: string): TrackedEntry[] {
    return this.entries.filter((entry) => entry.open && entry.customerNo === customerNo && entry.appliesToId === appliesToId);
  }

  openOf(customerNo: string): TrackedEntry[] {
    return this.entries.filter((entry) => entry.open && entry.customerNo === customerNo);
  }

  /** Records what an application left of the entries it applied; their marks are used up, as BC clears them. */
  settle(result: ApplicationResult): void {
    for (const after of result.applied) {
      const index = this.entries.findIndex((entry) => entry.entryNo === after.entryNo);
      if (index < 0) continue;
      const applied = result.applications.some((plan) => 'entryNo' in plan.applied.entry && plan.applied.entry.entryNo === after.entryNo);
      this.entries[index] = { ...this.entries[index]!, ...after, ...(applied ? { appliesToId: null, amountToApply: ZERO } : {}) };
    }
  }
}

/** The party whose new entry applies: a customer, or a vendor read the same way. */
export interface ApplyingParty {
  kind: ApplicationParty;
  applicationMethod?: 'manual' | 'applyToOldest';
  blockPaymentTolerance?: boolean;
}

/** The new entry of a line as the application reads it (a customer entry draft, or a vendor entry draft mapped to that shape). */
export type ApplyingDraft = Pick<CustomerLedgerEntryDraft,
  'customerNo' | 'currencyCode' | 'currencyFactor' | 'amount' | 'amountLcy' | 'documentType' | 'dueDate' | 'paymentDiscountDate'
  | 'paymentDiscountToleranceDate' | 'originalPaymentDiscountPossible' | 'maxPaymentTolerance' | 'customerPostingGroup'>;

export interface LineApplicationInput {
  line: JournalLine;
  draft: ApplyingDraft;
  /** The draft's index among the posting's customer (or vendor) entries. */
  newEntryIndex: number;
  party: ApplyingParty;
  open: OpenEntries;
  accounts: JournalAccounts;
  choices: ApplicationChoices;
  /** `lines.<index>`: refusals name its appliesToDocNo or appliesToId. */
  path: string;
}

/** The application of a line's new customer entry; null when the line applies to nothing. */
export function planLineApplication(input: LineApplicationInput): ApplicationResult | null {
  const { line, draft, party } = input;
  const mode: ApplicationMode | null = line.appliesToDocNo ? 'appliesToDoc' : line.appliesToId ? 'appliesToId'
    : party.applicationMethod === 'applyToOldest' ? 'applyToOldest' : null;
  if (mode === null) return null;
  const field = `${input.path}.${mode === 'appliesToId' ? 'appliesToId' : 'appliesToDocNo'}`;
  const applying = applyingEntry(input);
  const applied = appliedEntries(input, applying, mode, field);
  if (applied.length === 0) return null;
  let result: ApplicationResult;
  try {
    result = planApplication({
      applying, applied, mode, postingDate: line.postingDate, blockPaymentTolerance: party.blockPaymentTolerance ?? false,
      document: { documentType: line.documentType, documentNo: line.documentNo, externalDocumentNo: line.externalDocumentNo, description: line.description },
      choices: input.choices, setup: applicationSetup(input.accounts, draft.currencyCode, party.kind),
    });
  } catch (error) {
    if (error instanceof DomainError && !error.field) throw new DomainError(error.code, error.params as never, field);
    throw error;
  }
  input.open.settle(result);
  return result;
}

function applyingEntry({ line, draft, newEntryIndex }: LineApplicationInput): ApplicationEntry {
  return {
    newEntryIndex, entryNo: null, customerNo: draft.customerNo, currencyCode: draft.currencyCode,
    amount: draft.amount, amountLcy: draft.amountLcy, remainingAmount: draft.amount, remainingAmountLcy: draft.amountLcy, open: true,
    documentType: draft.documentType, documentNo: line.documentNo, postingDate: line.postingDate, dueDate: draft.dueDate,
    currencyFactor: draft.currencyFactor ?? ONE, paymentDiscountDate: draft.paymentDiscountDate,
    paymentDiscountToleranceDate: draft.paymentDiscountToleranceDate ?? null,
    originalPaymentDiscountPossible: draft.originalPaymentDiscountPossible, remainingPaymentDiscountPossible: draft.originalPaymentDiscountPossible,
    maxPaymentTolerance: draft.maxPaymentTolerance ?? ZERO, pmtDiscGivenLcy: ZERO, acceptedPaymentTolerance: ZERO, acceptedPmtDiscTolerance: false,
    customerPostingGroup: draft.customerPostingGroup ?? '', vatBuckets: [],
  };
}

function appliedEntries(input: LineApplicationInput, applying: ApplicationEntry, mode: ApplicationMode, field: string): AppliedEntryRequest[] {
  const { line, open, draft } = input;
  if (mode === 'appliesToDoc') {
    const target = open.byDocument(draft.customerNo, line.appliesToDocType, line.appliesToDocNo!);
    if (!target) {
      throw new DomainError('JOURNAL_APPLIES_TO_NOT_FOUND', {
        lineNo: line.lineNo, accountCaption: input.party.kind, accountNo: draft.customerNo,
        documentTypeCaption: documentTypeCaptions[line.appliesToDocType ?? ''] ?? 'document', documentNo: line.appliesToDocNo,
      }, field);
    }
    return [{ entry: target, amountToApply: ZERO }];
  }
  // Appln. between Currencies decides which other currencies Applies-to ID and Apply to Oldest take in (BC's PrepareTempCustLedgEntry).
  const setup = applicationSetup(input.accounts, draft.currencyCode, input.party.kind);
  const currencies = (applyingCode: string, entryCode: string) => currenciesMayMeet(setup, applyingCode, entryCode);
  if (mode === 'appliesToId') {
    const marked = markedOrder(applying, open.marked(draft.customerNo, line.appliesToId!), currencies) as TrackedEntry[];
    if (marked.length === 0) {
      throw new DomainError('JOURNAL_APPLICATION_NOT_SUPPORTED', {
        lineNo: line.lineNo, what: `Applies-to ID ${line.appliesToId} without open entries of ${input.party.kind} ${draft.customerNo} marked with it that may be applied to ${draft.currencyCode || 'local currency'}`,
        remedy: 'mark the entries to apply with that Applies-to ID first, or post the line without it',
      }, field);
    }
    return marked.map((entry) => ({ entry, amountToApply: entry.amountToApply }));
  }
  return oldestFirst(applying, open.openOf(draft.customerNo), currencies).map((entry) => ({ entry, amountToApply: ZERO }));
}

/**
 * The journal's application setup for a currency and party (a vendor's: the vendor posting groups);
 * without one: the parties' receivables or payables accounts, nothing else.
 */
function applicationSetup(accounts: JournalAccounts, currencyCode: string, party: ApplicationParty): ApplicationSetup {
  const application = accounts.application;
  if (application) {
    const groups = party === 'vendor' ? application.vendorPostingGroups ?? new Map() : application.setup.customerPostingGroups;
    return { ...application.setup, party, customerPostingGroups: groups, amountPrecision: application.currencyPrecisions.get(currencyCode) ?? application.setup.amountPrecision };
  }
  const parties = party === 'vendor'
    ? [...accounts.vendors.values()].map((vendor) => ({ postingGroup: vendor.postingGroup, account: vendor.payablesAccount }))
    : [...accounts.customers.values()].map((customer) => ({ postingGroup: customer.postingGroup, account: customer.receivablesAccount }));
  const groups = new Map<string, CustomerPostingGroupApplicationAccounts>(parties.map((row) => [row.postingGroup, {
    code: row.postingGroup, receivablesAccount: row.account,
    paymentDiscountDebitAccount: '', paymentDiscountCreditAccount: '', paymentToleranceDebitAccount: '', paymentToleranceCreditAccount: '',
  }]));
  return {
    party,
    adjustForPaymentDiscount: false, paymentDiscountExcludingVat: false, paymentToleranceWarning: false, paymentDiscountToleranceWarning: false,
    paymentTolerancePosting: 'paymentToleranceAccounts', paymentDiscountTolerancePosting: 'paymentDiscountAccounts',
    amountPrecision: ONE.div(100), lcyAmountPrecision: ONE.div(100), customerPostingGroups: groups, currencies: new Map(),
  };
}
