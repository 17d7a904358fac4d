import { z } from 'zod';
import {
  addressFields, code, codeReference, currencyCode, dateFormula, decimal, email, exchangeRateAmount, isoDate, percent, recordSchemas,
  roundingPrecision, text,
} from './fields.ts';
import { roundingTypes } from './setup.schemas.ts';

export const locationSchemas = recordSchemas({ code: code(10) }, {
  name: text(100), ...addressFields(), contact: text(100),
  outboundWarehouseHandlingTime: dateFormula(), inboundWarehouseHandlingTime: dateFormula(), baseCalendarCode: codeReference(10),
  requireShipment: z.boolean(), requirePick: z.boolean(), requireReceive: z.boolean(), requirePutAway: z.boolean(),
  binMandatory: z.boolean(), directedPutAwayAndPick: z.boolean(),
});

export const unitOfMeasureSchemas = recordSchemas({ code: code(10) }, {
  description: text(50),
  internationalStandardCode: text(10).transform((value) => value.toUpperCase()),
});

export const shipmentMethodSchemas = recordSchemas({ code: code(10) }, { description: text(100) });
export const shippingAgentSchemas = recordSchemas({ code: code(10) }, { name: text(50), internetAddress: text(250), baseCalendarCode: codeReference(10) });

/** BC's Purchasing Code: on a sales line, buy it for the customer as a drop shipment or a special order (one of the two). */
export const purchasingSchemas = recordSchemas({ code: code(10) }, { description: text(100), dropShipment: z.boolean(), specialOrder: z.boolean() });

export const paymentTermsSchemas = recordSchemas({ code: code(10) }, {
  description: text(100),
  dueDateCalculation: dateFormula(),
  discountDateCalculation: dateFormula(),
  discountPercent: percent(),
  calculatePaymentDiscountOnCreditMemos: z.boolean(),
});

export const paymentMethodSchemas = recordSchemas({ code: code(10) }, {
  description: text(100),
  balancingAccountType: z.enum(['glAccount', 'bankAccount'])
    .describe('Spec §20.8: an invoice with this payment method is paid at posting, into this G/L account (cash, PayPal clearing) or bank account.'),
  balancingAccountNo: codeReference(),
  directDebit: z.boolean(),
});

export const currencySchemas = recordSchemas({ code: currencyCode() }, {
  description: text(30),
  symbol: text(10),
  amountRoundingPrecision: roundingPrecision(),
  unitAmountRoundingPrecision: roundingPrecision(),
  invoiceRoundingPrecision: roundingPrecision(),
  invoiceRoundingType: z.enum(roundingTypes),
  realizedGainsAccount: codeReference(),
  realizedLossesAccount: codeReference(),
  unrealizedGainsAccount: codeReference(),
  unrealizedLossesAccount: codeReference(),
  paymentTolerancePercent: percent()
    .describe("Spec §20.5: the Max. Payment Tolerance of an invoice or credit memo in this currency is this % of its amount, in the currency."),
  maxPaymentToleranceAmount: decimal({ scale: 2, integerDigits: 16, min: '0' })
    .describe('The cap of that tolerance, in the currency; 0 = no cap. Must be rounded to the Amount Rounding Precision.'),
  applnRoundingPrecision: decimal({ scale: 5, integerDigits: 13, min: '0' })
    .describe('Appln. Rounding Precision: a difference up to it closes entries applied across currencies (Appln. Rounding entry); 0 = the G/L setup\'s.'),
  emuCurrency: z.boolean().describe('EMU Currency: may be applied to other EMU currencies when Appln. between Currencies is EMU.'),
});

export const currencyExchangeRateSchemas = recordSchemas({ startingDate: isoDate() }, {
  exchangeRateAmount: exchangeRateAmount(),
  relationalExchangeRateAmount: exchangeRateAmount(),
}, ['relationalExchangeRateAmount']);

export const salespersonPurchaserSchemas = recordSchemas({ code: code() }, {
  name: text(50), email: email(), phoneNo: text(30), commissionPercent: percent(), blocked: z.boolean(),
});
