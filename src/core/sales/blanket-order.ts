/**
 * Blanket sales orders (spec §14; BC codeunit 87 "Blanket Sales Order to Order" and Sales-Post
 * UpdateBlanketOrderLine): how much of a blanket line is still free to order, the check Make Order
 * and Qty. to Ship make against it, and what posting a linked order or invoice line does to it.
 * Pure: the server loads the blanket line and its linked lines and writes what this decides.
 *
 * The checks are made in base units, so a linked line in another unit of measure counts right.
 */
import { DomainError } from '../errors.ts';
import { type Decimal, ZERO, sum } from '../money/decimal.ts';
import { roundAmount, roundQuantity, roundTo } from '../money/rounding.ts';
import { maxQuantityToInvoice, quantityBase } from './quantities.ts';
import type { QuantityFields, SalesDocumentType } from './types.ts';

/** An unposted sales line linked to a blanket order line. */
export interface LinkedLine {
  documentType: SalesDocumentType;
  quantityBase: Decimal;
  /** Quantity Shipped (Return Qty. Received on returns), in the line's unit. */
  quantityHandled: Decimal;
  quantityPerUnitOfMeasure: Decimal;
  /** An invoice (credit memo) line billing a posted shipment (return receipt): its goods are counted there already. */
  fromPostedLine: boolean;
}

/** A blanket order line as the checks read it. */
export interface BlanketLine extends QuantityFields {
  documentNo: string;
  lineNo: number;
  type: string;
  no: string;
  quantityPerUnitOfMeasure: Decimal;
  quantityBase: Decimal;
}

function outstandingBaseOf(line: LinkedLine): Decimal {
  return line.quantityBase.minus(quantityBase(line.quantityHandled, line.quantityPerUnitOfMeasure));
}

/**
 * QuantityOnOrders of codeunit 87: the outstanding base quantity of the unposted linked orders and
 * of linked invoices not made from a shipment, less that of linked return orders and of credit
 * memos not made from a return receipt.
 */
export function quantityOnOrdersBase(lines: readonly LinkedLine[]): Decimal {
  return sum(lines.map((line) => {
    if (line.documentType === 'order' || (line.documentType === 'invoice' && !line.fromPostedLine)) return outstandingBaseOf(line);
    if (line.documentType === 'returnOrder' || (line.documentType === 'creditMemo' && !line.fromPostedLine)) return outstandingBaseOf(line).negated();
    return ZERO;
  }));
}

interface BaseQuantities { quantity: Decimal; shipped: Decimal; outstanding: Decimal; toShip: Decimal }

function baseQuantities(line: BlanketLine): BaseQuantities {
  const shipped = quantityBase(line.quantityShipped, line.quantityPerUnitOfMeasure);
  return { quantity: line.quantityBase, shipped, outstanding: line.quantityBase.minus(shipped), toShip: quantityBase(line.quantityToShip, line.quantityPerUnitOfMeasure) };
}

/**
 * BC CheckBlanketOrderLineQuantity: |Qty. to Ship + on orders + shipped| ≤ |Quantity|, in base
 * units, and the outstanding quantity keeps the sign of Quantity. Make Order checks every line it
 * takes; a typed Qty. to Ship is checked at once, so it never exceeds what the orders leave.
 */
export function checkBlanketQuantityToShip(line: BlanketLine, onOrdersBase: Decimal, field = 'quantityToShip'): void {
  const base = baseQuantities(line);
  if (base.toShip.plus(onOrdersBase).plus(base.shipped).abs().lessThanOrEqualTo(base.quantity.abs()) && !base.quantity.times(base.outstanding).isNegative()) return;
  throw new DomainError('BLANKET_QTY_EXCEEDED', {
    no: line.documentNo, lineNo: line.lineNo, type: line.type === 'glAccount' ? 'G/L account' : line.type, itemNo: line.no,
    value: base.toShip.toString(), outstanding: base.outstanding.toString(), onOrders: onOrdersBase.toString(), possible: base.outstanding.minus(onOrdersBase).toString(),
  }, field);
}

/**
 * What Make Order may still take from the line, in its unit: the outstanding quantity less what the
 * unposted linked orders hold, never below zero. Rounded toward zero, so its base quantity never
 * exceeds what is left.
 */
export function possibleQuantityToShip(line: BlanketLine, onOrdersBase: Decimal): Decimal {
  const { outstanding } = baseQuantities(line);
  const possible = outstanding.minus(onOrdersBase);
  if (possible.isZero() || possible.times(line.quantity).isNegative() || line.quantityPerUnitOfMeasure.isZero()) return ZERO;
  return roundTo(possible.div(line.quantityPerUnitOfMeasure), '0.00001', 'down');
}

/** The Qty. to Ship a default (or a posting) gives, held to what the linked orders leave. */
export function cappedQuantityToShip(quantityToShip: Decimal, line: BlanketLine, onOrdersBase: Decimal): Decimal {
  const possible = possibleQuantityToShip(line, onOrdersBase);
  if (quantityToShip.times(line.quantity).isNegative()) return ZERO;
  return quantityToShip.abs().greaterThan(possible.abs()) ? possible : quantityToShip;
}

