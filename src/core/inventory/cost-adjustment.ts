/**
 * Cost adjustment (BC's Adjust Cost – Item Entries, run as with Automatic Cost Adjustment = Always;
 * spec §23.3): when a posting changes what an inbound entry cost — a receipt invoiced at another
 * price than it was received at — the cost flows forward along the item application entries: to the
 * outbound entries that took from it, to the inbound entries that came back from those at exact cost
 * (returns, undone shipments), to what took from those, and so on. Every entry whose cost changes
 * gets adjustment value entries (Adjustment = Yes) for the difference, each on the value entries of
 * one document it corrects and dated as they are (BC: the first allowed date if that is closed), so
 * the G/L moves COGS and inventory in the period the goods left.
 *
 * An outbound entry costs what it took: Σ over its applications of the inbound entry's cost ×
 * applied / inbound quantity, rounded once — what costOutbound gave it when it was posted. One with
 * a shortage still open keeps the cost of the shortage and moves by the change of its sources only.
 * An exact cost reversal costs its outbound entry's cost × its share of that quantity, as valueInbound.
 *
 * FIFO items only. A Standard item's entries stay at the standard cost whatever their inbound
 * entries cost (BC books that difference as a purchase variance); an Average item's outbound
 * entries follow the average of the valuation period, which BC adjusts per period — neither is done
 * here. Entries of other types than sale and purchase (item journal adjustments, whose counter
 * account is the Inventory Adjustment account) are left as they are.
 */
import type { IsoDate } from '../dates/calendar-date.ts';
import { compareDates } from '../dates/calendar-date.ts';
import { allocateProportionally } from '../money/allocation.ts';
import { type Decimal, ZERO, sum } from '../money/decimal.ts';
import { roundAmount, roundUnitAmount } from '../money/rounding.ts';
import type { ItemPostingWork, WorkingEntry } from './item-posting-work.ts';
import { plannedValueEntry, postedValue } from './item-posting-values.ts';
import type {
  CostFlowState, ItemPostingLineFacts, ItemPostingState, PostedItemAdjustment, StoredItemApplication, StoredValueEntry,
} from './item-posting.types.ts';

/** Plans the adjustment value entries of the entries the posting's cost changes flow to; changes their working cost. */
export function planCostAdjustments(work: ItemPostingWork, state: ItemPostingState): PostedItemAdjustment[] {
  const flow = state.costFlow;
  if (!flow) return [];
  const loadedCost = new Map(state.entries.map((entry) => [entry.id, entry.costAmount]));
  // This posting's own applications count too: a receipt it brings in may close a shortage of an adjusted sale.
  const posted = work.applications.flatMap((application): StoredItemApplication[] => (application.outboundItemEntryId === null ? [] : [
    { inboundEntryNo: application.inboundItemEntryId, outboundEntryNo: application.outboundItemEntryId, quantity: application.quantity },
  ]));
  const costs = forwardCosts(work, costGraph([...flow.applications, ...posted]), loadedCost);
  return [...costs].sort(([a], [b]) => a - b).flatMap(([entryNo, cost]) => adjustEntry(work, flow, work.entry(entryNo)!, cost));
}

interface Source { entryNo: number; quantity: Decimal }

interface CostGraph {
  /** Outbound entry → the inbound entries it took from, with the quantity taken (> 0). */
  takesFrom: Map<number, Source[]>;
  /** Inbound entry → the outbound entry it came back from at exact cost. */
  returnsFrom: Map<number, number>;
  /** Entry → the entries whose cost derives from it. */
  flowsTo: Map<number, number[]>;
}

function costGraph(applications: readonly StoredItemApplication[]): CostGraph {
  const graph: CostGraph = { takesFrom: new Map(), returnsFrom: new Map(), flowsTo: new Map() };
  const add = <T>(map: Map<number, T[]>, key: number, value: T) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const application of applications) {
    if (application.quantity.isNegative()) {
      add(graph.takesFrom, application.outboundEntryNo, { entryNo: application.inboundEntryNo, quantity: application.quantity.negated() });
      add(graph.flowsTo, application.inboundEntryNo, application.outboundEntryNo);
    } else {
      graph.returnsFrom.set(application.inboundEntryNo, application.outboundEntryNo);
      add(graph.flowsTo, application.outboundEntryNo, application.inboundEntryNo);
    }
  }
  return graph;
}

/**
 * From the existing entries whose cost the posting changed, forward along the graph until nothing
 * changes: the new cost of every existing entry it reaches whose cost is no longer what was loaded.
 */
