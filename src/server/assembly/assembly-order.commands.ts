/**
 * Changing assembly documents (spec §15.3): stand-alone assembly orders are created, changed,
 * released and deleted freely; one assembled to order follows its sales line, so only its Starting
 * Date, its Quantity to Assemble (within the range the line's Qty. to Ship allows) and its
 * component lines (the customer's customisation) may be changed here. A released order is
 * reopened before it is changed.
 */
import { and, eq, sql } from 'drizzle-orm';
import { checkQuantityToAssemble, quantityToAssembleRange } from '../../core/assembly/assembly-order.ts';
import { DomainError } from '../../core/errors.ts';
import { type Decimal, ZERO, dec } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { assemblyHeader, assemblyLine, item, salesLine } from '../db/schema/index.ts';
import type { SalesContext } from '../sales/sales-context.ts';
import {
  type AssemblyDocument, type AssemblyHeaderRow, changeAssemblyHeader, componentValues, createAssemblyDocument, loadAssemblyDocument, quantityPerUnit,
} from './assembly-documents.ts';
import { linkParams } from './assemble-to-order.sync.ts';

export interface AssemblyHeaderChanges {
  quantity?: string; quantityToAssemble?: string; dueDate?: string | null; startingDate?: string | null; endingDate?: string | null;
  postingDate?: string | null; locationCode?: string | null; unitOfMeasureCode?: string; description?: string;
}
export interface AssemblyLineInput { no?: string; quantityPer?: string; unitOfMeasureCode?: string; description?: string }

export async function createAssemblyOrder(
  tx: Executor, input: { itemNo: string; quantity: string; dueDate?: string; locationCode?: string | null; unitOfMeasureCode?: string; postingDate?: string; description?: string },
  context: SalesContext,
): Promise<AssemblyDocument> {
  const quantity = positive(dec(input.quantity), 'quantity');
  const document = await createAssemblyDocument(tx, 'order', {
    itemNo: input.itemNo, quantity, dueDate: input.dueDate ?? context.workDate, locationCode: input.locationCode ?? context.inventorySetup.defaultLocationCode,
    unitOfMeasureCode: input.unitOfMeasureCode ?? null, ...(input.description ? { description: input.description } : {}),
  }, context);
  return input.postingDate ? changeAssemblyHeader(tx, document, { postingDate: input.postingDate }) : document;
}

function positive(value: Decimal, field: string): Decimal {
  if (!value.gt(ZERO)) throw new DomainError('INVALID_INPUT', { detail: `${field} must be more than 0` }, field);
  return value;
}

const linkedEditable = new Set(['startingDate', 'quantityToAssemble']);

export async function changeAssemblyOrder(tx: Executor, documentType: string, no: string, changes: AssemblyHeaderChanges, expectedVersion?: number): Promise<AssemblyDocument> {
  const document = await editableDocument(tx, documentType, no, expectedVersion);
  const { header } = document;
  if (header.assembleToOrder) {
    const fixed = Object.keys(changes).find((field) => !linkedEditable.has(field));
    if (fixed) throw new DomainError('ASSEMBLY_ORDER_LINKED', { ...linkParams(document), reason: `${fixed} follows the sales line; change it there` }, fixed);
    if (changes.quantityToAssemble !== undefined) await checkLinkedQuantityToAssemble(tx, header, dec(changes.quantityToAssemble));
  }
  const next: Partial<AssemblyHeaderRow> = { ...changes } as Partial<AssemblyHeaderRow>;
  if (changes.quantity !== undefined) {
    const quantity = positive(dec(changes.quantity), 'quantity');
    if (quantity.lessThan(dec(header.assembledQuantity))) throw new DomainError('INVALID_INPUT', { detail: `Quantity cannot be less than the ${header.assembledQuantity} assembled already` }, 'quantity');
    // BC: Quantity to Assemble follows Quantity (what is left) unless it is typed too.
    if (changes.quantityToAssemble === undefined) next.quantityToAssemble = quantity.minus(dec(header.assembledQuantity)).toString();
  }
  if (!header.assembleToOrder && next.quantityToAssemble !== undefined) {
    const remaining = dec(next.quantity ?? header.quantity).minus(dec(header.assembledQuantity));
    checkQuantityToAssemble(dec(next.quantityToAssemble), { minimum: ZERO, maximum: remaining });
  }
  // The lines follow the header's location and dates there too.
  return changeAssemblyHeader(tx, document, next);
}

/** Spec §15.3: between what inventory cannot give of Qty. to Ship and what is both shipped now and still to assemble. */
async function checkLinkedQuantityToAssemble(tx: Executor, header: AssemblyHeaderRow, value: Decimal): Promise<void> {
  const [line] = await tx.select().from(salesLine).where(and(
    eq(salesLine.documentType, header.salesDocumentType!), eq(salesLine.documentNo, header.salesDocumentNo!), eq(salesLine.lineNo, header.salesLineNo!),
  ));
  const outstanding = dec(line!.quantity).minus(dec(line!.quantityShipped));
  checkQuantityToAssemble(value, quantityToAssembleRange({ quantityToShip: dec(line!.quantityToShip), outstandingQuantity: outstanding }, dec(header.remainingQuantity)));
}

