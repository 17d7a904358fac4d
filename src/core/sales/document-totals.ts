/**
 * Document totals (spec §4.4) and the invoice rounding line (spec §4.7). The totals are the sums of
 * the lines as calculateDocumentVat leaves them, so they are exact: VAT rounded per VAT identifier
 * group, not per line.
 */
import { type Decimal, sum } from '../money/decimal.ts';
import { type RoundingDirection, invoiceRoundingDifference } from '../money/rounding.ts';
import { calculateDocumentVat } from '../tax/vat.ts';
import type { AmountLine, DocumentAmountOptions, LineVat, VatGroup } from './types.ts';

export interface DocumentTotals {
  /** Σ Line Amount (after line discount; incl. VAT when prices include VAT). */
  lineAmount: Decimal;
  /** Σ Inv. Discount Amount. */
  invoiceDiscountAmount: Decimal;
  /** Total Excl. VAT = Σ Amount. */
  amount: Decimal;
  /** Total VAT = Σ (Amount Including VAT − Amount). */
  vatAmount: Decimal;
  /** Total Incl. VAT = Σ Amount Including VAT. */
  amountIncludingVat: Decimal;
}

export interface DocumentAmounts {
  lines: LineVat[];
  groups: VatGroup[];
  totals: DocumentTotals;
}

// Line Discount Amount is not part of AmountLine, so its total is left to the caller (Σ of the lines).
export function calculateDocumentTotals(
  lines: readonly AmountLine[],
  options: DocumentAmountOptions,
): DocumentAmounts {
  const vat = calculateDocumentVat(lines, options);
  const amountLines = lines.filter((line) => line.type !== 'comment');
  return {
    ...vat,
    totals: {
      lineAmount: sum(amountLines.map((line) => line.lineAmount)),
      invoiceDiscountAmount: sum(amountLines.map((line) => line.invoiceDiscountAmount)),
      amount: sum(vat.lines.map((line) => line.amount)),
      vatAmount: sum(vat.lines.map((line) => line.vatAmount)),
      amountIncludingVat: sum(vat.lines.map((line) => line.amountIncludingVat)),
    },
  };
}

export interface InvoiceRoundingSetup {
  /** Inv. Rounding Precision (LCY) or the currency's Invoice Rounding Precision, e.g. 1.00. */
  precision: Decimal | string;
  /** Inv. Rounding Type. */
  direction: RoundingDirection;
  amountRoundingPrecision: Decimal | string;
}

/**
 * The amount of the system-created invoice rounding line: what brings Amount Including VAT onto the
 * invoice rounding precision (1246.88, 1.00 nearest → +0.12; down → −0.88). 0 means no line.
 */
export function invoiceRoundingLine(amountIncludingVat: Decimal, setup: InvoiceRoundingSetup): Decimal {
  return invoiceRoundingDifference(
    amountIncludingVat,
    setup.precision,
    setup.direction,
    setup.amountRoundingPrecision,
  );
}
