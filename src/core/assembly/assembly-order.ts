/**
 * Assembly orders (spec §15.3): the component lines an assembly order needs for its quantity, and
 * the quantities an assemble-to-order sales line allows. Pure rules; server/assembly reads and
 * writes the rows.
 */
import { DomainError } from '../errors.ts';
import { Decimal, ZERO } from '../money/decimal.ts';
import { roundQuantity } from '../money/rounding.ts';

/** A component of the assembled item's BOM, per one unit of it. */
export interface BomComponent {
  no: string;
  description: string;
  quantityPer: Decimal;
  unitOfMeasureCode: string | null;
}

/** The quantities of an assembly line (in the component's unit). */
export interface ComponentQuantities {
  quantityPer: Decimal;
  quantity: Decimal;
  quantityToConsume: Decimal;
  consumedQuantity: Decimal;
  remainingQuantity: Decimal;
}

/**
 * BC's Assembly Line quantities: Quantity = Quantity per × the header's Quantity (in base units of
 * the assembled item), Quantity to Consume follows the header's Quantity to Assemble, and what is
 * consumed stays as it is.
 */
export function componentQuantities(
  quantityPer: Decimal, header: { quantityBase: Decimal; quantityToAssembleBase: Decimal }, consumedQuantity: Decimal = ZERO,
): ComponentQuantities {
  const quantity = roundQuantity(quantityPer.times(header.quantityBase));
  const quantityToConsume = roundQuantity(quantityPer.times(header.quantityToAssembleBase));
  return { quantityPer, quantity, quantityToConsume, consumedQuantity, remainingQuantity: quantity.minus(consumedQuantity) };
}

/** Qty. to Assemble to Order on a sales line: same sign as Quantity, never more (spec §15.3 "Rules on the sales line"). */
export function checkQuantityToAssembleToOrder(quantity: Decimal, toAssemble: Decimal): void {
  if (toAssemble.isZero()) return;
  if (toAssemble.isNegative() !== quantity.isNegative() || toAssemble.abs().gt(quantity.abs())) {
    throw new DomainError('QTY_TO_ASSEMBLE_TO_ORDER_INVALID', { quantity: quantity.toString(), value: toAssemble.toString() }, 'qtyToAssembleToOrder');
  }
}

/**
 * Quantity to Assemble of a linked assembly order against the sales line's Qty. to Ship: what is
 * assembled to order ships first, so the default is min(Qty. to Ship, ATO left) and the user may
 * go down to what inventory can give (Qty. to Ship − inventory part left), never below 0.
 * Example (the docs): Quantity 10, ATO 7, Qty. to Ship 4 → default 4, range 1–4.
 */
export function quantityToAssembleRange(
  line: { quantityToShip: Decimal; outstandingQuantity: Decimal }, assemblyRemaining: Decimal,
): { minimum: Decimal; maximum: Decimal; default: Decimal } {
  const inventoryPart = line.outstandingQuantity.minus(assemblyRemaining);
  const maximum = Decimal.min(line.quantityToShip, assemblyRemaining);
  const minimum = Decimal.max(ZERO, line.quantityToShip.minus(inventoryPart));
  return { minimum, maximum, default: maximum };
}

/** Refuses a Quantity to Assemble outside quantityToAssembleRange. */
export function checkQuantityToAssemble(value: Decimal, range: { minimum: Decimal; maximum: Decimal }): void {
  if (value.lessThan(range.minimum) || value.gt(range.maximum)) {
    throw new DomainError('QTY_TO_ASSEMBLE_OUT_OF_RANGE', { value: value.toString(), minimum: range.minimum.toString(), maximum: range.maximum.toString() }, 'quantityToAssemble');
  }
}

/** The part of a sales line still to be assembled to order (it ships first): Qty. to Assemble to Order less what has shipped, never below 0. */
export function assembledPartOutstanding(line: { qtyToAssembleToOrder: string; quantityShipped: string }): Decimal {
  return Decimal.max(new Decimal(line.qtyToAssembleToOrder).minus(line.quantityShipped), ZERO);
}
