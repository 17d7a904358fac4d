import { z } from 'zod';
import { addressFields, code, codeReference, recordSchemas, requiredText, text } from './fields.ts';

export const vendorSchemas = recordSchemas({ no: code().optional() }, {
  name: requiredText(100), name2: text(50), ...addressFields(), contact: text(100),
  vendorPostingGroup: codeReference(),
  genBusPostingGroup: codeReference(),
  vatBusPostingGroup: codeReference(),
  paymentTermsCode: codeReference(),
  paymentMethodCode: codeReference(),
  currencyCode: codeReference(),
  blocked: z.enum(['none', 'payment', 'all']),
  vatRegistrationNo: text(20),
  applicationMethod: z.enum(['manual', 'applyToOldest']),
  blockPaymentTolerance: z.boolean(),
}, ['name']);
