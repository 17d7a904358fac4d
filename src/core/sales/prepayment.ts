/**
 * Prepayments on sales orders (spec §26): which percentage a line gets, what it requires, what a
 * prepayment invoice or credit memo posts per line, and what each final invoice deducts. Pure: the
 * caller loads the lines and setup and writes the results.
 *
 * Amounts are in document currency and, like Line Amount, include VAT when the order's prices do.
 * The VAT invoiced as prepayment is kept per line (prepmtVatAmountInv, prepmtVatAmtDeducted), so
 * that deductions and credit memos take back exactly what was invoiced and the prepayment account
 * and its VAT end at 0.00 for every fully invoiced line (§26.7.3).
 */
import { type IsoDate, compareDates } from '../dates/calendar-date.ts';
import { DomainError } from '../errors.ts';
import { allocateProportionally } from '../money/allocation.ts';
import { type Decimal, ZERO, sum } from '../money/decimal.ts';
import { roundAmount } from '../money/rounding.ts';
import { lineAmountsToInvoice } from './partial-invoicing.ts';

export const salesPrepaymentSalesTypes = ['customer', 'customerPriceGroup', 'allCustomers'] as const;
export type SalesPrepaymentSalesType = (typeof salesPrepaymentSalesTypes)[number];

/** A Sales Prepayment % row of the item (spec §26.1). */
export interface ItemPrepaymentPercent {
  salesType: SalesPrepaymentSalesType;
  salesCode: string;
  startingDate: IsoDate | null;
  endingDate: IsoDate | null;
  prepaymentPercent: Decimal;
}

/** Refuses a row that cannot apply (spec §26.1: key code and date window). */
export function checkItemPrepaymentPercent(row: ItemPrepaymentPercent): void {
  checkPrepaymentPercent(row.prepaymentPercent, 'prepaymentPercent');
  if ((row.salesType === 'allCustomers') !== (row.salesCode === '')) {
    throw new DomainError('PREPAYMENT_SETUP_INVALID', {
      detail: row.salesType === 'allCustomers' ? 'Sales Code must be blank for All Customers.' : 'Sales Code must be filled for a customer or customer price group.',
    }, 'salesCode');
  }
  if (row.startingDate && row.endingDate && compareDates(row.startingDate, row.endingDate) > 0) {
    throw new DomainError('PREPAYMENT_SETUP_INVALID', { detail: 'Starting Date must not be after Ending Date.' }, 'startingDate');
  }
}

export function checkPrepaymentPercent(percent: Decimal, field = 'prepaymentPercent'): void {
  if (percent.isNegative() || percent.gt(100)) throw new DomainError('PREPAYMENT_PCT_RANGE', { value: percent.toString() }, field);
}

/**
 * Spec §26.2 steps 1–3: the item's percentage for the order's bill-to customer, else its price
 * group, else all customers, among rows valid on the posting date (latest Starting Date wins);
 * null when no row applies and the header's percentage holds.
 */
export function itemPrepaymentPercent(
  rows: readonly ItemPrepaymentPercent[], order: { billToCustomerNo: string; customerPriceGroup: string | null; postingDate: IsoDate },
): Decimal | null {
  const valid = rows.filter((row) => (row.startingDate === null || compareDates(row.startingDate, order.postingDate) <= 0)
    && (row.endingDate === null || compareDates(row.endingDate, order.postingDate) >= 0));
  const steps: [SalesPrepaymentSalesType, string][] = [['customer', order.billToCustomerNo], ['customerPriceGroup', order.customerPriceGroup ?? ''], ['allCustomers', '']];
  for (const [salesType, salesCode] of steps) {
    if (salesType === 'customerPriceGroup' && !salesCode) continue;
    const matches = valid.filter((row) => row.salesType === salesType && row.salesCode === salesCode)
      .sort((a, b) => compareDates(b.startingDate ?? '0001-01-01', a.startingDate ?? '0001-01-01'));
    if (matches[0]) return matches[0].prepaymentPercent;
  }
  return null;
}

/** The prepayment state of one order line. */
export interface PrepaymentLine {
  lineNo: number;
  quantity: Decimal;
  quantityInvoiced: Decimal;
  quantityToInvoice: Decimal;
  unitPrice: Decimal;
  lineDiscountPercent: Decimal;
  lineDiscountAmount: Decimal;
  lineAmount: Decimal;
  invoiceDiscountAmount: Decimal;
  allowInvoiceDiscount: boolean;
  prepaymentPercent: Decimal;
  prepmtLineAmount: Decimal;
  prepmtAmtInv: Decimal;
  prepmtAmtDeducted: Decimal;
  prepmtVatAmountInv: Decimal;
  prepmtVatAmtDeducted: Decimal;
}

