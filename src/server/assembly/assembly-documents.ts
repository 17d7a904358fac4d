/**
 * Assembly documents as rows (spec §15.3): created for an item with its BOM's components × the
 * quantity, kept in step when the quantity, due date, location or unit changes (customised
 * components keep their Quantity per), numbered from the inventory setup's assembly series.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { componentQuantities } from '../../core/assembly/assembly-order.ts';
import { DomainError } from '../../core/errors.ts';
import { dec, type Decimal, ONE } from '../../core/money/decimal.ts';
import { quantityBase } from '../../core/sales/quantities.ts';
import type { Executor } from '../db/connection.ts';
import { assemblyBomComponent, assemblyHeader, assemblyLine, item, itemUnitOfMeasure } from '../db/schema/index.ts';
import { drawNumber } from '../number-series/no-series.commands.ts';
import type { SalesContext } from '../sales/sales-context.ts';
import { updateLineRows, withDerived } from '../documents/line-rows.ts';

export type AssemblyHeaderRow = typeof assemblyHeader.$inferSelect;
export type AssemblyLineRow = typeof assemblyLine.$inferSelect;
export type AssemblyDocumentType = 'quote' | 'order' | 'blanketOrder';
export interface AssemblyDocument { header: AssemblyHeaderRow; lines: AssemblyLineRow[] }

/** What the header of a new (or changed) assembly document says; the rest is derived. */
export interface AssemblyHeaderInput {
  itemNo: string;
  quantity: Decimal;
  dueDate: string | null;
  locationCode: string | null;
  unitOfMeasureCode?: string | null;
  description?: string;
  /** Assemble to order: the sales line it is linked to. */
  link?: { salesDocumentType: string; salesDocumentNo: string; salesLineNo: number };
}

const seriesField = { quote: 'assemblyQuoteNos', order: 'assemblyOrderNos', blanketOrder: 'blanketAssemblyOrderNos' } as const;
const seriesCaption = { quote: 'Assembly Quote Nos.', order: 'Assembly Order Nos.', blanketOrder: 'Blanket Assembly Order Nos.' } as const;

/** A new assembly document: the next number of its series, the item's BOM exploded for the quantity. */
export async function createAssemblyDocument(
  tx: Executor, documentType: AssemblyDocumentType, input: AssemblyHeaderInput, context: SalesContext, no?: string,
): Promise<AssemblyDocument> {
  const series = context.inventorySetup[seriesField[documentType]];
  if (!no && !series) {
    throw new DomainError('NO_SERIES_NOT_SET_UP', { what: `assembly ${documentType === 'blanketOrder' ? 'blanket order' : documentType}s`, setup: `Inventory Setup (${seriesCaption[documentType]})` });
  }
  const number = no ?? (await drawNumber(tx, series!, context.workDate)).number;
  const source = await assembledItem(tx, input.itemNo);
  const perUnit = await quantityPerUnit(tx, source.no, input.unitOfMeasureCode ?? source.baseUnitOfMeasure);
  const [header] = await tx.insert(assemblyHeader).values({
    documentType, no: number, itemNo: source.no, description: input.description ?? source.description,
    locationCode: input.locationCode, unitOfMeasureCode: input.unitOfMeasureCode ?? source.baseUnitOfMeasure, quantityPerUnitOfMeasure: perUnit.toString(),
    quantity: input.quantity.toString(), quantityToAssemble: input.quantity.toString(), remainingQuantity: input.quantity.toString(),
    dueDate: input.dueDate, startingDate: input.dueDate, endingDate: input.dueDate, postingDate: context.workDate,
    assembleToOrder: input.link !== undefined, ...(input.link ?? {}),
  }).returning();
  const lines = await insertBomLines(tx, header!);
  return { header: header!, lines };
}

