/**
 * The item posting planner (spec §7.5, §7.6, §17.3, §17.5, §23.3): from the loaded items and
 * entries, plans the item ledger entries of a posting with their value entries and application
 * entries, and the derived quantities of the earlier entries they close, invoice or return.
 * core/inventory/costing decides what things cost; this file keeps the running state of one
 * posting and turns the decisions into rows. server/ledger loads the state and writes the plan.
 */
import { DomainError } from '../errors.ts';
import { type Decimal, ZERO } from '../money/decimal.ts';
import { roundUnitAmount } from '../money/rounding.ts';
import { planCostAdjustments } from './cost-adjustment.ts';
import { type ItemCosts, averageUnitCost, costOutbound, invoiceEntry, splitByInvoicedQuantity, valueInbound } from './costing.ts';
import { ItemPostingWork, type WorkingEntry, type WorkingItem } from './item-posting-work.ts';
import { plannedValueEntry, postedValue } from './item-posting-values.ts';
import type {
  ItemInvoicing, ItemMovement, ItemPostingOptions, ItemPostingPlan, ItemPostingState, PostedItemValue,
} from './item-posting.types.ts';

/**
 * Movements are planned in their order, then invoicings: a later line sees what an earlier one
 * took or brought; then the cost adjustments of what the invoicings revalued (cost-adjustment.ts).
 * Throws NOT_FOUND (item or invoiced entry), INSUFFICIENT_INVENTORY, APPLICATION_INVALID and
 * SHIPMENT_ALREADY_INVOICED; the state is not changed.
 */
export function planItemPosting(
  state: ItemPostingState, movements: readonly ItemMovement[], invoicings: readonly ItemInvoicing[], options: ItemPostingOptions,
): ItemPostingPlan {
  checkItems(state, movements);
  const work = new ItemPostingWork(state, options);
  const postedMovements = movements.map((movement) => planMovement(work, movement));
  const postedInvoicings = invoicings.map((invoicing) => planInvoicing(work, invoicing));
  // Last: what the invoicings changed flows on to the entries applied to them (Adjust Cost).
  return work.toPlan(postedMovements, postedInvoicings, planCostAdjustments(work, state));
}

function checkItems(state: ItemPostingState, movements: readonly ItemMovement[]): void {
  for (const itemNo of new Set(movements.map((movement) => movement.itemNo))) {
    const found = state.items.find((candidate) => candidate.no === itemNo);
    if (!found) throw new DomainError('NOT_FOUND', { entity: 'Item', key: itemNo });
    // The sales posting sends inventory items only; anything else has no stock to cost.
    if (found.type !== 'inventory') throw new Error(`Item ${itemNo} is not an inventory item (type ${found.type}); it has no item ledger entries.`);
  }
}

// ---------------------------------------------------------------------------------------- movements

function planMovement(work: ItemPostingWork, movement: ItemMovement): PostedItemValue {
  const item = work.items.get(movement.itemNo)!;
  const { entry, costAmount, unitCost } = movement.quantity.isNegative()
    ? planOutbound(work, item, movement)
    : planInbound(work, item, movement);
  item.quantityOnHand = item.quantityOnHand.plus(movement.quantity);
  item.inventoryValue = item.inventoryValue.plus(costAmount);
  if (item.costingMethod === 'average' && movement.quantity.gt(ZERO) && item.quantityOnHand.gt(ZERO)) {
    item.unitCost = roundUnitAmount(item.inventoryValue.div(item.quantityOnHand));
    item.unitCostChanged = true;
  }
  return planMovementValue(work, movement, entry, costAmount, unitCost);
}

function itemCosts(item: WorkingItem): ItemCosts {
  return {
    costingMethod: item.costingMethod, unitCost: item.unitCost, standardCost: item.standardCost,
    averageUnitCost: averageUnitCost(item.inventoryValue, item.quantityOnHand, item.unitCost),
  };
}

function preventsNegativeInventory(item: WorkingItem, options: ItemPostingOptions): boolean {
  return item.preventNegativeInventory === 'default' ? options.preventNegativeInventory : item.preventNegativeInventory === 'yes';
}

