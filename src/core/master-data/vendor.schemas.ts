import { z } from 'zod';
import { code, codeReference, countryRegionCode, email, recordSchemas, requiredText, text } from './fields.ts';

export const vendorSchemas = recordSchemas({ no: code().optional() }, {
  name: requiredText(100), name2: text(50), address: text(100), address2: text(50), city: text(30), postCode: text(20),
  countryRegionCode: countryRegionCode(), phoneNo: text(30), email: email(), contact: text(100),
  vendorPostingGroup: codeReference(),
  genBusPostingGroup: codeReference(),
  vatBusPostingGroup: codeReference(),
  paymentTermsCode: codeReference(),
  paymentMethodCode: codeReference(),
  currencyCode: codeReference(),
  blocked: z.enum(['none', 'payment', 'all']),
  vatRegistrationNo: text(20),
}, ['name']);