function forwardCosts(work: ItemPostingWork, graph: CostGraph, loadedCost: ReadonlyMap<number, Decimal>): Map<number, Decimal> {
  const costs = new Map<number, Decimal>();
  const costOf = (entryNo: number) => costs.get(entryNo) ?? work.entry(entryNo)?.costAmount;
  const changed = work.entries.filter((entry) => entry.id > 0 && !entry.costAmount.eq(loadedCost.get(entry.id) ?? entry.costAmount));
  const queue = changed.flatMap((entry) => graph.flowsTo.get(entry.id) ?? []);
  // A chain may loop (a return closing the shortage of the sale it reverses): BC gives up after 100 levels too.
  let steps = 100 * (graph.flowsTo.size + 1);
  while (queue.length > 0 && steps-- > 0) {
    const entry = work.entry(queue.shift()!);
    const next = entry && adjustable(work, graph, entry) ? derivedCost(work, graph, entry, costOf, loadedCost) : null;
    if (!entry || !next || next.eq(costOf(entry.id)!)) continue;
    costs.set(entry.id, next);
    queue.push(...(graph.flowsTo.get(entry.id) ?? []));
  }
  return new Map([...costs].filter(([entryNo, cost]) => !cost.eq(loadedCost.get(entryNo) ?? cost)));
}

function adjustable(work: ItemPostingWork, graph: CostGraph, entry: WorkingEntry): boolean {
  const derives = entry.quantity.isNegative() ? graph.takesFrom.has(entry.id) : graph.returnsFrom.has(entry.id);
  return entry.id > 0 && derives && (entry.entryType === 'sale' || entry.entryType === 'purchase')
    && work.items.get(entry.itemNo)?.costingMethod === 'fifo';
}

/** What the entry costs from what its sources cost now; null when a source is not known. */
function derivedCost(
  work: ItemPostingWork, graph: CostGraph, entry: WorkingEntry, costOf: (entryNo: number) => Decimal | undefined, loadedCost: ReadonlyMap<number, Decimal>,
): Decimal | null {
  if (entry.quantity.gt(ZERO)) {
    const from = work.entry(graph.returnsFrom.get(entry.id)!);
    return from ? roundAmount(costOf(from.id)!.times(entry.quantity).div(from.quantity)) : null;
  }
  const sources = graph.takesFrom.get(entry.id)!.map((source) => ({ ...source, inbound: work.entry(source.entryNo) }));
  if (sources.some((source) => !source.inbound)) return null;
  const share = (cost: Decimal, source: (typeof sources)[number]) => cost.times(source.quantity).div(source.inbound!.quantity);
  if (entry.remainingQuantity.isZero()) return roundAmount(sum(sources.map((source) => share(costOf(source.entryNo)!, source)))).negated();
  const change = sum(sources.map((source) => share(costOf(source.entryNo)!.minus(loadedCost.get(source.entryNo) ?? costOf(source.entryNo)!), source)));
  return (loadedCost.get(entry.id) ?? entry.costAmount).minus(roundAmount(change));
}

// ------------------------------------------------------------------------------ adjustment entries

/** A value entry of the entry, stored or planned by this posting (no date yet: the posting's). */
type EntryValue = Omit<StoredValueEntry, 'postingDate'> & { postingDate?: IsoDate };

/** What one adjustment value entry corrects: the value entries of one document, and by how much. */
interface Correction extends EntryValue {
  valuedQuantity: Decimal;
}

/**
 * The entry's new cost split as BC splits it: the not invoiced share stays expected (corrected on
 * the entry's own document: the shipment), the rest is actual, shared over its invoices by the
 * quantity each invoiced (each corrected on its invoice), every part rounded once and adding up.
 */
function adjustEntry(work: ItemPostingWork, flow: CostFlowState, entry: WorkingEntry, newCost: Decimal): PostedItemAdjustment[] {
  const documents = byDocument(valuesOf(work, flow, entry.id));
  const first = documents[0];
  if (!first) return [];
  const notInvoiced = entry.quantity.minus(entry.invoicedQuantity);
  const expected = notInvoiced.isZero() ? ZERO : roundAmount(newCost.times(notInvoiced).div(entry.quantity));
  const invoiced = documents.filter((document) => !document.invoicedQuantity.isZero());
  const actual = invoiced.length === 0 ? [] : allocateProportionally(newCost.minus(expected), invoiced.map((document) => document.invoicedQuantity.abs()));
  const own = {
    ...first, postingDate: entry.postingDate ?? first.postingDate, documentType: entry.documentType ?? first.documentType,
    documentNo: entry.documentNo ?? first.documentNo, documentLineNo: entry.documentLineNo ?? first.documentLineNo,
  };
  const corrections: Correction[] = [
    { ...own, costAmountActual: ZERO, costAmountExpected: expected.minus(entry.costAmountExpected), valuedQuantity: notInvoiced },
    ...invoiced.map((document, index) => ({
      ...document, costAmountActual: actual[index]!.minus(document.costAmountActual), costAmountExpected: ZERO, valuedQuantity: document.invoicedQuantity,
    })),
  ];
  entry.costAmount = newCost;
  entry.costAmountExpected = expected;
  return corrections.filter((correction) => !correction.costAmountActual.isZero() || !correction.costAmountExpected.isZero())
    .map((correction) => addAdjustment(work, entry, dated(correction, flow.allowPostingFrom)));
}

