/**
 * Standard (recurring) sales lines (spec §9), the decisions only: which customer codes a document
 * may take lines from, what a new document does with them (insert modes, §9.3), which codes the
 * Create Recurring Sales Invoices batch takes on an order date (§9.4), and the sales line a
 * standard line becomes. Prices and discounts are not decided here: the line is then derived as a
 * typed one is.
 */
import { DomainError } from '../errors.ts';
import { compareDates, type IsoDate } from '../dates/calendar-date.ts';
import { ONE, ZERO, type Decimal } from '../money/decimal.ts';
import { roundUnitAmount } from '../money/rounding.ts';
import type { RecurringLinesInsertMode } from '../master-data/standard-sales.schemas.ts';
import type { SalesDocumentType, SalesLineType, VatCalculationType } from './types.ts';

/** The insert-mode field of a Standard Customer Sales Code for each document type that has one. */
export const insertModeFields = {
  quote: 'insertRecurringLinesOnQuotes',
  order: 'insertRecurringLinesOnOrders',
  invoice: 'insertRecurringLinesOnInvoices',
  creditMemo: 'insertRecurringLinesOnCreditMemos',
} as const satisfies Partial<Record<SalesDocumentType, string>>;

type InsertModeField = (typeof insertModeFields)[keyof typeof insertModeFields];

/** A Standard Customer Sales Code as these rules read it; currencyCode is its Standard Sales Code's (null = LCY). */
export type CustomerSalesCode = {
  customerNo: string;
  code: string;
  description: string;
  currencyCode: string | null;
  blocked: boolean;
  validFromDate: IsoDate | null;
  validToDate: IsoDate | null;
} & Record<InsertModeField, RecurringLinesInsertMode>;

/** Return and blanket orders have no insert mode: their codes are inserted by hand only (BC CanCreateSalesRecurringLines). */
export function insertModeOn(code: CustomerSalesCode, documentType: SalesDocumentType): RecurringLinesInsertMode {
  const field = (insertModeFields as Partial<Record<SalesDocumentType, InsertModeField>>)[documentType];
  return field ? code[field] : 'manual';
}

const sameCurrency = (a: string | null, b: string | null) => (a ?? '') === (b ?? '');

/** Get Recurring Sales Lines lists the customer's codes in the document's currency that are not blocked (spec §9.2 step 1). */
export function codesForDocument<C extends CustomerSalesCode>(codes: readonly C[], documentCurrency: string | null): C[] {
  return codes.filter((code) => !code.blocked && sameCurrency(code.currencyCode, documentCurrency));
}

/** Blank bounds are open (spec §9.4): valid from ≤ order date ≤ valid to. */
export function isValidOn(code: Pick<CustomerSalesCode, 'validFromDate' | 'validToDate'>, date: IsoDate): boolean {
  return (code.validFromDate === null || compareDates(code.validFromDate, date) <= 0)
    && (code.validToDate === null || compareDates(date, code.validToDate) <= 0);
}

/** The codes Create Recurring Sales Invoices takes (spec §9.4): not blocked, valid on the order date. */
export function codesForRecurringInvoices<C extends CustomerSalesCode>(codes: readonly C[], orderDate: IsoDate): C[] {
  return codes.filter((code) => !code.blocked && isValidOn(code, orderDate));
}

export interface RecurringCodeOffer { code: string; description: string; mode: RecurringLinesInsertMode }

export type NewDocumentRecurringLines =
  | { action: 'none' }
  | { action: 'insert'; code: string }
  | { action: 'ask'; codes: RecurringCodeOffer[] };

/**
 * What a new, empty document does with the codes offered for it (spec §9.3, BC Standard Codes Mgt.
 * CheckCreateSalesRecurringLines): when exactly one code is not Manual and it is Automatic, its
 * lines go in; when more are not Manual, or one is Always Ask, the user is asked to choose among
 * every code offered; when all are Manual, nothing happens.
 */
