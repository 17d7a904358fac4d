/**
 * The rows a posting appends, built from the planned entries and the numbers the append drew
 * (or, for a preview, provisional ones): one function per ledger, used by appendPosting and by the
 * preview, so what a preview shows is what a posting writes.
 */
import { type Decimal, ONE, ZERO } from '../../core/money/decimal.ts';
import type {
  BankAccountLedgerEntryDraft, CustomerLedgerEntryDraft, EntryDocument, GlEntry, VatEntry, VendorLedgerEntryDraft,
} from '../../core/posting/entries.ts';
import type { Posting } from '../../core/posting/posting.ts';
import type {
  CustomerApplicationPlan, CustomerApplicationSide, CustomerEntryRef, CustomerUnapplyPlan, DetailedCustomerEntryDraft,
} from '../../core/receivables/application-types.ts';
import type {
  bankAccountLedgerEntry, customerLedgerEntry, detailedCustomerLedgerEntry, detailedVendorLedgerEntry, glEntry, vatEntry, vendorLedgerEntry,
} from '../db/schema/index.ts';
import type { NumberedTable, EntryNumbers, RowCounts } from './entry-numbers.ts';
import { itemPlanRows, type ItemPlanRows } from './item-plan-writer.ts';

/** The numbers of one append: drawn by appendPosting, or provisional in a preview. */
export interface PostingNumbering {
  transactionNo: number;
  customerEntryNo(index: number): number;
  vendorEntryNo(index: number): number;
}

const fixed = (value: Decimal) => value.toFixed(2);

function documentOf(posting: Posting, own: EntryDocument | undefined): EntryDocument {
  return own ?? posting.facts.document;
}

/**
 * The columns every ledger row shares. A row spreads them last, after its own columns: V8 builds an
 * object literal whose spread comes last as compactly as a plain literal, while columns added after a
 * spread take several times the memory (some 100 rows a posting).
 */
function entryHeader(
  posting: Posting, transactionNo: number, document: EntryDocument, description: string,
  documentType = document.documentType, postingDate = posting.facts.postingDate,
) {
  const { facts } = posting;
  return {
    transactionNo, postingDate, documentType, documentNo: document.documentNo,
    description, sourceCode: facts.sourceCode, userId: facts.userId,
  };
}

export function glEntryRows(posting: Posting, transactionNo: number): (typeof glEntry.$inferInsert)[] {
  return posting.entries.glEntries.map((entry: GlEntry) => {
    const document = documentOf(posting, entry.document);
    // Rounding is half away from zero (money/decimal.ts), so the credit is the amount's text unsigned.
    const amount = fixed(entry.amount);
    return {
      glAccountNo: entry.accountNo,
      externalDocumentNo: document.externalDocumentNo,
      amount,
      debitAmount: entry.amount.gt(ZERO) ? amount : '0.00',
      creditAmount: entry.amount.isNegative() ? amount.slice(1) : '0.00',
      vatAmount: fixed(entry.vatAmount ?? ZERO),
      genPostingType: entry.genPostingType,
      genBusPostingGroup: entry.genBusPostingGroup,
      genProdPostingGroup: entry.genProdPostingGroup,
      vatBusPostingGroup: entry.vatBusPostingGroup,
      vatProdPostingGroup: entry.vatProdPostingGroup,
      sourceType: entry.sourceType,
      sourceNo: entry.sourceNo,
      // A cost adjustment is dated as the value entry it corrects.
      ...entryHeader(posting, transactionNo, document, entry.description, document.documentType, entry.postingDate || undefined),
    };
  });
}

export function vatEntryRows(posting: Posting, transactionNo: number): (typeof vatEntry.$inferInsert)[] {
  return posting.entries.vatEntries.map((entry: VatEntry) => {
    const document = documentOf(posting, entry.document);
    return {
      type: entry.type,
      base: fixed(entry.base),
      amount: fixed(entry.amount),
      vatCalculationType: entry.vatCalculationType,
      vatIdentifier: entry.vatIdentifier,
      vatPercent: entry.vatPercent.toFixed(5),
      vatBusPostingGroup: entry.vatBusPostingGroup,
      vatProdPostingGroup: entry.vatProdPostingGroup,
      billToPayToNo: entry.billToCustomerNo,
      externalDocumentNo: document.externalDocumentNo,
      ...entryHeader(posting, transactionNo, document, document.description),
    };
  });
}

