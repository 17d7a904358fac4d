/**
 * Prepayments in the seeded model-based posting test (spec §26), written from the spec: what an order
 * line requires as prepayment (§26.3.1) and when a change of its amounts is refused, what a prepayment
 * invoice (§26.3.3, §26.4) and credit memo (§26.5) post per line, what each invoice of the order deducts
 * and with which VAT (§26.3.4, §26.7), the posting gate (§26.6) — and the checks of the books against
 * it after every step. The steps are in posting-model-prepayment-steps.ts.
 *
 * Only orders of the LCY customers carry a prepayment, prices excl. VAT: so every amount here is LCY
 * and excl. VAT, and the Sales Prepayments Account must hold exactly Σ over the open order lines of
 * Prepmt. Amt. Inv. − Prepmt Amt Deducted (plus what cancelling an invoice of an order since deleted
 * put back). Every line's prepayment goes to one account with 21 % VAT (given-model-company.ts), so a
 * prepayment document has one VAT group and, compressed, one line.
 */
import { expect } from 'vitest';
import { type Decimal, dec, sum, ZERO } from '../../src/core/money/decimal.ts';
import { roundAmount } from '../../src/core/money/rounding.ts';
import type { customerLedgerEntry, glEntry, postedSalesLine, salesHeader, salesLine } from '../../src/server/db/schema/index.ts';
import { prepaymentAccount } from './given-model-company.ts';
import { netAmount, type PriceFacts, type Quantity, shareOut } from './posting-model-amounts.ts';
import { invoiceDiscountOf, type Order, type OrderLine, type PostedInvoice, type PostingModel, postingOf } from './posting-model.ts';
import { balanceOf } from './posting-model-receivables.ts';

const CENT = dec('0.01');
const cents = (value: Decimal) => value.toFixed(2);
const d = (value: string | null | undefined) => dec(value ?? '0');

/** The prepayment account as the line a prepayment document or deduction posts. */
export const prepaymentLine: PriceFacts = { type: 'glAccount', no: prepaymentAccount.no, unitPrice: '0', lineDiscountPercent: '0' };

/** Prepmt. Amt. Inv. − Prepmt Amt Deducted: invoiced as prepayment and not yet deducted. */
export const undeducted = (line: OrderLine) => line.prepayment.invoiced.minus(line.prepayment.deducted);
/** Spec §26.6 "un-invoiced prepayment": the line requires another amount than is invoiced. */
export const uninvoiced = (line: OrderLine) => !line.prepayment.required.equals(line.prepayment.invoiced);

/**
 * §26.3.1: Prepmt. Line Amount of the line as it is now — the prepayment % of the net amount not yet
 * invoiced (after invoice discount, at the current price), plus what is already deducted. null on a
 * line fully invoiced: it keeps its value.
 */
export function requiredPrepayment(line: OrderLine): Decimal | null {
  if (line.quantity !== 0 && line.quantity === line.invoiced) return null;
  const net = netAmount(line, line.quantity).minus(line.invoiceDiscount);
  const outstanding = line.invoiced === 0 ? net : roundAmount(net.times(line.quantity - line.invoiced).div(line.quantity));
  return roundAmount(outstanding.times(line.prepayment.percent).div(100)).plus(line.prepayment.deducted);
}

/**
 * §26.3.1, §26.8: recalculating the line's Prepmt. Line Amount is refused when it would fall more than
 * one rounding unit below what is invoiced — PREPMT_INV_DISCOUNT_AFTER_PREPAYMENT when the line has an
 * invoice discount, else PREPMT_BELOW_INVOICED.
 */
export function prepaymentRefusal(line: OrderLine): string | null {
  const required = requiredPrepayment(line);
  if (required === null || !line.prepayment.invoiced.minus(required).gt(CENT)) return null;
  return line.invoiceDiscount.isZero() ? 'PREPMT_BELOW_INVOICED' : 'PREPMT_INV_DISCOUNT_AFTER_PREPAYMENT';
}

/** The line's Prepmt. Line Amount recalculated after a change of its amounts (not refused: see prepaymentRefusal). */
export function recalculatePrepayment(line: OrderLine): void {
  const required = requiredPrepayment(line);
  if (required !== null) line.prepayment.required = required;
}

