/**
 * A purchase line's Direct Unit Cost and Line Discount % from the vendor's agreements (BC Purchase
 * Price Calc. Mgt.): of the agreements that apply — the line's vendor and item, the price date
 * within the agreement's dates, the document's currency, the line's unit (or none), a minimum
 * quantity reached — the lowest cost and the highest discount. No cost agreement: the item's Last
 * Direct Cost. Pure; the caller converts units and currency.
 */
import type { IsoDate } from '../dates/calendar-date.ts';
import { compareDates } from '../dates/calendar-date.ts';
import { type Decimal, ZERO } from '../money/decimal.ts';

export interface PurchaseAgreement {
  startingDate: IsoDate | null;
  endingDate: IsoDate | null;
  /** '' = local currency. */
  currencyCode: string;
  /** '' = any unit (the cost is then per base unit). */
  unitOfMeasureCode: string;
  minimumQuantity: Decimal;
}

export interface PurchasePriceContext {
  date: IsoDate;
  currencyCode: string;
  unitOfMeasureCode: string;
  /** The line's quantity in base units, as minimum quantities count. */
  quantityBase: Decimal;
}

export function agreementApplies(agreement: PurchaseAgreement, context: PurchasePriceContext): boolean {
  return (agreement.startingDate === null || compareDates(agreement.startingDate, context.date) <= 0)
    && (agreement.endingDate === null || compareDates(agreement.endingDate, context.date) >= 0)
    && agreement.currencyCode === context.currencyCode
    && (agreement.unitOfMeasureCode === '' || agreement.unitOfMeasureCode === context.unitOfMeasureCode)
    && agreement.minimumQuantity.lessThanOrEqualTo(context.quantityBase);
}

/** The lowest cost per line unit among the agreements that apply; null when none does. */
export function bestDirectUnitCost(
  agreements: readonly (PurchaseAgreement & { directUnitCost: Decimal })[], context: PurchasePriceContext, quantityPerUnitOfMeasure: Decimal,
): Decimal | null {
  const costs = agreements.filter((agreement) => agreementApplies(agreement, context))
    .map((agreement) => (agreement.unitOfMeasureCode === '' ? agreement.directUnitCost.times(quantityPerUnitOfMeasure) : agreement.directUnitCost));
  return costs.length === 0 ? null : costs.reduce((lowest, cost) => (cost.lessThan(lowest) ? cost : lowest));
}

/** The highest Line Discount % among the agreements that apply; 0 when none does. */
export function bestPurchaseLineDiscount(agreements: readonly (PurchaseAgreement & { lineDiscountPercent: Decimal })[], context: PurchasePriceContext): Decimal {
  return agreements.filter((agreement) => agreementApplies(agreement, context))
    .reduce((highest, agreement) => (agreement.lineDiscountPercent.greaterThan(highest) ? agreement.lineDiscountPercent : highest), ZERO);
}