export function customerEntryRows(posting: Posting, transactionNo: number): (typeof customerLedgerEntry.$inferInsert)[] {
  return posting.entries.customerLedgerEntries.map((draft: CustomerLedgerEntryDraft) => {
    const document = documentOf(posting, draft.document);
    return {
      customerNo: draft.customerNo,
      sellToCustomerNo: draft.sellToCustomerNo ?? draft.customerNo,
      documentDate: draft.documentDate ?? null,
      externalDocumentNo: document.externalDocumentNo,
      currencyCode: draft.currencyCode,
      currencyFactor: (draft.currencyFactor ?? ONE).toString(),
      amount: fixed(draft.amount),
      amountLcy: fixed(draft.amountLcy),
      remainingAmount: fixed(draft.amount),
      remainingAmountLcy: fixed(draft.amountLcy),
      salesLcy: fixed(draft.salesLcy),
      profitLcy: fixed(draft.profitLcy ?? ZERO),
      invoiceDiscountLcy: fixed(draft.invoiceDiscountLcy),
      dueDate: draft.dueDate,
      paymentDiscountDate: draft.paymentDiscountDate,
      paymentDiscountToleranceDate: draft.paymentDiscountToleranceDate ?? null,
      originalPaymentDiscountPossible: fixed(draft.originalPaymentDiscountPossible),
      remainingPaymentDiscountPossible: fixed(draft.originalPaymentDiscountPossible),
      maxPaymentTolerance: fixed(draft.maxPaymentTolerance ?? ZERO),
      open: !draft.amount.isZero(),
      positive: draft.amount.gt(ZERO),
      salespersonCode: draft.salespersonCode ?? '',
      paymentMethodCode: draft.paymentMethodCode ?? '',
      customerPostingGroup: draft.customerPostingGroup ?? '',
      prepayment: draft.prepayment ?? false,
      ...entryHeader(posting, transactionNo, document, document.description, draft.documentType),
    };
  });
}

type DetailedCustomerRow = typeof detailedCustomerLedgerEntry.$inferInsert;

/**
 * The Initial Entry of every new customer entry, then per application step its adjustments
 * (tolerance, discount, VAT parts, application rounding, gain or loss), its Application pair and
 * its Correction of Remaining Amount, in that order. Every row
 * sets the same columns, so the ledger inserts them in one statement, in this order.
 */
export function detailedCustomerEntryRows(posting: Posting, numbering: PostingNumbering, entryNoOf: (ref: CustomerEntryRef) => number): DetailedCustomerRow[] {
  const { facts } = posting;
  const base = { transactionNo: numbering.transactionNo, postingDate: facts.postingDate, userId: facts.userId, unapplied: false };
  const initial = posting.entries.customerLedgerEntries.map((draft, index): DetailedCustomerRow => ({
    customerLedgerEntryNo: numbering.customerEntryNo(index),
    entryType: 'initialEntry',
    documentType: draft.documentType,
    documentNo: documentOf(posting, draft.document).documentNo,
    customerNo: draft.customerNo,
    currencyCode: draft.currencyCode,
    amount: fixed(draft.amount),
    amountLcy: fixed(draft.amountLcy),
    appliedCustomerLedgerEntryNo: null,
    maxPaymentTolerance: null,
    ...base,
  }));
  return [...initial, ...applicationDetailedRows(posting.customerApplications, base, entryNoOf)];
}

/**
 * Per application step its adjustments (tolerance, discount, VAT parts, application rounding, gain
 * or loss), its Application pair and its Correction of Remaining Amount, in that order; customer
 * rows, which vendor applications rename (detailedVendorEntryRows).
 */
