/** Bank accounts (spec §1.6, §22.1): the master data bank account ledger entries and reconciliations refer to. */
import { pgTable, text } from 'drizzle-orm/pg-core';
import { flag, recordColumns } from './columns.ts';
import { glAccount } from './accounts.ts';
import { currency } from './logistics.ts';

/** Which G/L account a bank account's entries post to. */
export const bankAccountPostingGroup = pgTable('bank_account_posting_group', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  glAccountNo: text().references(() => glAccount.no),
  ...recordColumns(),
});

export const bankAccount = pgTable('bank_account', {
  no: text().primaryKey(),
  name: text().notNull(),
  bankAccountNo: text().notNull().default(''),
  iban: text().notNull().default(''),
  swiftCode: text().notNull().default(''),
  /** null = LCY. */
  currencyCode: text().references(() => currency.code),
  bankAccPostingGroup: text().references(() => bankAccountPostingGroup.code),
  blocked: flag(),
  ...recordColumns(),
});
