/**
 * The goods of a sales posting (spec §7.5, §7.6): the item movements of the lines shipped (received
 * back), the invoicings of shipments billed now, planned by core/inventory from the entries they
 * touch (loaded and locked here), and the cost posting of what the plan values.
 */
import type { ItemMovement, ItemPostingPlan, PostedItemValue } from '../../core/inventory/item-posting.types.ts';
import { type Decimal, ZERO, dec } from '../../core/money/decimal.ts';
import { type CostPostingLine, adjustmentCostLine } from '../../core/posting/cost-posting.ts';
import { quantityBase } from '../../core/sales/quantities.ts';
import type { Executor } from '../db/connection.ts';
import { planDocumentItems } from '../ledger/item-posting-state.ts';
import type { SalesContext } from './sales-context.ts';
import type { SalesHeaderRow } from './sales-document.types.ts';
import { discountAmountOf, type InvoicedValue, type LinePosting, salesAmountOf } from './sales-post.amounts.ts';
import { itemInvoicing, type ShipmentBilling } from './sales-post.billing.ts';
import type { LoadedSalesPosting } from './sales-post.load.ts';
import type { PostingNumbers, SalesPostingDescriptor } from './sales-post.types.ts';
import type { DropShipmentReceipts } from '../purchases/drop-shipment-receipt.ts';
import { type AssembleToOrderPosting, isAssemblyKey } from '../assembly/assemble-to-order.posting.ts';

/** The item plan of the posting; null when it moves and bills no inventory. */
export async function planSalesItems(
  tx: Executor, loaded: LoadedSalesPosting, numbers: PostingNumbers, billing: readonly ShipmentBilling[],
  invoicedValues: ReadonlyMap<string, InvoicedValue>, context: SalesContext, dropShipments: DropShipmentReceipts | null,
  assembly: AssembleToOrderPosting | null,
): Promise<ItemPostingPlan | null> {
  const { header, descriptor } = loaded;
  const sales = loaded.linePostings.filter((entry) => !entry.posting.ship.isZero() && entry.inventoryItem)
    .map((entry) => itemMovement(header, entry, descriptor, numbers, invoicedValues.get(String(entry.line.lineNo))))
    .map((movement) => {
      // A drop shipment's sale takes exactly what its purchase brings in this posting.
      const purchase = dropShipments?.appliesTo.get(movement.documentLineNo);
      if (purchase) return { ...movement, appliesToEntry: null, appliesToMovement: purchase, dropShipment: true };
      // An assemble-to-order sale takes exactly what its assembly outputs in this posting (spec §15.3).
      const output = assembly?.appliesTo.get(movement.documentLineNo);
      return output ? { ...movement, appliesToEntry: null, appliesToMovement: output } : movement;
    });
  const movements = [...(dropShipments?.movements ?? []), ...(assembly?.movements ?? []), ...sales];
  const invoicings = billing.filter((bill) => bill.itemLedgerEntryNo !== null)
    .map((bill) => itemInvoicing(header, bill, descriptor, numbers, invoicedValues.get(`${bill.lineNo}:${bill.shipmentNo}:${bill.shipmentLineNo}`)!));
  return planDocumentItems(tx, movements, invoicings, context.inventorySetup, loaded.postingItems);
}