function applicationDetailedRows(
  plans: readonly CustomerApplicationPlan[], base: Pick<DetailedCustomerRow, 'transactionNo' | 'postingDate' | 'userId' | 'unapplied'>,
  entryNoOf: (ref: CustomerEntryRef) => number,
): DetailedCustomerRow[] {
  const row = (entry: Pick<DetailedCustomerEntryDraft, 'entry' | 'other' | 'entryType' | 'customerNo' | 'currencyCode' | 'amount' | 'amountLcy'>,
    documentType: string, documentNo: string): DetailedCustomerRow => ({
    customerLedgerEntryNo: entryNoOf(entry.entry),
    entryType: entry.entryType,
    documentType, documentNo,
    customerNo: entry.customerNo,
    currencyCode: entry.currencyCode,
    amount: fixed(entry.amount),
    amountLcy: fixed(entry.amountLcy),
    appliedCustomerLedgerEntryNo: entryNoOf(entry.other),
    maxPaymentTolerance: null,
    ...base,
  });
  // An Application entry keeps the entry's Max. Payment Tolerance before it, for unapply (as BC).
  const application = (side: CustomerApplicationSide, documentType: string, documentNo: string) => ({
    ...row({ ...side, entryType: 'application' }, documentType, documentNo),
    maxPaymentTolerance: side.previousMaxPaymentTolerance ? fixed(side.previousMaxPaymentTolerance) : null,
  });
  return plans.flatMap((plan) => [
    ...(plan.adjustments ?? []).map((adjustment) => row(adjustment, plan.documentType, plan.documentNo)),
    application(plan.applied, plan.documentType, plan.documentNo), application(plan.applying, plan.documentType, plan.documentNo),
    ...(plan.trailing ?? []).map((correction) => row(correction, plan.documentType, plan.documentNo)),
  ]);
}

/** Unapply: the opposite of each undone detailed entry, flagged Unapplied as BC flags both (numbered after the other rows). */
export function unapplyDetailedRows(posting: Posting, numbering: PostingNumbering, plans: readonly CustomerUnapplyPlan[] | undefined): DetailedCustomerRow[] {
  const { facts } = posting;
  return (plans ?? []).flatMap((plan) => plan.reversals.map((reversal): DetailedCustomerRow => ({
    transactionNo: numbering.transactionNo, postingDate: facts.postingDate, userId: facts.userId, unapplied: true,
    customerLedgerEntryNo: reversal.customerLedgerEntryNo,
    entryType: reversal.entryType,
    documentType: plan.documentType, documentNo: plan.documentNo,
    customerNo: reversal.customerNo,
    currencyCode: reversal.currencyCode,
    amount: fixed(reversal.amount),
    amountLcy: fixed(reversal.amountLcy),
    appliedCustomerLedgerEntryNo: reversal.appliedCustomerLedgerEntryNo,
    maxPaymentTolerance: null,
  })));
}

/** A detailed customer row as the vendor ledger's (vendor applications and unapplications are planned in the customer shape). */
const asVendorRow = ({ customerLedgerEntryNo, customerNo, appliedCustomerLedgerEntryNo, ...row }: DetailedCustomerRow): DetailedVendorRow => ({
  ...row, vendorLedgerEntryNo: customerLedgerEntryNo, vendorNo: customerNo, appliedVendorLedgerEntryNo: appliedCustomerLedgerEntryNo ?? null,
});

export function vendorEntryRows(posting: Posting, transactionNo: number): (typeof vendorLedgerEntry.$inferInsert)[] {
  return (posting.entries.vendorLedgerEntries ?? []).map((draft: VendorLedgerEntryDraft) => {
    const document = documentOf(posting, draft.document);
    return {
      vendorNo: draft.vendorNo,
      buyFromVendorNo: draft.buyFromVendorNo,
      documentDate: draft.documentDate,
      externalDocumentNo: document.externalDocumentNo,
      currencyCode: draft.currencyCode,
      currencyFactor: draft.currencyFactor.toString(),
      amount: fixed(draft.amount),
      amountLcy: fixed(draft.amountLcy),
      remainingAmount: fixed(draft.amount),
      remainingAmountLcy: fixed(draft.amountLcy),
      purchaseLcy: fixed(draft.purchaseLcy),
      invoiceDiscountLcy: fixed(draft.invoiceDiscountLcy),
      dueDate: draft.dueDate,
      paymentDiscountDate: draft.paymentDiscountDate,
      paymentDiscountToleranceDate: draft.paymentDiscountToleranceDate,
      originalPaymentDiscountPossible: fixed(draft.originalPaymentDiscountPossible),
      remainingPaymentDiscountPossible: fixed(draft.originalPaymentDiscountPossible),
      open: !draft.amount.isZero(),
      positive: draft.amount.gt(ZERO),
      purchaserCode: draft.purchaserCode,
      paymentMethodCode: draft.paymentMethodCode,
      vendorPostingGroup: draft.vendorPostingGroup,
      maxPaymentTolerance: fixed(draft.maxPaymentTolerance ?? ZERO),
      ...entryHeader(posting, transactionNo, document, document.description, draft.documentType),
    };
  });
}

