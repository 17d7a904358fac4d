import { and, eq } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import { itemDiscountGroupSchemas, itemSchemas, itemUnitOfMeasureSchemas } from '../../core/master-data/item.schemas.ts';
import type { Executor } from '../db/connection.ts';
import { inventorySetup, item, itemDiscountGroup, itemUnitOfMeasure } from '../db/schema/index.ts';
import type { ResourceDefinition, Row } from '../master-data/resource.ts';

export const itemResource: ResourceDefinition = {
  name: 'items', entity: 'Item', table: item, area: 'items',
  key: { param: 'no', field: 'no', kind: 'code' },
  createSchema: itemSchemas.create, updateSchema: itemSchemas.update,
  filters: [
    'type', 'blocked', 'salesBlocked', 'genProdPostingGroup', 'vatProdPostingGroup', 'inventoryPostingGroup', 'itemDiscountGroup',
    'costingMethod', 'vendorNo', 'baseUnitOfMeasure',
  ],
  search: ['description', 'searchDescription', 'vendorItemNo', 'gtin'],
  numberSeries: async (tx) => {
    const [setup] = await tx.select({ series: inventorySetup.itemNos }).from(inventorySetup);
    return { seriesCode: setup?.series ?? null, setup: 'Inventory Setup (itemNos)' };
  },
  prepare: async (_tx, values, previous) => {
    if (previous || typeof values.description !== 'string' || values.searchDescription !== undefined) return values;
    return { ...values, searchDescription: values.description.toUpperCase() };
  },
  // As in BC, choosing a base unit of measure adds it to the item's units with quantity 1.
  afterWrite: async (tx, record) => {
    const itemNo = record.no as string;
    const base = record.baseUnitOfMeasure as string;
    await tx.insert(itemUnitOfMeasure).values({ itemNo, code: base, quantityPerUnitOfMeasure: '1' }).onConflictDoNothing();
    const [baseUnit] = await tx.select().from(itemUnitOfMeasure)
      .where(and(eq(itemUnitOfMeasure.itemNo, itemNo), eq(itemUnitOfMeasure.code, base)));
    if (!dec(baseUnit!.quantityPerUnitOfMeasure).eq(1)) {
      throw new DomainError('BASE_UNIT_OF_MEASURE_QUANTITY', { itemNo, unitOfMeasure: base }, 'baseUnitOfMeasure');
    }
    const sales = record.salesUnitOfMeasure as string | null;
    if (sales && !(await itemHasUnit(tx, itemNo, sales))) {
      throw new DomainError('ITEM_UNIT_OF_MEASURE_MISSING', { itemNo, unitOfMeasure: sales }, 'salesUnitOfMeasure');
    }
  },
};

async function itemHasUnit(tx: Executor, itemNo: string, code: string): Promise<boolean> {
  const rows = await tx.select({ code: itemUnitOfMeasure.code }).from(itemUnitOfMeasure)
    .where(and(eq(itemUnitOfMeasure.itemNo, itemNo), eq(itemUnitOfMeasure.code, code)));
  return rows.length > 0;
}

async function owningItem(tx: Executor, unit: Row) {
  const [owner] = await tx.select().from(item).where(eq(item.no, unit.itemNo as string));
  return owner!;
}

export const itemUnitOfMeasureResource: ResourceDefinition = {
  name: 'unitsOfMeasure', entity: 'Item Unit of Measure', table: itemUnitOfMeasure, area: 'items',
  parent: { resource: 'items', entity: 'Item', param: 'itemNo', field: 'itemNo', table: item, parentField: 'no' },
  key: { param: 'code', field: 'code', kind: 'code' },
  createSchema: itemUnitOfMeasureSchemas.create, updateSchema: itemUnitOfMeasureSchemas.update, filters: [],
  validate: async (tx, unit) => {
    const owner = await owningItem(tx, unit);
    if (owner.baseUnitOfMeasure === unit.code && !dec(unit.quantityPerUnitOfMeasure as string).eq(1)) {
      throw new DomainError('BASE_UNIT_OF_MEASURE_QUANTITY', { itemNo: owner.no, unitOfMeasure: unit.code as string }, 'quantityPerUnitOfMeasure');
    }
  },
  beforeDelete: async (tx, unit) => {
    const owner = await owningItem(tx, unit);
    if (owner.baseUnitOfMeasure === unit.code || owner.salesUnitOfMeasure === unit.code) {
      throw new DomainError('BASE_UNIT_OF_MEASURE_IN_USE', { itemNo: owner.no, unitOfMeasure: unit.code as string });
    }
  },
};

export const itemDiscountGroupResource: ResourceDefinition = {
  name: 'itemDiscountGroups', entity: 'Item Discount Group', table: itemDiscountGroup, area: 'items',
  key: { param: 'code', field: 'code', kind: 'code' },
  createSchema: itemDiscountGroupSchemas.create, updateSchema: itemDiscountGroupSchemas.update, filters: [], search: ['description'],
};
