/**
 * The books (spec §20.1, §23; DESIGN §5). Append-only: a trigger (migrations 0004, 0009) refuses DELETE,
 * TRUNCATE and any UPDATE except of the columns named here as derived (`open`, remaining amounts
 * and quantities), which the ledger writer keeps equal to what the detailed entries, value entries
 * and application entries say. server/ledger is the only writer.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { amount, calendarDate, currencyFactor, flag, percent, quantity, unitAmount } from './columns.ts';
import { glAccount } from './accounts.ts';
import { bankAccount } from './bank-accounts.ts';
import { customer } from './customers.ts';
import { item } from './items.ts';
import { vendor } from './vendors.ts';
import { vatCalculationTypes } from '../../../core/master-data/posting.schemas.ts';
import {
  allowedValues, balAccountTypes, bankStatementStatuses, detailedEntryTypes, genPostingTypes, glSourceTypes, itemLedgerDocumentTypes,
  itemLedgerEntryTypes, itemSourceTypes, ledgerDocumentTypes, valueEntryTypes, vatEntryTypes,
} from './type-columns.ts';

const entryNo = () => integer().primaryKey().generatedAlwaysAsIdentity();
const createdAt = () => timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow();

/**
 * One per posting transaction; its No. is the Transaction No. every entry of the transaction
 * carries (so the entry ranges BC keeps here are a query away).
 */
export const glRegister = pgTable('gl_register', {
  no: integer().primaryKey().generatedAlwaysAsIdentity(),
  sourceCode: text().notNull(),
  userId: text().notNull().default(''),
  postingDate: calendarDate().notNull(),
  documentNo: text().notNull().default(''),
  createdAt: createdAt(),
});

const entryHeader = () => ({
  transactionNo: integer().notNull().references(() => glRegister.no),
  postingDate: calendarDate().notNull(),
  documentType: text().notNull().default(''),
  documentNo: text().notNull(),
  description: text().notNull().default(''),
  sourceCode: text().notNull().default(''),
  userId: text().notNull().default(''),
});

export const glEntry = pgTable('gl_entry', {
  entryNo: entryNo(),
  ...entryHeader(),
  glAccountNo: text().notNull().references(() => glAccount.no),
  externalDocumentNo: text().notNull().default(''),
  /** LCY, debit positive. */
  amount: amount().notNull(),
  debitAmount: amount().notNull(),
  creditAmount: amount().notNull(),
  vatAmount: amount().notNull().default('0'),
  genPostingType: text().notNull().default(''),
  genBusPostingGroup: text().notNull().default(''),
  genProdPostingGroup: text().notNull().default(''),
  vatBusPostingGroup: text().notNull().default(''),
  vatProdPostingGroup: text().notNull().default(''),
  sourceType: text().notNull().default(''),
  sourceNo: text().notNull().default(''),
}, (t) => [
  index('gl_entry_account').on(t.glAccountNo, t.postingDate),
  index('gl_entry_document').on(t.documentNo, t.postingDate),
  // The deferred balance check (migrations 0010, 0011) finds a transaction's last entry and sums its entries through this index.
  index('gl_entry_transaction').on(t.transactionNo, t.entryNo),
  allowedValues(t.documentType, ledgerDocumentTypes),
  allowedValues(t.genPostingType, genPostingTypes),
  allowedValues(t.sourceType, glSourceTypes),
]);

export const vatEntry = pgTable('vat_entry', {
  entryNo: entryNo(),
  ...entryHeader(),
  type: text().notNull(),
  base: amount().notNull(),
  amount: amount().notNull(),
  vatCalculationType: text().notNull(),
  vatIdentifier: text().notNull().default(''),
  vatPercent: percent().notNull().default('0'),
  vatBusPostingGroup: text().notNull().default(''),
  vatProdPostingGroup: text().notNull().default(''),
  billToPayToNo: text().notNull().default(''),
  externalDocumentNo: text().notNull().default(''),
  closed: flag(),
}, (t) => [
  index('vat_entry_document').on(t.documentNo, t.postingDate),
  allowedValues(t.documentType, ledgerDocumentTypes),
  allowedValues(t.type, vatEntryTypes),
  allowedValues(t.vatCalculationType, vatCalculationTypes),
]);