type DetailedVendorRow = typeof detailedVendorLedgerEntry.$inferInsert;

/** The Initial Entry of every new vendor entry, then the rows of its applications (as a customer's, renamed). */
export function detailedVendorEntryRows(posting: Posting, numbering: PostingNumbering, entryNoOf: (ref: CustomerEntryRef) => number): DetailedVendorRow[] {
  const { facts } = posting;
  const base = { transactionNo: numbering.transactionNo, postingDate: facts.postingDate, userId: facts.userId, unapplied: false };
  const initial = (posting.entries.vendorLedgerEntries ?? []).map((draft, index): DetailedVendorRow => ({
    vendorLedgerEntryNo: numbering.vendorEntryNo(index),
    entryType: 'initialEntry',
    documentType: draft.documentType,
    documentNo: documentOf(posting, draft.document).documentNo,
    vendorNo: draft.vendorNo,
    currencyCode: draft.currencyCode,
    amount: fixed(draft.amount),
    amountLcy: fixed(draft.amountLcy),
    appliedVendorLedgerEntryNo: null,
    maxPaymentTolerance: null,
    ...base,
  }));
  const applications = applicationDetailedRows(posting.vendorApplications ?? [], base, entryNoOf).map(asVendorRow);
  const reversals = unapplyDetailedRows(posting, numbering, posting.vendorUnapplications).map(asVendorRow);
  return [...initial, ...applications, ...reversals];
}

export function bankAccountEntryRows(posting: Posting, transactionNo: number): (typeof bankAccountLedgerEntry.$inferInsert)[] {
  return (posting.entries.bankAccountLedgerEntries ?? []).map((draft: BankAccountLedgerEntryDraft) => {
    const document = documentOf(posting, draft.document);
    return {
      bankAccountNo: draft.bankAccountNo,
      externalDocumentNo: document.externalDocumentNo,
      currencyCode: draft.currencyCode,
      amount: fixed(draft.amount),
      amountLcy: fixed(draft.amountLcy),
      remainingAmount: fixed(draft.amount),
      open: !draft.amount.isZero(),
      positive: draft.amount.gt(ZERO),
      balAccountType: draft.balAccountType,
      balAccountNo: draft.balAccountNo,
      ...entryHeader(posting, transactionNo, document, document.description),
    };
  });
}

const reversalRows = (plans: readonly CustomerUnapplyPlan[] | undefined) => (plans ?? []).reduce((total, plan) => total + plan.reversals.length, 0);

/** How many rows of each ledger table the posting appends (drawEntryNumbers draws as many numbers). */
export function rowCounts(posting: Posting): RowCounts {
  const { entries, items } = posting;
  const stepRows = (plans: readonly CustomerApplicationPlan[] | undefined) =>
    (plans ?? []).reduce((total, plan) => total + (plan.adjustments?.length ?? 0) + 2 + (plan.trailing?.length ?? 0), 0);
  const applications = stepRows(posting.customerApplications);
  const reversals = reversalRows(posting.customerUnapplications);
  const vendorEntries = entries.vendorLedgerEntries?.length ?? 0;
  return {
    gl_entry: entries.glEntries.length, vat_entry: entries.vatEntries.length,
    customer_ledger_entry: entries.customerLedgerEntries.length,
    detailed_customer_ledger_entry: entries.customerLedgerEntries.length + applications + reversals,
    vendor_ledger_entry: vendorEntries, detailed_vendor_ledger_entry: vendorEntries + stepRows(posting.vendorApplications) + reversalRows(posting.vendorUnapplications),
    bank_account_ledger_entry: entries.bankAccountLedgerEntries?.length ?? 0,
    item_ledger_entry: items?.itemLedgerEntries.length ?? 0, value_entry: items?.valueEntries.length ?? 0,
    item_application_entry: items?.itemApplicationEntries.length ?? 0,
  };
}

