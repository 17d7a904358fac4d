/**
 * Preview Posting (DESIGN §4): the rows a planned posting would append, shown as the ledgers would
 * store them, with provisional numbers (the next ones free now). Reads only: nothing is inserted and
 * no sequence or number series is advanced.
 */
import { type Column, getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { dec } from '../../core/money/decimal.ts';
import type { Posting } from '../../core/posting/posting.ts';
import type { CustomerEntryRef } from '../../core/receivables/application-types.ts';
import type { Executor } from '../db/connection.ts';
import {
  bankAccountLedgerEntry, customerLedgerEntry, detailedCustomerLedgerEntry, detailedVendorLedgerEntry, glEntry, itemApplicationEntry,
  itemLedgerEntry, valueEntry, vatEntry, vendorLedgerEntry,
} from '../db/schema/index.ts';
import { itemPlanRows } from './item-plan-writer.ts';
import {
  bankAccountEntryRows, customerEntryRows, detailedCustomerEntryRows, detailedVendorEntryRows, glEntryRows, unapplyDetailedRows, vatEntryRows,
  vendorEntryRows,
} from './posting-rows.ts';

type Row = Record<string, unknown>;

export async function previewPostingRows(tx: Executor, posting: Posting) {
  return rowsNumberedFrom(await nextNumbers(tx), posting);
}

/** Several postings previewed in order (a journal's transactions): each numbered after the rows of those before it. */
export async function previewPostingsRows(tx: Executor, postings: readonly Posting[]) {
  const next = await nextNumbers(tx);
  return postings.map((posting) => {
    const rows = rowsNumberedFrom(next, posting);
    next.gl_register += 1;
    for (const [table, ledger] of Object.entries(ledgerOfTable)) next[table as keyof typeof ledgerOfTable] += rows[ledger].length;
    return rows;
  });
}

const ledgerOfTable = {
  gl_entry: 'glEntries', vat_entry: 'vatEntries', customer_ledger_entry: 'customerLedgerEntries', detailed_customer_ledger_entry: 'detailedCustomerLedgerEntries',
  vendor_ledger_entry: 'vendorLedgerEntries', detailed_vendor_ledger_entry: 'detailedVendorLedgerEntries', bank_account_ledger_entry: 'bankAccountLedgerEntries',
  item_ledger_entry: 'itemLedgerEntries', value_entry: 'valueEntries', item_application_entry: 'itemApplicationEntries',
} as const;

function rowsNumberedFrom(next: Record<keyof typeof numberedTables, number>, posting: Posting) {
  const transactionNo = next.gl_register;
  const customerEntryNo = (index: number) => next.customer_ledger_entry + index;
  const vendorEntryNo = (index: number) => next.vendor_ledger_entry + index;
  const numbering = { transactionNo, customerEntryNo, vendorEntryNo };
  const customerRef = (ref: CustomerEntryRef) => ('entryNo' in ref ? ref.entryNo : customerEntryNo(ref.newEntryIndex));
  const items = posting.items
    ? itemPlanRows(posting.items, { transactionNo, postingDate: posting.facts.postingDate, userId: posting.facts.userId },
      (id) => (id > 0 ? id : next.item_ledger_entry - id - 1))
    : { itemLedgerEntries: [], valueEntries: [], itemApplicationEntries: [] };
  return {
    transactionNo,
    glEntries: stored(glEntry, glEntryRows(posting, transactionNo), next.gl_entry),
    vatEntries: stored(vatEntry, vatEntryRows(posting, transactionNo), next.vat_entry),
    customerLedgerEntries: stored(customerLedgerEntry, customerEntryRows(posting, transactionNo), next.customer_ledger_entry),
    detailedCustomerLedgerEntries: stored(detailedCustomerLedgerEntry, [
      ...detailedCustomerEntryRows(posting, numbering, customerRef), ...unapplyDetailedRows(posting, numbering),
    ], next.detailed_customer_ledger_entry),
    vendorLedgerEntries: stored(vendorLedgerEntry, vendorEntryRows(posting, transactionNo), next.vendor_ledger_entry),
    detailedVendorLedgerEntries: stored(detailedVendorLedgerEntry, detailedVendorEntryRows(posting, numbering), next.detailed_vendor_ledger_entry),
    bankAccountLedgerEntries: stored(bankAccountLedgerEntry, bankAccountEntryRows(posting, transactionNo), next.bank_account_ledger_entry),
    itemLedgerEntries: stored(itemLedgerEntry, items.itemLedgerEntries as Row[], next.item_ledger_entry),
    valueEntries: stored(valueEntry, items.valueEntries as Row[], next.value_entry),
    itemApplicationEntries: stored(itemApplicationEntry, items.itemApplicationEntries as Row[], next.item_application_entry),
  };
}

const numberedTables = {
  gl_register: 'no', gl_entry: 'entry_no', vat_entry: 'entry_no', customer_ledger_entry: 'entry_no', detailed_customer_ledger_entry: 'entry_no',
  vendor_ledger_entry: 'entry_no', detailed_vendor_ledger_entry: 'entry_no', bank_account_ledger_entry: 'entry_no',
  item_ledger_entry: 'entry_no', value_entry: 'entry_no', item_application_entry: 'entry_no',
} as const;

/** The next number of each table: max + 1, read (a sequence's next value would consume it). */
async function nextNumbers(tx: Executor): Promise<Record<keyof typeof numberedTables, number>> {
  const selects = Object.entries(numberedTables).map(([table, column]) => `(select coalesce(max(${column}), 0) + 1 from ${table}) as ${table}`);
  // Both drivers (PGlite, node-postgres) answer raw SQL with { rows }.
  const { rows } = await tx.execute(sql.raw(`select ${selects.join(', ')}`)) as unknown as { rows: Row[] };
  const row = rows[0]!;
  return Object.fromEntries(Object.keys(numberedTables).map((table) => [table, Number(row[table])])) as Record<keyof typeof numberedTables, number>;
}

/** Rows as the table would return them: every column, defaults filled, numerics at their scale, numbered from `firstNo`. */
function stored(table: PgTable, rows: readonly object[], firstNo: number): Row[] {
  const columns = Object.entries(getTableColumns(table)) as [string, Column][];
  return rows.map((row, index) => Object.fromEntries(columns.map(([key, column]) => {
    if (key === 'entryNo') return [key, firstNo + index];
    return [key, storedValue(column, (row as Row)[key])];
  })));
}

function storedValue(column: Column, value: unknown): unknown {
  const given = value === undefined ? (column.hasDefault && typeof column.default !== 'object' ? column.default : null) : value;
  if (given === null || given === undefined) return null;
  const scale = (column as unknown as { scale?: number }).scale;
  if (column.columnType === 'PgNumeric' && scale !== undefined) return dec(String(given)).toFixed(scale);
  return given;
}