/** Remaining amounts and the closing facts are derived from the detailed entries (spec §20.1). */
export const customerLedgerEntryDerivedColumns = [
  'remaining_amount', 'remaining_amount_lcy', 'open', 'closed_by_entry_no', 'closed_at_date', 'closed_by_amount',
  'remaining_payment_discount_possible', 'accepted_payment_tolerance', 'accepted_pmt_disc_tolerance', 'pmt_disc_given_lcy',
  'max_payment_tolerance',
] as const;

export const customerLedgerEntry = pgTable('customer_ledger_entry', {
  entryNo: entryNo(),
  ...entryHeader(),
  customerNo: text().notNull().references(() => customer.no),
  sellToCustomerNo: text().notNull().default(''),
  documentDate: calendarDate(),
  externalDocumentNo: text().notNull().default(''),
  currencyCode: text().notNull().default(''),
  currencyFactor: currencyFactor().notNull().default('1'),
  amount: amount().notNull(),
  amountLcy: amount().notNull(),
  remainingAmount: amount().notNull(),
  remainingAmountLcy: amount().notNull(),
  salesLcy: amount().notNull().default('0'),
  profitLcy: amount().notNull().default('0'),
  invoiceDiscountLcy: amount().notNull().default('0'),
  dueDate: calendarDate(),
  paymentDiscountDate: calendarDate(),
  paymentDiscountToleranceDate: calendarDate(),
  originalPaymentDiscountPossible: amount().notNull().default('0'),
  remainingPaymentDiscountPossible: amount().notNull().default('0'),
  /** Payment discount granted on the entry so far (spec §20.4), derived from its detailed entries. */
  pmtDiscGivenLcy: amount().notNull().default('0'),
  /**
   * Set at posting from the payment tolerance setup (spec §20.5); as BC's CalcRemainingPmtDisc, an
   * application caps it at the remaining amount (0 once closed) and unapply restores it.
   */
  maxPaymentTolerance: amount().notNull().default('0'),
  /** Payment tolerance accepted at its latest application; unapply resets it. */
  acceptedPaymentTolerance: amount().notNull().default('0'),
  acceptedPmtDiscTolerance: boolean().notNull().default(false),
  open: boolean().notNull(),
  positive: boolean().notNull(),
  closedByEntryNo: integer(),
  closedAtDate: calendarDate(),
  closedByAmount: amount().notNull().default('0'),
  salespersonCode: text().notNull().default(''),
  paymentMethodCode: text().notNull().default(''),
  customerPostingGroup: text().notNull().default(''),
  /** Written by a prepayment invoice or credit memo (spec §26.4). */
  prepayment: boolean().notNull().default(false),
}, (t) => [
  index('customer_ledger_entry_customer').on(t.customerNo, t.postingDate),
  index('customer_ledger_entry_document').on(t.documentNo),
  index('customer_ledger_entry_open').on(t.customerNo, t.open, t.dueDate),
  allowedValues(t.documentType, ledgerDocumentTypes),
]);

export const detailedCustomerLedgerEntry = pgTable('detailed_customer_ledger_entry', {
  entryNo: entryNo(),
  customerLedgerEntryNo: integer().notNull().references(() => customerLedgerEntry.entryNo),
  entryType: text().notNull(),
  transactionNo: integer().notNull().references(() => glRegister.no),
  postingDate: calendarDate().notNull(),
  documentType: text().notNull().default(''),
  documentNo: text().notNull(),
  customerNo: text().notNull(),
  currencyCode: text().notNull().default(''),
  amount: amount().notNull(),
  amountLcy: amount().notNull(),
  appliedCustomerLedgerEntryNo: integer(),
  /**
   * On an Application entry: the entry's Max. Payment Tolerance before the application, which
   * unapply restores (as BC); null where it was not recorded (applications without tolerance rules).
   */
  maxPaymentTolerance: amount(),
  /**
   * BC's Unapplied: true on the entries an unapply writes and, set by it, on the application
   * entries it undoes (with Unapplied by Entry No.); the only columns that change (spec §20.3).
   */
  unapplied: boolean().notNull().default(false),
  unappliedByEntryNo: integer(),
  userId: text().notNull().default(''),
}, (t) => [
  index('detailed_customer_ledger_entry_entry').on(t.customerLedgerEntryNo),
  index('detailed_customer_ledger_entry_transaction').on(t.transactionNo),
  // Aged receivables and balances as of a date read the detailed entries posted after that date.
  index('detailed_customer_ledger_entry_posting_date').on(t.postingDate),
  allowedValues(t.entryType, detailedEntryTypes),
  allowedValues(t.documentType, ledgerDocumentTypes),
]);

