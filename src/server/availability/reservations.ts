/**
 * Reservations (issue 20 item 3, BC Reservation Entry / Reserve from Current Line): part of a sales
 * order line's outstanding quantity held on the location's inventory, an open purchase order line or
 * a stand-alone assembly order's output. Reserving locks the item's row first, so two reservations of the last unit never both win.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { Decimal, dec, sum, ZERO } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { assemblyHeader, item, purchaseLine, reservation } from '../db/schema/index.ts';
import type { SalesContext } from '../sales/sales-context.ts';
import { loadDocument } from '../sales/sales-document.queries.ts';
import type { SalesLineRow } from '../sales/sales-document.types.ts';

export type ReservationRow = typeof reservation.$inferSelect;
export type ReservationSupply = { type: 'inventory' } | { type: 'purchaseOrder'; documentNo: string; lineNo: number } | { type: 'assemblyOrder'; documentNo: string };

export const outstandingBase = (line: SalesLineRow) => dec(line.quantityBase).minus(dec(line.quantityShipped).times(dec(line.quantityPerUnitOfMeasure)));

export async function lineReservations(tx: Executor, orderNo: string, lineNo: number): Promise<ReservationRow[]> {
  return tx.select().from(reservation)
    .where(and(eq(reservation.salesDocumentType, 'order'), eq(reservation.salesDocumentNo, orderNo), eq(reservation.salesLineNo, lineNo)))
    .orderBy(asc(reservation.createdAt));
}

/** The line of an order that can be reserved: an inventory item to ship from stock whose item does not say Reserve = Never. */
async function reservableLine(tx: Executor, orderNo: string, lineNo: number) {
  const document = await loadDocument(tx, 'order', orderNo, { lock: true });
  const line = document.lines.find((candidate) => candidate.lineNo === lineNo);
  if (!line) throw new DomainError('NOT_FOUND', { entity: 'Sales Line', key: `${orderNo} ${lineNo}` });
  // Reservations of one item wait for each other here: the last unit goes to exactly one of them.
  const [source] = line.type === 'item' ? await tx.select().from(item).where(eq(item.no, line.no)).for('update') : [];
  if (!source || source.type !== 'inventory' || line.dropShipment || line.specialOrder || source.reserve === 'never') {
    const reason = !source || source.type !== 'inventory' ? 'it is not an inventory item' : source.reserve === 'never' ? `item ${source.no} has Reserve = Never` : 'it is bought for the customer (drop shipment or special order)';
    throw new DomainError('LINE_NOT_RESERVABLE', { lineNo, no: orderNo, reason }, 'lineNo');
  }
  return line;
}

/**
 * Reserve (BC Reserve from Current Line → Auto Reserve): `quantity` (base; default everything not yet
 * reserved) from the given supply, else from free inventory at the line's location first and then
 * from purchase order lines expected by the line's shipment date, earliest first. Returns what is
 * reserved now; a given supply that cannot cover the quantity is refused.
 */
export async function reserveLine(
  tx: Executor, orderNo: string, lineNo: number, request: { quantity?: Decimal; supply?: ReservationSupply }, context: SalesContext,
): Promise<{ reserved: Decimal; reservations: ReservationRow[] }> {
  const line = await reservableLine(tx, orderNo, lineNo);
  const open = outstandingBase(line).minus(sum((await lineReservations(tx, orderNo, lineNo)).map((row) => dec(row.quantityBase))));
  const wanted = request.quantity ?? open;
  if (open.lte(0)) throw new DomainError('NOTHING_TO_RESERVE', { lineNo, no: orderNo }, 'quantity');
  if (wanted.lte(0) || wanted.gt(open)) throw new DomainError('RESERVE_QUANTITY_INVALID', { quantity: wanted.toFixed(5), open: open.toFixed(5) }, 'quantity');
  const inserted = await reserveFrom(tx, line, wanted, request.supply, context.username);
  const reserved = sum(inserted.map((row) => dec(row.quantityBase)));
  if (request.supply ? reserved.lt(wanted) : reserved.isZero()) {
    const available = request.supply ? await freeOn(tx, line, request.supply) : ZERO;
    throw new DomainError('RESERVATION_NOT_POSSIBLE', { quantity: wanted.toFixed(5), itemNo: line.no, available: available.toFixed(5) }, 'quantity');
  }
  return { reserved, reservations: inserted };
}

/**
 * Reserves up to `wanted` for the line (its item row locked by the caller): from the given supply, else
 * free inventory at its location first, then purchase order lines expected by its shipment date.
 * Writes nothing when a given supply cannot cover all of it.
 */
