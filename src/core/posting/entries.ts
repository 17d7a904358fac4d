/**
 * The ledger entries a posting writes, as plain data (spec §2.5, §23). Builders in core/posting
 * produce them; server/ledger gives them entry numbers, the transaction number, the posting date
 * and the document type and number, and appends them. Amounts are Decimal, G/L amounts in LCY.
 */
import type { IsoDate } from '../dates/calendar-date.ts';
import type { Decimal } from '../money/decimal.ts';
import type { VatCalculationType } from '../sales/types.ts';

/** BC's Gen. Posting Type: `sale` on revenue lines, blank on receivables, VAT and inventory lines. */
export type GenPostingType = '' | 'sale' | 'purchase' | 'settlement';

/** BC's Source Type of a G/L entry: the party (or bank account) the entry comes from. */
export type GlSourceType = 'customer' | 'vendor' | 'bankAccount' | '';

/** BC's Document Type of ledger entries ('' = blank, e.g. journals and shipments). */
export type LedgerDocumentType = '' | 'payment' | 'invoice' | 'creditMemo' | 'financeChargeMemo' | 'reminder' | 'refund';

/**
 * The document an entry belongs to when it is not the posting's own: a journal posting one
 * transaction for several documents (a payment and its balancing line share it).
 */
export interface EntryDocument {
  documentType: LedgerDocumentType;
  documentNo: string;
  externalDocumentNo: string;
  description: string;
}

export interface GlEntry {
  accountNo: string;
  /** LCY: debit positive, credit negative. */
  amount: Decimal;
  description: string;
  /**
   * BC's G/L Entry "VAT Amount": the VAT belonging to a revenue (or discount) entry, same sign as
   * the amount. Informational; the VAT itself is posted to the Sales VAT Account.
   */
  vatAmount?: Decimal;
  genPostingType: GenPostingType;
  genBusPostingGroup: string;
  genProdPostingGroup: string;
  vatBusPostingGroup: string;
  vatProdPostingGroup: string;
  sourceType: GlSourceType;
  sourceNo: string;
  /** Unset: the posting's document. */
  document?: EntryDocument;
  /** Unset: the posting's date. A cost adjustment is dated as the value entry it corrects (BC Adjust Cost). */
  postingDate?: IsoDate;
}

export interface VatEntry {
  type: 'sale' | 'purchase';
  /** LCY. An invoice credits VAT: base and amount are negative; a credit memo's are positive. */
  base: Decimal;
  amount: Decimal;
  vatCalculationType: VatCalculationType;
  vatIdentifier: string;
  vatPercent: Decimal;
  vatBusPostingGroup: string;
  vatProdPostingGroup: string;
  /** BC's Bill-to/Pay-to No.: the bill-to customer, or on purchase VAT the pay-to vendor. */
  billToCustomerNo: string;
  document?: EntryDocument;
}

export type CustomerLedgerDocumentType = Exclude<LedgerDocumentType, ''> | '';

/** A customer ledger entry before the ledger numbers it; its Initial Entry detailed entry has the same amounts. */
export interface CustomerLedgerEntryDraft {
  customerNo: string;
  documentType: CustomerLedgerDocumentType;
  /** '' = LCY. */
  currencyCode: string;
  /** Document currency, incl. VAT: positive for an invoice, negative for a credit memo. */
  amount: Decimal;
  amountLcy: Decimal;
  /** Sales (LCY): the amount excl. VAT, same sign as amount. */
  salesLcy: Decimal;
  /** Profit (LCY) = Sales (LCY) − cost, present when the caller passed the lines' cost. */
  profitLcy?: Decimal;
  /** Inv. Discount (LCY), same sign as amount. */
  invoiceDiscountLcy: Decimal;
  dueDate: IsoDate;
  paymentDiscountDate: IsoDate | null;
  /** Document currency, same sign as amount; Remaining Pmt. Disc. Possible starts equal to it. */
  originalPaymentDiscountPossible: Decimal;
  paymentDiscountToleranceDate?: IsoDate | null;
  /** Max. Payment Tolerance (spec §20.5), the amount's sign; unset = 0 (payments, refunds). */
  maxPaymentTolerance?: Decimal;
  /** The facts the entry shows beyond its amounts (BC copies them from the journal line). */
  sellToCustomerNo?: string;
  documentDate?: IsoDate | null;
  /** Document-currency units per 1 LCY; 1 for LCY. */
  currencyFactor?: Decimal;
  salespersonCode?: string;
  paymentMethodCode?: string;
  customerPostingGroup?: string;
  document?: EntryDocument;
  /** Written by a prepayment invoice or credit memo (spec §26.4). */
  prepayment?: boolean;
}

/** A vendor ledger entry before the ledger numbers it (the purchase-side mirror of the customer's). */
export interface VendorLedgerEntryDraft {
  vendorNo: string;
  buyFromVendorNo: string;
  documentType: Exclude<LedgerDocumentType, 'financeChargeMemo' | 'reminder'>;
  currencyCode: string;
  currencyFactor: Decimal;
  /** Document currency incl. VAT: negative for an invoice (owed to the vendor), positive for a payment. */
  amount: Decimal;
  amountLcy: Decimal;
  purchaseLcy: Decimal;
  invoiceDiscountLcy: Decimal;
  dueDate: IsoDate;
  paymentDiscountDate: IsoDate | null;
  paymentDiscountToleranceDate: IsoDate | null;
  originalPaymentDiscountPossible: Decimal;
  documentDate: IsoDate | null;
  purchaserCode: string;
  paymentMethodCode: string;
  vendorPostingGroup: string;
  /** Set at posting from the payment tolerance setup, as on customer entries; unset = 0. */
  maxPaymentTolerance?: Decimal;
  document?: EntryDocument;
}

/** A bank account ledger entry: money in (positive) or out of the bank account. */
export interface BankAccountLedgerEntryDraft {
  bankAccountNo: string;
  currencyCode: string;
  amount: Decimal;
  amountLcy: Decimal;
  /** The account on the other side, shown on the entry (BC's Bal. Account Type / No.). */
  balAccountType: '' | 'glAccount' | 'customer' | 'vendor' | 'bankAccount';
  balAccountNo: string;
  document?: EntryDocument;
}

/** Everything one posting writes to the ledgers; its G/L entries balance (assertBalanced). */
export interface PostingBatch {
  glEntries: readonly GlEntry[];
  vatEntries: readonly VatEntry[];
  customerLedgerEntries: readonly CustomerLedgerEntryDraft[];
  vendorLedgerEntries?: readonly VendorLedgerEntryDraft[];
  bankAccountLedgerEntries?: readonly BankAccountLedgerEntryDraft[];
}

export const EMPTY_POSTING_BATCH: PostingBatch = Object.freeze({
  glEntries: Object.freeze([]),
  vatEntries: Object.freeze([]),
  customerLedgerEntries: Object.freeze([]),
});

/** One batch holding the entries of several, in order: e.g. the invoice and its cost posting. */
export function combinePostingBatches(...batches: readonly PostingBatch[]): PostingBatch {
  return {
    glEntries: batches.flatMap((batch) => batch.glEntries),
    vatEntries: batches.flatMap((batch) => batch.vatEntries),
    customerLedgerEntries: batches.flatMap((batch) => batch.customerLedgerEntries),
    vendorLedgerEntries: batches.flatMap((batch) => batch.vendorLedgerEntries ?? []),
    bankAccountLedgerEntries: batches.flatMap((batch) => batch.bankAccountLedgerEntries ?? []),
  };
}
