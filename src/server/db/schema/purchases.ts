/**
 * Purchase documents (issue 14; BC's Purchase Header/Line): quotes, orders, invoices, credit memos
 * and return orders, the sibling of sales.ts with BC's purchase names (buy-from / pay-to vendor,
 * Direct Unit Cost, Qty. to Receive, Return Qty. to Ship). Drop shipment and special order lines
 * link to the sales order line they buy for (spec §15.1–15.2), and that line links back (sales.ts).
 */
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { purchaseDocumentTypes } from '../../../core/documents/document-types.ts';
import { salesLineTypes } from '../../../core/sales/types.ts';
import { amount, calendarDate, currencyFactor, flag, percent, quantity, recordColumns, unitAmount } from './columns.ts';
import { customer } from './customers.ts';
import { item } from './items.ts';
import { currency, location, paymentMethod, paymentTerms, salespersonPurchaser, shipmentMethod, unitOfMeasure } from './logistics.ts';
import { genBusinessPostingGroup, genProductPostingGroup, inventoryPostingGroup, vatBusinessPostingGroup, vatProductPostingGroup } from './posting-groups.ts';
import { vendorPostingGroup } from './posting-setup.ts';
import { party } from './sales.ts';
import { allowedValues } from './type-columns.ts';
import { vendor } from './vendors.ts';

/** BC's Purchasing Code: a sales line with it is bought for the customer, as a drop shipment or a special order (not both: logistics.resources.ts). */
export const purchasing = pgTable('purchasing', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  dropShipment: flag(),
  specialOrder: flag(),
  ...recordColumns(),
});

/** Price, discount, amount and VAT columns of a purchase line, the same on the posted line. */
export const purchaseLineAmountColumns = () => ({
  directUnitCost: unitAmount().notNull().default('0'),
  unitCostLcy: unitAmount().notNull().default('0'),
  lineDiscountPercent: percent().notNull().default('0'),
  lineDiscountAmount: amount().notNull().default('0'),
  lineAmount: amount().notNull().default('0'),
  allowInvoiceDiscount: boolean().notNull().default(true),
  invoiceDiscountAmount: amount().notNull().default('0'),
  amount: amount().notNull().default('0'),
  amountIncludingVat: amount().notNull().default('0'),
  vatBaseAmount: amount().notNull().default('0'),
  vatPercent: percent().notNull().default('0'),
  vatIdentifier: text().notNull().default(''),
  vatCalculationType: text().notNull().default('normal'),
});

export const purchaseHeader = pgTable('purchase_header', {
  documentType: text().notNull(),
  no: text().notNull(),
  status: text().notNull().default('open'),
  buyFromVendorNo: text().notNull().references(() => vendor.no),
  ...party('buyFrom'),
  payToVendorNo: text().notNull().references(() => vendor.no),
  ...party('payTo'),
  /** A drop shipment's customer: the goods go to this customer's ship-to address. */
  sellToCustomerNo: text().references(() => customer.no),
  shipToCode: text(),
  ...party('shipTo'),
  orderDate: calendarDate(),
  postingDate: calendarDate(),
  documentDate: calendarDate(),
  dueDate: calendarDate(),
  expectedReceiptDate: calendarDate(),
  paymentDiscountDate: calendarDate(),
  paymentDiscountPercent: percent().notNull().default('0'),
  paymentTermsCode: text().references(() => paymentTerms.code),
  paymentMethodCode: text().references(() => paymentMethod.code),
  shipmentMethodCode: text().references(() => shipmentMethod.code),
  currencyCode: text().references(() => currency.code),
  currencyFactor: currencyFactor().notNull().default('1'),
  pricesIncludingVat: flag(),
  locationCode: text().references(() => location.code),
  purchaserCode: text().references(() => salespersonPurchaser.code),
  /** The vendor's own numbers: Vendor Invoice No. (mandatory to post an invoice per setup), Vendor Cr. Memo No. */
  vendorInvoiceNo: text().notNull().default(''),
  vendorCreditMemoNo: text().notNull().default(''),
  vendorOrderNo: text().notNull().default(''),
  vendorShipmentNo: text().notNull().default(''),
  yourReference: text().notNull().default(''),
  vendorPostingGroup: text().references(() => vendorPostingGroup.code),
  genBusPostingGroup: text().references(() => genBusinessPostingGroup.code),
  vatBusPostingGroup: text().references(() => vatBusinessPostingGroup.code),
  invoiceDiscountCalculation: text().notNull().default('none'),
  invoiceDiscountValue: unitAmount().notNull().default('0'),
  languageCode: text().notNull().default(''),
  vatRegistrationNo: text().notNull().default(''),
  noSeries: text(),
  postingNo: text(),
  postingNoSeries: text(),
  receivingNo: text(),
  receivingNoSeries: text(),
  returnShipmentNo: text(),
  returnShipmentNoSeries: text(),
  lastPostingNo: text(),
  lastReceivingNo: text(),
  lastReturnShipmentNo: text(),
  appliesToDocumentType: text(),
  appliesToDocumentNo: text(),
  correctedInvoiceNo: text(),
  ...recordColumns(),
}, (t) => [primaryKey({ columns: [t.documentType, t.no] }), allowedValues(t.documentType, purchaseDocumentTypes)]);

