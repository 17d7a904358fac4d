/**
 * Undo Shipment (spec §7.10): a shipped but not yet invoiced line is taken back by new entries: a
 * correction line on the posted shipment, an item entry bringing the goods back at exactly their
 * cost, and the order line's shipped quantity reduced. The original rows stay as they were, but for
 * their derived Correction flag and open quantity. A drop shipment is undone with its purchase
 * receipt (purchases/drop-shipment-undo.ts).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec, sum } from '../../core/money/decimal.ts';
import { buildCostPosting } from '../../core/posting/cost-posting.ts';
import { quantitiesAfterPosting } from '../../core/sales/posting-scope.ts';
import type { Executor } from '../db/connection.ts';
import { postedSalesHeader, postedSalesLine, salesLine, valueEntry } from '../db/schema/index.ts';
import { planItemPosting } from '../../core/inventory/item-posting-planner.ts';
import type { ItemMovement } from '../../core/inventory/item-posting.types.ts';
import type { Posting } from '../../core/posting/posting.ts';
import { appendPosting } from '../ledger/append-posting.ts';
import { loadItemPostingState } from '../ledger/item-posting-state.ts';
import { insertPostedLines } from './posted-document.writer.ts';
import { loadPostingAccounts } from './posting-accounts.ts';
import type { SalesContext } from './sales-context.ts';
import { assertPostingDateAllowed } from '../../core/posting/posting-date.ts';
import { updateLineQuantities } from './sales-line.quantities.ts';
import type { SalesLineRow } from './sales-document.types.ts';
import { undoDropShipments } from '../purchases/drop-shipment-undo.ts';
import { undoBlanketShipments } from './blanket-order.posting.ts';
import { assemblyUndoMovements, restoreAssembly, shippedAssemblies, type ShippedAssembly } from '../assembly/assemble-to-order.undo.ts';
import { isAssemblyKey } from '../assembly/assemble-to-order.posting.ts';

export async function undoShipmentLines(tx: Executor, shipmentNo: string, lineNos: readonly number[], context: SalesContext) {
  const { header, chosen, orderLines } = await loadUndoableLines(tx, shipmentNo, lineNos);
  assertPostingDateAllowed(header.postingDate, context.glSetup);
  const orderLineOf = (line: PostedLine) => orderLines.find((candidate) => candidate.lineNo === line.sourceLineNo)!;
  // Spec §15.1: a drop shipment is undone with the purchase receipt it was posted with, in this same transaction.
  const dropShipments = chosen.filter((line) => orderLineOf(line).dropShipment);
  const own = chosen.filter((line) => !orderLineOf(line).dropShipment);
  const dropShipmentTransactionNo = dropShipments.length === 0 ? null : (await undoDropShipments(tx, {
    side: 'shipment', documentNo: shipmentNo, lines: dropShipments, username: context.username, inventorySetup: context.inventorySetup,
  })).transactionNo;
  const transactionNo = own.length === 0 ? dropShipmentTransactionNo! : await undoOwnLines(tx, header, own, orderLines, context);
  return { shipmentNo, orderNo: header.sourceDocumentNo, transactionNo, undoneLines: chosen.map((line) => line.lineNo) };
}

/** The shipment and the chosen lines, locked and checked: not comments, not undone before, not invoiced; their order lines. */
async function loadUndoableLines(tx: Executor, shipmentNo: string, lineNos: readonly number[]) {
  const [header] = await tx.select().from(postedSalesHeader).where(and(eq(postedSalesHeader.documentType, 'shipment'), eq(postedSalesHeader.no, shipmentNo)));
  if (!header) throw new DomainError('NOT_FOUND', { entity: 'Posted Sales Shipment', key: shipmentNo });
  const lines = await tx.select().from(postedSalesLine)
    .where(and(eq(postedSalesLine.documentType, 'shipment'), eq(postedSalesLine.documentNo, shipmentNo))).orderBy(asc(postedSalesLine.lineNo)).for('update');
  const chosen = lineNos.map((lineNo) => {
    const line = lines.find((candidate) => candidate.lineNo === lineNo);
    const refuse = (reason: string) => new DomainError('UNDO_NOT_ALLOWED', { no: shipmentNo, lineNo, reason }, 'lineNos');
    if (!line) throw new DomainError('NOT_FOUND', { entity: 'Posted Sales Shipment Line', key: `${shipmentNo} ${lineNo}` });
    if (line.type === 'comment') throw refuse('it is a comment line');
    if (line.correction) throw refuse('it has already been undone');
    if (!dec(line.quantityInvoiced).isZero() || !dec(line.quantityNotInvoiced).equals(dec(line.quantity))) throw refuse('it has been invoiced');
    return line;
  });
  if (chosen.length === 0) throw new DomainError('NOTHING_TO_POST', {});
  const orderLines = await tx.select().from(salesLine).where(and(eq(salesLine.documentType, 'order'), eq(salesLine.documentNo, header.sourceDocumentNo))).for('update');
  for (const line of chosen) {
    if (!orderLines.some((candidate) => candidate.lineNo === line.sourceLineNo)) {
      throw new DomainError('UNDO_NOT_ALLOWED', { no: shipmentNo, lineNo: line.lineNo, reason: `order ${header.sourceDocumentNo} line ${line.sourceLineNo} no longer exists` }, 'lineNos');
    }
  }
  return { header, chosen, orderLines };
}

