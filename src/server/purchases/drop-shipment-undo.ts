/**
 * Undo of a drop shipment (spec §15.1; BC Undo Sales Shipment Line → UnApplyDropShipment → Undo
 * Purchase Receipt Line): the sales shipment and the purchase receipt of a drop shipment were posted
 * together, so they are undone together, whichever side the user starts from — one posting, one
 * transaction. The sale is taken off the purchase entry it was applied to; the sale comes back by an
 * inbound correction entry applied to it (exact cost reversal), the purchase goes out by an outbound
 * correction entry applied to the receipt entry, both flagged Drop Shipment so stock does not move.
 * Both posted documents get their correction lines and both orders their quantities back.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { type DocumentDescriptor, purchaseDescriptor, salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import { planItemPosting } from '../../core/inventory/item-posting-planner.ts';
import type { ItemMovement, ItemPostingPlan, ItemPostingState, PlannedItemApplicationEntry } from '../../core/inventory/item-posting.types.ts';
import { type Decimal, ZERO, dec } from '../../core/money/decimal.ts';
import { buildCostPosting } from '../../core/posting/cost-posting.ts';
import type { Posting } from '../../core/posting/posting.ts';
import { quantitiesAfterPosting } from '../../core/sales/posting-scope.ts';
import type { DefaultQuantityToShip } from '../../core/sales/quantities.ts';
import type { Executor } from '../db/connection.ts';
import {
  itemLedgerEntry, postedPurchaseHeader, postedPurchaseLine, postedSalesHeader, postedSalesLine, purchaseHeader, purchaseLine,
  purchasesPayablesSetup, salesHeader, salesLine, salesReceivablesSetup,
} from '../db/schema/index.ts';
import { appendPosting } from '../ledger/append-posting.ts';
import { type ItemPlanSetup, loadItemPostingState } from '../ledger/item-posting-state.ts';
import { insertPostedLines } from '../sales/posted-document.writer.ts';
import { loadPostingAccounts } from '../sales/posting-accounts.ts';
import { type LineQuantityUpdate, handledQuantities, updateLineQuantities } from '../sales/sales-line.quantities.ts';
import { costLines } from '../sales/sales-post.items.ts';
import { insertPostedPurchaseLines } from './posted-purchase-document.writer.ts';

type EntryRow = typeof itemLedgerEntry.$inferSelect;
type ShipmentLine = typeof postedSalesLine.$inferSelect;
type ReceiptLine = typeof postedPurchaseLine.$inferSelect;
type SalesOrderLine = typeof salesLine.$inferSelect;
type PurchaseOrderLine = typeof purchaseLine.$inferSelect;

/** The lines the user undoes on one side; the command has loaded, locked and checked them as lines of its own document. */
export interface DropShipmentUndo {
  side: 'shipment' | 'receipt';
  documentNo: string;
  lines: readonly { lineNo: number; itemLedgerEntryNo: number | null }[];
  username: string;
  inventorySetup: ItemPlanSetup;
}

/** One drop shipment as posted: the two posted lines, their entries (the sale applied to the purchase) and the order lines. */
interface DropShipmentPair {
  /** The line no. on the side the user undoes, for the refusals. */
  lineNo: number;
  sale: EntryRow;
  purchase: EntryRow;
  shipment: { header: typeof postedSalesHeader.$inferSelect; line: ShipmentLine; orderLine: SalesOrderLine };
  receipt: { header: typeof postedPurchaseHeader.$inferSelect; line: ReceiptLine; orderLine: PurchaseOrderLine };
}

