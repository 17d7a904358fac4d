/**
 * Shipping a drop shipment receives its purchase (spec §15.1, worked example 6): when a sales order
 * posting ships drop-shipment lines, the linked purchase order lines are received in the same
 * transaction — a purchase entry (+qty, expected cost = the purchase line's amount) that the sale
 * applies to, both flagged Drop Shipment so stock does not change, a posted purchase receipt per
 * purchase order, and the purchase lines' received quantities.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { purchaseDescriptor } from '../../core/documents/document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import type { ItemMovement } from '../../core/inventory/item-posting.types.ts';
import { type Decimal, ZERO, dec } from '../../core/money/decimal.ts';
import { quantitiesAfterPosting } from '../../core/sales/posting-scope.ts';
import { quantityBase } from '../../core/sales/quantities.ts';
import type { Executor } from '../db/connection.ts';
import { purchaseHeader, purchaseLine, purchasesPayablesSetup } from '../db/schema/index.ts';
import { type NumberRequest, numberToken } from '../posting/posting-numbers.ts';
import { handledQuantities, updateLineQuantities } from '../sales/sales-line.quantities.ts';
import { salesAmountOf, type LinePosting } from '../sales/sales-post.amounts.ts';
import type { SalesLineRow } from '../sales/sales-document.types.ts';
import type { PurchaseHeaderRow, PurchaseLineRow } from './purchase-document.types.ts';
import { headerFrom, lineFrom, noAmounts, type PostedDocumentPlan } from './posted-purchase-document.writer.ts';

interface ReceivedLine { salesLine: SalesLineRow; purchaseLine: PurchaseLineRow; quantity: Decimal; movementKey: string }

export interface DropShipmentReceipts {
  requests: NumberRequest[];
  /** The purchase entries, to plan before the sales movements that apply to them. */
  movements: ItemMovement[];
  /** Sales line no. → the key of the purchase movement its sale applies to. */
  appliesTo: Map<number, string>;
  /** Advances the purchase lines (before the numbers are drawn); answers the headers' Last Receiving No. update. */
  finish(tx: Executor): Promise<(numbers: ReadonlyMap<string, string>) => SQL[]>;
  /** The posted receipts, with the item plan's provisional entry ids by movement key. */
  postedReceipts(entryOfMovement: ReadonlyMap<string, number>, postingDate: string, facts: { description: string; userId: string }): PostedDocumentPlan[];
}

const tokenOf = (purchaseOrderNo: string) => numberToken(`dropShipmentReceipt:${purchaseOrderNo}`);

/** Null when the posting ships no drop shipment. */
export async function planDropShipmentReceipts(tx: Executor, shipped: readonly LinePosting[]): Promise<DropShipmentReceipts | null> {
  const drop = shipped.filter((entry) => entry.line.dropShipment && !entry.posting.ship.isZero());
  if (drop.length === 0) return null;
  const orderNos = [...new Set(drop.map((entry) => entry.line.purchaseOrderNo!))];
  const headers = await tx.select().from(purchaseHeader).where(and(eq(purchaseHeader.documentType, 'order'), inArray(purchaseHeader.no, orderNos))).for('update');
  const lines = await tx.select().from(purchaseLine).where(and(eq(purchaseLine.documentType, 'order'), inArray(purchaseLine.documentNo, orderNos)));
  const received = drop.map((entry): ReceivedLine => {
    const purchase = lines.find((line) => line.documentNo === entry.line.purchaseOrderNo && line.lineNo === entry.line.purchaseOrderLineNo);
    const field = `lines.${entry.line.lineNo}.purchaseOrderNo`;
    if (!purchase) throw new DomainError('DROP_SHIPMENT_NOT_LINKED', { lineNo: entry.line.lineNo, itemNo: entry.line.no }, field);
    const outstanding = dec(purchase.quantity).minus(dec(purchase.quantityReceived));
    if (entry.posting.ship.greaterThan(outstanding)) {
      throw new DomainError('RECEIVE_MORE_THAN_OUTSTANDING', { verb: 'receive', maximum: outstanding.toString(), fieldCaption: `Qty. to Receive of purchase order ${purchase.documentNo} line ${purchase.lineNo}`, value: entry.posting.ship.toString() }, field);
    }
    return { salesLine: entry.line, purchaseLine: purchase, quantity: entry.posting.ship, movementKey: `dropShipment:${entry.line.lineNo}` };
  });
  const [setup] = await tx.select({ series: purchasesPayablesSetup.postedReceiptNos, defaultQuantityToReceive: purchasesPayablesSetup.defaultQuantityToReceive }).from(purchasesPayablesSetup);
  if (!setup?.series) {
    const posted = purchaseDescriptor('order').handling!;
    throw new DomainError('NO_SERIES_NOT_SET_UP', { what: posted.caption.toLowerCase(), setup: `Purchases & Payables Setup (${posted.seriesFieldCaption})` });
  }
  const headerOf = (no: string) => headers.find((header) => header.no === no)!;
  return {
    requests: orderNos.map((no) => ({ token: tokenOf(no), series: setup.series! })),
    movements: received.map((line) => purchaseMovement(line, headerOf(line.purchaseLine.documentNo))),
    appliesTo: new Map(received.map((line) => [line.salesLine.lineNo, line.movementKey])),
    finish: (finishTx) => finishPurchaseLines(finishTx, received, setup.defaultQuantityToReceive, orderNos),
    postedReceipts: (entryOfMovement, date, facts) => orderNos.map((no) => postedReceipt(headerOf(no), received.filter((line) => line.purchaseLine.documentNo === no), entryOfMovement, date, { ...facts, series: setup.series! })),
  };
}

