/**
 * The item ledger writer (spec §7.5, §7.6, §17.3, §17.5, §23.3): item ledger entries, their value
 * entries and application entries, and the derived quantities of the entries they close, invoice
 * or return. core/inventory/costing decides what things cost; this file loads, keeps the running
 * state of one posting in memory, and writes.
 *
 * The number of statements does not depend on the number of lines (a 100-line order costs what a
 * 1-line order costs): one query each for the items, the entries involved (locked) and their
 * value sums; one INSERT per table; one UPDATE of existing entries and one of the items' average
 * cost. Lines of one posting see each other through the in-memory state: a sale can take the stock
 * a positive adjustment earlier in the same batch brought in.
 */
import { type SQL, and, eq, inArray, or, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import {
  type CostingMethod, type ItemCosts, averageUnitCost, costOutbound, invoiceEntry, splitByInvoicedQuantity, valueInbound,
} from '../../core/inventory/costing.ts';
import { type Decimal, ZERO, dec } from '../../core/money/decimal.ts';
import { roundUnitAmount } from '../../core/money/rounding.ts';
import type { Executor } from '../db/connection.ts';
import { item, itemApplicationEntry, itemLedgerEntry, valueEntry } from '../db/schema/index.ts';
import type { ItemInvoicing, ItemMovement, ItemPostingLineFacts, ItemPostingOptions, PostedItemValue } from './item-ledger.types.ts';
import type { Register } from './register.ts';

/**
 * An item ledger entry as this posting sees it. New entries get provisional ids (−1, −2 …) until
 * the INSERT numbers them; existing ones keep their entry number.
 */
interface EntryState {
  id: number;
  itemNo: string;
  locationCode: string;
  entryType: string;
  quantity: Decimal;
  remainingQuantity: Decimal;
  invoicedQuantity: Decimal;
  shippedQuantityNotReturned: Decimal;
  open: boolean;
  /** Σ Cost Amount (Actual + Expected), Σ Cost / Sales Amount (Expected) of its value entries. */
  costAmount: Decimal;
  costAmountExpected: Decimal;
  salesAmountExpected: Decimal;
  changed: boolean;
}

interface ItemState {
  no: string;
  type: string;
  costingMethod: CostingMethod;
  unitCost: Decimal;
  standardCost: Decimal;
  preventNegativeInventory: string;
  /** Only kept for Average items: Σ quantity and Σ cost of all its entries. */
  quantityOnHand: Decimal;
  inventoryValue: Decimal;
  unitCostChanged: boolean;
}

type NewEntryRow = typeof itemLedgerEntry.$inferInsert;
type ValueEntryRow = typeof valueEntry.$inferInsert;
interface ApplicationRow { itemLedgerEntryId: number; inboundId: number; outboundId: number | null; quantity: Decimal }

/** Everything one call writes, built in memory first. */
class ItemPosting {
  readonly entries: EntryState[] = [];
  readonly newEntries: { state: EntryState; row: NewEntryRow }[] = [];
  readonly applications: ApplicationRow[] = [];
  readonly values: { entryId: number; row: Omit<ValueEntryRow, 'itemLedgerEntryNo'> }[] = [];

  constructor(readonly register: Register, readonly options: ItemPostingOptions, readonly items: Map<string, ItemState>, existing: EntryState[]) {
    this.entries.push(...existing);
  }

  entry(id: number): EntryState | undefined {
    return this.entries.find((candidate) => candidate.id === id);
  }

  /** Open entries of the item at the location, oldest first: inbound layers or outbound shortages. */
  openEntries(itemNo: string, locationCode: string, positive: boolean): EntryState[] {
    return this.entries.filter((entry) => entry.itemNo === itemNo && entry.locationCode === locationCode && entry.open
      && entry.quantity.gt(ZERO) === positive);
  }

  addEntry(movement: ItemMovement, fields: Pick<EntryState, 'remainingQuantity' | 'costAmount' | 'costAmountExpected' | 'salesAmountExpected'>): EntryState {
    const state: EntryState = {
      id: -(this.newEntries.length + 1),
      itemNo: movement.itemNo,
      locationCode: movement.locationCode,
      entryType: movement.entryType,
      quantity: movement.quantity,
      invoicedQuantity: movement.invoicedQuantity,
      shippedQuantityNotReturned: movement.entryType === 'sale' && movement.quantity.isNegative() ? movement.quantity : ZERO,
      open: !fields.remainingQuantity.isZero(),
      changed: false,
      ...fields,
    };
    this.entries.push(state);
    this.newEntries.push({ state, row: newEntryRow(this.register, movement) });
    return state;
  }

  /** Moves quantity from an inbound entry to an outbound one: both remaining quantities shrink. */
  apply(postedId: number, inbound: EntryState, outbound: EntryState, quantity: Decimal) {
    inbound.remainingQuantity = inbound.remainingQuantity.minus(quantity);
    outbound.remainingQuantity = outbound.remainingQuantity.plus(quantity);
    for (const entry of [inbound, outbound]) {
      entry.open = !entry.remainingQuantity.isZero();
      entry.changed = true;
    }
    this.applications.push({ itemLedgerEntryId: postedId, inboundId: inbound.id, outboundId: outbound.id, quantity: quantity.negated() });
  }
}

export async function postItemMovements(
  tx: Executor, register: Register, movements: ItemMovement[], invoicings: ItemInvoicing[], options: ItemPostingOptions,
): Promise<{ movements: PostedItemValue[]; invoicings: PostedItemValue[] }> {
  if (movements.length === 0 && invoicings.length === 0) return { movements: [], invoicings: [] };
  const items = await loadItems(tx, [...new Set(movements.map((movement) => movement.itemNo))]);
  const posting = new ItemPosting(register, options, items, await loadEntries(tx, movements, invoicings));
  const postedMovements = movements.map((movement) => postMovement(posting, movement));
  const postedInvoicings = invoicings.map((invoicing) => postInvoicing(posting, invoicing));
  const entryNoOf = await writePosting(tx, posting);
  const numbered = (value: PostedItemValue) => ({ ...value, itemLedgerEntryNo: entryNoOf(value.itemLedgerEntryNo) });
  return { movements: postedMovements.map(numbered), invoicings: postedInvoicings.map(numbered) };
}

// ----------------------------------------------------------------------------------------- loading

/**
 * The items, locked: costing decides from all of an item's entries (FIFO layers, the average), so
 * two postings of one item run one after the other. Σ quantity and value only for Average items.
 */
async function loadItems(tx: Executor, itemNos: string[]): Promise<Map<string, ItemState>> {
  if (itemNos.length === 0) return new Map();
  const isAverage = sql`${item.costingMethod} = 'average'`;
  const rows = await tx.select({
    no: item.no, type: item.type, costingMethod: item.costingMethod, unitCost: item.unitCost, standardCost: item.standardCost,
    preventNegativeInventory: item.preventNegativeInventory,
    quantityOnHand: sql<string>`case when ${isAverage} then (select coalesce(sum(e.quantity), 0) from item_ledger_entry e where e.item_no = ${item.no}) else 0 end`,
    inventoryValue: sql<string>`case when ${isAverage} then (select coalesce(sum(v.cost_amount_actual + v.cost_amount_expected), 0) from value_entry v where v.item_no = ${item.no}) else 0 end`,
  }).from(item).where(inArray(item.no, itemNos)).orderBy(item.no).for('update', { of: item });
  const items = new Map(rows.map((row) => [row.no, {
    no: row.no, type: row.type, costingMethod: row.costingMethod as CostingMethod, unitCost: dec(row.unitCost), standardCost: dec(row.standardCost),
    preventNegativeInventory: row.preventNegativeInventory, quantityOnHand: dec(String(row.quantityOnHand)),
    inventoryValue: dec(String(row.inventoryValue)), unitCostChanged: false,
  }]));
  for (const itemNo of itemNos) {
    const found = items.get(itemNo);
    if (!found) throw new DomainError('NOT_FOUND', { entity: 'Item', key: itemNo });
    // The sales posting sends inventory items only; anything else has no stock to cost.
    if (found.type !== 'inventory') throw new Error(`Item ${itemNo} is not an inventory item (type ${found.type}); it has no item ledger entries.`);
  }
  return items;
}

/**
 * The entries this posting may change, locked, with their value sums: the open entries of every
 * item and location moved (layers to take from, shortages to close) and every entry named by a
 * fixed application, an exact cost reversal or an invoicing.
 */
async function loadEntries(tx: Executor, movements: ItemMovement[], invoicings: ItemInvoicing[]): Promise<EntryState[]> {
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
      salesAmountExpected: dec(value?.salesAmountExpected ?? '0'), changed: false,
    };
  });
}

