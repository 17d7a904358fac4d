/**
 * Register Customer Payments (BC's payment registration): the documents the page lists, the ticks
 * made on them and the request they make. Pure, so node tests can load it; the shapes are those of
 * GET /paymentRegistration/documents and POST /paymentRegistration/post
 * (src/server/receivables/payment-registration.schemas.ts).
 */
import { dec, sum, toFixedString } from '../../core/money/decimal.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { decimalForInput, parseDecimalInput } from '../format/numbers.ts';

/** An open customer entry as payment registration lists it; amounts are strings, dates YYYY-MM-DD. */
export interface PaymentRegistrationDocument {
  entryNo: number;
  customerNo: string;
  customerName: string;
  documentType: string;
  documentNo: string;
  externalDocumentNo: string;
  postingDate: string;
  dueDate: string | null;
  paymentDiscountDate: string | null;
  /** '' for the local currency. */
  currencyCode: string;
  remainingAmount: string;
  remainingPaymentDiscountPossible: string;
  /** What settles the entry if it is paid on the work date. */
  amountAfterDiscount: string;
  overdue: boolean;
}

export type BalAccountType = 'glAccount' | 'bankAccount';

export interface RegisterPaymentsRequest {
  lines: { entryNo: number; amountReceived: string; dateReceived: string }[];
  lumpPayment?: boolean;
  balAccountType?: BalAccountType;
  balAccountNo?: string;
  acceptPaymentTolerance?: boolean;
  acceptPaymentDiscountTolerance?: boolean;
}

export interface RegisteredPayment { transactionNo: number; documentNo: string; postingDate: string; customerNo: string; amount: string }
export interface RegisterPaymentsResult { transactions: RegisteredPayment[] }

/** A ticked document ("Payment Made"): the row as listed, and Date and Amount Received as entered. */
export interface PaymentMark {
  document: PaymentRegistrationDocument;
  dateReceived: string;
  amountText: string;
  /** Typed by the user: a new Date Received no longer recalculates it. */
  amountEdited: boolean;
}

export type PaymentMarks = Readonly<Record<number, PaymentMark>>;

/** The balancing account (none: the server's default) and the answers to BC's tolerance warnings. */
export interface RegisterPaymentsOptions {
  balAccountType: BalAccountType;
  balAccountNo: string;
  acceptPaymentTolerance: boolean;
  acceptPaymentDiscountTolerance: boolean;
}

/**
 * What settles the document if paid on `date`: on the work date the server's figure; otherwise the
 * remaining amount less the discount still possible up to the payment discount date, as BC's
 * "Rem. Amt. after Discount" follows Date Received.
 */
export function amountDueOn(document: PaymentRegistrationDocument, date: string, workDate: string): string {
  if (date === workDate) return document.amountAfterDiscount;
  const discounted = document.paymentDiscountDate !== null && date <= document.paymentDiscountDate;
  const remaining = dec(document.remainingAmount);
  return toFixedString(discounted ? remaining.minus(dec(document.remainingPaymentDiscountPossible)) : remaining, 2);
}

/** Ticking Payment Made fills Date Received with the work date and Amount Received with what settles the document then. */
export function tick(document: PaymentRegistrationDocument, workDate: string, locale: SupportedLocale): PaymentMark {
  return { document, dateReceived: workDate, amountText: decimalForInput(document.amountAfterDiscount, locale, 2), amountEdited: false };
}

export function withDateReceived(mark: PaymentMark, date: string, workDate: string, locale: SupportedLocale): PaymentMark {
  if (mark.amountEdited) return { ...mark, dateReceived: date };
  return { ...mark, dateReceived: date, amountText: decimalForInput(amountDueOn(mark.document, date, workDate), locale, 2) };
}

/**
 * Search Documents sends an amount as a plain decimal ("1.234,50" typed in nl-NL → "1234.50"), so
 * the server can match it against remaining amounts; any other text is a document no. fragment.
 */
export function searchTextOf(text: string, locale: SupportedLocale): string {
  const typed = text.trim();
  if (typed === '' || !/\d/.test(typed)) return typed;
  return parseDecimalInput(typed, locale) ?? typed;
}

/** The ticked documents in the order the list has them (oldest entry first). */
export const tickedMarks = (marks: PaymentMarks): PaymentMark[] =>
  Object.values(marks).sort((left, right) => left.document.entryNo - right.document.entryNo);

/** Σ Amount Received of the ticked documents; null while an amount is not a number. */
export function totalReceived(marks: PaymentMarks, locale: SupportedLocale): string | null {
  const amounts = tickedMarks(marks).map((mark) => parseDecimalInput(mark.amountText, locale));
  if (amounts.some((amount) => amount === null)) return null;
  return toFixedString(sum(amounts.map((amount) => dec(amount!))), 2);
}

/** The fields of a row that can carry an error; `row` is one the server names by line only. */
export type RowField = 'amountReceived' | 'dateReceived' | 'row';
export type RowErrors = Readonly<Record<number, Partial<Record<RowField, string>>>>;

export type RegisterOutcome = { request: RegisterPaymentsRequest; errors: null } | { request: null; errors: RowErrors };

/** The request of the ticked documents, or the rows whose Amount Received is not a number. */
export function registerRequestOf(marks: PaymentMarks, options: RegisterPaymentsOptions, lumpPayment: boolean, locale: SupportedLocale): RegisterOutcome {
  const errors: Record<number, Partial<Record<RowField, string>>> = {};
  const lines = tickedMarks(marks).map((mark) => {
    const amount = mark.amountText.trim() === '' ? null : parseDecimalInput(mark.amountText, locale);
    if (amount === null) errors[mark.document.entryNo] = { amountReceived: mark.amountText.trim() === '' ? 'is required' : 'must be a number' };
    return { entryNo: mark.document.entryNo, amountReceived: amount ?? '', dateReceived: mark.dateReceived };
  });
  if (Object.keys(errors).length > 0) return { request: null, errors };
  const balAccountNo = options.balAccountNo.trim().toUpperCase();
  const request: RegisterPaymentsRequest = {
    lines,
    ...(lumpPayment && { lumpPayment: true }),
    ...(balAccountNo !== '' && { balAccountType: options.balAccountType, balAccountNo }),
    ...(options.acceptPaymentTolerance && { acceptPaymentTolerance: true }),
    ...(options.acceptPaymentDiscountTolerance && { acceptPaymentDiscountTolerance: true }),
  };
  return { request, errors: null };
}

/**
 * The server's field errors: `lines.<i>.<field>` on the row of the request's i-th line (on its
 * field when the row has one, else on the row); the rest stays for the page's alert.
 */
export function splitRefusal(fieldErrors: Readonly<Record<string, string>>, request: RegisterPaymentsRequest) {
  const rows: Record<number, Partial<Record<RowField, string>>> = {};
  const other: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    const match = /^lines\.(\d+)(?:\.(\w+))?/.exec(path);
    const entryNo = match ? request.lines[Number(match[1])]?.entryNo : undefined;
    if (entryNo === undefined) {
      other[path] = message;
      continue;
    }
    const field: RowField = match![2] === 'amountReceived' || match![2] === 'dateReceived' ? match![2] : 'row';
    rows[entryNo] = { ...rows[entryNo], [field]: message };
  }
  return { rows, other };
}
