import { and, asc, eq } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec, ZERO, type Decimal } from '../../core/money/decimal.ts';
import { calculateLineAmount, lineDiscountPercentFromAmount, lineDiscountPercentFromLineAmount } from '../../core/sales/line-amounts.ts';
import {
  checkQuantityAgainstHandledLine, type HandledLineLink, quantitiesToHandleAfterEntry, quantityBase, validateQuantities,
} from '../../core/sales/quantities.ts';
import { findBestLineDiscount, findBestPrice, type SalesLineDiscountAgreement, type SalesPriceAgreement } from '../../core/pricing/best-price.ts';
import { priceDate } from '../../core/sales/header-defaults.ts';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import type { SalesDocumentType } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { assertFitsColumns } from '../db/column-limits.ts';
import { postedSalesLine, salesLine } from '../db/schema/index.ts';
import { currencyPrecisions, type SalesContext } from './sales-context.ts';
import type { SalesHeaderRow, SalesLineRow } from './sales-document.types.ts';
import { handledQuantities } from './sales-line.quantities.ts';
import { checkPurchaseLink, fillPurchasing } from './sales-line.purchasing.ts';
import { blanketQuantitiesAfter, blanketQuantitiesBefore, withBlanketLink } from './sales-line.blanket.ts';
import { fillPrepaymentAmounts, fillPrepaymentPercent } from './prepayment.lines.ts';
import { accountForLine, itemForLine, lineVat, quantityPerUnit, type ItemRow } from '../documents/line-sources.ts';
import { SalesLineSources } from './sales-line.sources.ts';
import { fillDeliveryDates } from './sales-line.delivery-dates.ts';
import { fillAssembleToOrder } from './sales-line.assemble-to-order.ts';

type LineValues = Partial<SalesLineRow> & Pick<SalesLineRow, 'type'>;

/**
 * What a line is derived from: the fields a user sends (salesLineCreate and salesLineUpdate parse
 * into this shape) or those a command copies from another line (links to posted lines, permissions).
 */
export type SalesLineInput = Partial<SalesLineRow>;

const text = (value: Decimal, scale: number) => value.toFixed(scale);
const lineHandlingOf = (header: SalesHeaderRow) => salesDescriptor(header.documentType as SalesDocumentType).lineHandling;

/**
 * Builds a line's stored values from what the user sent: the item or account fills description,
 * unit, posting groups and VAT; the best price and line discount are found when the item, unit or
 * quantity changes (unless the user typed them); amounts and quantities to handle follow.
 * `sources`: items, prices and setups already read for the command's lines (one line's by default).
 */
export async function deriveLine(
  tx: Executor, header: SalesHeaderRow, given: SalesLineInput, previous: SalesLineRow | undefined, context: SalesContext,
  sources = new SalesLineSources(tx, header.documentType),
): Promise<LineValues> {
  // A blanket order link brings the blanket line's location, unit, price and discount with it (spec §14.1).
  const { input, linked: blanketLinked } = await withBlanketLink(tx, header, given, previous);
  const values: LineValues = { ...(previous ?? {}), ...(input as Partial<SalesLineRow>), type: (input.type ?? previous?.type) as string };
  const identityChanged = !previous || input.type !== undefined && input.type !== previous.type || input.no !== undefined && input.no !== previous.no;
  const linked = previous ? linkedPostedLine(header, previous) : undefined;
  if (linked) await checkLinkedLine(tx, input, previous!, linked);
  if (previous) checkPurchaseLink(input, previous);
  if (values.type === 'comment') return commentLine(values);
  const source = identityChanged ? await fillFromSource(sources, header, values, input) : undefined;
  await fillPurchasing(tx, header, values, input, identityChanged ? source?.purchasingCode || null : undefined);
  if (values.type === 'item' && (identityChanged || input.unitOfMeasureCode !== undefined)) await fillUnitOfMeasure(sources, values);
  if (identityChanged) await fillVat(sources, header, values);
  await fillDeliveryDates(sources, header, values, input as SalesLineInput, previous, context);
  await fillPrepaymentPercent(sources, header, values, input, previous, identityChanged);
  const quantityChanged = identityChanged || input.quantity !== undefined || input.unitOfMeasureCode !== undefined;
  // A line billing a posted shipment (return receipt) keeps the order's price and discounts (issue 10), one delivering a blanket line the blanket's.
  if (values.type === 'item' && quantityChanged && !linked && !blanketLinked) await fillBestPrice(sources, header, values, input, context, source);
  const blanketOnOrders = await blanketQuantitiesBefore(tx, header, values, input, previous);
  fillQuantities(header, values, input, previous, quantityChanged, context);
  fillAssembleToOrder(header, values, input, previous, source);
  blanketQuantitiesAfter(values, input, blanketOnOrders, quantityChanged);
  const precision = await fillLineAmount(sources, header, values, input, context);
  const amountsChanged = quantityChanged || ['unitPrice', 'lineDiscountPercent', 'lineDiscountAmount', 'lineAmount', 'prepaymentPercent'].some((field) => input[field as keyof SalesLineInput] !== undefined);
  fillPrepaymentAmounts(header, values, input, precision, amountsChanged);
  assertFitsColumns(salesLine, values);
  return values;
}

