import { z } from 'zod';
import { customerSchemas } from './customer.schemas.ts';
import { code, recordSchemas, text } from './fields.ts';

/**
 * The customer fields a Customer Template (BC "Customer Templ.") fills on a new customer: posting
 * groups, terms, currency, country and the rest of the defaults of one kind of customer (domestic,
 * EU, export). A field the new customer's request gives explicitly wins over the template's value.
 */
export const customerTemplateFields = [
  'customerPostingGroup', 'genBusPostingGroup', 'vatBusPostingGroup',
  'paymentTermsCode', 'paymentMethodCode', 'currencyCode', 'countryRegionCode',
  'pricesIncludingVat', 'allowLineDiscount', 'invoiceDiscountCode', 'customerPriceGroup', 'customerDiscountGroup',
  'shipmentMethodCode', 'shippingAdvice', 'locationCode', 'combineShipments', 'creditLimitLcy', 'languageCode',
  'salespersonCode', 'documentSendingProfile', 'reserve', 'applicationMethod', 'prepaymentPercent', 'blocked',
] as const;

export type CustomerTemplateField = (typeof customerTemplateFields)[number];

const customerFieldShape = customerSchemas.update.shape as Record<string, z.ZodType>;

export const customerTemplateSchemas = recordSchemas({ code: code(20) }, {
  description: text(100),
  ...Object.fromEntries(customerTemplateFields.map((field) => [field, unwrapOptional(customerFieldShape[field]!)])),
});

/** customerSchemas.update is `.partial()`: its fields are optional; recordSchemas adds that again where needed. */
function unwrapOptional(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
}

/** POST /customers/fromTemplate: a template's code, then any customer field, which wins over the template. */
export const customerFromTemplateSchema = customerSchemas.create.extend({ templateCode: code(20) });
