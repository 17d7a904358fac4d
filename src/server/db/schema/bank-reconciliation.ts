/**
 * Payment reconciliation journal (spec §22.1, BC's Bank Acc. Reconciliation of type Payment
 * Application): a statement per bank account, its lines (imported or typed) and the open entries
 * each line is applied to; text-to-account mappings and the matching rules Apply Automatically uses;
 * the fingerprints of every transaction ever imported, so a file imported twice adds nothing; and
 * the posted statements, kept as they were posted.
 */
import { sql } from 'drizzle-orm';
import { boolean, foreignKey, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bankAccount } from './bank-accounts.ts';
import { customer } from './customers.ts';
import { amount, calendarDate, recordColumns } from './columns.ts';
import { allowedValues } from './type-columns.ts';

export const matchConfidences = ['none', 'low', 'medium', 'high', 'highTextToAccountMapping', 'manual', 'accepted'] as const;
export const reconciliationAccountTypes = ['', 'glAccount', 'customer', 'vendor', 'bankAccount'] as const;

/** A customer's own bank accounts (BC's Customer Bank Account): what "related party Fully" compares a statement's IBAN with. */
export const customerBankAccount = pgTable('customer_bank_account', {
  customerNo: text().notNull().references(() => customer.no, { onDelete: 'cascade' }),
  code: text().notNull(),
  name: text().notNull().default(''),
  bankAccountNo: text().notNull().default(''),
  iban: text().notNull().default(''),
  ...recordColumns(),
}, (t) => [primaryKey({ columns: [t.customerNo, t.code] })]);

export const bankReconciliation = pgTable('bank_reconciliation', {
  bankAccountNo: text().notNull().references(() => bankAccount.no),
  statementNo: text().notNull(),
  statementDate: calendarDate(),
  balanceLastStatement: amount().notNull().default('0'),
  statementEndingBalance: amount().notNull().default('0'),
  ...recordColumns(),
}, (t) => [primaryKey({ name: 'bank_reconciliation_pk', columns: [t.bankAccountNo, t.statementNo] })]);

/** Statement line fields shared by the open journal line and its posted copy. */
const statementLineColumns = () => ({
  transactionDate: calendarDate().notNull(),
  valueDate: calendarDate(),
  description: text().notNull().default(''),
  transactionText: text().notNull().default(''),
  additionalTransactionInfo: text().notNull().default(''),
  /** Positive = money received. */
  statementAmount: amount().notNull(),
  appliedAmount: amount().notNull().default('0'),
  relatedPartyName: text().notNull().default(''),
  relatedPartyAddress: text().notNull().default(''),
  relatedPartyCity: text().notNull().default(''),
  relatedPartyBankAccountNo: text().notNull().default(''),
  paymentReferenceNo: text().notNull().default(''),
  transactionId: text().notNull().default(''),
  accountType: text().notNull().default(''),
  accountNo: text().notNull().default(''),
  matchConfidence: text().notNull().default('none'),
  /** The score of the rule that matched (higher is better); 0 = none. */
  matchQuality: integer().notNull().default(0),
  /** Why Apply Automatically chose what it chose: the rule, the criteria and the candidates it beat. */
  matchDetails: jsonb(),
});

export const bankReconciliationLine = pgTable('bank_reconciliation_line', {
  bankAccountNo: text().notNull(),
  statementNo: text().notNull(),
  statementLineNo: integer().notNull(),
  ...statementLineColumns(),
  /** The imported transaction's fingerprint; '' for a typed line. */
  fingerprint: text().notNull().default(''),
  ...recordColumns(),
}, (t) => [
  primaryKey({ name: 'bank_reconciliation_line_pk', columns: [t.bankAccountNo, t.statementNo, t.statementLineNo] }),
  foreignKey({ columns: [t.bankAccountNo, t.statementNo], foreignColumns: [bankReconciliation.bankAccountNo, bankReconciliation.statementNo], name: 'bank_reconciliation_line_header_fk' })
    .onDelete('cascade'),
  allowedValues(t.accountType, reconciliationAccountTypes),
  allowedValues(t.matchConfidence, matchConfidences),
]);

