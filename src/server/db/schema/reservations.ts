import { check, foreignKey, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { quantity } from './columns.ts';
import { purchaseLine } from './purchases.ts';
import { salesLine } from './sales.ts';
import { assemblyHeader } from './assembly.ts';
/**
 * BC's Reservation Entry, as one row per reservation (spec §16, issue 20): part of a sales order line's
 * outstanding quantity held on the location's inventory, an open purchase order line or an assembly order. Deleting
 * either line deletes the reservation; posting consumes it (sales) or moves it onto inventory (purchase
 * receipt).
 */
export const reservation = pgTable('reservation', {
  id: uuid().primaryKey().defaultRandom(),
  itemNo: text().notNull(),
  locationCode: text().notNull().default(''),
  /** In the item's base unit of measure; always positive. */
  quantityBase: quantity().notNull(),
  salesDocumentType: text().notNull().default('order'),
  salesDocumentNo: text().notNull(),
  salesLineNo: integer().notNull(),
  /** 'inventory' or 'purchaseOrder' (then the purchase order line below). */
  supplyType: text().notNull(),
  purchaseDocumentType: text(),
  purchaseDocumentNo: text(),
  purchaseLineNo: integer(),
  /** 'assemblyOrder': the assembly order whose output is reserved (spec §15.3, issue 20 item 3). */
  assemblyDocumentType: text(),
  assemblyDocumentNo: text(),
  createdBy: text().notNull().default(''),
  createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  check('reservation_positive', sql`${t.quantityBase} > 0`),
  check('reservation_supply', sql`(${t.supplyType} = 'inventory' and ${t.purchaseDocumentNo} is null and ${t.assemblyDocumentNo} is null)
    or (${t.supplyType} = 'purchaseOrder' and ${t.purchaseDocumentType} = 'order' and ${t.purchaseDocumentNo} is not null and ${t.purchaseLineNo} is not null)
    or (${t.supplyType} = 'assemblyOrder' and ${t.assemblyDocumentType} = 'order' and ${t.assemblyDocumentNo} is not null)`),
  foreignKey({ columns: [t.salesDocumentType, t.salesDocumentNo, t.salesLineNo], foreignColumns: [salesLine.documentType, salesLine.documentNo, salesLine.lineNo], name: 'reservation_sales_line_fk' }).onDelete('cascade'),
  foreignKey({ columns: [t.purchaseDocumentType, t.purchaseDocumentNo, t.purchaseLineNo], foreignColumns: [purchaseLine.documentType, purchaseLine.documentNo, purchaseLine.lineNo], name: 'reservation_purchase_line_fk' }).onDelete('cascade'),
  foreignKey({ columns: [t.assemblyDocumentType, t.assemblyDocumentNo], foreignColumns: [assemblyHeader.documentType, assemblyHeader.no], name: 'reservation_assembly_fk' }).onDelete('cascade'),
  index('reservation_item_location').on(t.itemNo, t.locationCode),
  index('reservation_sales_line').on(t.salesDocumentNo, t.salesLineNo),
  index('reservation_purchase_line').on(t.purchaseDocumentNo, t.purchaseLineNo),
]);