/** The first refusal, in line order, of recalculating the lines whose invoice discount becomes `shares` (§26.9.4). */
export function refusalOfDiscounts(order: Order, shares: ReadonlyMap<number, Decimal>, changed: (line: OrderLine) => OrderLine = (line) => line): string | null {
  for (const line of order.lines) {
    const share = shares.get(line.lineNo) ?? ZERO;
    if (share.equals(line.invoiceDiscount)) continue;
    const refusal = prepaymentRefusal({ ...changed(line), invoiceDiscount: share });
    if (refusal) return refusal;
  }
  return null;
}

/** The lines take their new invoice discount shares; those whose share moved recalculate their prepayment (§26.3.1). */
export function takeDiscounts(order: { lines: OrderLine[] }, shares: ReadonlyMap<number, Decimal>): void {
  for (const line of order.lines) {
    const share = shares.get(line.lineNo) ?? ZERO;
    if (share.equals(line.invoiceDiscount)) continue;
    line.invoiceDiscount = share;
    recalculatePrepayment(line);
  }
}

/**
 * §26.3.4: what an invoice of `quantity` of the line deducts — its share of the invoiced and not yet
 * deducted prepayment, exactly the rest on the invoice that completes the line; a 100 % line's
 * non-final invoice deducts what it invoices (§4.5, after its invoice discount).
 */
export function prepaymentToDeduct(line: OrderLine, quantity: Quantity): Decimal {
  if (quantity === 0 || line.prepayment.invoiced.isZero()) return ZERO;
  const remainingQuantity = line.quantity - line.invoiced;
  const final = quantity === remainingQuantity;
  if (line.prepayment.percent.equals(100) && !final) return netAmount(line, quantity, line.quantity).minus(invoiceDiscountOf(line, quantity));
  if (final) return undeducted(line);
  return roundAmount(undeducted(line).times(quantity).div(remainingQuantity));
}

/** §26.7.2: the VAT of a deduction — the invoiced prepayment VAT in proportion, all that is left when it takes the rest. */
export function deductionVat(line: OrderLine, deduct: Decimal): Decimal {
  const remaining = undeducted(line);
  const remainingVat = line.prepayment.vatInvoiced.minus(line.prepayment.vatDeducted);
  return deduct.equals(remaining) || remaining.isZero() ? remainingVat : roundAmount(remainingVat.times(deduct).div(remaining));
}

/** One order line's part of a prepayment document. */
export interface PrepaymentPart { line: OrderLine; amount: Decimal; vat: Decimal }

/**
 * §26.3.3, §26.4: a prepayment invoice invoices each line's Prepmt. Line Amount − Prepmt. Amt. Inv.; its
 * VAT (one group: one account) is the VAT of the invoiced-not-deducted prepayment after it less the
 * VAT invoiced before (of the lines it invoices), spread over the lines with a running remainder.
 */
export function prepaymentInvoiceParts(order: Order): PrepaymentPart[] {
  const lines = order.lines.filter(uninvoiced);
  if (lines.length === 0) return [];
  const after = sum(lines.map((line) => line.prepayment.required.minus(line.prepayment.deducted)));
  const before = sum(lines.map((line) => line.prepayment.vatInvoiced.minus(line.prepayment.vatDeducted)));
  const vat = roundAmount(after.times(prepaymentAccount.vat.percent).div(100)).minus(before);
  const shares = shareOut(vat, lines.map((line) => line.prepayment.required.minus(line.prepayment.invoiced)));
  return lines.map((line, index) => ({ line, amount: line.prepayment.required.minus(line.prepayment.invoiced), vat: shares[index]! }));
}

/** §26.5: a prepayment credit memo credits each line exactly its invoiced and not yet deducted prepayment and VAT. */
export function prepaymentCreditMemoParts(order: Order): PrepaymentPart[] {
  return order.lines.filter((line) => !undeducted(line).isZero())
    .map((line) => ({ line, amount: undeducted(line), vat: line.prepayment.vatInvoiced.minus(line.prepayment.vatDeducted) }));
}

/** §26.4 check 8: the prepayment invoiced incl. VAT, with this invoice, must not exceed the order's total incl. VAT. */
export function prepaymentExceedsOrder(order: Order, parts: readonly PrepaymentPart[]): boolean {
  const invoiced = sum(order.lines.map((line) => line.prepayment.invoicedIncludingVat)).plus(sum(parts.map((part) => part.amount.plus(part.vat))));
  const total = postingOf(order.customerNo, order.lines.map((line) => ({ line, lineNo: line.lineNo, quantity: line.quantity, invoiceDiscount: line.invoiceDiscount }))).total;
  return invoiced.gt(total);
}

