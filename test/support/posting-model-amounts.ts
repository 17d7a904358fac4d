/**
 * The money of the posting model, written from the spec (§4.2–4.6, §10.4) and BC's posting
 * (Sales-Post DivideAmount, RoundAmount; VAT Amount Line), independently of src/core: line
 * amounts, invoice discounts shared over VAT identifiers and lines, VAT per identifier of one
 * posting shared back to its lines, and the running-total conversion to LCY.
 *
 * Quantities are whole thousandths of a unit (1.25 is 1250), so the model adds and compares them
 * exactly as plain numbers.
 */
import { type Decimal, dec, sum, ZERO } from '../../src/core/money/decimal.ts';
import { roundAmount } from '../../src/core/money/rounding.ts';
import { type CustomerFacts, invoiceDiscountTerms, prepaymentAccount, vatRateOf } from './given-model-company.ts';

export type Quantity = number;
export const UNIT: Quantity = 1000;
/** The API's text of a model quantity: 1250 → '1.25'. */
export const quantityText = (quantity: Quantity) => dec(String(quantity)).div(UNIT).toString();
/** A quantity the API returned, in thousandths; anything finer would be a finding, so it fails loudly. */
export function quantityOf(text: string | null | undefined): Quantity {
  const thousandths = dec(text ?? '0').times(UNIT);
  if (!thousandths.isInteger()) throw new Error(`quantity ${text} is finer than the model's thousandths`);
  return thousandths.toNumber();
}

export interface PriceFacts { type: 'item' | 'glAccount'; no: string; unitPrice: string; lineDiscountPercent: string }

/**
 * Line Amount of `quantity` of a line, in document currency. A whole line (§4.2): round(Q × Unit Price)
 * less round(Q × Unit Price × Line Discount % / 100). Part of a line (§4.5, q ≠ Q, BC GetLineAmountToHandle):
 * round(q × Unit Price) less round(round(q × Unit Price) × Line Discount % / 100). The spec's §4.2 rounds the
 * unrounded product once where BC's field trigger rounds the gross amount first (line-amounts.ts says so).
 */
export function netAmount(line: PriceFacts, quantity: Quantity, ofQuantity: Quantity = quantity): Decimal {
  const exact = dec(String(quantity)).div(UNIT).times(dec(line.unitPrice));
  const gross = roundAmount(exact);
  const discountBase = quantity === ofQuantity ? exact : gross;
  return gross.minus(roundAmount(discountBase.times(dec(line.lineDiscountPercent)).div(100)));
}

/** Document currency → LCY for one amount (§4.6); LCY documents (factor null) stay as they are. */
export const toLcy = (amount: Decimal, factor: Decimal | null) => (factor ? roundAmount(amount.div(factor)) : amount);

/** Parts of `amount` in proportion to `weights`, the rounding remainder carried from part to part. */
export function shareOut(amount: Decimal, weights: readonly Decimal[]): Decimal[] {
  const base = sum(weights);
  let cumulative = ZERO;
  let shared = ZERO;
  return weights.map((weight) => {
    cumulative = cumulative.plus(weight);
    const target = base.isZero() ? ZERO : roundAmount(amount.times(cumulative).div(base));
    const part = target.minus(shared);
    shared = target;
    return part;
  });
}

// ------------------------------------------------------------------------------ invoice discount

interface DiscountLine { lineNo: number; no: string; lineAmount: Decimal }

/** The lines grouped by VAT identifier, in BC's VAT Amount Line order (identifier as text), lines by Line No. */
function vatGroups<L extends { lineNo: number; no: string }>(lines: readonly L[]): L[][] {
  const identifiers = [...new Set(lines.map((line) => vatRateOf[line.no]!.identifier))].sort();
  return identifiers.map((identifier) => lines.filter((line) => vatRateOf[line.no]!.identifier === identifier).sort((a, b) => a.lineNo - b.lineNo));
}

function discountsPerLine(groups: readonly DiscountLine[][], groupDiscounts: readonly Decimal[]): Map<number, Decimal> {
  const perLine = new Map<number, Decimal>();
  groups.forEach((group, index) => {
    shareOut(groupDiscounts[index]!, group.map((line) => line.lineAmount)).forEach((part, at) => perLine.set(group[at]!.lineNo, part));
  });
  return perLine;
}

/**
 * §10.4 steps 3 and 5, an invoice discount % (Calculate Invoice Discount): BC's SetInvoiceDiscountPercent
 * rounds the running total of % × base over the VAT identifiers, then each identifier's part is shared
 * over its lines by line amount.
 */
export function invoiceDiscountByPercent(lines: readonly DiscountLine[], percent: Decimal): Map<number, Decimal> {
  const groups = vatGroups(lines);
  let cumulativeBase = ZERO;
  let discounted = ZERO;
  const groupDiscounts = groups.map((group) => {
    cumulativeBase = cumulativeBase.plus(sum(group.map((line) => line.lineAmount)));
    const target = roundAmount(cumulativeBase.times(percent).div(100));
    const part = target.minus(discounted);
    discounted = target;
    return part;
  });
  return discountsPerLine(groups, groupDiscounts);
}

