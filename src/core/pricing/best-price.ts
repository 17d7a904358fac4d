/**
 * Best price and best line discount for an item line (spec §10.1–10.3; NAV 2018 "Sales Price Calc.
 * Mgt.", codeunit 7000). The caller loads the agreements and resolves VAT percentages; this module
 * only chooses and converts.
 *
 * Choices where the spec is silent, following Business Central:
 * - Minimum Quantity is compared in the unit the agreement is expressed in (BC's IsInMinQty): an
 *   agreement for the line's unit of measure against |Quantity|, an agreement with a blank unit
 *   (per base unit) against |Quantity| × Qty. per Unit of Measure. The absolute value is used, so a
 *   negative (return-flow) line finds the same price as a positive one.
 * - A price is converted in BC's order: VAT basis, then unit of measure, then currency, then it is
 *   rounded once with the document currency's Unit-Amount Rounding Precision.
 * - On equal converted prices the agreement listed first wins (the caller's order, e.g. by key).
 *
 * Where BC differs and the spec decides: BC also prefers a variant-specific record to a blank-variant
 * one regardless of price, compares prices net of the line discount when the price allows one, and
 * lets any later agreement replace a best price of 0; the spec asks for the plain lowest unit price,
 * which is what this returns.
 */
import { type IsoDate, compareDates } from '../dates/calendar-date.ts';
import { type Decimal, ZERO } from '../money/decimal.ts';
import { roundUnitAmount } from '../money/rounding.ts';

/** What every agreement shares: with whom (by sales type), when, in which currency, variant and unit, from how many. */
interface AgreementTerms {
  /** Customer no., group code or campaign no.; ignored for All Customers. */
  salesCode: string;
  startingDate: IsoDate | null;
  endingDate: IsoDate | null;
  /** '' = LCY. */
  currencyCode: string;
  /** '' = every variant. */
  variantCode: string;
  /** '' = per base unit (multiplied by Qty. per Unit of Measure). */
  unitOfMeasureCode: string;
  minimumQuantity: Decimal;
}

export interface SalesPriceAgreement extends AgreementTerms {
  itemNo: string;
  salesType: 'customer' | 'customerPriceGroup' | 'allCustomers' | 'campaign';
  unitPrice: Decimal;
  priceIncludesVat: boolean;
  /** The VAT % this price includes (VAT Bus. Posting Gr. (Price) × the item's product group), resolved by the caller. */
  vatPercent: Decimal;
  allowInvoiceDiscount: boolean;
  allowLineDiscount: boolean;
}

export interface SalesLineDiscountAgreement extends AgreementTerms {
  type: 'item' | 'itemDiscountGroup';
  /** Item no. or item discount group code. */
  code: string;
  salesType: 'customer' | 'customerDiscountGroup' | 'allCustomers' | 'campaign';
  lineDiscountPercent: Decimal;
}

export interface PriceContext {
  itemNo: string;
  itemDiscountGroup: string | null;
  /** The customer prices are agreed with (the bill-to customer). */
  customerNo: string;
  customerPriceGroup: string | null;
  customerDiscountGroup: string | null;
  /** Campaigns active for the customer/contact on the price date. */
  activeCampaigns: string[];
  priceDate: IsoDate;
  /** '' = LCY. */
  currencyCode: string;
  /** Document currency units per 1 LCY; 1 for LCY. */
  currencyFactor: Decimal;
  variantCode: string;
  unitOfMeasureCode: string;
  quantityPerUnitOfMeasure: Decimal;
  /** In the line's unit of measure. */
  quantity: Decimal;
  documentPricesIncludingVat: boolean;
  lineVatPercent: Decimal;
  /** Item card Unit Price: LCY, per base unit. */
  itemUnitPrice: Decimal;
  itemPriceIncludesVat: boolean;
  itemVatPercent: Decimal;
  itemAllowInvoiceDiscount: boolean;
  customerAllowLineDiscount: boolean;
  /** The document currency's Unit-Amount Rounding Precision. */
  unitAmountRoundingPrecision: Decimal;
}

export interface BestPrice {
  /** In document currency, per line unit, on the document's VAT basis, rounded. */
  unitPrice: Decimal;
  allowInvoiceDiscount: boolean;
  /** The customer's Allow Line Disc. and the winning agreement's. */
  allowLineDiscount: boolean;
  /** null when no agreement applies and the item card price was used. */
  agreement: SalesPriceAgreement | null;
}

interface PriceBasis {
  unitPrice: Decimal;
  includesVat: boolean;
  vatPercent: Decimal;
  perBaseUnit: boolean;
  inLcy: boolean;
}

export function findBestPrice(agreements: readonly SalesPriceAgreement[], context: PriceContext): BestPrice {
  const candidates = preferDocumentCurrency(agreements.filter((agreement) => isApplicablePrice(agreement, context)), context);
  let best: { agreement: SalesPriceAgreement; unitPrice: Decimal } | null = null;
  for (const agreement of candidates) {
    const unitPrice = toLineUnitPrice({
      unitPrice: agreement.unitPrice,
      includesVat: agreement.priceIncludesVat,
      vatPercent: agreement.vatPercent,
      perBaseUnit: agreement.unitOfMeasureCode === '',
      inLcy: agreement.currencyCode === '',
    }, context);
    if (best === null || unitPrice.lessThan(best.unitPrice)) best = { agreement, unitPrice };
  }
  if (best === null) return itemCardPrice(context);
  return {
    unitPrice: best.unitPrice,
    allowInvoiceDiscount: context.itemAllowInvoiceDiscount && best.agreement.allowInvoiceDiscount,
    allowLineDiscount: context.customerAllowLineDiscount && best.agreement.allowLineDiscount,
    agreement: best.agreement,
  };
}

