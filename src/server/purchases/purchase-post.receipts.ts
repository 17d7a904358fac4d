/**
 * Invoicing what was received earlier (BC Purch.-Post, the receipt lines an order's invoice bills):
 * the part of Qty. to Invoice beyond what this posting receives comes from the line's open posted
 * receipt (return shipment) lines, oldest first, and their item entries get the invoice's cost.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { type Decimal, dec } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { postedPurchaseLine } from '../db/schema/index.ts';
import type { LinePosting } from '../sales/sales-post.amounts.ts';
import type { LoadedPurchasePosting } from './purchase-post.load.ts';
import type { PurchaseLineRow } from './purchase-document.types.ts';

/** A posted receipt (return shipment) line this posting bills, and how much of it. */
export interface ReceiptBilling {
  lineNo: number;
  receiptNo: string;
  receiptLineNo: number;
  itemLedgerEntryNo: number | null;
  quantity: Decimal;
}

export async function earlierReceiptsBilled(tx: Executor, loaded: LoadedPurchasePosting, invoiced: readonly LinePosting<PurchaseLineRow>[]): Promise<ReceiptBilling[]> {
  const { header, descriptor } = loaded;
  const fromOrder = descriptor.postsInFull ? [] : invoiced.filter((entry) => !entry.posting.invoice.minus(entry.posting.invoiceOfThisShipment).isZero());
  if (fromOrder.length === 0) return [];
  const open = await tx.select().from(postedPurchaseLine).where(and(
    eq(postedPurchaseLine.documentType, descriptor.handling.postedType), ne(postedPurchaseLine.quantityNotInvoiced, '0'), eq(postedPurchaseLine.correction, false),
    eq(postedPurchaseLine.sourceDocumentType, header.documentType), eq(postedPurchaseLine.sourceDocumentNo, header.no),
  )).orderBy(postedPurchaseLine.postingDate, postedPurchaseLine.documentNo, postedPurchaseLine.lineNo).for('update');
  const billing: ReceiptBilling[] = [];
  for (const entry of fromOrder) {
    let left = entry.posting.invoice.minus(entry.posting.invoiceOfThisShipment);
    for (const receiptLine of open.filter((row) => row.sourceLineNo === entry.line.lineNo)) {
      if (left.isZero()) break;
      const available = dec(receiptLine.quantityNotInvoiced);
      const take = left.abs().lessThan(available.abs()) ? left : available;
      billing.push({ lineNo: entry.line.lineNo, receiptNo: receiptLine.documentNo, receiptLineNo: receiptLine.lineNo, itemLedgerEntryNo: receiptLine.itemLedgerEntryNo, quantity: take });
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
