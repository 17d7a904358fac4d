import { z } from 'zod';
import { salesLineTypes } from '../sales/types.ts';
import { amount, code, codeReference, integerField, optionalIsoDate, quantity, recordSchemas, text } from './fields.ts';

/**
 * Standard (recurring) sales lines (spec §9.1): Standard Sales Codes with their lines, and the
 * codes assigned to customers (Standard Customer Sales Codes), as Business Central has them.
 */

/** BC's Insert Rec. Lines On Quotes / Orders / Invoices / Cr. Memos (spec §9.3). */
export const recurringLinesInsertModes = ['manual', 'automatic', 'alwaysAsk'] as const;
export type RecurringLinesInsertMode = (typeof recurringLinesInsertModes)[number];

/** A code a sales document may take lines from; `mode` is its insert mode for the document's type (manual where the type has none). */
export const recurringSalesCodeOffer = z.object({
  code: z.string(),
  description: z.string(),
  mode: z.enum(recurringLinesInsertModes),
});

export const standardSalesCodeSchemas = recordSchemas({ code: code(10) }, {
  description: text(100),
  /** null or "" is the local currency; the lines' Amount Excl. VAT is in this currency. */
  currencyCode: codeReference(10),
});

/**
 * A line has no prices: the document derives them (spec §9.2). `comment` is BC's blank type (text
 * only); Amount Excl. VAT is for G/L account lines only.
 */
export const standardSalesLineSchemas = recordSchemas({ lineNo: integerField({ min: 1 }).optional() }, {
  type: z.enum(salesLineTypes),
  no: text(20).transform((value) => value.toUpperCase()),
  description: text(100),
  variantCode: text(10).transform((value) => value.toUpperCase()),
  unitOfMeasureCode: codeReference(10),
  quantity: quantity({ min: '0' }),
  amountExcludingVat: amount(),
}, ['type']);

const insertModeFields = {
  insertRecurringLinesOnQuotes: z.enum(recurringLinesInsertModes),
  insertRecurringLinesOnOrders: z.enum(recurringLinesInsertModes),
  insertRecurringLinesOnInvoices: z.enum(recurringLinesInsertModes),
  insertRecurringLinesOnCreditMemos: z.enum(recurringLinesInsertModes),
};

/** Customer and code are the record's identity: BC refuses to rename one ("You cannot rename the line"). */
const customerCodeFields = {
  description: text(100),
  validFromDate: optionalIsoDate(),
  validToDate: optionalIsoDate(),
  paymentMethodCode: codeReference(10),
  paymentTermsCode: codeReference(10),
  directDebitMandateId: text(35).transform((value) => value.toUpperCase()),
  blocked: z.boolean(),
  ...insertModeFields,
};

export const standardCustomerSalesCodeSchemas = {
  create: z.strictObject({
    customerNo: code(),
    code: code(10),
    ...Object.fromEntries(Object.entries(customerCodeFields).map(([name, schema]) => [name, (schema as z.ZodType).optional()])),
  }),
  update: z.strictObject(customerCodeFields).partial(),
};
