/**
 * Buying sales order lines (spec §15.1–15.2): Get Sales Orders on a purchase order (BC Drop
 * Shipment / Special Order → Get Sales Orders), and the requisition worksheet's Carry Out Action
 * Message, put one purchase line per drop-shipment (special-order) sales line not yet linked, for
 * what it still has to ship, linked both ways. A drop shipment sends the purchase to the customer's
 * ship-to address; a special order to our location, so the two never share a purchase order.
 */
import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { purchaseHeader, salesHeader } from '../db/schema/index.ts';
import { loadDocument } from '../sales/sales-document.queries.ts';
import type { SalesHeaderRow, SalesLineRow } from '../sales/sales-document.types.ts';
import type { PurchaseContext } from './purchase-context.ts';
import { addPurchaseLines, type NewPurchaseLine } from './purchase-document.commands.ts';
import { loadPurchaseDocument } from './purchase-document.queries.ts';
import type { PurchaseDocument, PurchaseHeaderRow } from './purchase-document.types.ts';

export type PurchasingKind = 'dropShipment' | 'specialOrder';

export const purchasingKindCaption: Record<PurchasingKind, string> = { dropShipment: 'drop shipment', specialOrder: 'special order' };

/** A sales line still to buy: a drop-shipment (special-order) item line, not linked, with something left to ship. */
export const toBuy = (line: SalesLineRow, kind: PurchasingKind) => line.type === 'item' && line[kind] && !linked(line) && !outstanding(line).isZero();
const linked = (line: SalesLineRow) => line.purchaseOrderNo !== null || line.specialOrderPurchaseNo !== null;
export const outstanding = (line: SalesLineRow) => dec(line.quantity).minus(dec(line.quantityShipped));

export async function getSalesOrders(
  tx: Executor, purchaseOrderNo: string, salesOrderNo: string, kind: PurchasingKind, expectedVersion: number | undefined, context: PurchaseContext,
): Promise<PurchaseDocument> {
  const sales = await loadDocument(tx, 'order', salesOrderNo, { lock: true });
  const wanted = sales.lines.filter((line) => toBuy(line, kind)).map((line) => ({ line }));
  if (wanted.length === 0) throw new DomainError('NO_SALES_LINES_TO_PURCHASE', { salesOrderNo, kind: purchasingKindCaption[kind] }, 'salesOrderNo');
  return buySalesLines(tx, purchaseOrderNo, sales.header, wanted, kind, expectedVersion, context);
}

/** A sales line bought, with the quantity and cost the requisition line may have changed. */
export interface SalesLineToBuy { line: SalesLineRow; directUnitCost?: string }

/** Adds the purchase lines for `lines` of one sales order to the purchase order and links them both ways. */
export async function buySalesLines(
  tx: Executor, purchaseOrderNo: string, sales: SalesHeaderRow, lines: readonly SalesLineToBuy[], kind: PurchasingKind,
  expectedVersion: number | undefined, context: PurchaseContext,
): Promise<PurchaseDocument> {
  const order = await loadPurchaseDocument(tx, 'order', purchaseOrderNo, { lock: true });
  await shipTo(tx, order, sales, kind);
  const firstLineNo = Math.max(0, ...order.lines.map((line) => line.lineNo)) + 10000;
  const salesOrderNo = sales.no;
  const purchaseLines: NewPurchaseLine[] = lines.map(({ line, directUnitCost }, index) => ({
    lineNo: firstLineNo + index * 10000, type: 'item', no: line.no, description: line.description, description2: line.description2,
    unitOfMeasureCode: line.unitOfMeasureCode, quantity: outstanding(line).toFixed(5),
    ...(directUnitCost !== undefined ? { directUnitCost } : {}),
    // A drop shipment's goods never touch our stock: its purchase entry is at the sales line's location, where the sale takes it.
    ...(kind === 'dropShipment' ? { locationCode: line.locationCode } : {}),
    purchasingCode: line.purchasingCode, [kind]: true,
    ...(kind === 'dropShipment' ? { salesOrderNo, salesOrderLineNo: line.lineNo } : { specialOrderSalesNo: salesOrderNo, specialOrderSalesLineNo: line.lineNo }),
  }));
  const result = await addPurchaseLines(tx, 'order', purchaseOrderNo, purchaseLines, expectedVersion, context);
  await linkSalesLines(tx, salesOrderNo, lines.map(({ line }, index) => ({ lineNo: line.lineNo, purchaseLineNo: firstLineNo + index * 10000 })), purchaseOrderNo, kind);
  return result;
}

/**
 * Drop shipment: the order delivers to the sales order's customer and ship-to (set here on a new
 * order); special order: to our location. An order already going elsewhere is refused.
 */
async function shipTo(tx: Executor, order: PurchaseDocument, sales: typeof salesHeader.$inferSelect, kind: PurchasingKind) {
  const { header } = order;
  const refuse = (reason: string) => { throw new DomainError('PURCHASE_SHIP_TO_DIFFERS', { no: header.no, reason }, 'salesOrderNo'); };
  const hasDropShipments = order.lines.some((line) => line.dropShipment);
  const hasOtherLines = order.lines.some((line) => line.type !== 'comment' && !line.dropShipment);
  if (kind === 'specialOrder') {
    if (hasDropShipments || header.sellToCustomerNo) refuse(`is a drop shipment to customer ${header.sellToCustomerNo ?? ''}`);
    return;
  }
  if (hasOtherLines) refuse('has lines for our own location');
  if (header.sellToCustomerNo && (header.sellToCustomerNo !== sales.sellToCustomerNo || (header.shipToCode ?? null) !== (sales.shipToCode ?? null))) {
    refuse(`ships to customer ${header.sellToCustomerNo}${header.shipToCode ? ` (${header.shipToCode})` : ''}, not to ${sales.sellToCustomerNo}${sales.shipToCode ? ` (${sales.shipToCode})` : ''}`);
  }
  const shipToFields = Object.fromEntries(Object.entries(sales).filter(([field]) => field.startsWith('shipTo'))) as Partial<PurchaseHeaderRow>;
  await tx.update(purchaseHeader).set({ ...shipToFields, sellToCustomerNo: sales.sellToCustomerNo })
    .where(and(eq(purchaseHeader.documentType, 'order'), eq(purchaseHeader.no, header.no)));
}

/** The sales lines' links to their purchase lines, in one UPDATE … FROM (VALUES …), and the order's version. */
async function linkSalesLines(tx: Executor, salesOrderNo: string, links: ReadonlyArray<{ lineNo: number; purchaseLineNo: number }>, purchaseOrderNo: string, kind: PurchasingKind) {
  const [noColumn, lineColumn] = kind === 'dropShipment' ? ['purchase_order_no', 'purchase_order_line_no'] : ['special_order_purchase_no', 'special_order_purchase_line_no'];
  const values = sql.join(links.map((link) => sql`(${link.lineNo}::integer, ${link.purchaseLineNo}::integer)`), sql`, `);
  await tx.execute(sql`
    update sales_line as l set ${sql.identifier(noColumn)} = ${purchaseOrderNo}, ${sql.identifier(lineColumn)} = v.purchase_line_no
    from (values ${values}) as v(line_no, purchase_line_no)
    where l.document_type = 'order' and l.document_no = ${salesOrderNo} and l.line_no = v.line_no`);
  await tx.update(salesHeader).set({ version: sql`${salesHeader.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(salesHeader.documentType, 'order'), eq(salesHeader.no, salesOrderNo)));
}
