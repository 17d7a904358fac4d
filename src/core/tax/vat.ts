/**
 * VAT of a sales document (spec §4.3), the way BC's statistics, release and posting compute it:
 * per VAT identifier group on the summed amounts, then distributed back to the lines with a
 * running remainder (BC: "VAT Amount Line".UpdateLines, then "Sales Line".UpdateVATOnLines).
 * Rounding per group instead of per line is why a document's VAT equals the VAT on its total.
 */
import { DomainError } from '../errors.ts';
import { allocateProportionally } from '../money/allocation.ts';
import { type Decimal, ZERO, sum } from '../money/decimal.ts';
import { roundAmount } from '../money/rounding.ts';
import type {
  AmountLine,
  DocumentAmountOptions,
  LineVat,
  VatCalculationType,
  VatGroup,
} from '../sales/types.ts';

export interface DocumentVat {
  /** One per non-comment line, in the order given. */
  lines: LineVat[];
  /** One per VAT identifier group that has amounts, sorted by identifier, then VAT %. */
  groups: VatGroup[];
}

/** The lines sharing VAT identifier, VAT % and calculation type: the unit VAT is rounded on. */
export interface VatIdentifierGroup<L extends AmountLine = AmountLine> {
  vatIdentifier: string;
  vatPercent: Decimal;
  vatCalculationType: VatCalculationType;
  /** In Line No. order, the order BC walks them when it carries remainders. */
  lines: L[];
}

export function calculateDocumentVat(
  lines: readonly AmountLine[],
  options: DocumentAmountOptions,
): DocumentVat {
  const amountLines = lines.filter((line) => line.type !== 'comment');
  rejectSalesTax(amountLines);
  const lineVats = new Map<AmountLine, LineVat>();
  const groups: VatGroup[] = [];
  for (const group of groupByVatIdentifier(amountLines)) {
    const vatGroup = calculateVatGroup(group, options);
    distributeGroupVat(group, vatGroup, options).forEach((lineVat, index) => {
      lineVats.set(group.lines[index]!, lineVat);
    });
    // Like BC's VAT amount lines, a group exists only where a line has an amount.
    if (group.lines.some((line) => !line.lineAmount.isZero() || !line.invoiceDiscountAmount.isZero())) {
      groups.push(vatGroup);
    }
  }
  return { lines: amountLines.map((line) => lineVats.get(line)!), groups };
}

/** Lines grouped by VAT identifier, VAT % and calculation type; groups sorted, lines by Line No. */
export function groupByVatIdentifier<L extends AmountLine>(lines: readonly L[]): VatIdentifierGroup<L>[] {
  const groups = new Map<string, VatIdentifierGroup<L>>();
  for (const line of lines) {
    const key = [line.vatIdentifier, line.vatPercent.toString(), line.vatCalculationType].join('\u0000');
    const group = groups.get(key);
    if (group) group.lines.push(line);
    else {
      groups.set(key, {
        vatIdentifier: line.vatIdentifier,
        vatPercent: line.vatPercent,
        vatCalculationType: line.vatCalculationType,
        lines: [line],
      });
    }
  }
  const sorted = [...groups.values()].sort(compareGroups);
  for (const group of sorted) group.lines.sort((a, b) => a.lineNo - b.lineNo);
  return sorted;
}

function calculateVatGroup(group: VatIdentifierGroup, options: DocumentAmountOptions): VatGroup {
  const lineAmount = sum(group.lines.map((line) => line.lineAmount));
  const invoiceDiscountAmount = sum(group.lines.map((line) => line.invoiceDiscountAmount));
  const net = lineAmount.minus(invoiceDiscountAmount);
  const vatAmount = groupVatAmount(net, group, options);
  const vatBaseAmount = amountExcludingVat(net, vatAmount, group.vatCalculationType, options);
  return {
    vatIdentifier: group.vatIdentifier,
    vatPercent: group.vatPercent,
    vatCalculationType: group.vatCalculationType,
    lineAmount,
    invoiceDiscountAmount,
    vatBaseAmount,
    vatAmount,
    amountIncludingVat: vatBaseAmount.plus(vatAmount),
  };
}

/** net = Line Amount − Inv. Discount Amount, summed over the group. */
function groupVatAmount(net: Decimal, group: VatIdentifierGroup, options: DocumentAmountOptions): Decimal {
  switch (group.vatCalculationType) {
    case 'fullVat':
      return net;
    case 'reverseCharge':
      // The customer accounts for the VAT; BC sets the line's VAT % to 0 for this type.
      return ZERO;
    case 'normal': {
      const precision = options.amountRoundingPrecision;
      if (!options.pricesIncludingVat) return roundAmount(net.times(group.vatPercent).div(100), precision);
      const vatBaseAmount = roundAmount(net.div(group.vatPercent.div(100).plus(1)), precision);
      return net.minus(vatBaseAmount);
    }
    case 'salesTax':
      throw salesTaxNotSupported(group.lines[0]!);
  }
}

