/**
 * The actions of a blanket sales order (spec §14.2, §14.4): Make Order (BC codeunit 87 "Blanket
 * Sales Order to Order") and Delete Invoiced Blanket Sales Orders (BC report 291).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { dec, sum } from '../../core/money/decimal.ts';
import {
  assertSomethingToCreate, checkBlanketQuantityToShip, proratedInvoiceDiscount, quantityOnOrdersBase,
} from '../../core/sales/blanket-order.ts';
import { maxQuantityToInvoice } from '../../core/sales/quantities.ts';
import type { Executor } from '../db/connection.ts';
import { salesHeader, salesLine } from '../db/schema/index.ts';
import { currencyPrecisions, type SalesContext } from './sales-context.ts';
import { createDocument, type NewSalesLine } from './sales-document.commands.ts';
import { copyAssemblyComponents } from '../assembly/assemble-to-order.sync.ts';
import { assertCustomersMayHave, assertNoBlockedLines, transferableHeader } from './sales-document.convert.ts';
import { loadDocument } from './sales-document.queries.ts';
import { assertApprovalAllows } from '../approvals/approval-guard.ts';
import { recalculateDocument } from './sales-document.recalculate.ts';
import type { SalesDocument, SalesHeaderRow, SalesLineRow } from './sales-document.types.ts';
import { asBlanketLine, asLinkedLine, linkedUnpostedLines } from './sales-line.blanket.ts';
import { handledQuantities, updateLineQuantities } from './sales-line.quantities.ts';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';

/**
 * Make Order (spec §14.2): one new order with every blanket line that has a Qty. to Ship (and the
 * text lines), at the blanket's prices and discounts, linked back to the blanket lines; their Qty.
 * to Ship is then reset. The blanket order stays. Answers the new order.
 */
export async function makeOrderFromBlanketOrder(tx: Executor, no: string, context: SalesContext): Promise<SalesDocument> {
  const blanket = await loadDocument(tx, 'blanketOrder', no, { lock: true });
  await assertCustomersMayHave(tx, blanket.header, 'order');
  await assertNoBlockedLines(tx, blanket.lines);
  await assertApprovalAllows(tx, blanket, 'makeOrder');
  assertSomethingToCreate(no, blanket.lines.map((line) => ({ type: line.type, quantityToShip: dec(line.quantityToShip) })));
  const taken = blanket.lines.filter((line) => line.type === 'comment' || !dec(line.quantityToShip).isZero());
  await checkQuantitiesOnOrders(tx, blanket, taken);
  const created = await createDocument(tx, 'order', {
    sellToCustomerNo: blanket.header.sellToCustomerNo, billToCustomerNo: blanket.header.billToCustomerNo,
    lines: taken.map((line, index) => ({ lineNo: (index + 1) * 10000, ...orderLineInput(line) })),
  }, context);
  // Spec §15.3: the order's assembly orders take the components customised on the blanket assembly orders.
  await copyAssemblyComponents(tx, { documentType: 'blanketOrder', no }, { documentType: 'order', no: created.header.no }, new Map(taken.map((line, index) => [line.lineNo, (index + 1) * 10000])));
  const order = await takeBlanketHeader(tx, blanket, created, taken, context);
  await resetQuantitiesToShip(tx, blanket, taken);
  return order;
}

/** Step 4: |Qty. to Ship + on unposted orders + shipped| ≤ |Quantity| for each line taken, in base units. */
async function checkQuantitiesOnOrders(tx: Executor, blanket: SalesDocument, taken: readonly SalesLineRow[]): Promise<void> {
  const lines = taken.filter((line) => line.type !== 'comment');
  const linked = await linkedUnpostedLines(tx, blanket.header.no, lines.map((line) => line.lineNo));
  for (const line of lines) {
    const onOrders = quantityOnOrdersBase(linked.filter((row) => row.blanketOrderLineNo === line.lineNo).map(asLinkedLine));
    checkBlanketQuantityToShip(asBlanketLine(line), onOrders, `lines.${blanket.lines.indexOf(line)}.quantityToShip`);
  }
}

/** Step 6: the order line takes Qty. to Ship as its quantity and the blanket line's terms as they are (not derived again). */
function orderLineInput(line: SalesLineRow): NewSalesLine {
  const link = { blanketOrderNo: line.documentNo, blanketOrderLineNo: line.lineNo };
  if (line.type === 'comment') return { type: 'comment', description: line.description, description2: line.description2, ...link };
  return {
    type: line.type, no: line.no, description: line.description, description2: line.description2, quantity: line.quantityToShip,
    ...(line.type === 'item' ? { unitOfMeasureCode: line.unitOfMeasureCode } : {}),
    locationCode: line.locationCode, shipmentDate: line.shipmentDate,
    requestedDeliveryDate: line.requestedDeliveryDate, promisedDeliveryDate: line.promisedDeliveryDate,
    unitPrice: line.unitPrice, lineDiscountPercent: line.lineDiscountPercent,
    allowInvoiceDiscount: line.allowInvoiceDiscount, allowLineDiscount: line.allowLineDiscount,
    ...link,
  };
}

