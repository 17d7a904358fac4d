/**
 * Invoicing what was shipped earlier (spec §7.6, §13.1): which posted shipment (receipt) lines a
 * posting bills, the value entries on their item entries, and the shipment and order lines it advances.
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { type Decimal, ZERO, dec } from '../../core/money/decimal.ts';
import { quantitiesAfterPosting } from '../../core/sales/posting-scope.ts';
import { quantityBase } from '../../core/sales/quantities.ts';
import type { Executor } from '../db/connection.ts';
import { postedSalesLine, salesLine } from '../db/schema/index.ts';
import type { ItemInvoicing } from '../../core/inventory/item-posting.types.ts';
import type { PostedLineRow } from './posted-document.writer.ts';
import type { SalesContext } from './sales-context.ts';
import type { SalesHeaderRow, SalesLineRow } from './sales-document.types.ts';
import { handledQuantities, updateLineQuantities } from './sales-line.quantities.ts';
import type { InvoicedValue, LinePosting } from './sales-post.amounts.ts';
import type { PostingNumbers, SalesPostingDescriptor } from './sales-post.types.ts';

/** A posted shipment (receipt) line this posting bills, and how much of it. */
export interface ShipmentBilling {
  /** The line of the document being posted. */
  lineNo: number;
  shipmentNo: string;
  shipmentLineNo: number;
  itemLedgerEntryNo: number | null;
  quantity: Decimal;
  quantityBase: Decimal;
  /** The order (return order) line the shipment came from. */
  orderNo: string;
  orderLineNo: number;
  line: SalesLineRow;
}

/**
 * What this posting invoices of shipments made earlier (spec §7.6, §13.1): on an order, the part of
 * Qty. to Invoice beyond what it ships now, from the line's open shipment lines oldest first; on an
 * invoice, the shipment line each Get Shipment Lines line names.
 */
export async function earlierShipmentsBilled(
  tx: Executor, header: SalesHeaderRow, descriptor: SalesPostingDescriptor, linePostings: readonly LinePosting[],
): Promise<ShipmentBilling[]> {
  // The shipment (return receipt) line a Get Shipment Lines line names, in the line's fields of its direction.
  const { postedDocumentNoField, postedLineNoField } = descriptor.lineHandling;
  const linked = linePostings.filter((entry) => entry.line[postedDocumentNoField] !== null && !entry.posting.invoice.isZero());
  const fromOrder = descriptor.postsInFull ? [] : linePostings.filter((entry) => !entry.posting.invoice.minus(entry.posting.invoiceOfThisShipment).isZero());
  if (linked.length === 0 && fromOrder.length === 0) return [];
  const open = await tx.select().from(postedSalesLine).where(and(
    eq(postedSalesLine.documentType, descriptor.handling.postedType),
    ne(postedSalesLine.quantityNotInvoiced, '0'),
    eq(postedSalesLine.correction, false),
    linked.length > 0
      ? inArray(postedSalesLine.documentNo, [...new Set(linked.map((entry) => entry.line[postedDocumentNoField]!))])
      : and(eq(postedSalesLine.sourceDocumentType, header.documentType), eq(postedSalesLine.sourceDocumentNo, header.no)),
  )).orderBy(postedSalesLine.documentNo, postedSalesLine.lineNo).for('update');
  const billing: ShipmentBilling[] = [];
  for (const entry of linked) {
    const shipmentNo = entry.line[postedDocumentNoField]!;
    const shipmentLineNo = entry.line[postedLineNoField]!;
    const shipmentLine = open.find((row) => row.documentNo === shipmentNo && row.lineNo === shipmentLineNo);
    if (!shipmentLine || dec(shipmentLine.quantityNotInvoiced).abs().lessThan(entry.posting.invoice.abs())) {
      throw new DomainError('SHIPMENT_ALREADY_INVOICED', { lineNo: shipmentLineNo, shipmentNo, quantity: entry.posting.invoice.toString() }, `lines.${entry.line.lineNo}.quantity`);
    }
    billing.push(billingOf(entry, shipmentLine, entry.posting.invoice));
  }
  for (const entry of fromOrder) {
    let rest = entry.posting.invoice.minus(entry.posting.invoiceOfThisShipment);
    for (const shipmentLine of open.filter((row) => row.sourceLineNo === entry.line.lineNo)) {
      if (rest.isZero()) break;
      const take = dec(shipmentLine.quantityNotInvoiced).abs().lessThan(rest.abs()) ? dec(shipmentLine.quantityNotInvoiced) : rest;
      billing.push(billingOf(entry, shipmentLine, take));
      rest = rest.minus(take);
    }
    if (!rest.isZero()) throw new DomainError('INVOICE_MORE_THAN_SHIPPED', { maximum: entry.posting.invoice.minus(rest).toString(), value: entry.posting.invoice.toString() }, `lines.${entry.line.lineNo}.quantityToInvoice`);
  }
  return billing;
}