/** The assembled item, which must be an inventory item (BC: Assembly Header Item No. must be an inventory item). */
async function assembledItem(tx: Executor, itemNo: string) {
  const [source] = await tx.select().from(item).where(eq(item.no, itemNo));
  if (!source) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Item', value: itemNo, field: 'itemNo' }, 'itemNo');
  if (source.type !== 'inventory') throw new DomainError('INVALID_INPUT', { detail: `Item ${itemNo} is a ${source.type} item: only inventory items are assembled` }, 'itemNo');
  if (source.blocked) throw new DomainError('ITEM_BLOCKED', { itemNo }, 'itemNo');
  return source;
}

/** Base units per unit of the item's unit of measure (the base unit: 1). */
export async function quantityPerUnit(tx: Executor, itemNo: string, unitOfMeasureCode: string): Promise<Decimal> {
  const [row] = await tx.select({ quantity: itemUnitOfMeasure.quantityPerUnitOfMeasure }).from(itemUnitOfMeasure)
    .where(and(eq(itemUnitOfMeasure.itemNo, itemNo), eq(itemUnitOfMeasure.code, unitOfMeasureCode)));
  if (row) return dec(row.quantity);
  const [source] = await tx.select({ base: item.baseUnitOfMeasure }).from(item).where(eq(item.no, itemNo));
  if (source?.base === unitOfMeasureCode) return ONE;
  throw new DomainError('ITEM_UNIT_OF_MEASURE_MISSING', { itemNo, unitOfMeasure: unitOfMeasureCode }, 'unitOfMeasureCode');
}

const baseQuantities = (header: AssemblyHeaderRow) => {
  const perUnit = dec(header.quantityPerUnitOfMeasure);
  return { quantityBase: quantityBase(dec(header.quantity), perUnit), quantityToAssembleBase: quantityBase(dec(header.quantityToAssemble), perUnit) };
};

/** The BOM's components as lines: Quantity per one base unit of the assembled item × the header's quantity. */
async function insertBomLines(tx: Executor, header: AssemblyHeaderRow): Promise<AssemblyLineRow[]> {
  const components = await tx.select({ bom: assemblyBomComponent, base: item.baseUnitOfMeasure }).from(assemblyBomComponent)
    .innerJoin(item, eq(item.no, assemblyBomComponent.no))
    .where(eq(assemblyBomComponent.parentItemNo, header.itemNo)).orderBy(asc(assemblyBomComponent.lineNo));
  const values = [];
  for (const { bom, base } of components) {
    const unit = bom.unitOfMeasureCode ?? base;
    values.push({
      ...componentValues(header, dec(bom.quantityPer)), documentType: header.documentType, documentNo: header.no, lineNo: bom.lineNo,
      no: bom.no, description: bom.description, unitOfMeasureCode: unit, quantityPerUnitOfMeasure: (await quantityPerUnit(tx, bom.no, unit)).toString(),
    });
  }
  return values.length === 0 ? [] : tx.insert(assemblyLine).values(values).returning();
}

/** A line's quantities, location and due date as its header says. */
export function componentValues(header: AssemblyHeaderRow, quantityPer: Decimal, consumed = dec('0')) {
  const quantities = componentQuantities(quantityPer, baseQuantities(header), consumed);
  return {
    quantityPer: quantities.quantityPer.toString(), quantity: quantities.quantity.toString(), quantityToConsume: quantities.quantityToConsume.toString(),
    consumedQuantity: quantities.consumedQuantity.toString(), remainingQuantity: quantities.remainingQuantity.toString(),
    locationCode: header.locationCode, dueDate: header.startingDate ?? header.dueDate,
  };
}

type ConsumedOf = (line: AssemblyLineRow) => Decimal;
const storedConsumption: ConsumedOf = (line) => dec(line.consumedQuantity);

/**
 * Changes the header (quantity, dates, location, unit, quantity to assemble, assembled quantity) and
 * brings every line in step: Quantity per stays (customisations survive), the quantities, location
 * and due date follow; `consumedOf` gives each line's Consumed Quantity (a posting's, an undo's).
 */
