/**
 * Standard (recurring) sales lines (spec §9): Standard Sales Codes with their lines, the codes
 * assigned to customers, and what the Create Recurring Sales Invoices batch has created.
 */
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { recurringLinesInsertModes } from '../../../core/master-data/standard-sales.schemas.ts';
import { salesLineTypes } from '../../../core/sales/types.ts';
import { amount, calendarDate, quantity, recordColumns } from './columns.ts';
import { customer } from './customers.ts';
import { currency, paymentMethod, paymentTerms, unitOfMeasure } from './logistics.ts';
import { allowedValues } from './type-columns.ts';

export const standardSalesCode = pgTable('standard_sales_code', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  /** null: local currency. The G/L lines' Amount Excl. VAT is in this currency. */
  currencyCode: text().references(() => currency.code),
  ...recordColumns(),
});

/** No prices: a document derives them when it takes the line (spec §9.2). Deleted with its code, as BC does. */
export const standardSalesLine = pgTable('standard_sales_line', {
  standardSalesCode: text().notNull().references(() => standardSalesCode.code, { onDelete: 'cascade' }),
  lineNo: integer().notNull(),
  type: text().notNull(),
  no: text().notNull().default(''),
  description: text().notNull().default(''),
  variantCode: text().notNull().default(''),
  unitOfMeasureCode: text().references(() => unitOfMeasure.code),
  quantity: quantity().notNull().default('0'),
  /** G/L account lines only: the line's unit price on a document (spec §9.2). */
  amountExcludingVat: amount().notNull().default('0'),
  ...recordColumns(),
}, (t) => [primaryKey({ columns: [t.standardSalesCode, t.lineNo] }), allowedValues(t.type, salesLineTypes)]);

const insertMode = () => text().notNull().default('manual');

/**
 * A Standard Sales Code assigned to a customer (BC Standard Customer Sales Code), one per customer
 * and code. Deleted with the customer or the code, as BC does.
 */
export const standardCustomerSalesCode = pgTable('standard_customer_sales_code', {
  id: uuid().primaryKey().defaultRandom(),
  customerNo: text().notNull().references(() => customer.no, { onDelete: 'cascade' }),
  code: text().notNull().references(() => standardSalesCode.code, { onDelete: 'cascade' }),
  description: text().notNull().default(''),
  /** Its Standard Sales Code's, kept in step by that code (BC: not editable here); null: local currency. */
  currencyCode: text().references(() => currency.code),
  validFromDate: calendarDate(),
  validToDate: calendarDate(),
  paymentMethodCode: text().references(() => paymentMethod.code),
  paymentTermsCode: text().references(() => paymentTerms.code),
  directDebitMandateId: text().notNull().default(''),
  blocked: boolean().notNull().default(false),
  insertRecurringLinesOnQuotes: insertMode(),
  insertRecurringLinesOnOrders: insertMode(),
  insertRecurringLinesOnInvoices: insertMode(),
  insertRecurringLinesOnCreditMemos: insertMode(),
  ...recordColumns(),
}, (t) => [
  unique('standard_customer_sales_code_customer_code').on(t.customerNo, t.code),
  index('standard_customer_sales_code_code').on(t.code),
  allowedValues(t.insertRecurringLinesOnQuotes, recurringLinesInsertModes),
  allowedValues(t.insertRecurringLinesOnOrders, recurringLinesInsertModes),
  allowedValues(t.insertRecurringLinesOnInvoices, recurringLinesInsertModes),
  allowedValues(t.insertRecurringLinesOnCreditMemos, recurringLinesInsertModes),
]);

/**
 * One row per invoice Create Recurring Sales Invoices made (spec §9.4): the customer code and order
 * date it was made for, so that running the batch again for that date makes none twice. It outlives
 * the invoice (posted or deleted) and the code; nothing updates it.
 */
export const recurringSalesInvoice = pgTable('recurring_sales_invoice', {
  id: uuid().primaryKey().defaultRandom(),
  customerNo: text().notNull(),
  code: text().notNull(),
  orderDate: calendarDate().notNull(),
  postingDate: calendarDate().notNull(),
  invoiceNo: text().notNull(),
  jobId: uuid(),
  createdBy: text().notNull().default(''),
  createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [unique('recurring_sales_invoice_once').on(t.customerNo, t.code, t.orderDate)]);