// ---------------------------------------------------------------------------------------- movements

function postMovement(posting: ItemPosting, movement: ItemMovement): PostedItemValue {
  const item = posting.items.get(movement.itemNo)!;
  const { entry, costAmount, unitCost } = movement.quantity.isNegative()
    ? postOutbound(posting, item, movement)
    : postInbound(posting, item, movement);
  item.quantityOnHand = item.quantityOnHand.plus(movement.quantity);
  item.inventoryValue = item.inventoryValue.plus(costAmount);
  if (item.costingMethod === 'average' && movement.quantity.gt(ZERO) && item.quantityOnHand.gt(ZERO)) {
    item.unitCost = roundUnitAmount(item.inventoryValue.div(item.quantityOnHand));
    item.unitCostChanged = true;
  }
  return writeMovementValue(posting, movement, entry, costAmount, unitCost);
}

function itemCosts(item: ItemState): ItemCosts {
  return {
    costingMethod: item.costingMethod, unitCost: item.unitCost, standardCost: item.standardCost,
    averageUnitCost: averageUnitCost(item.inventoryValue, item.quantityOnHand, item.unitCost),
  };
}

function preventsNegativeInventory(item: ItemState, options: ItemPostingOptions): boolean {
  return item.preventNegativeInventory === 'default' ? options.preventNegativeInventory : item.preventNegativeInventory === 'yes';
}

