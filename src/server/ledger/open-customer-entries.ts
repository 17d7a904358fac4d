/**
 * The open customer entry an application names (spec §20.3), loaded and locked for the posting
 * that plans the application (core/receivables/customer-application.ts); appendPosting writes it.
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import { customerLedgerEntry } from '../db/schema/index.ts';

type EntryRow = typeof customerLedgerEntry.$inferSelect;

/** The open entry of a posted document of the customer, locked for the application; null when there is none. */
export async function findOpenCustomerEntry(tx: Executor, customerNo: string, documentType: string, documentNo: string): Promise<EntryRow | null> {
  const [row] = await tx.select().from(customerLedgerEntry).where(and(
    eq(customerLedgerEntry.customerNo, customerNo), eq(customerLedgerEntry.documentType, documentType),
    eq(customerLedgerEntry.documentNo, documentNo), eq(customerLedgerEntry.open, true),
  )).for('update');
  return row ?? null;
}