/** BC's Applied Payment Entry: one open ledger entry a statement line pays, and how much of it. */
export const appliedPaymentEntry = pgTable('applied_payment_entry', {
  bankAccountNo: text().notNull(),
  statementNo: text().notNull(),
  statementLineNo: integer().notNull(),
  accountType: text().notNull(),
  accountNo: text().notNull(),
  appliesToEntryNo: integer().notNull(),
  /** Money-in positive, like the statement amount. */
  appliedAmount: amount().notNull(),
  appliedPmtDiscount: amount().notNull().default('0'),
  matchConfidence: text().notNull().default('none'),
  quality: integer().notNull().default(0),
}, (t) => [
  primaryKey({ name: 'applied_payment_entry_pk', columns: [t.bankAccountNo, t.statementNo, t.statementLineNo, t.accountType, t.appliesToEntryNo] }),
  foreignKey({
    columns: [t.bankAccountNo, t.statementNo, t.statementLineNo],
    foreignColumns: [bankReconciliationLine.bankAccountNo, bankReconciliationLine.statementNo, bankReconciliationLine.statementLineNo],
    name: 'applied_payment_entry_line_fk',
  }).onDelete('cascade'),
  allowedValues(t.matchConfidence, matchConfidences),
]);

/** Every transaction imported into a bank account, so no file or overlapping statement imports one twice. */
export const importedBankTransaction = pgTable('imported_bank_transaction', {
  bankAccountNo: text().notNull().references(() => bankAccount.no),
  fingerprint: text().notNull(),
  statementNo: text().notNull(),
  statementLineNo: integer().notNull(),
  fileName: text().notNull().default(''),
  importedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [primaryKey({ name: 'imported_bank_transaction_pk', columns: [t.bankAccountNo, t.fingerprint] })]);

/** BC's Text-to-Account Mapping: recurring statement texts (bank fees) and the account they post to. */
export const textToAccountMapping = pgTable('text_to_account_mapping', {
  id: serial().primaryKey(),
  mappingText: text().notNull(),
  /** null = none, as the other account references. */
  debitAccNo: text(),
  creditAccNo: text(),
  balSourceType: text().notNull().default('glAccount'),
  balSourceNo: text(),
  ...recordColumns(),
}, (t) => [
  uniqueIndex('text_to_account_mapping_text').on(sql`upper(${t.mappingText})`),
  allowedValues(t.balSourceType, reconciliationAccountTypes),
]);

/** BC's Bank Pmt. Appl. Rule: which combination of criteria gives which confidence and priority. */
export const paymentApplicationRule = pgTable('payment_application_rule', {
  matchConfidence: text().notNull(),
  priority: integer().notNull(),
  relatedPartyMatched: text().notNull(),
  docNoMatched: text().notNull(),
  amountInclToleranceMatched: text().notNull(),
  reviewRequired: boolean().notNull().default(false),
}, (t) => [primaryKey({ name: 'payment_application_rule_pk', columns: [t.matchConfidence, t.priority] })]);

/** A posted statement (BC's Posted Payment Recon. Hdr): written once, never changed. */
export const postedPaymentReconciliation = pgTable('posted_payment_reconciliation', {
  bankAccountNo: text().notNull().references(() => bankAccount.no),
  statementNo: text().notNull(),
  statementDate: calendarDate(),
  statementEndingBalance: amount().notNull().default('0'),
  reconciled: boolean().notNull(),
  transactionNos: jsonb().notNull(),
  userId: text().notNull().default(''),
  postedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [primaryKey({ name: 'posted_payment_reconciliation_pk', columns: [t.bankAccountNo, t.statementNo] })]);

export const postedPaymentReconciliationLine = pgTable('posted_payment_reconciliation_line', {
  bankAccountNo: text().notNull(),
  statementNo: text().notNull(),
  statementLineNo: integer().notNull(),
  ...statementLineColumns(),
  documentNo: text().notNull().default(''),
  /** The entries the line paid: entry no. and amount. */
  appliedEntries: jsonb().notNull(),
}, (t) => [
  primaryKey({ name: 'posted_payment_reconciliation_line_pk', columns: [t.bankAccountNo, t.statementNo, t.statementLineNo] }),
  foreignKey({
    columns: [t.bankAccountNo, t.statementNo], foreignColumns: [postedPaymentReconciliation.bankAccountNo, postedPaymentReconciliation.statementNo],
    name: 'posted_payment_reconciliation_line_header_fk',
  }),
]);