export const purchaseLine = pgTable('purchase_line', {
  documentType: text().notNull(),
  documentNo: text().notNull(),
  lineNo: integer().notNull(),
  type: text().notNull(),
  no: text().notNull().default(''),
  description: text().notNull().default(''),
  description2: text().notNull().default(''),
  vendorItemNo: text().notNull().default(''),
  locationCode: text().references(() => location.code),
  unitOfMeasureCode: text().references(() => unitOfMeasure.code),
  quantityPerUnitOfMeasure: quantity().notNull().default('1'),
  quantity: quantity().notNull().default('0'),
  quantityBase: quantity().notNull().default('0'),
  quantityToReceive: quantity().notNull().default('0'),
  quantityReceived: quantity().notNull().default('0'),
  returnQuantityToShip: quantity().notNull().default('0'),
  returnQuantityShipped: quantity().notNull().default('0'),
  quantityToInvoice: quantity().notNull().default('0'),
  quantityInvoiced: quantity().notNull().default('0'),
  ...purchaseLineAmountColumns(),
  allowLineDiscount: boolean().notNull().default(true),
  genBusPostingGroup: text().references(() => genBusinessPostingGroup.code),
  genProdPostingGroup: text().references(() => genProductPostingGroup.code),
  vatBusPostingGroup: text().references(() => vatBusinessPostingGroup.code),
  vatProdPostingGroup: text().references(() => vatProductPostingGroup.code),
  inventoryPostingGroup: text().references(() => inventoryPostingGroup.code),
  expectedReceiptDate: calendarDate(),
  systemCreatedEntry: flag(),
  /** Drop shipment / special order (spec §15.1–15.2): the sales order line this line buys for. */
  purchasingCode: text().references(() => purchasing.code),
  dropShipment: flag(),
  specialOrder: flag(),
  salesOrderNo: text(),
  salesOrderLineNo: integer(),
  specialOrderSalesNo: text(),
  specialOrderSalesLineNo: integer(),
  /** The outbound item entry a return line sends back from (exact cost reversal). */
  applToItemEntry: integer(),
  /** Get Receipt Lines / Get Return Shipment Lines: the posted line this invoice line bills. */
  receiptNo: text(),
  receiptLineNo: integer(),
  returnShipmentNo: text(),
  returnShipmentLineNo: integer(),
}, (t) => [
  primaryKey({ columns: [t.documentType, t.documentNo, t.lineNo] }),
  foreignKey({ columns: [t.documentType, t.documentNo], foreignColumns: [purchaseHeader.documentType, purchaseHeader.no], name: 'purchase_line_document_fk' })
    .onDelete('cascade'),
  index('purchase_line_sales_order').on(t.salesOrderNo, t.salesOrderLineNo),
  index('purchase_line_special_order').on(t.specialOrderSalesNo, t.specialOrderSalesLineNo),
  // Available to Promise names the open receipts of an item on a date.
  index('purchase_line_item_receipt').on(t.no, t.expectedReceiptDate).where(sql`${t.documentType} = 'order' and ${t.type} = 'item'`),
  allowedValues(t.type, salesLineTypes),
  check('purchase_line_one_kind', sql`not (${t.dropShipment} and ${t.specialOrder})`),
]);

/**
 * BC's Requisition Worksheet line: Get Sales Orders proposes one per drop-shipment or special-order
 * sales line; Carry Out Action Message turns the accepted ones into purchase orders (one per vendor
 * and ship-to) and deletes them.
 */
export const requisitionLine = pgTable('requisition_line', {
  id: uuid().primaryKey().defaultRandom(),
  worksheetName: text().notNull().default('DEFAULT'),
  lineNo: integer().notNull(),
  type: text().notNull().default('item'),
  no: text().notNull(),
  description: text().notNull().default(''),
  quantity: quantity().notNull().default('0'),
  unitOfMeasureCode: text().references(() => unitOfMeasure.code),
  quantityPerUnitOfMeasure: quantity().notNull().default('1'),
  vendorNo: text().references(() => vendor.no),
  vendorItemNo: text().notNull().default(''),
  directUnitCost: unitAmount().notNull().default('0'),
  dueDate: calendarDate(),
  /** Capable to Promise (spec §16.5): when the replenishment must start and end to be received by the due date. */
  startingDate: calendarDate(),
  endingDate: calendarDate(),
  /** The order promising run that proposed this line (Capable to Promise); null for Get Sales Orders lines. */
  orderPromisingId: text(),
  locationCode: text().references(() => location.code),
  acceptActionMessage: boolean().notNull().default(true),
  purchasingCode: text().references(() => purchasing.code),
  dropShipment: flag(),
  specialOrder: flag(),
  salesOrderNo: text().notNull(),
  salesOrderLineNo: integer().notNull(),
  sellToCustomerNo: text().references(() => customer.no),
  shipToCode: text(),
  ...recordColumns(),
}, (t) => [
  index('requisition_line_worksheet').on(t.worksheetName, t.lineNo),
  index('requisition_line_sales_line').on(t.salesOrderNo, t.salesOrderLineNo),
]);

/** BC's Catalog (Nonstock) Item: a vendor's item we do not keep, made an item when first sold (spec §15.2). */
export const nonstockItem = pgTable('nonstock_item', {
  entryNo: text().primaryKey(),
  vendorNo: text().notNull().references(() => vendor.no),
  vendorItemNo: text().notNull(),
  description: text().notNull().default(''),
  unitOfMeasureCode: text().references(() => unitOfMeasure.code),
  publishedCost: unitAmount().notNull().default('0'),
  negotiatedCost: unitAmount().notNull().default('0'),
  unitPrice: unitAmount().notNull().default('0'),
  itemTemplateCode: text().notNull().default(''),
  /** What the item made from it is posted with (BC takes them from the item template). */
  genProdPostingGroup: text().references(() => genProductPostingGroup.code),
  vatProdPostingGroup: text().references(() => vatProductPostingGroup.code),
  inventoryPostingGroup: text().references(() => inventoryPostingGroup.code),
  /** The item it became (set once). */
  itemNo: text().references(() => item.no),
  ...recordColumns(),
}, (t) => [index('nonstock_item_vendor_item').on(t.vendorNo, t.vendorItemNo)]);
