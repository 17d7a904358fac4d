import { eq, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec, sum } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { item, itemLedgerEntry, valueEntry } from '../db/schema/index.ts';

export interface ItemInventory {
  itemNo: string;
  /** Σ Quantity of the item's ledger entries, all locations. */
  inventory: string;
  /** The same per location ('' = no location), locations that ever held the item. */
  byLocation: { locationCode: string; quantity: string }[];
  unitCost: string;
  /** Σ Cost Amount (Actual + Expected) of its value entries. */
  inventoryValue: string;
}

/** An item's stock, derived from the books: quantities from the item ledger, value from the value entries. */
export async function itemInventory(tx: Executor, itemNo: string): Promise<ItemInventory> {
  const [found] = await tx.select({ no: item.no, unitCost: item.unitCost }).from(item).where(eq(item.no, itemNo));
  if (!found) throw new DomainError('NOT_FOUND', { entity: 'Item', key: itemNo });
  const byLocation = await tx.select({ locationCode: itemLedgerEntry.locationCode, quantity: sql<string>`sum(${itemLedgerEntry.quantity})` })
    .from(itemLedgerEntry).where(eq(itemLedgerEntry.itemNo, itemNo))
    .groupBy(itemLedgerEntry.locationCode).orderBy(itemLedgerEntry.locationCode);
  const [value] = await tx.select({ amount: sql<string>`coalesce(sum(${valueEntry.costAmountActual} + ${valueEntry.costAmountExpected}), 0)` })
    .from(valueEntry).where(eq(valueEntry.itemNo, itemNo));
  const quantities = byLocation.map((row) => ({ locationCode: row.locationCode, quantity: dec(String(row.quantity)).toString() }));
  return {
    itemNo,
    inventory: sum(quantities.map((row) => dec(row.quantity))).toString(),
    byLocation: quantities,
    unitCost: found.unitCost,
    inventoryValue: dec(String(value!.amount)).toFixed(2),
  };
}