interface LinkedPostedLine { kind: 'shipment' | 'returnReceipt'; documentNo: string; lineNo: number }

/** The posted shipment (return receipt) line an invoice (credit memo) line bills (Get Shipment Lines), if any. */
function linkedPostedLine(header: SalesHeaderRow, line: SalesLineRow): LinkedPostedLine | undefined {
  const handling = lineHandlingOf(header);
  const documentNo = line[handling.postedDocumentNoField];
  const lineNo = line[handling.postedLineNoField];
  return documentNo && lineNo !== null ? { kind: handling.handlingType, documentNo, lineNo } : undefined;
}

const fieldsFixedByLink = [['type', 'Type'], ['no', 'No.'], ['unitOfMeasureCode', 'Unit of Measure Code']] as const;

/**
 * A line billing a posted shipment (return receipt) line keeps what identifies the goods (BC: Type
 * and No. require a blank Shipment No.), and its Quantity may be lowered, never raised above what
 * that line has left to invoice (BC CheckShipmentRelation). Lines inserted by Get Shipment Lines are
 * not checked here: they take what is left by construction.
 */
async function checkLinkedLine(tx: Executor, input: SalesLineInput, previous: SalesLineRow, linked: LinkedPostedLine): Promise<void> {
  const changed = fieldsFixedByLink.find(([field]) => input[field] !== undefined && input[field] !== previous[field]);
  if (!changed && input.quantity === undefined) return;
  const link = await handledLineLink(tx, linked);
  if (changed) {
    const what = link.kind === 'shipment' ? 'shipment' : 'return receipt';
    throw new DomainError('LINE_FROM_SHIPMENT_FIXED', {
      fieldCaption: changed[1], line: `this line (${previous.no})`, source: `line ${link.position} of ${what} ${link.documentNo}`, what,
    }, changed[0]);
  }
  checkQuantityAgainstHandledLine(dec(input.quantity as string), link);
}

/** The posted line with its position among its document's lines, as the posted document's page lists them. */
async function handledLineLink(tx: Executor, linked: LinkedPostedLine): Promise<HandledLineLink> {
  const lines = await tx.select({ lineNo: postedSalesLine.lineNo, no: postedSalesLine.no, description: postedSalesLine.description, quantityNotInvoiced: postedSalesLine.quantityNotInvoiced })
    .from(postedSalesLine).where(and(eq(postedSalesLine.documentType, linked.kind), eq(postedSalesLine.documentNo, linked.documentNo))).orderBy(asc(postedSalesLine.lineNo));
  const index = lines.findIndex((candidate) => candidate.lineNo === linked.lineNo);
  if (index < 0) throw new DomainError('NOT_FOUND', { entity: linked.kind === 'shipment' ? 'Shipment line' : 'Return receipt line', key: `${linked.documentNo} ${linked.lineNo}` }, 'quantity');
  const posted = lines[index]!;
  return { kind: linked.kind, documentNo: linked.documentNo, position: index + 1, no: posted.no, description: posted.description, quantityNotInvoiced: dec(posted.quantityNotInvoiced) };
}

function commentLine(values: LineValues): LineValues {
  return { ...values, no: '', quantity: '0', quantityBase: '0', quantityToShip: '0', quantityToInvoice: '0', returnQuantityToReceive: '0', unitPrice: '0', lineAmount: '0', lineDiscountAmount: '0', lineDiscountPercent: '0' };
}


