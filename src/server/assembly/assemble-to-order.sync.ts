/**
 * Keeps the assembly documents of a sales document's assemble-to-order lines in step with them
 * (spec §15.3): created when a line gets a Qty. to Assemble to Order, changed with its quantity,
 * shipment date, location and unit, deleted when the quantity goes back to 0 (deleting the line
 * deletes it by cascade). Quantity to Assemble is kept when it is still in the range the line's
 * Qty. to Ship allows, else defaulted.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { quantityToAssembleRange } from '../../core/assembly/assembly-order.ts';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { assemblyHeader, assemblyLine } from '../db/schema/index.ts';
import type { SalesContext } from '../sales/sales-context.ts';
import type { SalesHeaderRow, SalesLineRow } from '../sales/sales-document.types.ts';
import {
  type AssemblyDocument, type AssemblyDocumentType, changeAssemblyHeader, componentValues, createAssemblyDocument, linkedAssemblyDocuments,
} from './assembly-documents.ts';

const assemblyTypeOf: Record<string, AssemblyDocumentType> = { quote: 'quote', order: 'order', blanketOrder: 'blanketOrder' };

export async function syncAssembleToOrder(tx: Executor, header: SalesHeaderRow, lines: readonly SalesLineRow[], context: SalesContext): Promise<void> {
  const documentType = assemblyTypeOf[header.documentType];
  if (!documentType) return;
  const linked = await linkedAssemblyDocuments(tx, header.documentType, header.no);
  for (const line of lines) {
    const document = linked.get(line.lineNo);
    const wanted = line.type === 'item' && !dec(line.qtyToAssembleToOrder).isZero();
    if (document && (!wanted || document.header.itemNo !== line.no)) await removeLinked(tx, document, line);
    if (!wanted) continue;
    if (document && document.header.itemNo === line.no) await keepInStep(tx, document, line);
    else {
      const created = await createAssemblyDocument(tx, documentType, {
        itemNo: line.no, quantity: dec(line.qtyToAssembleToOrder), dueDate: line.shipmentDate, locationCode: line.locationCode, unitOfMeasureCode: line.unitOfMeasureCode,
        description: line.description, link: { salesDocumentType: header.documentType, salesDocumentNo: header.no, salesLineNo: line.lineNo },
      }, context);
      await keepInStep(tx, created, line);
    }
  }
}

async function removeLinked(tx: Executor, document: AssemblyDocument, line: SalesLineRow): Promise<void> {
  if (!dec(document.header.assembledQuantity).isZero()) {
    throw new DomainError('ASSEMBLY_ORDER_LINKED', {
      ...linkParams(document), reason: `${document.header.assembledQuantity} are assembled and shipped already, so line ${line.lineNo} keeps its item and cannot stop being assembled to order`,
    }, 'qtyToAssembleToOrder');
  }
  await tx.delete(assemblyHeader).where(and(eq(assemblyHeader.documentType, document.header.documentType), eq(assemblyHeader.no, document.header.no)));
}

export const linkParams = (document: AssemblyDocument) => ({
  documentType: document.header.documentType === 'blanketOrder' ? 'blanket order' : document.header.documentType, no: document.header.no,
  salesDocumentType: document.header.salesDocumentType ?? '', salesDocumentNo: document.header.salesDocumentNo ?? '', salesLineNo: document.header.salesLineNo ?? 0,
});

async function keepInStep(tx: Executor, document: AssemblyDocument, line: SalesLineRow): Promise<void> {
  const quantity = dec(line.qtyToAssembleToOrder);
  const assembled = dec(document.header.assembledQuantity);
  if (quantity.lessThan(assembled)) {
    throw new DomainError('QTY_TO_ASSEMBLE_TO_ORDER_INVALID', { quantity: line.quantity, value: line.qtyToAssembleToOrder }, 'qtyToAssembleToOrder');
  }
  const remaining = quantity.minus(assembled);
  const outstanding = dec(line.quantity).minus(dec(line.quantityShipped));
  const range = quantityToAssembleRange({ quantityToShip: dec(line.quantityToShip), outstandingQuantity: outstanding }, remaining);
  const current = dec(document.header.quantityToAssemble);
  // BC: a changed Qty. to Ship defaults Quantity to Assemble again; a value typed since is kept while it stays in range.
  const shipChanged = document.header.salesQuantityToShip === null || !dec(document.header.salesQuantityToShip).eq(dec(line.quantityToShip));
  const quantityToAssemble = line.documentType !== 'order' ? remaining
    : shipChanged || current.lessThan(range.minimum) || current.gt(range.maximum) ? range.default : current;
  const wanted = {
    quantity: quantity.toFixed(5), quantityToAssemble: quantityToAssemble.toFixed(5), dueDate: line.shipmentDate,
    endingDate: line.shipmentDate, locationCode: line.locationCode, unitOfMeasureCode: line.unitOfMeasureCode, salesQuantityToShip: dec(line.quantityToShip).toFixed(5),
  };
  const { header } = document;
  const unchanged = dec(header.quantity).eq(quantity) && dec(header.quantityToAssemble).eq(quantityToAssemble) && header.dueDate === wanted.dueDate
    && header.locationCode === wanted.locationCode && header.unitOfMeasureCode === wanted.unitOfMeasureCode && !shipChanged;
  if (unchanged) return;
  // The starting date moves with the due date (BC: no lead time on an assembly order made to order).
  await changeAssemblyHeader(tx, document, { ...wanted, startingDate: header.startingDate === header.dueDate ? wanted.dueDate : header.startingDate });
}

/**
 * Make Order from a quote or a blanket order (spec §15.3): the new order's assembly orders take the
 * components of the source line's assembly document as the customer customised them (Quantity
 * per, added and removed components), for their own quantity.
 */
