/**
 * The journal line: the financial primitive (spec §20, §22; BC's Gen. Journal Line). A payment, a
 * G/L correction, and the customer side of every posted invoice are journal lines; core/journal
 * turns them into a Posting and server/ledger appends it.
 */
import type { IsoDate } from '../dates/calendar-date.ts';
import type { Decimal } from '../money/decimal.ts';
import type { GenPostingType } from '../posting/entries.ts';

export const journalAccountTypes = ['glAccount', 'customer', 'vendor', 'bankAccount'] as const;
export type JournalAccountType = (typeof journalAccountTypes)[number];

export const journalDocumentTypes = ['', 'payment', 'invoice', 'creditMemo', 'refund'] as const;
export type JournalDocumentType = (typeof journalDocumentTypes)[number];

/** Payment terms of an invoice-like line: what its customer (vendor) entry offers. */
export interface JournalLineTerms {
  dueDate: IsoDate;
  paymentDiscountDate: IsoDate | null;
  paymentDiscountToleranceDate: IsoDate | null;
  /** Document currency, the line's sign. */
  paymentDiscountPossible: Decimal;
}

/** What a customer (vendor) entry shows beyond its amounts: Sales (LCY), Profit (LCY), Inv. Discount (LCY), … */
export interface JournalLinePartyFacts {
  /** Sell-to customer / buy-from vendor. */
  sellToBuyFromNo: string;
  /** Sales (LCY) or Purchase (LCY): the amount excl. VAT, the line's sign. */
  salesPurchaseLcy: Decimal;
  /** Unset: the entry shows no profit (Profit (LCY) 0). */
  profitLcy?: Decimal;
  invoiceDiscountLcy: Decimal;
  salespersonPurchaserCode: string;
  paymentMethodCode: string;
  /** The customer (vendor) posting group whose Receivables (Payables) Account the line posts to. */
  postingGroup: string;
}

export interface JournalLine {
  lineNo: number;
  postingDate: IsoDate;
  documentType: JournalDocumentType;
  documentNo: string;
  externalDocumentNo: string;
  documentDate: IsoDate | null;
  accountType: JournalAccountType;
  accountNo: string;
  description: string;
  /** '' = LCY. */
  currencyCode: string;
  /** Document-currency units per 1 LCY; 1 for LCY. */
  currencyFactor: Decimal;
  /** Document currency: debit positive, credit negative. */
  amount: Decimal;
  amountLcy: Decimal;
  /** The other side of the line, posted for −amount; null = the batch balances some other way. */
  balAccountType: JournalAccountType | null;
  balAccountNo: string;
  /** Apply the new customer (vendor) entry to the open entry of this document. */
  appliesToDocType: JournalDocumentType | null;
  appliesToDocNo: string | null;
  /** Apply to the open entries marked with this ID (BC's Applies-to ID), each for its Amount to Apply. */
  appliesToId?: string | null;
  /** G/L lines: the posting groups shown on the entry (VAT on journal lines is not calculated here). */
  genPostingType: GenPostingType;
  genBusPostingGroup: string;
  genProdPostingGroup: string;
  vatBusPostingGroup: string;
  vatProdPostingGroup: string;
  /** Invoice-like customer (vendor) lines; a payment's are its posting date and no discount. */
  terms: JournalLineTerms | null;
  /** Customer (vendor) lines. */
  party: JournalLinePartyFacts | null;
}
