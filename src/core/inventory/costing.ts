/**
 * What inventory costs when it moves (spec §7.5, §7.6, §17.3, §17.5, §23.3), as pure functions:
 * which open inbound entries an outbound entry takes its stock from and what that stock cost,
 * what an inbound entry is worth, and how an entry billed later turns expected into actual cost.
 * The caller (item-posting-planner.ts) keeps the running state of a posting and plans what these decide.
 *
 * Amounts are rounded once per entry, at the end, with roundAmount. What that leaves behind (a
 * layer of 3 for 10.00 sold one by one costs 3.33 three times) is BC's Adjust Cost's to settle.
 */
import { DomainError } from '../errors.ts';
import { allocateProportionally } from '../money/allocation.ts';
import { Decimal, ZERO, sum } from '../money/decimal.ts';
import { roundAmount, roundUnitAmount } from '../money/rounding.ts';

export type CostingMethod = 'fifo' | 'average' | 'standard';

/** The item's costs at the moment of posting. */
export interface ItemCosts {
  costingMethod: CostingMethod;
  /** Item Unit Cost: values a shortage (negative inventory) and FIFO items without a given cost. */
  unitCost: Decimal;
  standardCost: Decimal;
  /** Inventory value / quantity on hand; see averageUnitCost for the case of nothing on hand. */
  averageUnitCost: Decimal;
}

/** An open inbound item ledger entry: a layer of stock an outbound entry can take from. */
export interface InboundLayer {
  entryNo: number;
  /** The entry's quantity (positive) and the cost of all of it: Σ Cost Amount (Actual + Expected). */
  quantity: Decimal;
  costAmount: Decimal;
  /** What is still open of it. */
  remainingQuantity: Decimal;
}

export interface OutboundCostingInput {
  /** Base units taken, > 0. */
  quantity: Decimal;
  /** The open inbound entries of the item at the location, oldest first. */
  layers: readonly InboundLayer[];
  /** Fixed application: take the stock from this entry only. */
  appliesToEntry: number | null;
  item: ItemCosts;
}

export interface Application {
  inboundEntryNo: number;
  /** Taken from that entry, > 0. */
  quantity: Decimal;
}

export interface OutboundCosting {
  applications: Application[];
  /** What no open entry could supply: stays open on the outbound entry (negative inventory). */
  shortage: Decimal;
  /** Cost of the quantity taken, positive, rounded once; the value entry carries it negated. */
  costAmount: Decimal;
}

/** Inventory value / quantity on hand; with nothing on hand there is no average, so the item's unit cost. */
export function averageUnitCost(inventoryValue: Decimal, quantityOnHand: Decimal, unitCost: Decimal): Decimal {
  return quantityOnHand.greaterThan(0) ? inventoryValue.div(quantityOnHand) : unitCost;
}

/** Cost per unit of an entry: Σ cost / quantity, unrounded (the share of a layer is rounded with the rest). */
export function entryUnitCost(costAmount: Decimal, quantity: Decimal): Decimal {
  return quantity.isZero() ? ZERO : costAmount.div(quantity);
}

/**
 * Applies an outbound quantity: a fixed application takes from its entry only, otherwise layers
 * are consumed oldest first (FIFO order serves every method, as BC applies Average and Standard
 * items FIFO too). The cost follows the costing method: FIFO the consumed layers, Average the
 * average cost, Standard the standard cost; a shortage costs the item's unit cost.
 */
export function costOutbound(input: OutboundCostingInput): OutboundCosting {
  const { quantity, item } = input;
  const layers = input.appliesToEntry === null ? input.layers : [fixedLayer(input)];
  const applications: Application[] = [];
  const taken: Decimal[] = [];
  let left = quantity;
  for (const layer of layers) {
    if (left.isZero()) break;
    const take = Decimal.min(left, layer.remainingQuantity);
    if (take.lessThanOrEqualTo(0)) continue;
    applications.push({ inboundEntryNo: layer.entryNo, quantity: take });
    taken.push(layer.costAmount.times(take).div(layer.quantity));
    left = left.minus(take);
  }
  const applied = quantity.minus(left);
  const exactCost = {
    fifo: () => sum(taken).plus(left.times(item.unitCost)),
    average: () => applied.times(item.averageUnitCost).plus(left.times(item.unitCost)),
    standard: () => quantity.times(item.standardCost),
  }[item.costingMethod]();
  return { applications, shortage: left, costAmount: roundAmount(exactCost) };
}

