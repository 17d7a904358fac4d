import { purchaseDescriptor } from '../../core/documents/document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import { dec, type Decimal } from '../../core/money/decimal.ts';
import { roundUnitAmount } from '../../core/money/rounding.ts';
import { calculateLineAmount, lineDiscountPercentFromAmount, lineDiscountPercentFromLineAmount } from '../../core/sales/line-amounts.ts';
import { quantitiesToHandleAfterEntry, quantityBase, validateQuantities } from '../../core/sales/quantities.ts';
import type { Executor } from '../db/connection.ts';
import { assertFitsColumns } from '../db/column-limits.ts';
import { purchaseLine } from '../db/schema/index.ts';
import { bestDirectUnitCost, bestPurchaseLineDiscount } from '../../core/pricing/purchase-price.ts';
import { accountForLine, itemForLine, lineVat, quantityPerUnit, type ItemRow } from '../documents/line-sources.ts';
import { PurchaseLineSources } from './purchase-line.sources.ts';
import { currencyPrecisions } from '../sales/sales-context.ts';
import { handledQuantities } from '../sales/sales-line.quantities.ts';
import type { PurchaseContext } from './purchase-context.ts';
import type { PurchaseHeaderRow, PurchaseLineRow } from './purchase-document.types.ts';
import type { EditablePurchaseDocumentType } from '../../core/documents/document-types.ts';

type LineValues = Partial<PurchaseLineRow> & Pick<PurchaseLineRow, 'type'>;
export type PurchaseLineInput = Partial<PurchaseLineRow>;

const descriptorOf = (header: PurchaseHeaderRow) => purchaseDescriptor(header.documentType as EditablePurchaseDocumentType);

/**
 * A purchase line's stored values from what the user sent (BC Purchase Line triggers): the item or
 * account fills description, unit, posting groups and VAT; the Direct Unit Cost is the item's Last
 * Direct Cost in the document's currency unless typed; amounts and quantities to handle follow.
 */
export async function derivePurchaseLine(
  tx: Executor, header: PurchaseHeaderRow, input: PurchaseLineInput, previous: PurchaseLineRow | undefined, context: PurchaseContext,
  sources = new PurchaseLineSources(tx, header.buyFromVendorNo),
): Promise<LineValues> {
  const values: LineValues = { ...(previous ?? {}), ...input, type: (input.type ?? previous?.type) as string };
  const identityChanged = !previous || input.type !== undefined && input.type !== previous.type || input.no !== undefined && input.no !== previous.no;
  if (previous) checkSalesLink(input, previous);
  if (values.type === 'comment') return commentLine(values);
  const source = identityChanged ? await fillFromSource(sources, header, values, input) : undefined;
  if (values.type === 'item' && (identityChanged || input.unitOfMeasureCode !== undefined)) {
    values.quantityPerUnitOfMeasure = await quantityPerUnit(sources, values.no!, values.unitOfMeasureCode!);
  }
  if (identityChanged) Object.assign(values, await lineVat(sources, header.vatBusPostingGroup, values.vatProdPostingGroup ?? null));
  const quantityChanged = identityChanged || input.quantity !== undefined || input.unitOfMeasureCode !== undefined;
  if (values.type === 'item' && quantityChanged) await fillFromAgreements(sources, header, values, input, source, context, identityChanged || input.unitOfMeasureCode !== undefined);
  fillQuantities(header, values, input, previous, quantityChanged, context);
  await fillAmounts(sources, header, values, input, context);
  assertFitsColumns(purchaseLine, values);
  return values;
}

const fieldCaptions = { type: 'Type', no: 'No.', unitOfMeasureCode: 'Unit of Measure Code', quantity: 'Quantity' } as const;

/** What ties a line to the sales order line it buys for (drop shipment, special order) stays as it is. */
function checkSalesLink(input: PurchaseLineInput, previous: PurchaseLineRow) {
  const salesOrderNo = previous.salesOrderNo ?? previous.specialOrderSalesNo;
  if (!salesOrderNo) return;
  const fixed = (['type', 'no', 'unitOfMeasureCode', 'quantity'] as const).find((field) => input[field] !== undefined && input[field] !== previous[field]
    && !(field === 'quantity' && dec(input.quantity!).eq(dec(previous.quantity))));
  if (fixed) {
    throw new DomainError('PURCHASE_LINE_LINKED_TO_SALES', {
      fieldCaption: fieldCaptions[fixed], lineNo: previous.lineNo, salesOrderNo, salesLineNo: previous.salesOrderLineNo ?? previous.specialOrderSalesLineNo ?? '',
      kind: previous.dropShipment ? 'drop shipment' : 'special order',
    }, fixed);
  }
}