export function recurringLinesOnNewDocument(offered: readonly CustomerSalesCode[], documentType: SalesDocumentType): NewDocumentRecurringLines {
  const notManual = offered.filter((code) => insertModeOn(code, documentType) !== 'manual');
  if (notManual.length === 0) return { action: 'none' };
  if (notManual.length === 1 && insertModeOn(notManual[0]!, documentType) === 'automatic') return { action: 'insert', code: notManual[0]!.code };
  return { action: 'ask', codes: offered.map((code) => ({ code: code.code, description: code.description, mode: insertModeOn(code, documentType) })) };
}

/**
 * Why a code's lines may not go on a document (BC ApplyStdCodesToSalesLines' tests, refused instead
 * of skipped): the code must be the document customer's, not blocked, and in the document's currency.
 * `assigned` is the customer's assignment of the code; undefined when the customer has none.
 */
export function checkCodeForDocument(
  code: string, assigned: CustomerSalesCode | undefined, document: { customerNo: string; currencyCode: string | null }, field = 'codes',
): void {
  if (!assigned) throw new DomainError('RECURRING_SALES_CODE_NOT_ASSIGNED', { code, customerNo: document.customerNo }, field);
  if (assigned.blocked) throw new DomainError('RECURRING_SALES_CODE_BLOCKED', { code, customerNo: document.customerNo }, field);
  if (!sameCurrency(assigned.currencyCode, document.currencyCode)) {
    throw new DomainError('RECURRING_SALES_CODE_CURRENCY', {
      code, codeCurrency: assigned.currencyCode || 'local currency', documentCurrency: document.currencyCode || 'local currency',
    }, field);
  }
}

export interface StandardSalesLine {
  type: SalesLineType;
  no: string;
  description: string;
  unitOfMeasureCode: string | null;
  quantity: Decimal;
  amountExcludingVat: Decimal;
}

/** The document and G/L line facts a G/L line's unit price needs (BC grosses the amount up on Prices Including VAT). */
export interface RecurringLinePricing {
  pricesIncludingVat: boolean;
  vatPercent: Decimal;
  vatCalculationType: VatCalculationType;
  unitAmountRoundingPrecision: Decimal;
}

/** What a sales line is created from: the fields a user would type; the rest is derived as for a typed line. */
export interface RecurringLineInput {
  type: SalesLineType;
  no?: string;
  description?: string;
  unitOfMeasureCode?: string;
  quantity?: string;
  unitPrice?: string;
}

/**
 * The sales line a standard line becomes (spec §9.2 step 2): comments as text lines; items with
 * their quantity and unit, priced by the document; G/L lines priced at their Amount Excl. VAT
 * (grossed up by the line's VAT % on a document with Prices Including VAT, as BC does), quantity 1
 * when the standard line has an amount but no quantity.
 */
export function recurringLineInput(line: StandardSalesLine, pricing?: RecurringLinePricing): RecurringLineInput {
  if (line.type === 'comment') return { type: 'comment', description: line.description };
  const input: RecurringLineInput = { type: line.type, no: line.no, quantity: line.quantity.toFixed() };
  if (line.description !== '') input.description = line.description;
  if (line.unitOfMeasureCode) input.unitOfMeasureCode = line.unitOfMeasureCode;
  if (line.type !== 'glAccount') return input;
  if (!pricing) throw new Error('A G/L account line needs its pricing to become a sales line');
  if (line.quantity.isZero() && !line.amountExcludingVat.isZero()) input.quantity = '1';
  // BC: Reverse Charge (and Sales Tax) lines carry VAT % 0, so nothing is added to their price.
  const vatPercent = pricing.vatCalculationType === 'reverseCharge' || pricing.vatCalculationType === 'salesTax' ? ZERO : pricing.vatPercent;
  const factor = pricing.pricesIncludingVat ? vatPercent.div(100).plus(1) : ONE;
  input.unitPrice = roundUnitAmount(line.amountExcludingVat.times(factor), pricing.unitAmountRoundingPrecision).toFixed();
  return input;
}