function purchaseMovement(received: ReceivedLine, header: PurchaseHeaderRow): ItemMovement {
  const { purchaseLine: line, quantity } = received;
  const perUnit = dec(line.quantityPerUnitOfMeasure);
  return {
    key: received.movementKey, documentType: 'purchaseReceipt', documentNo: tokenOf(line.documentNo), documentLineNo: line.lineNo,
    description: line.description, sourceType: 'vendor', sourceNo: header.buyFromVendorNo,
    genBusPostingGroup: line.genBusPostingGroup ?? '', genProdPostingGroup: line.genProdPostingGroup ?? '', inventoryPostingGroup: line.inventoryPostingGroup ?? '',
    salesAmount: ZERO, discountAmount: ZERO,
    itemNo: line.no, locationCode: received.salesLine.locationCode ?? '', entryType: 'purchase',
    quantity: quantityBase(quantity, perUnit), invoicedQuantity: ZERO, unitOfMeasureCode: line.unitOfMeasureCode ?? '', quantityPerUnitOfMeasure: perUnit,
    unitCost: null, costAmount: salesAmountOf(line, quantity, header), appliesToEntry: null, appliesFromEntry: null, correction: false, dropShipment: true,
  };
}

async function finishPurchaseLines(tx: Executor, received: readonly ReceivedLine[], defaultQuantityToReceive: string, orderNos: readonly string[]) {
  const descriptor = purchaseDescriptor('order');
  await updateLineQuantities(tx, received.map(({ purchaseLine: line, quantity }) => ({
    documentType: 'order', documentNo: line.documentNo, lineNo: line.lineNo, returns: false,
    after: quantitiesAfterPosting(descriptor, defaultQuantityToReceive as never, handledQuantities(line, descriptor.lineHandling), { ship: quantity, invoice: ZERO }),
  })), 'purchase_line');
  return (numbers: ReadonlyMap<string, string>) => orderNos.map((no) => tx.update(purchaseHeader)
    .set({ lastReceivingNo: numbers.get(tokenOf(no)) ?? null, version: sql`${purchaseHeader.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(purchaseHeader.documentType, 'order'), eq(purchaseHeader.no, no))).getSQL());
}

function postedReceipt(
  header: PurchaseHeaderRow, lines: readonly ReceivedLine[], entryOfMovement: ReadonlyMap<string, number>, postingDate: string,
  facts: { description: string; userId: string; series: string },
): PostedDocumentPlan {
  const posted = headerFrom({ ...header, postingDate }, 'receipt', tokenOf(header.no), { postingDescription: facts.description, userId: facts.userId, postingDate, noSeries: facts.series });
  return {
    header: posted,
    lines: lines.map(({ purchaseLine: line, quantity, movementKey }) => lineFrom(posted, line, {
      quantity: quantity.toString(), quantityBase: quantityBase(quantity, dec(line.quantityPerUnitOfMeasure)).toString(),
      quantityInvoiced: '0', quantityNotInvoiced: quantity.toString(),
      ...noAmounts,
      itemLedgerEntryNo: entryOfMovement.get(movementKey) ?? null,
    })),
  };
}
