/**
 * Immediate payment (spec §20.8; BC's Sales-Post PostBalancingEntry): an invoice whose payment
 * method has a balancing account is paid in the same transaction — a payment (a refund for a credit
 * memo) of the customer for the total less the payment discount still possible, posted against the
 * balancing G/L or bank account and applied to the new invoice entry, which closes at posting.
 */
import type { IsoDate } from '../dates/calendar-date.ts';
import { DomainError } from '../errors.ts';
import { bankAccountLineEntries } from '../journal/bank-account-line.ts';
import { customerLineEntries } from '../journal/customer-line.ts';
import type { JournalLine } from '../journal/journal-line.ts';
import { type Decimal, ONE, ZERO } from '../money/decimal.ts';
import { roundAmount } from '../money/rounding.ts';
import type { CustomerLedgerEntryDraft, EntryDocument, GlEntry, PostingBatch } from '../posting/entries.ts';
import { planApplication } from './application-plan.ts';
import type { ApplicationSetup, CustomerApplicationPlan, VatBucket } from './application-types.ts';
import { newApplicationEntry } from './apply-to-oldest.ts';

export type BalancingAccount =
  | { type: 'glAccount'; accountNo: string }
  | { type: 'bankAccount'; bankAccountNo: string; currencyCode: string; glAccountNo: string };

export interface ImmediatePaymentInput {
  /** The invoice's (credit memo's) new customer entry and its index among the posting's customer entries. */
  invoice: CustomerLedgerEntryDraft;
  invoiceEntryIndex: number;
  /** The invoice's document: the payment takes its number (BC: the balancing entry's Document No.). */
  document: EntryDocument;
  postingDate: IsoDate;
  receivablesAccount: string;
  balancing: BalancingAccount;
  lcyPrecision: Decimal;
  setup: ApplicationSetup;
  blockPaymentTolerance: boolean;
  /**
   * The invoice's VAT (documentVatBuckets), which a discount granted here is split over when Adjust
   * for Payment Discount is on, as a later payment's would be; [] when nothing splits it.
   */
  vatBuckets: readonly VatBucket[];
}

export interface ImmediatePayment {
  entries: PostingBatch;
  applications: CustomerApplicationPlan[];
}

export function planImmediatePayment(input: ImmediatePaymentInput): ImmediatePayment {
  const { invoice, balancing } = input;
  if (balancing.type === 'bankAccount' && balancing.currencyCode !== '' && balancing.currencyCode !== invoice.currencyCode) {
    throw new DomainError('APPLICATION_INVALID', {
      reason: `the payment method's bank account ${balancing.bankAccountNo} is in ${balancing.currencyCode}, the document in ${invoice.currencyCode || 'local currency'}`,
    }, 'paymentMethodCode');
  }
  const line = paymentLine(input);
  const customer = customerLineEntries(line, input.receivablesAccount);
  const payment: CustomerLedgerEntryDraft = { ...customer.customerLedgerEntry, document: line.document };
  const balancingSide = balancingEntries(input, line);
  const facts = { documentNo: input.document.documentNo, postingDate: input.postingDate };
  const result = planApplication({
    applying: newApplicationEntry(payment, input.invoiceEntryIndex + 1, facts),
    applied: [{ entry: newApplicationEntry(invoice, input.invoiceEntryIndex, { ...facts, vatBuckets: input.vatBuckets }), amountToApply: ZERO }],
    mode: 'appliesToDoc', document: line.document, postingDate: input.postingDate, blockPaymentTolerance: input.blockPaymentTolerance, choices: {}, setup: input.setup,
  });
  return {
    entries: {
      glEntries: [{ ...customer.glEntry, document: line.document }, ...balancingSide.glEntries, ...result.glEntries],
      vatEntries: result.vatEntries,
      customerLedgerEntries: [payment],
      bankAccountLedgerEntries: balancingSide.bankAccountLedgerEntries,
    },
    applications: result.applications,
  };
}

