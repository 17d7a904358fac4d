import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../../src/server/db/connection.ts';
import {
  customer, customerLedgerEntry, detailedCustomerLedgerEntry, glAccount, glEntry, glRegister, postedSalesHeader, postedSalesLine,
} from '../../../src/server/db/schema/index.ts';
import { freshDatabase } from '../../support/database.ts';

// Ledgers and posted documents are append-only (DESIGN §5, migration 0004): the database itself
// refuses to rewrite or remove them, whoever asks.
let database: DatabaseHandle;
let ids: { transactionNo: number; glEntryNo: number; customerEntryNo: number };

beforeEach(async () => {
  database = await freshDatabase();
  const db = database.db;
  await db.insert(glAccount).values([
    { no: '1300', name: 'Receivables', incomeBalance: 'balanceSheet' }, { no: '8000', name: 'Sales', incomeBalance: 'incomeStatement' },
  ]);
  await db.insert(customer).values({ no: 'C', name: 'Customer C' });
  const [register] = await db.insert(glRegister).values({ sourceCode: 'SALES', postingDate: '2026-03-02', documentNo: 'PI0001' }).returning();
  const transactionNo = register!.no;
  const header = { transactionNo, postingDate: '2026-03-02', documentType: 'invoice', documentNo: 'PI0001' };
  // Both sides in one statement: the database refuses to commit an unbalanced transaction (migration 0010).
  const [gl] = await db.insert(glEntry).values([
    { ...header, glAccountNo: '1300', amount: '125.00', debitAmount: '125.00', creditAmount: '0' },
    { ...header, glAccountNo: '8000', amount: '-125.00', debitAmount: '0', creditAmount: '125.00' },
  ]).returning();
  const [entry] = await db.insert(customerLedgerEntry).values({
    ...header, customerNo: 'C', amount: '125.00', amountLcy: '125.00', remainingAmount: '125.00', remainingAmountLcy: '125.00', open: true, positive: true,
  }).returning();
  await db.insert(detailedCustomerLedgerEntry).values({
    customerLedgerEntryNo: entry!.entryNo, entryType: 'initialEntry', transactionNo, postingDate: '2026-03-02', documentType: 'invoice', documentNo: 'PI0001',
    customerNo: 'C', amount: '125.00', amountLcy: '125.00',
  });
  await db.insert(postedSalesHeader).values({
    documentType: 'shipment', no: 'PS0001', sourceDocumentType: 'order', sourceDocumentNo: 'SO0001', sellToCustomerNo: 'C', billToCustomerNo: 'C',
    postingDate: '2026-03-02', transactionNo,
  });
  await db.insert(postedSalesLine).values({
    documentType: 'shipment', documentNo: 'PS0001', lineNo: 10000, type: 'item', no: '1000', sellToCustomerNo: 'C', billToCustomerNo: 'C',
    postingDate: '2026-03-02', quantity: '5', quantityNotInvoiced: '5', unitPrice: '100', sourceDocumentType: 'order', sourceDocumentNo: 'SO0001', sourceLineNo: 10000,
  });
  ids = { transactionNo, glEntryNo: gl!.entryNo, customerEntryNo: entry!.entryNo };
});
afterEach(() => database.close());

/** The database's refusal, whether the driver reports it directly or drizzle wraps it (the cause holds PostgreSQL's message). */
async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const messages: string[] = [];
    for (let current: unknown = error; current instanceof Error; current = current.cause) messages.push(current.message);
    return messages.join(' / ');
  }
  throw new Error('the statement was not refused');
}

const shipmentLine = and(eq(postedSalesLine.documentType, 'shipment'), eq(postedSalesLine.documentNo, 'PS0001'), eq(postedSalesLine.lineNo, 10000));