/** A row with the entry number drawn for it (the identity column, which the insert types leave out). */
export type Numbered<T> = T & { entryNo: number };

/** Every row a posting appends, numbered: what appendPosting inserts and a preview shows. */
export interface PostingRows {
  transactionNo: number;
  glEntries: Numbered<typeof glEntry.$inferInsert>[];
  vatEntries: Numbered<typeof vatEntry.$inferInsert>[];
  customerLedgerEntries: Numbered<typeof customerLedgerEntry.$inferInsert>[];
  /** The posting's own detailed entries, then an unapply's reversals (`unapplyReversals` of them); the same for vendors. */
  detailedCustomerLedgerEntries: Numbered<DetailedCustomerRow>[];
  unapplyReversals: number;
  vendorUnapplyReversals: number;
  vendorLedgerEntries: Numbered<typeof vendorLedgerEntry.$inferInsert>[];
  detailedVendorLedgerEntries: Numbered<typeof detailedVendorLedgerEntry.$inferInsert>[];
  bankAccountLedgerEntries: Numbered<typeof bankAccountLedgerEntry.$inferInsert>[];
  itemLedgerEntries: Numbered<ItemPlanRows['itemLedgerEntries'][number]>[];
  valueEntries: Numbered<ItemPlanRows['valueEntries'][number]>[];
  itemApplicationEntries: Numbered<ItemPlanRows['itemApplicationEntries'][number]>[];
}

export function postingRows(posting: Posting, numbers: EntryNumbers): PostingRows {
  const { transactionNo } = numbers;
  const numbering: PostingNumbering = {
    transactionNo,
    customerEntryNo: (index) => numbers.entryNo('customer_ledger_entry', index),
    vendorEntryNo: (index) => numbers.entryNo('vendor_ledger_entry', index),
  };
  const customerRef = (ref: CustomerEntryRef) => ('entryNo' in ref ? ref.entryNo : numbering.customerEntryNo(ref.newEntryIndex));
  const vendorRef = (ref: CustomerEntryRef) => ('entryNo' in ref ? ref.entryNo : numbering.vendorEntryNo(ref.newEntryIndex));
  const numbered = <T extends object>(table: NumberedTable, rows: readonly T[]): Numbered<T>[] => rows.map((row, index) => ({ entryNo: numbers.entryNo(table, index), ...row }));
  const items = posting.items
    ? itemPlanRows(posting.items, { transactionNo, postingDate: posting.facts.postingDate, userId: posting.facts.userId },
      (id) => (id > 0 ? id : numbers.entryNo('item_ledger_entry', -id - 1)))
    : { itemLedgerEntries: [], valueEntries: [], itemApplicationEntries: [] };
  const reversals = unapplyDetailedRows(posting, numbering, posting.customerUnapplications);
  return {
    transactionNo,
    glEntries: numbered('gl_entry', glEntryRows(posting, transactionNo)),
    vatEntries: numbered('vat_entry', vatEntryRows(posting, transactionNo)),
    customerLedgerEntries: numbered('customer_ledger_entry', customerEntryRows(posting, transactionNo)),
    detailedCustomerLedgerEntries: numbered('detailed_customer_ledger_entry', [...detailedCustomerEntryRows(posting, numbering, customerRef), ...reversals]),
    unapplyReversals: reversals.length,
    vendorUnapplyReversals: reversalRows(posting.vendorUnapplications),
    vendorLedgerEntries: numbered('vendor_ledger_entry', vendorEntryRows(posting, transactionNo)),
    detailedVendorLedgerEntries: numbered('detailed_vendor_ledger_entry', detailedVendorEntryRows(posting, numbering, vendorRef)),
    bankAccountLedgerEntries: numbered('bank_account_ledger_entry', bankAccountEntryRows(posting, transactionNo)),
    itemLedgerEntries: numbered('item_ledger_entry', items.itemLedgerEntries),
    valueEntries: numbered('value_entry', items.valueEntries),
    itemApplicationEntries: numbered('item_application_entry', items.itemApplicationEntries),
  };
}
