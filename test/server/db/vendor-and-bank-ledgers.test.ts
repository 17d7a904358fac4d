import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../../src/server/db/connection.ts';
import {
  bankAccount, bankAccountLedgerEntry, bankAccountLedgerEntryDerivedColumns, bankAccountPostingGroup, customerLedgerEntryDerivedColumns,
  detailedVendorLedgerEntry, glAccount, glRegister, itemLedgerEntryDerivedColumns, postedPurchaseHeader, postedPurchaseLine, postedPurchaseLineDerivedColumns,
  postedSalesLineDerivedColumns, vendor, vendorLedgerEntry,
  vendorLedgerEntryDerivedColumns,
} from '../../../src/server/db/schema/index.ts';
import { freshDatabase } from '../../support/database.ts';

// The vendor and bank account ledgers (migration 0009) are append-only like the customer ledger:
// only the derived columns named in schema/ledgers.ts may change, nothing is ever deleted.
let database: DatabaseHandle;
let ids: { vendorEntryNo: number; bankEntryNo: number };

beforeAll(async () => {
  database = await freshDatabase();
  const db = database.db;
  await db.insert(glAccount).values({ no: '2910', name: 'Bank', incomeBalance: 'balanceSheet' });
  await db.insert(bankAccountPostingGroup).values({ code: 'CHECKING', glAccountNo: '2910' });
  await db.insert(bankAccount).values({ no: 'B1', name: 'Checking', bankAccPostingGroup: 'CHECKING', iban: 'DE02120300000000202051' });
  await db.insert(vendor).values({ no: 'V1', name: 'Vendor 1' });
  const [register] = await db.insert(glRegister).values({ sourceCode: 'PAYMENTJNL', postingDate: '2026-03-02', documentNo: 'PAY1' }).returning();
  const header = { transactionNo: register!.no, postingDate: '2026-03-02', documentType: 'payment', documentNo: 'PAY1' };
  const [vendorEntry] = await db.insert(vendorLedgerEntry).values({
    ...header, vendorNo: 'V1', buyFromVendorNo: 'V1', currencyFactor: '1.123456789012', amount: '100.00', amountLcy: '100.00',
    remainingAmount: '100.00', remainingAmountLcy: '100.00', open: true, positive: true,
  }).returning();
  await db.insert(detailedVendorLedgerEntry).values({
    ...header, vendorLedgerEntryNo: vendorEntry!.entryNo, entryType: 'initialEntry', vendorNo: 'V1', amount: '100.00', amountLcy: '100.00',
  });
  const [bankEntry] = await db.insert(bankAccountLedgerEntry).values({
    ...header, bankAccountNo: 'B1', amount: '-100.00', amountLcy: '-100.00', remainingAmount: '-100.00', open: true, positive: false,
    balAccountType: 'vendor', balAccountNo: 'V1',
  }).returning();
  ids = { vendorEntryNo: vendorEntry!.entryNo, bankEntryNo: bankEntry!.entryNo };
});
afterAll(() => database.close());

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

