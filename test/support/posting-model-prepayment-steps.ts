/**
 * The prepayment steps of the seeded model-based test (spec §26): Post Prepayment Invoice and Post
 * Prepayment Credit Memo from an order, paying a prepayment invoice, Update Pending Prepayment Orders,
 * and what an order's invoice deducts. The model (posting-model-prepayments.ts) predicts every amount
 * and refusal; the order's own steps (create, set quantities, post, change price, cancel) are in the
 * test and call in here.
 */
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { type Decimal, dec, sum } from '../../src/core/money/decimal.ts';
import { salesLine } from '../../src/server/db/schema/index.ts';
import { type Quantity, quantityText } from './posting-model-amounts.ts';
import { customerFacts, type Deduction, documentKey, type Order, type OrderLine, type PostedInvoice, type PostedMoneyDocument, postingOf } from './posting-model.ts';
import { payInvoice } from './posting-model-payments.ts';
import {
  deductionVat, prepaymentCreditMemoParts, prepaymentExceedsOrder, prepaymentInvoiceParts, prepaymentLine, type PrepaymentPart, prepaymentToDeduct, releasable, undeducted,
  uninvoiced,
} from './posting-model-prepayments.ts';
import type { ModelRun } from './posting-model-run.ts';

const cents = (value: Decimal) => value.toFixed(2);
const describePrepayment = (order: Order) => order.lines.map((line) => `${line.lineNo}: ${line.prepayment.percent.toString()} % `
  + `req ${cents(line.prepayment.required)} inv ${cents(line.prepayment.invoiced)} ded ${cents(line.prepayment.deducted)}`).join('; ');

/** The orders of LCY customers: the only ones the model gives a prepayment. */
export const lcyOrders = (run: ModelRun) => [...run.model.orders.values()].filter((order) => customerFacts(order.customerNo).factor === null);

/** A prepayment document as the model posts it: one compressed line on the Sales Prepayments Account (§26.4). */
function prepaymentDocument(kind: 'invoice' | 'creditMemo', no: string, order: Order, parts: readonly PrepaymentPart[]) {
  const amounts = postingOf(order.customerNo, [{
    line: prepaymentLine, lineNo: 10000, quantity: 1, net: sum(parts.map((part) => part.amount)), fixedVat: sum(parts.map((part) => part.vat)),
  }]);
  const remaining = kind === 'invoice' ? amounts.total : amounts.total.negated();
  return { kind, no, customerNo: order.customerNo, amounts, linesKnown: true, remaining, prepaymentOrderNo: order.no };
}

/**
 * §26.4: Post Prepayment Invoice of an order with prepayment not yet invoiced (now and then of one with
 * none: NOTHING_TO_POST); refused when the prepayment would exceed the order's total. The lines' invoiced
 * prepayment takes it, the order becomes Pending Prepayment.
 */
export async function postPrepaymentInvoice(run: ModelRun): Promise<boolean> {
  const orders = lcyOrders(run);
  const due = orders.filter((order) => order.lines.some(uninvoiced));
  if (orders.length === 0 || (due.length === 0 && !run.rng.chance(0.1))) return false;
  // Mostly one that can be invoiced; an order whose prepayment would exceed it now and then.
  const fitting = due.filter((order) => !prepaymentExceedsOrder(order, prepaymentInvoiceParts(order)));
  await postPrepaymentInvoiceOf(run, fitting.length > 0 && run.rng.chance(0.9) ? run.rng.pick(fitting) : due.length > 0 && run.rng.chance(0.9) ? run.rng.pick(due) : run.rng.pick(orders));
  return true;
}

/** Post Prepayment Invoice of this order; the posted invoice, or null when refused. */
export async function postPrepaymentInvoiceOf(run: ModelRun, order: Order): Promise<PostedInvoice | null> {
  const parts = prepaymentInvoiceParts(order);
  const expected = parts.length === 0 ? ['NOTHING_TO_POST'] : prepaymentExceedsOrder(order, parts) ? ['PREPAYMENT_EXCEEDS_ORDER'] : 'ok' as const;
  const response = await run.act(`post prepayment invoice of ${order.no} [${describePrepayment(order)}]`, 'POST', `/api/v1/salesOrders/${order.no}/postPrepaymentInvoice`, undefined, expected);
  if (response.statusCode >= 300) return null;
  const result = response.json();
  const document = prepaymentDocument('invoice', result.postedNo, order, parts);
  expect({ amount: result.amount, amountIncludingVat: result.amountIncludingVat }, `prepayment invoice ${result.postedNo} of ${order.no}: Σ (Prepmt. Line Amount − Prepmt. Amt. Inv.) and its VAT`)
    .toEqual({ amount: cents(document.amounts.net), amountIncludingVat: cents(document.amounts.total) });
  for (const { line, amount, vat } of parts) {
    line.prepayment.invoiced = line.prepayment.invoiced.plus(amount);
    line.prepayment.vatInvoiced = line.prepayment.vatInvoiced.plus(vat);
    line.prepayment.invoicedIncludingVat = line.prepayment.invoicedIncludingVat.plus(amount).plus(vat);
  }
  const invoice: PostedInvoice = { ...document, kind: 'invoice', lines: [], fromOrder: null, cancelled: false };
  run.model.posted.set(documentKey('invoice', document.no), invoice);
  run.model.prepaymentHeld = run.model.prepaymentHeld.plus(document.amounts.net);
  order.status = 'pendingPrepayment';
  run.log(`  ${document.no}: ${cents(document.amounts.net)} + VAT ${cents(document.amounts.vat)} (${parts.map((part) => `${part.line.lineNo} ${cents(part.amount)}/${cents(part.vat)}`).join(', ')})`);
  return invoice;
}

