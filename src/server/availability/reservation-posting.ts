/**
 * Reservations in posting (issue 20 item 3). A sales shipment may not take stock that is reserved
 * for other order lines, and what a reserved line ships consumes its inventory reservations. A
 * purchase receipt moves the reservations on the received quantity from the purchase line onto
 * inventory, so the sales line stays reserved. Each costs one statement when nothing is reserved.
 */
import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { Decimal, dec, sum, ZERO } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { isAnyOf, reusableSelect } from '../db/reusable-select.ts';
import { reservation } from '../db/schema/index.ts';
import type { ReservationRow } from './reservations.ts';

export interface Shipment { documentNo: string; lineNo: number; itemNo: string; locationCode: string; quantityBase: Decimal }

const lineKey = (documentNo: string, lineNo: number) => `${documentNo}\u0000${lineNo}`;
const placeKey = (itemNo: string, locationCode: string) => `${itemNo}\u0000${locationCode}`;

/** Every posted shipment asks: built once (reusable-select.ts), its text the same for any number of items. */
const selectInventoryReservations = reusableSelect((db) => db.select().from(reservation)
  .where(and(eq(reservation.supplyType, 'inventory'), isAnyOf(reservation.itemNo, 'itemNos'))));

/** Refuses a shipment that needs stock reserved for other lines; returns the shipping lines' own inventory reservations. */
export async function checkReservedStock(tx: Executor, shipments: readonly Shipment[]): Promise<ReservationRow[]> {
  if (shipments.length === 0) return [];
  const reserved = await selectInventoryReservations(tx, { itemNos: [...new Set(shipments.map((entry) => entry.itemNo))] });
  if (reserved.length === 0) return [];
  const shipping = new Set(shipments.map((entry) => lineKey(entry.documentNo, entry.lineNo)));
  const own = reserved.filter((row) => shipping.has(lineKey(row.salesDocumentNo, row.salesLineNo)));
  for (const [key, group] of groupBy(shipments, (entry) => placeKey(entry.itemNo, entry.locationCode))) {
    const others = sum(reserved.filter((row) => placeKey(row.itemNo, row.locationCode) === key && !shipping.has(lineKey(row.salesDocumentNo, row.salesLineNo)))
      .map((row) => dec(row.quantityBase)));
    if (others.isZero()) continue;
    const { itemNo, locationCode } = group[0]!;
    const inventory = await inventoryAt(tx, itemNo, locationCode);
    const toShip = sum(group.map((entry) => entry.quantityBase));
    const free = Decimal.max(inventory.minus(others), ZERO);
    if (toShip.gt(free)) {
      throw new DomainError('RESERVED_FOR_OTHER_DEMAND', {
        itemNo, locationCode, toShip: toShip.toFixed(5), inventory: inventory.toFixed(5), reserved: others.toFixed(5), free: free.toFixed(5),
      }, `lines.${group[0]!.lineNo}.quantityToShip`);
    }
  }
  return own;
}

/** The lines' inventory reservations shrink by what they shipped, oldest first. */
export async function consumeReservations(tx: Executor, own: readonly ReservationRow[], shipments: readonly Shipment[]): Promise<void> {
  for (const shipment of shipments) {
    let left = shipment.quantityBase;
    for (const row of own.filter((candidate) => candidate.salesDocumentNo === shipment.documentNo && candidate.salesLineNo === shipment.lineNo)) {
      if (left.lte(0)) break;
      const quantity = dec(row.quantityBase);
      if (quantity.lte(left)) await tx.delete(reservation).where(eq(reservation.id, row.id));
      else await tx.update(reservation).set({ quantityBase: quantity.minus(left).toFixed(5) }).where(eq(reservation.id, row.id));
      left = left.minus(quantity);
    }
  }
}

/** Purchase receipt: the reserved part of each received quantity becomes a reservation on inventory. */
export async function moveReservationsToInventory(tx: Executor, purchaseOrderNo: string, received: ReadonlyMap<number, Decimal>): Promise<void> {
  const rows = await tx.select().from(reservation).where(and(eq(reservation.purchaseDocumentType, 'order'), eq(reservation.purchaseDocumentNo, purchaseOrderNo)));
  const unmoved = new Map(received);
  await moveOntoInventory(tx, rows, (row, quantity) => {
    const left = unmoved.get(row.purchaseLineNo!) ?? ZERO;
    const moved = Decimal.min(left, quantity);
    unmoved.set(row.purchaseLineNo!, left.minus(moved));
    return moved;
  });
}

/** Posting an assembly order's output: the reservations on it move onto inventory for what is output now, oldest first. */
export async function moveAssemblyReservationsToInventory(tx: Executor, assemblyOrderNo: string, outputBase: Decimal): Promise<void> {
  const rows = await tx.select().from(reservation).where(and(eq(reservation.assemblyDocumentType, 'order'), eq(reservation.assemblyDocumentNo, assemblyOrderNo)))
    .orderBy(reservation.createdAt);
  let left = outputBase;
  await moveOntoInventory(tx, rows, (_row, quantity) => {
    const moved = Decimal.min(left, quantity);
    left = left.minus(moved);
    return moved;
  });
}

/** Each reservation gives `take(row, its quantity)` to a new reservation on inventory for the same sales line, and keeps the rest. */
async function moveOntoInventory(tx: Executor, rows: readonly ReservationRow[], take: (row: ReservationRow, quantity: Decimal) => Decimal): Promise<void> {
  for (const row of rows) {
    const quantity = dec(row.quantityBase);
    const moved = take(row, quantity);
    if (moved.lte(0)) continue;
    await tx.insert(reservation).values({
      itemNo: row.itemNo, locationCode: row.locationCode, quantityBase: moved.toFixed(5), salesDocumentType: row.salesDocumentType,
      salesDocumentNo: row.salesDocumentNo, salesLineNo: row.salesLineNo, supplyType: 'inventory', createdBy: row.createdBy,
    });
    if (moved.eq(quantity)) await tx.delete(reservation).where(eq(reservation.id, row.id));
    else await tx.update(reservation).set({ quantityBase: quantity.minus(moved).toFixed(5) }).where(eq(reservation.id, row.id));
  }
}

async function inventoryAt(tx: Executor, itemNo: string, locationCode: string): Promise<Decimal> {
  const result = await tx.execute(sql`select coalesce(sum(inventory), 0)::text as inventory from item_availability where item_no = ${itemNo} and location_code = ${locationCode}`);
  return dec((result as unknown as { rows: Array<{ inventory: string }> }).rows[0]!.inventory);
}

function groupBy<T>(values: readonly T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) groups.set(key(value), [...(groups.get(key(value)) ?? []), value]);
  return groups;
}