/**
 * Each line's share of the group VAT, in proportion to its net amount, remainder carried.
 * BC keeps a VAT identifier's negative lines (Line Amount < 0) in a VAT amount line of their own,
 * rounded first, the positive lines taking the rest. Sharing out per sign does the same here, so
 * a return line inside a group of sales gets its own VAT rather than a share amplified by the
 * cancellation; the group's VAT, rounded on the whole group as spec §4.3 says, is unchanged.
 */
function distributeGroupVat(
  group: VatIdentifierGroup,
  vatGroup: VatGroup,
  options: DocumentAmountOptions,
): LineVat[] {
  const vatByLine = new Map<AmountLine, Decimal>();
  const [negativeLines, positiveLines] = splitBySign(group.lines);
  const negativeVat = groupVatAmount(netOf(negativeLines), group, options);
  shareOutVat(negativeLines, negativeVat, group, options, vatByLine);
  shareOutVat(positiveLines, vatGroup.vatAmount.minus(negativeVat), group, options, vatByLine);
  return group.lines.map((line) => {
    const vatAmount = vatByLine.get(line)!;
    const net = line.lineAmount.minus(line.invoiceDiscountAmount);
    const amount = amountExcludingVat(net, vatAmount, group.vatCalculationType, options);
    return {
      lineNo: line.lineNo,
      amount,
      amountIncludingVat: amount.plus(vatAmount),
      vatBaseAmount: amount,
      vatAmount,
    };
  });
}

/** BC's "Positive" split of a VAT amount line: [lines with Line Amount < 0, the others]. */
export function splitBySign<L extends AmountLine>(lines: readonly L[]): [L[], L[]] {
  return [
    lines.filter((line) => line.lineAmount.lessThan(0)),
    lines.filter((line) => !line.lineAmount.lessThan(0)),
  ];
}

function shareOutVat(
  lines: readonly AmountLine[],
  vatAmount: Decimal,
  group: VatIdentifierGroup,
  options: DocumentAmountOptions,
  vatByLine: Map<AmountLine, Decimal>,
): void {
  const nets = lines.map((line) => line.lineAmount.minus(line.invoiceDiscountAmount));
  // Full VAT: each line's net amount is its VAT, no proportion needed.
  const vatAmounts = group.vatCalculationType === 'fullVat'
    ? nets
    : shareOut(vatAmount, nets, options.amountRoundingPrecision);
  lines.forEach((line, index) => vatByLine.set(line, vatAmounts[index]!));
}

function netOf(lines: readonly AmountLine[]): Decimal {
  return sum(lines.map((line) => line.lineAmount.minus(line.invoiceDiscountAmount)));
}

// Full VAT: the whole net amount is VAT, whatever the price mode; otherwise the net amount is
// "Amount Including VAT" when prices include VAT and "Amount" when they do not.
function amountExcludingVat(
  net: Decimal,
  vatAmount: Decimal,
  vatCalculationType: VatCalculationType,
  options: DocumentAmountOptions,
): Decimal {
  const netIncludesVat = options.pricesIncludingVat || vatCalculationType === 'fullVat';
  return netIncludesVat ? net.minus(vatAmount) : net;
}

// Nets that cancel out have no proportion to follow, and then their VAT is necessarily 0.
function shareOut(total: Decimal, weights: readonly Decimal[], precision: Decimal): Decimal[] {
  if (total.isZero()) return weights.map(() => ZERO);
  return allocateProportionally(total, weights, precision);
}

function rejectSalesTax(lines: readonly AmountLine[]): void {
  const salesTaxLine = lines.find((line) => line.vatCalculationType === 'salesTax');
  if (salesTaxLine) throw salesTaxNotSupported(salesTaxLine);
}

function salesTaxNotSupported(line: AmountLine): DomainError {
  return new DomainError('SALES_TAX_NOT_SUPPORTED', { lineNo: line.lineNo });
}

function compareGroups(a: VatIdentifierGroup, b: VatIdentifierGroup): number {
  if (a.vatIdentifier !== b.vatIdentifier) return a.vatIdentifier < b.vatIdentifier ? -1 : 1;
  const byPercent = a.vatPercent.comparedTo(b.vatPercent);
  if (byPercent !== 0) return byPercent;
  if (a.vatCalculationType === b.vatCalculationType) return 0;
  return a.vatCalculationType < b.vatCalculationType ? -1 : 1;
}