/** Undoes both sides of each drop shipment in the caller's transaction: all of it, or (a DomainError) nothing. */
export async function undoDropShipments(tx: Executor, request: DropShipmentUndo): Promise<{ transactionNo: number }> {
  const pairs = await loadDropShipmentPairs(tx, request);
  const posting = await planDropShipmentUndo(tx, pairs, request);
  const appended = await appendPosting(tx, posting);
  const movements = posting.items!.movements;
  const entryOf = (key: string) => appended.itemLedgerEntryNo(movements.find((value) => value.key === key)!.itemLedgerEntryNo);
  await writeCorrectionLines(tx, pairs, entryOf);
  await restoreOrderLines(tx, pairs);
  return { transactionNo: appended.transactionNo };
}

/**
 * The posting that undoes the pairs: per pair the sale's reversal (inbound, from the sale at its
 * cost, taking back its expected sales amount) and the purchase's reversal (outbound, from the
 * receipt entry at its cost), the sale's application to the purchase undone, and the G/L of the
 * expected costs reversed (when Expected Cost Posting to G/L is on). Writes nothing.
 */
async function planDropShipmentUndo(tx: Executor, pairs: readonly DropShipmentPair[], request: DropShipmentUndo): Promise<Posting> {
  // Sales reversals first: each closes the shortage its sale is left with once taken off the purchase.
  const movements = [...pairs.map(saleReversal), ...pairs.map(purchaseReversal)];
  const state = await loadItemPostingState(tx, movements, []);
  const { preventNegativeInventory, automaticCostPosting, expectedCostPostingToGl } = request.inventorySetup;
  const planned = planItemPosting(unappliedState(state, pairs), withSalesAmounts(movements, state), [], { preventNegativeInventory, automaticCostPosting, expectedCostPostingToGl });
  const items: ItemPostingPlan = { ...planned, itemApplicationEntries: [...pairs.map(unapplication), ...planned.itemApplicationEntries] };
  const origin = pairs[0]!;
  const description = request.side === 'shipment' ? `Undo shipment ${request.documentNo}` : `Undo receipt ${request.documentNo}`;
  const party = request.side === 'shipment' ? { customerNo: origin.shipment.header.billToCustomerNo } : { customerNo: '', vendorNo: origin.receipt.header.buyFromVendorNo };
  const entries = buildCostPosting({
    automaticCostPosting, expectedCostPostingToGl, description, ...party,
    lines: costLines(items, (key) => key.startsWith('purchase:')), accounts: await loadPostingAccounts(tx, null),
  });
  const postingDate = request.side === 'shipment' ? origin.shipment.header.postingDate : origin.receipt.header.postingDate;
  return {
    facts: {
      postingDate, sourceCode: request.side === 'shipment' ? 'UNDOSHIPMNT' : 'UNDORCPTLN', userId: request.username,
      document: { documentType: '', documentNo: request.documentNo, externalDocumentNo: '', description },
    },
    entries, items, customerApplications: [],
  };
}

// ------------------------------------------------------------------------------------------ loading