/** Takes the stock from the open inbound entries; what none can give stays open as a shortage. */
function postOutbound(posting: ItemPosting, item: ItemState, movement: ItemMovement) {
  const quantity = movement.quantity.negated();
  const layers = posting.openEntries(movement.itemNo, movement.locationCode, true);
  const costing = costOutbound({
    quantity, appliesToEntry: movement.appliesToEntry, item: itemCosts(item),
    layers: layers.map((layer) => ({ entryNo: layer.id, quantity: layer.quantity, costAmount: layer.costAmount, remainingQuantity: layer.remainingQuantity })),
  });
  if (costing.shortage.gt(ZERO) && preventsNegativeInventory(item, posting.options)) {
    const available = layers.reduce((total, layer) => total.plus(layer.remainingQuantity), ZERO);
    throw new DomainError('INSUFFICIENT_INVENTORY', {
      itemNo: movement.itemNo, locationCode: movement.locationCode, available: available.toString(), requested: quantity.toString(),
    });
  }
  const costAmount = costing.costAmount.negated();
  const entry = posting.addEntry(movement, {
    remainingQuantity: movement.quantity, costAmount, costAmountExpected: ZERO, salesAmountExpected: ZERO,
  });
  for (const application of costing.applications) {
    posting.apply(entry.id, layers.find((layer) => layer.id === application.inboundEntryNo)!, entry, application.quantity);
  }
  return { entry, costAmount, unitCost: roundUnitAmount(costing.costAmount.div(quantity)) };
}

/** An inbound entry: valued, then closing the shortages of earlier outbound entries oldest first. */
function postInbound(posting: ItemPosting, item: ItemState, movement: ItemMovement) {
  const from = movement.appliesFromEntry === null ? null : returnedFrom(posting, movement);
  const valuation = valueInbound({
    quantity: movement.quantity, unitCost: movement.unitCost, item: itemCosts(item),
    appliesFrom: from && { quantity: from.quantity, costAmount: from.costAmount },
  });
  const entry = posting.addEntry(movement, {
    remainingQuantity: movement.quantity, costAmount: valuation.costAmount, costAmountExpected: ZERO, salesAmountExpected: ZERO,
  });
  // The inbound entry's own application row; a return names the sale it comes back from (cost application).
  posting.applications.push({ itemLedgerEntryId: entry.id, inboundId: entry.id, outboundId: from?.id ?? null, quantity: movement.quantity });
  const shortages = posting.openEntries(movement.itemNo, movement.locationCode, false)
    .sort((a, b) => Number(b.id === from?.id) - Number(a.id === from?.id));
  for (const shortage of shortages) {
    if (!entry.open) break;
    const take = entry.remainingQuantity.lessThan(shortage.remainingQuantity.negated()) ? entry.remainingQuantity : shortage.remainingQuantity.negated();
    posting.apply(entry.id, entry, shortage, take);
  }
  return { entry, costAmount: valuation.costAmount, unitCost: valuation.unitCost };
}

