import { boolean, pgTable, primaryKey, text, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { addressColumns, amount, dateFormula, flag, percent, recordColumns } from './columns.ts';
import { baseCalendar } from './availability.ts';
import { genBusinessPostingGroup, vatBusinessPostingGroup } from './posting-groups.ts';
import { customerPostingGroup } from './posting-setup.ts';
import {
  currency, location, paymentMethod, paymentTerms, salespersonPurchaser, shipmentMethod, shippingAgent,
} from './logistics.ts';

export const customerPriceGroup = pgTable('customer_price_group', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  priceIncludesVat: flag(),
  vatBusPostingGroup: text().references(() => vatBusinessPostingGroup.code),
  allowLineDiscount: boolean().notNull().default(true),
  allowInvoiceDiscount: boolean().notNull().default(true),
  ...recordColumns(),
});

export const customerDiscountGroup = pgTable('customer_discount_group', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  ...recordColumns(),
});

const namedAddressColumns = () => ({
  name: text().notNull(),
  name2: text().notNull().default(''),
  ...addressColumns(),
  county: text().notNull().default(''),
  contact: text().notNull().default(''),
});

export const customer = pgTable('customer', {
  no: text().primaryKey(),
  ...namedAddressColumns(),
  searchName: text().notNull().default(''),
  billToCustomerNo: text().references((): AnyPgColumn => customer.no),
  customerPostingGroup: text().references(() => customerPostingGroup.code),
  genBusPostingGroup: text().references(() => genBusinessPostingGroup.code),
  vatBusPostingGroup: text().references(() => vatBusinessPostingGroup.code),
  paymentTermsCode: text().references(() => paymentTerms.code),
  paymentMethodCode: text().references(() => paymentMethod.code),
  currencyCode: text().references(() => currency.code),
  creditLimitLcy: amount().notNull().default('0'),
  blocked: text().notNull().default('none'),
  invoiceDiscountCode: text().notNull().default(''),
  customerPriceGroup: text().references(() => customerPriceGroup.code),
  customerDiscountGroup: text().references(() => customerDiscountGroup.code),
  allowLineDiscount: boolean().notNull().default(true),
  pricesIncludingVat: flag(),
  locationCode: text().references(() => location.code),
  shippingAdvice: text().notNull().default('partial'),
  shipmentMethodCode: text().references(() => shipmentMethod.code),
  shippingAgentCode: text().references(() => shippingAgent.code),
  shippingAgentServiceCode: text().notNull().default(''),
  shippingTime: dateFormula(),
  baseCalendarCode: text().references(() => baseCalendar.code),
  combineShipments: flag(),
  applicationMethod: text().notNull().default('manual'),
  blockPaymentTolerance: flag(),
  salespersonCode: text().references(() => salespersonPurchaser.code),
  documentSendingProfile: text().notNull().default(''),
  reserve: text().notNull().default('optional'),
  prepaymentPercent: percent().notNull().default('0'),
  vatRegistrationNo: text().notNull().default(''),
  /** Global Location Number, the Peppol endpoint of many buyers. */
  gln: text().notNull().default(''),
  /** Peppol electronic address (EN 16931 BT-49): endpoint ID and its EAS scheme; blank uses the GLN (scheme 0088). */
  electronicAddress: text().notNull().default(''),
  electronicAddressScheme: text().notNull().default(''),
  languageCode: text().notNull().default(''),
  ...recordColumns(),
});

export const shipToAddress = pgTable(
  'ship_to_address',
  {
    customerNo: text().notNull().references(() => customer.no, { onDelete: 'cascade' }),
    code: text().notNull(),
    ...namedAddressColumns(),
    locationCode: text().references(() => location.code),
    shipmentMethodCode: text().references(() => shipmentMethod.code),
    shippingAgentCode: text().references(() => shippingAgent.code),
    ...recordColumns(),
  },
  (t) => [primaryKey({ columns: [t.customerNo, t.code] })],
);

/** BC's Customer Templ.: the defaults a new customer of one kind gets (posting groups, terms …). */
export const customerTemplate = pgTable('customer_template', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  customerPostingGroup: text().references(() => customerPostingGroup.code),
  genBusPostingGroup: text().references(() => genBusinessPostingGroup.code),
  vatBusPostingGroup: text().references(() => vatBusinessPostingGroup.code),
  paymentTermsCode: text().references(() => paymentTerms.code),
  paymentMethodCode: text().references(() => paymentMethod.code),
  currencyCode: text().references(() => currency.code),
  countryRegionCode: text().notNull().default(''),
  pricesIncludingVat: flag(),
  allowLineDiscount: boolean().notNull().default(true),
  invoiceDiscountCode: text().notNull().default(''),
  customerPriceGroup: text().references(() => customerPriceGroup.code),
  customerDiscountGroup: text().references(() => customerDiscountGroup.code),
  shipmentMethodCode: text().references(() => shipmentMethod.code),
  shippingAdvice: text().notNull().default('partial'),
  locationCode: text().references(() => location.code),
  combineShipments: flag(),
  creditLimitLcy: amount().notNull().default('0'),
  languageCode: text().notNull().default(''),
  salespersonCode: text().references(() => salespersonPurchaser.code),
  documentSendingProfile: text().notNull().default(''),
  reserve: text().notNull().default('optional'),
  applicationMethod: text().notNull().default('manual'),
  prepaymentPercent: percent().notNull().default('0'),
  blocked: text().notNull().default('none'),
  ...recordColumns(),
});
