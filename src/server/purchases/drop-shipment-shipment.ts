/**
 * Receiving a drop shipment ships its sale (spec §15.1, "and vice versa"): when a purchase order
 * posting receives drop-shipment lines, the linked sales order lines are shipped in the same
 * transaction — a sale entry applied to the purchase entry, both flagged Drop Shipment, a posted
 * sales shipment per sales order, and the sales lines' shipped quantities. The mirror of
 * drop-shipment-receipt.ts, which receives the purchase when the sale ships.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import type { ItemMovement } from '../../core/inventory/item-posting.types.ts';
import { type Decimal, ZERO, dec } from '../../core/money/decimal.ts';
import { quantitiesAfterPosting } from '../../core/sales/posting-scope.ts';
import { quantityBase } from '../../core/sales/quantities.ts';
import type { Executor } from '../db/connection.ts';
import { postedSalesHeader, postedSalesLine, salesHeader, salesLine, salesReceivablesSetup } from '../db/schema/index.ts';
import type { PendingAppend } from '../ledger/append-posting.ts';
import { type NumberRequest, numberToken } from '../posting/posting-numbers.ts';
import { postedHeaderFrom, postedLineFrom } from '../sales/posted-document.writer.ts';
import type { SalesHeaderRow, SalesLineRow } from '../sales/sales-document.types.ts';
import { handledQuantities, updateLineQuantities } from '../sales/sales-line.quantities.ts';
import { discountAmountOf, salesAmountOf, type LinePosting } from '../sales/sales-post.amounts.ts';
import type { PurchaseLineRow } from './purchase-document.types.ts';

interface ShippedLine { purchaseLine: PurchaseLineRow; salesLine: SalesLineRow; header: SalesHeaderRow; quantity: Decimal; key: string }

export interface DropShipmentShipments {
  requests: NumberRequest[];
  /** The sales entries, to plan after the purchase movements they apply to (keys: the purchase line no.). */
  movements: ItemMovement[];
  finish(tx: Executor): Promise<(numbers: ReadonlyMap<string, string>) => SQL[]>;
  /** Queues the posted shipments with the posting's rows, numbered. */
  queueShipments(pending: PendingAppend, entryOfMovement: ReadonlyMap<string, number>, numbers: ReadonlyMap<string, string>, facts: { postingDate: string; userId: string }): void;
}

const tokenOf = (salesOrderNo: string) => numberToken(`dropShipmentShipment:${salesOrderNo}`);

/** Null when the posting receives no drop shipment. */
export async function planDropShipmentShipments(tx: Executor, received: readonly LinePosting<PurchaseLineRow>[]): Promise<DropShipmentShipments | null> {
  const drop = received.filter((entry) => entry.line.dropShipment && entry.line.salesOrderNo && !entry.posting.ship.isZero());
  if (drop.length === 0) return null;
  const orderNos = [...new Set(drop.map((entry) => entry.line.salesOrderNo!))];
  const headers = await tx.select().from(salesHeader).where(and(eq(salesHeader.documentType, 'order'), inArray(salesHeader.no, orderNos))).for('update');
  const lines = await tx.select().from(salesLine).where(and(eq(salesLine.documentType, 'order'), inArray(salesLine.documentNo, orderNos)));
  const shipped = drop.map((entry): ShippedLine => {
    const sales = lines.find((line) => line.documentNo === entry.line.salesOrderNo && line.lineNo === entry.line.salesOrderLineNo);
    const field = `lines.${entry.line.lineNo}.salesOrderNo`;
    if (!sales) throw new DomainError('NOT_FOUND', { entity: 'Sales Line', key: `${entry.line.salesOrderNo} ${entry.line.salesOrderLineNo}` }, field);
    const outstanding = dec(sales.quantity).minus(dec(sales.quantityShipped));
    if (entry.posting.ship.greaterThan(outstanding)) {
      throw new DomainError('SHIP_MORE_THAN_OUTSTANDING', { verb: 'ship', maximum: outstanding.toString(), fieldCaption: `Qty. to Ship of sales order ${sales.documentNo} line ${sales.lineNo}`, value: entry.posting.ship.toString() }, field);
    }
    return { purchaseLine: entry.line, salesLine: sales, header: headers.find((header) => header.no === sales.documentNo)!, quantity: entry.posting.ship, key: `dropShipmentSale:${entry.line.lineNo}` };
  });
  const [setup] = await tx.select({ series: salesReceivablesSetup.postedShipmentNos, defaultQuantityToShip: salesReceivablesSetup.defaultQuantityToShip }).from(salesReceivablesSetup);
  if (!setup?.series) {
    const posted = salesDescriptor('order').handling!;
    throw new DomainError('NO_SERIES_NOT_SET_UP', { what: posted.caption.toLowerCase(), setup: `Sales & Receivables Setup (${posted.seriesFieldCaption})` });
  }
  return {
    requests: orderNos.map((no) => ({ token: tokenOf(no), series: setup.series! })),
    movements: shipped.map(saleMovement),
    finish: (finishTx) => finishSalesLines(finishTx, shipped, setup.defaultQuantityToShip, orderNos),
    queueShipments: (pending, entryOfMovement, numbers, facts) => {
      for (const no of orderNos) queueShipment(pending, shipped.filter((line) => line.header.no === no), entryOfMovement, numbers, { ...facts, series: setup.series! });
    },
  };
}

