import { check, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { quantity, recordColumns } from './columns.ts';
import { item } from './items.ts';
import { unitOfMeasure } from './logistics.ts';

/**
 * BC's Assembly BOM (spec §15.3, issue 20): the components one unit of an assembled item is made of,
 * each Quantity per unit of the parent, in the component's unit of measure.
 */
export const assemblyBomComponent = pgTable('assembly_bom_component', {
  parentItemNo: text().notNull().references(() => item.no, { onDelete: 'cascade' }),
  lineNo: integer().notNull(),
  type: text().notNull().default('item'),
  no: text().notNull().references(() => item.no),
  description: text().notNull().default(''),
  quantityPer: quantity().notNull(),
  unitOfMeasureCode: text().references(() => unitOfMeasure.code),
  ...recordColumns(),
}, (t) => [
  primaryKey({ columns: [t.parentItemNo, t.lineNo] }),
  check('assembly_bom_component_type', sql`${t.type} = 'item'`),
  check('assembly_bom_component_quantity', sql`${t.quantityPer} > 0`),
]);
