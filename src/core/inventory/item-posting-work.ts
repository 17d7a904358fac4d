/**
 * The running state of one item posting while it is planned: copies of the loaded items and
 * entries, plus the entries, applications and value entries planned so far. Lines of one posting
 * see each other through it: a sale can take the stock a positive adjustment earlier in the same
 * batch brought in. The state handed to the planner is copied, never changed.
 */
import { type Decimal, ZERO } from '../money/decimal.ts';
import type {
  ItemLedgerEntryDerived, ItemMovement, ItemPostingEntry, ItemPostingItem, ItemPostingOptions, ItemPostingPlan, ItemPostingState,
  PlannedItemApplicationEntry, PlannedItemLedgerEntry, PlannedValueEntry, PostedItemAdjustment, PostedItemValue,
} from './item-posting.types.ts';

/** An entry as this posting sees it: new ones carry provisional ids (−1, −2 …). */
export interface WorkingEntry extends ItemPostingEntry {
  changed: boolean;
}

export interface WorkingItem extends ItemPostingItem {
  unitCostChanged: boolean;
}

export type NewEntryFields = Pick<WorkingEntry, 'remainingQuantity' | 'costAmount' | 'costAmountExpected' | 'salesAmountExpected'>;

export class ItemPostingWork {
  readonly items: Map<string, WorkingItem>;
  readonly entries: WorkingEntry[];
  readonly newEntries: { entry: WorkingEntry; movement: ItemMovement }[] = [];
  readonly applications: PlannedItemApplicationEntry[] = [];
  readonly values: PlannedValueEntry[] = [];

  constructor(state: ItemPostingState, readonly options: ItemPostingOptions) {
    // Decimals are immutable, so a copy of each record is a full copy.
    this.items = new Map(state.items.map((item) => [item.no, { ...item, unitCostChanged: false }]));
    this.entries = state.entries.map((entry) => ({ ...entry, changed: false }));
  }

  entry(id: number): WorkingEntry | undefined {
    return this.entries.find((candidate) => candidate.id === id);
  }

  /** Open entries of the item at the location, oldest first: inbound layers or outbound shortages. */
  openEntries(itemNo: string, locationCode: string, positive: boolean): WorkingEntry[] {
    return this.entries.filter((entry) => entry.itemNo === itemNo && entry.locationCode === locationCode && entry.open
      && entry.quantity.gt(ZERO) === positive);
  }

  addEntry(movement: ItemMovement, fields: NewEntryFields): WorkingEntry {
    const entry: WorkingEntry = {
      id: -(this.newEntries.length + 1),
      itemNo: movement.itemNo,
      locationCode: movement.locationCode,
      entryType: movement.entryType,
      quantity: movement.quantity,
      invoicedQuantity: movement.invoicedQuantity,
      // What may still come back at exact cost: a sale (a return, Undo Shipment) or an assembly's consumption (its undo).
      shippedQuantityNotReturned: (movement.entryType === 'sale' || movement.entryType === 'assemblyConsumption') && movement.quantity.isNegative() ? movement.quantity : ZERO,
      open: !fields.remainingQuantity.isZero(),
      changed: false,
      ...fields,
    };
    this.entries.push(entry);
    this.newEntries.push({ entry, movement });
    return entry;
  }

  /** The new entry an earlier movement of this posting made, by the movement's key. */
  entryOfMovement(key: string): WorkingEntry | undefined {
    return this.newEntries.find((candidate) => candidate.movement.key === key)?.entry;
  }

  /** Moves quantity from an inbound entry to an outbound one: both remaining quantities shrink. */
  apply(postedId: number, inbound: WorkingEntry, outbound: WorkingEntry, quantity: Decimal): void {
    inbound.remainingQuantity = inbound.remainingQuantity.minus(quantity);
    outbound.remainingQuantity = outbound.remainingQuantity.plus(quantity);
    for (const entry of [inbound, outbound]) {
      entry.open = !entry.remainingQuantity.isZero();
      entry.changed = true;
    }
    this.applications.push({ itemLedgerEntryId: postedId, inboundItemEntryId: inbound.id, outboundItemEntryId: outbound.id, quantity: quantity.negated() });
  }

  /** The plan: new entries and changed existing ones with their derived columns as the posting left them. */
  toPlan(movements: PostedItemValue[], invoicings: PostedItemValue[], adjustments: PostedItemAdjustment[]): ItemPostingPlan {
    return {
      itemLedgerEntries: this.newEntries.map(({ entry, movement }) => plannedEntry(entry, movement)),
      itemApplicationEntries: this.applications,
      valueEntries: this.values,
      changedEntries: this.entries.filter((entry) => entry.id > 0 && entry.changed).map((entry) => ({ id: entry.id, ...derivedColumns(entry) })),
      changedUnitCosts: [...this.items.values()].filter((item) => item.unitCostChanged).map((item) => ({ itemNo: item.no, unitCost: item.unitCost })),
      movements,
      invoicings,
      adjustments,
    };
  }
}

function derivedColumns(entry: WorkingEntry): ItemLedgerEntryDerived {
  return {
    remainingQuantity: entry.remainingQuantity,
    invoicedQuantity: entry.invoicedQuantity,
    open: entry.open,
    completelyInvoiced: entry.invoicedQuantity.eq(entry.quantity),
    shippedQuantityNotReturned: entry.shippedQuantityNotReturned,
  };
}

function plannedEntry(entry: WorkingEntry, movement: ItemMovement): PlannedItemLedgerEntry {
  return {
    id: entry.id, itemNo: movement.itemNo, entryType: movement.entryType,
    documentType: movement.documentType, documentNo: movement.documentNo, documentLineNo: movement.documentLineNo,
    description: movement.description, locationCode: movement.locationCode, sourceType: movement.sourceType, sourceNo: movement.sourceNo,
    quantity: movement.quantity, positive: movement.quantity.gt(ZERO),
    appliesToEntry: movement.appliesToEntry ?? movement.appliesFromEntry, correction: movement.correction, dropShipment: movement.dropShipment ?? false,
    unitOfMeasureCode: movement.unitOfMeasureCode, quantityPerUnitOfMeasure: movement.quantityPerUnitOfMeasure,
    ...derivedColumns(entry),
  };
}
