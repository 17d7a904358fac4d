/**
 * Dates a sales header derives from setup, payment terms and the work date (spec §6.2, §7.1, §10.3,
 * §11.1). The work date is passed in: the core reads no clock.
 */
import { type IsoDate } from '../dates/calendar-date.ts';
import { calculateDate } from '../dates/date-formula.ts';
import { type Decimal, ZERO } from '../money/decimal.ts';
import { salesDescriptor } from '../documents/document-descriptors.ts';
import type { SalesDocumentType } from './types.ts';

export interface PaymentTermsForDates {
  dueDateCalculation: string;
  discountDateCalculation: string;
  discountPercent: Decimal;
  calculatePaymentDiscountOnCreditMemos: boolean;
}

export interface PaymentTermsDates {
  dueDate: IsoDate | null;
  paymentDiscountDate: IsoDate | null;
  paymentDiscountPercent: Decimal;
}

/**
 * Due Date, Pmt. Discount Date and Payment Discount % from the payment terms, based on the
 * Document Date (not the Posting Date). A blank formula yields the document date itself, as BC's
 * CalcDate does: terms "14D" without a discount formula still set Pmt. Discount Date := Document Date.
 */
export function paymentTermsDates(
  documentType: SalesDocumentType,
  documentDate: IsoDate | null,
  terms: PaymentTermsForDates | null,
): PaymentTermsDates {
  if (terms === null || documentDate === null) {
    return { dueDate: documentDate, paymentDiscountDate: null, paymentDiscountPercent: ZERO };
  }
  // Credits only carry a payment discount when the terms say so (Calc. Pmt. Disc. on Cr. Memos).
  if (salesDescriptor(documentType).sign < 0 && !terms.calculatePaymentDiscountOnCreditMemos) {
    return { dueDate: documentDate, paymentDiscountDate: null, paymentDiscountPercent: ZERO };
  }
  return {
    dueDate: calculateDate(terms.dueDateCalculation, documentDate),
    paymentDiscountDate: calculateDate(terms.discountDateCalculation, documentDate),
    paymentDiscountPercent: terms.discountPercent,
  };
}

/** Quote Valid Until Date := Document Date + Quote Validity Calculation; null when either is blank. */
export function quoteValidUntilDate(documentDate: IsoDate | null, quoteValidityCalculation: string): IsoDate | null {
  if (documentDate === null || quoteValidityCalculation.trim() === '') return null;
  return calculateDate(quoteValidityCalculation, documentDate);
}

/** The date prices and line discounts are looked up for: Posting Date on invoices and credit memos, else Order Date. */
export function priceDate(
  documentType: SalesDocumentType,
  dates: { orderDate: IsoDate | null; postingDate: IsoDate | null },
  workDate: IsoDate,
): IsoDate {
  const date = salesDescriptor(documentType).postsInFull ? dates.postingDate : dates.orderDate;
  return date ?? workDate;
}

/**
 * Dates of a new document. Quotes and blanket orders are never posted, so, as in BC's InitRecord,
 * they get no Posting Date (spec §8 clears it when copying into them; §7.1 and §14.2 fall back to
 * the work date when converting). Default Posting Date = No Date leaves it blank on every type.
 */
export function defaultDates(
  documentType: SalesDocumentType,
  workDate: IsoDate,
  defaultPostingDate: 'workDate' | 'noDate',
): { postingDate: IsoDate | null; documentDate: IsoDate; orderDate: IsoDate } {
  const neverPosted = salesDescriptor(documentType).invoicing === null;
  return {
    postingDate: neverPosted || defaultPostingDate === 'noDate' ? null : workDate,
    documentDate: workDate,
    orderDate: workDate,
  };
}

/**
 * The Location Code a document ships from (spec §2.2, issue 10): the ship-to address's, else the
 * sell-to customer's, else the company's default location (Inventory Setup; BC keeps it in Company
 * Information). Lines take the header's when entered (sales-line.derive.ts).
 */
export function defaultLocationCode(sources: { shipToAddress?: string | null; customer: string | null; company: string | null }): string | null {
  return sources.shipToAddress || sources.customer || sources.company || null;
}
