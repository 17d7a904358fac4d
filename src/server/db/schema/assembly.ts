import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { amount, calendarDate, flag, quantity, recordColumns } from './columns.ts';
import { item } from './items.ts';
import { location, unitOfMeasure } from './logistics.ts';
import { salesLine } from './sales.ts';

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

/**
 * An assembly document (spec §15.3): BC's Assembly Header. Quotes, orders and blanket orders; one
 * assembled to order follows its sales line (the link columns), which creates, changes and deletes
 * it — deleting the sales line deletes it (cascade). Quantities are in the header's unit.
 */
export const assemblyHeader = pgTable('assembly_header', {
  documentType: text().notNull(),
  no: text().notNull(),
  description: text().notNull().default(''),
  itemNo: text().notNull().references(() => item.no),
  locationCode: text().references(() => location.code),
  unitOfMeasureCode: text().references(() => unitOfMeasure.code),
  quantityPerUnitOfMeasure: quantity().notNull().default('1'),
  quantity: quantity().notNull().default('0'),
  quantityToAssemble: quantity().notNull().default('0'),
  assembledQuantity: quantity().notNull().default('0'),
  remainingQuantity: quantity().notNull().default('0'),
  dueDate: calendarDate(),
  startingDate: calendarDate(),
  endingDate: calendarDate(),
  postingDate: calendarDate(),
  status: text().notNull().default('open'),
  assembleToOrder: flag(),
  salesDocumentType: text(),
  salesDocumentNo: text(),
  salesLineNo: integer(),
  /** The sales line's Qty. to Ship when Quantity to Assemble was last defaulted from it: changing Qty. to Ship defaults it again (BC). */
  salesQuantityToShip: quantity(),
  ...recordColumns(),
}, (t) => [
  primaryKey({ columns: [t.documentType, t.no] }),
  check('assembly_header_document_type', sql`${t.documentType} in ('quote', 'order', 'blanketOrder')`),
  check('assembly_header_status', sql`${t.status} in ('open', 'released')`),
  check('assembly_header_quantities', sql`${t.quantity} >= 0 and ${t.quantityToAssemble} >= 0 and ${t.assembledQuantity} >= 0`),
  foreignKey({ columns: [t.salesDocumentType, t.salesDocumentNo, t.salesLineNo], foreignColumns: [salesLine.documentType, salesLine.documentNo, salesLine.lineNo] })
    .onDelete('cascade').onUpdate('cascade'),
  index('assembly_header_sales_line').on(t.salesDocumentType, t.salesDocumentNo, t.salesLineNo),
  index('assembly_header_item').on(t.itemNo, t.dueDate),
]);

/** A component line of an assembly document (BC's Assembly Line), in the component's unit. */
export const assemblyLine = pgTable('assembly_line', {
  documentType: text().notNull(),
  documentNo: text().notNull(),
  lineNo: integer().notNull(),
  type: text().notNull().default('item'),
  no: text().notNull().references(() => item.no),
  description: text().notNull().default(''),
  locationCode: text().references(() => location.code),
  unitOfMeasureCode: text().references(() => unitOfMeasure.code),
  quantityPerUnitOfMeasure: quantity().notNull().default('1'),
  quantityPer: quantity().notNull(),
  quantity: quantity().notNull().default('0'),
  quantityToConsume: quantity().notNull().default('0'),
  consumedQuantity: quantity().notNull().default('0'),
  remainingQuantity: quantity().notNull().default('0'),
  dueDate: calendarDate(),
  ...recordColumns(),
}, (t) => [
  primaryKey({ columns: [t.documentType, t.documentNo, t.lineNo] }),
  foreignKey({ columns: [t.documentType, t.documentNo], foreignColumns: [assemblyHeader.documentType, assemblyHeader.no] }).onDelete('cascade').onUpdate('cascade'),
  check('assembly_line_type', sql`${t.type} = 'item'`),
  check('assembly_line_quantity', sql`${t.quantityPer} >= 0`),
  index('assembly_line_item').on(t.no, t.dueDate),
]);

/**
 * A posted assembly order (BC's Posted Assembly Header with its Posted Assemble-to-Order Link):
 * never changed but for Reversed, which Undo sets (as a posted shipment line's Correction).
 */
export const postedAssemblyHeader = pgTable('posted_assembly_header', {
  no: text().primaryKey(),
  orderNo: text().notNull(),
  description: text().notNull().default(''),
  itemNo: text().notNull().references(() => item.no),
  locationCode: text(),
  unitOfMeasureCode: text(),
  quantityPerUnitOfMeasure: quantity().notNull().default('1'),
  quantity: quantity().notNull(),
  quantityBase: quantity().notNull(),
  costAmount: amount().notNull().default('0'),
  dueDate: calendarDate(),
  postingDate: calendarDate().notNull(),
  assembleToOrder: flag(),
  salesDocumentNo: text(),
  salesLineNo: integer(),
  /** The posted sales shipment (and its line) the assembly was posted with. */
  salesShipmentNo: text(),
  salesShipmentLineNo: integer(),
  /** The output item ledger entry. */
  itemLedgerEntryNo: integer(),
  reversed: flag(),
  noSeries: text(),
  userId: text().notNull().default(''),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('posted_assembly_header_shipment').on(t.salesShipmentNo, t.salesShipmentLineNo)]);

export const postedAssemblyLine = pgTable('posted_assembly_line', {
  documentNo: text().notNull().references(() => postedAssemblyHeader.no),
  lineNo: integer().notNull(),
  type: text().notNull().default('item'),
  no: text().notNull(),
  description: text().notNull().default(''),
  locationCode: text(),
  unitOfMeasureCode: text(),
  quantityPerUnitOfMeasure: quantity().notNull().default('1'),
  quantityPer: quantity().notNull(),
  quantity: quantity().notNull(),
  quantityBase: quantity().notNull(),
  costAmount: amount().notNull().default('0'),
  /** The consumption item ledger entry. */
  itemLedgerEntryNo: integer(),
}, (t) => [primaryKey({ columns: [t.documentNo, t.lineNo] })]);
