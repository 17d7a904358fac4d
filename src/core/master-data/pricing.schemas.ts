import { z } from 'zod';
import { amount, code, codeReference, optionalIsoDate, percent, prepaymentPercent, quantity, text, unitAmount } from './fields.ts';

/** '' is the local currency, as on Business Central agreements. */
const agreementCurrency = () => z.string().trim().transform((value) => value.toUpperCase())
  .refine((value) => value === '' || /^[A-Z]{3}$/.test(value), 'must be blank (local currency) or a three-letter currency code');
const optionalCode = (max = 20) => text(max).transform((value) => value.toUpperCase());

const agreementWindow = {
  startingDate: optionalIsoDate(),
  endingDate: optionalIsoDate(),
  currencyCode: agreementCurrency(),
  variantCode: optionalCode(10),
  unitOfMeasureCode: optionalCode(10),
  minimumQuantity: quantity({ min: '0' }),
};

const salesPriceFields = {
  ...agreementWindow,
  unitPrice: unitAmount({ min: '0' }),
  priceIncludesVat: z.boolean(),
  vatBusPostingGroupPrice: codeReference(),
  allowInvoiceDiscount: z.boolean(),
  allowLineDiscount: z.boolean(),
};

export const salesPriceSchemas = {
  create: z.strictObject({
    itemNo: code(),
    salesType: z.enum(['customer', 'customerPriceGroup', 'allCustomers', 'campaign']),
    salesCode: optionalCode().optional(),
    ...Object.fromEntries(Object.entries(salesPriceFields).map(([name, schema]) => [name, name === 'unitPrice' ? schema : schema.optional()])),
  }),
  update: z.strictObject(salesPriceFields).partial(),
};

const lineDiscountFields = { ...agreementWindow, lineDiscountPercent: percent() };

export const salesLineDiscountSchemas = {
  create: z.strictObject({
    type: z.enum(['item', 'itemDiscountGroup']),
    code: code(),
    salesType: z.enum(['customer', 'customerDiscountGroup', 'allCustomers', 'campaign']),
    salesCode: optionalCode().optional(),
    ...Object.fromEntries(Object.entries(lineDiscountFields).map(([name, schema]) => [name, name === 'lineDiscountPercent' ? schema : schema.optional()])),
  }),
  update: z.strictObject(lineDiscountFields).partial(),
};

const invoiceDiscountFields = { discountPercent: percent(), serviceCharge: amount({ min: '0' }) };

export const customerInvoiceDiscountSchemas = {
  create: z.strictObject({
    code: code(),
    currencyCode: agreementCurrency().optional(),
    minimumAmount: amount({ min: '0' }).optional(),
    discountPercent: percent().optional(),
    serviceCharge: amount({ min: '0' }).optional(),
  }),
  update: z.strictObject(invoiceDiscountFields).partial(),
};

const purchaseAgreement = { ...agreementWindow };

/** Purchase Price and Purchase Line Discount: per item and vendor (BC). */
export const purchasePriceSchemas = {
  create: z.strictObject({
    itemNo: code(), vendorNo: code(), directUnitCost: unitAmount({ min: '0' }),
    ...Object.fromEntries(Object.entries(purchaseAgreement).map(([name, schema]) => [name, schema.optional()])),
  }),
  update: z.strictObject({ ...purchaseAgreement, directUnitCost: unitAmount({ min: '0' }) }).partial(),
};

export const purchaseLineDiscountSchemas = {
  create: z.strictObject({
    itemNo: code(), vendorNo: code(), lineDiscountPercent: percent(),
    ...Object.fromEntries(Object.entries(purchaseAgreement).map(([name, schema]) => [name, schema.optional()])),
  }),
  update: z.strictObject({ ...purchaseAgreement, lineDiscountPercent: percent() }).partial(),
};

/** Sales Prepayment % (spec §26.1): an item's prepayment percentage for a customer, a customer price group or all customers. */
export const salesPrepaymentPercentSchemas = {
  create: z.strictObject({
    itemNo: code(),
    salesType: z.enum(['customer', 'customerPriceGroup', 'allCustomers']),
    salesCode: optionalCode().optional(),
    startingDate: optionalIsoDate().optional(),
    endingDate: optionalIsoDate().optional(),
    prepaymentPercent: prepaymentPercent(),
  }),
  update: z.strictObject({ endingDate: optionalIsoDate(), prepaymentPercent: prepaymentPercent() }).partial(),
};
