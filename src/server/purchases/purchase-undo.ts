/**
 * Undo Receipt (BC Undo Purchase Receipt Line): a received but not yet invoiced line is taken back by
 * new entries — a correction line on the posted receipt, an item entry sending the goods out of the
 * receipt's entry at exactly its cost, and the order line's received quantity reduced. Refused when
 * the goods are used already (the receipt entry no longer holds them). A drop shipment is undone
 * with its sales shipment (drop-shipment-undo.ts).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { purchaseDescriptor } from '../../core/documents/document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import type { ItemMovement } from '../../core/inventory/item-posting.types.ts';
import { ZERO, dec } from '../../core/money/decimal.ts';
import { buildCostPosting } from '../../core/posting/cost-posting.ts';
import { assertPostingDateAllowed } from '../../core/posting/posting-date.ts';
import type { Posting } from '../../core/posting/posting.ts';
import { quantitiesAfterPosting } from '../../core/sales/posting-scope.ts';
import type { Executor } from '../db/connection.ts';
import { itemLedgerEntry, postedPurchaseHeader, postedPurchaseLine, purchaseLine } from '../db/schema/index.ts';
import { appendPosting } from '../ledger/append-posting.ts';
import { planDocumentItems } from '../ledger/item-posting-state.ts';
import { loadPurchasePostingAccounts } from '../sales/posting-accounts.ts';
import { handledQuantities, updateLineQuantities } from '../sales/sales-line.quantities.ts';
import type { PurchaseContext } from './purchase-context.ts';
import { insertPostedPurchaseLines } from './posted-purchase-document.writer.ts';
import { undoDropShipments } from './drop-shipment-undo.ts';

type PostedHeader = typeof postedPurchaseHeader.$inferSelect;
type PostedLine = typeof postedPurchaseLine.$inferSelect;
type OrderLine = typeof purchaseLine.$inferSelect;

export async function undoReceiptLines(tx: Executor, receiptNo: string, lineNos: readonly number[], context: PurchaseContext) {
  const [header] = await tx.select().from(postedPurchaseHeader).where(and(eq(postedPurchaseHeader.documentType, 'receipt'), eq(postedPurchaseHeader.no, receiptNo)));
  if (!header) throw new DomainError('NOT_FOUND', { entity: 'Posted Purchase Receipt', key: receiptNo });
  const lines = await tx.select().from(postedPurchaseLine)
    .where(and(eq(postedPurchaseLine.documentType, 'receipt'), eq(postedPurchaseLine.documentNo, receiptNo))).orderBy(asc(postedPurchaseLine.lineNo)).for('update');
  const orderLines = await tx.select().from(purchaseLine).where(and(eq(purchaseLine.documentType, 'order'), eq(purchaseLine.documentNo, header.sourceDocumentNo))).for('update');
  const chosen = lineNos.map((lineNo) => undoableLine(lines, orderLines, receiptNo, lineNo));
  if (chosen.length === 0) throw new DomainError('NOTHING_TO_POST', {});
  assertPostingDateAllowed(header.postingDate, context.glSetup);
  // Spec §15.1: a drop shipment is undone with the sales shipment it was posted with, in this same transaction.
  const dropShipments = chosen.filter((line) => line.dropShipment);
  const own = chosen.filter((line) => !line.dropShipment);
  const dropShipmentTransactionNo = dropShipments.length === 0 ? null : (await undoDropShipments(tx, {
    side: 'receipt', documentNo: receiptNo, lines: dropShipments, username: context.username, inventorySetup: context.inventorySetup,
  })).transactionNo;
  const transactionNo = own.length === 0 ? dropShipmentTransactionNo! : await undoOwnLines(tx, header, own, orderLines, context);
  return { receiptNo, orderNo: header.sourceDocumentNo, transactionNo, undoneLines: chosen.map((line) => line.lineNo) };
}

/** Lines received into stock: the goods out of the receipt's entry, correction lines, the order lines received again. */
async function undoOwnLines(tx: Executor, header: PostedHeader, chosen: readonly PostedLine[], orderLines: readonly OrderLine[], context: PurchaseContext) {
  const receiptNo = header.no;
  await checkGoodsStillThere(tx, chosen, receiptNo);
  const posting = await planUndo(tx, header, chosen, context);
  const appended = await appendPosting(tx, posting);
  const entryOf = new Map(posting.items?.movements.map((value) => [value.key, appended.itemLedgerEntryNo(value.itemLedgerEntryNo)]) ?? []);
  await insertPostedPurchaseLines(tx, chosen.map((line) => ({
    ...line, lineNo: line.lineNo + 1, quantity: dec(line.quantity).negated().toString(), quantityBase: dec(line.quantityBase).negated().toString(),
    quantityInvoiced: '0', quantityNotInvoiced: '0', correction: true, itemLedgerEntryNo: entryOf.get(String(line.lineNo)) ?? null, applToItemEntry: line.itemLedgerEntryNo,
  })));
  await tx.update(postedPurchaseLine).set({ correction: true, quantityNotInvoiced: '0' }).where(and(
    eq(postedPurchaseLine.documentType, 'receipt'), eq(postedPurchaseLine.documentNo, receiptNo), inArray(postedPurchaseLine.lineNo, chosen.map((line) => line.lineNo)),
  ));
  const descriptor = purchaseDescriptor('order');
  await updateLineQuantities(tx, chosen.map((line) => {
    const orderLine = orderLines.find((candidate) => candidate.lineNo === line.sourceLineNo)!;
    return {
      documentType: 'order', documentNo: orderLine.documentNo, lineNo: orderLine.lineNo, returns: false,
      after: quantitiesAfterPosting(descriptor, context.purchasesSetup.defaultQuantityToReceive as never, handledQuantities(orderLine, descriptor.lineHandling), { ship: dec(line.quantity).negated(), invoice: ZERO }),
    };
  }), 'purchase_line');
  await tx.execute(sql`update purchase_header set version = version + 1, updated_at = now() where document_type = 'order' and no = ${header.sourceDocumentNo}`);
  return appended.transactionNo;
}

