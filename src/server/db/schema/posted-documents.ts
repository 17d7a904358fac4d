/**
 * Posted sales documents (spec §7.5, §7.6, §17.3): shipments, invoices, credit memos and return
 * receipts, one table pair told apart by documentType, so one query layer serves all four. They are
 * immutable (trigger in migration 0004) except the derived quantities of shipment and receipt lines
 * that later invoices consume, and the Correction flag Undo Shipment sets (spec §7.10, §13.1).
 */
import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { amount, calendarDate, currencyFactor, flag, percent, quantity, salesLineAmountColumns } from './columns.ts';
import { customer } from './customers.ts';
import { party } from './sales.ts';
import { salesLineTypes } from '../../../core/sales/types.ts';
import { allowedValues, postedSalesDocumentTypes } from './type-columns.ts';

export type PostedSalesDocumentType = (typeof postedSalesDocumentTypes)[number];

export const postedSalesHeader = pgTable('posted_sales_header', {
  documentType: text().notNull(),
  no: text().notNull(),
  /** The series the number was drawn from. */
  noSeries: text(),
  /** The unposted document it came from: order, invoice, credit memo or return order, and its number. */
  sourceDocumentType: text().notNull(),
  sourceDocumentNo: text().notNull(),
  sellToCustomerNo: text().notNull().references(() => customer.no),
  ...party('sellTo'),
  billToCustomerNo: text().notNull().references(() => customer.no),
  ...party('billTo'),
  shipToCode: text(),
  ...party('shipTo'),
  orderDate: calendarDate(),
  postingDate: calendarDate().notNull(),
  documentDate: calendarDate(),
  shipmentDate: calendarDate(),
  dueDate: calendarDate(),
  paymentDiscountDate: calendarDate(),
  paymentDiscountPercent: percent().notNull().default('0'),
  paymentTermsCode: text(),
  paymentMethodCode: text(),
  shipmentMethodCode: text(),
  shippingAgentCode: text(),
  packageTrackingNo: text().notNull().default(''),
  currencyCode: text(),
  currencyFactor: currencyFactor().notNull().default('1'),
  pricesIncludingVat: flag(),
  locationCode: text(),
  salespersonCode: text(),
  externalDocumentNo: text().notNull().default(''),
  yourReference: text().notNull().default(''),
  customerPostingGroup: text(),
  genBusPostingGroup: text(),
  vatBusPostingGroup: text(),
  vatRegistrationNo: text().notNull().default(''),
  languageCode: text().notNull().default(''),
  quoteNo: text(),
  appliesToDocumentType: text(),
  appliesToDocumentNo: text(),
  correctedInvoiceNo: text(),
  /** A prepayment invoice or credit memo of the order prepaymentOrderNo (spec §26.4–26.5). */
  prepayment: flag(),
  prepaymentOrderNo: text(),
  postingDescription: text().notNull().default(''),
  /** The Payment Service Set of the posted document (spec §21.1): which payment links a posted invoice shows. */
  paymentServiceSet: text().array().notNull().default(sql`'{}'::text[]`),
  /** Totals of invoices and credit memos (0 on shipments and receipts), in the document currency. */
  amount: amount().notNull().default('0'),
  amountIncludingVat: amount().notNull().default('0'),
  invoiceDiscountAmount: amount().notNull().default('0'),
  /** The customer ledger entry an invoice or credit memo wrote. */
  customerLedgerEntryNo: integer(),
  transactionNo: integer(),
  userId: text().notNull().default(''),
  postedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.documentType, t.no] }),
  index('posted_sales_header_customer').on(t.billToCustomerNo, t.postingDate),
  index('posted_sales_header_source').on(t.sourceDocumentType, t.sourceDocumentNo),
  allowedValues(t.documentType, postedSalesDocumentTypes),
]);

export const postedSalesLineDerivedColumns = ['quantity_invoiced', 'quantity_not_invoiced', 'correction'] as const;

export const postedSalesLine = pgTable('posted_sales_line', {
  documentType: text().notNull(),
  documentNo: text().notNull(),
  lineNo: integer().notNull(),
  type: text().notNull(),
  no: text().notNull().default(''),
  description: text().notNull().default(''),
  description2: text().notNull().default(''),
  sellToCustomerNo: text().notNull(),
  billToCustomerNo: text().notNull(),
  postingDate: calendarDate().notNull(),
  locationCode: text(),
  unitOfMeasureCode: text(),
  quantityPerUnitOfMeasure: quantity().notNull().default('1'),
  quantity: quantity().notNull().default('0'),
  quantityBase: quantity().notNull().default('0'),
  /** Shipment and receipt lines: how much a later invoice or credit memo has billed, and what is left. */
  quantityInvoiced: quantity().notNull().default('0'),
  quantityNotInvoiced: quantity().notNull().default('0'),
  ...salesLineAmountColumns(),
  genBusPostingGroup: text(),
  genProdPostingGroup: text(),
  vatBusPostingGroup: text(),
  vatProdPostingGroup: text(),
  inventoryPostingGroup: text(),
  shipmentDate: calendarDate(),
  /** The unposted line it came from (order line, return order line, invoice line …). */
  sourceDocumentType: text().notNull(),
  sourceDocumentNo: text().notNull(),
  sourceLineNo: integer().notNull().default(0),
  /** Invoice lines billing an earlier shipment (spec §13.1), credit memo lines a return receipt. */
  shipmentNo: text(),
  shipmentLineNo: integer(),
  returnReceiptNo: text(),
  returnReceiptLineNo: integer(),
  /** The item ledger entry this line wrote (shipments, receipts, and invoices that shipped as they billed). */
  itemLedgerEntryNo: integer(),
  applFromItemEntry: integer(),
  applToItemEntry: integer(),
  correction: flag(),
  /** The blanket order line the posted line delivered part of (spec §2.4, §14.4). */
  blanketOrderNo: text(),
  blanketOrderLineNo: integer(),
  /** A final invoice's deduction of the order's prepayment (spec §26.7.2). */
  prepaymentLine: flag(),
  /** On an order's invoiced line: the prepayment this invoice deducted for it, and its VAT (what cancelling puts back, §26.9.2). */
  prepmtAmtDeducted: amount().notNull().default('0'),
  prepmtVatAmtDeducted: amount().notNull().default('0'),
}, (t) => [
  primaryKey({ columns: [t.documentType, t.documentNo, t.lineNo] }),
  index('posted_sales_line_blanket_order').on(t.blanketOrderNo, t.blanketOrderLineNo),
  foreignKey({ columns: [t.documentType, t.documentNo], foreignColumns: [postedSalesHeader.documentType, postedSalesHeader.no], name: 'posted_sales_line_document_fk' }),
  index('posted_sales_line_source').on(t.sourceDocumentType, t.sourceDocumentNo, t.sourceLineNo),
  index('posted_sales_line_open_shipment').on(t.billToCustomerNo, t.documentType),
  allowedValues(t.type, salesLineTypes),
]);
