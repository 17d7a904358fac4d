/**
 * Invoicing what was received earlier (BC Purch.-Post, the receipt lines an invoice bills): on an
 * order, the part of Qty. to Invoice beyond what this posting receives comes from the line's open
 * posted receipt (return shipment) lines, oldest first; on an invoice (credit memo), the receipt line
 * each Get Receipt Lines line names. Their item entries get the invoice's cost; an invoice's
 * billing advances the order lines the receipts came from.
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { purchaseDescriptor } from '../../core/documents/document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import { type Decimal, ZERO, dec } from '../../core/money/decimal.ts';
import { quantitiesAfterPosting } from '../../core/sales/posting-scope.ts';
import type { Executor } from '../db/connection.ts';
import { postedPurchaseLine, purchaseLine } from '../db/schema/index.ts';
import type { LinePosting } from '../sales/sales-post.amounts.ts';
import { handledQuantities, updateLineQuantities } from '../sales/sales-line.quantities.ts';
import type { PurchaseContext } from './purchase-context.ts';
import type { LoadedPurchasePosting } from './purchase-post.load.ts';
import type { PurchaseLineRow } from './purchase-document.types.ts';

/** A posted receipt (return shipment) line this posting bills, and how much of it. */
export interface ReceiptBilling {
  lineNo: number;
  receiptNo: string;
  receiptLineNo: number;
  itemLedgerEntryNo: number | null;
  quantity: Decimal;
  /** The order (return order) line the receipt line came from. */
  orderNo: string;
  orderLineNo: number;
}

type PostedReceiptLine = typeof postedPurchaseLine.$inferSelect;

const billingOf = (lineNo: number, receiptLine: PostedReceiptLine, quantity: Decimal): ReceiptBilling => ({
  lineNo, receiptNo: receiptLine.documentNo, receiptLineNo: receiptLine.lineNo, itemLedgerEntryNo: receiptLine.itemLedgerEntryNo, quantity,
  orderNo: receiptLine.sourceDocumentNo, orderLineNo: receiptLine.sourceLineNo,
});

export async function earlierReceiptsBilled(tx: Executor, loaded: LoadedPurchasePosting, invoiced: readonly LinePosting<PurchaseLineRow>[]): Promise<ReceiptBilling[]> {
  const { header, descriptor } = loaded;
  const { postedDocumentNoField } = descriptor.lineHandling;
  const linked = invoiced.filter((entry) => entry.line[postedDocumentNoField as 'receiptNo' | 'returnShipmentNo'] !== null);
  const fromOrder = descriptor.postsInFull ? [] : invoiced.filter((entry) => !entry.posting.invoice.minus(entry.posting.invoiceOfThisShipment).isZero());
  if (linked.length === 0 && fromOrder.length === 0) return [];
  const open = await tx.select().from(postedPurchaseLine).where(and(
    eq(postedPurchaseLine.documentType, descriptor.handling.postedType), ne(postedPurchaseLine.quantityNotInvoiced, '0'), eq(postedPurchaseLine.correction, false),
    linked.length > 0
      ? inArray(postedPurchaseLine.documentNo, [...new Set(linked.map((entry) => entry.line[postedDocumentNoField as 'receiptNo' | 'returnShipmentNo']!))])
      : and(eq(postedPurchaseLine.sourceDocumentType, header.documentType), eq(postedPurchaseLine.sourceDocumentNo, header.no)),
  )).orderBy(postedPurchaseLine.postingDate, postedPurchaseLine.documentNo, postedPurchaseLine.lineNo).for('update');
  return [...linkedBilling(loaded, linked, open), ...orderBilling(fromOrder, open)];
}

/** Each Get Receipt Lines line bills the receipt line it names, which must still have that much to invoice. */
function linkedBilling(loaded: LoadedPurchasePosting, linked: readonly LinePosting<PurchaseLineRow>[], open: readonly PostedReceiptLine[]): ReceiptBilling[] {
  const { postedDocumentNoField, postedLineNoField } = loaded.descriptor.lineHandling;
  return linked.map((entry) => {
    const receiptNo = entry.line[postedDocumentNoField as 'receiptNo' | 'returnShipmentNo']!;
    const receiptLineNo = entry.line[postedLineNoField as 'receiptLineNo' | 'returnShipmentLineNo']!;
    const receiptLine = open.find((row) => row.documentNo === receiptNo && row.lineNo === receiptLineNo);
    if (!receiptLine || dec(receiptLine.quantityNotInvoiced).abs().lessThan(entry.posting.invoice.abs())) {
      throw new DomainError('SHIPMENT_ALREADY_INVOICED', {
        detail: `Line ${receiptLineNo} of ${loaded.descriptor.handling.caption.toLowerCase()} ${receiptNo} has already been invoiced, or less than ${entry.posting.invoice.toString()} of it is left to invoice`,
      }, `lines.${entry.line.lineNo}.quantity`);
    }
    return billingOf(entry.line.lineNo, receiptLine, entry.posting.invoice);
  });
}