function valuesOf(work: ItemPostingWork, flow: CostFlowState, entryNo: number): EntryValue[] {
  const stored: EntryValue[] = flow.valueEntries.filter((value) => value.itemLedgerEntryNo === entryNo);
  const planned = work.values.filter((value) => value.itemLedgerEntryId === entryNo && !value.adjustment)
    .map(({ itemLedgerEntryId, postingDate: _unset, ...value }): EntryValue => ({ ...value, itemLedgerEntryNo: itemLedgerEntryId }));
  return [...stored, ...planned];
}

/** The value entries per document (type, no. and line), in the order of their first entry: Σ invoiced and actual cost, the first one's facts. */
function byDocument(values: readonly EntryValue[]): EntryValue[] {
  const documents = new Map<string, EntryValue>();
  for (const value of values) {
    const key = `${value.documentType}\u0000${value.documentNo}\u0000${value.documentLineNo}`;
    const known = documents.get(key);
    documents.set(key, known ? {
      ...known, invoicedQuantity: known.invoicedQuantity.plus(value.invoicedQuantity), costAmountActual: known.costAmountActual.plus(value.costAmountActual),
      costAmountExpected: known.costAmountExpected.plus(value.costAmountExpected),
    } : value);
  }
  return [...documents.values()];
}

/** BC dates an adjustment as the entry it corrects, or the first allowed posting date when that is before it. */
function dated(correction: Correction, allowPostingFrom: IsoDate | null): Correction {
  const { postingDate } = correction;
  return postingDate && allowPostingFrom && compareDates(postingDate, allowPostingFrom) < 0 ? { ...correction, postingDate: allowPostingFrom } : correction;
}

function addAdjustment(work: ItemPostingWork, entry: WorkingEntry, correction: Correction): PostedItemAdjustment {
  const { costAmountActual, costAmountExpected, valuedQuantity, postingDate } = correction;
  const facts: ItemPostingLineFacts = {
    key: `adjustment ${entry.id}`, documentType: correction.documentType, documentNo: correction.documentNo, documentLineNo: correction.documentLineNo,
    description: correction.description, sourceType: correction.sourceType as ItemPostingLineFacts['sourceType'], sourceNo: correction.sourceNo,
    genBusPostingGroup: correction.genBusPostingGroup, genProdPostingGroup: correction.genProdPostingGroup,
    inventoryPostingGroup: correction.inventoryPostingGroup, salesAmount: ZERO, discountAmount: ZERO,
  };
  const unitCost = valuedQuantity.isZero() ? ZERO : roundUnitAmount(costAmountActual.plus(costAmountExpected).div(valuedQuantity));
  // Invoiced Quantity stays 0 (BC copies it and filters Adjustment = No where it adds them up): what was invoiced is counted once.
  work.values.push({
    ...plannedValueEntry(entry.id, work.options, facts, {
      itemNo: entry.itemNo, itemLedgerEntryType: entry.entryType, locationCode: correction.locationCode,
      itemLedgerEntryQuantity: ZERO, invoicedQuantity: ZERO, valuedQuantity, costPerUnit: unitCost, costAmountActual, costAmountExpected,
      salesAmountActual: ZERO, salesAmountExpected: ZERO, discountAmount: ZERO,
    }),
    adjustment: true,
    ...(postingDate ? { postingDate } : {}),
  });
  return {
    ...postedValue({ ...facts, locationCode: correction.locationCode }, entry.id, costAmountActual, costAmountExpected, unitCost),
    itemLedgerEntryType: entry.entryType, ...(postingDate ? { postingDate } : {}),
    documentType: correction.documentType, documentNo: correction.documentNo, sourceType: correction.sourceType, sourceNo: correction.sourceNo,
  };
}