/** Takes the stock from the open inbound entries; what none can give stays open as a shortage. */
function planOutbound(work: ItemPostingWork, item: WorkingItem, given: ItemMovement) {
  // A drop shipment's sale applies to the purchase entry planned just before it in the same posting.
  const movement = given.appliesToMovement === undefined ? given : { ...given, appliesToEntry: work.entryOfMovement(given.appliesToMovement)?.id ?? null };
  const quantity = movement.quantity.negated();
  const layers = work.openEntries(movement.itemNo, movement.locationCode, true);
  const costing = costOutbound({
    quantity, appliesToEntry: movement.appliesToEntry, item: itemCosts(item),
    layers: layers.map((layer) => ({ entryNo: layer.id, quantity: layer.quantity, costAmount: layer.costAmount, remainingQuantity: layer.remainingQuantity })),
  });
  if (costing.shortage.gt(ZERO) && preventsNegativeInventory(item, work.options)) {
    const available = layers.reduce((total, layer) => total.plus(layer.remainingQuantity), ZERO);
    throw new DomainError('INSUFFICIENT_INVENTORY', {
      itemNo: movement.itemNo, locationCode: movement.locationCode, available: available.toString(), requested: quantity.toString(),
    });
  }
  const costAmount = costing.costAmount.negated();
  const entry = work.addEntry(movement, {
    remainingQuantity: movement.quantity, costAmount, costAmountExpected: ZERO, salesAmountExpected: ZERO,
  });
  for (const application of costing.applications) {
    work.apply(entry.id, layers.find((layer) => layer.id === application.inboundEntryNo)!, entry, application.quantity);
  }
  return { entry, costAmount, unitCost: roundUnitAmount(costing.costAmount.div(quantity)) };
}

/** An inbound entry: valued, then closing the shortages of earlier outbound entries oldest first. */
function planInbound(work: ItemPostingWork, item: WorkingItem, movement: ItemMovement) {
  const from = movement.appliesFromEntry === null ? null : returnedFrom(work, movement);
  const valued = valueInbound({
    quantity: movement.quantity, unitCost: movement.unitCost, item: itemCosts(item),
    appliesFrom: from && { quantity: from.quantity, costAmount: from.costAmount },
  });
  // A purchase brings its line's exact amount, an assembly output what its consumption cost; the unit cost is what that makes per unit.
  const exactCost = movement.costOfMovements ? consumedCost(work, movement.costOfMovements) : movement.costAmount;
  const valuation = exactCost === undefined || from ? valued
    : { costAmount: exactCost, unitCost: roundUnitAmount(exactCost.div(movement.quantity)) };
  const entry = work.addEntry(movement, {
    remainingQuantity: movement.quantity, costAmount: valuation.costAmount, costAmountExpected: ZERO, salesAmountExpected: ZERO,
  });
  // The inbound entry's own application row; a return names the sale it comes back from (cost application).
  work.applications.push({ itemLedgerEntryId: entry.id, inboundItemEntryId: entry.id, outboundItemEntryId: from?.id ?? null, quantity: movement.quantity });
  // A return closes the shortage of the sale it reverses first, then the others oldest first (a stable sort).
  const isFrom = (shortage: WorkingEntry) => (shortage.id === from?.id ? 1 : 0);
  const shortages = work.openEntries(movement.itemNo, movement.locationCode, false).sort((a, b) => isFrom(b) - isFrom(a));
  for (const shortage of shortages) {
    if (!entry.open) break;
    const take = entry.remainingQuantity.lessThan(shortage.remainingQuantity.negated()) ? entry.remainingQuantity : shortage.remainingQuantity.negated();
    work.apply(entry.id, entry, shortage, take);
  }
  return { entry, costAmount: valuation.costAmount, unitCost: valuation.unitCost };
}

/** What the named movements of this posting took out of stock, as a positive cost. */
function consumedCost(work: ItemPostingWork, keys: readonly string[]): Decimal {
  return keys.reduce((total, key) => {
    const entry = work.entryOfMovement(key);
    if (!entry) throw new Error(`Movement ${key} is not planned before the output that is worth its cost.`);
    return total.minus(entry.costAmount);
  }, ZERO);
}

/** Exact cost reversal (§17.5): the sale it comes back from, which must still have that much not returned. */
function returnedFrom(work: ItemPostingWork, movement: ItemMovement): WorkingEntry {
  const from = work.entry(movement.appliesFromEntry!);
  const refuse = (reason: string) => new DomainError('APPLICATION_INVALID', { entryField: 'appliesFromEntry', entryNo: movement.appliesFromEntry, reason });
  if (!from || from.itemNo !== movement.itemNo || from.quantity.gt(ZERO)) {
    throw refuse(`item ledger entry ${movement.appliesFromEntry} is not an outbound entry of item ${movement.itemNo}`);
  }
  const notReturned = from.shippedQuantityNotReturned.negated();
  if (notReturned.lessThan(movement.quantity)) {
    throw refuse(`only ${notReturned.toString()} of item ledger entry ${from.id} are not yet returned, ${movement.quantity.toString()} cannot come back`);
  }
  from.shippedQuantityNotReturned = from.shippedQuantityNotReturned.plus(movement.quantity);
  from.changed = true;
  return from;
}