async function editableDocument(tx: Executor, documentType: string, no: string, expectedVersion?: number): Promise<AssemblyDocument> {
  const document = await loadAssemblyDocument(tx, documentType, no, true);
  const { header } = document;
  if (expectedVersion !== undefined && expectedVersion !== header.version) {
    throw new DomainError('VERSION_CONFLICT', { entity: 'Assembly Order', key: no, currentVersion: header.version, sentVersion: expectedVersion });
  }
  if (header.status !== 'open') {
    throw new DomainError('STATUS_MUST_BE_OPEN', { where: `assembly ${documentType} ${no}`, status: 'Released', remedy: 'reopen it', field: 'it' }, 'status');
  }
  return document;
}

export async function setAssemblyOrderStatus(tx: Executor, no: string, status: 'open' | 'released'): Promise<AssemblyDocument> {
  const document = await loadAssemblyDocument(tx, 'order', no, true);
  if (status === 'released' && dec(document.header.quantity).isZero()) throw new DomainError('FIELD_REQUIRED', { field: 'quantity', fieldCaption: 'Quantity', documentTypeCaption: 'assembly order' }, 'quantity');
  return changeAssemblyHeader(tx, document, { status });
}

export async function deleteAssemblyOrder(tx: Executor, no: string): Promise<void> {
  const document = await loadAssemblyDocument(tx, 'order', no, true);
  if (document.header.assembleToOrder) throw new DomainError('ASSEMBLY_ORDER_LINKED', { ...linkParams(document), reason: 'delete the sales line or set its Qty. to Assemble to Order to 0 instead' });
  await tx.delete(assemblyHeader).where(and(eq(assemblyHeader.documentType, 'order'), eq(assemblyHeader.no, no)));
}

// ------------------------------------------------------------------------------------------- lines

/** A component added: an item other than the assembled one, Quantity per one unit of it (customisation on a linked order). */
export async function addAssemblyLine(tx: Executor, documentType: string, no: string, input: AssemblyLineInput & { no: string; quantityPer: string }) {
  const document = await editableDocument(tx, documentType, no);
  const component = await componentItem(tx, document.header, input.no);
  const unit = input.unitOfMeasureCode ?? component.baseUnitOfMeasure;
  const lineNo = Math.max(0, ...document.lines.map((line) => line.lineNo)) + 10000;
  const [row] = await tx.insert(assemblyLine).values({
    ...componentValues(document.header, dec(input.quantityPer)), documentType, documentNo: no, lineNo, no: component.no,
    description: input.description ?? component.description, unitOfMeasureCode: unit, quantityPerUnitOfMeasure: (await quantityPerUnit(tx, component.no, unit)).toString(),
  }).returning();
  await touch(tx, documentType, no);
  return row!;
}

export async function changeAssemblyLine(tx: Executor, documentType: string, no: string, lineNo: number, input: AssemblyLineInput) {
  const document = await editableDocument(tx, documentType, no);
  const line = document.lines.find((candidate) => candidate.lineNo === lineNo);
  if (!line) throw new DomainError('NOT_FOUND', { entity: 'Assembly Line', key: `${no} ${lineNo}` });
  const component = input.no !== undefined ? await componentItem(tx, document.header, input.no) : null;
  const quantityPer = input.quantityPer !== undefined ? dec(input.quantityPer) : dec(line.quantityPer);
  const unit = input.unitOfMeasureCode ?? (component ? component.baseUnitOfMeasure : line.unitOfMeasureCode!);
  const [row] = await tx.update(assemblyLine).set({
    ...componentValues(document.header, quantityPer, dec(line.consumedQuantity)),
    ...(component ? { no: component.no, description: input.description ?? component.description } : input.description !== undefined ? { description: input.description } : {}),
    unitOfMeasureCode: unit, quantityPerUnitOfMeasure: (await quantityPerUnit(tx, component?.no ?? line.no, unit)).toString(),
    version: sql`${assemblyLine.version} + 1`, updatedAt: sql`now()`,
  }).where(and(eq(assemblyLine.documentType, documentType), eq(assemblyLine.documentNo, no), eq(assemblyLine.lineNo, lineNo))).returning();
  await touch(tx, documentType, no);
  return row!;
}

export async function deleteAssemblyLine(tx: Executor, documentType: string, no: string, lineNo: number): Promise<void> {
  const document = await editableDocument(tx, documentType, no);
  const line = document.lines.find((candidate) => candidate.lineNo === lineNo);
  if (!line) throw new DomainError('NOT_FOUND', { entity: 'Assembly Line', key: `${no} ${lineNo}` });
  if (!dec(line.consumedQuantity).isZero()) throw new DomainError('INVALID_INPUT', { detail: `line ${lineNo} has consumed ${line.consumedQuantity} already` }, 'lineNo');
  await tx.delete(assemblyLine).where(and(eq(assemblyLine.documentType, documentType), eq(assemblyLine.documentNo, no), eq(assemblyLine.lineNo, lineNo)));
  await touch(tx, documentType, no);
}

const touch = (tx: Executor, documentType: string, no: string) => tx.update(assemblyHeader)
  .set({ version: sql`${assemblyHeader.version} + 1`, updatedAt: sql`now()` }).where(and(eq(assemblyHeader.documentType, documentType), eq(assemblyHeader.no, no)));

async function componentItem(tx: Executor, header: AssemblyHeaderRow, itemNo: string) {
  const no = itemNo.toUpperCase();
  const [component] = await tx.select().from(item).where(eq(item.no, no));
  if (!component) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Item', value: itemNo, field: 'no' }, 'no');
  if (component.no === header.itemNo) throw new DomainError('INVALID_INPUT', { detail: `item ${no} cannot be a component of itself` }, 'no');
  if (component.blocked) throw new DomainError('ITEM_BLOCKED', { itemNo: no }, 'no');
  return component;
}