export async function reserveFrom(tx: Executor, line: SalesLineRow, wanted: Decimal, supply: ReservationSupply | undefined, username: string): Promise<ReservationRow[]> {
  const supplies = supply ? [supply] : [{ type: 'inventory' } as const, ...(await assemblySupplies(tx, line)), ...(await purchaseSupplies(tx, line))];
  const rows: Array<typeof reservation.$inferInsert> = [];
  let left = wanted;
  for (const source of supplies) {
    if (left.lte(0)) break;
    const take = Decimal.min(left, await freeOn(tx, line, source));
    if (take.lte(0)) continue;
    rows.push({
      itemNo: line.no, locationCode: line.locationCode ?? '', quantityBase: take.toFixed(5), salesDocumentNo: line.documentNo, salesLineNo: line.lineNo,
      supplyType: source.type, createdBy: username,
      ...(source.type === 'purchaseOrder' ? { purchaseDocumentType: 'order', purchaseDocumentNo: source.documentNo, purchaseLineNo: source.lineNo } : {}),
      ...(source.type === 'assemblyOrder' ? { assemblyDocumentType: 'order', assemblyDocumentNo: source.documentNo } : {}),
    });
    left = left.minus(take);
  }
  if (rows.length === 0 || supply && left.gt(0)) return [];
  return tx.insert(reservation).values(rows).returning();
}
/** Assembly orders of the item at the line's location due by its shipment date and not assembled to order for another line, earliest first. */
async function assemblySupplies(tx: Executor, line: SalesLineRow): Promise<ReservationSupply[]> {
  const rows = await tx.select({ documentNo: assemblyHeader.no }).from(assemblyHeader).where(and(
    eq(assemblyHeader.documentType, 'order'), eq(assemblyHeader.itemNo, line.no), eq(assemblyHeader.assembleToOrder, false),
    sql`coalesce(${assemblyHeader.locationCode}, '') = ${line.locationCode ?? ''}`, sql`${assemblyHeader.remainingQuantity} > 0`,
    line.shipmentDate ? sql`${assemblyHeader.dueDate} <= ${line.shipmentDate}` : undefined,
  )).orderBy(asc(assemblyHeader.dueDate), asc(assemblyHeader.no));
  return rows.map((row) => ({ type: 'assemblyOrder' as const, ...row }));
}

/** Open purchase order lines of the item at the line's location expected by its shipment date, earliest first. */
async function purchaseSupplies(tx: Executor, line: SalesLineRow): Promise<ReservationSupply[]> {
  const rows = await tx.select({ documentNo: purchaseLine.documentNo, lineNo: purchaseLine.lineNo }).from(purchaseLine).where(and(
    eq(purchaseLine.documentType, 'order'), eq(purchaseLine.type, 'item'), eq(purchaseLine.no, line.no), eq(purchaseLine.dropShipment, false),
    sql`coalesce(${purchaseLine.locationCode}, '') = ${line.locationCode ?? ''}`,
    line.shipmentDate ? sql`${purchaseLine.expectedReceiptDate} <= ${line.shipmentDate}` : undefined,
    sql`${purchaseLine.quantityBase} > ${purchaseLine.quantityReceived} * ${purchaseLine.quantityPerUnitOfMeasure}`,
  )).orderBy(asc(purchaseLine.expectedReceiptDate), asc(purchaseLine.documentNo), asc(purchaseLine.lineNo));
  return rows.map((row) => ({ type: 'purchaseOrder' as const, ...row }));
}

/** What a supply still has free: inventory at the location, or a purchase line's outstanding quantity, less what is reserved on it. */
async function freeOn(tx: Executor, line: SalesLineRow, supply: ReservationSupply): Promise<Decimal> {
  const location = line.locationCode ?? '';
  const result = supply.type === 'inventory'
    ? await tx.execute(sql`select (select coalesce(sum(inventory), 0) from item_availability where item_no = ${line.no} and location_code = ${location})
        - (select coalesce(sum(quantity_base), 0) from reservation where item_no = ${line.no} and location_code = ${location} and supply_type = 'inventory') as free`)
    : supply.type === 'assemblyOrder'
    ? await tx.execute(sql`select (select remaining_quantity * quantity_per_unit_of_measure from assembly_header
          where document_type = 'order' and no = ${supply.documentNo} and item_no = ${line.no} and not assemble_to_order)
        - (select coalesce(sum(quantity_base), 0) from reservation where assembly_document_type = 'order' and assembly_document_no = ${supply.documentNo}) as free`)
    : await tx.execute(sql`select (select quantity_base - quantity_received * quantity_per_unit_of_measure from purchase_line
          where document_type = 'order' and document_no = ${supply.documentNo} and line_no = ${supply.lineNo} and type = 'item' and no = ${line.no})
        - (select coalesce(sum(quantity_base), 0) from reservation where purchase_document_no = ${supply.documentNo} and purchase_line_no = ${supply.lineNo}) as free`);
  const free = (result as unknown as { rows: Array<{ free: string | null }> }).rows[0]?.free;
  if (free === null || free === undefined) {
    const entity = supply.type === 'assemblyOrder' ? 'Assembly Order' : 'Purchase Line';
    throw new DomainError('NOT_FOUND', { entity, key: supply.type === 'purchaseOrder' ? `${supply.documentNo} ${supply.lineNo}` : supply.type === 'assemblyOrder' ? supply.documentNo : location }, 'supply');
  }
  return Decimal.max(dec(free), ZERO);
}

/** Cancel Reservation: the line's reservations are removed; returns how much was reserved. */
export async function cancelReservations(tx: Executor, orderNo: string, lineNo: number): Promise<Decimal> {
  await loadDocument(tx, 'order', orderNo, { lock: true });
  const removed = await tx.delete(reservation)
    .where(and(eq(reservation.salesDocumentType, 'order'), eq(reservation.salesDocumentNo, orderNo), eq(reservation.salesLineNo, lineNo))).returning();
  return sum(removed.map((row) => dec(row.quantityBase)));
}
