import { boolean, pgTable, text } from 'drizzle-orm/pg-core';
import { addressColumns, recordColumns } from './columns.ts';
import { genBusinessPostingGroup, vatBusinessPostingGroup } from './posting-groups.ts';
import { vendorPostingGroup } from './posting-setup.ts';
import { currency, paymentMethod, paymentTerms } from './logistics.ts';

export const vendor = pgTable('vendor', {
  no: text().primaryKey(),
  name: text().notNull(),
  name2: text().notNull().default(''),
  ...addressColumns(),
  contact: text().notNull().default(''),
  vendorPostingGroup: text().references(() => vendorPostingGroup.code),
  genBusPostingGroup: text().references(() => genBusinessPostingGroup.code),
  vatBusPostingGroup: text().references(() => vatBusinessPostingGroup.code),
  paymentTermsCode: text().references(() => paymentTerms.code),
  paymentMethodCode: text().references(() => paymentMethod.code),
  currencyCode: text().references(() => currency.code),
  blocked: text().notNull().default('none'),
  vatRegistrationNo: text().notNull().default(''),
  /** As a customer's (spec §20.3): manual, or apply payments to the oldest open entries. */
  applicationMethod: text().notNull().default('manual'),
  blockPaymentTolerance: boolean().notNull().default(false),
  ...recordColumns(),
});