async function loadDropShipmentPairs(tx: Executor, request: DropShipmentUndo): Promise<DropShipmentPair[]> {
  const refuse = refusal(request);
  const entries = await loadEntryPairs(tx, request);
  const saleNos = entries.map(({ sale }) => sale.entryNo);
  const purchaseNos = entries.map(({ purchase }) => purchase.entryNo);
  const shipmentLines = await tx.select().from(postedSalesLine)
    .where(and(eq(postedSalesLine.documentType, 'shipment'), inArray(postedSalesLine.itemLedgerEntryNo, saleNos))).for('update');
  const receiptLines = await tx.select().from(postedPurchaseLine)
    .where(and(eq(postedPurchaseLine.documentType, 'receipt'), inArray(postedPurchaseLine.itemLedgerEntryNo, purchaseNos))).for('update');
  const shipmentHeaders = await tx.select().from(postedSalesHeader).where(and(eq(postedSalesHeader.documentType, 'shipment'),
    inArray(postedSalesHeader.no, [...new Set(shipmentLines.map((line) => line.documentNo))])));
  const receiptHeaders = await tx.select().from(postedPurchaseHeader).where(and(eq(postedPurchaseHeader.documentType, 'receipt'),
    inArray(postedPurchaseHeader.no, [...new Set(receiptLines.map((line) => line.documentNo))])));
  const { salesLines, purchaseLines } = await lockOrderLines(tx, shipmentLines, receiptLines);
  return entries.map(({ lineNo, sale, purchase }) => {
    const shipmentLine = shipmentLines.find((line) => line.itemLedgerEntryNo === sale.entryNo);
    const receiptLine = receiptLines.find((line) => line.itemLedgerEntryNo === purchase.entryNo);
    if (!shipmentLine || !receiptLine) throw refuse(lineNo, `the posted ${shipmentLine ? 'purchase receipt' : 'sales shipment'} line of its drop shipment is not found`);
    checkPair({ lineNo, sale, purchase, shipmentLine, receiptLine }, refuse);
    const salesOrderLine = salesLines.find((line) => line.documentNo === shipmentLine.sourceDocumentNo && line.lineNo === shipmentLine.sourceLineNo);
    const purchaseOrderLine = purchaseLines.find((line) => line.documentNo === receiptLine.sourceDocumentNo && line.lineNo === receiptLine.sourceLineNo);
    if (!salesOrderLine) throw refuse(lineNo, `sales order ${shipmentLine.sourceDocumentNo} line ${shipmentLine.sourceLineNo} no longer exists`);
    if (!purchaseOrderLine) throw refuse(lineNo, `purchase order ${receiptLine.sourceDocumentNo} line ${receiptLine.sourceLineNo} no longer exists`);
    return {
      lineNo, sale, purchase,
      shipment: { header: shipmentHeaders.find((header) => header.no === shipmentLine.documentNo)!, line: shipmentLine, orderLine: salesOrderLine },
      receipt: { header: receiptHeaders.find((header) => header.no === receiptLine.documentNo)!, line: receiptLine, orderLine: purchaseOrderLine },
    };
  });
}

const refusal = (request: DropShipmentUndo) => (lineNo: number, reason: string) =>
  new DomainError('UNDO_NOT_ALLOWED', { document: request.side, no: request.documentNo, lineNo, reason }, 'lineNos');
type Refuse = ReturnType<typeof refusal>;

/** Each chosen line's sale and purchase entry, locked: the sale is the one applied to the purchase (drop-shipment-receipt.ts, -shipment.ts). */
async function loadEntryPairs(tx: Executor, request: DropShipmentUndo): Promise<{ lineNo: number; sale: EntryRow; purchase: EntryRow }[]> {
  const refuse = refusal(request);
  const own = request.lines.map((line) => line.itemLedgerEntryNo).filter((entryNo): entryNo is number => entryNo !== null);
  const ownEntries = own.length === 0 ? [] : await tx.select().from(itemLedgerEntry).where(inArray(itemLedgerEntry.entryNo, own)).for('update');
  const appliedTo = ownEntries.flatMap((entry) => (entry.appliesToEntry === null ? [] : [entry.appliesToEntry]));
  const partnerFilter = request.side === 'shipment'
    ? (appliedTo.length === 0 ? null : inArray(itemLedgerEntry.entryNo, appliedTo))
    : (own.length === 0 ? null : and(inArray(itemLedgerEntry.appliesToEntry, own), eq(itemLedgerEntry.entryType, 'sale'), eq(itemLedgerEntry.dropShipment, true), eq(itemLedgerEntry.correction, false)));
  const partners = partnerFilter ? await tx.select().from(itemLedgerEntry).where(partnerFilter).for('update') : [];
  return request.lines.map((line) => {
    const entry = ownEntries.find((candidate) => candidate.entryNo === line.itemLedgerEntryNo);
    const partner = entry && partners.find((candidate) => (request.side === 'shipment' ? candidate.entryNo === entry.appliesToEntry : candidate.appliesToEntry === entry.entryNo));
    if (!entry || !partner || !entry.dropShipment || !partner.dropShipment) {
      throw refuse(line.lineNo, `the item ledger entries of its drop shipment (the ${request.side === 'shipment' ? 'purchase the sale is applied to' : 'sale applied to the purchase'}) are not found`);
    }
    return request.side === 'shipment' ? { lineNo: line.lineNo, sale: entry, purchase: partner } : { lineNo: line.lineNo, sale: partner, purchase: entry };
  });
}