/** Exact cost reversal (§17.5): the sale it comes back from, which must still have that much not returned. */
function returnedFrom(posting: ItemPosting, movement: ItemMovement): EntryState {
  const from = posting.entry(movement.appliesFromEntry!);
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
function writeMovementValue(posting: ItemPosting, movement: ItemMovement, entry: EntryState, costAmount: Decimal, unitCost: Decimal): PostedItemValue {
  const split = (amount: Decimal) => splitByInvoicedQuantity(amount, movement.quantity, movement.invoicedQuantity);
  const cost = split(costAmount);
  const sales = movement.invoiced
    ? { actual: movement.invoiced.salesAmount, expected: movement.salesAmount.minus(movement.invoiced.salesAmount) }
    : split(movement.salesAmount);
  entry.costAmountExpected = cost.expected;
  entry.salesAmountExpected = sales.expected;
  posting.values.push({
    entryId: entry.id,
    row: valueEntryRow(posting, movement, {
      itemNo: movement.itemNo, itemLedgerEntryType: movement.entryType, locationCode: movement.locationCode,
      itemLedgerEntryQuantity: movement.quantity, invoicedQuantity: movement.invoicedQuantity, valuedQuantity: movement.quantity, costPerUnit: unitCost,
      costAmountActual: cost.actual, costAmountExpected: cost.expected, salesAmountActual: sales.actual, salesAmountExpected: sales.expected,
      discountAmount: movement.invoiced ? movement.invoiced.discountAmount : split(movement.discountAmount).actual,
    }),
  });
  return postedValue(movement, entry, cost.actual, cost.expected, unitCost);
}

// --------------------------------------------------------------------------------------- invoicings

/** Billing an entry shipped or received earlier (§7.6): expected becomes actual for the invoiced part. */
function postInvoicing(posting: ItemPosting, invoicing: ItemInvoicing): PostedItemValue {
  const entry = posting.entry(invoicing.itemLedgerEntryNo);
  if (!entry) throw new DomainError('NOT_FOUND', { entity: 'Item Ledger Entry', key: String(invoicing.itemLedgerEntryNo) });
  const result = invoiceEntry({
    entryNo: entry.id, quantity: entry.quantity, invoicedQuantity: entry.invoicedQuantity,
    costAmountExpected: entry.costAmountExpected, salesAmountExpected: entry.salesAmountExpected, quantityToInvoice: invoicing.invoicedQuantity,
  });
  entry.invoicedQuantity = entry.invoicedQuantity.plus(invoicing.invoicedQuantity);
  entry.costAmountExpected = entry.costAmountExpected.plus(result.costAmountExpected);
  entry.salesAmountExpected = entry.salesAmountExpected.plus(result.salesAmountExpected);
  entry.changed = true;
  const unitCost = roundUnitAmount(result.costAmountActual.div(invoicing.invoicedQuantity).abs());
  posting.values.push({
    entryId: entry.id,
    row: valueEntryRow(posting, invoicing, {
      itemNo: entry.itemNo, itemLedgerEntryType: entry.entryType, locationCode: entry.locationCode,
      itemLedgerEntryQuantity: ZERO, invoicedQuantity: invoicing.invoicedQuantity, valuedQuantity: invoicing.invoicedQuantity, costPerUnit: unitCost,
      costAmountActual: result.costAmountActual, costAmountExpected: result.costAmountExpected,
      salesAmountActual: invoicing.salesAmount, salesAmountExpected: result.salesAmountExpected, discountAmount: invoicing.discountAmount,
    }),
  });
  return postedValue({ ...invoicing, locationCode: entry.locationCode }, entry, result.costAmountActual, result.costAmountExpected, unitCost);
}

// ------------------------------------------------------------------------------------------- rows

function postedValue(
  facts: ItemPostingLineFacts & { locationCode: string }, entry: EntryState, costAmountActual: Decimal, costAmountExpected: Decimal, unitCost: Decimal,
): PostedItemValue {
  return {
    key: facts.key, itemLedgerEntryNo: entry.id, costAmountActual, costAmountExpected,
    genBusPostingGroup: facts.genBusPostingGroup, genProdPostingGroup: facts.genProdPostingGroup,
    locationCode: facts.locationCode, inventoryPostingGroup: facts.inventoryPostingGroup, unitCost,
  };
}

function newEntryRow(register: Register, movement: ItemMovement): NewEntryRow {
  return {
    itemNo: movement.itemNo, transactionNo: register.transactionNo, postingDate: register.postingDate, entryType: movement.entryType,
    documentType: movement.documentType, documentNo: movement.documentNo, documentLineNo: movement.documentLineNo,
    description: movement.description, locationCode: movement.locationCode, sourceType: movement.sourceType, sourceNo: movement.sourceNo,
    quantity: movement.quantity.toString(), positive: movement.quantity.gt(ZERO),
    appliesToEntry: movement.appliesToEntry ?? movement.appliesFromEntry, correction: movement.correction,
    unitOfMeasureCode: movement.unitOfMeasureCode, quantityPerUnitOfMeasure: movement.quantityPerUnitOfMeasure.toString(), userId: register.userId,
    // Derived columns are filled from the final state when written.
    remainingQuantity: '0', invoicedQuantity: '0', open: false, completelyInvoiced: false,
  };
}

interface ValueAmounts {
  itemNo: string;
  itemLedgerEntryType: string;
  locationCode: string;
  itemLedgerEntryQuantity: Decimal;
  invoicedQuantity: Decimal;
  valuedQuantity: Decimal;
  costPerUnit: Decimal;
  costAmountActual: Decimal;
  costAmountExpected: Decimal;
  salesAmountActual: Decimal;
  salesAmountExpected: Decimal;
  discountAmount: Decimal;
}

function valueEntryRow(posting: ItemPosting, facts: ItemPostingLineFacts, amounts: ValueAmounts): Omit<ValueEntryRow, 'itemLedgerEntryNo'> {
  const { register, options } = posting;
  const amount = (value: Decimal) => value.toFixed(2);
  const document = facts.invoiceDocument && !amounts.invoicedQuantity.isZero() ? facts.invoiceDocument : facts;
  return {
    itemNo: amounts.itemNo, postingDate: register.postingDate, itemLedgerEntryType: amounts.itemLedgerEntryType, entryType: 'directCost',
    documentType: document.documentType, documentNo: document.documentNo, documentLineNo: facts.documentLineNo, description: facts.description,
    sourceType: facts.sourceType, sourceNo: facts.sourceNo, locationCode: amounts.locationCode, inventoryPostingGroup: facts.inventoryPostingGroup,
    genBusPostingGroup: facts.genBusPostingGroup, genProdPostingGroup: facts.genProdPostingGroup,
    itemLedgerEntryQuantity: amounts.itemLedgerEntryQuantity.toString(), invoicedQuantity: amounts.invoicedQuantity.toString(),
    valuedQuantity: amounts.valuedQuantity.toString(), costPerUnit: amounts.costPerUnit.toString(),
    costAmountActual: amount(amounts.costAmountActual), costAmountExpected: amount(amounts.costAmountExpected),
    salesAmountActual: amount(amounts.salesAmountActual), salesAmountExpected: amount(amounts.salesAmountExpected),
    discountAmount: amount(amounts.discountAmount),
    // What the G/L cost posting (Automatic Cost Posting, Expected Cost Posting to G/L) posts in this same transaction.
    costPostedToGl: amount(options.automaticCostPosting ? amounts.costAmountActual : ZERO),
    expectedCostPostedToGl: amount(options.automaticCostPosting && options.expectedCostPostingToGl ? amounts.costAmountExpected : ZERO),
    transactionNo: register.transactionNo, userId: register.userId,
  };
}

// ---------------------------------------------------------------------------------------- writing

/** Writes the posting: one statement per table, whatever the number of lines. Returns id → entry no. */
async function writePosting(tx: Executor, posting: ItemPosting): Promise<(id: number) => number> {
  const entryNos = await insertEntries(tx, posting);
  const entryNoOf = (id: number) => (id > 0 ? id : entryNos[-id - 1]!);
  if (posting.applications.length > 0) {
    await tx.insert(itemApplicationEntry).values(posting.applications.map((application) => ({
      itemLedgerEntryNo: entryNoOf(application.itemLedgerEntryId),
      inboundItemEntryNo: entryNoOf(application.inboundId),
      outboundItemEntryNo: application.outboundId === null ? null : entryNoOf(application.outboundId),
      quantity: application.quantity.toString(),
      postingDate: posting.register.postingDate,
      transactionNo: posting.register.transactionNo,
    })));
  }
  if (posting.values.length > 0) {
    await tx.insert(valueEntry).values(posting.values.map((value) => ({ ...value.row, itemLedgerEntryNo: entryNoOf(value.entryId) })));
  }
  await updateExistingEntries(tx, posting.entries.filter((entry) => entry.id > 0 && entry.changed));
  await updateAverageCosts(tx, [...posting.items.values()].filter((state) => state.unitCostChanged));
  return entryNoOf;
}

/**
 * One INSERT for all new entries, with their derived columns as the posting left them. Identity
 * values are drawn in VALUES order within a statement, so the sorted numbers match the rows.
 */
async function insertEntries(tx: Executor, posting: ItemPosting): Promise<number[]> {
  if (posting.newEntries.length === 0) return [];
  const rows = await tx.insert(itemLedgerEntry).values(posting.newEntries.map(({ state, row }) => ({
    ...row, ...derivedColumns(state),
  }))).returning({ entryNo: itemLedgerEntry.entryNo });
  return rows.map((row) => row.entryNo).sort((a, b) => a - b);
}

function derivedColumns(entry: EntryState) {
  return {
    remainingQuantity: entry.remainingQuantity.toString(),
    invoicedQuantity: entry.invoicedQuantity.toString(),
    open: entry.open,
    completelyInvoiced: entry.invoicedQuantity.eq(entry.quantity),
    shippedQuantityNotReturned: entry.shippedQuantityNotReturned.toString(),
  };
}

/** The derived columns of the earlier entries this posting closed, invoiced or returned: one UPDATE … FROM (VALUES …). */
async function updateExistingEntries(tx: Executor, entries: EntryState[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = sql.join(entries.map((entry) => {
    const derived = derivedColumns(entry);
    return sql`(${entry.id}::integer, ${derived.remainingQuantity}::numeric, ${derived.invoicedQuantity}::numeric, ${derived.open}::boolean, ${derived.completelyInvoiced}::boolean, ${derived.shippedQuantityNotReturned}::numeric)`;
  }), sql`, `);
  await tx.execute(sql`
    update item_ledger_entry as e set
      remaining_quantity = v.remaining_quantity, invoiced_quantity = v.invoiced_quantity, open = v.open,
      completely_invoiced = v.completely_invoiced, shipped_quantity_not_returned = v.shipped_quantity_not_returned
    from (values ${rows}) as v(entry_no, remaining_quantity, invoiced_quantity, open, completely_invoiced, shipped_quantity_not_returned)
    where e.entry_no = v.entry_no`);
}

/** Average items: Unit Cost follows the average after stock came in (an ordinary record change: version + 1). */
async function updateAverageCosts(tx: Executor, items: ItemState[]): Promise<void> {
  if (items.length === 0) return;
  const rows = sql.join(items.map((state) => sql`(${state.no}::text, ${state.unitCost.toString()}::numeric)`), sql`, `);
  await tx.execute(sql`
    update item as i set unit_cost = v.unit_cost, version = i.version + 1, updated_at = now()
    from (values ${rows}) as v(no, unit_cost)
    where i.no = v.no`);
}