/** Lines shipped from stock: the goods back by a correction entry, correction lines, the order lines shipped again. */
async function undoOwnLines(tx: Executor, header: PostedHeader, chosen: readonly PostedLine[], orderLines: readonly SalesLineRow[], context: SalesContext) {
  const shipmentNo = header.no;
  const assemblies = await shippedAssemblies(tx, shipmentNo, chosen.map((line) => line.lineNo));
  const posting = await planUndo(tx, header, chosen, assemblies, context);
  const appended = await appendPosting(tx, posting);
  const entryOf = new Map(posting.items?.movements.map((value) => [value.key, appended.itemLedgerEntryNo(value.itemLedgerEntryNo)]) ?? []);
  await insertPostedLines(tx, chosen.map((line) => ({
    ...line,
    lineNo: line.lineNo + 1,
    quantity: dec(line.quantity).negated().toString(),
    quantityBase: dec(line.quantityBase).negated().toString(),
    quantityInvoiced: '0', quantityNotInvoiced: '0', correction: true,
    itemLedgerEntryNo: entryOf.get(String(line.lineNo)) ?? null,
    applFromItemEntry: line.itemLedgerEntryNo,
  })));
  await tx.update(postedSalesLine).set({ correction: true, quantityNotInvoiced: '0' }).where(and(
    eq(postedSalesLine.documentType, 'shipment'), eq(postedSalesLine.documentNo, shipmentNo), inArray(postedSalesLine.lineNo, chosen.map((line) => line.lineNo)),
  ));
  await updateLineQuantities(tx, chosen.map((line) => {
    const orderLine = orderLines.find((candidate) => candidate.lineNo === line.sourceLineNo)!;
    const fields = {
      quantity: dec(orderLine.quantity), quantityShipped: dec(orderLine.quantityShipped), quantityToShip: dec(orderLine.quantityToShip),
      quantityInvoiced: dec(orderLine.quantityInvoiced), quantityToInvoice: dec(orderLine.quantityToInvoice),
    };
    return {
      documentType: 'order', documentNo: orderLine.documentNo, lineNo: orderLine.lineNo, returns: false,
      after: quantitiesAfterPosting('order', context.salesSetup.defaultQuantityToShip as never, fields, { ship: dec(line.quantity).negated(), invoice: dec('0') }),
    };
  }));
  await tx.execute(sql`update sales_header set version = version + 1, updated_at = now() where document_type = 'order' and no = ${header.sourceDocumentNo}`);
  for (const assembly of assemblies.values()) await restoreAssembly(tx, assembly, header.sourceDocumentNo);
  await undoBlanketShipments(tx, header, chosen.map((line) => ({ orderLine: orderLines.find((candidate) => candidate.lineNo === line.sourceLineNo)!, quantity: dec(line.quantity) })));
  return appended.transactionNo;
}

