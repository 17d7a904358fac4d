/**
 * Loads what core/inventory/item-posting-planner plans from, locked for the rest of the
 * transaction. The number of statements does not depend on the number of lines: one query for the
 * items and one for the entries involved with their value sums; a posting that invoices inbound
 * entries of FIFO items adds the cost flow from them (cost adjustment): one query for the
 * applications it follows, one for the value entries it corrects and one for Allow Posting From.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { IsoDate } from '../../core/dates/calendar-date.ts';
import type { CostingMethod } from '../../core/inventory/costing.ts';
import type {
  CostFlowState, ItemInvoicing, ItemLedgerDocumentType, ItemMovement, ItemPostingEntry, ItemPostingItem, ItemPostingPlan, ItemPostingState,
  StoredItemApplication,
} from '../../core/inventory/item-posting.types.ts';
import { type Decimal, ZERO, dec } from '../../core/money/decimal.ts';
import { planItemPosting } from '../../core/inventory/item-posting-planner.ts';
import type { Executor } from '../db/connection.ts';
import { isAnyOf, reusableSelect } from '../db/reusable-select.ts';
import { generalLedgerSetup, item, itemInventoryTotal, itemLedgerEntry, valueEntry } from '../db/schema/index.ts';

/**
 * The items of the movements and the entries the posting may change; whether they exist is the
 * planner's to check. `lockedItems`: items the caller read locked already (itemPostingColumns), so
 * that a posting reads its items once (sales-post.checks.ts); the others are read here.
 */
export async function loadItemPostingState(
  tx: Executor, movements: readonly ItemMovement[], invoicings: readonly ItemInvoicing[], lockedItems?: ReadonlyMap<string, ItemPostingItem>,
): Promise<ItemPostingState> {
  // Invoicing an inbound entry may change its cost: the cost flows on to what was applied to it.
  const inbound = invoicings.filter((invoicing) => invoicing.invoicedQuantity.gt(ZERO)).map((invoicing) => invoicing.itemLedgerEntryNo);
  // Every invoiced entry's item is locked before its entries are read, so their value sums include what a
  // posting holding that lock wrote (a cost flowing to them); a caller's locked items cover its own entries.
  const invoiced = lockedItems ? inbound : invoicings.map((invoicing) => invoicing.itemLedgerEntryNo);
  const locked = await loadItems(tx, [...new Set(movements.map((movement) => movement.itemNo))].sort(), invoiced, lockedItems);
  const applications = inbound.length === 0 ? [] : await costFlowApplications(tx, inbound);
  const reached = applications.flatMap((application) => [application.inboundEntryNo, application.outboundEntryNo]);
  const averageItems = locked.filter((row) => row.costingMethod === 'average').map((row) => row.no);
  const { entries, totals } = await loadEntries(tx, movements, invoicings, reached, averageItems);
  const items = locked.map((row) => {
    const total = totals.get(row.no);
    return total ? { ...row, quantityOnHand: total.quantity, inventoryValue: total.value } : row;
  });
  if (applications.length === 0) return { items, entries };
  return { items, entries, costFlow: await loadCostFlow(tx, applications) };
}

/**
 * The items, locked: costing decides from all of an item's entries (FIFO layers, the average), so
 * two postings of one item run one after the other; the items of the entries invoiced too, since
 * their cost may change and flow on (those are not known before: read here, even with `lockedItems`).
 */
async function loadItems(tx: Executor, itemNos: string[], invoiced: number[], lockedItems: ReadonlyMap<string, ItemPostingItem> | undefined): Promise<ItemPostingItem[]> {
  if (itemNos.length === 0 && invoiced.length === 0) return [];
  if (lockedItems && invoiced.length === 0 && itemNos.every((no) => lockedItems.has(no))) return itemNos.map((no) => lockedItems.get(no)!);
  return (await selectItemsLocked(tx, { itemNos, invoiced })).map(itemPostingItemOf);
}

/**
 * What the planner reads of an item row, as select fields. Σ quantity and value of Average items come
 * with the entries (loadEntries): a statement that waits for the item's lock sees the database as it
 * was when the statement began, so sums read by it would miss what the posting it waited for wrote.
 */
export const itemPostingColumns = {
  no: item.no, type: item.type, costingMethod: item.costingMethod, unitCost: item.unitCost, standardCost: item.standardCost,
  preventNegativeInventory: item.preventNegativeInventory,
};