/** Fills the line from its item or account; returns the item so pricing need not load it again. */
async function fillFromSource(sources: SalesLineSources, header: SalesHeaderRow, values: LineValues, input: SalesLineInput): Promise<ItemRow | undefined> {
  if (!values.no) throw new DomainError('INVALID_INPUT', { detail: `A line of type ${values.type} needs a number (no).` }, 'no');
  values.genBusPostingGroup = header.genBusPostingGroup;
  values.vatBusPostingGroup = header.vatBusPostingGroup;
  values.locationCode = input.locationCode !== undefined ? (input.locationCode as string | null) : header.locationCode;
  values.shipmentDate = (input.shipmentDate as string | undefined) ?? header.shipmentDate;
  if (values.type === 'item') {
    const source = await itemForLine(sources, values.no);
    // Sales Blocked stops selling the item, not taking it back.
    if (source.salesBlocked && salesDescriptor(header.documentType as SalesDocumentType).direction === 'outbound') throw new DomainError('ITEM_SALES_BLOCKED', { itemNo: source.no }, 'no');
    values.description = (input.description as string | undefined) ?? source.description;
    values.description2 = (input.description2 as string | undefined) ?? source.description2;
    values.unitOfMeasureCode = (input.unitOfMeasureCode as string | undefined) ?? source.salesUnitOfMeasure ?? source.baseUnitOfMeasure;
    values.genProdPostingGroup = source.genProdPostingGroup;
    values.vatProdPostingGroup = source.vatProdPostingGroup;
    values.inventoryPostingGroup = source.type === 'inventory' ? source.inventoryPostingGroup : null;
    return source;
  }
  const account = await accountForLine(sources, values.no, Boolean(values.systemCreatedEntry));
  values.description = (input.description as string | undefined) ?? account.name;
  values.genProdPostingGroup = account.genProdPostingGroup;
  values.vatProdPostingGroup = account.vatProdPostingGroup;
  values.inventoryPostingGroup = null;
  values.unitOfMeasureCode = (input.unitOfMeasureCode as string | undefined) ?? null;
  values.quantityPerUnitOfMeasure = '1';
  return undefined;
}

async function fillUnitOfMeasure(sources: SalesLineSources, values: LineValues) {
  values.quantityPerUnitOfMeasure = await quantityPerUnit(sources, values.no!, values.unitOfMeasureCode!);
}

async function fillVat(sources: SalesLineSources, header: SalesHeaderRow, values: LineValues) {
  Object.assign(values, await lineVat(sources, header.vatBusPostingGroup, values.vatProdPostingGroup ?? null));
}

async function fillBestPrice(sources: SalesLineSources, header: SalesHeaderRow, values: LineValues, input: SalesLineInput, context: SalesContext, loaded: ItemRow | undefined) {
  if (input.unitPrice !== undefined && input.lineDiscountPercent !== undefined) return;
  const source = loaded ?? (await sources.item(values.no!));
  const prices = await sources.pricesOf(source!);
  const discounts = await sources.discountsOf(source!);
  const vatPercents = await priceVatPercents(sources, values, prices.map((price) => price.vatBusPostingGroupPrice));
  const precisions = await precisionsOf(sources, context, header.currencyCode);
  const priceContext = {
    itemNo: source!.no,
    itemDiscountGroup: source!.itemDiscountGroup,
    customerNo: header.billToCustomerNo,
    customerPriceGroup: header.customerPriceGroup,
    customerDiscountGroup: header.customerDiscountGroup,
    activeCampaigns: [],
    priceDate: priceDate(header.documentType as never, { orderDate: header.orderDate, postingDate: header.postingDate }, context.workDate),
    currencyCode: header.currencyCode ?? '',
    currencyFactor: dec(header.currencyFactor),
    variantCode: '',
    unitOfMeasureCode: values.unitOfMeasureCode ?? '',
    quantityPerUnitOfMeasure: dec(values.quantityPerUnitOfMeasure ?? '1'),
    quantity: dec(values.quantity ?? '0'),
    documentPricesIncludingVat: header.pricesIncludingVat,
    lineVatPercent: dec(values.vatPercent ?? '0'),
    itemUnitPrice: dec(source!.unitPrice),
    itemPriceIncludesVat: source!.priceIncludesVat,
    itemVatPercent: dec(values.vatPercent ?? '0'),
    itemAllowInvoiceDiscount: source!.allowInvoiceDiscount,
    customerAllowLineDiscount: header.allowLineDiscount,
    unitAmountRoundingPrecision: precisions.unitAmount,
  };
  const agreements: SalesPriceAgreement[] = prices.map((price) => ({
    ...price, salesType: price.salesType as SalesPriceAgreement['salesType'], minimumQuantity: dec(price.minimumQuantity),
    unitPrice: dec(price.unitPrice), vatPercent: vatPercents.get(price.vatBusPostingGroupPrice ?? '') ?? ZERO,
  }));
  const best = findBestPrice(agreements, priceContext);
  const discountAgreements: SalesLineDiscountAgreement[] = discounts.map((discount) => ({
    ...discount, type: discount.type as SalesLineDiscountAgreement['type'], salesType: discount.salesType as SalesLineDiscountAgreement['salesType'],
    minimumQuantity: dec(discount.minimumQuantity), lineDiscountPercent: dec(discount.lineDiscountPercent),
  }));
  if (input.unitPrice === undefined) values.unitPrice = text(best.unitPrice, 5);
  if (input.lineDiscountPercent === undefined && input.lineDiscountAmount === undefined && input.lineAmount === undefined) {
    values.lineDiscountPercent = text(findBestLineDiscount(discountAgreements, priceContext, best), 5);
  }
  if (input.allowInvoiceDiscount === undefined) values.allowInvoiceDiscount = best.allowInvoiceDiscount;
  values.allowLineDiscount = best.allowLineDiscount;
  values.unitCostLcy = text(dec(source!.unitCost).times(dec(values.quantityPerUnitOfMeasure ?? '1')), 5);
}

