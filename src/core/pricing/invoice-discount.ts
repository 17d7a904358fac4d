/**
 * Invoice discount and service charge from the customer's invoice discount terms (spec §10.4;
 * BC's "Cust. Invoice Disc." table and "Sales-Calc. Discount" codeunit), and the distribution of
 * an invoice discount over the lines (BC: VAT Amount Line.SetInvoiceDiscountAmount/Percent, then
 * Sales Line.UpdateVATOnLines).
 */
import { DomainError } from '../errors.ts';
import { allocateProportionally } from '../money/allocation.ts';
import { type Decimal, ZERO, sum } from '../money/decimal.ts';
import { roundAmount, roundingPrecision } from '../money/rounding.ts';
import type { AmountLine, CustomerInvoiceDiscountTerms } from '../sales/types.ts';
import { groupByVatIdentifier, splitBySign } from '../tax/vat.ts';

export interface InvoiceDiscountOptions {
  /** The document currency; '' = local currency. */
  currencyCode: string;
  /** Document currency → LCY at the posting date (work date if blank), rounded to LCY precision. */
  toLcy: (amount: Decimal) => Decimal;
  /**
   * LCY → document currency. Needed only when a foreign-currency document falls back to the LCY
   * terms and those carry a service charge, which BC converts into the document currency.
   */
  fromLcy?: (amount: Decimal) => Decimal;
  amountRoundingPrecision: Decimal | string;
}

export interface InvoiceDiscountCalculation {
  discountPercent: Decimal;
  discountAmount: Decimal;
  /** Inv. Discount Amount per Line No.; 0 for lines that do not take part. */
  perLine: Map<number, Decimal>;
  /** In document currency, excluding VAT; 0 when the terms carry none. */
  serviceCharge: Decimal;
}

/** Σ Line Amount of the lines that allow invoice discount (incl. VAT when prices include VAT). */
export function invoiceDiscountBase(lines: readonly AmountLine[]): Decimal {
  return sum(lines.filter(isEligibleForInvoiceDiscount).map((line) => line.lineAmount));
}

/** Σ Line Amount of all lines; pass the lines without the service-charge line itself. */
export function serviceChargeBase(lines: readonly AmountLine[]): Decimal {
  return sum(lines.filter((line) => line.type !== 'comment').map((line) => line.lineAmount));
}

/**
 * The terms of the document currency with the greatest Minimum Amount ≤ base; when no terms exist
 * for that currency at all, the LCY terms compared against the base in LCY. `terms` are those of
 * the header's Invoice Disc. Code.
 */
export function selectInvoiceDiscountTerms(
  terms: readonly CustomerInvoiceDiscountTerms[],
  currencyCode: string,
  base: Decimal,
  baseInLcy: Decimal,
): CustomerInvoiceDiscountTerms | null {
  const currencyTerms = terms.filter((term) => term.currencyCode === currencyCode);
  if (currencyTerms.length > 0 || currencyCode === '') return greatestMinimumUpTo(currencyTerms, base);
  return greatestMinimumUpTo(terms.filter((term) => term.currencyCode === ''), baseInLcy);
}

/**
 * The automatic calculation: the terms found for the invoice discount base give the % (and the
 * amount, round(base × % / 100)); the terms found for the service-charge base give the service
 * charge. When the code has no terms at all BC leaves the document's discount alone, so callers
 * should not call this then.
 */
export function calculateInvoiceDiscount(
  lines: readonly AmountLine[],
  terms: readonly CustomerInvoiceDiscountTerms[],
  options: InvoiceDiscountOptions,
): InvoiceDiscountCalculation {
  const precision = roundingPrecision(options.amountRoundingPrecision);
  const base = invoiceDiscountBase(lines);
  const discountTerms = selectInvoiceDiscountTerms(terms, options.currencyCode, base, options.toLcy(base));
  const discountPercent = discountTerms?.discountPercent ?? ZERO;
  const groups = eligibleGroups(lines);
  const groupDiscounts = percentPerGroup(groups, discountPercent, precision);
  return {
    discountPercent,
    discountAmount: sum(groupDiscounts),
    perLine: linesDiscounts(lines, groups, groupDiscounts, precision),
    serviceCharge: serviceChargeFor(lines, terms, options, precision),
  };
}

/**
 * A given invoice discount amount spread over the eligible lines (Allow Invoice Disc., an amount
 * other than 0) in proportion to their line amounts: first over the VAT identifier groups, then over
 * the lines of each group, remainder carried, so the parts add up to discountAmount exactly.
 */