/** A row of itemPostingColumns. */
interface ItemPostingColumns { no: string; type: string; costingMethod: string; unitCost: string; standardCost: string; preventNegativeInventory: string }

/** The item as the planner reads it; its sums zero until loadEntries reads them (Average items only). */
export function itemPostingItemOf(row: ItemPostingColumns): ItemPostingItem {
  return {
    no: row.no, type: row.type, costingMethod: row.costingMethod as CostingMethod, unitCost: dec(row.unitCost), standardCost: dec(row.standardCost),
    preventNegativeInventory: row.preventNegativeInventory, quantityOnHand: ZERO, inventoryValue: ZERO,
  };
}

/**
 * Built once (reusable-select.ts). One `= any(array)` of the items named and those of the invoiced
 * entries, not an OR with a subquery, which PostgreSQL would answer by reading every item.
 */
const selectItemsLocked = reusableSelect((db) => db.select(itemPostingColumns).from(item).where(sql`${item.no} = any(array_cat(${sql.placeholder('itemNos')}::text[],
  array(select e.item_no from item_ledger_entry e where e.entry_no = any(${sql.placeholder('invoiced')}::integer[]))))`)
  .orderBy(item.no).for('update', { of: item }));

/**
 * The entries this posting may change, locked, oldest first, with their value sums: the open
 * entries of every item and location moved (layers to take from, shortages to close), every entry
 * named by a fixed application, an exact cost reversal or an invoicing, and those the cost flows to;
 * and Σ quantity and cost of each of `averageItems` (their items are locked before: these sums are
 * read by a statement that began after the lock, so nothing written before it is missed).
 */
async function loadEntries(
  tx: Executor, movements: readonly ItemMovement[], invoicings: readonly ItemInvoicing[], reached: readonly number[], averageItems: readonly string[],
): Promise<{ entries: ItemPostingEntry[]; totals: Map<string, { quantity: Decimal; value: Decimal }> }> {
  const pairs = [...new Map(movements.map((movement) => [`${movement.itemNo}\u0000${movement.locationCode}`, movement])).values()];
  const named = [
    ...movements.flatMap((movement) => [movement.appliesToEntry, movement.appliesFromEntry]),
    ...invoicings.map((invoicing) => invoicing.itemLedgerEntryNo),
    ...reached,
  ].filter((entryNo): entryNo is number => entryNo !== null);
  const totals = new Map<string, { quantity: Decimal; value: Decimal }>();
  if (pairs.length === 0 && named.length === 0 && averageItems.length === 0) return { entries: [], totals };
  const rows = await selectEntriesLocked(tx, {
    itemNos: pairs.map((pair) => pair.itemNo), locationCodes: pairs.map((pair) => pair.locationCode), named: [...new Set(named)], averageItems,
  });
  const entries: ItemPostingEntry[] = [];
  for (const row of rows) {
    if (row.entryNo === null) {
      totals.set(row.itemNo, { quantity: dec(String(row.totalQuantity)), value: dec(String(row.totalValue)) });
      continue;
    }
    const costAmountExpected = dec(row.costAmountExpected!);
    entries.push({
      id: row.entryNo, itemNo: row.itemNo, locationCode: row.locationCode!, entryType: row.entryType!,
      quantity: dec(row.quantity!), remainingQuantity: dec(row.remainingQuantity!), invoicedQuantity: dec(row.invoicedQuantity!),
      shippedQuantityNotReturned: dec(row.shippedQuantityNotReturned!), open: row.open!,
      costAmount: dec(row.costAmountActual!).plus(costAmountExpected), costAmountExpected, salesAmountExpected: dec(row.salesAmountExpected!),
      postingDate: row.postingDate!, documentType: row.documentType as ItemLedgerDocumentType, documentNo: row.documentNo!, documentLineNo: row.documentLineNo!,
    });
  }
  // A union promises no order: oldest first, as the planner takes them.
  entries.sort((a, b) => a.id - b.id);
  return { entries, totals };
}

/**
 * The open entries of each item and location given (pairs by position), and the entries named, locked,
 * with their value entries' sums (a lateral join), and the totals of the Average items given (rows
 * without an entry number): one round trip, built once (reusable-select.ts), its text the same for any
 * number of them. `open` is written out, not compared with a parameter, so the partial index of open
 * entries serves the join.
 */