function saleMovement(shipped: ShippedLine): ItemMovement {
  const { salesLine: line, header, quantity } = shipped;
  const perUnit = dec(line.quantityPerUnitOfMeasure);
  return {
    key: shipped.key, documentType: 'salesShipment', documentNo: tokenOf(line.documentNo), documentLineNo: line.lineNo,
    description: line.description, sourceType: 'customer', sourceNo: header.sellToCustomerNo,
    genBusPostingGroup: line.genBusPostingGroup ?? '', genProdPostingGroup: line.genProdPostingGroup ?? '', inventoryPostingGroup: line.inventoryPostingGroup ?? '',
    salesAmount: salesAmountOf(line, quantity, header), discountAmount: discountAmountOf(line, quantity, header),
    itemNo: line.no, locationCode: shipped.purchaseLine.locationCode ?? '', entryType: 'sale',
    quantity: quantityBase(quantity, perUnit).negated(), invoicedQuantity: ZERO, unitOfMeasureCode: line.unitOfMeasureCode ?? '', quantityPerUnitOfMeasure: perUnit,
    unitCost: null, appliesToEntry: null, appliesToMovement: String(shipped.purchaseLine.lineNo), appliesFromEntry: null, correction: false, dropShipment: true,
  };
}

async function finishSalesLines(tx: Executor, shipped: readonly ShippedLine[], defaultQuantityToShip: string, orderNos: readonly string[]) {
  const descriptor = salesDescriptor('order');
  await updateLineQuantities(tx, shipped.map(({ salesLine: line, quantity }) => ({
    documentType: 'order', documentNo: line.documentNo, lineNo: line.lineNo, returns: false,
    after: quantitiesAfterPosting(descriptor, defaultQuantityToShip as never, handledQuantities(line, descriptor.lineHandling), { ship: quantity, invoice: ZERO }),
  })), 'sales_line');
  return (numbers: ReadonlyMap<string, string>) => orderNos.map((no) => tx.update(salesHeader)
    .set({ lastShippingNo: numbers.get(tokenOf(no)) ?? null, version: sql`${salesHeader.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(salesHeader.documentType, 'order'), eq(salesHeader.no, no))).getSQL());
}

function queueShipment(
  pending: PendingAppend, lines: readonly ShippedLine[], entryOfMovement: ReadonlyMap<string, number>, numbers: ReadonlyMap<string, string>,
  facts: { postingDate: string; userId: string; series: string },
) {
  const header = lines[0]!.header;
  const no = numbers.get(tokenOf(header.no))!;
  const posted = { ...postedHeaderFrom(header, 'shipment', no, { postingDate: facts.postingDate, noSeries: facts.series, userId: facts.userId }), transactionNo: pending.transactionNo };
  pending.alsoInsert(postedSalesHeader, [posted]);
  pending.alsoInsert(postedSalesLine, lines.map(({ salesLine: line, quantity, key }) => postedLineFrom(posted, line, {
    quantity: quantity.toString(), quantityBase: quantityBase(quantity, dec(line.quantityPerUnitOfMeasure)).toString(),
    quantityInvoiced: '0', quantityNotInvoiced: quantity.toString(),
    lineAmount: '0', lineDiscountAmount: '0', invoiceDiscountAmount: '0', amount: '0', amountIncludingVat: '0', vatBaseAmount: '0',
    itemLedgerEntryNo: pending.itemLedgerEntryNo(entryOfMovement.get(key)!),
  })));
}
