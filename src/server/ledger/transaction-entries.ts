/**
 * Every row one posting transaction wrote, ledger by ledger: what Preview Posting shows before it
 * rolls back (DESIGN §4), and what a posting reports it did.
 */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import {
  customerLedgerEntry, detailedCustomerLedgerEntry, glEntry, itemApplicationEntry, itemLedgerEntry, postedSalesHeader, valueEntry, vatEntry,
} from '../db/schema/index.ts';

export async function transactionEntries(tx: Executor, transactionNo: number) {
  return {
    postedDocuments: await tx.select({ documentType: postedSalesHeader.documentType, no: postedSalesHeader.no, amount: postedSalesHeader.amount, amountIncludingVat: postedSalesHeader.amountIncludingVat })
      .from(postedSalesHeader).where(eq(postedSalesHeader.transactionNo, transactionNo)).orderBy(asc(postedSalesHeader.documentType)),
    glEntries: await tx.select().from(glEntry).where(eq(glEntry.transactionNo, transactionNo)).orderBy(asc(glEntry.entryNo)),
    vatEntries: await tx.select().from(vatEntry).where(eq(vatEntry.transactionNo, transactionNo)).orderBy(asc(vatEntry.entryNo)),
    customerLedgerEntries: await tx.select().from(customerLedgerEntry).where(eq(customerLedgerEntry.transactionNo, transactionNo)).orderBy(asc(customerLedgerEntry.entryNo)),
    detailedCustomerLedgerEntries: await tx.select().from(detailedCustomerLedgerEntry)
      .where(eq(detailedCustomerLedgerEntry.transactionNo, transactionNo)).orderBy(asc(detailedCustomerLedgerEntry.entryNo)),
    itemLedgerEntries: await tx.select().from(itemLedgerEntry).where(eq(itemLedgerEntry.transactionNo, transactionNo)).orderBy(asc(itemLedgerEntry.entryNo)),
    valueEntries: await tx.select().from(valueEntry).where(eq(valueEntry.transactionNo, transactionNo)).orderBy(asc(valueEntry.entryNo)),
    itemApplicationEntries: await tx.select().from(itemApplicationEntry)
      .where(eq(itemApplicationEntry.transactionNo, transactionNo)).orderBy(asc(itemApplicationEntry.entryNo)),
  };
}

export type TransactionEntries = Awaited<ReturnType<typeof transactionEntries>>;

/** Thrown inside a transaction to roll it back while carrying out what it saw. */
export class PreviewRollback<T> extends Error {
  constructor(readonly result: T) {
    super('preview rolled back');
  }
}

/** Runs `work` in a transaction that is always rolled back, and returns what it produced. */
export async function inRolledBackTransaction<T>(db: Executor, work: (tx: Executor) => Promise<T>): Promise<T> {
  try {
    await db.transaction(async (tx) => {
      throw new PreviewRollback(await work(tx as Executor));
    });
  } catch (error) {
    if (error instanceof PreviewRollback) return error.result as T;
    throw error;
  }
  throw new Error('unreachable: the preview transaction always rolls back');
}