/**
 * Spec §26.3.1: the prepayment the line requires, on the net amount of what is not yet invoiced,
 * plus what was already deducted. null on a line already fully invoiced (it keeps its value).
 */
export function requiredPrepayment(line: PrepaymentLine, precision: Decimal | string): Decimal | null {
  if (!line.quantity.isZero() && line.quantity.eq(line.quantityInvoiced)) return null;
  const net = line.lineAmount.minus(line.invoiceDiscountAmount);
  const outstandingNet = line.quantity.isZero() ? net : roundAmount(net.times(line.quantity.minus(line.quantityInvoiced)).div(line.quantity), precision);
  return roundAmount(outstandingNet.times(line.prepaymentPercent).div(100), precision).plus(line.prepmtAmtDeducted);
}

/**
 * The line after a change of its amounts: the new Prepmt. Line Amount, refused when it would fall
 * below what was invoiced as prepayment by more than one rounding unit (§26.3.1).
 */
export function checkRequiredPrepayment(line: PrepaymentLine, required: Decimal, precision: Decimal | string): void {
  if (!line.prepaymentPercent.isZero() && (line.quantity.isNegative() || line.unitPrice.isNegative())) {
    throw new DomainError('PREPAYMENT_NEGATIVE_LINE', { lineNo: line.lineNo }, 'quantity');
  }
  if (line.prepmtAmtInv.minus(required).gt(precision)) {
    const code = line.invoiceDiscountAmount.isZero() ? 'PREPMT_BELOW_INVOICED' : 'PREPMT_INV_DISCOUNT_AFTER_PREPAYMENT';
    throw new DomainError(code, { lineNo: line.lineNo, required: required.toFixed(2), invoiced: line.prepmtAmtInv.toFixed(2) }, 'quantity');
  }
}

/**
 * Spec §26.3.4: what the next invoice of the line deducts — its share of the invoiced and not yet
 * deducted prepayment, exactly the rest on the invoice that completes the line. A 100 % line's
 * non-final invoice deducts what it invoices after invoice discount: the line's amount to invoice
 * (§4.5), or amountToInvoice where the posting prices the invoiced quantity on another line.
 */
export function prepaymentToDeduct(line: PrepaymentLine, precision: Decimal | string, amountToInvoice?: Decimal): Decimal {
  if (line.quantityToInvoice.isZero() || line.prepmtAmtInv.isZero()) return ZERO;
  const remainingQuantity = line.quantity.minus(line.quantityInvoiced);
  const remaining = line.prepmtAmtInv.minus(line.prepmtAmtDeducted);
  const final = line.quantityToInvoice.eq(remainingQuantity);
  if (line.prepaymentPercent.eq(100) && !final) return amountToInvoice ?? netAmountToInvoice(line, precision);
  if (final || remainingQuantity.isZero()) return remaining;
  return roundAmount(remaining.times(line.quantityToInvoice).div(remainingQuantity), precision);
}

/**
 * Spec §26.7.3: a 100 % line's final invoice deducts exactly the rest of its prepayment and bills
 * exactly that (after invoice discount), so that the invoice nets to zero for the line whatever
 * rounding its earlier invoices left; null for any other invoice.
 */
export function finalFullPrepaymentBilling(line: PrepaymentLine, quantityToInvoice: Decimal): Decimal | null {
  const final = !quantityToInvoice.isZero() && quantityToInvoice.eq(line.quantity.minus(line.quantityInvoiced));
  return final && line.prepaymentPercent.eq(100) && !line.prepmtAmtInv.isZero() ? line.prepmtAmtInv.minus(line.prepmtAmtDeducted) : null;
}

/** What an invoice of the line's Qty. to Invoice bills, after invoice discount (§4.5). */
export function netAmountToInvoice(line: PrepaymentLine, precision: Decimal | string): Decimal {
  const part = lineAmountsToInvoice(line, precision);
  return part.lineAmount.minus(part.invoiceDiscountAmount);
}

/**
 * Spec §26.7.5: a typed Prepmt Amt to Deduct must lie within what is left, fit into this invoice's
 * value and leave no more than the rest of the line can still take.
 */
export function checkPrepaymentToDeduct(line: PrepaymentLine, value: Decimal): void {
  const remaining = line.prepmtAmtInv.minus(line.prepmtAmtDeducted);
  const rest = line.quantity.minus(line.quantityToInvoice).minus(line.quantityInvoiced);
  const ok = !value.isNegative() && value.lte(remaining) && value.lte(line.quantityToInvoice.times(line.unitPrice))
    && remaining.minus(value).lte(rest.times(line.unitPrice));
  if (!ok) throw new DomainError('PREPMT_DEDUCT_INVALID', { lineNo: line.lineNo, value: value.toFixed(2), remaining: remaining.toFixed(2) }, 'prepmtAmtToDeduct');
}