export function billingOf(entry: LinePosting, shipmentLine: typeof postedSalesLine.$inferSelect, quantity: Decimal): ShipmentBilling {
  return {
    lineNo: entry.line.lineNo,
    shipmentNo: shipmentLine.documentNo,
    shipmentLineNo: shipmentLine.lineNo,
    itemLedgerEntryNo: shipmentLine.itemLedgerEntryNo,
    quantity,
    quantityBase: quantityBase(quantity, dec(shipmentLine.quantityPerUnitOfMeasure)),
    orderNo: shipmentLine.sourceDocumentNo,
    orderLineNo: shipmentLine.sourceLineNo,
    line: entry.line,
  };
}

/** The value entry billing an earlier shipment (receipt): its share of what the invoice posts for the line (spec §7.6). */
export function itemInvoicing(
  header: SalesHeaderRow, bill: ShipmentBilling, descriptor: SalesPostingDescriptor, numbers: PostingNumbers, invoiced: InvoicedValue,
): ItemInvoicing {
  return {
    key: `${bill.lineNo}:${bill.shipmentNo}:${bill.shipmentLineNo}`,
    documentType: descriptor.invoicing.itemLedgerDocumentType,
    documentNo: numbers.invoicingNo!,
    documentLineNo: bill.lineNo,
    description: bill.line.description,
    sourceType: 'customer', sourceNo: header.sellToCustomerNo,
    genBusPostingGroup: bill.line.genBusPostingGroup ?? '', genProdPostingGroup: bill.line.genProdPostingGroup ?? '', inventoryPostingGroup: bill.line.inventoryPostingGroup ?? '',
    // Sales amounts are positive on a sale and negative on a credit (sign); quantities follow the stock (stockSign).
    salesAmount: invoiced.salesAmount.times(descriptor.sign),
    discountAmount: invoiced.discountAmount.times(descriptor.sign),
    itemLedgerEntryNo: bill.itemLedgerEntryNo!,
    invoicedQuantity: bill.quantityBase.times(descriptor.stockSign),
  };
}

/** Invoice lines billing a shipment name the order line as their source, as BC's Order No./Order Line No. do. */
export function sourceOfBilledLine(bill: ShipmentBilling | undefined, descriptor: SalesPostingDescriptor): Partial<PostedLineRow> {
  const { postedDocumentNoField, postedLineNoField } = descriptor.lineHandling;
  if (!bill || bill.line[postedDocumentNoField] === null) return {};
  const billed: Partial<PostedLineRow> = { sourceDocumentType: descriptor.orderType, sourceDocumentNo: bill.orderNo, sourceLineNo: bill.orderLineNo };
  billed[postedDocumentNoField] = bill.shipmentNo;
  billed[postedLineNoField] = bill.shipmentLineNo;
  return billed;
}

/** Shipment (receipt) lines billed by this posting: Quantity Invoiced up, Qty. Shipped Not Invoiced down, in one statement. */
export async function updateBilledShipmentLines(tx: Executor, billing: readonly ShipmentBilling[]): Promise<void> {
  // The current shipment's own lines are written already invoiced; only earlier ones change.
  if (billing.length === 0) return;
  const values = sql.join(billing.map((bill) => sql`(${bill.shipmentNo}::text, ${bill.shipmentLineNo}::integer, ${bill.quantity.toString()}::numeric)`), sql`, `);
  await tx.execute(sql`
    update posted_sales_line as l set quantity_invoiced = l.quantity_invoiced + v.quantity, quantity_not_invoiced = l.quantity_not_invoiced - v.quantity
    from (select document_no, line_no, sum(quantity) as quantity from (values ${values}) as raw(document_no, line_no, quantity) group by document_no, line_no) as v
    where l.document_type in ('shipment', 'returnReceipt') and l.document_no = v.document_no and l.line_no = v.line_no`);
}

/** Invoices built with Get Shipment Lines advance the order lines they bill (spec §13.1); the orders stay. */
export async function updateSourceOrderLines(
  tx: Executor, billing: readonly ShipmentBilling[], descriptor: SalesPostingDescriptor, context: SalesContext,
): Promise<void> {
  if (!descriptor.postsInFull || billing.length === 0) return;
  // The order (return order) moves the goods the same way, so its lines hold them in the same fields.
  const { orderType, lineHandling } = descriptor;
  const returns = descriptor.direction === 'inbound';
  const rows = billing.map((bill) => ({ no: bill.orderNo, lineNo: bill.orderLineNo, quantity: bill.quantity }));
  const lines = await tx.select().from(salesLine).where(and(eq(salesLine.documentType, orderType), inArray(salesLine.documentNo, [...new Set(rows.map((row) => row.no))])));
  const updates = rows.flatMap((row) => {
    const line = lines.find((candidate) => candidate.documentNo === row.no && candidate.lineNo === row.lineNo);
    if (!line) return [];
    const after = quantitiesAfterPosting(orderType, context.salesSetup.defaultQuantityToShip as never, handledQuantities(line, lineHandling), { ship: ZERO, invoice: row.quantity });
    return [{ documentType: orderType, documentNo: row.no, lineNo: row.lineNo, after, returns }];
  });
  await updateLineQuantities(tx, updates);
}