/** §10.4 step 5, an amount typed on the header: shared over the VAT identifiers by base, then over their lines. */
export function invoiceDiscountByAmount(lines: readonly DiscountLine[], amount: Decimal): Map<number, Decimal> {
  const groups = vatGroups(lines);
  return discountsPerLine(groups, shareOut(amount, groups.map((group) => sum(group.map((line) => line.lineAmount)))));
}

/**
 * §10.4 step 2: the terms of the document currency with the greatest minimum ≤ base; with no terms in
 * that currency, the LCY terms against the base in LCY.
 */
export function invoiceDiscountPercent(customer: CustomerFacts, base: Decimal): Decimal {
  if (!customer.invoiceDiscountCode) return ZERO;
  const inCurrency = invoiceDiscountTerms.filter((terms) => terms.currencyCode === customer.currencyCode);
  const [terms, compared] = inCurrency.length > 0 || customer.currencyCode === ''
    ? [inCurrency, base]
    : [invoiceDiscountTerms.filter((candidate) => candidate.currencyCode === ''), toLcy(base, customer.factor)];
  const found = terms.filter((candidate) => dec(candidate.minimumAmount).lte(compared))
    .sort((a, b) => dec(b.minimumAmount).comparedTo(dec(a.minimumAmount)))[0];
  return found ? dec(found.discountPercent) : ZERO;
}

// --------------------------------------------------------------------------------- one posting

/** One line of a posting: what it invoices (credits), after its invoice discount, in document currency. */
export interface PostingPart {
  lineNo: number;
  type: 'item' | 'glAccount';
  no: string;
  net: Decimal;
  /**
   * A prepayment document's line or an invoice's deduction line (§26.3.3, §26.7.2): its VAT is given
   * (from the prepayment VAT), not worked out from the group, and it is a VAT group of its own.
   */
  fixedVat?: Decimal;
}
export interface PostedLineAmounts extends PostingPart { vat: Decimal; amountIncludingVat: Decimal; netLcy: Decimal; amountIncludingVatLcy: Decimal }
export interface PostingAmounts {
  lines: PostedLineAmounts[];
  net: Decimal;
  vat: Decimal;
  total: Decimal;
  netLcy: Decimal;
  totalLcy: Decimal;
  /** LCY net of the item lines: what their value entries carry as Sales Amount (Actual). */
  itemNetLcy: Decimal;
  /** LCY net of the lines on the Sales Prepayments Account: prepayment, its deduction and what a corrective credit memo puts back (§26). */
  prepaymentNetLcy: Decimal;
  /** LCY VAT base and VAT per VAT identifier: the posting's VAT entries. */
  vatByIdentifier: Map<string, { base: Decimal; amount: Decimal }>;
}

/**
 * §4.3, §4.5: VAT per identifier on the posting's own totals, shared back to its lines by amount;
 * §4.6 as BC's RoundAmount: each field converted on the running total of the lines so far, a line
 * taking the difference, and a line without VAT taking its LCY amount from its LCY amount incl. VAT.
 */
export function postingAmounts(parts: readonly PostingPart[], factor: Decimal | null): PostingAmounts {
  const ordered = [...parts].sort((a, b) => a.lineNo - b.lineNo);
  const vatOf = new Map<number, Decimal>();
  for (const part of ordered) if (part.fixedVat) vatOf.set(part.lineNo, part.fixedVat);
  for (const group of vatGroups(ordered.filter((part) => !part.fixedVat))) {
    const net = sum(group.map((part) => part.net));
    const groupVat = roundAmount(net.times(vatRateOf[group[0]!.no]!.percent).div(100));
    shareOut(groupVat, group.map((part) => part.net)).forEach((vat, index) => vatOf.set(group[index]!.lineNo, vat));
  }
  const running = { net: ZERO, total: ZERO, netLcy: ZERO, totalLcy: ZERO };
  const lines = ordered.map((part): PostedLineAmounts => {
    const vat = vatOf.get(part.lineNo)!;
    const amountIncludingVat = part.net.plus(vat);
    running.net = running.net.plus(part.net);
    running.total = running.total.plus(amountIncludingVat);
    const amountIncludingVatLcy = toLcy(running.total, factor).minus(running.totalLcy);
    const netLcy = vat.isZero() ? amountIncludingVatLcy : toLcy(running.net, factor).minus(running.netLcy);
    running.netLcy = running.netLcy.plus(netLcy);
    running.totalLcy = running.totalLcy.plus(amountIncludingVatLcy);
    return { ...part, vat, amountIncludingVat, netLcy, amountIncludingVatLcy };
  });
  const vatByIdentifier = new Map<string, { base: Decimal; amount: Decimal }>();
  for (const line of lines) {
    const identifier = vatRateOf[line.no]!.identifier;
    const total = vatByIdentifier.get(identifier) ?? { base: ZERO, amount: ZERO };
    vatByIdentifier.set(identifier, { base: total.base.plus(line.netLcy), amount: total.amount.plus(line.amountIncludingVatLcy.minus(line.netLcy)) });
  }
  return {
    lines, net: running.net, vat: running.total.minus(running.net), total: running.total, netLcy: running.netLcy, totalLcy: running.totalLcy,
    itemNetLcy: sum(lines.filter((line) => line.type === 'item').map((line) => line.netLcy)), vatByIdentifier,
    prepaymentNetLcy: sum(lines.filter((line) => line.type === 'glAccount' && line.no === prepaymentAccount.no).map((line) => line.netLcy)),
  };
}
