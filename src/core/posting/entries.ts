/**
 * The ledger entries a posting writes, as plain data (spec §2.5, §23). Builders in core/posting
 * produce them; server/ledger gives them entry numbers, the transaction number, the posting date
 * and the document type and number, and appends them. Amounts are Decimal, G/L amounts in LCY.
 */
import type { IsoDate } from '../dates/calendar-date.ts';
import type { Decimal } from '../money/decimal.ts';
import type { VatCalculationType } from '../sales/types.ts';

/** BC's Gen. Posting Type: `sale` on revenue lines, blank on receivables, VAT and inventory lines. */
export type GenPostingType = '' | 'sale';

/** BC's Source Type of a G/L entry; sales postings name the customer. */
export type GlSourceType = 'customer' | '';

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
}

export interface VatEntry {
  type: 'sale';
  /** LCY. An invoice credits VAT: base and amount are negative; a credit memo's are positive. */
  base: Decimal;
  amount: Decimal;
  vatCalculationType: VatCalculationType;
  vatIdentifier: string;
  vatPercent: Decimal;
  vatBusPostingGroup: string;
  vatProdPostingGroup: string;
  billToCustomerNo: string;
}

export type CustomerLedgerDocumentType = 'invoice' | 'creditMemo';

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
}

/** Everything one posting writes to the ledgers; its G/L entries balance (assertBalanced). */
export interface PostingBatch {
  glEntries: readonly GlEntry[];
  vatEntries: readonly VatEntry[];
  customerLedgerEntries: readonly CustomerLedgerEntryDraft[];
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
  };
}
