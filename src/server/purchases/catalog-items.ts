/**
 * Catalog items (spec §15.2; BC Nonstock Item): a vendor's item we do not keep. Put on a sales line
 * (`catalogItemEntryNo`), it becomes an item the first time, numbered by its Vendor Item No. (BC's
 * default No. Format), with the catalog's unit, cost, price and posting groups; later lines use
 * that item.
 */
import { eq } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { catalogItemSchemas } from '../../core/master-data/catalog-item.schemas.ts';
import { dec } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { item, itemUnitOfMeasure, nonstockItem } from '../db/schema/index.ts';
import type { ResourceDefinition } from '../master-data/resource.ts';

export const catalogItemResource: ResourceDefinition = {
  name: 'catalogItems', entity: 'Catalog Item', table: nonstockItem, area: 'items',
  key: { param: 'entryNo', field: 'entryNo', kind: 'code' },
  createSchema: catalogItemSchemas.create, updateSchema: catalogItemSchemas.update,
  filters: ['vendorNo', 'vendorItemNo', 'itemNo'], search: ['description', 'vendorItemNo'],
};

/** The item of the catalog item: made now if it has none yet. */
export async function itemFromCatalog(tx: Executor, entryNo: string, field: string): Promise<string> {
  const [entry] = await tx.select().from(nonstockItem).where(eq(nonstockItem.entryNo, entryNo.trim().toUpperCase())).for('update');
  if (!entry) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Catalog Item', value: entryNo, field }, field);
  if (entry.itemNo) return entry.itemNo;
  if (!entry.unitOfMeasureCode) {
    throw new DomainError('FIELD_REQUIRED', { fieldCaption: 'Unit of Measure', documentTypeCaption: `catalog item ${entry.entryNo}`, action: 'made an item', field }, field);
  }
  const no = entry.vendorItemNo.trim().toUpperCase();
  const [taken] = await tx.select({ no: item.no }).from(item).where(eq(item.no, no));
  if (taken) throw new DomainError('ALREADY_EXISTS', { entity: 'Item', key: no }, field);
  const cost = dec(entry.negotiatedCost).isZero() ? entry.publishedCost : entry.negotiatedCost;
  await tx.insert(item).values({
    no, description: entry.description || entry.vendorItemNo, searchDescription: (entry.description || entry.vendorItemNo).toUpperCase(),
    type: 'inventory', baseUnitOfMeasure: entry.unitOfMeasureCode, unitPrice: entry.unitPrice, unitCost: cost, lastDirectCost: cost,
    vendorNo: entry.vendorNo, vendorItemNo: entry.vendorItemNo,
    genProdPostingGroup: entry.genProdPostingGroup, vatProdPostingGroup: entry.vatProdPostingGroup, inventoryPostingGroup: entry.inventoryPostingGroup,
  });
  await tx.insert(itemUnitOfMeasure).values({ itemNo: no, code: entry.unitOfMeasureCode, quantityPerUnitOfMeasure: '1' });
  await tx.update(nonstockItem).set({ itemNo: no }).where(eq(nonstockItem.entryNo, entry.entryNo));
  return no;
}
