/**
 * Receivables working data (spec §20.2 item 3, §20.3). Applies-to ID and Amount to Apply live on
 * the entry in BC; here they are a mutable mark beside the append-only customer ledger entry, so
 * preparing an application never touches the books. A reversal is recorded once per transaction
 * instead of flagging each of its entries Reversed.
 */
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { amount } from './columns.ts';
import { customerLedgerEntry, glRegister } from './ledgers.ts';

/** Apply Entries: the entries marked with an Applies-to ID and how much of each to apply. */
export const customerEntryApplyMark = pgTable('customer_entry_apply_mark', {
  customerLedgerEntryNo: integer().primaryKey().references(() => customerLedgerEntry.entryNo),
  appliesToId: text().notNull(),
  /** Document currency, the entry's sign; 0 = the whole remaining amount. */
  amountToApply: amount().notNull().default('0'),
  userId: text().notNull().default(''),
  markedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [index('customer_entry_apply_mark_id').on(t.appliesToId)]);

/** Reverse Transaction (spec §20.3): the transaction reversed and the one whose entries reverse it. */
export const transactionReversal = pgTable('transaction_reversal', {
  transactionNo: integer().primaryKey().references(() => glRegister.no),
  reversedByTransactionNo: integer().notNull().unique().references(() => glRegister.no),
  userId: text().notNull().default(''),
  reversedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