/** The posted prepayment invoices of an order (spec §26.6 "unpaid prepayment" looks at their remaining amounts). */
export const prepaymentInvoicesOf = (model: PostingModel, orderNo: string): PostedInvoice[] =>
  model.postedInvoices().filter((invoice) => invoice.prepaymentOrderNo === orderNo);

/**
 * §26.6: posting the order (any option) is refused while a line's prepayment is not invoiced, and with
 * Check Prepmt. when Posting while a prepayment invoice of it is open (a partial payment still counts).
 */
export function prepaymentGate(model: PostingModel, order: Order): string | null {
  if (order.lines.some(uninvoiced)) return 'PREPAYMENT_NOT_INVOICED';
  if (model.checkPrepaymentWhenPosting && prepaymentInvoicesOf(model, order.no).some((invoice) => !invoice.remaining.isZero())) return 'PREPAYMENT_UNPAID';
  return null;
}

/** §26.6: Update Pending Prepayment Orders releases an order Pending Prepayment once the gate lets it through. */
export const releasable = (model: PostingModel, order: Order) => order.status === 'pendingPrepayment' && prepaymentGate(model, order) === null;

// ----------------------------------------------------------------------------------------- checks

export interface PrepaymentBooks {
  glEntries: Array<typeof glEntry.$inferSelect>;
  customerEntries: Array<typeof customerLedgerEntry.$inferSelect>;
  headers: Array<typeof salesHeader.$inferSelect>;
  lines: Array<typeof salesLine.$inferSelect>;
  postedLines: Array<typeof postedSalesLine.$inferSelect>;
}
type Deviate = (kind: string, detail: string) => void;

/**
 * The orders' prepayment against the model — status, and per line every prepayment field — and the
 * Sales Prepayments Account against the lines: it holds what they have invoiced and not deducted
 * (the LCY fields say the same), so it is 0.00 for an order once it is fully invoiced and deleted.
 */
export function checkPrepaymentBooks(books: PrepaymentBooks, model: PostingModel, deviate: Deviate): void {
  for (const order of model.orders.values()) {
    const header = books.headers.find((row) => row.documentType === 'order' && row.no === order.no)!;
    expect(header.status, `order ${order.no}: status`).toBe(order.status);
    for (const line of order.lines) checkLine(books, order, line, deviate);
  }
  const orderLines = books.lines.filter((row) => row.documentType === 'order');
  const undeductedOfLines = sum(orderLines.map((row) => d(row.prepmtAmtInv).minus(d(row.prepmtAmtDeducted))));
  const account = cents(balanceOf(books.glEntries, prepaymentAccount.no));
  expect(account, `G/L Sales Prepayments (${prepaymentAccount.no}) = prepayment invoices − credit memos − deductions + what corrective credit memos put back (model)`)
    .toBe(cents(model.prepaymentHeld.negated()));
  expect(account, `G/L Sales Prepayments (${prepaymentAccount.no}) = −Σ open order lines (Prepmt. Amt. Inv. − Prepmt Amt Deducted) − what no open order accounts for (${cents(model.prepaymentUnattributed)})`)
    .toBe(cents(undeductedOfLines.plus(model.prepaymentUnattributed).negated()));
  expect(cents(sum(orderLines.map((row) => d(row.prepmtAmountInvLcy)))), 'Σ Prepmt. Amount Inv. (LCY) of the order lines = Σ (Prepmt. Amt. Inv. − Prepmt Amt Deducted): LCY orders')
    .toBe(cents(undeductedOfLines));
  checkDeductionLines(books, model);
  const prepaymentEntries = books.customerEntries.filter((entry) => entry.prepayment).map((entry) => `${entry.documentType} ${entry.documentNo}`).sort();
  expect(prepaymentEntries, 'customer ledger entries flagged Prepayment: the prepayment invoices and credit memos (model)')
    .toEqual([...model.posted.values()].filter((document) => document.prepaymentOrderNo).map((document) => `${document.kind} ${document.no}`).sort());
}

/**
 * §26.7.2, §26.9.2: an order's posted invoice flags its deduction line (and no other) as Prepayment Line,
 * and each invoiced line records what it deducted and the VAT of that — what cancelling it puts back.
 */