/** The order lines the posted lines came from, locked. */
async function lockOrderLines(tx: Executor, shipmentLines: readonly ShipmentLine[], receiptLines: readonly ReceiptLine[]) {
  const sourceOf = (table: typeof salesLine | typeof purchaseLine, lines: readonly { sourceDocumentNo: string; sourceLineNo: number }[]) =>
    and(eq(table.documentType, 'order'), or(...lines.map((line) => and(eq(table.documentNo, line.sourceDocumentNo), eq(table.lineNo, line.sourceLineNo)))));
  return {
    salesLines: shipmentLines.length === 0 ? [] : await tx.select().from(salesLine).where(sourceOf(salesLine, shipmentLines)).for('update'),
    purchaseLines: receiptLines.length === 0 ? [] : await tx.select().from(purchaseLine).where(sourceOf(purchaseLine, receiptLines)).for('update'),
  };
}

/** BC refuses undo of an invoiced line, on either side; and a drop shipment is undone only as it was posted. */
function checkPair(
  { lineNo, sale, purchase, shipmentLine, receiptLine }: { lineNo: number; sale: EntryRow; purchase: EntryRow; shipmentLine: ShipmentLine; receiptLine: ReceiptLine },
  refuse: Refuse,
): void {
  const sides = [
    { caption: `sales shipment ${shipmentLine.documentNo} line ${shipmentLine.lineNo}`, line: shipmentLine, entry: sale },
    { caption: `purchase receipt ${receiptLine.documentNo} line ${receiptLine.lineNo}`, line: receiptLine, entry: purchase },
  ];
  for (const { caption, line, entry } of sides) {
    if (line.correction) throw refuse(lineNo, `its drop shipment's ${caption} has already been undone`);
    const invoiced = !dec(line.quantityInvoiced).isZero() || !dec(line.quantityNotInvoiced).equals(dec(line.quantity)) || !dec(entry.invoicedQuantity).isZero();
    if (invoiced) throw refuse(lineNo, `its drop shipment's ${caption} has been invoiced`);
  }
  const asPosted = dec(sale.quantity).negated().equals(dec(purchase.quantity)) && dec(sale.remainingQuantity).isZero()
    && dec(purchase.remainingQuantity).isZero() && dec(sale.shippedQuantityNotReturned).equals(dec(sale.quantity));
  if (!asPosted) throw refuse(lineNo, `the goods of its drop shipment (item ledger entries ${purchase.entryNo} and ${sale.entryNo}) have been returned or applied otherwise`);
}

// ----------------------------------------------------------------------------------------- planning

function saleReversal({ sale, shipment }: DropShipmentPair, index: number): ItemMovement {
  return {
    key: `sale:${index}`, documentType: 'salesShipment', documentNo: shipment.line.documentNo, documentLineNo: shipment.line.lineNo + 1,
    description: shipment.line.description, sourceType: 'customer', sourceNo: shipment.header.sellToCustomerNo,
    genBusPostingGroup: shipment.line.genBusPostingGroup ?? '', genProdPostingGroup: shipment.line.genProdPostingGroup ?? '', inventoryPostingGroup: shipment.line.inventoryPostingGroup ?? '',
    salesAmount: ZERO, discountAmount: ZERO, itemNo: sale.itemNo, locationCode: sale.locationCode, entryType: 'sale',
    quantity: dec(sale.quantity).negated(), invoicedQuantity: ZERO, unitOfMeasureCode: sale.unitOfMeasureCode, quantityPerUnitOfMeasure: dec(sale.quantityPerUnitOfMeasure),
    unitCost: null, appliesToEntry: null, appliesFromEntry: sale.entryNo, correction: true, dropShipment: true,
  };
}

