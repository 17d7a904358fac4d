import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { addressColumns, amount, calendarDate, currencyFactor, dateFormula, flag, percent, quantity, recordColumns, salesLineAmountColumns, unitAmount } from './columns.ts';
import { customer, customerDiscountGroup, customerPriceGroup } from './customers.ts';
import { customerPostingGroup } from './posting-setup.ts';
import { genBusinessPostingGroup, genProductPostingGroup, inventoryPostingGroup, vatBusinessPostingGroup, vatProductPostingGroup } from './posting-groups.ts';
import { currency, location, paymentMethod, paymentTerms, salespersonPurchaser, shipmentMethod, shippingAgent, unitOfMeasure } from './logistics.ts';
import { salesDocumentTypes, salesLineTypes } from '../../../core/sales/types.ts';
import { allowedValues } from './type-columns.ts';

/**
 * A party block on a document (sell-to, bill-to, ship-to; a purchase's buy-from, pay-to), copied from
 * the customer or vendor so it survives later edits of the card.
 */
export const party = <Prefix extends 'sellTo' | 'billTo' | 'shipTo' | 'buyFrom' | 'payTo'>(prefix: Prefix) => {
  const columns = { name: text().notNull().default(''), name2: text().notNull().default(''), ...addressColumns(), county: text().notNull().default(''), contact: text().notNull().default('') };
  return Object.fromEntries(Object.entries(columns).map(([field, column]) => [`${prefix}${field[0]!.toUpperCase()}${field.slice(1)}`, column])) as {
    [K in keyof typeof columns as `${Prefix}${Capitalize<K & string>}`]: (typeof columns)[K];
  };
};

export const salesHeader = pgTable('sales_header', {
  documentType: text().notNull(),
  no: text().notNull(),
  status: text().notNull().default('open'),
  sellToCustomerNo: text().notNull().references(() => customer.no),
  ...party('sellTo'),
  billToCustomerNo: text().notNull().references(() => customer.no),
  ...party('billTo'),
  shipToCode: text(),
  ...party('shipTo'),
  orderDate: calendarDate(),
  postingDate: calendarDate(),
  documentDate: calendarDate(),
  dueDate: calendarDate(),
  paymentDiscountDate: calendarDate(),
  paymentDiscountPercent: percent().notNull().default('0'),
  paymentTermsCode: text().references(() => paymentTerms.code),
  paymentMethodCode: text().references(() => paymentMethod.code),
  /** The customer's direct-debit mandate the invoice is collected by (BC Direct Debit Mandate ID; set by recurring invoices, spec §9.4). */
  directDebitMandateId: text().notNull().default(''),
  shipmentMethodCode: text().references(() => shipmentMethod.code),
  shippingAgentCode: text().references(() => shippingAgent.code),
  shippingAgentServiceCode: text().notNull().default(''),
  shippingTime: dateFormula(),
  packageTrackingNo: text().notNull().default(''),
  shipmentDate: calendarDate(),
  requestedDeliveryDate: calendarDate(),
  promisedDeliveryDate: calendarDate(),
  currencyCode: text().references(() => currency.code),
  /** Document currency units per 1 LCY at the posting date; 1 for LCY. */
  currencyFactor: currencyFactor().notNull().default('1'),
  pricesIncludingVat: flag(),
  locationCode: text().references(() => location.code),
  salespersonCode: text().references(() => salespersonPurchaser.code),
  externalDocumentNo: text().notNull().default(''),
  yourReference: text().notNull().default(''),
  customerPostingGroup: text().references(() => customerPostingGroup.code),
  genBusPostingGroup: text().references(() => genBusinessPostingGroup.code),
  vatBusPostingGroup: text().references(() => vatBusinessPostingGroup.code),
  customerPriceGroup: text().references(() => customerPriceGroup.code),
  customerDiscountGroup: text().references(() => customerDiscountGroup.code),
  invoiceDiscountCode: text().notNull().default(''),
  allowLineDiscount: boolean().notNull().default(true),
  invoiceDiscountCalculation: text().notNull().default('none'),
  invoiceDiscountValue: unitAmount().notNull().default('0'),
  shippingAdvice: text().notNull().default('partial'),
  combineShipments: flag(),
  languageCode: text().notNull().default(''),
  vatRegistrationNo: text().notNull().default(''),
  prepaymentPercent: percent().notNull().default('0'),
  /** Prepayments (spec §26.1): one prepayment line per account rather than per order line; their own terms and dates. */
  compressPrepayment: boolean().notNull().default(true),
  prepmtPaymentTermsCode: text().references(() => paymentTerms.code),
  prepaymentDueDate: calendarDate(),
  prepmtPmtDiscountDate: calendarDate(),
  prepmtPaymentDiscountPercent: percent().notNull().default('0'),
  lastPrepaymentNo: text(),
  lastPrepmtCrMemoNo: text(),
  quoteNo: text(),
  quoteValidUntilDate: calendarDate(),
  noSeries: text(),
  postingNo: text(),
  postingNoSeries: text(),
  shippingNo: text(),
  shippingNoSeries: text(),
  returnReceiptNo: text(),
  returnReceiptNoSeries: text(),
  lastPostingNo: text(),
  lastShippingNo: text(),
  lastReturnReceiptNo: text(),
  appliesToDocumentType: text(),
  appliesToDocumentNo: text(),
  /** The posted invoice a corrective credit memo (or its correcting invoice) refers to (spec §18). */
  correctedInvoiceNo: text(),
  /** Payment Service Set (spec §21.1): the payment services whose link the document shows, e.g. ['PAYPAL']. */
  paymentServiceSet: text().array().notNull().default(sql`'{}'::text[]`),
  ...recordColumns(),
}, (t) => [primaryKey({ columns: [t.documentType, t.no] }), allowedValues(t.documentType, salesDocumentTypes)]);