/**
 * §26.5: Post Prepayment Credit Memo of an order with prepayment invoiced and not yet deducted (now
 * and then of one with none: NOTHING_TO_POST): each line's exactly, with its VAT; not applied; the
 * order becomes Pending Prepayment and its prepayment is not invoiced again until a new prepayment
 * invoice, or a lower Prepayment % (the caller's next move).
 */
export async function postPrepaymentCreditMemo(run: ModelRun): Promise<Order | null> {
  const orders = lcyOrders(run);
  const credited = orders.filter((order) => order.lines.some((line) => !undeducted(line).isZero()));
  if (orders.length === 0 || (credited.length === 0 && !run.rng.chance(0.1))) return null;
  const order = credited.length > 0 && run.rng.chance(0.95) ? run.rng.pick(credited) : run.rng.pick(orders);
  const parts = prepaymentCreditMemoParts(order);
  const response = await run.act(`post prepayment credit memo of ${order.no} [${describePrepayment(order)}]`, 'POST', `/api/v1/salesOrders/${order.no}/postPrepaymentCreditMemo`,
    undefined, parts.length === 0 ? ['NOTHING_TO_POST'] : 'ok');
  if (response.statusCode >= 300) return order;
  const result = response.json();
  const document = prepaymentDocument('creditMemo', result.postedNo, order, parts);
  expect({ amount: result.amount, amountIncludingVat: result.amountIncludingVat }, `prepayment credit memo ${result.postedNo} of ${order.no}: Σ (Prepmt. Amt. Inv. − Prepmt Amt Deducted) and its VAT`)
    .toEqual({ amount: cents(document.amounts.net), amountIncludingVat: cents(document.amounts.total) });
  for (const { line, amount, vat } of parts) {
    line.prepayment.invoiced = line.prepayment.invoiced.minus(amount);
    line.prepayment.vatInvoiced = line.prepayment.vatInvoiced.minus(vat);
    line.prepayment.invoicedIncludingVat = line.prepayment.invoicedIncludingVat.minus(amount).minus(vat);
  }
  run.model.posted.set(documentKey('creditMemo', document.no), document satisfies PostedMoneyDocument);
  run.model.prepaymentHeld = run.model.prepaymentHeld.minus(document.amounts.net);
  order.status = 'pendingPrepayment';
  return order;
}

/** §26.9.1: a prepayment invoice is paid like any invoice (in full, in part or over; spec §20). */
export const payPrepaymentInvoice = (run: ModelRun) => payInvoice(run, (invoice) => invoice.prepaymentOrderNo !== undefined);

/** §26.6: Update Pending Prepayment Orders releases the orders Pending Prepayment whose prepayment is invoiced and (with the check) paid. */
export async function updatePendingPrepayment(run: ModelRun): Promise<boolean> {
  const pending = [...run.model.orders.values()].filter((order) => order.status === 'pendingPrepayment');
  if (pending.length === 0) return false;
  const response = await run.act('update pending prepayment orders', 'POST', '/api/v1/salesOrders/updatePendingPrepayment', undefined, 'ok');
  const released = pending.filter((order) => releasable(run.model, order));
  expect(response.json().released, `released: the orders Pending Prepayment (${pending.map((order) => order.no).join(', ')}) with their prepayment invoiced${run.model.checkPrepaymentWhenPosting ? ' and paid' : ''}`)
    .toEqual(released.map((order) => order.no).sort());
  for (const order of released) order.status = 'released';
  return true;
}

// --------------------------------------------------------------------------------- deductions

/** An order line invoiced by a posting, and how much of it. */
export interface InvoicedOrderLine { line: OrderLine; quantity: Quantity }

/**
 * §26.7: what an order's invoice deducts for each line it invoices. A line's Prepmt Amt to Deduct is
 * what the code deducts (stored on the line; a 100 % line's worked out anew); where it is not what
 * §26.3.4 says for the quantity invoiced now, that is a deviation, and the model follows the code.
 * Read before the posting.
 */
