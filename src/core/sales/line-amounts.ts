/**
 * Line Amount and Line Discount of a sales line (spec §4.2), and the reverse calculations BC runs
 * when the user types the discount amount or the line amount instead of the Line Discount %.
 * Line Amount is in document currency and includes VAT when the document has Prices Including VAT.
 */
import { DomainError } from '../errors.ts';
import { type Decimal, ZERO } from '../money/decimal.ts';
import { roundAmount, roundTo } from '../money/rounding.ts';

// BC keeps Line Discount % to five decimals (DecimalPlaces 0:5).
const LINE_DISCOUNT_PERCENT_PRECISION = '0.00001';

export interface LinePricing {
  quantity: Decimal;
  unitPrice: Decimal;
  lineDiscountPercent: Decimal;
}

export interface LineAmount {
  lineDiscountAmount: Decimal;
  lineAmount: Decimal;
}

/**
 * Line Discount Amount = round(Quantity × Unit Price × Line Discount % / 100);
 * Line Amount = round(Quantity × Unit Price) − Line Discount Amount.
 */
export function calculateLineAmount(
  line: LinePricing,
  amountRoundingPrecision: Decimal | string,
): LineAmount {
  const grossAmount = grossLineAmount(line, amountRoundingPrecision);
  assertPercentInRange(line.lineDiscountPercent, grossAmount);
  // Spec §4.2 rounds the unrounded product once. (BC's field trigger rounds the gross amount first;
  // the two differ only when Quantity × Unit Price has more decimals than the precision.)
  const lineDiscountAmount = roundAmount(
    line.quantity.times(line.unitPrice).times(line.lineDiscountPercent).div(100),
    amountRoundingPrecision,
  );
  return { lineDiscountAmount, lineAmount: grossAmount.minus(lineDiscountAmount) };
}

/**
 * The user typed Line Discount Amount: Line Discount % = amount / round(Quantity × Unit Price) × 100,
 * to five decimals; 0 when the gross amount is 0. A discount outside 0–100 % of the gross amount is
 * refused, as BC does. (BC then keeps the typed amount; recalculating the amount from the rounded
 * % can come out one precision step off on gross amounts of 100 000 and more.)
 */
export function lineDiscountPercentFromAmount(
  line: { quantity: Decimal; unitPrice: Decimal; lineDiscountAmount: Decimal },
  amountRoundingPrecision: Decimal | string,
): Decimal {
  const grossAmount = grossLineAmount(line, amountRoundingPrecision);
  const lineDiscountAmount = roundAmount(line.lineDiscountAmount, amountRoundingPrecision);
  if (grossAmount.isZero()) {
    // Nothing to take a share of: only "no discount" makes sense on a zero line.
    if (!lineDiscountAmount.isZero()) refuseDiscount(grossAmount, 'undefined');
    return ZERO;
  }
  const lineDiscountPercent = roundTo(
    lineDiscountAmount.div(grossAmount).times(100),
    LINE_DISCOUNT_PERCENT_PRECISION,
  );
  assertPercentInRange(lineDiscountPercent, grossAmount);
  return lineDiscountPercent;
}

/**
 * The user typed Line Amount: BC sets Line Discount Amount = round(Quantity × Unit Price) − Line
 * Amount and derives the % from it, so a line amount beyond the gross amount (or of the other sign)
 * is refused.
 */
export function lineDiscountPercentFromLineAmount(
  line: { quantity: Decimal; unitPrice: Decimal; lineAmount: Decimal },
  amountRoundingPrecision: Decimal | string,
): Decimal {
  const grossAmount = grossLineAmount(line, amountRoundingPrecision);
  const lineAmount = roundAmount(line.lineAmount, amountRoundingPrecision);
  return lineDiscountPercentFromAmount(
    { quantity: line.quantity, unitPrice: line.unitPrice, lineDiscountAmount: grossAmount.minus(lineAmount) },
    amountRoundingPrecision,
  );
}

function grossLineAmount(
  line: { quantity: Decimal; unitPrice: Decimal },
  amountRoundingPrecision: Decimal | string,
): Decimal {
  return roundAmount(line.quantity.times(line.unitPrice), amountRoundingPrecision);
}

// Line Discount % has MinValue 0 and MaxValue 100 in BC.
function assertPercentInRange(percent: Decimal, grossAmount: Decimal): void {
  if (percent.lessThan(0) || percent.greaterThan(100)) refuseDiscount(grossAmount, percent.toString());
}

function refuseDiscount(grossAmount: Decimal, lineDiscountPercent: string): never {
  throw new DomainError('LINE_DISCOUNT_OUT_OF_RANGE', {
    grossAmount: grossAmount.toString(),
    lineDiscountPercent,
  });
}