/** A line's prepayment account and VAT (spec §26.1): the general posting setup's account and its VAT posting setup. */
export interface PrepaymentAccount {
  accountNo: string;
  genProdPostingGroup: string;
  vatProdPostingGroup: string;
  vatPercent: Decimal;
  vatIdentifier: string;
  vatCalculationType: 'normal' | 'reverseCharge' | 'fullVat';
}

/** One order line's part of a prepayment document: the amount excl. VAT, the VAT, and incl. VAT. */
export interface PrepaymentLineAmounts {
  lineNo: number;
  account: PrepaymentAccount;
  amount: Decimal;
  vatAmount: Decimal;
  amountIncludingVat: Decimal;
  /** The change in line basis (incl. VAT when prices include VAT) to prepmtAmtInv. */
  lineBasisAmount: Decimal;
}

/**
 * A prepayment invoice (spec §26.3.3, §26.4): per line Prepmt. Line Amount − Prepmt. Amt. Inv.; the
 * VAT per prepayment VAT identifier is the VAT of the cumulative invoiced-not-deducted prepayment
 * minus the VAT already invoiced on it, spread over the lines with a running remainder.
 */
export function prepaymentInvoiceAmounts(
  lines: readonly (PrepaymentLine & { account: PrepaymentAccount })[], options: { pricesIncludingVat: boolean; precision: Decimal | string },
): PrepaymentLineAmounts[] {
  const toInvoice = lines.filter((line) => !line.prepmtLineAmount.minus(line.prepmtAmtInv).isZero());
  const groups = new Map<string, typeof toInvoice>();
  for (const line of toInvoice) {
    const key = `${line.account.vatIdentifier}|${line.account.vatCalculationType}|${line.account.vatPercent.toString()}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  const result = new Map<number, PrepaymentLineAmounts>();
  for (const group of groups.values()) {
    const { vatPercent, vatCalculationType } = group[0]!.account;
    const after = sum(group.map((line) => line.prepmtLineAmount.minus(line.prepmtAmtDeducted)));
    const vatBefore = sum(group.map((line) => line.prepmtVatAmountInv.minus(line.prepmtVatAmtDeducted)));
    const groupVat = vatOf(after, vatPercent, vatCalculationType, options).minus(vatBefore);
    const shares = allocateProportionally(groupVat, group.map((line) => line.prepmtLineAmount.minus(line.prepmtAmtInv)), options.precision);
    group.forEach((line, index) => {
      const lineBasisAmount = line.prepmtLineAmount.minus(line.prepmtAmtInv);
      const vatAmount = shares[index]!;
      const amount = options.pricesIncludingVat ? lineBasisAmount.minus(vatAmount) : lineBasisAmount;
      result.set(line.lineNo, { lineNo: line.lineNo, account: line.account, amount, vatAmount, amountIncludingVat: amount.plus(vatAmount), lineBasisAmount });
    });
  }
  return toInvoice.map((line) => result.get(line.lineNo)!);
}

/** VAT of an amount in line basis: on the amount excl. VAT, or the part of an amount incl. VAT. */
function vatOf(amount: Decimal, vatPercent: Decimal, type: PrepaymentAccount['vatCalculationType'], options: { pricesIncludingVat: boolean; precision: Decimal | string }): Decimal {
  if (type === 'reverseCharge') return ZERO;
  if (type === 'fullVat') return amount;
  if (options.pricesIncludingVat) return amount.minus(roundAmount(amount.div(vatPercent.div(100).plus(1)), options.precision));
  return roundAmount(amount.times(vatPercent).div(100), options.precision);
}

/**
 * A prepayment credit memo (spec §26.5): per line exactly the invoiced and not yet deducted
 * prepayment and its VAT, so that the prepayment and its VAT net to zero.
 */
export function prepaymentCreditMemoAmounts(
  lines: readonly (PrepaymentLine & { account: PrepaymentAccount })[], options: { pricesIncludingVat: boolean },
): PrepaymentLineAmounts[] {
  return lines.filter((line) => !line.prepmtAmtInv.minus(line.prepmtAmtDeducted).isZero()).map((line) => {
    const lineBasisAmount = line.prepmtAmtInv.minus(line.prepmtAmtDeducted);
    const vatAmount = line.prepmtVatAmountInv.minus(line.prepmtVatAmtDeducted);
    const amount = options.pricesIncludingVat ? lineBasisAmount.minus(vatAmount) : lineBasisAmount;
    return { lineNo: line.lineNo, account: line.account, amount, vatAmount, amountIncludingVat: amount.plus(vatAmount), lineBasisAmount };
  });
}

/**
 * What an invoice deducts for one order line (spec §26.7.2): `deduct` in line basis and the VAT of
 * it — the invoiced prepayment VAT in proportion, all that is left when the deduction takes the rest.
 */
export function deductionAmounts(
  line: PrepaymentLine & { account: PrepaymentAccount }, deduct: Decimal, options: { pricesIncludingVat: boolean; precision: Decimal | string },
): PrepaymentLineAmounts {
  const remaining = line.prepmtAmtInv.minus(line.prepmtAmtDeducted);
  const remainingVat = line.prepmtVatAmountInv.minus(line.prepmtVatAmtDeducted);
  const vatAmount = deduct.eq(remaining) || remaining.isZero() ? remainingVat : roundAmount(remainingVat.times(deduct).div(remaining), options.precision);
  const amount = options.pricesIncludingVat ? deduct.minus(vatAmount) : deduct;
  return { lineNo: line.lineNo, account: line.account, amount, vatAmount, amountIncludingVat: amount.plus(vatAmount), lineBasisAmount: deduct };
}

/** The document lines of a prepayment posting: one per account (Compress Prepayment) or one per order line. */
export function compressPrepaymentLines<T extends PrepaymentLineAmounts>(amounts: readonly T[], compress: boolean): { account: PrepaymentAccount; lineNos: number[]; amount: Decimal; vatAmount: Decimal; amountIncludingVat: Decimal }[] {
  if (!compress) return amounts.map((entry) => ({ account: entry.account, lineNos: [entry.lineNo], amount: entry.amount, vatAmount: entry.vatAmount, amountIncludingVat: entry.amountIncludingVat }));
  const byAccount = new Map<string, { account: PrepaymentAccount; lineNos: number[]; amount: Decimal; vatAmount: Decimal; amountIncludingVat: Decimal }>();
  for (const entry of amounts) {
    const key = `${entry.account.accountNo}|${entry.account.genProdPostingGroup}|${entry.account.vatProdPostingGroup}`;
    const existing = byAccount.get(key);
    if (existing) {
      existing.lineNos.push(entry.lineNo);
      existing.amount = existing.amount.plus(entry.amount);
      existing.vatAmount = existing.vatAmount.plus(entry.vatAmount);
      existing.amountIncludingVat = existing.amountIncludingVat.plus(entry.amountIncludingVat);
    } else {
      byAccount.set(key, { account: entry.account, lineNos: [entry.lineNo], amount: entry.amount, vatAmount: entry.vatAmount, amountIncludingVat: entry.amountIncludingVat });
    }
  }
  return [...byAccount.values()];
}

/** Spec §26.6: some line requires more prepayment than has been invoiced. */
export function hasUninvoicedPrepayment(lines: readonly Pick<PrepaymentLine, 'prepmtLineAmount' | 'prepmtAmtInv'>[]): boolean {
  return lines.some((line) => !line.prepmtLineAmount.eq(line.prepmtAmtInv));
}

/**
 * Spec §26.3.2: a total Prepayment Amount typed on the statistics, spread over the lines with a
 * Prepayment % and a Line Amount in proportion to Line Amount (the last line takes the rest); it
 * must lie between what is invoiced and the lines' total.
 */
export function spreadPrepaymentTotal(
  lines: readonly Pick<PrepaymentLine, 'lineNo' | 'lineAmount' | 'prepaymentPercent' | 'prepmtAmtInv'>[], total: Decimal, precision: Decimal | string,
): Map<number, Decimal> {
  const targets = lines.filter((line) => !line.prepaymentPercent.isZero() && !line.lineAmount.isZero());
  const invoiced = sum(targets.map((line) => line.prepmtAmtInv));
  const maximum = sum(targets.map((line) => line.lineAmount));
  if (targets.length === 0 || total.lt(invoiced) || total.gt(maximum)) {
    throw new DomainError('PREPMT_TOTAL_OUT_OF_RANGE', { value: total.toFixed(2), minimum: invoiced.toFixed(2), maximum: maximum.toFixed(2), lines: targets.length }, 'amount');
  }
  const parts: Decimal[] = [];
  let allocated = ZERO;
  targets.forEach((line, index) => {
    const part = index === targets.length - 1 ? total.minus(allocated) : roundAmount(total.times(line.lineAmount).div(maximum), precision);
    parts.push(part);
    allocated = allocated.plus(part);
  });
  return new Map(targets.map((line, index) => [line.lineNo, parts[index]!]));
}