function undoableLine(lines: readonly PostedLine[], orderLines: readonly OrderLine[], receiptNo: string, lineNo: number): PostedLine {
  const line = lines.find((candidate) => candidate.lineNo === lineNo);
  const refuse = (reason: string) => new DomainError('UNDO_NOT_ALLOWED', { document: 'receipt', no: receiptNo, lineNo, reason }, 'lineNos');
  if (!line) throw new DomainError('NOT_FOUND', { entity: 'Posted Purchase Receipt Line', key: `${receiptNo} ${lineNo}` });
  if (line.type === 'comment') throw refuse('it is a comment line');
  if (line.correction) throw refuse('it has already been undone');
  if (!dec(line.quantityInvoiced).isZero() || !dec(line.quantityNotInvoiced).equals(dec(line.quantity))) throw refuse('it has been invoiced');
  if (!orderLines.some((orderLine) => orderLine.lineNo === line.sourceLineNo)) throw refuse(`order ${line.sourceDocumentNo} line ${line.sourceLineNo} no longer exists`);
  return line;
}

/** BC: the receipt's goods must all still be there (its entry's Remaining Quantity), or something has used them. */
async function checkGoodsStillThere(tx: Executor, chosen: readonly PostedLine[], receiptNo: string) {
  const entryNos = chosen.flatMap((line) => (line.itemLedgerEntryNo ? [line.itemLedgerEntryNo] : []));
  if (entryNos.length === 0) return;
  const entries = await tx.select({ entryNo: itemLedgerEntry.entryNo, remainingQuantity: itemLedgerEntry.remainingQuantity }).from(itemLedgerEntry).where(inArray(itemLedgerEntry.entryNo, entryNos));
  for (const line of chosen) {
    const entry = entries.find((candidate) => candidate.entryNo === line.itemLedgerEntryNo);
    if (entry && dec(entry.remainingQuantity).lessThan(dec(line.quantityBase))) {
      throw new DomainError('UNDO_NOT_ALLOWED', {
        document: 'receipt', no: receiptNo, lineNo: line.lineNo, reason: `${dec(line.quantityBase).minus(dec(entry.remainingQuantity)).toString()} of its goods are used already (item ledger entry ${entry.entryNo})`,
      }, 'lineNos');
    }
  }
}

/** The correction entries: each line's goods out of the receipt's entry at exactly its cost, and the cost posting of it. */
async function planUndo(tx: Executor, header: PostedHeader, chosen: readonly PostedLine[], context: PurchaseContext): Promise<Posting> {
  const movements: ItemMovement[] = chosen.filter((line) => line.itemLedgerEntryNo !== null).map((line) => ({
    key: String(line.lineNo), documentType: 'purchaseReceipt', documentNo: header.no, documentLineNo: line.lineNo + 1,
    description: line.description, sourceType: 'vendor', sourceNo: header.buyFromVendorNo,
    genBusPostingGroup: line.genBusPostingGroup ?? '', genProdPostingGroup: line.genProdPostingGroup ?? '', inventoryPostingGroup: line.inventoryPostingGroup ?? '',
    salesAmount: ZERO, discountAmount: ZERO, itemNo: line.no, locationCode: line.locationCode ?? '', entryType: 'purchase',
    quantity: dec(line.quantityBase).negated(), invoicedQuantity: ZERO, unitOfMeasureCode: line.unitOfMeasureCode ?? '', quantityPerUnitOfMeasure: dec(line.quantityPerUnitOfMeasure),
    unitCost: null, appliesToEntry: line.itemLedgerEntryNo, appliesFromEntry: null, correction: true,
  }));
  const items = await planDocumentItems(tx, movements, [], context.inventorySetup);
  const description = `Undo receipt ${header.no}`;
  const costBatch = buildCostPosting({
    automaticCostPosting: context.inventorySetup.automaticCostPosting, expectedCostPostingToGl: context.inventorySetup.expectedCostPostingToGl,
    description, customerNo: '', vendorNo: header.buyFromVendorNo,
    lines: (items?.movements ?? []).map((value, index) => ({ ...value, lineNo: index })),
    accounts: await loadPurchasePostingAccounts(tx, header.vendorPostingGroup),
  });
  return {
    facts: { postingDate: header.postingDate, sourceCode: 'UNDORCPTLN', userId: context.username, document: { documentType: '', documentNo: header.no, externalDocumentNo: '', description } },
    entries: costBatch, items, customerApplications: [],
  };
}
