import { boolean, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { amount, calendarDate, percent, quantity, recordColumns, unitAmount } from './columns.ts';
import { item } from './items.ts';
import { vatBusinessPostingGroup } from './posting-groups.ts';
import { vendor } from './vendors.ts';
import { allowedValues } from './type-columns.ts';
import { salesPrepaymentSalesTypes } from '../../../core/sales/prepayment.ts';

/** When, in which currency and unit and from which quantity an agreement applies, sales or purchase (spec §10.1–10.2). */
const agreementWindow = () => ({
  startingDate: calendarDate(),
  endingDate: calendarDate(),
  currencyCode: text().notNull().default(''),
  variantCode: text().notNull().default(''),
  unitOfMeasureCode: text().notNull().default(''),
  minimumQuantity: quantity().notNull().default('0'),
});

/** Who a sales agreement is with, and its window. */
const agreementTerms = () => ({
  salesType: text().notNull(),
  salesCode: text().notNull().default(''),
  ...agreementWindow(),
});

/** Sales Price agreements (spec §10.1): who gets which unit price for an item, from when, from how many. */
export const salesPrice = pgTable('sales_price', {
  id: uuid().primaryKey().defaultRandom(),
  itemNo: text().notNull().references(() => item.no, { onDelete: 'cascade' }),
  ...agreementTerms(),
  unitPrice: unitAmount().notNull(),
  priceIncludesVat: boolean().notNull().default(false),
  vatBusPostingGroupPrice: text().references(() => vatBusinessPostingGroup.code),
  allowInvoiceDiscount: boolean().notNull().default(true),
  allowLineDiscount: boolean().notNull().default(true),
  ...recordColumns(),
}, (t) => [unique('sales_price_agreement').on(t.itemNo, t.salesType, t.salesCode, t.startingDate, t.currencyCode, t.variantCode, t.unitOfMeasureCode, t.minimumQuantity).nullsNotDistinct()]);

/** Sales Line Discount agreements (spec §10.2). */
export const salesLineDiscount = pgTable('sales_line_discount', {
  id: uuid().primaryKey().defaultRandom(),
  type: text().notNull(),
  code: text().notNull(),
  ...agreementTerms(),
  lineDiscountPercent: percent().notNull(),
  ...recordColumns(),
}, (t) => [unique('sales_line_discount_agreement').on(t.type, t.code, t.salesType, t.salesCode, t.startingDate, t.currencyCode, t.variantCode, t.unitOfMeasureCode, t.minimumQuantity).nullsNotDistinct()]);

/** Cust. Invoice Disc. terms (spec §10.4): by invoice discount code, currency and minimum amount. */
export const customerInvoiceDiscount = pgTable('customer_invoice_discount', {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull(),
  currencyCode: text().notNull().default(''),
  minimumAmount: amount().notNull().default('0'),
  discountPercent: percent().notNull().default('0'),
  serviceCharge: amount().notNull().default('0'),
  ...recordColumns(),
}, (t) => [unique('customer_invoice_discount_terms').on(t.code, t.currencyCode, t.minimumAmount)]);

/** A vendor's purchase agreement for an item, and its window (BC Purchase Price / Purchase Line Discount). */
const purchaseAgreementTerms = () => ({
  itemNo: text().notNull().references(() => item.no, { onDelete: 'cascade' }),
  vendorNo: text().notNull().references(() => vendor.no, { onDelete: 'cascade' }),
  ...agreementWindow(),
});

/** Purchase Price: a vendor's Direct Unit Cost for an item; purchase lines take the lowest that applies. */
export const purchasePrice = pgTable('purchase_price', {
  id: uuid().primaryKey().defaultRandom(),
  ...purchaseAgreementTerms(),
  directUnitCost: unitAmount().notNull(),
  ...recordColumns(),
}, (t) => [unique('purchase_price_agreement').on(t.itemNo, t.vendorNo, t.startingDate, t.currencyCode, t.variantCode, t.unitOfMeasureCode, t.minimumQuantity).nullsNotDistinct()]);

/** Purchase Line Discount: a vendor's Line Discount % for an item; purchase lines take the highest that applies. */
export const purchaseLineDiscount = pgTable('purchase_line_discount', {
  id: uuid().primaryKey().defaultRandom(),
  ...purchaseAgreementTerms(),
  lineDiscountPercent: percent().notNull(),
  ...recordColumns(),
}, (t) => [unique('purchase_line_discount_agreement').on(t.itemNo, t.vendorNo, t.startingDate, t.currencyCode, t.variantCode, t.unitOfMeasureCode, t.minimumQuantity).nullsNotDistinct()]);

/** Sales Prepayment % (spec §26.1–26.2): an item's prepayment percentage for a customer, a price group or all customers. */
export const salesPrepaymentPercent = pgTable('sales_prepayment_percent', {
  id: uuid().primaryKey().defaultRandom(),
  itemNo: text().notNull().references(() => item.no, { onDelete: 'cascade' }),
  salesType: text().notNull(),
  salesCode: text().notNull().default(''),
  startingDate: calendarDate(),
  endingDate: calendarDate(),
  prepaymentPercent: percent().notNull(),
  ...recordColumns(),
}, (t) => [
  unique('sales_prepayment_percent_key').on(t.itemNo, t.salesType, t.salesCode, t.startingDate).nullsNotDistinct(),
  allowedValues(t.salesType, salesPrepaymentSalesTypes),
]);
