/**
 * The rows and changes of an item posting plan (core/inventory/item-posting-planner): the new item
 * ledger, value and application entries (appendPosting numbers and inserts them, a preview shows
 * them), one UPDATE of the existing entries' derived columns and one of the Average items' Unit Cost,
 * whatever the number of lines.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { ChangedItemLedgerEntry, ChangedItemUnitCost, ItemPostingPlan } from '../../core/inventory/item-posting.types.ts';
import type { Decimal } from '../../core/money/decimal.ts';
import type { itemApplicationEntry, itemLedgerEntry, valueEntry } from '../db/schema/index.ts';

/** What every row of one posting transaction shares. */
export interface ItemPlanFacts {
  transactionNo: number;
  postingDate: string;
  userId: string;
}

export interface ItemPlanRows {
  itemLedgerEntries: (typeof itemLedgerEntry.$inferInsert)[];
  valueEntries: (typeof valueEntry.$inferInsert)[];
  itemApplicationEntries: (typeof itemApplicationEntry.$inferInsert)[];
}

/** id → entry number: provisional ids (< 0) of new entries become their numbers, existing numbers stay. */
export type EntryNoOf = (id: number) => number;

/** The rows the writer inserts; entryNoOf numbers the entries the value and application rows point at. */
export function itemPlanRows(plan: ItemPostingPlan, facts: ItemPlanFacts, entryNoOf: EntryNoOf): ItemPlanRows {
  const amount = (value: Decimal) => value.toFixed(2);
  return {
    itemLedgerEntries: itemLedgerEntryRows(plan, facts, entryNoOf),
    // A cost adjustment is dated as the value entry it corrects; every other one as the posting.
    // The columns the plan lacks come before its spread, the ones it holds as Decimals after: V8 keeps such a literal compact.
    valueEntries: plan.valueEntries.map(({ itemLedgerEntryId, postingDate, ...value }) => ({
      itemLedgerEntryNo: entryNoOf(itemLedgerEntryId), postingDate: postingDate ?? facts.postingDate, transactionNo: facts.transactionNo, userId: facts.userId,
      ...value, itemLedgerEntryQuantity: value.itemLedgerEntryQuantity.toString(), invoicedQuantity: value.invoicedQuantity.toString(),
      valuedQuantity: value.valuedQuantity.toString(), costPerUnit: value.costPerUnit.toString(),
      costAmountActual: amount(value.costAmountActual), costAmountExpected: amount(value.costAmountExpected),
      salesAmountActual: amount(value.salesAmountActual), salesAmountExpected: amount(value.salesAmountExpected),
      discountAmount: amount(value.discountAmount), costPostedToGl: amount(value.costPostedToGl),
      expectedCostPostedToGl: amount(value.expectedCostPostedToGl),
    })),
    itemApplicationEntries: plan.itemApplicationEntries.map((application) => ({
      itemLedgerEntryNo: entryNoOf(application.itemLedgerEntryId),
      inboundItemEntryNo: entryNoOf(application.inboundItemEntryId),
      outboundItemEntryNo: application.outboundItemEntryId === null ? null : entryNoOf(application.outboundItemEntryId),
      quantity: application.quantity.toString(),
      postingDate: facts.postingDate,
      transactionNo: facts.transactionNo,
    })),
  };
}

/** The new entries, in plan order, with their derived columns as the posting left them; the identity column numbers them. */
function itemLedgerEntryRows(plan: ItemPostingPlan, facts: ItemPlanFacts, entryNoOf: EntryNoOf): ItemPlanRows['itemLedgerEntries'] {
  return plan.itemLedgerEntries.map(({ id: _provisional, ...entry }) => ({
    transactionNo: facts.transactionNo, postingDate: facts.postingDate, userId: facts.userId,
    // A drop shipment's sale applies to the purchase entry of the same posting, numbered only now.
    ...entry, appliesToEntry: entry.appliesToEntry === null ? null : entryNoOf(entry.appliesToEntry),
    quantity: entry.quantity.toString(), quantityPerUnitOfMeasure: entry.quantityPerUnitOfMeasure.toString(),
    remainingQuantity: entry.remainingQuantity.toString(), invoicedQuantity: entry.invoicedQuantity.toString(),
    shippedQuantityNotReturned: entry.shippedQuantityNotReturned.toString(),
  }));
}

/**
 * The plan's changes to existing rows, as statements for the append to send with its inserts: the
 * derived columns of the earlier entries and the Average items' Unit Cost (one UPDATE each).
 */
export function itemPlanUpdates(plan: ItemPostingPlan): SQL[] {
  return [...existingEntriesUpdate(plan.changedEntries), ...unitCostsUpdate(plan.changedUnitCosts)];
}

/**
 * The derived columns of the earlier entries this posting closed, invoiced or returned: one UPDATE.
 * The rows travel as one JSON parameter (as bulk-insert.ts's do), so the text is the same whatever
 * their number, and a server plans it once per connection.
 */
function existingEntriesUpdate(entries: readonly ChangedItemLedgerEntry[]): SQL[] {
  if (entries.length === 0) return [];
  const rows = JSON.stringify(entries.map((entry) => ({
    entry_no: entry.id, remaining_quantity: entry.remainingQuantity.toString(), invoiced_quantity: entry.invoicedQuantity.toString(),
    open: entry.open, completely_invoiced: entry.completelyInvoiced, shipped_quantity_not_returned: entry.shippedQuantityNotReturned.toString(),
  })));
  return [sql`
    update item_ledger_entry as e set
      remaining_quantity = v.remaining_quantity, invoiced_quantity = v.invoiced_quantity, open = v.open,
      completely_invoiced = v.completely_invoiced, shipped_quantity_not_returned = v.shipped_quantity_not_returned
    from json_to_recordset(${rows}::json) as v(entry_no integer, remaining_quantity numeric, invoiced_quantity numeric, open boolean, completely_invoiced boolean, shipped_quantity_not_returned numeric)
    where e.entry_no = v.entry_no`];
}

/** Average items: Unit Cost follows the average after stock came in (an ordinary record change: version + 1). */
function unitCostsUpdate(items: readonly ChangedItemUnitCost[]): SQL[] {
  if (items.length === 0) return [];
  const rows = JSON.stringify(items.map((changed) => ({ no: changed.itemNo, unit_cost: changed.unitCost.toString() })));
  return [sql`
    update item as i set unit_cost = v.unit_cost, version = i.version + 1, updated_at = now()
    from json_to_recordset(${rows}::json) as v(no text, unit_cost numeric)
    where i.no = v.no`];
}