/** The purchase-side mirror of the customer entries; the same columns are derived from its detailed entries. */
export const vendorLedgerEntryDerivedColumns = [
  'remaining_amount', 'remaining_amount_lcy', 'open', 'closed_by_entry_no', 'closed_at_date', 'closed_by_amount',
  'remaining_payment_discount_possible', 'accepted_payment_tolerance', 'accepted_pmt_disc_tolerance', 'pmt_disc_received_lcy', 'max_payment_tolerance',
] as const;

export const vendorLedgerEntry = pgTable('vendor_ledger_entry', {
  entryNo: entryNo(),
  ...entryHeader(),
  vendorNo: text().notNull().references(() => vendor.no),
  buyFromVendorNo: text().notNull().default(''),
  documentDate: calendarDate(),
  externalDocumentNo: text().notNull().default(''),
  currencyCode: text().notNull().default(''),
  currencyFactor: currencyFactor().notNull().default('1'),
  /** Negative for an invoice (owed to the vendor), positive for a payment. */
  amount: amount().notNull(),
  amountLcy: amount().notNull(),
  remainingAmount: amount().notNull(),
  remainingAmountLcy: amount().notNull(),
  purchaseLcy: amount().notNull().default('0'),
  invoiceDiscountLcy: amount().notNull().default('0'),
  dueDate: calendarDate(),
  paymentDiscountDate: calendarDate(),
  paymentDiscountToleranceDate: calendarDate(),
  originalPaymentDiscountPossible: amount().notNull().default('0'),
  remainingPaymentDiscountPossible: amount().notNull().default('0'),
  /** BC's Pmt. Disc. Rcd.(LCY): the payment discount received so far, derived from the detailed entries. */
  pmtDiscReceivedLcy: amount().notNull().default('0'),
  maxPaymentTolerance: amount().notNull().default('0'),
  acceptedPaymentTolerance: amount().notNull().default('0'),
  acceptedPmtDiscTolerance: boolean().notNull().default(false),
  open: boolean().notNull(),
  positive: boolean().notNull(),
  closedByEntryNo: integer(),
  closedAtDate: calendarDate(),
  closedByAmount: amount().notNull().default('0'),
  purchaserCode: text().notNull().default(''),
  paymentMethodCode: text().notNull().default(''),
  vendorPostingGroup: text().notNull().default(''),
}, (t) => [
  index('vendor_ledger_entry_vendor').on(t.vendorNo, t.postingDate),
  index('vendor_ledger_entry_document').on(t.documentNo),
  index('vendor_ledger_entry_open').on(t.vendorNo, t.open, t.dueDate),
  allowedValues(t.documentType, ledgerDocumentTypes),
]);

export const detailedVendorLedgerEntry = pgTable('detailed_vendor_ledger_entry', {
  entryNo: entryNo(),
  vendorLedgerEntryNo: integer().notNull().references(() => vendorLedgerEntry.entryNo),
  entryType: text().notNull(),
  transactionNo: integer().notNull().references(() => glRegister.no),
  postingDate: calendarDate().notNull(),
  documentType: text().notNull().default(''),
  documentNo: text().notNull(),
  vendorNo: text().notNull(),
  currencyCode: text().notNull().default(''),
  amount: amount().notNull(),
  amountLcy: amount().notNull(),
  appliedVendorLedgerEntryNo: integer(),
  /** As on detailed customer entries: Max. Payment Tolerance before an application, and the unapply flags. */
  maxPaymentTolerance: amount(),
  unapplied: boolean().notNull().default(false),
  unappliedByEntryNo: integer(),
  userId: text().notNull().default(''),
}, (t) => [
  index('detailed_vendor_ledger_entry_entry').on(t.vendorLedgerEntryNo),
  index('detailed_vendor_ledger_entry_transaction').on(t.transactionNo),
  allowedValues(t.entryType, detailedEntryTypes),
  allowedValues(t.documentType, ledgerDocumentTypes),
]);