/** The highest matching Line Discount %, or 0 when the customer or the winning price forbids line discounts. */
export function findBestLineDiscount(
  discounts: readonly SalesLineDiscountAgreement[],
  context: PriceContext,
  winningPrice: Pick<BestPrice, 'agreement'>,
): Decimal {
  if (!context.customerAllowLineDiscount || winningPrice.agreement?.allowLineDiscount === false) return ZERO;
  const candidates = preferDocumentCurrency(discounts.filter((discount) => isApplicableDiscount(discount, context)), context);
  return candidates.reduce<Decimal>(
    (highest, discount) => (discount.lineDiscountPercent.greaterThan(highest) ? discount.lineDiscountPercent : highest),
    ZERO,
  );
}

export function isApplicablePrice(agreement: SalesPriceAgreement, context: PriceContext): boolean {
  return agreement.itemNo === context.itemNo && isForCustomer(agreement, context) && passesFilters(agreement, context);
}

export function isApplicableDiscount(discount: SalesLineDiscountAgreement, context: PriceContext): boolean {
  return isDiscountForItem(discount, context) && isForCustomer(discount, context) && passesFilters(discount, context);
}

/** Whether an agreement's sales type and code name this customer: itself, its group, everyone or an active campaign. */
function isForCustomer(agreement: Pick<AgreementTerms, 'salesCode'> & { salesType: string }, context: PriceContext): boolean {
  switch (agreement.salesType) {
    case 'customer': return agreement.salesCode === context.customerNo;
    case 'customerPriceGroup': return context.customerPriceGroup !== null && agreement.salesCode === context.customerPriceGroup;
    case 'customerDiscountGroup': return context.customerDiscountGroup !== null && agreement.salesCode === context.customerDiscountGroup;
    case 'allCustomers': return true;
    case 'campaign': return context.activeCampaigns.includes(agreement.salesCode);
    default: return false;
  }
}

function isDiscountForItem(discount: SalesLineDiscountAgreement, context: PriceContext): boolean {
  if (discount.type === 'item') return discount.code === context.itemNo;
  return context.itemDiscountGroup !== null && discount.code === context.itemDiscountGroup;
}

function passesFilters(agreement: AgreementTerms, context: PriceContext): boolean {
  return (
    (agreement.startingDate === null || compareDates(agreement.startingDate, context.priceDate) <= 0) &&
    (agreement.endingDate === null || compareDates(agreement.endingDate, context.priceDate) >= 0) &&
    (agreement.currencyCode === '' || agreement.currencyCode === context.currencyCode) &&
    (agreement.variantCode === '' || agreement.variantCode === context.variantCode) &&
    (agreement.unitOfMeasureCode === '' || agreement.unitOfMeasureCode === context.unitOfMeasureCode) &&
    agreement.minimumQuantity.lessThanOrEqualTo(quantityInAgreementUnit(agreement, context))
  );
}

// BC's IsInMinQty: a per-base-unit agreement counts base units.
function quantityInAgreementUnit(agreement: AgreementTerms, context: PriceContext): Decimal {
  const quantity = context.quantity.abs();
  return agreement.unitOfMeasureCode === '' ? quantity.times(context.quantityPerUnitOfMeasure) : quantity;
}

/** Document-currency agreements if there are any; otherwise the LCY ones (to be converted). */
function preferDocumentCurrency<T extends { currencyCode: string }>(candidates: T[], context: PriceContext): T[] {
  if (context.currencyCode === '') return candidates;
  const inDocumentCurrency = candidates.filter((candidate) => candidate.currencyCode === context.currencyCode);
  return inDocumentCurrency.length > 0 ? inDocumentCurrency : candidates;
}

function itemCardPrice(context: PriceContext): BestPrice {
  return {
    unitPrice: toLineUnitPrice({
      unitPrice: context.itemUnitPrice,
      includesVat: context.itemPriceIncludesVat,
      vatPercent: context.itemVatPercent,
      perBaseUnit: true,
      inLcy: true,
    }, context),
    allowInvoiceDiscount: context.itemAllowInvoiceDiscount,
    allowLineDiscount: context.customerAllowLineDiscount,
    agreement: null,
  };
}

/** BC's ConvertPriceToVAT, ConvertPriceToUoM and ConvertPriceLCYToFCY, then one rounding. */
function toLineUnitPrice(price: PriceBasis, context: PriceContext): Decimal {
  let unitPrice = toDocumentVatBasis(price, context);
  if (price.perBaseUnit) unitPrice = unitPrice.times(context.quantityPerUnitOfMeasure);
  if (price.inLcy && context.currencyCode !== '') unitPrice = unitPrice.times(context.currencyFactor);
  return roundUnitAmount(unitPrice, context.unitAmountRoundingPrecision);
}

function toDocumentVatBasis(price: PriceBasis, context: PriceContext): Decimal {
  const { unitPrice, includesVat, vatPercent } = price;
  if (includesVat && !context.documentPricesIncludingVat) return unitPrice.times(100).div(vatPercent.plus(100));
  // Both include VAT: re-base when the price was agreed at another VAT % (BC: another VAT business group).
  if (includesVat) return unitPrice.times(context.lineVatPercent.plus(100)).div(vatPercent.plus(100));
  if (context.documentPricesIncludingVat) return unitPrice.times(context.lineVatPercent.plus(100)).div(100);
  return unitPrice;
}
