/**
 * The amounts one posting invoices of a partly invoiced line (spec §4.5): each amount prorated by
 * Qty. to Invoice / Quantity, except that the posting which invoices the rest of the line takes
 * everything not yet invoiced, so the invoices of a line always add up to the line exactly.
 */
import { DomainError } from '../errors.ts';
import { type Decimal, ZERO } from '../money/decimal.ts';
import { AMOUNT_ROUNDING_PRECISION, roundAmount } from '../money/rounding.ts';

/** The money of a sales line that is invoiced piece by piece. */
export interface InvoiceableAmounts {
  lineAmount: Decimal;
  lineDiscountAmount: Decimal;
  invoiceDiscountAmount: Decimal;
  amount: Decimal;
  amountIncludingVat: Decimal;
}

export interface LineToInvoice extends InvoiceableAmounts {
  quantity: Decimal;
  quantityInvoiced: Decimal;
  quantityToInvoice: Decimal;
  /** What the earlier invoices of this line posted of each amount (NOTHING_INVOICED on the first). */
  invoiced: InvoiceableAmounts;
}

export interface AmountsToInvoice extends InvoiceableAmounts {
  /** amountIncludingVat − amount of this posting: the line's VAT, prorated. */
  vatAmount: Decimal;
}

export const NOTHING_INVOICED: InvoiceableAmounts = Object.freeze({
  lineAmount: ZERO,
  lineDiscountAmount: ZERO,
  invoiceDiscountAmount: ZERO,
  amount: ZERO,
  amountIncludingVat: ZERO,
});

/**
 * The amounts of this posting. Amount and VAT are prorated and Amount Including VAT is their sum,
 * so each posting's VAT stays the VAT of its own amount (prorating the amount including VAT would
 * put 8.34 of VAT on 33.33 at 25 %). Posting code that recalculates VAT per VAT identifier group
 * for the invoiced part, as BC does, can pass lineAmount and invoiceDiscountAmount on to
 * calculateDocumentVat instead.
 */
export function amountsToInvoice(
  line: LineToInvoice,
  precision: Decimal | string = AMOUNT_ROUNDING_PRECISION,
): AmountsToInvoice {
  assertInvoiceable(line);
  const invoicesRest = line.quantityInvoiced.plus(line.quantityToInvoice).equals(line.quantity);
  const share = (total: Decimal, alreadyInvoiced: Decimal): Decimal => {
    if (line.quantityToInvoice.isZero()) return ZERO;
    // The last invoice takes what is left, so no rounding residue stays on the line.
    if (invoicesRest) return total.minus(alreadyInvoiced);
    return roundAmount(total.times(line.quantityToInvoice).div(line.quantity), precision);
  };
  const prorated = (field: keyof InvoiceableAmounts) => share(line[field], line.invoiced[field]);
  const amount = prorated('amount');
  const vatAmount = share(vatOf(line), vatOf(line.invoiced));
  return {
    lineAmount: prorated('lineAmount'),
    lineDiscountAmount: prorated('lineDiscountAmount'),
    invoiceDiscountAmount: prorated('invoiceDiscountAmount'),
    amount,
    amountIncludingVat: amount.plus(vatAmount),
    vatAmount,
  };
}

function vatOf(amounts: InvoiceableAmounts): Decimal {
  return amounts.amountIncludingVat.minus(amounts.amount);
}

// §4.1: Qty. to Invoice has the sign of Quantity and cannot exceed what is left to invoice.
function assertInvoiceable(line: LineToInvoice): void {
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