function checkDeductionLines({ postedLines }: PrepaymentBooks, model: PostingModel) {
  for (const invoice of model.postedInvoices().filter((candidate) => candidate.fromOrder)) {
    const rows = postedLines.filter((row) => row.documentType === 'invoice' && row.documentNo === invoice.no && row.type !== 'comment');
    const deducted = (lineNo: number) => invoice.deduction?.of.find((entry) => entry.lineNo === lineNo);
    expect(rows.map((row) => `${row.lineNo}${row.prepaymentLine ? ' prepayment line' : ''}: ${cents(d(row.prepmtAmtDeducted))}/${cents(d(row.prepmtVatAmtDeducted))}`),
      `posted invoice ${invoice.no}: the deduction line, and the prepayment each line deducted with its VAT (model)`)
      .toEqual(rows.map((row) => (row.lineNo === invoice.deduction?.lineNo ? `${row.lineNo} prepayment line: 0.00/0.00`
        : `${row.lineNo}: ${cents(deducted(row.lineNo)?.amount ?? ZERO)}/${cents(deducted(row.lineNo)?.vat ?? ZERO)}`)));
  }
}

function checkLine(books: PrepaymentBooks, order: Order, line: OrderLine, deviate: Deviate) {
  const row = books.lines.find((candidate) => candidate.documentType === 'order' && candidate.documentNo === order.no && candidate.lineNo === line.lineNo)!;
  const label = `order ${order.no} line ${line.lineNo}`;
  const { prepayment } = line;
  expect({
    percent: d(row.prepaymentPercent).toString(), required: cents(d(row.prepmtLineAmount)), invoiced: cents(d(row.prepmtAmtInv)), vatInvoiced: cents(d(row.prepmtVatAmountInv)),
    invoicedIncludingVat: cents(d(row.prepmtAmountInvInclVat)), deducted: cents(d(row.prepmtAmtDeducted)), vatDeducted: cents(d(row.prepmtVatAmtDeducted)),
    invoicedLcy: cents(d(row.prepmtAmountInvLcy)),
  }, `${label}: Prepayment %, Prepmt. Line Amount, Prepmt. Amt. Inv. and its VAT, incl. VAT, Prepmt Amt Deducted and its VAT, Prepmt. Amount Inv. (LCY) (model)`).toEqual({
    percent: prepayment.percent.toString(), required: cents(prepayment.required), invoiced: cents(prepayment.invoiced), vatInvoiced: cents(prepayment.vatInvoiced),
    invoicedIncludingVat: cents(prepayment.invoicedIncludingVat), deducted: cents(prepayment.deducted), vatDeducted: cents(prepayment.vatDeducted),
    invoicedLcy: cents(undeducted(line)),
  });
  // §26.7.2: deductions reduce Prepmt. VAT Amount Inv. (LCY) by the VAT they deduct (LCY orders: the VAT not yet deducted).
  const vatLeft = prepayment.vatInvoiced.minus(prepayment.vatDeducted);
  if (!d(row.prepmtVatAmountInvLcy).equals(vatLeft)) {
    deviate('prepmt-vat-amount-inv-lcy', `${label}: Prepmt. VAT Amount Inv. (LCY) ${cents(d(row.prepmtVatAmountInvLcy))} after deducting ${cents(prepayment.vatDeducted)} of `
      + `${cents(prepayment.vatInvoiced)} VAT invoiced (${cents(prepayment.deducted)} of ${cents(prepayment.invoiced)}); spec ${cents(vatLeft)}`);
  }
  // §26.3.4: Prepmt Amt to Deduct is recalculated whenever Qty. to Invoice changes, also by a posting. (Compared where the order
  // could be invoiced: with prepayment not yet invoiced, a 100 % line's amount to invoice can exceed what there is to deduct.)
  const toDeduct = prepaymentToDeduct(line, line.toInvoice);
  if (!order.lines.some(uninvoiced) && !d(row.prepmtAmtToDeduct).equals(toDeduct)) {
    deviate('prepmt-amt-to-deduct', `${label} (${line.prepayment.percent.toString()} %, Qty. to Invoice ${row.quantityToInvoice} of ${row.quantity}, ${row.quantityInvoiced} invoiced, `
      + `${cents(undeducted(line))} not deducted): Prepmt Amt to Deduct ${cents(d(row.prepmtAmtToDeduct))}, spec ${cents(toDeduct)}`);
  }
}