/**
 * The movement's value entry: the part invoiced in this posting as actual amounts, the rest as
 * expected, split exactly by quantity. Discounts belong to invoicing, so only the invoiced share.
 */
function planMovementValue(work: ItemPostingWork, movement: ItemMovement, entry: WorkingEntry, costAmount: Decimal, unitCost: Decimal): PostedItemValue {
  const split = (amount: Decimal) => splitByInvoicedQuantity(amount, movement.quantity, movement.invoicedQuantity);
  // A purchase received and invoiced at once: the invoiced part at exactly what the invoice posts (not a share by quantity).
  const invoicedCost = movement.invoiced?.costAmount;
  const cost = invoicedCost === undefined ? split(costAmount) : { actual: invoicedCost, expected: costAmount.minus(invoicedCost) };
  const sales = movement.invoiced
    ? { actual: movement.invoiced.salesAmount, expected: movement.salesAmount.minus(movement.invoiced.salesAmount) }
    : split(movement.salesAmount);
  entry.costAmountExpected = cost.expected;
  entry.salesAmountExpected = sales.expected;
  work.values.push(plannedValueEntry(entry.id, work.options, movement, {
    itemNo: movement.itemNo, itemLedgerEntryType: movement.entryType, locationCode: movement.locationCode,
    itemLedgerEntryQuantity: movement.quantity, invoicedQuantity: movement.invoicedQuantity, valuedQuantity: movement.quantity, costPerUnit: unitCost,
    costAmountActual: cost.actual, costAmountExpected: cost.expected, salesAmountActual: sales.actual, salesAmountExpected: sales.expected,
    discountAmount: movement.invoiced ? movement.invoiced.discountAmount : split(movement.discountAmount).actual,
  }));
  return postedValue(movement, entry.id, cost.actual, cost.expected, unitCost);
}

// --------------------------------------------------------------------------------------- invoicings

/** Billing an entry shipped or received earlier (§7.6): expected becomes actual for the invoiced part. */
function planInvoicing(work: ItemPostingWork, invoicing: ItemInvoicing): PostedItemValue {
  const entry = work.entry(invoicing.itemLedgerEntryNo);
  if (!entry) throw new DomainError('NOT_FOUND', { entity: 'Item Ledger Entry', key: String(invoicing.itemLedgerEntryNo) });
  const result = invoiceEntry({
    entryNo: entry.id, quantity: entry.quantity, invoicedQuantity: entry.invoicedQuantity,
    costAmountExpected: entry.costAmountExpected, salesAmountExpected: entry.salesAmountExpected, quantityToInvoice: invoicing.invoicedQuantity,
  });
  // A purchase invoice values the part it bills at its own amount: the expected cost is reversed all the same.
  if (invoicing.costAmountActual !== undefined) result.costAmountActual = invoicing.costAmountActual;
  entry.invoicedQuantity = entry.invoicedQuantity.plus(invoicing.invoicedQuantity);
  entry.costAmountExpected = entry.costAmountExpected.plus(result.costAmountExpected);
  entry.costAmount = entry.costAmount.plus(result.costAmountActual).plus(result.costAmountExpected);
  entry.salesAmountExpected = entry.salesAmountExpected.plus(result.salesAmountExpected);
  entry.changed = true;
  const unitCost = roundUnitAmount(result.costAmountActual.div(invoicing.invoicedQuantity).abs());
  work.values.push(plannedValueEntry(entry.id, work.options, invoicing, {
    itemNo: entry.itemNo, itemLedgerEntryType: entry.entryType, locationCode: entry.locationCode,
    itemLedgerEntryQuantity: ZERO, invoicedQuantity: invoicing.invoicedQuantity, valuedQuantity: invoicing.invoicedQuantity, costPerUnit: unitCost,
    costAmountActual: result.costAmountActual, costAmountExpected: result.costAmountExpected,
    salesAmountActual: invoicing.salesAmount, salesAmountExpected: result.salesAmountExpected, discountAmount: invoicing.discountAmount,
  }));
  return postedValue({ ...invoicing, locationCode: entry.locationCode }, entry.id, result.costAmountActual, result.costAmountExpected, unitCost);
}
