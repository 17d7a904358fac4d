import { z } from 'zod';
import { decimalText } from '../api/wire.schemas.ts';
import { customerBlockedValues } from './customer.schemas.ts';
import { costingMethods, itemTypes } from './item.schemas.ts';
import { salesReceivablesSetupUpdate } from './setup.schemas.ts';

/**
 * Master-data records as the API answers them, in the fields the web app reads. The API sends every
 * column of the record (GET /api/v1/openapi.json); test/web/api/api-types.test.ts checks that each
 * field here is one of them, with the same wire type.
 */

const version = () => z.number().int();

export const customerView = z.object({
  no: z.string(),
  name: z.string(),
  name2: z.string(),
  address: z.string(),
  address2: z.string(),
  postCode: z.string(),
  city: z.string(),
  countryRegionCode: z.string(),
  phoneNo: z.string(),
  email: z.string(),
  contact: z.string(),
  vatRegistrationNo: z.string(),
  customerPostingGroup: z.string().nullable(),
  genBusPostingGroup: z.string().nullable(),
  vatBusPostingGroup: z.string().nullable(),
  paymentTermsCode: z.string().nullable(),
  paymentMethodCode: z.string().nullable(),
  customerPriceGroup: z.string().nullable(),
  customerDiscountGroup: z.string().nullable(),
  salespersonCode: z.string().nullable(),
  currencyCode: z.string().nullable(),
  locationCode: z.string().nullable(),
  /** Spec §16.1: the days the customer receives goods. */
  baseCalendarCode: z.string().nullable().optional(),
  creditLimitLcy: decimalText(),
  blocked: z.enum(customerBlockedValues),
  pricesIncludingVat: z.boolean(),
  allowLineDiscount: z.boolean(),
  /** Spec §26.1: the default Prepayment % of the orders this customer is billed for. */
  prepaymentPercent: decimalText(),
  version: version(),
});

export const itemView = z.object({
  no: z.string(),
  description: z.string(),
  description2: z.string(),
  type: z.enum(itemTypes),
  baseUnitOfMeasure: z.string(),
  salesUnitOfMeasure: z.string().nullable(),
  unitPrice: decimalText(),
  priceIncludesVat: z.boolean(),
  unitCost: decimalText(),
  costingMethod: z.enum(costingMethods),
  genProdPostingGroup: z.string().nullable(),
  vatProdPostingGroup: z.string().nullable(),
  inventoryPostingGroup: z.string().nullable(),
  itemDiscountGroup: z.string().nullable(),
  allowInvoiceDiscount: z.boolean(),
  blocked: z.boolean(),
  salesBlocked: z.boolean(),
  vendorNo: z.string().nullable(),
  vendorItemNo: z.string(),
  gtin: z.string(),
  version: version(),
});

export const itemUnitOfMeasureView = z.object({ code: z.string(), quantityPerUnitOfMeasure: decimalText() });

/**
 * A record of a code table (payment terms, posting groups, locations …) as a lookup shows it: its
 * code and the describing text, which most tables call `description` and a few `name`.
 */
export const codeRecordView = z.object({ code: z.string(), description: z.string().optional(), name: z.string().optional() });

export const salesReceivablesSetupView = z.object({ archiveQuotes: salesReceivablesSetupUpdate.shape.archiveQuotes.unwrap() });