/**
 * Step 5: the order gets the blanket's header (its own number, status Open, the customer's
 * Prepayment %), Order Date = the blanket's or the work date, Posting Date = the blanket's or the
 * work date (blank with Default Posting Date = No Date). Its invoice discount is the blanket lines'
 * prorated to the quantities taken, or calculated again when the setup calculates it.
 */
async function takeBlanketHeader(tx: Executor, blanket: SalesDocument, created: SalesDocument, taken: readonly SalesLineRow[], context: SalesContext): Promise<SalesDocument> {
  const { prepaymentPercent: _prepayment, invoiceDiscountCalculation: _calculation, invoiceDiscountValue: _value, quoteValidUntilDate: _validUntil, ...header } =
    transferableHeader(blanket.header) as Partial<SalesHeaderRow>;
  const precision = (await currencyPrecisions(tx, context, blanket.header.currencyCode)).amount;
  const prorated = sum(taken.map((line) => proratedInvoiceDiscount({
    invoiceDiscountAmount: dec(line.invoiceDiscountAmount), quantityToShip: dec(line.quantityToShip), quantity: dec(line.quantity),
  }, precision)));
  const typed = !context.salesSetup.calculateInvoiceDiscount && !prorated.isZero();
  const noDate = context.salesSetup.defaultPostingDate === 'noDate';
  const [orderHeader] = await tx.update(salesHeader).set({
    ...header,
    orderDate: blanket.header.orderDate ?? context.workDate,
    postingDate: noDate ? null : blanket.header.postingDate ?? context.workDate,
    invoiceDiscountCalculation: typed ? 'amount' : 'none',
    invoiceDiscountValue: typed ? prorated.toFixed(5) : '0',
  }).where(and(eq(salesHeader.documentType, 'order'), eq(salesHeader.no, created.header.no))).returning();
  return recalculateDocument(tx, { header: orderHeader!, lines: created.lines }, context, 'lineChanged');
}

/** Step 7: the lines taken have nothing left to take until Qty. to Ship is set again. */
async function resetQuantitiesToShip(tx: Executor, blanket: SalesDocument, taken: readonly SalesLineRow[]): Promise<void> {
  const handling = salesDescriptor('blanketOrder').lineHandling;
  await updateLineQuantities(tx, taken.filter((line) => line.type !== 'comment').map((line) => {
    const fields = { ...handledQuantities(line, handling), quantityToShip: dec('0') };
    return { documentType: 'blanketOrder', documentNo: line.documentNo, lineNo: line.lineNo, returns: false, after: { ...fields, quantityToInvoice: maxQuantityToInvoice(fields) } };
  }));
  await tx.update(salesHeader).set({ version: sql`${salesHeader.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(salesHeader.documentType, 'blanketOrder'), eq(salesHeader.no, blanket.header.no)));
}

/**
 * Delete Invoiced Blanket Sales Orders (spec §14.4; BC report 291): blanket orders of which something
 * was invoiced, whose every line is shipped and invoiced in full, and to which no unposted line is
 * linked any more. Answers their numbers.
 */
export async function deleteInvoicedBlanketOrders(tx: Executor): Promise<string[]> {
  const lineOf = sql`from ${salesLine} where ${salesLine.documentType} = ${salesHeader.documentType} and ${salesLine.documentNo} = ${salesHeader.no} and ${salesLine.type} <> 'comment'`;
  const deletable = and(
    eq(salesHeader.documentType, 'blanketOrder'),
    sql`exists (select 1 ${lineOf} and ${salesLine.quantityInvoiced} <> 0)`,
    sql`not exists (select 1 ${lineOf} and (${salesLine.quantityShipped} <> ${salesLine.quantity} or ${salesLine.quantityInvoiced} <> ${salesLine.quantity}))`,
    sql`not exists (select 1 from ${salesLine} where ${salesLine.blanketOrderNo} = ${salesHeader.no} and ${salesLine.documentType} <> 'blanketOrder')`,
  );
  const candidates = await tx.select({ no: salesHeader.no }).from(salesHeader).where(deletable).orderBy(salesHeader.no).for('update');
  if (candidates.length === 0) return [];
  // Asked again by the DELETE, which begins once they are locked: the select that waited for a lock (a user
  // changing that blanket order) read the lines as they were when it began.
  const deleted = await tx.delete(salesHeader).where(and(inArray(salesHeader.no, candidates.map((row) => row.no)), deletable)).returning({ no: salesHeader.no });
  return deleted.map((row) => row.no).sort();
}