function orderBilling(fromOrder: readonly LinePosting<PurchaseLineRow>[], open: readonly PostedReceiptLine[]): ReceiptBilling[] {
  const billing: ReceiptBilling[] = [];
  for (const entry of fromOrder) {
    let left = entry.posting.invoice.minus(entry.posting.invoiceOfThisShipment);
    for (const receiptLine of open.filter((row) => row.sourceLineNo === entry.line.lineNo)) {
      if (left.isZero()) break;
      const available = dec(receiptLine.quantityNotInvoiced);
      const take = left.abs().lessThan(available.abs()) ? left : available;
      billing.push(billingOf(entry.line.lineNo, receiptLine, take));
      left = left.minus(take);
    }
    // The scope allows no more than was received, so the receipt lines cover it.
    if (!left.isZero()) throw new Error(`purchase line ${entry.line.lineNo}: ${left.toString()} to invoice has no receipt line`);
  }
  return billing;
}

/** The billed receipt lines' Quantity Invoiced and Quantity Not Invoiced, in one UPDATE. */
export async function updateBilledReceiptLines(tx: Executor, postedType: 'receipt' | 'returnShipment', billing: readonly ReceiptBilling[]): Promise<void> {
  if (billing.length === 0) return;
  const values = sql.join(billing.map((bill) => sql`(${bill.receiptNo}::text, ${bill.receiptLineNo}::integer, ${bill.quantity.toString()}::numeric)`), sql`, `);
  await tx.execute(sql`
    update posted_purchase_line as l set quantity_invoiced = l.quantity_invoiced + v.quantity, quantity_not_invoiced = l.quantity_not_invoiced - v.quantity
    from (values ${values}) as v(document_no, line_no, quantity)
    where l.document_type = ${postedType} and l.document_no = v.document_no and l.line_no = v.line_no`);
}

/**
 * An invoice (credit memo) made with Get Receipt Lines advances the order (return order) lines its
 * receipt lines came from: Quantity Invoiced up, Qty. to Invoice defaulted again, so posting the
 * order later does not invoice them twice. The orders stay (BC: Delete Invoiced Purchase Orders).
 */
export async function updateSourceOrderLines(tx: Executor, loaded: LoadedPurchasePosting, billing: readonly ReceiptBilling[], context: PurchaseContext): Promise<void> {
  if (!loaded.descriptor.postsInFull || billing.length === 0) return;
  const order = purchaseDescriptor(loaded.descriptor.orderType);
  const orderNos = [...new Set(billing.map((bill) => bill.orderNo))];
  const lines = await tx.select().from(purchaseLine).where(and(eq(purchaseLine.documentType, order.type), inArray(purchaseLine.documentNo, orderNos))).for('update');
  // Two invoice lines may bill receipts of the same order line: it is advanced once, by both.
  const invoicedNow = new Map<string, Decimal>();
  for (const bill of billing) invoicedNow.set(`${bill.orderNo}:${bill.orderLineNo}`, (invoicedNow.get(`${bill.orderNo}:${bill.orderLineNo}`) ?? ZERO).plus(bill.quantity));
  const defaultToReceive = context.purchasesSetup.defaultQuantityToReceive as 'remainder' | 'blank';
  const updates = lines.flatMap((line) => {
    const invoice = invoicedNow.get(`${line.documentNo}:${line.lineNo}`);
    if (!invoice) return [];
    const after = quantitiesAfterPosting(order, defaultToReceive, handledQuantities(line, order.lineHandling), { ship: ZERO, invoice });
    return [{ documentType: order.type, documentNo: line.documentNo, lineNo: line.lineNo, after, returns: order.direction === 'outbound' }];
  });
  await updateLineQuantities(tx, updates, 'purchase_line');
}