export const salesLine = pgTable('sales_line', {
  documentType: text().notNull(),
  documentNo: text().notNull(),
  lineNo: integer().notNull(),
  type: text().notNull(),
  no: text().notNull().default(''),
  description: text().notNull().default(''),
  description2: text().notNull().default(''),
  locationCode: text().references(() => location.code),
  unitOfMeasureCode: text().references(() => unitOfMeasure.code),
  quantityPerUnitOfMeasure: quantity().notNull().default('1'),
  quantity: quantity().notNull().default('0'),
  quantityBase: quantity().notNull().default('0'),
  quantityToShip: quantity().notNull().default('0'),
  quantityShipped: quantity().notNull().default('0'),
  returnQuantityToReceive: quantity().notNull().default('0'),
  returnQuantityReceived: quantity().notNull().default('0'),
  quantityToInvoice: quantity().notNull().default('0'),
  quantityInvoiced: quantity().notNull().default('0'),
  ...salesLineAmountColumns(),
  allowLineDiscount: boolean().notNull().default(true),
  genBusPostingGroup: text().references(() => genBusinessPostingGroup.code),
  genProdPostingGroup: text().references(() => genProductPostingGroup.code),
  vatBusPostingGroup: text().references(() => vatBusinessPostingGroup.code),
  vatProdPostingGroup: text().references(() => vatProductPostingGroup.code),
  inventoryPostingGroup: text().references(() => inventoryPostingGroup.code),
  shipmentDate: calendarDate(),
  requestedDeliveryDate: calendarDate(),
  promisedDeliveryDate: calendarDate(),
  /** Delivery dates (spec §16.1): derived from the shipment date or the delivery date asked for. */
  plannedDeliveryDate: calendarDate(),
  plannedShipmentDate: calendarDate(),
  shippingTime: dateFormula(),
  outboundWhseHandlingTime: dateFormula(),
  systemCreatedEntry: flag(),
  /** Exact cost reversal (spec §17.5): the outbound item entry a return line comes back from. */
  applFromItemEntry: integer(),
  /** The inbound item entry a sale must take its stock from. */
  applToItemEntry: integer(),
  /** Get Shipment Lines / Get Return Receipt Lines (spec §13.1): the posted line this invoice line bills. */
  shipmentNo: text(),
  shipmentLineNo: integer(),
  returnReceiptNo: text(),
  returnReceiptLineNo: integer(),
  /** Drop shipment / special order (spec §15.1–15.2): bought for this line, and the purchase order line that buys it. */
  purchasingCode: text(),
  dropShipment: flag(),
  specialOrder: flag(),
  purchaseOrderNo: text(),
  purchaseOrderLineNo: integer(),
  specialOrderPurchaseNo: text(),
  specialOrderPurchaseLineNo: integer(),
  /** Assemble to order (spec §15.3): the part of Quantity a linked assembly document makes; the rest comes from inventory. */
  qtyToAssembleToOrder: quantity().notNull().default('0'),
  /** Blanket orders (spec §14): the blanket order line an order or invoice line delivers part of. */
  blanketOrderNo: text(),
  blanketOrderLineNo: integer(),
  /**
   * Prepayments (spec §26.3), in document currency: what the line requires, what prepayment
   * invoices have invoiced (net of credit memos) and what the order's invoices have deducted, with
   * the VAT of each, and in LCY what is invoiced and not yet deducted.
   */
  prepaymentPercent: percent().notNull().default('0'),
  prepmtLineAmount: amount().notNull().default('0'),
  prepmtAmtInv: amount().notNull().default('0'),
  prepmtAmountInvInclVat: amount().notNull().default('0'),
  /** The VAT of what is invoiced as prepayment (net of credit memos); with prepmtVatAmtDeducted what deductions take. */
  prepmtVatAmountInv: amount().notNull().default('0'),
  prepaymentVatPercent: percent().notNull().default('0'),
  prepaymentVatIdentifier: text().notNull().default(''),
  prepmtAmtToDeduct: amount().notNull().default('0'),
  prepmtAmtDeducted: amount().notNull().default('0'),
  prepmtVatAmtDeducted: amount().notNull().default('0'),
  prepmtAmountInvLcy: amount().notNull().default('0'),
  prepmtVatAmountInvLcy: amount().notNull().default('0'),
}, (t) => [
  primaryKey({ columns: [t.documentType, t.documentNo, t.lineNo] }),
  check('sales_line_one_purchasing_kind', sql`not (${t.dropShipment} and ${t.specialOrder})`),
  check('sales_line_blanket_order_link', sql`(${t.blanketOrderNo} is null) = (${t.blanketOrderLineNo} is null)`),
  index('sales_line_blanket_order').on(t.blanketOrderNo, t.blanketOrderLineNo),
  index('sales_line_item_date').on(t.no, t.shipmentDate).where(sql`${t.type} = 'item' and ${t.documentType} in ('order', 'returnOrder')`),
  foreignKey({ columns: [t.documentType, t.documentNo], foreignColumns: [salesHeader.documentType, salesHeader.no], name: 'sales_line_document_fk' })
    .onDelete('cascade'),
  allowedValues(t.type, salesLineTypes),
]);

/**
 * Archived versions of sales documents (BC's Sales Header/Line Archive): a frozen copy taken when a
 * quote is converted or a document deleted, numbered per document.
 */
export const salesDocumentArchive = pgTable('sales_document_archive', {
  id: uuid().primaryKey().defaultRandom(),
  documentType: text().notNull(),
  no: text().notNull(),
  versionNo: integer().notNull(),
  reason: text().notNull(),
  archivedBy: text().notNull().default(''),
  archivedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  header: jsonb().notNull(),
  lines: jsonb().notNull(),
}, (t) => [unique('sales_document_archive_version').on(t.documentType, t.no, t.versionNo)]);
