/** Bank accounts (spec §1.6, §22.1): the master data bank account ledger entries and reconciliations refer to. */
import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { amount, flag, recordColumns } from './columns.ts';
import { allowedValues } from './type-columns.ts';
import { glAccount } from './accounts.ts';
import { currency } from './logistics.ts';

/** Which G/L account a bank account's entries post to. */
export const bankAccountPostingGroup = pgTable('bank_account_posting_group', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  glAccountNo: text().references(() => glAccount.no),
  ...recordColumns(),
});

/** Apply Automatically's tolerance around a statement amount: ± an amount or ± a percentage. */
export const matchToleranceTypes = ['amount', 'percentage'] as const;

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
  /** Apply Automatically's amount range around a statement amount (spec §22.3): an amount or a percentage. */
  matchToleranceType: text().notNull().default('amount'),
  matchToleranceValue: amount().notNull().default('0'),
  /** A new payment reconciliation journal takes the next statement no. after this one (BC's Last Payment Statement No.). */
  lastPaymentStatementNo: text().notNull().default(''),
  lastStatementNo: text().notNull().default(''),
  balanceLastStatement: amount().notNull().default('0'),
  /** The saved column mapping for CSV statements of this bank (core/bank/statement). */
  statementCsvMapping: jsonb(),
  ...recordColumns(),
}, (t) => [allowedValues(t.matchToleranceType, matchToleranceTypes)]);
