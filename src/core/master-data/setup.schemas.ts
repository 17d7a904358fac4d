import { z } from 'zod';
import {
  addressFields, code, codeReference, currencyCode, dateFormula, decimal, integerField, optionalIsoDate, percent,
  recordSchemas, requiredText, roundingPrecision, text,
} from './fields.ts';
import { electronicAddress, electronicAddressScheme } from './electronic-address.ts';

export const roundingTypes = ['nearest', 'up', 'down'] as const;

export const companyInformationUpdate = z.strictObject({
  name: text(100), ...addressFields(), homePage: text(80),
  vatRegistrationNo: text(20), registrationNo: text(20), bankName: text(100), iban: text(50), swiftCode: text(20),
  electronicAddress: electronicAddress(), electronicAddressScheme: electronicAddressScheme(),
  /** Spec §16.1–16.2: the company's working days, and how far Available to Promise looks ahead and in which buckets. */
  baseCalendarCode: codeReference(10),
  checkAvailPeriodCalc: dateFormula(),
  checkAvailTimeBucket: z.enum(['day', 'week', 'month', 'quarter', 'year']),
}).partial();

export const generalLedgerSetupUpdate = z.strictObject({
  lcyCode: currencyCode(),
  allowPostingFrom: optionalIsoDate(),
  allowPostingTo: optionalIsoDate(),
  amountRoundingPrecision: roundingPrecision(),
  unitAmountRoundingPrecision: roundingPrecision(),
  invoiceRoundingPrecisionLcy: roundingPrecision(),
  invoiceRoundingType: z.enum(roundingTypes),
  paymentDiscountExcludingVat: z.boolean(),
  adjustForPaymentDiscount: z.boolean(),
  paymentDiscountGracePeriod: dateFormula(),
  paymentTolerancePercent: percent(),
  // Amounts in a numeric(18,5) column: 13 digits before the point.
  maxPaymentToleranceAmount: decimal({ scale: 2, integerDigits: 13, min: '0' }),
  paymentToleranceWarning: z.boolean(),
  paymentDiscountToleranceWarning: z.boolean(),
  paymentTolerancePosting: z.enum(['paymentToleranceAccounts', 'paymentDiscountAccounts']),
  paymentDiscountTolerancePosting: z.enum(['paymentToleranceAccounts', 'paymentDiscountAccounts']),
  maxVatDifferenceAllowed: decimal({ scale: 2, integerDigits: 13, min: '0' }),
  applnRoundingPrecision: decimal({ scale: 5, integerDigits: 13, min: '0' })
    .describe('Appln. Rounding Precision across currencies when the currency has none of its own.'),
  emuCurrency: z.boolean().describe('EMU Currency: the local currency is an EMU currency (Appln. between Currencies EMU).'),
}).partial();

export const salesReceivablesSetupUpdate = z.strictObject({
  discountPosting: z.enum(['noDiscounts', 'invoiceDiscounts', 'lineDiscounts', 'allDiscounts']),
  creditWarnings: z.enum(['bothWarnings', 'creditLimit', 'overdueBalance', 'noWarning']),
  stockoutWarning: z.boolean(),
  shipmentOnInvoice: z.boolean(),
  returnReceiptOnCreditMemo: z.boolean(),
  invoiceRounding: z.boolean(),
  externalDocumentNoMandatory: z.boolean(),
  defaultPostingDate: z.enum(['workDate', 'noDate']),
  defaultQuantityToShip: z.enum(['remainder', 'blank']),
  calculateInvoiceDiscount: z.boolean(),
  calculateInvoiceDiscountPerVatId: z.boolean(),
  exactCostReversingMandatory: z.boolean(),
  checkPrepaymentWhenPosting: z.boolean(),
  archiveQuotes: z.enum(['never', 'question', 'always']),
  archiveOrders: z.boolean(),
  quoteValidityCalculation: dateFormula(),
  linkDocumentDateToPostingDate: z.boolean(),
  copyCommentsBlanketToOrder: z.boolean(),
  copyCommentsOrderToInvoice: z.boolean(),
  copyCommentsOrderToShipment: z.boolean(),
  copyCommentsReturnOrderToReturnReceipt: z.boolean(),
  copyCommentsReturnOrderToCreditMemo: z.boolean(),
  allowVatDifference: z.boolean(),
  applicationBetweenCurrencies: z.enum(['none', 'emu', 'all']),
  customerNos: codeReference(), quoteNos: codeReference(), blanketOrderNos: codeReference(), orderNos: codeReference(),
  invoiceNos: codeReference(), creditMemoNos: codeReference(), returnOrderNos: codeReference(),
  postedInvoiceNos: codeReference(), postedCreditMemoNos: codeReference(), postedShipmentNos: codeReference(),
  postedReturnReceiptNos: codeReference(), postedPrepaymentInvoiceNos: codeReference(),
  postedPrepaymentCreditMemoNos: codeReference(), reminderNos: codeReference(), financeChargeMemoNos: codeReference(),
}).partial();