function commentLine(values: LineValues): LineValues {
  return {
    ...values, no: '', quantity: '0', quantityBase: '0', quantityToReceive: '0', returnQuantityToShip: '0', quantityToInvoice: '0',
    directUnitCost: '0', lineAmount: '0', lineDiscountAmount: '0', lineDiscountPercent: '0',
  };
}

async function fillFromSource(sources: PurchaseLineSources, header: PurchaseHeaderRow, values: LineValues, input: PurchaseLineInput): Promise<ItemRow | undefined> {
  if (!values.no) throw new DomainError('INVALID_INPUT', { detail: `A line of type ${values.type} needs a number (no).` }, 'no');
  values.genBusPostingGroup = header.genBusPostingGroup;
  values.vatBusPostingGroup = header.vatBusPostingGroup;
  values.locationCode = input.locationCode !== undefined ? input.locationCode : header.locationCode;
  values.expectedReceiptDate = input.expectedReceiptDate ?? header.expectedReceiptDate ?? header.orderDate;
  if (values.type === 'item') {
    const source = await itemForLine(sources, values.no);
    values.description = input.description ?? source.description;
    values.description2 = input.description2 ?? source.description2;
    values.unitOfMeasureCode = input.unitOfMeasureCode ?? source.baseUnitOfMeasure;
    values.vendorItemNo = input.vendorItemNo ?? (source.vendorNo === header.buyFromVendorNo ? source.vendorItemNo : '');
    values.genProdPostingGroup = source.genProdPostingGroup;
    values.vatProdPostingGroup = source.vatProdPostingGroup;
    values.inventoryPostingGroup = source.type === 'inventory' ? source.inventoryPostingGroup : null;
    values.allowInvoiceDiscount = input.allowInvoiceDiscount ?? source.allowInvoiceDiscount;
    return source;
  }
  if (values.type !== 'glAccount') throw new DomainError('INVALID_INPUT', { detail: `Purchase lines are of type item, glAccount or comment, not ${values.type}.` }, 'type');
  const account = await accountForLine(sources, values.no, Boolean(values.systemCreatedEntry));
  values.description = input.description ?? account.name;
  values.genProdPostingGroup = account.genProdPostingGroup;
  values.vatProdPostingGroup = account.vatProdPostingGroup;
  values.inventoryPostingGroup = null;
  values.unitOfMeasureCode = input.unitOfMeasureCode ?? null;
  values.quantityPerUnitOfMeasure = '1';
  return undefined;
}

const precisionsOf = (sources: PurchaseLineSources, context: PurchaseContext, currencyCode: string | null) =>
  sources.once(`currency ${currencyCode ?? ''}`, () => currencyPrecisions(sources.tx, context, currencyCode));

/**
 * Direct Unit Cost and Line Discount % from the vendor's agreements (core/pricing/purchase-price.ts),
 * unless typed; without a cost agreement, BC's fallback: the item's Last Direct Cost per base unit, in
 * the line's unit and the document's currency.
 */