function purchaseReversal({ purchase, receipt }: DropShipmentPair, index: number): ItemMovement {
  return {
    key: `purchase:${index}`, documentType: 'purchaseReceipt', documentNo: receipt.line.documentNo, documentLineNo: receipt.line.lineNo + 1,
    description: receipt.line.description, sourceType: 'vendor', sourceNo: receipt.header.buyFromVendorNo,
    genBusPostingGroup: receipt.line.genBusPostingGroup ?? '', genProdPostingGroup: receipt.line.genProdPostingGroup ?? '', inventoryPostingGroup: receipt.line.inventoryPostingGroup ?? '',
    salesAmount: ZERO, discountAmount: ZERO, itemNo: purchase.itemNo, locationCode: purchase.locationCode, entryType: 'purchase',
    quantity: dec(purchase.quantity).negated(), invoicedQuantity: ZERO, unitOfMeasureCode: purchase.unitOfMeasureCode, quantityPerUnitOfMeasure: dec(purchase.quantityPerUnitOfMeasure),
    unitCost: null, appliesToEntry: purchase.entryNo, appliesFromEntry: null, correction: true, dropShipment: true,
  };
}

/** The sale's reversal takes back the sales amount still expected on the sale. */
function withSalesAmounts(movements: readonly ItemMovement[], state: ItemPostingState): ItemMovement[] {
  return movements.map((movement) => {
    const sale = movement.appliesFromEntry === null ? undefined : state.entries.find((entry) => entry.id === movement.appliesFromEntry);
    return sale ? { ...movement, salesAmount: sale.salesAmountExpected.negated() } : movement;
  });
}

/**
 * The state as if each sale were taken off its purchase (BC UnApplyDropShipment): the purchase entry
 * open again, the sale open short. Both reversals are fixed-applied to the entry they reverse, so
 * each is costed as FIFO costs a fixed application — at exactly that entry's cost — whatever the
 * item's costing method, and the pair leaves an Average item's unit cost as it was.
 */
function unappliedState(state: ItemPostingState, pairs: readonly DropShipmentPair[]): ItemPostingState {
  const taken = new Map(pairs.flatMap(({ sale, purchase }): [number, Decimal][] => [[purchase.entryNo, dec(purchase.quantity)], [sale.entryNo, dec(sale.quantity)]]));
  return {
    ...state,
    items: state.items.map((item) => ({ ...item, costingMethod: 'fifo' })),
    entries: state.entries.map((entry) => {
      const quantity = taken.get(entry.id);
      return quantity ? { ...entry, remainingQuantity: entry.remainingQuantity.plus(quantity), open: true } : entry;
    }),
  };
}

/**
 * The application row that takes the sale off the purchase: the negation of the one its posting
 * wrote (application entries are append-only), so per inbound and outbound entry they sum to 0.
 */
function unapplication({ sale, purchase }: DropShipmentPair): PlannedItemApplicationEntry {
  return { itemLedgerEntryId: sale.entryNo, inboundItemEntryId: purchase.entryNo, outboundItemEntryId: sale.entryNo, quantity: dec(purchase.quantity) };
}

// ------------------------------------------------------------------------------------------ writing

const correctionOf = <L extends { lineNo: number; quantity: string; quantityBase: string }>(line: L) => ({
  ...line, lineNo: line.lineNo + 1, quantity: dec(line.quantity).negated().toString(), quantityBase: dec(line.quantityBase).negated().toString(),
  quantityInvoiced: '0', quantityNotInvoiced: '0', correction: true,
});