export async function copyAssemblyComponents(
  tx: Executor, source: { documentType: string; no: string }, target: { documentType: string; no: string }, lineMap: ReadonlyMap<number, number>,
): Promise<void> {
  const from = await linkedAssemblyDocuments(tx, source.documentType, source.no);
  if (from.size === 0) return;
  const to = await linkedAssemblyDocuments(tx, target.documentType, target.no);
  for (const [sourceLineNo, document] of from) {
    const targetDocument = to.get(lineMap.get(sourceLineNo) ?? -1);
    if (!targetDocument || targetDocument.header.itemNo !== document.header.itemNo) continue;
    const { header } = targetDocument;
    await tx.delete(assemblyLine).where(and(eq(assemblyLine.documentType, header.documentType), eq(assemblyLine.documentNo, header.no)));
    if (document.lines.length === 0) continue;
    await tx.insert(assemblyLine).values(document.lines.map((line) => ({
      ...componentValues(header, dec(line.quantityPer)), documentType: header.documentType, documentNo: header.no, lineNo: line.lineNo, no: line.no,
      description: line.description, unitOfMeasureCode: line.unitOfMeasureCode, quantityPerUnitOfMeasure: line.quantityPerUnitOfMeasure,
    })));
  }
}

/** Whether any line is assembled to order (only then has the document assembly documents to follow it). */
export const assemblesToOrder = (lines: readonly SalesLineRow[]) => lines.some((line) => line.type === 'item' && !dec(line.qtyToAssembleToOrder).isZero());

/** Spec §15.3: releasing the sales document releases its assembly documents (assembly may start); reopening reopens them. */
export async function followSalesStatus(tx: Executor, salesDocumentType: string, salesDocumentNo: string, status: 'open' | 'released'): Promise<void> {
  await tx.update(assemblyHeader).set({ status, version: sql`${assemblyHeader.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(assemblyHeader.salesDocumentType, salesDocumentType), eq(assemblyHeader.salesDocumentNo, salesDocumentNo), ne(assemblyHeader.status, status)));
}