/** What bank reconciliation changes on a bank account entry: how much is still open and which statement line matched it. */
export const bankAccountLedgerEntryDerivedColumns = [
  'remaining_amount', 'open', 'closed_by_entry_no', 'closed_at_date', 'statement_status', 'statement_no', 'statement_line_no',
] as const;

export const bankAccountLedgerEntry = pgTable('bank_account_ledger_entry', {
  entryNo: entryNo(),
  ...entryHeader(),
  bankAccountNo: text().notNull().references(() => bankAccount.no),
  externalDocumentNo: text().notNull().default(''),
  currencyCode: text().notNull().default(''),
  /** In the bank account's currency: positive = money in. */
  amount: amount().notNull(),
  amountLcy: amount().notNull(),
  remainingAmount: amount().notNull(),
  open: boolean().notNull(),
  positive: boolean().notNull(),
  closedByEntryNo: integer(),
  closedAtDate: calendarDate(),
  balAccountType: text().notNull().default(''),
  balAccountNo: text().notNull().default(''),
  statementStatus: text().notNull().default('open'),
  statementNo: text().notNull().default(''),
  statementLineNo: integer().notNull().default(0),
}, (t) => [
  index('bank_account_ledger_entry_bank_account').on(t.bankAccountNo, t.postingDate),
  index('bank_account_ledger_entry_document').on(t.documentNo),
  index('bank_account_ledger_entry_open').on(t.bankAccountNo, t.open),
  allowedValues(t.documentType, ledgerDocumentTypes),
  allowedValues(t.balAccountType, balAccountTypes),
  allowedValues(t.statementStatus, bankStatementStatuses),
]);

/** What later postings change on an item entry: how much of it is still open, invoiced, returned. */
export const itemLedgerEntryDerivedColumns = [
  'remaining_quantity', 'invoiced_quantity', 'open', 'completely_invoiced', 'shipped_quantity_not_returned',
] as const;

export const itemLedgerEntry = pgTable('item_ledger_entry', {
  entryNo: entryNo(),
  itemNo: text().notNull().references(() => item.no),
  transactionNo: integer().notNull().references(() => glRegister.no),
  postingDate: calendarDate().notNull(),
  entryType: text().notNull(),
  documentType: text().notNull().default(''),
  documentNo: text().notNull(),
  documentLineNo: integer().notNull().default(0),
  description: text().notNull().default(''),
  locationCode: text().notNull().default(''),
  sourceType: text().notNull().default(''),
  sourceNo: text().notNull().default(''),
  quantity: quantity().notNull(),
  remainingQuantity: quantity().notNull(),
  invoicedQuantity: quantity().notNull(),
  shippedQuantityNotReturned: quantity().notNull().default('0'),
  positive: boolean().notNull(),
  open: boolean().notNull(),
  completelyInvoiced: boolean().notNull(),
  /** The fixed application: the outbound entry a return comes back from, or the inbound one a sale takes. */
  appliesToEntry: integer(),
  correction: flag(),
  /** Drop shipment (spec §15.1): the purchase and the sale of goods that never enter our stock, applied to each other. */
  dropShipment: flag(),
  unitOfMeasureCode: text().notNull().default(''),
  quantityPerUnitOfMeasure: quantity().notNull().default('1'),
  userId: text().notNull().default(''),
  createdAt: createdAt(),
}, (t) => [
  index('item_ledger_entry_item').on(t.itemNo, t.locationCode, t.postingDate),
  // Costing reads the open entries of an item at a location: stock layers and open shortages alike.
  index('item_ledger_entry_open').on(t.itemNo, t.locationCode, t.entryNo).where(sql`open`),
  index('item_ledger_entry_document').on(t.documentNo),
  allowedValues(t.entryType, itemLedgerEntryTypes),
  allowedValues(t.documentType, itemLedgerDocumentTypes),
  allowedValues(t.sourceType, itemSourceTypes),
]);

