import { boolean, integer, numeric, text, timestamp, date } from 'drizzle-orm/pg-core';

/** Column builders shared by every table, so types and precisions are decided in one place. */
export const amount = () => numeric({ precision: 18, scale: 2 });
export const unitAmount = () => numeric({ precision: 18, scale: 5 });
export const quantity = () => numeric({ precision: 18, scale: 5 });
export const percent = () => numeric({ precision: 9, scale: 5 });
export const precision = () => numeric({ precision: 18, scale: 5 });
export const exchangeRate = () => numeric({ precision: 18, scale: 6 });
/**
 * Currency Factor: document-currency units per 1 LCY, the quotient of two exchange rate amounts kept
 * to 12 places (sales-header.derive.ts), so every copy of it (header, posted header, ledger entries)
 * holds the same number and LCY amounts recomputed from an entry match the posting's.
 */
export const currencyFactor = () => numeric({ precision: 28, scale: 12 });
export const calendarDate = () => date({ mode: 'string' });
export const code = () => text();
export const flag = () => boolean().notNull().default(false);
/** A Business Central date formula such as `30D` or `CM+10D`, validated by core/dates. */
export const dateFormula = () => text().notNull().default('');

/** The postal and contact block of company, location, customer, vendor and ship-to records. */
export const addressColumns = () => ({
  address: text().notNull().default(''),
  address2: text().notNull().default(''),
  city: text().notNull().default(''),
  postCode: text().notNull().default(''),
  countryRegionCode: text().notNull().default(''),
  phoneNo: text().notNull().default(''),
  email: text().notNull().default(''),
});

/** Optimistic concurrency and audit columns carried by every editable record. */
export const recordColumns = () => ({
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/**
 * Price, discount, amount and VAT columns of a sales line, the same on the unposted line and the
 * posted one it becomes (posting copies them column by column).
 */
export const salesLineAmountColumns = () => ({
  unitPrice: unitAmount().notNull().default('0'),
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
