import { boolean, pgTable, text } from 'drizzle-orm/pg-core';
import { recordColumns } from './columns.ts';

export const vatBusinessPostingGroup = pgTable('vat_business_posting_group', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  ...recordColumns(),
});

export const vatProductPostingGroup = pgTable('vat_product_posting_group', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  ...recordColumns(),
});

export const genBusinessPostingGroup = pgTable('gen_business_posting_group', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  defaultVatBusPostingGroup: text().references(() => vatBusinessPostingGroup.code),
  autoInsertDefault: boolean().notNull().default(true),
  ...recordColumns(),
});

export const genProductPostingGroup = pgTable('gen_product_posting_group', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  defaultVatProdPostingGroup: text().references(() => vatProductPostingGroup.code),
  autoInsertDefault: boolean().notNull().default(true),
  ...recordColumns(),
});

export const inventoryPostingGroup = pgTable('inventory_posting_group', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  ...recordColumns(),
});