export async function changeAssemblyHeader(
  tx: Executor, document: AssemblyDocument, changes: Partial<AssemblyHeaderRow>, consumedOf: ConsumedOf = storedConsumption,
): Promise<AssemblyDocument> {
  const next = { ...document.header, ...changes };
  if (changes.unitOfMeasureCode !== undefined && changes.unitOfMeasureCode !== document.header.unitOfMeasureCode) {
    next.quantityPerUnitOfMeasure = (await quantityPerUnit(tx, next.itemNo, next.unitOfMeasureCode!)).toString();
  }
  next.remainingQuantity = dec(next.quantity).minus(dec(next.assembledQuantity)).toString();
  const [header] = await tx.update(assemblyHeader).set({ ...next, version: sql`${assemblyHeader.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(assemblyHeader.documentType, next.documentType), eq(assemblyHeader.no, document.header.no))).returning();
  return { header: header!, lines: await rescaleLines(tx, header!, document.lines, consumedOf) };
}

/** Every line's quantities for the header as it now is, the changed ones written in one statement. */
async function rescaleLines(tx: Executor, header: AssemblyHeaderRow, lines: readonly AssemblyLineRow[], consumedOf: ConsumedOf): Promise<AssemblyLineRow[]> {
  const derived = lines.map((line) => {
    const values = componentValues(header, dec(line.quantityPer), consumedOf(line));
    const changed = (Object.keys(values) as (keyof typeof values)[]).some((field) => String(values[field]) !== String(line[field]));
    return changed ? { ...withDerived(line, values), version: line.version + 1, updatedAt: new Date().toISOString() } : line;
  });
  const written = await updateLineRows(tx, assemblyLine, derived.filter((line, index) => line !== lines[index]));
  return derived.map((line) => written.find((row) => row.lineNo === line.lineNo) ?? line);
}

/** An assembly document with its lines; `lock` locks the header (posting, changes). */
export async function loadAssemblyDocument(tx: Executor, documentType: string, no: string, lock = false): Promise<AssemblyDocument> {
  const query = tx.select().from(assemblyHeader).where(and(eq(assemblyHeader.documentType, documentType), eq(assemblyHeader.no, no)));
  const [header] = lock ? await query.for('update') : await query;
  if (!header) throw new DomainError('NOT_FOUND', { entity: `Assembly ${documentType === 'blanketOrder' ? 'Blanket Order' : documentType === 'quote' ? 'Quote' : 'Order'}`, key: no });
  const lines = await tx.select().from(assemblyLine).where(and(eq(assemblyLine.documentType, documentType), eq(assemblyLine.documentNo, no))).orderBy(asc(assemblyLine.lineNo));
  return { header, lines };
}

/** The assembly documents linked to the given lines of a sales document, by sales line no. */
export async function linkedAssemblyDocuments(tx: Executor, salesDocumentType: string, salesDocumentNo: string, lineNos?: readonly number[]): Promise<Map<number, AssemblyDocument>> {
  const headers = await tx.select().from(assemblyHeader).where(and(
    eq(assemblyHeader.salesDocumentType, salesDocumentType), eq(assemblyHeader.salesDocumentNo, salesDocumentNo),
    ...(lineNos ? [inArray(assemblyHeader.salesLineNo, lineNos.length === 0 ? [-1] : [...lineNos])] : []),
  ));
  if (headers.length === 0) return new Map();
  const lines = await tx.select().from(assemblyLine).where(and(
    eq(assemblyLine.documentType, headers[0]!.documentType), inArray(assemblyLine.documentNo, headers.map((header) => header.no)),
  )).orderBy(asc(assemblyLine.lineNo));
  return new Map(headers.map((header) => [header.salesLineNo!, { header, lines: lines.filter((line) => line.documentNo === header.no) }]));
}