export const valueEntry = pgTable('value_entry', {
  entryNo: entryNo(),
  itemLedgerEntryNo: integer().notNull().references(() => itemLedgerEntry.entryNo),
  itemNo: text().notNull(),
  postingDate: calendarDate().notNull(),
  itemLedgerEntryType: text().notNull(),
  entryType: text().notNull().default('directCost'),
  documentType: text().notNull().default(''),
  documentNo: text().notNull(),
  documentLineNo: integer().notNull().default(0),
  description: text().notNull().default(''),
  sourceType: text().notNull().default(''),
  sourceNo: text().notNull().default(''),
  locationCode: text().notNull().default(''),
  inventoryPostingGroup: text().notNull().default(''),
  genBusPostingGroup: text().notNull().default(''),
  genProdPostingGroup: text().notNull().default(''),
  itemLedgerEntryQuantity: quantity().notNull().default('0'),
  invoicedQuantity: quantity().notNull().default('0'),
  valuedQuantity: quantity().notNull().default('0'),
  costPerUnit: unitAmount().notNull().default('0'),
  costAmountExpected: amount().notNull().default('0'),
  costAmountActual: amount().notNull().default('0'),
  salesAmountExpected: amount().notNull().default('0'),
  salesAmountActual: amount().notNull().default('0'),
  discountAmount: amount().notNull().default('0'),
  costPostedToGl: amount().notNull().default('0'),
  expectedCostPostedToGl: amount().notNull().default('0'),
  /** BC's Adjustment: a value entry that corrects the cost of an entry posted before (cost adjustment). */
  adjustment: boolean().notNull().default(false),
  transactionNo: integer().notNull().references(() => glRegister.no),
  userId: text().notNull().default(''),
}, (t) => [
  index('value_entry_item_ledger_entry').on(t.itemLedgerEntryNo),
  index('value_entry_item').on(t.itemNo, t.postingDate),
  allowedValues(t.entryType, valueEntryTypes),
  allowedValues(t.itemLedgerEntryType, itemLedgerEntryTypes),
  allowedValues(t.documentType, itemLedgerDocumentTypes),
  allowedValues(t.sourceType, itemSourceTypes),
]);

/**
 * The sums of an item's entries per location, kept by the database (the statement triggers of
 * migration 0047), as Business Central keeps SIFT sums: the average cost and the stock-out warning
 * read a row per location instead of adding up every entry the item ever had.
 */
export const itemInventoryTotal = pgTable('item_inventory_total', {
  itemNo: text().notNull(),
  locationCode: text().notNull(),
  /** Σ quantity of the item ledger entries. */
  quantity: quantity().notNull().default('0'),
  /** Σ of the value entries. */
  costAmountActual: amount().notNull().default('0'),
  costAmountExpected: amount().notNull().default('0'),
}, (t) => [primaryKey({ columns: [t.itemNo, t.locationCode] })]);

export const itemApplicationEntry = pgTable('item_application_entry', {
  entryNo: entryNo(),
  itemLedgerEntryNo: integer().notNull().references(() => itemLedgerEntry.entryNo),
  inboundItemEntryNo: integer().notNull().references(() => itemLedgerEntry.entryNo),
  outboundItemEntryNo: integer().references(() => itemLedgerEntry.entryNo),
  /** Positive for the inbound entry's own row, negative where an outbound entry takes from it. */
  quantity: quantity().notNull(),
  postingDate: calendarDate().notNull(),
  transactionNo: integer().notNull().references(() => glRegister.no),
}, (t) => [
  index('item_application_entry_inbound').on(t.inboundItemEntryNo),
  index('item_application_entry_outbound').on(t.outboundItemEntryNo),
]);

/** Cancel/Correct (spec §18.3 step 4): the posted invoice and the credit memo that cancelled it. */
export const cancelledDocument = pgTable('cancelled_document', {
  sourceDocumentType: text().notNull(),
  sourceDocumentNo: text().notNull(),
  cancelledByDocumentType: text().notNull(),
  cancelledByDocumentNo: text().notNull(),
  userId: text().notNull().default(''),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.sourceDocumentType, t.sourceDocumentNo] })]);