export const inventorySetupUpdate = z.strictObject({
  automaticCostPosting: z.boolean(),
  expectedCostPostingToGl: z.boolean(),
  locationMandatory: z.boolean(),
  defaultLocationCode: codeReference(10),
  preventNegativeInventory: z.boolean(),
  outboundWarehouseHandlingTime: dateFormula(),
  inboundWarehouseHandlingTime: dateFormula(),
  itemNos: codeReference(),
  /** BC's Assembly Setup (spec §15.3). */
  assemblyQuoteNos: codeReference(),
  assemblyOrderNos: codeReference(),
  blanketAssemblyOrderNos: codeReference(),
  postedAssemblyOrderNos: codeReference(),
}).partial();

export const purchasesPayablesSetupUpdate = z.strictObject({
  discountPosting: z.enum(['noDiscounts', 'invoiceDiscounts', 'lineDiscounts', 'allDiscounts']),
  receiptOnInvoice: z.boolean(),
  returnShipmentOnCreditMemo: z.boolean(),
  externalDocumentNoMandatory: z.boolean().describe('Ext. Doc. No. Mandatory: an invoice needs its Vendor Invoice No., a credit memo its Vendor Cr. Memo No.'),
  defaultQuantityToReceive: z.enum(['remainder', 'blank']),
  calculateInvoiceDiscount: z.boolean(),
  exactCostReversingMandatory: z.boolean(),
  applicationBetweenCurrencies: z.enum(['none', 'emu', 'all']),
  vendorNos: codeReference(), quoteNos: codeReference(), orderNos: codeReference(), invoiceNos: codeReference(),
  creditMemoNos: codeReference(), returnOrderNos: codeReference(), postedReceiptNos: codeReference(), postedInvoiceNos: codeReference(),
  postedCreditMemoNos: codeReference(), postedReturnShipmentNos: codeReference(),
}).partial();

export const noSeriesSchemas = recordSchemas({ code: code() }, {
  description: text(100),
  defaultNos: z.boolean(),
  manualNos: z.boolean(),
  dateOrder: z.boolean(),
  allowGaps: z.boolean(),
});

/** A series number: at most 20 characters, with digits to count on. */
const seriesNumber = () => requiredText(20).transform((value) => value.toUpperCase())
  .refine((value) => /\d/.test(value), 'must contain digits to increment');
const optionalSeriesNumber = () => z.union([seriesNumber(), z.null(), z.literal('')]).transform((value) => value || null);

export const noSeriesLineSchemas = recordSchemas({ lineNo: integerField({ min: 1 }).optional() }, {
  startingDate: optionalIsoDate(),
  startingNo: seriesNumber(),
  endingNo: optionalSeriesNumber(),
  warningNo: optionalSeriesNumber(),
  incrementBy: integerField({ min: 1, max: 1000 }),
  lastNoUsed: optionalSeriesNumber(),
  lastDateUsed: optionalIsoDate(),
  open: z.boolean(),
}, ['startingNo']);
