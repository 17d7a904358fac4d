/**
 * Loads what core/inventory/item-posting-planner plans from, locked for the rest of the
 * transaction. The number of statements does not depend on the number of lines: one query for the
 * items, one for the entries involved and one for their value sums.
 */
import { type SQL, and, eq, inArray, or, sql } from 'drizzle-orm';
import type { CostingMethod } from '../../core/inventory/costing.ts';
import type {
  ItemInvoicing, ItemMovement, ItemPostingEntry, ItemPostingItem, ItemPostingPlan, ItemPostingState,
} from '../../core/inventory/item-posting.types.ts';
import { dec } from '../../core/money/decimal.ts';
import { planItemPosting } from '../../core/inventory/item-posting-planner.ts';
import type { Executor } from '../db/connection.ts';
import { item, itemLedgerEntry, valueEntry } from '../db/schema/index.ts';

/** The items of the movements and the entries the posting may change; whether they exist is the planner's to check. */
export async function loadItemPostingState(
  tx: Executor, movements: readonly ItemMovement[], invoicings: readonly ItemInvoicing[],
): Promise<ItemPostingState> {
  const items = await loadItems(tx, [...new Set(movements.map((movement) => movement.itemNo))]);
  return { items, entries: await loadEntries(tx, movements, invoicings) };
}

/**
 * The items, locked: costing decides from all of an item's entries (FIFO layers, the average), so
 * two postings of one item run one after the other. Σ quantity and value only for Average items.
 */
async function loadItems(tx: Executor, itemNos: string[]): Promise<ItemPostingItem[]> {
  if (itemNos.length === 0) return [];
  const isAverage = sql`${item.costingMethod} = 'average'`;
  const rows = await tx.select({
    no: item.no, type: item.type, costingMethod: item.costingMethod, unitCost: item.unitCost, standardCost: item.standardCost,
    preventNegativeInventory: item.preventNegativeInventory,
    quantityOnHand: sql<string>`case when ${isAverage} then (select coalesce(sum(e.quantity), 0) from item_ledger_entry e where e.item_no = ${item.no}) else 0 end`,
    inventoryValue: sql<string>`case when ${isAverage} then (select coalesce(sum(v.cost_amount_actual + v.cost_amount_expected), 0) from value_entry v where v.item_no = ${item.no}) else 0 end`,
  }).from(item).where(inArray(item.no, itemNos)).orderBy(item.no).for('update', { of: item });
  return rows.map((row) => ({
    no: row.no, type: row.type, costingMethod: row.costingMethod as CostingMethod, unitCost: dec(row.unitCost), standardCost: dec(row.standardCost),
    preventNegativeInventory: row.preventNegativeInventory, quantityOnHand: dec(String(row.quantityOnHand)),
    inventoryValue: dec(String(row.inventoryValue)),
  }));
}

/**
 * The entries this posting may change, locked, oldest first, with their value sums: the open
 * entries of every item and location moved (layers to take from, shortages to close) and every
 * entry named by a fixed application, an exact cost reversal or an invoicing.
 */
async function loadEntries(tx: Executor, movements: readonly ItemMovement[], invoicings: readonly ItemInvoicing[]): Promise<ItemPostingEntry[]> {
  const conditions = entryConditions(movements, invoicings);
  // No condition would select every entry.
  if (conditions.length === 0) return [];
  const rows = await tx.select().from(itemLedgerEntry).where(or(...conditions)).orderBy(itemLedgerEntry.entryNo).for('update');
  if (rows.length === 0) return [];
  const sums = await tx.select({
    entryNo: valueEntry.itemLedgerEntryNo,
    costAmountActual: sql<string>`sum(${valueEntry.costAmountActual})`,
    costAmountExpected: sql<string>`sum(${valueEntry.costAmountExpected})`,
    salesAmountExpected: sql<string>`sum(${valueEntry.salesAmountExpected})`,
  }).from(valueEntry).where(inArray(valueEntry.itemLedgerEntryNo, rows.map((row) => row.entryNo))).groupBy(valueEntry.itemLedgerEntryNo);
  const sumOf = new Map(sums.map((row) => [row.entryNo, row]));
  return rows.map((row) => {
    const value = sumOf.get(row.entryNo);
    const costAmountExpected = dec(value?.costAmountExpected ?? '0');
    return {
      id: row.entryNo, itemNo: row.itemNo, locationCode: row.locationCode, entryType: row.entryType,
      quantity: dec(row.quantity), remainingQuantity: dec(row.remainingQuantity), invoicedQuantity: dec(row.invoicedQuantity),
      shippedQuantityNotReturned: dec(row.shippedQuantityNotReturned), open: row.open,
      costAmount: dec(value?.costAmountActual ?? '0').plus(costAmountExpected), costAmountExpected,
      salesAmountExpected: dec(value?.salesAmountExpected ?? '0'),
    };
  });
}

function entryConditions(movements: readonly ItemMovement[], invoicings: readonly ItemInvoicing[]): SQL[] {
  const pairs = [...new Map(movements.map((movement) => [`${movement.itemNo}\u0000${movement.locationCode}`, movement])).values()];
  const named = [
    ...movements.flatMap((movement) => [movement.appliesToEntry, movement.appliesFromEntry]),
    ...invoicings.map((invoicing) => invoicing.itemLedgerEntryNo),
  ].filter((entryNo): entryNo is number => entryNo !== null);
  const conditions: SQL[] = [];
  if (pairs.length > 0) {
    const tuples = sql.join(pairs.map((pair) => sql`(${pair.itemNo}, ${pair.locationCode})`), sql`, `);
    conditions.push(and(eq(itemLedgerEntry.open, true), sql`(${itemLedgerEntry.itemNo}, ${itemLedgerEntry.locationCode}) in (${tuples})`)!);
  }
  if (named.length > 0) conditions.push(inArray(itemLedgerEntry.entryNo, [...new Set(named)]));
  return conditions;
}

/** The Inventory Setup switches an item plan follows. */
export interface ItemPlanSetup { preventNegativeInventory: boolean; automaticCostPosting: boolean; expectedCostPostingToGl: boolean }

/** The item plan of a document posting: the state its movements and invoicings touch (locked), planned; null when there are none. */
export async function planDocumentItems(
  tx: Executor, movements: readonly ItemMovement[], invoicings: readonly ItemInvoicing[], setup: ItemPlanSetup,
): Promise<ItemPostingPlan | null> {
  if (movements.length === 0 && invoicings.length === 0) return null;
  const { preventNegativeInventory, automaticCostPosting, expectedCostPostingToGl } = setup;
  return planItemPosting(await loadItemPostingState(tx, movements, invoicings), movements, invoicings, { preventNegativeInventory, automaticCostPosting, expectedCostPostingToGl });
}