const selectEntriesLocked = reusableSelect((db) => {
  const sums = db.select({
    costAmountActual: sql<string>`coalesce(sum(${valueEntry.costAmountActual}), 0)::text`.as('sum_cost_actual'),
    costAmountExpected: sql<string>`coalesce(sum(${valueEntry.costAmountExpected}), 0)::text`.as('sum_cost_expected'),
    salesAmountExpected: sql<string>`coalesce(sum(${valueEntry.salesAmountExpected}), 0)::text`.as('sum_sales_expected'),
  }).from(valueEntry).where(eq(valueEntry.itemLedgerEntryNo, itemLedgerEntry.entryNo)).as('sums');
  const entry = itemLedgerEntry;
  const locked = db.$with('locked_entry').as(db.select({
    entryNo: entry.entryNo, itemNo: entry.itemNo, locationCode: entry.locationCode, entryType: entry.entryType, quantity: entry.quantity,
    remainingQuantity: entry.remainingQuantity, invoicedQuantity: entry.invoicedQuantity, shippedQuantityNotReturned: entry.shippedQuantityNotReturned,
    open: entry.open, postingDate: entry.postingDate, documentType: entry.documentType, documentNo: entry.documentNo, documentLineNo: entry.documentLineNo,
    costAmountActual: sums.costAmountActual, costAmountExpected: sums.costAmountExpected, salesAmountExpected: sums.salesAmountExpected,
  }).from(entry).innerJoinLateral(sums, sql`true`).where(sql`${entry.entryNo} in (
      select e.entry_no from item_ledger_entry e
      join unnest(${sql.placeholder('itemNos')}::text[], ${sql.placeholder('locationCodes')}::text[]) as k(item_no, location_code)
        on e.item_no = k.item_no and e.location_code = k.location_code
      where e.open
      union all select unnest(${sql.placeholder('named')}::integer[]))`)
    .for('update', { of: entry }));
  const none = { integer: sql<number | null>`null::integer`, text: sql<string | null>`null::text`, numeric: sql<string | null>`null::numeric`, boolean: sql<boolean | null>`null::boolean`, date: sql<string | null>`null::date` };
  const nullable = <T>(column: unknown) => sql<T | null>`${column}`;
  const total = itemInventoryTotal;
  return db.with(locked).select({
    entryNo: nullable<number>(locked.entryNo), itemNo: locked.itemNo, locationCode: nullable<string>(locked.locationCode), entryType: nullable<string>(locked.entryType),
    quantity: nullable<string>(locked.quantity), remainingQuantity: nullable<string>(locked.remainingQuantity), invoicedQuantity: nullable<string>(locked.invoicedQuantity),
    shippedQuantityNotReturned: nullable<string>(locked.shippedQuantityNotReturned), open: nullable<boolean>(locked.open), postingDate: nullable<string>(locked.postingDate),
    documentType: nullable<string>(locked.documentType), documentNo: nullable<string>(locked.documentNo), documentLineNo: nullable<number>(locked.documentLineNo),
    costAmountActual: nullable<string>(locked.costAmountActual), costAmountExpected: nullable<string>(locked.costAmountExpected), salesAmountExpected: nullable<string>(locked.salesAmountExpected),
    totalQuantity: none.numeric, totalValue: none.numeric,
  }).from(locked).unionAll(db.select({
    entryNo: none.integer, itemNo: total.itemNo, locationCode: none.text, entryType: none.text, quantity: none.numeric, remainingQuantity: none.numeric,
    invoicedQuantity: none.numeric, shippedQuantityNotReturned: none.numeric, open: none.boolean, postingDate: none.date, documentType: none.text,
    documentNo: none.text, documentLineNo: none.integer, costAmountActual: none.text, costAmountExpected: none.text, salesAmountExpected: none.text,
    totalQuantity: sql<string | null>`sum(${total.quantity})`, totalValue: sql<string | null>`sum(${total.costAmountActual} + ${total.costAmountExpected})`,
  }).from(total).where(isAnyOf(total.itemNo, 'averageItems')).groupBy(total.itemNo));
});

/**
 * Where the cost of the invoiced inbound entries (of FIFO items) may flow, in one recursive query:
 * the outbound entries applied to them, the inbound entries that came back from those at exact cost,
 * the outbound entries applied to these, and so on; answered as every application of the outbound
 * entries reached (so also what they took from other inbound entries).
 */
