import { z } from 'zod';
import { code, codeReference, percent, recordSchemas, requiredText, text } from './fields.ts';

const group = () => recordSchemas({ code: code() }, { description: text(100) });

export const vatBusinessPostingGroupSchemas = group();
export const vatProductPostingGroupSchemas = group();
export const inventoryPostingGroupSchemas = group();

export const genBusinessPostingGroupSchemas = recordSchemas({ code: code() }, {
  description: text(100), defaultVatBusPostingGroup: codeReference(), autoInsertDefault: z.boolean(),
});

export const genProductPostingGroupSchemas = recordSchemas({ code: code() }, {
  description: text(100), defaultVatProdPostingGroup: codeReference(), autoInsertDefault: z.boolean(),
});

export const glAccountTypes = ['posting', 'heading', 'total', 'beginTotal', 'endTotal'] as const;
export const accountCategories = ['', 'assets', 'liabilities', 'equity', 'income', 'costOfGoodsSold', 'expense'] as const;

export const glAccountSchemas = recordSchemas({ no: code() }, {
  name: requiredText(100),
  accountType: z.enum(glAccountTypes),
  incomeBalance: z.enum(['incomeStatement', 'balanceSheet']),
  accountCategory: z.enum(accountCategories),
  debitCredit: z.enum(['both', 'debit', 'credit']),
  directPosting: z.boolean(),
  blocked: z.boolean(),
  genPostingType: z.enum(['', 'sale', 'purchase']),
  genBusPostingGroup: codeReference(),
  genProdPostingGroup: codeReference(),
  vatBusPostingGroup: codeReference(),
  vatProdPostingGroup: codeReference(),
}, ['name', 'incomeBalance']);

const account = () => codeReference();

// The accounts an application posts to (spec §20.3–§20.5); a vendor posting group has the same.
const applicationAccounts = () => ({
  serviceChargeAccount: account(),
  paymentDiscountDebitAccount: account(), paymentDiscountCreditAccount: account(),
  invoiceRoundingAccount: account(),
  paymentToleranceDebitAccount: account(), paymentToleranceCreditAccount: account(),
  debitCurrencyApplicationRoundingAccount: account(), creditCurrencyApplicationRoundingAccount: account(),
  debitRoundingAccount: account(), creditRoundingAccount: account(),
});

export const customerPostingGroupSchemas = recordSchemas({ code: code() }, { description: text(100), receivablesAccount: account(), ...applicationAccounts() });

export const vendorPostingGroupSchemas = recordSchemas({ code: code() }, { description: text(100), payablesAccount: account(), ...applicationAccounts() });

export const generalPostingSetupAccounts = [
  'salesAccount', 'salesCreditMemoAccount', 'salesLineDiscountAccount', 'salesInvoiceDiscountAccount',
  'salesPaymentDiscountDebitAccount', 'salesPaymentDiscountCreditAccount', 'salesPaymentToleranceDebitAccount',
  'salesPaymentToleranceCreditAccount', 'salesPrepaymentsAccount', 'purchaseAccount', 'purchaseCreditMemoAccount', 'purchaseLineDiscountAccount',
  'purchaseInvoiceDiscountAccount', 'purchasePaymentDiscountDebitAccount', 'purchasePaymentDiscountCreditAccount', 'purchaseVarianceAccount',
  'cogsAccount', 'cogsAccountInterim', 'inventoryAdjustmentAccount', 'directCostAppliedAccount', 'inventoryAccrualAccountInterim',
] as const;

const accountShape = (fields: readonly string[]) => Object.fromEntries(fields.map((field) => [field, account()]));

/** The groups are the record's identity: set on create, fixed after (delete and re-create to change). */
export const generalPostingSetupSchemas = {
  create: z.strictObject({
    genBusPostingGroup: codeReference().optional(),
    genProdPostingGroup: code(),
    description: text(100).optional(),
    ...Object.fromEntries(generalPostingSetupAccounts.map((field) => [field, account().optional()])),
  }),
  update: z.strictObject({ description: text(100), ...accountShape(generalPostingSetupAccounts) }).partial(),
};

export const vatCalculationTypes = ['normal', 'reverseCharge', 'fullVat', 'salesTax'] as const;
/** EN 16931 / UNCL5305 VAT category codes. */
export const taxCategories = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O', 'L', 'M'] as const;
export const vatPostingSetupAccounts = ['salesVatAccount', 'purchaseVatAccount', 'reverseChargeVatAccount'] as const;

const vatPostingSetupFields = {
  description: text(100),
  vatCalculationType: z.enum(vatCalculationTypes),
  vatPercent: percent(),
  vatIdentifier: text(20).transform((value) => value.toUpperCase()),
  taxCategory: z.enum(taxCategories),
  vatExemptionReasonCode: text(30).transform((value) => value.toUpperCase())
    .describe('VATEX code an e-invoice states for VAT categories E, AE, K, G and O, e.g. VATEX-EU-IC'),
  vatExemptionReason: text(250).describe('The exemption reason text an e-invoice states, e.g. "Intra-community supply"'),
  adjustForPaymentDiscount: z.boolean(),
  blocked: z.boolean(),
  ...accountShape(vatPostingSetupAccounts),
};

export const vatPostingSetupSchemas = {
  create: z.strictObject({
    vatBusPostingGroup: codeReference().optional(),
    vatProdPostingGroup: codeReference().optional(),
    ...Object.fromEntries(Object.entries(vatPostingSetupFields).map(([name, schema]) => [name, schema.optional()])),
  }),
  update: z.strictObject(vatPostingSetupFields).partial(),
};

export const inventoryPostingSetupAccounts = ['inventoryAccount', 'inventoryAccountInterim'] as const;

export const inventoryPostingSetupSchemas = {
  create: z.strictObject({
    locationCode: codeReference().optional(),
    inventoryPostingGroup: code(),
    description: text(100).optional(),
    ...Object.fromEntries(inventoryPostingSetupAccounts.map((field) => [field, account().optional()])),
  }),
  update: z.strictObject({ description: text(100), ...accountShape(inventoryPostingSetupAccounts) }).partial(),
};
