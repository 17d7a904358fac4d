import { pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { flag, percent, recordColumns } from './columns.ts';
import { glAccount } from './accounts.ts';
import {
  genBusinessPostingGroup, genProductPostingGroup, inventoryPostingGroup, vatBusinessPostingGroup, vatProductPostingGroup,
} from './posting-groups.ts';
import { location } from './logistics.ts';

const account = () => text().references(() => glAccount.no);

export const customerPostingGroup = pgTable('customer_posting_group', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  receivablesAccount: account(),
  serviceChargeAccount: account(),
  paymentDiscountDebitAccount: account(),
  paymentDiscountCreditAccount: account(),
  invoiceRoundingAccount: account(),
  paymentToleranceDebitAccount: account(),
  paymentToleranceCreditAccount: account(),
  debitCurrencyApplicationRoundingAccount: account(),
  creditCurrencyApplicationRoundingAccount: account(),
  /** BC's Debit/Credit Rounding Account: the Correction of Remaining Amount of entries in a currency. */
  debitRoundingAccount: account(),
  creditRoundingAccount: account(),
  ...recordColumns(),
});

export const vendorPostingGroup = pgTable('vendor_posting_group', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  payablesAccount: account(),
  serviceChargeAccount: account(),
  /** Applying payments (spec §20.3–§20.5 read for vendors): the same accounts as a customer posting group's. */
  paymentDiscountDebitAccount: account(),
  paymentDiscountCreditAccount: account(),
  invoiceRoundingAccount: account(),
  paymentToleranceDebitAccount: account(),
  paymentToleranceCreditAccount: account(),
  debitCurrencyApplicationRoundingAccount: account(),
  creditCurrencyApplicationRoundingAccount: account(),
  debitRoundingAccount: account(),
  creditRoundingAccount: account(),
  ...recordColumns(),
});

/** Gen. Bus. × Gen. Prod. posting group; a blank business group is the row for postings without a customer. */
export const generalPostingSetup = pgTable(
  'general_posting_setup',
  {
    id: uuid().primaryKey().defaultRandom(),
    genBusPostingGroup: text().references(() => genBusinessPostingGroup.code),
    genProdPostingGroup: text().notNull().references(() => genProductPostingGroup.code),
    description: text().notNull().default(''),
    salesAccount: account(),
    salesCreditMemoAccount: account(),
    salesLineDiscountAccount: account(),
    salesInvoiceDiscountAccount: account(),
    salesPaymentDiscountDebitAccount: account(),
    salesPaymentDiscountCreditAccount: account(),
    salesPaymentToleranceDebitAccount: account(),
    salesPaymentToleranceCreditAccount: account(),
    /** A liability holding invoiced prepayments until the order's invoices deduct them (spec §26.1). */
    salesPrepaymentsAccount: account(),
    purchaseAccount: account(),
    purchaseCreditMemoAccount: account(),
    purchaseLineDiscountAccount: account(),
    purchaseInvoiceDiscountAccount: account(),
    purchasePaymentDiscountDebitAccount: account(),
    purchasePaymentDiscountCreditAccount: account(),
    purchaseVarianceAccount: account(),
    cogsAccount: account(),
    cogsAccountInterim: account(),
    inventoryAdjustmentAccount: account(),
    directCostAppliedAccount: account(),
    /** BC's Invt. Accrual Acc. (Interim): the other side of a receipt's expected cost, with Expected Cost Posting to G/L. */
    inventoryAccrualAccountInterim: account(),
    ...recordColumns(),
  },
  (t) => [unique('general_posting_setup_groups').on(t.genBusPostingGroup, t.genProdPostingGroup).nullsNotDistinct()],
);

export const vatPostingSetup = pgTable(
  'vat_posting_setup',
  {
    id: uuid().primaryKey().defaultRandom(),
    vatBusPostingGroup: text().references(() => vatBusinessPostingGroup.code),
    vatProdPostingGroup: text().references(() => vatProductPostingGroup.code),
    description: text().notNull().default(''),
    vatCalculationType: text().notNull().default('normal'),
    vatPercent: percent().notNull().default('0'),
    vatIdentifier: text().notNull().default(''),
    /** EN 16931 VAT category (S, Z, E, AE, K, G, O), needed for e-invoices. */
    taxCategory: text().notNull().default('S'),
    /** VATEX code and text an e-invoice states for categories E, AE, K, G and O (BT-121, BT-120). */
    vatExemptionReasonCode: text().notNull().default(''),
    vatExemptionReason: text().notNull().default(''),
    salesVatAccount: account(),
    purchaseVatAccount: account(),
    reverseChargeVatAccount: account(),
    adjustForPaymentDiscount: flag(),
    blocked: flag(),
    ...recordColumns(),
  },
  (t) => [unique('vat_posting_setup_groups').on(t.vatBusPostingGroup, t.vatProdPostingGroup).nullsNotDistinct()],
);

/** Location × Inventory posting group; a blank location is the row for stock held without a location. */
export const inventoryPostingSetup = pgTable(
  'inventory_posting_setup',
  {
    id: uuid().primaryKey().defaultRandom(),
    locationCode: text().references(() => location.code),
    inventoryPostingGroup: text().notNull().references(() => inventoryPostingGroup.code),
    description: text().notNull().default(''),
    inventoryAccount: account(),
    inventoryAccountInterim: account(),
    ...recordColumns(),
  },
  (t) => [unique('inventory_posting_setup_groups').on(t.locationCode, t.inventoryPostingGroup).nullsNotDistinct()],
);
