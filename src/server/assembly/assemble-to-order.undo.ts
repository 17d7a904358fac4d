/**
 * Undo Shipment of an assemble-to-order line undoes its assembly too (spec §15.3): after the sale's
 * correction brings the assembled item back, a correction of the output takes exactly that back
 * out, and each component comes back at exactly the cost it was consumed at. The posted assembly
 * order is marked Reversed and the assembly order is restored (recreated from it when it was
 * deleted as fully assembled), so the line can be shipped and assembled again.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { changeAssemblyHeader, componentValues, loadAssemblyDocument } from './assembly-documents.ts';
import type { ItemMovement } from '../../core/inventory/item-posting.types.ts';
import { ZERO, dec } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { assemblyHeader, assemblyLine, item, postedAssemblyHeader, postedAssemblyLine } from '../db/schema/index.ts';

type PostedHeader = typeof postedAssemblyHeader.$inferSelect;
type PostedLine = typeof postedAssemblyLine.$inferSelect;
export interface ShippedAssembly { header: PostedHeader; lines: PostedLine[] }

/** The posted assemblies (not undone) of the given lines of a posted shipment, by shipment line no. */
export async function shippedAssemblies(tx: Executor, shipmentNo: string, lineNos: readonly number[]): Promise<Map<number, ShippedAssembly>> {
  if (lineNos.length === 0) return new Map();
  const headers = await tx.select().from(postedAssemblyHeader).where(and(
    eq(postedAssemblyHeader.salesShipmentNo, shipmentNo), inArray(postedAssemblyHeader.salesShipmentLineNo, [...lineNos]), eq(postedAssemblyHeader.reversed, false),
  ));
  if (headers.length === 0) return new Map();
  const lines = await tx.select().from(postedAssemblyLine).where(inArray(postedAssemblyLine.documentNo, headers.map((header) => header.no))).orderBy(asc(postedAssemblyLine.lineNo));
  return new Map(headers.map((header) => [header.salesShipmentLineNo!, { header, lines: lines.filter((line) => line.documentNo === header.no) }]));
}

/** The corrections of one assembly, planned after the sale's correction (key `saleKey`) that brings the item back. */
export async function assemblyUndoMovements(tx: Executor, assembly: ShippedAssembly, saleKey: string): Promise<ItemMovement[]> {
  const { header, lines } = assembly;
  const itemNos = [header.itemNo, ...lines.map((line) => line.no)];
  const groups = new Map((await tx.select({ no: item.no, genProdPostingGroup: item.genProdPostingGroup, inventoryPostingGroup: item.inventoryPostingGroup })
    .from(item).where(inArray(item.no, itemNos))).map((row) => [row.no, row]));
  const key = `assembly:${header.salesShipmentLineNo}`;
  const common = (lineNo: number, description: string, itemNo: string) => ({
    documentType: 'postedAssembly' as const, documentNo: header.no, documentLineNo: lineNo, description, sourceType: 'item' as const, sourceNo: header.itemNo,
    genBusPostingGroup: '', genProdPostingGroup: groups.get(itemNo)?.genProdPostingGroup ?? '', inventoryPostingGroup: groups.get(itemNo)?.inventoryPostingGroup ?? '',
    salesAmount: ZERO, discountAmount: ZERO, itemNo, unitCost: null, correction: true,
  });
  const output: ItemMovement = {
    ...common(0, header.description, header.itemNo), key: `${key}:output`, locationCode: header.locationCode ?? '', entryType: 'assemblyOutput',
    quantity: dec(header.quantityBase).negated(), invoicedQuantity: dec(header.quantityBase).negated(),
    unitOfMeasureCode: header.unitOfMeasureCode ?? '', quantityPerUnitOfMeasure: dec(header.quantityPerUnitOfMeasure),
    appliesToEntry: null, appliesToMovement: saleKey, appliesFromEntry: null,
  };
  const components = lines.filter((line) => line.itemLedgerEntryNo !== null).map((line): ItemMovement => ({
    ...common(line.lineNo, line.description, line.no), key: `${key}:consumption:${line.lineNo}`, locationCode: line.locationCode ?? '', entryType: 'assemblyConsumption',
    quantity: dec(line.quantityBase), invoicedQuantity: dec(line.quantityBase),
    unitOfMeasureCode: line.unitOfMeasureCode ?? '', quantityPerUnitOfMeasure: dec(line.quantityPerUnitOfMeasure),
    appliesToEntry: null, appliesFromEntry: line.itemLedgerEntryNo,
  }));
  return [output, ...components];
}

/** The posted assembly marked Reversed; its assembly order gets the quantity back to assemble (recreated if it was deleted). */
export async function restoreAssembly(tx: Executor, assembly: ShippedAssembly, salesDocumentNo: string): Promise<void> {
  const { header, lines } = assembly;
  await tx.update(postedAssemblyHeader).set({ reversed: true }).where(eq(postedAssemblyHeader.no, header.no));
  const quantity = dec(header.quantity);
  const [existing] = await tx.select({ no: assemblyHeader.no }).from(assemblyHeader).where(and(eq(assemblyHeader.documentType, 'order'), eq(assemblyHeader.no, header.orderNo)));
  if (existing) {
    const document = await loadAssemblyDocument(tx, 'order', header.orderNo, true);
    const assembled = dec(document.header.assembledQuantity).minus(quantity);
    const consumedBack = new Map(lines.map((posted) => [posted.lineNo, dec(posted.quantity)]));
    await changeAssemblyHeader(tx, document, { assembledQuantity: assembled.toString(), quantityToAssemble: dec(document.header.quantity).minus(assembled).toString() },
      (line) => dec(line.consumedQuantity).minus(consumedBack.get(line.lineNo) ?? ZERO));
    return;
  }
  const [restored] = await tx.insert(assemblyHeader).values({
    documentType: 'order', no: header.orderNo, description: header.description, itemNo: header.itemNo, locationCode: header.locationCode,
    unitOfMeasureCode: header.unitOfMeasureCode, quantityPerUnitOfMeasure: header.quantityPerUnitOfMeasure, quantity: header.quantity,
    quantityToAssemble: header.quantity, remainingQuantity: header.quantity, dueDate: header.dueDate, startingDate: header.dueDate, endingDate: header.dueDate,
    postingDate: header.postingDate, assembleToOrder: header.assembleToOrder,
    ...(header.assembleToOrder ? { salesDocumentType: 'order', salesDocumentNo, salesLineNo: header.salesLineNo } : {}),
  }).returning();
  if (lines.length > 0) {
    await tx.insert(assemblyLine).values(lines.map((line) => ({
      ...componentValues(restored!, dec(line.quantityPer)), documentType: 'order', documentNo: header.orderNo, lineNo: line.lineNo, no: line.no,
      description: line.description, unitOfMeasureCode: line.unitOfMeasureCode, quantityPerUnitOfMeasure: line.quantityPerUnitOfMeasure,
    })));
  }
}