/** The customer side: the total less the discount still possible, opposite in sign; LCY at the invoice's factor. */
function paymentLine(input: ImmediatePaymentInput): JournalLine & { document: EntryDocument } {
  const { invoice } = input;
  const factor = invoice.currencyFactor ?? ONE;
  const amount = invoice.amount.minus(invoice.originalPaymentDiscountPossible).negated();
  const amountLcy = invoice.currencyCode === '' ? amount : roundAmount(amount.div(factor), input.lcyPrecision);
  const documentType = invoice.amount.isNegative() ? 'refund' : 'payment';
  const document: EntryDocument = { ...input.document, documentType };
  return {
    lineNo: 0, postingDate: input.postingDate, documentType, documentNo: document.documentNo, externalDocumentNo: document.externalDocumentNo,
    documentDate: invoice.documentDate ?? null, accountType: 'customer', accountNo: invoice.customerNo, description: document.description,
    currencyCode: invoice.currencyCode, currencyFactor: factor, amount, amountLcy,
    balAccountType: input.balancing.type, balAccountNo: input.balancing.type === 'glAccount' ? input.balancing.accountNo : input.balancing.bankAccountNo,
    appliesToDocType: invoice.documentType === 'creditMemo' ? 'creditMemo' : 'invoice', appliesToDocNo: input.document.documentNo,
    genPostingType: '', genBusPostingGroup: '', genProdPostingGroup: '', vatBusPostingGroup: '', vatProdPostingGroup: '',
    terms: null,
    party: {
      sellToBuyFromNo: invoice.sellToCustomerNo ?? invoice.customerNo, salesPurchaseLcy: ZERO, invoiceDiscountLcy: ZERO,
      salespersonPurchaserCode: invoice.salespersonCode ?? '', paymentMethodCode: invoice.paymentMethodCode ?? '', postingGroup: invoice.customerPostingGroup ?? '',
    },
    document,
  };
}

/** The money's side: Dr the balancing G/L account, or the bank account and its G/L account. */
function balancingEntries(input: ImmediatePaymentInput, line: JournalLine & { document: EntryDocument }): Pick<Required<PostingBatch>, 'glEntries' | 'bankAccountLedgerEntries'> {
  const money = line.amountLcy.negated();
  if (input.balancing.type === 'glAccount') {
    return {
      glEntries: [{
        accountNo: input.balancing.accountNo, amount: money, description: line.description, genPostingType: '', genBusPostingGroup: '', genProdPostingGroup: '',
        vatBusPostingGroup: '', vatProdPostingGroup: '', sourceType: 'customer', sourceNo: line.accountNo, document: line.document,
      }],
      bankAccountLedgerEntries: [],
    };
  }
  const mirrored: JournalLine = { ...line, accountType: 'bankAccount', accountNo: input.balancing.bankAccountNo, amount: line.amount.negated(), amountLcy: money };
  const { bankAccountLedgerEntry, glEntry } = bankAccountLineEntries(mirrored, input.balancing, { accountType: 'customer', accountNo: line.accountNo });
  return { glEntries: [{ ...glEntry, document: line.document }], bankAccountLedgerEntries: [{ ...bankAccountLedgerEntry, document: line.document }] };
}

/** A VAT Posting Setup × General Posting Setup row as a VAT bucket reads it (VatBucket less its groups and amounts). */
export type VatBucketSetup = Omit<VatBucket, 'genBusPostingGroup' | 'genProdPostingGroup' | 'vatBusPostingGroup' | 'vatProdPostingGroup' | 'base' | 'amount'>;

export const vatBucketKey = (groups: Pick<VatBucket, 'genBusPostingGroup' | 'genProdPostingGroup' | 'vatBusPostingGroup' | 'vatProdPostingGroup'>) =>
  [groups.genBusPostingGroup, groups.genProdPostingGroup, groups.vatBusPostingGroup, groups.vatProdPostingGroup].join('\u0000');

/**
 * The VAT buckets of a document the same posting writes, as the shell derives them for a posted one
 * (server/journal's addVatBuckets): its revenue G/L entries for the customer by general × VAT
 * posting groups, base = Σ amount, VAT = Σ VAT amount (LCY, the invoice's sign), with the setups'
 * facts. BC's CalcPmtDiscIfAdjVAT reads the VAT entries the invoice's transaction wrote before the
 * payment's in the same way.
 */
export function documentVatBuckets(glEntries: readonly GlEntry[], customerNo: string, setups: ReadonlyMap<string, VatBucketSetup>): VatBucket[] {
  const buckets = new Map<string, VatBucket>();
  for (const entry of glEntries) {
    if (entry.genPostingType !== 'sale' || entry.sourceType !== 'customer' || entry.sourceNo !== customerNo) continue;
    const key = vatBucketKey(entry);
    const setup = setups.get(key);
    if (!setup) continue;
    const bucket = buckets.get(key) ?? {
      ...setup, genBusPostingGroup: entry.genBusPostingGroup, genProdPostingGroup: entry.genProdPostingGroup,
      vatBusPostingGroup: entry.vatBusPostingGroup, vatProdPostingGroup: entry.vatProdPostingGroup, base: ZERO, amount: ZERO,
    };
    buckets.set(key, { ...bucket, base: bucket.base.plus(entry.amount), amount: bucket.amount.plus(entry.vatAmount ?? ZERO) });
  }
  return [...buckets.values()];
}