function itemMovement(
  header: SalesHeaderRow, entry: LinePosting, descriptor: SalesPostingDescriptor, numbers: PostingNumbers, invoiced: InvoicedValue | undefined,
): ItemMovement {
  const { line, posting } = entry;
  const perUnit = dec(line.quantityPerUnitOfMeasure);
  // Sales amounts are positive on a sale and negative on a credit (sign); quantities follow the stock (stockSign).
  const { sign, stockSign } = descriptor;
  // What stays expected is the line's share for the part not invoiced; the invoiced part carries the invoice's amounts.
  const notInvoiced = posting.ship.minus(posting.invoiceOfThisShipment);
  const { handlingNo } = numbers;
  const invoiceNo = numbers.invoicingNo!;
  const invoiceDocumentType = descriptor.invoicing.itemLedgerDocumentType;
  // Goods coming back apply from the entry they left by (exact cost reversal); goods leaving apply to the entry they take from.
  const inbound = descriptor.direction === 'inbound';
  return {
    key: String(line.lineNo),
    // Without a shipment (receipt) document the entry belongs to the invoice (credit memo).
    documentType: handlingNo ? descriptor.handling.itemLedgerDocumentType : invoiceDocumentType,
    documentNo: handlingNo ?? invoiceNo,
    documentLineNo: line.lineNo,
    description: line.description,
    sourceType: 'customer', sourceNo: header.sellToCustomerNo,
    genBusPostingGroup: line.genBusPostingGroup ?? '', genProdPostingGroup: line.genProdPostingGroup ?? '', inventoryPostingGroup: line.inventoryPostingGroup ?? '',
    salesAmount: salesAmountOf(line, notInvoiced, header).plus(invoiced?.salesAmount ?? ZERO).times(sign),
    discountAmount: discountAmountOf(line, notInvoiced, header).plus(invoiced?.discountAmount ?? ZERO).times(sign),
    ...(invoiced ? { invoiced: { salesAmount: invoiced.salesAmount.times(sign), discountAmount: invoiced.discountAmount.times(sign) } } : {}),
    itemNo: line.no,
    locationCode: line.locationCode ?? '',
    entryType: 'sale',
    quantity: quantityBase(posting.ship, perUnit).times(stockSign),
    invoicedQuantity: quantityBase(posting.invoiceOfThisShipment, perUnit).times(stockSign),
    unitOfMeasureCode: line.unitOfMeasureCode ?? '',
    quantityPerUnitOfMeasure: perUnit,
    unitCost: null,
    appliesToEntry: inbound ? null : line.applToItemEntry,
    appliesFromEntry: inbound ? line.applFromItemEntry : null,
    correction: false,
    ...(handlingNo && !posting.invoiceOfThisShipment.isZero() ? { invoiceDocument: { documentType: invoiceDocumentType, documentNo: invoiceNo } } : {}),
  };
}

/**
 * The plan's valued movements and invoicings as lines of the G/L cost posting, then its cost
 * adjustments; `isPurchase` tells a drop shipment's purchase (sale) from the rest by key.
 */
export function costLines(plan: ItemPostingPlan | null, isPurchase?: (key: string) => boolean): CostPostingLine[] {
  const values = valuesOf(plan);
  return [...values.map((value, index) => ({
    ...(isPurchase ? { purchase: isPurchase(value.key) } : {}),
    ...(isAssemblyKey(value.key) ? { assembly: true } : {}),
    lineNo: index,
    genBusPostingGroup: value.genBusPostingGroup,
    genProdPostingGroup: value.genProdPostingGroup,
    locationCode: value.locationCode,
    inventoryPostingGroup: value.inventoryPostingGroup,
    costAmountActual: value.costAmountActual,
    costAmountExpected: value.costAmountExpected,
  })), ...(plan?.adjustments ?? []).map((adjustment, index) => adjustmentCostLine(adjustment, values.length + index))];
}

/** Actual cost per document line (movement keys are the line no., invoicing keys start with it). */
export function costOfLines(plan: ItemPostingPlan | null): Map<string, Decimal> {
  const result = new Map<string, Decimal>();
  for (const value of valuesOf(plan)) {
    const lineKey = value.key.split(':')[0]!;
    result.set(lineKey, (result.get(lineKey) ?? ZERO).plus(value.costAmountActual));
  }
  return result;
}

/** The item ledger entry (provisional id for a new one) of each shipped line, by line no. */
export function entryOfLines(plan: ItemPostingPlan | null): Map<string, number> {
  return new Map((plan?.movements ?? []).map((value) => [value.key, value.itemLedgerEntryNo]));
}

function valuesOf(plan: ItemPostingPlan | null): PostedItemValue[] {
  return plan ? [...plan.movements, ...plan.invoicings] : [];
}
