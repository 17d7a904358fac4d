/**
 * General journals kept between requests (BC's Gen. Journal Template, Gen. Journal Batch and Gen.
 * Journal Line; spec §20.2 item 1): templates say what a journal is for and which source code its
 * entries carry, batches hold a clerk's lines with their number series and balancing account, and
 * lines are mutable drafts until the batch is posted (and its lines deleted).
 */
import { foreignKey, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { journalTemplateTypes } from '../../../core/journal/journal-batch.ts';
import { journalAccountTypes, journalDocumentTypes } from '../../../core/journal/journal-line.ts';
import { amount, calendarDate, currencyFactor, percent, recordColumns } from './columns.ts';
import { noSeries } from './number-series.ts';
import { allowedValues } from './type-columns.ts';

export const generalJournalTemplate = pgTable('general_journal_template', {
  name: text().primaryKey(),
  description: text().notNull().default(''),
  type: text().notNull().default('general'),
  sourceCode: text().notNull().default('GENJNL'),
  ...recordColumns(),
}, (t) => [allowedValues(t.type, journalTemplateTypes)]);

export const generalJournalBatch = pgTable('general_journal_batch', {
  journalTemplateName: text().notNull().references(() => generalJournalTemplate.name, { onDelete: 'cascade' }),
  name: text().notNull(),
  description: text().notNull().default(''),
  /** The series new lines take their document no. from and posting draws them from. */
  noSeriesCode: text().references(() => noSeries.code),
  /** Given to each new line: the balancing account of a cash receipts batch is its bank account. */
  balAccountType: text(),
  balAccountNo: text(),
  ...recordColumns(),
}, (t) => [
  primaryKey({ columns: [t.journalTemplateName, t.name] }),
  allowedValues(t.balAccountType, journalAccountTypes),
]);

/** The fields of the general journal's line input (core/journal/general-journal.schemas.ts), kept as sent. */
export const generalJournalLine = pgTable('general_journal_line', {
  journalTemplateName: text().notNull(),
  journalBatchName: text().notNull(),
  lineNo: integer().notNull(),
  postingDate: calendarDate().notNull(),
  documentType: text().notNull().default(''),
  documentNo: text().notNull().default(''),
  externalDocumentNo: text().notNull().default(''),
  documentDate: calendarDate(),
  accountType: text().notNull(),
  accountNo: text().notNull().default(''),
  description: text().notNull().default(''),
  /** null = local currency. */
  currencyCode: text(),
  /** null = from the exchange rate of the posting date, at posting. */
  currencyFactor: currencyFactor(),
  amount: amount().notNull().default('0'),
  /** null = Amount / Currency Factor, at posting. */
  amountLcy: amount(),
  balAccountType: text(),
  balAccountNo: text().notNull().default(''),
  appliesToDocType: text(),
  appliesToDocNo: text(),
  appliesToId: text(),
  dueDate: calendarDate(),
  paymentDiscountDate: calendarDate(),
  paymentDiscountPercent: percent(),
  ...recordColumns(),
}, (t) => [
  primaryKey({ name: 'general_journal_line_pk', columns: [t.journalTemplateName, t.journalBatchName, t.lineNo] }),
  foreignKey({
    columns: [t.journalTemplateName, t.journalBatchName], foreignColumns: [generalJournalBatch.journalTemplateName, generalJournalBatch.name],
    name: 'general_journal_line_batch_fk',
  }).onDelete('cascade'),
  allowedValues(t.documentType, journalDocumentTypes),
  allowedValues(t.accountType, journalAccountTypes),
  allowedValues(t.balAccountType, journalAccountTypes),
  allowedValues(t.appliesToDocType, journalDocumentTypes),
]);