async function costFlowApplications(tx: Executor, invoicedInbound: readonly number[]): Promise<StoredItemApplication[]> {
  const start = sql.join(invoicedInbound.map((entryNo) => sql`${entryNo}`), sql`, `);
  const result = await tx.execute(sql`
    with recursive reached(entry_no) as (
      select e.entry_no from item_ledger_entry e join item i on i.no = e.item_no
      where e.entry_no in (${start}) and e.positive and i.costing_method = 'fifo'
      union
      select case when a.quantity < 0 then a.outbound_item_entry_no else a.inbound_item_entry_no end
      from item_application_entry a join reached r
        on (a.quantity < 0 and a.inbound_item_entry_no = r.entry_no) or (a.quantity > 0 and a.outbound_item_entry_no = r.entry_no)
      where a.outbound_item_entry_no is not null
    )
    select a.inbound_item_entry_no, a.outbound_item_entry_no, a.quantity from item_application_entry a
    where a.outbound_item_entry_no in (select entry_no from reached) order by a.entry_no`);
  const rows = (result as unknown as { rows: { inbound_item_entry_no: number; outbound_item_entry_no: number; quantity: string }[] }).rows;
  return rows.map((row) => ({ inboundEntryNo: Number(row.inbound_item_entry_no), outboundEntryNo: Number(row.outbound_item_entry_no), quantity: dec(String(row.quantity)) }));
}

/** The cost flow's value entries (of the entries whose cost derives from others), oldest first, and Allow Posting From. */
async function loadCostFlow(tx: Executor, applications: readonly StoredItemApplication[]): Promise<CostFlowState> {
  const derived = [...new Set(applications.map((application) => (application.quantity.isNegative() ? application.outboundEntryNo : application.inboundEntryNo)))];
  const rows = await tx.select({
    itemLedgerEntryNo: valueEntry.itemLedgerEntryNo, postingDate: valueEntry.postingDate, documentType: valueEntry.documentType,
    documentNo: valueEntry.documentNo, documentLineNo: valueEntry.documentLineNo, description: valueEntry.description,
    sourceType: valueEntry.sourceType, sourceNo: valueEntry.sourceNo, locationCode: valueEntry.locationCode,
    inventoryPostingGroup: valueEntry.inventoryPostingGroup, genBusPostingGroup: valueEntry.genBusPostingGroup, genProdPostingGroup: valueEntry.genProdPostingGroup,
    invoicedQuantity: valueEntry.invoicedQuantity, costAmountActual: valueEntry.costAmountActual, costAmountExpected: valueEntry.costAmountExpected,
  }).from(valueEntry).where(inArray(valueEntry.itemLedgerEntryNo, derived)).orderBy(asc(valueEntry.entryNo));
  const [setup] = await tx.select({ allowPostingFrom: generalLedgerSetup.allowPostingFrom }).from(generalLedgerSetup);
  return {
    applications,
    valueEntries: rows.map((row) => ({
      ...row, documentType: row.documentType as ItemLedgerDocumentType,
      invoicedQuantity: dec(row.invoicedQuantity), costAmountActual: dec(row.costAmountActual), costAmountExpected: dec(row.costAmountExpected),
    })),
    allowPostingFrom: (setup?.allowPostingFrom ?? null) as IsoDate | null,
  };
}

/** The Inventory Setup switches an item plan follows. */
export interface ItemPlanSetup { preventNegativeInventory: boolean; automaticCostPosting: boolean; expectedCostPostingToGl: boolean }

/** The item plan of a document posting: the state its movements and invoicings touch (locked), planned; null when there are none. */
export async function planDocumentItems(
  tx: Executor, movements: readonly ItemMovement[], invoicings: readonly ItemInvoicing[], setup: ItemPlanSetup, lockedItems?: ReadonlyMap<string, ItemPostingItem>,
): Promise<ItemPostingPlan | null> {
  if (movements.length === 0 && invoicings.length === 0) return null;
  const { preventNegativeInventory, automaticCostPosting, expectedCostPostingToGl } = setup;
  return planItemPosting(await loadItemPostingState(tx, movements, invoicings, lockedItems), movements, invoicings, { preventNegativeInventory, automaticCostPosting, expectedCostPostingToGl });
}