// A fixed application must be met by its entry: BC refuses rather than take the rest elsewhere.
function fixedLayer(input: OutboundCostingInput): InboundLayer {
  const layer = input.layers.find((candidate) => candidate.entryNo === input.appliesToEntry);
  if (!layer) {
    throw new DomainError('APPLICATION_INVALID', {
      entryField: 'appliesToEntry', entryNo: input.appliesToEntry,
      reason: `item ledger entry ${input.appliesToEntry} is not an open inbound entry of this item at this location`,
    });
  }
  if (layer.remainingQuantity.lessThan(input.quantity)) {
    throw new DomainError('APPLICATION_INVALID', {
      entryField: 'appliesToEntry', entryNo: layer.entryNo,
      reason: `item ledger entry ${layer.entryNo} has only ${layer.remainingQuantity.toString()} left, ${input.quantity.toString()} are needed`,
    });
  }
  return layer;
}

export interface InboundValuationInput {
  /** Base units coming in, > 0. */
  quantity: Decimal;
  /** Given cost per base unit (item journal Unit Cost); null = the item's current cost. */
  unitCost: Decimal | null;
  /** Exact cost reversal: the outbound entry it comes back from (negative quantity and cost). */
  appliesFrom: { quantity: Decimal; costAmount: Decimal } | null;
  item: ItemCosts;
}

export interface InboundValuation {
  /** Positive, rounded once. */
  costAmount: Decimal;
  /** Per base unit, rounded to the unit-amount precision (Cost per Unit). */
  unitCost: Decimal;
}

/**
 * What an inbound entry is worth: exactly the cost of the outbound entry it reverses; else, for a
 * Standard item, the standard cost (Standard means every unit is worth that); else the given unit
 * cost; else the item's current cost (Average: the average, FIFO: Unit Cost).
 */
export function valueInbound(input: InboundValuationInput): InboundValuation {
  const { quantity, item } = input;
  if (input.appliesFrom) {
    const costAmount = roundAmount(input.appliesFrom.costAmount.times(quantity).div(input.appliesFrom.quantity));
    return { costAmount, unitCost: roundUnitAmount(entryUnitCost(input.appliesFrom.costAmount, input.appliesFrom.quantity)) };
  }
  const unitCost = item.costingMethod === 'standard' ? item.standardCost
    : input.unitCost ?? (item.costingMethod === 'average' ? item.averageUnitCost : item.unitCost);
  return { costAmount: roundAmount(quantity.times(unitCost)), unitCost: roundUnitAmount(unitCost) };
}

export interface AmountSplit {
  /** The invoiced part: Cost/Sales Amount (Actual). */
  actual: Decimal;
  /** The rest: Cost/Sales Amount (Expected). */
  expected: Decimal;
}

/**
 * An entry shipped and partly invoiced in one posting: its amount split by invoiced quantity,
 * exactly (the two parts add up to the amount to the cent).
 */
export function splitByInvoicedQuantity(amount: Decimal, quantity: Decimal, invoicedQuantity: Decimal): AmountSplit {
  if (quantity.isZero()) return { actual: amount, expected: ZERO };
  const [actual, expected] = allocateProportionally(amount, [invoicedQuantity.abs(), quantity.minus(invoicedQuantity).abs()]);
  return { actual: actual!, expected: expected! };
}

export interface EntryInvoicingInput {
  entryNo: number;
  /** The item ledger entry's Quantity and Invoiced Quantity so far (signed alike). */
  quantity: Decimal;
  invoicedQuantity: Decimal;
  /** Σ Cost / Sales Amount (Expected) of its value entries: what is still expected. */
  costAmountExpected: Decimal;
  salesAmountExpected: Decimal;
  /** Invoiced now, same sign as quantity. */
  quantityToInvoice: Decimal;
}

export interface EntryInvoicing {
  costAmountActual: Decimal;
  /** The expected amounts reversed for the invoiced part (opposite sign to what was expected). */
  costAmountExpected: Decimal;
  salesAmountExpected: Decimal;
}

/**
 * Billing part of an entry posted earlier: the invoiced share of what is still expected becomes
 * actual, and is reversed from expected. The share is taken of what is left (not of the original
 * amount), so the invoicing that bills the last units takes exactly the remainder.
 */
export function invoiceEntry(input: EntryInvoicingInput): EntryInvoicing {
  const notInvoiced = input.quantity.minus(input.invoicedQuantity);
  const toInvoice = input.quantityToInvoice;
  if (toInvoice.isZero() || toInvoice.isNegative() !== notInvoiced.isNegative() || toInvoice.abs().greaterThan(notInvoiced.abs())) {
    throw new DomainError('SHIPMENT_ALREADY_INVOICED', {
      detail: `Item ledger entry ${input.entryNo} has ${notInvoiced.toString()} left to invoice, so ${toInvoice.toString()} cannot be invoiced`,
      entryNo: input.entryNo,
    });
  }
  const share = (expected: Decimal) => roundAmount(expected.times(toInvoice).div(notInvoiced));
  const costAmountActual = share(input.costAmountExpected);
  return {
    costAmountActual,
    costAmountExpected: costAmountActual.negated(),
    salesAmountExpected: share(input.salesAmountExpected).negated(),
  };
}
