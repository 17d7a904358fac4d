import { boolean, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { dateFormula, flag, quantity, recordColumns, unitAmount } from './columns.ts';
import { genProductPostingGroup, inventoryPostingGroup, vatProductPostingGroup } from './posting-groups.ts';
import { unitOfMeasure } from './logistics.ts';
import { vendor } from './vendors.ts';

export const itemDiscountGroup = pgTable('item_discount_group', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  ...recordColumns(),
});

export const item = pgTable('item', {
  no: text().primaryKey(),
  description: text().notNull(),
  description2: text().notNull().default(''),
  searchDescription: text().notNull().default(''),
  type: text().notNull().default('inventory'),
  baseUnitOfMeasure: text().notNull().references(() => unitOfMeasure.code),
  salesUnitOfMeasure: text().references(() => unitOfMeasure.code),
  unitPrice: unitAmount().notNull().default('0'),
  priceIncludesVat: flag(),
  unitCost: unitAmount().notNull().default('0'),
  standardCost: unitAmount().notNull().default('0'),
  lastDirectCost: unitAmount().notNull().default('0'),
  costingMethod: text().notNull().default('fifo'),
  genProdPostingGroup: text().references(() => genProductPostingGroup.code),
  vatProdPostingGroup: text().references(() => vatProductPostingGroup.code),
  inventoryPostingGroup: text().references(() => inventoryPostingGroup.code),
  itemDiscountGroup: text().references(() => itemDiscountGroup.code),
  allowInvoiceDiscount: boolean().notNull().default(true),
  blocked: flag(),
  salesBlocked: flag(),
  preventNegativeInventory: text().notNull().default('default'),
  stockoutWarning: text().notNull().default('default'),
  reserve: text().notNull().default('optional'),
  critical: flag(),
  assemblyPolicy: text().notNull().default('assembleToStock'),
  replenishmentSystem: text().notNull().default('purchase'),
  vendorNo: text().references(() => vendor.no),
  vendorItemNo: text().notNull().default(''),
  leadTimeCalculation: dateFormula(),
  safetyLeadTime: dateFormula(),
  purchasingCode: text().notNull().default(''),
  /** GTIN (EAN/UPC) for e-invoices and scanning. */
  gtin: text().notNull().default(''),
  ...recordColumns(),
});

export const itemUnitOfMeasure = pgTable(
  'item_unit_of_measure',
  {
    itemNo: text().notNull().references(() => item.no, { onDelete: 'cascade' }),
    code: text().notNull().references(() => unitOfMeasure.code),
    quantityPerUnitOfMeasure: quantity().notNull().default('1'),
    ...recordColumns(),
  },
  (t) => [primaryKey({ columns: [t.itemNo, t.code] })],
);