async function fillFromAgreements(
  sources: PurchaseLineSources, header: PurchaseHeaderRow, values: LineValues, input: PurchaseLineInput, loaded: ItemRow | undefined, context: PurchaseContext,
  newItemOrUnit: boolean,
) {
  const costTyped = input.directUnitCost !== undefined;
  const discountTyped = input.lineDiscountPercent !== undefined || input.lineDiscountAmount !== undefined || input.lineAmount !== undefined;
  if (costTyped && discountTyped) return;
  const perUnit = dec(values.quantityPerUnitOfMeasure ?? '1');
  const priceContext = {
    date: header.orderDate ?? header.postingDate ?? context.workDate, currencyCode: header.currencyCode ?? '',
    unitOfMeasureCode: values.unitOfMeasureCode ?? '', quantityBase: dec(values.quantity ?? '0').times(perUnit),
  };
  if (!costTyped) {
    const prices = (await sources.pricesOf(values.no!)).map((row) => ({ ...row, minimumQuantity: dec(row.minimumQuantity), directUnitCost: dec(row.directUnitCost) }));
    const source = loaded ?? await itemForLine(sources, values.no!);
    const precision = (await precisionsOf(sources, context, header.currencyCode)).unitAmount;
    const agreed = bestDirectUnitCost(prices, priceContext, perUnit);
    // BC FindPurchLinePrice: a new quantity alone changes the cost only when an agreement gives one.
    if (agreed === null && !newItemOrUnit) return fillDiscount();
    let cost = agreed ?? dec(source.lastDirectCost).times(perUnit).times(dec(header.currencyFactor));
    if (header.pricesIncludingVat && values.vatCalculationType !== 'reverseCharge') cost = cost.times(dec(values.vatPercent ?? '0').div(100).plus(1));
    values.directUnitCost = roundUnitAmount(cost, precision).toFixed(5);
  }
  return fillDiscount();

  async function fillDiscount() {
    if (discountTyped) return;
    const discounts = await sources.discountsOf(values.no!);
    values.lineDiscountPercent = bestPurchaseLineDiscount(discounts.map((row) => ({ ...row, minimumQuantity: dec(row.minimumQuantity), lineDiscountPercent: dec(row.lineDiscountPercent) })), priceContext).toFixed(5);
  }
}

function fillQuantities(header: PurchaseHeaderRow, values: LineValues, input: PurchaseLineInput, previous: PurchaseLineRow | undefined, quantityChanged: boolean, context: PurchaseContext) {
  const descriptor = descriptorOf(header);
  const handling = descriptor.lineHandling;
  const toHandle = handling.quantityToHandleField as 'quantityToReceive' | 'returnQuantityToShip';
  const handle = quantitiesToHandleAfterEntry(descriptor, context.purchasesSetup.defaultQuantityToReceive as 'remainder' | 'blank', handledQuantities(values, handling), {
    quantityChanged,
    quantityToShip: input[toHandle] === undefined ? undefined : dec(input[toHandle]),
    quantityToInvoice: input.quantityToInvoice === undefined ? undefined : dec(input.quantityToInvoice),
  });
  values[toHandle] = handle.quantityToShip.toFixed(5);
  values.quantityToInvoice = handle.quantityToInvoice.toFixed(5);
  validateQuantities(descriptor, handledQuantities(values, handling), previous ? handledQuantities(previous, handling) : undefined);
  values.quantityBase = quantityBase(dec(values.quantity ?? '0'), dec(values.quantityPerUnitOfMeasure ?? '1')).toFixed(5);
}

/** Line discount and Line Amount as on sales lines; Unit Cost (LCY) is the net cost per unit in local currency (BC UpdateUnitCost). */
async function fillAmounts(sources: PurchaseLineSources, header: PurchaseHeaderRow, values: LineValues, input: PurchaseLineInput, context: PurchaseContext) {
  const precisions = await precisionsOf(sources, context, header.currencyCode);
  const pricing = { quantity: dec(values.quantity ?? '0'), unitPrice: dec(values.directUnitCost ?? '0') };
  if (input.lineAmount !== undefined) {
    values.lineDiscountPercent = lineDiscountPercentFromLineAmount({ ...pricing, lineAmount: dec(input.lineAmount) }, precisions.amount).toFixed(5);
  } else if (input.lineDiscountAmount !== undefined) {
    values.lineDiscountPercent = lineDiscountPercentFromAmount({ ...pricing, lineDiscountAmount: dec(input.lineDiscountAmount) }, precisions.amount).toFixed(5);
  }
  const { lineDiscountAmount, lineAmount } = calculateLineAmount({ ...pricing, lineDiscountPercent: dec(values.lineDiscountPercent ?? '0') }, precisions.amount);
  values.lineDiscountAmount = lineDiscountAmount.toFixed(2);
  values.lineAmount = lineAmount.toFixed(2);
  values.unitCostLcy = unitCostLcy(header, values, pricing.unitPrice).toFixed(5);
}

function unitCostLcy(header: PurchaseHeaderRow, values: LineValues, directUnitCost: Decimal): Decimal {
  const discountPercent = dec(values.lineDiscountPercent ?? '0');
  let cost = directUnitCost.times(dec('100').minus(discountPercent)).div(100);
  if (header.pricesIncludingVat && values.vatCalculationType !== 'reverseCharge') cost = cost.div(dec(values.vatPercent ?? '0').div(100).plus(1));
  return roundUnitAmount(cost.div(dec(header.currencyFactor)));
}