describe('vendor and bank account ledgers', () => {
  it('keep the currency factor to 12 places, as the sales header computes it', async () => {
    const [entry] = await database.db.select().from(vendorLedgerEntry).where(eq(vendorLedgerEntry.entryNo, ids.vendorEntryNo));
    expect(entry!.currencyFactor).toBe('1.123456789012');
  });

  it('refuse changing an amount, deleting and truncating', async () => {
    const db = database.db;
    expect(await refusal(db.update(vendorLedgerEntry).set({ amount: '1.00' }).where(eq(vendorLedgerEntry.entryNo, ids.vendorEntryNo)))).toMatch(/LEDGER_IMMUTABLE/);
    expect(await refusal(db.update(detailedVendorLedgerEntry).set({ amount: '1.00' }))).toMatch(/LEDGER_IMMUTABLE/);
    expect(await refusal(db.update(bankAccountLedgerEntry).set({ amountLcy: '1.00' }))).toMatch(/LEDGER_IMMUTABLE/);
    expect(await refusal(db.delete(bankAccountLedgerEntry))).toMatch(/LEDGER_IMMUTABLE/);
    expect(await refusal(db.delete(detailedVendorLedgerEntry))).toMatch(/LEDGER_IMMUTABLE/);
    for (const table of ['vendor_ledger_entry', 'detailed_vendor_ledger_entry', 'bank_account_ledger_entry']) {
      expect(await refusal(db.execute(sql.raw(`truncate ${table} cascade`)))).toMatch(/LEDGER_IMMUTABLE/);
    }
    expect(await db.select().from(bankAccountLedgerEntry)).toHaveLength(1);
    expect(await db.select().from(detailedVendorLedgerEntry)).toHaveLength(1);
  });

  it('posted purchase documents: a line\'s invoiced quantities may change, nothing else, and nothing is deleted', async () => {
    const db = database.db;
    await db.insert(postedPurchaseHeader).values({
      documentType: 'receipt', no: 'PR1', sourceDocumentType: 'order', sourceDocumentNo: 'PO1', buyFromVendorNo: 'V1', payToVendorNo: 'V1', postingDate: '2026-03-02',
    });
    await db.insert(postedPurchaseLine).values({
      documentType: 'receipt', documentNo: 'PR1', lineNo: 10000, type: 'item', no: 'I1', buyFromVendorNo: 'V1', payToVendorNo: 'V1', postingDate: '2026-03-02',
      quantity: '5', quantityNotInvoiced: '5', sourceDocumentType: 'order', sourceDocumentNo: 'PO1', sourceLineNo: 10000,
    });
    await db.update(postedPurchaseLine).set({ quantityInvoiced: '2', quantityNotInvoiced: '3' });
    expect(await refusal(db.update(postedPurchaseLine).set({ quantity: '6' }))).toMatch(/LEDGER_IMMUTABLE/);
    expect(await refusal(db.update(postedPurchaseHeader).set({ vendorInvoiceNo: 'X' }))).toMatch(/LEDGER_IMMUTABLE/);
    expect(await refusal(db.delete(postedPurchaseLine))).toMatch(/LEDGER_IMMUTABLE/);
    expect(await db.select().from(postedPurchaseLine)).toMatchObject([{ quantity: '5.00000', quantityInvoiced: '2.00000', quantityNotInvoiced: '3.00000' }]);
  });

  it('let the derived columns change: remaining amount and open of a vendor entry, the statement facts of a bank entry', async () => {
    const db = database.db;
    await db.update(vendorLedgerEntry).set({ remainingAmount: '0', remainingAmountLcy: '0', open: false, closedAtDate: '2026-03-05' })
      .where(eq(vendorLedgerEntry.entryNo, ids.vendorEntryNo));
    await db.update(bankAccountLedgerEntry).set({ statementStatus: 'closed', statementNo: '12', statementLineNo: 10000, open: false, remainingAmount: '0' })
      .where(eq(bankAccountLedgerEntry.entryNo, ids.bankEntryNo));
    const [vendorEntry] = await db.select().from(vendorLedgerEntry);
    expect(vendorEntry).toMatchObject({ remainingAmount: '0.00', open: false, amount: '100.00' });
    const [bankEntry] = await db.select().from(bankAccountLedgerEntry);
    expect(bankEntry).toMatchObject({ statementStatus: 'closed', statementNo: '12', amount: '-100.00', open: false });
  });

  it('name in their triggers exactly the derived columns the schema lists (all ledgers)', async () => {
    const { rows } = await database.db.execute(sql`
      select c.relname as "table", pg_get_triggerdef(t.oid) as definition from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where t.tgname like '%\_append\_only'`) as unknown as { rows: { table: string; definition: string }[] };
    const allowed = Object.fromEntries(rows.map((row) => {
      const argumentList = /refuse_ledger_change\((.*)\)$/.exec(row.definition)?.[1] ?? '';
      return [row.table, [...argumentList.matchAll(/'([^']*)'/g)].map((match) => match[1])];
    }));
    expect(allowed).toMatchObject({
      customer_ledger_entry: [...customerLedgerEntryDerivedColumns],
      vendor_ledger_entry: [...vendorLedgerEntryDerivedColumns],
      bank_account_ledger_entry: [...bankAccountLedgerEntryDerivedColumns],
      item_ledger_entry: [...itemLedgerEntryDerivedColumns],
      posted_sales_line: [...postedSalesLineDerivedColumns],
      posted_purchase_header: [],
      posted_purchase_line: [...postedPurchaseLineDerivedColumns],
      detailed_customer_ledger_entry: ['unapplied', 'unapplied_by_entry_no'],
      detailed_vendor_ledger_entry: ['unapplied', 'unapplied_by_entry_no'],
      transaction_reversal: [],
      gl_entry: [],
    });
  });
});