export function distributeInvoiceDiscount(
  lines: readonly AmountLine[],
  discountAmount: Decimal,
  precision: Decimal | string,
): Map<number, Decimal> {
  const groups = eligibleGroups(lines);
  if (!discountAmount.isZero()) assertDiscountFits(groups, discountAmount);
  const groupDiscounts = discountAmount.isZero()
    ? groups.map(() => ZERO)
    : allocateProportionally(discountAmount, groups.map(groupBase), precision);
  return linesDiscounts(lines, groups, groupDiscounts, precision);
}

function isEligibleForInvoiceDiscount(line: AmountLine): boolean {
  return line.type !== 'comment' && line.allowInvoiceDiscount && !line.lineAmount.isZero();
}

/**
 * BC's VAT amount lines in their key order: VAT identifier (then VAT % and calculation type here),
 * the negative lines of an identifier before its positive ones; lines in Line No. order.
 */
function eligibleGroups(lines: readonly AmountLine[]): AmountLine[][] {
  return groupByVatIdentifier(lines.filter(isEligibleForInvoiceDiscount))
    .flatMap((group) => splitBySign(group.lines))
    .filter((group) => group.length > 0);
}

function groupBase(group: readonly AmountLine[]): Decimal {
  return sum(group.map((line) => line.lineAmount));
}

// BC (SetInvoiceDiscountPercent) rounds the running total of % × group base, so the groups add
// up to round(base × % / 100) without that amount being shared out again.
function percentPerGroup(groups: readonly AmountLine[][], percent: Decimal, precision: Decimal): Decimal[] {
  let cumulativeBase = ZERO;
  let allocated = ZERO;
  return groups.map((group) => {
    cumulativeBase = cumulativeBase.plus(groupBase(group));
    const target = roundAmount(cumulativeBase.times(percent).div(100), precision);
    const part = target.minus(allocated);
    allocated = target;
    return part;
  });
}

/** Each group's discount over its lines by line amount; every line of the document in the map. */
function linesDiscounts(
  lines: readonly AmountLine[],
  groups: readonly AmountLine[][],
  groupDiscounts: readonly Decimal[],
  precision: Decimal | string,
): Map<number, Decimal> {
  const perLine = new Map<number, Decimal>(lines.map((line) => [line.lineNo, ZERO]));
  groups.forEach((group, index) => {
    const groupDiscount = groupDiscounts[index]!;
    if (groupDiscount.isZero()) return;
    const parts = allocateProportionally(groupDiscount, group.map((line) => line.lineAmount), precision);
    group.forEach((line, lineIndex) => perLine.set(line.lineNo, parts[lineIndex]!));
  });
  return perLine;
}

function assertDiscountFits(groups: readonly AmountLine[][], discountAmount: Decimal): void {
  if (groups.length === 0) {
    throw new DomainError('INVOICE_DISCOUNT_NOT_ALLOWED', { discountAmount: discountAmount.toString() });
  }
  const base = sum(groups.map(groupBase));
  // A discount must lie between 0 and the base: same sign, no larger.
  const sameSign = discountAmount.isNegative() === base.isNegative();
  if (!sameSign || discountAmount.abs().greaterThan(base.abs())) {
    throw new DomainError('INVOICE_DISCOUNT_TOO_LARGE', {
      discountAmount: discountAmount.toString(),
      base: base.toString(),
    });
  }
}

function serviceChargeFor(
  lines: readonly AmountLine[],
  terms: readonly CustomerInvoiceDiscountTerms[],
  options: InvoiceDiscountOptions,
  precision: Decimal,
): Decimal {
  const base = serviceChargeBase(lines);
  const chargeTerms = selectInvoiceDiscountTerms(terms, options.currencyCode, base, options.toLcy(base));
  if (!chargeTerms || chargeTerms.serviceCharge.isZero()) return ZERO;
  if (chargeTerms.currencyCode === options.currencyCode) return chargeTerms.serviceCharge;
  if (!options.fromLcy) {
    throw new DomainError('INVALID_INPUT', {
      detail: 'The LCY service charge needs fromLcy to be converted into the document currency.',
    });
  }
  return roundAmount(options.fromLcy(chargeTerms.serviceCharge), precision);
}

function greatestMinimumUpTo(
  terms: readonly CustomerInvoiceDiscountTerms[],
  base: Decimal,
): CustomerInvoiceDiscountTerms | null {
  let best: CustomerInvoiceDiscountTerms | null = null;
  for (const term of terms) {
    if (term.minimumAmount.greaterThan(base)) continue;
    if (!best || term.minimumAmount.greaterThan(best.minimumAmount)) best = term;
  }
  return best;
}
