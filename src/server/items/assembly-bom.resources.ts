/**
 * /api/v1/items/{itemNo}/assemblyBom: the components of an assembled item (spec §15.3, BC Assembly
 * BOM). A component is an inventory item other than the parent and not made of the parent, in one of
 * its units of measure (default: its base unit); line numbers step by 10000.
 */
import { and, eq, inArray, max } from 'drizzle-orm';
import { assemblyBomComponentSchemas } from '../../core/master-data/item.schemas.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { assemblyBomComponent, item, itemUnitOfMeasure } from '../db/schema/index.ts';
import type { ResourceDefinition, Row } from '../master-data/resource.ts';

/** True when `componentNo`'s BOM, at any depth, contains `parentNo` (BC: a BOM may not contain itself). */
async function containsItem(tx: Executor, componentNo: string, parentNo: string): Promise<boolean> {
  let level = [componentNo];
  const seen = new Set<string>();
  while (level.length > 0) {
    if (level.includes(parentNo)) return true;
    level.forEach((no) => seen.add(no));
    const rows = await tx.select({ no: assemblyBomComponent.no }).from(assemblyBomComponent).where(inArray(assemblyBomComponent.parentItemNo, level));
    level = [...new Set(rows.map((row) => row.no))].filter((no) => !seen.has(no) || no === parentNo);
  }
  return false;
}

async function prepareComponent(tx: Executor, values: Row, previous: Row | undefined): Promise<Row> {
  const record = { ...(previous ?? {}), ...values };
  const parentNo = record.parentItemNo as string;
  const componentNo = String(record.no ?? '').toUpperCase();
  const [component] = await tx.select().from(item).where(eq(item.no, componentNo));
  if (!component) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Item', value: componentNo, field: 'no' }, 'no');
  if (component.type !== 'inventory') throw new DomainError('INVALID_INPUT', { detail: `Item ${componentNo} is not an inventory item and cannot be an assembly component.` }, 'no');
  if (await containsItem(tx, componentNo, parentNo)) {
    throw new DomainError('INVALID_INPUT', { detail: `Item ${componentNo} cannot be a component of ${parentNo}: it is ${parentNo} or is made of it.` }, 'no');
  }
  const prepared: Row = { ...values, no: componentNo };
  if (values.no !== undefined && values.description === undefined) prepared.description = component.description;
  const unit = (record.unitOfMeasureCode as string | null | undefined) ?? (previous && values.no === undefined ? null : component.baseUnitOfMeasure);
  if (values.no !== undefined || values.unitOfMeasureCode !== undefined) {
    const [known] = unit ? await tx.select().from(itemUnitOfMeasure).where(and(eq(itemUnitOfMeasure.itemNo, componentNo), eq(itemUnitOfMeasure.code, unit))) : [];
    if (unit && !known && unit !== component.baseUnitOfMeasure) {
      throw new DomainError('INVALID_INPUT', { detail: `Unit of measure ${unit} is not set up for item ${componentNo}.` }, 'unitOfMeasureCode');
    }
    prepared.unitOfMeasureCode = unit;
  }
  if (!previous && values.lineNo === undefined) {
    const [last] = await tx.select({ lineNo: max(assemblyBomComponent.lineNo) }).from(assemblyBomComponent).where(eq(assemblyBomComponent.parentItemNo, parentNo));
    prepared.lineNo = (last?.lineNo ?? 0) + 10000;
  }
  return prepared;
}

export const assemblyBomResource: ResourceDefinition = {
  name: 'assemblyBom', entity: 'Assembly BOM Component', table: assemblyBomComponent, area: 'items',
  parent: { resource: 'items', entity: 'Item', param: 'itemNo', field: 'parentItemNo', table: item, parentField: 'no' },
  key: { param: 'lineNo', field: 'lineNo', kind: 'integer' },
  createSchema: assemblyBomComponentSchemas.create, updateSchema: assemblyBomComponentSchemas.update,
  filters: ['no'], search: ['description'],
  prepare: prepareComponent,
};