const precisionsOf = (sources: SalesLineSources, context: SalesContext, currencyCode: string | null) =>
  sources.once(`currency ${currencyCode ?? ''}`, () => currencyPrecisions(sources.tx, context, currencyCode));

/** VAT % of each price agreement's VAT business group (the document's when blank) for the line's product group. */
async function priceVatPercents(sources: SalesLineSources, values: LineValues, groups: (string | null)[]): Promise<Map<string, Decimal>> {
  const percents = new Map<string, Decimal>([['', dec(values.vatPercent ?? '0')]]);
  const named = [...new Set(groups.filter((group): group is string => Boolean(group)))];
  if (named.length === 0 || !values.vatProdPostingGroup) return percents;
  const setups = await sources.vatSetupsOf(named, values.vatProdPostingGroup);
  for (const setup of setups) percents.set(setup.vatBusPostingGroup!, dec(setup.vatPercent));
  return percents;
}

function fillQuantities(header: SalesHeaderRow, values: LineValues, input: SalesLineInput, previous: SalesLineRow | undefined, quantityChanged: boolean, context: SalesContext) {
  const documentType = header.documentType as SalesDocumentType;
  const handling = lineHandlingOf(header);
  const toShipField = handling.quantityToHandleField;
  // Quantity, Qty. to Ship and Qty. to Invoice sent together count as typed one after the other (spec §4.1).
  const handle = quantitiesToHandleAfterEntry(documentType, context.salesSetup.defaultQuantityToShip as 'remainder' | 'blank', handledQuantities(values, handling), {
    quantityChanged,
    quantityToShip: input[toShipField] === undefined ? undefined : dec(input[toShipField] as string),
    quantityToInvoice: input.quantityToInvoice === undefined ? undefined : dec(input.quantityToInvoice as string),
  });
  values[toShipField] = text(handle.quantityToShip, 5);
  values.quantityToInvoice = text(handle.quantityToInvoice, 5);
  validateQuantities(documentType, handledQuantities(values, handling), previous ? handledQuantities(previous, handling) : undefined);
  values.quantityBase = text(quantityBase(dec(values.quantity ?? '0'), dec(values.quantityPerUnitOfMeasure ?? '1')), 5);
}

async function fillLineAmount(sources: SalesLineSources, header: SalesHeaderRow, values: LineValues, input: SalesLineInput, context: SalesContext) {
  const precision = (await precisionsOf(sources, context, header.currencyCode)).amount;
  const pricing = { quantity: dec(values.quantity ?? '0'), unitPrice: dec(values.unitPrice ?? '0') };
  if (input.lineAmount !== undefined) {
    values.lineDiscountPercent = text(lineDiscountPercentFromLineAmount({ ...pricing, lineAmount: dec(input.lineAmount as string) }, precision), 5);
  } else if (input.lineDiscountAmount !== undefined) {
    values.lineDiscountPercent = text(lineDiscountPercentFromAmount({ ...pricing, lineDiscountAmount: dec(input.lineDiscountAmount as string) }, precision), 5);
  }
  const discountPercent = dec(values.lineDiscountPercent ?? '0');
  if (!discountPercent.isZero() && values.allowLineDiscount === false) {
    throw new DomainError('LINE_DISCOUNT_NOT_ALLOWED', { no: values.no ?? '' }, 'lineDiscountPercent');
  }
  const { lineDiscountAmount, lineAmount } = calculateLineAmount({ ...pricing, lineDiscountPercent: discountPercent }, precision);
  values.lineDiscountAmount = text(lineDiscountAmount, 2);
  values.lineAmount = text(lineAmount, 2);
  return precision;
}
