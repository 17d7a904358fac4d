import { boolean, check, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { getTableColumns, sql } from 'drizzle-orm';
import { addressColumns, calendarDate, dateFormula, flag, precision, recordColumns } from './columns.ts';
import { baseCalendar } from './availability.ts';
import { location } from './logistics.ts';
import { noSeries } from './number-series.ts';

/** Setup tables hold exactly one row: id is always 1. */
const singletonId = () => integer().primaryKey().default(1);
const series = () => text().references(() => noSeries.code);

export const companyInformation = pgTable('company_information', {
  id: singletonId(),
  name: text().notNull().default(''),
  ...addressColumns(),
  homePage: text().notNull().default(''),
  vatRegistrationNo: text().notNull().default(''),
  registrationNo: text().notNull().default(''),
  bankName: text().notNull().default(''),
  iban: text().notNull().default(''),
  swiftCode: text().notNull().default(''),
  /** Peppol electronic address (EN 16931 BT-34): endpoint ID and its EAS scheme (0106 KvK, 0208 KBO, 0088 GLN, 9944 NL VAT …). */
  electronicAddress: text().notNull().default(''),
  electronicAddressScheme: text().notNull().default(''),
  /** The letterhead logo as base64 and its media type; both empty when there is none (kept out of the record the API returns). */
  logo: text().notNull().default(''),
  logoMimeType: text().notNull().default(''),
  /** Working days (spec §16.1) and the look-ahead of Available to Promise (§16.2): period and time bucket. */
  baseCalendarCode: text().references(() => baseCalendar.code),
  checkAvailPeriodCalc: dateFormula().default('90D'),
  checkAvailTimeBucket: text().notNull().default('week'),
  ...recordColumns(),
}, (t) => [
  check('company_information_singleton', sql`${t.id} = 1`),
  check('company_information_time_bucket', sql`${t.checkAvailTimeBucket} in ('day', 'week', 'month', 'quarter', 'year')`),
  check('company_information_logo', sql`${t.logoMimeType} in ('', 'image/png', 'image/jpeg') and (${t.logo} = '') = (${t.logoMimeType} = '')`),
]);

/** Company Information without its logo (up to ~1.3 MB of base64): what every reader but the letterhead selects. */
export const companyInformationWithoutLogo = (({ logo: _logo, ...columns }) => columns)(getTableColumns(companyInformation));

export const generalLedgerSetup = pgTable('general_ledger_setup', {
  id: singletonId(),
  lcyCode: text().notNull().default('EUR'),
  allowPostingFrom: calendarDate(),
  allowPostingTo: calendarDate(),
  amountRoundingPrecision: precision().notNull().default('0.01'),
  unitAmountRoundingPrecision: precision().notNull().default('0.00001'),
  invoiceRoundingPrecisionLcy: precision().notNull().default('0.01'),
  invoiceRoundingType: text().notNull().default('nearest'),
  paymentDiscountExcludingVat: flag(),
  adjustForPaymentDiscount: flag(),
  paymentDiscountGracePeriod: dateFormula(),
  paymentTolerancePercent: precision().notNull().default('0'),
  maxPaymentToleranceAmount: precision().notNull().default('0'),
  paymentToleranceWarning: flag(),
  paymentDiscountToleranceWarning: flag(),
  paymentTolerancePosting: text().notNull().default('paymentToleranceAccounts'),
  paymentDiscountTolerancePosting: text().notNull().default('paymentDiscountAccounts'),
  maxVatDifferenceAllowed: precision().notNull().default('0'),
  /** BC's "Appln. Rounding Precision": used across currencies when the currency has none of its own. */
  applnRoundingPrecision: precision().notNull().default('0'),
  /** BC's "EMU Currency": the local currency is an EMU currency (Appln. between Currencies EMU). */
  emuCurrency: flag(),
  ...recordColumns(),
}, (t) => [check('general_ledger_setup_singleton', sql`${t.id} = 1`)]);

export const salesReceivablesSetup = pgTable('sales_receivables_setup', {
  id: singletonId(),
  discountPosting: text().notNull().default('noDiscounts'),
  creditWarnings: text().notNull().default('bothWarnings'),
  stockoutWarning: boolean().notNull().default(true),
  shipmentOnInvoice: boolean().notNull().default(true),
  returnReceiptOnCreditMemo: boolean().notNull().default(true),
  invoiceRounding: flag(),
  externalDocumentNoMandatory: flag(),
  defaultPostingDate: text().notNull().default('workDate'),
  defaultQuantityToShip: text().notNull().default('remainder'),
  calculateInvoiceDiscount: flag(),
  calculateInvoiceDiscountPerVatId: flag(),
  exactCostReversingMandatory: flag(),
  checkPrepaymentWhenPosting: flag(),
  archiveQuotes: text().notNull().default('never'),
  archiveOrders: flag(),
  quoteValidityCalculation: dateFormula(),
  linkDocumentDateToPostingDate: flag(),
  copyCommentsBlanketToOrder: flag(),
  copyCommentsOrderToInvoice: flag(),
  copyCommentsOrderToShipment: flag(),
  copyCommentsReturnOrderToReturnReceipt: flag(),
  copyCommentsReturnOrderToCreditMemo: flag(),
  allowVatDifference: flag(),
  applicationBetweenCurrencies: text().notNull().default('none'),
  customerNos: series(),
  quoteNos: series(),
  blanketOrderNos: series(),
  orderNos: series(),
  invoiceNos: series(),
  creditMemoNos: series(),
  returnOrderNos: series(),
  postedInvoiceNos: series(),
  postedCreditMemoNos: series(),
  postedShipmentNos: series(),
  postedReturnReceiptNos: series(),
  postedPrepaymentInvoiceNos: series(),
  postedPrepaymentCreditMemoNos: series(),
  reminderNos: series(),
  financeChargeMemoNos: series(),
  ...recordColumns(),
}, (t) => [check('sales_receivables_setup_singleton', sql`${t.id} = 1`)]);

export const inventorySetup = pgTable('inventory_setup', {
  id: singletonId(),
  automaticCostPosting: boolean().notNull().default(true),
  expectedCostPostingToGl: flag(),
  locationMandatory: flag(),
  /** Where documents ship from when neither the ship-to address nor the customer names a location (BC: Company Information's Location Code). */
  defaultLocationCode: text().references(() => location.code),
  preventNegativeInventory: flag(),
  outboundWarehouseHandlingTime: dateFormula(),
  inboundWarehouseHandlingTime: dateFormula(),
  itemNos: series(),
  /** BC's Assembly Setup numbers (spec §15.3): assembly quotes, orders, blanket orders and posted assembly orders. */
  assemblyQuoteNos: series(),
  assemblyOrderNos: series(),
  blanketAssemblyOrderNos: series(),
  postedAssemblyOrderNos: series(),
  ...recordColumns(),
}, (t) => [check('inventory_setup_singleton', sql`${t.id} = 1`)]);

export const purchasesPayablesSetup = pgTable('purchases_payables_setup', {
  id: singletonId(),
  discountPosting: text().notNull().default('noDiscounts'),
  receiptOnInvoice: boolean().notNull().default(true),
  returnShipmentOnCreditMemo: boolean().notNull().default(true),
  /** BC's Ext. Doc. No. Mandatory: an invoice needs its Vendor Invoice No., a credit memo its Vendor Cr. Memo No. */
  externalDocumentNoMandatory: boolean().notNull().default(true),
  defaultQuantityToReceive: text().notNull().default('remainder'),
  calculateInvoiceDiscount: flag(),
  exactCostReversingMandatory: flag(),
  applicationBetweenCurrencies: text().notNull().default('none'),
  vendorNos: series(),
  quoteNos: series(),
  orderNos: series(),
  invoiceNos: series(),
  creditMemoNos: series(),
  returnOrderNos: series(),
  postedReceiptNos: series(),
  postedInvoiceNos: series(),
  postedCreditMemoNos: series(),
  postedReturnShipmentNos: series(),
  ...recordColumns(),
}, (t) => [check('purchases_payables_setup_singleton', sql`${t.id} = 1`)]);

/**
 * Which state the setup tables are in (issue 21): a new random value on every statement that changes
 * one of them (triggers, migration 0045), so that a process may keep setup rows it read as long as
 * the value it reads in its transaction is the one they were read under (db/setup-cache.ts).
 */
export const setupVersion = pgTable('setup_version', {
  id: singletonId(),
  version: text().notNull().default(sql`gen_random_uuid()::text`),
}, (t) => [check('setup_version_singleton', sql`${t.id} = 1`)]);