/** Correction lines on both posted documents, and the undone lines flagged (their derived columns). */
async function writeCorrectionLines(tx: Executor, pairs: readonly DropShipmentPair[], entryOf: (key: string) => number): Promise<void> {
  await insertPostedLines(tx, pairs.map(({ shipment, sale }, index) => ({ ...correctionOf(shipment.line), itemLedgerEntryNo: entryOf(`sale:${index}`), applFromItemEntry: sale.entryNo })));
  await insertPostedPurchaseLines(tx, pairs.map(({ receipt, purchase }, index) => ({ ...correctionOf(receipt.line), itemLedgerEntryNo: entryOf(`purchase:${index}`), applToItemEntry: purchase.entryNo })));
  const undone = { correction: true, quantityNotInvoiced: '0' };
  await tx.update(postedSalesLine).set(undone).where(and(eq(postedSalesLine.documentType, 'shipment'),
    or(...pairs.map(({ shipment }) => and(eq(postedSalesLine.documentNo, shipment.line.documentNo), eq(postedSalesLine.lineNo, shipment.line.lineNo))))));
  await tx.update(postedPurchaseLine).set(undone).where(and(eq(postedPurchaseLine.documentType, 'receipt'),
    or(...pairs.map(({ receipt }) => and(eq(postedPurchaseLine.documentNo, receipt.line.documentNo), eq(postedPurchaseLine.lineNo, receipt.line.lineNo))))));
}

/** Both orders' lines shipped (received) again by what is undone, Qty. to Ship (Receive) and to Invoice re-defaulted. */
async function restoreOrderLines(tx: Executor, pairs: readonly DropShipmentPair[]): Promise<void> {
  const [sales] = await tx.select({ defaultQuantityToShip: salesReceivablesSetup.defaultQuantityToShip }).from(salesReceivablesSetup);
  const [purchases] = await tx.select({ defaultQuantityToReceive: purchasesPayablesSetup.defaultQuantityToReceive }).from(purchasesPayablesSetup);
  await updateLineQuantities(tx, lineUpdates(pairs.map(({ shipment }) => shipment), salesDescriptor('order'), sales!.defaultQuantityToShip), 'sales_line');
  await updateLineQuantities(tx, lineUpdates(pairs.map(({ receipt }) => receipt), purchaseDescriptor('order'), purchases!.defaultQuantityToReceive), 'purchase_line');
  const orderNos = (nos: string[]) => [...new Set(nos)];
  await tx.update(salesHeader).set({ version: sql`${salesHeader.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(salesHeader.documentType, 'order'), inArray(salesHeader.no, orderNos(pairs.map(({ shipment }) => shipment.orderLine.documentNo)))));
  await tx.update(purchaseHeader).set({ version: sql`${purchaseHeader.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(purchaseHeader.documentType, 'order'), inArray(purchaseHeader.no, orderNos(pairs.map(({ receipt }) => receipt.orderLine.documentNo)))));
}

/** Per order line (two undone lines may come from one), its quantities with the undone quantity shipped (received) no more. */
function lineUpdates(
  sides: readonly { orderLine: SalesOrderLine | PurchaseOrderLine; line: { quantity: string } }[], descriptor: DocumentDescriptor, defaultQuantity: string,
): LineQuantityUpdate[] {
  const byLine = new Map<string, { orderLine: SalesOrderLine | PurchaseOrderLine; quantity: Decimal }>();
  for (const { orderLine, line } of sides) {
    const key = `${orderLine.documentNo}\u0000${orderLine.lineNo}`;
    byLine.set(key, { orderLine, quantity: (byLine.get(key)?.quantity ?? ZERO).plus(dec(line.quantity)) });
  }
  return [...byLine.values()].map(({ orderLine, quantity }) => ({
    documentType: 'order', documentNo: orderLine.documentNo, lineNo: orderLine.lineNo, returns: false,
    after: quantitiesAfterPosting(descriptor, defaultQuantity as DefaultQuantityToShip, handledQuantities(orderLine, descriptor.lineHandling), { ship: quantity.negated(), invoice: ZERO }),
  }));
}