type PostedHeader = typeof postedSalesHeader.$inferSelect;
type PostedLine = typeof postedSalesLine.$inferSelect;

/** The correction entries: each line's goods back at exactly their cost, and the cost posting of it. */
async function planUndo(
  tx: Executor, header: PostedHeader, chosen: readonly PostedLine[], assemblies: ReadonlyMap<number, ShippedAssembly>, context: SalesContext,
): Promise<Posting> {
  const shipmentNo = header.no;
  const expectedSales = await expectedSalesAmounts(tx, chosen.flatMap((line) => (line.itemLedgerEntryNo ? [line.itemLedgerEntryNo] : [])));
  const movements: ItemMovement[] = chosen.filter((line) => line.itemLedgerEntryNo !== null).map((line) => ({
    key: String(line.lineNo),
    documentType: 'salesShipment', documentNo: shipmentNo, documentLineNo: line.lineNo + 1,
    description: line.description, sourceType: 'customer', sourceNo: header.sellToCustomerNo,
    genBusPostingGroup: line.genBusPostingGroup ?? '', genProdPostingGroup: line.genProdPostingGroup ?? '', inventoryPostingGroup: line.inventoryPostingGroup ?? '',
    salesAmount: (expectedSales.get(line.itemLedgerEntryNo!) ?? dec('0')).negated(),
    discountAmount: dec('0'),
    itemNo: line.no, locationCode: line.locationCode ?? '', entryType: 'sale',
    quantity: dec(line.quantityBase), invoicedQuantity: dec('0'),
    unitOfMeasureCode: line.unitOfMeasureCode ?? '', quantityPerUnitOfMeasure: dec(line.quantityPerUnitOfMeasure),
    unitCost: null, appliesToEntry: null, appliesFromEntry: line.itemLedgerEntryNo, correction: true,
  }));
  // Spec §15.3: an assemble-to-order line's assembly is undone with it, after its sale is.
  for (const [lineNo, assembly] of assemblies) movements.push(...await assemblyUndoMovements(tx, assembly, String(lineNo)));
  const { inventorySetup } = context;
  const items = movements.length === 0 ? null : planItemPosting(await loadItemPostingState(tx, movements, []), movements, [], {
    preventNegativeInventory: inventorySetup.preventNegativeInventory,
    automaticCostPosting: inventorySetup.automaticCostPosting,
    expectedCostPostingToGl: inventorySetup.expectedCostPostingToGl,
  });
  const description = `Undo shipment ${shipmentNo}`;
  const costBatch = buildCostPosting({
    automaticCostPosting: inventorySetup.automaticCostPosting, expectedCostPostingToGl: inventorySetup.expectedCostPostingToGl,
    description, customerNo: header.billToCustomerNo,
    lines: (items?.movements ?? []).map((value, index) => ({ ...value, lineNo: index, ...(isAssemblyKey(value.key) ? { genBusPostingGroup: '', assembly: true } : {}) })),
    accounts: await loadPostingAccounts(tx, header.customerPostingGroup),
  });
  return {
    facts: { postingDate: header.postingDate, sourceCode: 'UNDOSHIPMNT', userId: context.username, document: { documentType: '', documentNo: shipmentNo, externalDocumentNo: '', description } },
    entries: costBatch, items, customerApplications: [],
  };
}

async function expectedSalesAmounts(tx: Executor, entryNos: number[]) {
  if (entryNos.length === 0) return new Map<number, ReturnType<typeof dec>>();
  const rows = await tx.select({ entryNo: valueEntry.itemLedgerEntryNo, amount: valueEntry.salesAmountExpected }).from(valueEntry).where(inArray(valueEntry.itemLedgerEntryNo, entryNos));
  const result = new Map<number, ReturnType<typeof dec>>();
  for (const entryNo of entryNos) result.set(entryNo, sum(rows.filter((row) => row.entryNo === entryNo).map((row) => dec(row.amount))));
  return result;
}
