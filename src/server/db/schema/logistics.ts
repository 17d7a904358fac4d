import { pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { addressColumns, amount, calendarDate, dateFormula, exchangeRate, flag, percent, precision, recordColumns } from './columns.ts';
import { baseCalendar } from './availability.ts';
import { glAccount } from './accounts.ts';

export const location = pgTable('location', {
  code: text().primaryKey(),
  name: text().notNull().default(''),
  ...addressColumns(),
  contact: text().notNull().default(''),
  outboundWarehouseHandlingTime: dateFormula(),
  inboundWarehouseHandlingTime: dateFormula(),
  baseCalendarCode: text().references(() => baseCalendar.code),
  requireShipment: flag(),
  requirePick: flag(),
  requireReceive: flag(),
  requirePutAway: flag(),
  binMandatory: flag(),
  directedPutAwayAndPick: flag(),
  ...recordColumns(),
});

export const unitOfMeasure = pgTable('unit_of_measure', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  /** UN/ECE Recommendation 20 code (C62, H87, KGM …) used on e-invoices. */
  internationalStandardCode: text().notNull().default(''),
  ...recordColumns(),
});

export const shipmentMethod = pgTable('shipment_method', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  ...recordColumns(),
});

export const shippingAgent = pgTable('shipping_agent', {
  code: text().primaryKey(),
  name: text().notNull().default(''),
  internetAddress: text().notNull().default(''),
  baseCalendarCode: text().references(() => baseCalendar.code),
  ...recordColumns(),
});

export const paymentTerms = pgTable('payment_terms', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  dueDateCalculation: dateFormula(),
  discountDateCalculation: dateFormula(),
  discountPercent: precision().notNull().default('0'),
  calculatePaymentDiscountOnCreditMemos: flag(),
  ...recordColumns(),
});

export const paymentMethod = pgTable('payment_method', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  balancingAccountType: text().notNull().default('glAccount'),
  /** A G/L account or a bank account, per balancingAccountType (checked by the resource, as BC's table relation). */
  balancingAccountNo: text(),
  directDebit: flag(),
  ...recordColumns(),
});

export const currency = pgTable('currency', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  symbol: text().notNull().default(''),
  amountRoundingPrecision: precision().notNull().default('0.01'),
  unitAmountRoundingPrecision: precision().notNull().default('0.00001'),
  invoiceRoundingPrecision: precision().notNull().default('0.01'),
  invoiceRoundingType: text().notNull().default('nearest'),
  realizedGainsAccount: text().references(() => glAccount.no),
  realizedLossesAccount: text().references(() => glAccount.no),
  unrealizedGainsAccount: text().references(() => glAccount.no),
  unrealizedLossesAccount: text().references(() => glAccount.no),
  /** Payment tolerance of entries in this currency (spec §20.5; BC's Currency "Payment Tolerance %", "Max. Payment Tolerance Amount"). */
  paymentTolerancePercent: percent().notNull().default('0'),
  maxPaymentToleranceAmount: amount().notNull().default('0'),
  /** BC's "Appln. Rounding Precision": a difference up to it closes entries applied across currencies; 0 = the G/L setup's. */
  applnRoundingPrecision: precision().notNull().default('0'),
  /** BC's "EMU Currency": applies to other EMU currencies when Appln. between Currencies is EMU. */
  emuCurrency: flag(),
  ...recordColumns(),
});

/** Exchange Rate Amount units of the currency = Relational Exchange Rate Amount units of LCY. */
export const currencyExchangeRate = pgTable(
  'currency_exchange_rate',
  {
    currencyCode: text().notNull().references(() => currency.code, { onDelete: 'cascade' }),
    startingDate: calendarDate().notNull(),
    exchangeRateAmount: exchangeRate().notNull().default('1'),
    relationalExchangeRateAmount: exchangeRate().notNull(),
    ...recordColumns(),
  },
  (t) => [primaryKey({ columns: [t.currencyCode, t.startingDate] })],
);

export const salespersonPurchaser = pgTable('salesperson_purchaser', {
  code: text().primaryKey(),
  name: text().notNull().default(''),
  email: text().notNull().default(''),
  phoneNo: text().notNull().default(''),
  commissionPercent: precision().notNull().default('0'),
  blocked: flag(),
  ...recordColumns(),
});
