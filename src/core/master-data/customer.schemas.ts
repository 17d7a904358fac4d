import { z } from 'zod';
import {
  addressFields, amount, code, codeReference, dateFormula, prepaymentPercent, recordSchemas, requiredText, text,
} from './fields.ts';
import { electronicAddress, electronicAddressScheme } from './electronic-address.ts';

export const customerBlockedValues = ['none', 'ship', 'invoice', 'all'] as const;

const namedAddressFields = () => ({ name2: text(50), ...addressFields(), county: text(30), contact: text(100) });

export const customerSchemas = recordSchemas({ no: code().optional() }, {
  name: requiredText(100),
  ...namedAddressFields(),
  searchName: text(100),
  billToCustomerNo: codeReference(),
  customerPostingGroup: codeReference(),
  genBusPostingGroup: codeReference(),
  vatBusPostingGroup: codeReference(),
  paymentTermsCode: codeReference(),
  paymentMethodCode: codeReference(),
  currencyCode: codeReference(),
  creditLimitLcy: amount({ min: '0' }),
  blocked: z.enum(customerBlockedValues),
  invoiceDiscountCode: text(20).transform((value) => value.toUpperCase()),
  customerPriceGroup: codeReference(),
  customerDiscountGroup: codeReference(),
  allowLineDiscount: z.boolean(),
  pricesIncludingVat: z.boolean(),
  locationCode: codeReference(),
  shippingAdvice: z.enum(['partial', 'complete']),
  shipmentMethodCode: codeReference(),
  shippingAgentCode: codeReference(),
  shippingAgentServiceCode: text(10).transform((value) => value.toUpperCase()),
  shippingTime: dateFormula(),
  baseCalendarCode: codeReference(10),
  combineShipments: z.boolean(),
  applicationMethod: z.enum(['manual', 'applyToOldest']),
  blockPaymentTolerance: z.boolean(),
  salespersonCode: codeReference(),
  documentSendingProfile: text(20).transform((value) => value.toUpperCase()),
  reserve: z.enum(['never', 'optional', 'always']),
  prepaymentPercent: prepaymentPercent(),
  vatRegistrationNo: text(20),
  gln: text(13).refine((value) => value === '' || /^\d{13}$/.test(value), 'must be a 13-digit GLN'),
  electronicAddress: electronicAddress(),
  electronicAddressScheme: electronicAddressScheme(),
  languageCode: text(10).transform((value) => value.toUpperCase()),
}, ['name']);

export const shipToAddressSchemas = recordSchemas({ code: code(10) }, {
  name: requiredText(100),
  ...namedAddressFields(),
  locationCode: codeReference(),
  shipmentMethodCode: codeReference(),
  shippingAgentCode: codeReference(),
}, ['name']);

export const customerPriceGroupSchemas = recordSchemas({ code: code(10) }, {
  description: text(100),
  priceIncludesVat: z.boolean(),
  vatBusPostingGroup: codeReference(),
  allowLineDiscount: z.boolean(),
  allowInvoiceDiscount: z.boolean(),
});

export const customerDiscountGroupSchemas = recordSchemas({ code: code() }, { description: text(100) });
