/**
 * Get Receipt Lines on a purchase invoice (BC Purch.-Get Receipt, the mirror of sales Get Shipment
 * Lines in posted-lines.commands.ts): the pay-to vendor's received, not yet invoiced receipt lines,
 * and invoice lines that bill them. Posting the invoice bills the receipt lines it names
 * (purchase-post.receipts.ts): their item entries get the invoice's cost, their order lines'
 * Quantity Invoiced goes up.
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { postedPurchaseHeader, postedPurchaseLine, purchaseLine } from '../db/schema/index.ts';
import type { PurchaseContext } from './purchase-context.ts';
import { addPurchaseLines, type NewPurchaseLine } from './purchase-document.commands.ts';
import { loadPurchaseDocument } from './purchase-document.queries.ts';
import type { PurchaseDocument } from './purchase-document.types.ts';

type PostedLine = typeof postedPurchaseLine.$inferSelect;

/**
 * Posted receipt lines the invoice may bill: its pay-to vendor and currency, received and not yet
 * invoiced, not undone, not on another invoice. Drop shipments are invoiced from their order, after
 * the sales order (spec §15.1), so they are not offered.
 */
export async function receiptLinesToInvoice(tx: Executor, invoiceNo: string): Promise<PostedLine[]> {
  const invoice = await loadPurchaseDocument(tx, 'invoice', invoiceNo);
  const rows = await tx.select({ line: postedPurchaseLine }).from(postedPurchaseLine)
    .innerJoin(postedPurchaseHeader, and(eq(postedPurchaseHeader.documentType, postedPurchaseLine.documentType), eq(postedPurchaseHeader.no, postedPurchaseLine.documentNo)))
    .where(and(
      eq(postedPurchaseLine.documentType, 'receipt'),
      eq(postedPurchaseLine.payToVendorNo, invoice.header.payToVendorNo),
      sql`coalesce(${postedPurchaseHeader.currencyCode}, '') = ${invoice.header.currencyCode ?? ''}`,
      ne(postedPurchaseLine.type, 'comment'),
      ne(postedPurchaseLine.quantityNotInvoiced, '0'),
      eq(postedPurchaseLine.correction, false),
      eq(postedPurchaseLine.dropShipment, false),
      sql`not exists (select 1 from ${purchaseLine} where ${purchaseLine.receiptNo} = ${postedPurchaseLine.documentNo} and ${purchaseLine.receiptLineNo} = ${postedPurchaseLine.lineNo})`,
    ))
    .orderBy(asc(postedPurchaseLine.documentNo), asc(postedPurchaseLine.lineNo));
  return rows.map((row) => row.line);
}

/**
 * Adds the chosen receipt lines to the invoice: a text line per receipt, then a line per receipt
 * line for what is not invoiced of it, at the order line's cost and discount (not derived again).
 */
export async function getReceiptLines(
  tx: Executor, invoiceNo: string, chosen: ReadonlyArray<{ receiptNo: string; lineNo: number }>, context: PurchaseContext,
): Promise<PurchaseDocument> {
  const document = await loadPurchaseDocument(tx, 'invoice', invoiceNo, { lock: true });
  if (document.header.status !== 'open') throw new DomainError('STATUS_MUST_BE_OPEN', { where: `Purchase Invoice ${invoiceNo}`, status: document.header.status, remedy: 'reopen the invoice', field: 'lines' });
  const candidates = await receiptLinesToInvoice(tx, invoiceNo);
  const orderLines = await sourceOrderLines(tx, candidates);
  const inputs: NewPurchaseLine[] = [];
  let currentReceipt = '';
  const taken = new Set<string>();
  for (const pick of chosen) {
    const key = `${pick.receiptNo}:${pick.lineNo}`;
    const line = taken.has(key) ? undefined : candidates.find((candidate) => candidate.documentNo === pick.receiptNo && candidate.lineNo === pick.lineNo);
    taken.add(key);
    if (!line) {
      throw new DomainError('SHIPMENT_ALREADY_INVOICED', {
        detail: `Line ${pick.lineNo} of receipt ${pick.receiptNo} cannot be invoiced on ${invoiceNo}: it does not exist, belongs to another vendor or currency, is a drop shipment, is invoiced already or is on another invoice`,
      }, 'lines');
    }
    if (line.documentNo !== currentReceipt) {
      currentReceipt = line.documentNo;
      inputs.push({ type: 'comment', description: `Receipt No. ${line.documentNo}:` });
    }
    const order = orderLines.get(`${line.sourceDocumentNo}:${line.sourceLineNo}`);
    inputs.push({
      type: line.type, no: line.no, description: line.description, description2: line.description2, vendorItemNo: line.vendorItemNo,
      unitOfMeasureCode: line.unitOfMeasureCode, locationCode: line.locationCode, quantity: line.quantityNotInvoiced,
      directUnitCost: order?.directUnitCost ?? line.directUnitCost,
      lineDiscountPercent: order?.lineDiscountPercent ?? line.lineDiscountPercent,
      // The order's discount permissions come with its cost (BC InsertInvLineFromRcptLine).
      ...(order ? { allowInvoiceDiscount: order.allowInvoiceDiscount, allowLineDiscount: order.allowLineDiscount } : {}),
      receiptNo: line.documentNo, receiptLineNo: line.lineNo,
    });
  }
  return addPurchaseLines(tx, 'invoice', invoiceNo, inputs, undefined, context);
}

async function sourceOrderLines(tx: Executor, lines: readonly PostedLine[]) {
  const orders = [...new Set(lines.filter((line) => line.sourceDocumentType === 'order').map((line) => line.sourceDocumentNo))];
  if (orders.length === 0) return new Map<string, typeof purchaseLine.$inferSelect>();
  const rows = await tx.select().from(purchaseLine).where(and(eq(purchaseLine.documentType, 'order'), inArray(purchaseLine.documentNo, orders)));
  return new Map(rows.map((row) => [`${row.documentNo}:${row.lineNo}`, row]));
}
