/**
 * The values the type columns of the books may hold (DESIGN §5: type columns are enums checked by
 * the database). Each list is the one source of its CHECK constraint; it holds every value the code
 * writes today plus those the purchase, payment and bank issues will write (sales document and line
 * types and VAT calculation types are core's own lists). The TypeScript types of
 * core and server/ledger stay where they are; test/server/db/type-columns.test.ts proves at compile
 * time that every value they allow is in these lists.
 */
import { getTableName, sql } from 'drizzle-orm';
import { check, type PgColumn } from 'drizzle-orm/pg-core';

/** BC's Document Type of G/L, VAT, customer, vendor and bank account entries; '' is blank (journals, shipments). */
export const ledgerDocumentTypes = ['', 'payment', 'invoice', 'creditMemo', 'financeChargeMemo', 'reminder', 'refund'] as const;

/** Gen. Posting Type of a G/L entry: blank on receivables, payables, VAT and inventory lines. */
export const genPostingTypes = ['', 'sale', 'purchase', 'settlement'] as const;

/** The party (or bank account) a G/L entry comes from. */
export const glSourceTypes = ['', 'customer', 'vendor', 'bankAccount'] as const;

export const vatEntryTypes = ['sale', 'purchase', 'settlement'] as const;

/**
 * Entry Type of detailed customer and vendor ledger entries. The VAT Excl. / VAT Adjustment variants
 * are what BC writes for discounts and tolerances when the VAT posting setup adjusts for payment discount.
 */
export const detailedEntryTypes = [
  'initialEntry', 'application', 'unrealizedLoss', 'unrealizedGain', 'realizedLoss', 'realizedGain',
  'paymentDiscount', 'paymentDiscountVatExcl', 'paymentDiscountVatAdjustment',
  'paymentDiscountTolerance', 'paymentDiscountToleranceVatExcl', 'paymentDiscountToleranceVatAdjustment',
  'paymentTolerance', 'paymentToleranceVatExcl', 'paymentToleranceVatAdjustment',
  'correctionOfRemainingAmount', 'applicationRounding',
] as const;

export const itemLedgerEntryTypes = [
  'purchase', 'sale', 'positiveAdjustment', 'negativeAdjustment', 'assemblyConsumption', 'assemblyOutput',
] as const;

/** Document Type of item ledger and value entries; '' is the item journal. */
export const itemLedgerDocumentTypes = [
  '', 'salesShipment', 'salesInvoice', 'salesReturnReceipt', 'salesCreditMemo',
  'purchaseReceipt', 'purchaseInvoice', 'purchaseReturnShipment', 'purchaseCreditMemo', 'postedAssembly',
] as const;

/** Source Type of item ledger and value entries: the customer or vendor, or the assembled item. */
export const itemSourceTypes = ['', 'customer', 'vendor', 'item'] as const;

export const valueEntryTypes = ['directCost', 'revaluation', 'rounding', 'indirectCost', 'variance'] as const;

export const postedSalesDocumentTypes = ['shipment', 'invoice', 'creditMemo', 'returnReceipt'] as const;

/** The account on the other side of a bank account ledger entry (BC's Bal. Account Type). */
export const balAccountTypes = ['', 'glAccount', 'customer', 'vendor', 'bankAccount'] as const;

/** How far bank reconciliation has got with a bank account ledger entry. */
export const bankStatementStatuses = ['open', 'bankAccountEntryApplied', 'checkEntryApplied', 'closed'] as const;

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * CHECK (column IN (...)) named `<table>_<column>_check`, as PostgreSQL would name it. The values are
 * written into the DDL, never bound: a constraint cannot take parameters.
 */
export function allowedValues(column: PgColumn, values: readonly string[]) {
  const name = `${getTableName(column.table)}_${column.name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}_check`;
  return check(name, sql`${column} in (${sql.raw(values.map(literal).join(', '))})`);
}