/** Spec §14.2 step 2 (BC QtyToShipIsZero): Make Order needs a line with a Qty. to Ship. */
export function assertSomethingToCreate(no: string, lines: ReadonlyArray<{ type: string; quantityToShip: Decimal }>): void {
  if (lines.some((line) => line.type !== 'comment' && !line.quantityToShip.isZero())) return;
  throw new DomainError('NOTHING_TO_CREATE', { no });
}

/** Spec §14.2 step 6: the order line's share of the blanket line's invoice discount, Inv. Discount Amount × Qty. to Ship / Quantity. */
export function proratedInvoiceDiscount(line: { invoiceDiscountAmount: Decimal; quantityToShip: Decimal; quantity: Decimal }, precision: Decimal | string): Decimal {
  if (line.quantity.isZero() || line.invoiceDiscountAmount.isZero()) return ZERO;
  return roundAmount(line.invoiceDiscountAmount.times(line.quantityToShip).div(line.quantity), precision);
}

/** One linked line's part in a posting (or an undone shipment), in the linked line's unit. */
export interface LinkedPosting {
  /** The posted document's caption and number, for the refusal. */
  documentCaption: string;
  documentNo: string;
  type: string;
  no: string;
  /** +1 for orders and invoices, −1 for return orders and credit memos (their goods come back). */
  sign: 1 | -1;
  ship: Decimal;
  invoice: Decimal;
  quantityPerUnitOfMeasure: Decimal;
  /** BC: the blanket's Qty. to Ship is defaulted again when the linked line ships for the first time or had shipped all before. */
  resetsQuantityToShip: boolean;
}

/** A quantity of the linked line in the blanket line's unit (BC: as is when both units are alike). */
function inBlanketUnit(quantity: Decimal, from: Decimal, to: Decimal): Decimal {
  return from.equals(to) ? quantity : roundQuantity(quantity.times(from).div(to));
}

/**
 * BC Sales-Post UpdateBlanketOrderLine: the blanket line's Quantity Shipped and Quantity Invoiced
 * after the linked lines post, refused when Quantity Shipped would exceed Quantity (or change sign),
 * in the line's unit and in base units. Qty. to Ship is defaulted again as BC does, but held to what
 * the linked orders still hold after this posting (`onOrdersBaseAfter`).
 */
export function blanketLineAfterPosting(line: BlanketLine, postings: readonly LinkedPosting[], onOrdersBaseAfter: Decimal): QuantityFields {
  const blanketUnit = line.quantityPerUnitOfMeasure;
  let { quantityShipped, quantityInvoiced } = line;
  let shippedBase = quantityBase(line.quantityShipped, blanketUnit);
  for (const posting of postings) {
    assertSameGoods(line, posting);
    quantityShipped = quantityShipped.plus(inBlanketUnit(posting.ship, posting.quantityPerUnitOfMeasure, blanketUnit).times(posting.sign));
    quantityInvoiced = quantityInvoiced.plus(inBlanketUnit(posting.invoice, posting.quantityPerUnitOfMeasure, blanketUnit).times(posting.sign));
    shippedBase = shippedBase.plus(quantityBase(posting.ship, posting.quantityPerUnitOfMeasure).times(posting.sign));
  }
  const exceeds = (shipped: Decimal, quantity: Decimal) => shipped.times(quantity).isNegative() || shipped.abs().greaterThan(quantity.abs());
  if (exceeds(quantityShipped, line.quantity) || exceeds(shippedBase, line.quantityBase)) {
    const first = postings[0]!;
    throw new DomainError('BLANKET_SHIPPED_EXCEEDED', {
      blanketOrderNo: line.documentNo, blanketOrderLineNo: line.lineNo, quantity: line.quantity.toString(), quantityShipped: quantityShipped.toString(),
      documentCaption: first.documentCaption, no: first.documentNo,
    });
  }
  const after = { ...line, quantityShipped, quantityInvoiced };
  const reset = postings.some((posting) => posting.resetsQuantityToShip);
  const quantityToShip = cappedQuantityToShip(reset ? line.quantity.minus(quantityShipped) : line.quantityToShip, after, onOrdersBaseAfter);
  return {
    quantity: line.quantity, quantityShipped, quantityInvoiced, quantityToShip,
    quantityToInvoice: maxQuantityToInvoice({ ...after, quantityToShip }),
  };
}

/** BC tests the blanket line's Type and No. against the posted line's. */
function assertSameGoods(line: BlanketLine, posting: LinkedPosting): void {
  for (const [field, fieldCaption] of [['type', 'Type'], ['no', 'No.']] as const) {
    if (line[field] === posting[field]) continue;
    throw new DomainError('BLANKET_LINE_MISMATCH', {
      blanketOrderNo: line.documentNo, blanketOrderLineNo: line.lineNo, fieldCaption, value: posting[field], expected: line[field],
    }, field);
  }
}

