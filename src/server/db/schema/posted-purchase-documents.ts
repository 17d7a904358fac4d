/**
 * Posted purchase documents (issue 14): receipts, invoices, credit memos and return shipments, one
 * table pair told apart by documentType, as posted-documents.ts keeps the sales ones. Immutable (the
 * append-only trigger of the migration) except the derived quantities of receipt and return shipment
 * lines that later invoices consume, and the Correction flag Undo Receipt sets.
 */
import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { postedPurchaseDocumentTypes } from '../../../core/documents/document-types.ts';
import { salesLineTypes } from '../../../core/sales/types.ts';
import { amount, calendarDate, currencyFactor, flag, percent, quantity } from './columns.ts';
import { purchaseLineAmountColumns } from './purchases.ts';
import { party } from './sales.ts';
import { allowedValues } from './type-columns.ts';
import { vendor } from './vendors.ts';

export const postedPurchaseHeader = pgTable('posted_purchase_header', {
  documentType: text().notNull(),
  no: text().notNull(),
  noSeries: text(),
  /** The unposted document it came from (order, invoice, credit memo or return order) and its number. */
  sourceDocumentType: text().notNull(),
  sourceDocumentNo: text().notNull(),
  buyFromVendorNo: text().notNull().references(() => vendor.no),
  ...party('buyFrom'),
  payToVendorNo: text().notNull().references(() => vendor.no),
  ...party('payTo'),
  sellToCustomerNo: text(),
  shipToCode: text(),
  ...party('shipTo'),
  orderDate: calendarDate(),
  postingDate: calendarDate().notNull(),
  documentDate: calendarDate(),
  expectedReceiptDate: calendarDate(),
  dueDate: calendarDate(),
  paymentDiscountDate: calendarDate(),
  paymentDiscountPercent: percent().notNull().default('0'),
  paymentTermsCode: text(),
  paymentMethodCode: text(),
  shipmentMethodCode: text(),
  currencyCode: text(),
  currencyFactor: currencyFactor().notNull().default('1'),
  pricesIncludingVat: flag(),
  locationCode: text(),
  purchaserCode: text(),
  vendorInvoiceNo: text().notNull().default(''),
  vendorCreditMemoNo: text().notNull().default(''),
  vendorOrderNo: text().notNull().default(''),
  vendorShipmentNo: text().notNull().default(''),
  yourReference: text().notNull().default(''),
  vendorPostingGroup: text(),
  genBusPostingGroup: text(),
  vatBusPostingGroup: text(),
  vatRegistrationNo: text().notNull().default(''),
  languageCode: text().notNull().default(''),
  appliesToDocumentType: text(),
  appliesToDocumentNo: text(),
  correctedInvoiceNo: text(),
  postingDescription: text().notNull().default(''),
  /** Totals of invoices and credit memos (0 on receipts and return shipments), in the document currency. */
  amount: amount().notNull().default('0'),
  amountIncludingVat: amount().notNull().default('0'),
  invoiceDiscountAmount: amount().notNull().default('0'),
  /** The vendor ledger entry an invoice or credit memo wrote. */
  vendorLedgerEntryNo: integer(),
  transactionNo: integer(),
  userId: text().notNull().default(''),
  postedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.documentType, t.no] }),
  index('posted_purchase_header_vendor').on(t.payToVendorNo, t.postingDate),
  index('posted_purchase_header_source').on(t.sourceDocumentType, t.sourceDocumentNo),
  allowedValues(t.documentType, postedPurchaseDocumentTypes),
]);

export const postedPurchaseLineDerivedColumns = ['quantity_invoiced', 'quantity_not_invoiced', 'correction'] as const;

export const postedPurchaseLine = pgTable('posted_purchase_line', {
  documentType: text().notNull(),
  documentNo: text().notNull(),
  lineNo: integer().notNull(),
  type: text().notNull(),
  no: text().notNull().default(''),
  description: text().notNull().default(''),
  description2: text().notNull().default(''),
  vendorItemNo: text().notNull().default(''),
  buyFromVendorNo: text().notNull(),
  payToVendorNo: text().notNull(),
  postingDate: calendarDate().notNull(),
  locationCode: text(),
  unitOfMeasureCode: text(),
  quantityPerUnitOfMeasure: quantity().notNull().default('1'),
  quantity: quantity().notNull().default('0'),
  quantityBase: quantity().notNull().default('0'),
  /** Receipt and return shipment lines: how much a later invoice or credit memo has billed, and what is left. */
  quantityInvoiced: quantity().notNull().default('0'),
  quantityNotInvoiced: quantity().notNull().default('0'),
  ...purchaseLineAmountColumns(),
  genBusPostingGroup: text(),
  genProdPostingGroup: text(),
  vatBusPostingGroup: text(),
  vatProdPostingGroup: text(),
  inventoryPostingGroup: text(),
  expectedReceiptDate: calendarDate(),
  dropShipment: flag(),
  specialOrder: flag(),
  salesOrderNo: text(),
  salesOrderLineNo: integer(),
  specialOrderSalesNo: text(),
  specialOrderSalesLineNo: integer(),
  sourceDocumentType: text().notNull(),
  sourceDocumentNo: text().notNull(),
  sourceLineNo: integer().notNull().default(0),
  receiptNo: text(),
  receiptLineNo: integer(),
  returnShipmentNo: text(),
  returnShipmentLineNo: integer(),
  itemLedgerEntryNo: integer(),
  applToItemEntry: integer(),
  correction: flag(),
}, (t) => [
  primaryKey({ columns: [t.documentType, t.documentNo, t.lineNo] }),
  foreignKey({ columns: [t.documentType, t.documentNo], foreignColumns: [postedPurchaseHeader.documentType, postedPurchaseHeader.no], name: 'posted_purchase_line_document_fk' }),
  index('posted_purchase_line_source').on(t.sourceDocumentType, t.sourceDocumentNo, t.sourceLineNo),
  index('posted_purchase_line_open_receipt').on(t.payToVendorNo, t.documentType),
  allowedValues(t.type, salesLineTypes),
]);