export async function plannedDeductions(run: ModelRun, order: Order, invoiced: readonly InvoicedOrderLine[]): Promise<Deduction[]> {
  const rows = await run.api.db.select({ lineNo: salesLine.lineNo, toDeduct: salesLine.prepmtAmtToDeduct }).from(salesLine)
    .where(and(eq(salesLine.documentType, 'order'), eq(salesLine.documentNo, order.no)));
  return invoiced.flatMap(({ line, quantity }): Deduction[] => {
    if (quantity <= 0 || line.prepayment.invoiced.isZero()) return [];
    const spec = prepaymentToDeduct(line, quantity);
    const stored = dec(rows.find((row) => row.lineNo === line.lineNo)!.toDeduct);
    const deducted = line.prepayment.percent.equals(100) ? spec : stored;
    if (!deducted.equals(spec)) {
      run.deviate('prepayment-deduction', `order ${order.no} line ${line.lineNo} (${line.prepayment.percent.toString()} %, invoicing ${quantityText(quantity)} of ${quantityText(line.quantity - line.invoiced)} left, `
        + `${cents(undeducted(line))} not deducted): the invoice deducts the stored Prepmt Amt to Deduct ${cents(deducted)}, §26.3.4 ${cents(spec)}`);
    }
    return deducted.isZero() ? [] : [{ orderNo: order.no, lineNo: line.lineNo, amount: deducted, vat: deductionVat(line, deducted) }];
  });
}

/**
 * §26.7.3: a 100 % line's final invoice deducts the exact rest of its prepayment and bills exactly
 * that: the difference to the line priced as part of it (§4.5) goes into its line discount, so the
 * invoice nets to zero for the line. The amount it bills, where that holds; read before the posting.
 */
export function absorbedBilling(line: OrderLine, quantity: Quantity, deductions: readonly Deduction[]): Decimal | undefined {
  if (!line.prepayment.percent.equals(100) || quantity !== line.quantity - line.invoiced) return undefined;
  return deductions.find((entry) => entry.lineNo === line.lineNo)?.amount;
}

/** The invoice's deduction line (§26.7.2): one, compressed, after all of the order's lines, negative, its VAT the deductions'. */
export function deductionPart(order: Order, deductions: readonly Deduction[]) {
  if (deductions.length === 0) return null;
  const lineNo = Math.max(...order.lines.map((line) => line.lineNo)) + 10000;
  return {
    line: prepaymentLine, lineNo, quantity: -1, net: sum(deductions.map((entry) => entry.amount)).negated(), fixedVat: sum(deductions.map((entry) => entry.vat)).negated(),
  };
}

/** The order lines after the invoice: Prepmt Amt Deducted and its VAT up; the prepayment account down. */
export function takeDeductions(run: ModelRun, order: Order, deductions: readonly Deduction[]) {
  for (const entry of deductions) {
    const line = order.lines.find((candidate) => candidate.lineNo === entry.lineNo)!;
    line.prepayment.deducted = line.prepayment.deducted.plus(entry.amount);
    line.prepayment.vatDeducted = line.prepayment.vatDeducted.plus(entry.vat);
    run.model.prepaymentHeld = run.model.prepaymentHeld.minus(entry.amount);
  }
  if (deductions.length > 0) run.log(`  deducted ${deductions.map((entry) => `${entry.lineNo} ${cents(entry.amount)}/${cents(entry.vat)}`).join(', ')}`);
}

/**
 * §26.7.3: a fully invoiced order is deleted with nothing left on the prepayment account. What the
 * code leaves there (after a deviating deduction) no open order accounts for any more.
 */
export function deleteOrder(run: ModelRun, order: Order) {
  const left = sum(order.lines.map(undeducted));
  if (!left.isZero()) {
    run.deviate('prepayment-left-on-deleted-order', `order ${order.no}, fully invoiced and deleted, leaves ${cents(left)} of prepayment invoiced and not deducted on the Sales Prepayments Account`);
    run.model.prepaymentUnattributed = run.model.prepaymentUnattributed.plus(left);
  }
  run.model.orders.delete(order.no);
}

/**
 * §26.9.2: the corrective credit memo of an invoice puts back what it deducted: the order lines
 * deduct it again, or — the order deleted meanwhile — the prepayment account holds it for no order.
 */
export function revertDeductions(run: ModelRun, invoice: PostedInvoice) {
  for (const entry of invoice.deduction?.of ?? []) {
    const line = run.model.orders.get(entry.orderNo)?.lines.find((candidate) => candidate.lineNo === entry.lineNo);
    if (line) {
      line.prepayment.deducted = line.prepayment.deducted.minus(entry.amount);
      line.prepayment.vatDeducted = line.prepayment.vatDeducted.minus(entry.vat);
    } else {
      run.model.prepaymentUnattributed = run.model.prepaymentUnattributed.plus(entry.amount);
    }
    run.model.prepaymentHeld = run.model.prepaymentHeld.plus(entry.amount);
  }
}