describe('append-only ledgers and posted documents', () => {
  it('refuse an UPDATE of an amount on a table with derived columns (customer entry, posted line)', async () => {
    const db = database.db;
    expect(await refusal(db.update(customerLedgerEntry).set({ amount: '1.00' }).where(eq(customerLedgerEntry.entryNo, ids.customerEntryNo)))).toMatch(/LEDGER_IMMUTABLE/);
    expect(await refusal(db.update(postedSalesLine).set({ unitPrice: '1' }).where(shipmentLine))).toMatch(/LEDGER_IMMUTABLE/);
    // An allowed column does not smuggle a forbidden one through.
    expect(await refusal(db.update(customerLedgerEntry).set({ open: false, amountLcy: '0' }).where(eq(customerLedgerEntry.entryNo, ids.customerEntryNo))))
      .toMatch(/LEDGER_IMMUTABLE/);
    const [unchanged] = await db.select().from(customerLedgerEntry).where(eq(customerLedgerEntry.entryNo, ids.customerEntryNo));
    expect(unchanged).toMatchObject({ amount: '125.00', amountLcy: '125.00', open: true });
  });

  // The trigger functions of these tables get no arguments, and PL/pgSQL's TG_ARGV is then NULL, not
  // an empty array: `to_jsonb(NEW) - TG_ARGV` is NULL on both sides, so a check written without
  // coalesce(TG_ARGV, '{}') lets every UPDATE through.
  it('refuse an UPDATE of a table without derived columns (G/L entry, register, posted header)', async () => {
    const db = database.db;
    expect(await refusal(db.update(glEntry).set({ amount: '999.00' }).where(eq(glEntry.entryNo, ids.glEntryNo)))).toMatch(/LEDGER_IMMUTABLE/);
    expect(await refusal(db.update(glRegister).set({ postingDate: '2026-03-03' }).where(eq(glRegister.no, ids.transactionNo)))).toMatch(/LEDGER_IMMUTABLE/);
    expect(await refusal(db.update(detailedCustomerLedgerEntry).set({ amount: '0' }))).toMatch(/LEDGER_IMMUTABLE/);
    expect(await refusal(db.update(postedSalesHeader).set({ externalDocumentNo: 'CHANGED' }).where(eq(postedSalesHeader.no, 'PS0001')))).toMatch(/LEDGER_IMMUTABLE/);
    const [entry] = await db.select().from(glEntry).where(eq(glEntry.entryNo, ids.glEntryNo));
    expect(entry!.amount).toBe('125.00');
  });

  it('refuse a DELETE', async () => {
    const db = database.db;
    expect(await refusal(db.delete(glEntry).where(eq(glEntry.entryNo, ids.glEntryNo)))).toMatch(/LEDGER_IMMUTABLE/);
    expect(await refusal(db.delete(detailedCustomerLedgerEntry))).toMatch(/LEDGER_IMMUTABLE/);
    expect(await refusal(db.delete(postedSalesLine).where(shipmentLine))).toMatch(/LEDGER_IMMUTABLE/);
    expect(await refusal(db.delete(postedSalesHeader))).toMatch(/LEDGER_IMMUTABLE/);
    expect(await db.select().from(glEntry)).toHaveLength(2);
    expect(await db.select().from(postedSalesLine)).toHaveLength(1);
  });

  it('let the derived columns change: remaining amount and open of a customer entry, quantity invoiced of a shipment line', async () => {
    const db = database.db;
    await db.update(customerLedgerEntry).set({ remainingAmount: '0', remainingAmountLcy: '0', open: false, closedAtDate: '2026-03-20' })
      .where(eq(customerLedgerEntry.entryNo, ids.customerEntryNo));
    const [closed] = await db.select().from(customerLedgerEntry).where(eq(customerLedgerEntry.entryNo, ids.customerEntryNo));
    expect(closed).toMatchObject({ remainingAmount: '0.00', open: false, closedAtDate: '2026-03-20', amount: '125.00' });
    await db.update(postedSalesLine).set({ quantityInvoiced: '2', quantityNotInvoiced: '3' }).where(shipmentLine);
    const [line] = await db.select().from(postedSalesLine).where(shipmentLine);
    expect(line).toMatchObject({ quantityInvoiced: '2.00000', quantityNotInvoiced: '3.00000', quantity: '5.00000' });
  });

  it('refuse a TRUNCATE', async () => {
    expect(await refusal(database.db.execute(sql`truncate gl_entry`))).toMatch(/LEDGER_IMMUTABLE/);
    expect(await refusal(database.db.execute(sql`truncate customer_ledger_entry cascade`))).toMatch(/LEDGER_IMMUTABLE/);
    expect(await database.db.select().from(glEntry)).toHaveLength(2);
  });
});
