/**
 * The amounts one posting invoices (spec §4.5; BC Sales-Post DivideAmount with QtyType Invoicing).
 * Each line is prorated **as it is now** over the quantity this posting invoices; nothing is
 * carried from earlier invoices of the same line, so a unit price or invoice discount changed
 * between two invoices of a line applies to the second one. For a line with Quantity Q and
 * Qty. to Invoice q:
 *
 *   Line Amount        = round(q × Unit Price) − round(round(q × Unit Price) × Line Discount % / 100)
 *                        (q = Q: round(Q × Unit Price) − Line Discount Amount; BC GetLineAmountToHandle)
 *   Line Discount Amt. = round(Line Discount Amount × q / Q)   (q = Q: Line Discount Amount)
 *   Inv. Discount Amt. = round(Inv. Discount Amount × q / Q)   (BC CalcInvDiscToInvoice)
 *
 * VAT is then worked out per VAT identifier over the lines of this posting and shared back to
 * them with the remainder carried (calculateDocumentVat, as BC's CalcVATAmountLines(Invoicing)
 * and the TempVATAmountLineRemainder of DivideAmount), so one posting's VAT is the VAT of its
 * own totals. The invoices of a line add up to its Line Amount only when nothing changed between them.
 */
import { DomainError } from '../errors.ts';
import { type Decimal, ZERO } from '../money/decimal.ts';
import { roundAmount } from '../money/rounding.ts';
import { calculateDocumentVat } from '../tax/vat.ts';
import type { AmountLine, DocumentAmountOptions } from './types.ts';

/** A document line as it is now, and how much of it this posting invoices. */
export interface LineToInvoice extends Omit<AmountLine, 'lineAmount' | 'invoiceDiscountAmount'> {
  quantity: Decimal;
  quantityInvoiced: Decimal;
  quantityToInvoice: Decimal;
  unitPrice: Decimal;
  lineDiscountPercent: Decimal;
  /** The line's own Line Discount Amount and Inv. Discount Amount: they belong to its whole Quantity. */
  lineDiscountAmount: Decimal;
  invoiceDiscountAmount: Decimal;
  /**
   * Set when this posting must bill exactly this much of the line after invoice discount (spec §26.7.3:
   * a 100 % prepaid line's final invoice bills the rest of its prepayment); the difference to the
   * prorated amount goes into the line discount.
   */
  netAmountToInvoice?: Decimal | null;
}

/** What one posting invoices of a line, before VAT: in document currency, incl. VAT when prices include VAT. */
export interface LineAmountsToInvoice {
  lineAmount: Decimal;
  lineDiscountAmount: Decimal;
  invoiceDiscountAmount: Decimal;
}

export interface AmountsToInvoice extends LineAmountsToInvoice {
  lineNo: number;
  amount: Decimal;
  amountIncludingVat: Decimal;
  vatBaseAmount: Decimal;
  /** amountIncludingVat − amount: the line's share of its VAT identifier's VAT in this posting. */
  vatAmount: Decimal;
}

const NOTHING: LineAmountsToInvoice = Object.freeze({ lineAmount: ZERO, lineDiscountAmount: ZERO, invoiceDiscountAmount: ZERO });

/** Line Amount, Line Discount Amount and Inv. Disc. Amount to Invoice of q units (see the file comment). */
/** What lineAmountsToInvoice reads of a line. */
export type PricedLineToInvoice = Pick<LineToInvoice, 'quantity' | 'quantityInvoiced' | 'quantityToInvoice' | 'unitPrice' | 'lineDiscountPercent' | 'lineDiscountAmount' | 'invoiceDiscountAmount' | 'allowInvoiceDiscount' | 'netAmountToInvoice'>;

export function lineAmountsToInvoice(line: PricedLineToInvoice, precision: Decimal | string): LineAmountsToInvoice {
  assertInvoiceable(line);
  const { quantity, quantityToInvoice: part } = line;
  // BC DivideAmount: no quantity or no price, no money (even if a discount amount was left on the line).
  if (part.isZero() || line.unitPrice.isZero()) return NOTHING;
  const whole = part.equals(quantity);
  const gross = roundAmount(part.times(line.unitPrice), precision);
  const discountInLineAmount = whole
    ? line.lineDiscountAmount
    : roundAmount(gross.times(line.lineDiscountPercent).div(100), precision);
  const prorated = (amount: Decimal) => (whole ? amount : roundAmount(amount.times(part).div(quantity), precision));
  const amounts = {
    lineAmount: gross.minus(discountInLineAmount),
    lineDiscountAmount: prorated(line.lineDiscountAmount),
    invoiceDiscountAmount: line.allowInvoiceDiscount ? prorated(line.invoiceDiscountAmount) : ZERO,
  };
  if (!line.netAmountToInvoice) return amounts;
  const difference = line.netAmountToInvoice.minus(amounts.lineAmount.minus(amounts.invoiceDiscountAmount));
  return { ...amounts, lineAmount: amounts.lineAmount.plus(difference), lineDiscountAmount: amounts.lineDiscountAmount.minus(difference) };
}

/**
 * The amounts this posting invoices, one per line given and in that order: lines with nothing to
 * invoice (and comment lines) get zeros and take no part in the VAT.
 */
export function amountsToInvoice(lines: readonly LineToInvoice[], options: DocumentAmountOptions): AmountsToInvoice[] {
  const parts = lines.map((line) => (line.type === 'comment' ? NOTHING : lineAmountsToInvoice(line, options.amountRoundingPrecision)));
  const invoiced = lines.flatMap((line, index): AmountLine[] => (
    line.type === 'comment' || line.quantityToInvoice.isZero() ? [] : [{
      lineNo: line.lineNo,
      type: line.type,
      lineAmount: parts[index]!.lineAmount,
      invoiceDiscountAmount: parts[index]!.invoiceDiscountAmount,
      allowInvoiceDiscount: line.allowInvoiceDiscount,
      vatPercent: line.vatPercent,
      vatIdentifier: line.vatIdentifier,
      vatCalculationType: line.vatCalculationType,
    }]
  ));
  const vatByLine = new Map(calculateDocumentVat(invoiced, options).lines.map((vat) => [vat.lineNo, vat]));
  return lines.map((line, index) => {
    const vat = vatByLine.get(line.lineNo);
    return {
      lineNo: line.lineNo,
      ...parts[index]!,
      amount: vat?.amount ?? ZERO,
      amountIncludingVat: vat?.amountIncludingVat ?? ZERO,
      vatBaseAmount: vat?.vatBaseAmount ?? ZERO,
      vatAmount: vat?.vatAmount ?? ZERO,
    };
  });
}

// §4.1: Qty. to Invoice has the sign of Quantity and cannot exceed what is left to invoice.
function assertInvoiceable(line: PricedLineToInvoice): void {
  const { quantity, quantityInvoiced, quantityToInvoice } = line;
  if (quantityToInvoice.isZero()) return;
  if (quantityToInvoice.lessThan(0) !== quantity.lessThan(0)) {
    throw new DomainError(
      'INVOICE_MORE_THAN_SHIPPED',
      { detail: `Qty. to Invoice (${quantityToInvoice.toString()}) must have the same sign as Quantity (${quantity.toString()})` },
      'quantityToInvoice',
    );
  }
  const remaining = quantity.minus(quantityInvoiced);
  if (quantityToInvoice.abs().greaterThan(remaining.abs())) {
    throw new DomainError(
      'INVOICE_MORE_THAN_SHIPPED',
      { maximum: remaining.toString(), value: quantityToInvoice.toString() },
      'quantityToInvoice',
    );
  }
}
