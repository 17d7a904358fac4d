/**
 * Preview Posting (DESIGN §4): the rows a planned posting would append, shown as the ledgers would
 * store them, with provisional numbers (the next ones free now). Reads only: nothing is inserted and
 * no sequence or number series is advanced.
 */
import { type Column, getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { dec } from '../../core/money/decimal.ts';
import type { Posting } from '../../core/posting/posting.ts';
import type { Executor } from '../db/connection.ts';
import {
  bankAccountLedgerEntry, customerLedgerEntry, detailedCustomerLedgerEntry, detailedVendorLedgerEntry, glEntry, itemApplicationEntry,
  itemLedgerEntry, valueEntry, vatEntry, vendorLedgerEntry,
} from '../db/schema/index.ts';
import { type NumberedTable, type RowCounts, nextEntryNumbers, numbersFrom } from './entry-numbers.ts';
import { postingRows, rowCounts } from './posting-rows.ts';

type Row = Record<string, unknown>;

export async function previewPostingRows(tx: Executor, posting: Posting) {
  const next = await nextEntryNumbers(tx);
  return shown(posting, next.transactionNo, next.first);
}

/** Several postings previewed in order (a journal's transactions): each numbered after the rows of those before it. */
export async function previewPostingsRows(tx: Executor, postings: readonly Posting[]) {
  const next = await nextEntryNumbers(tx);
  let transactionNo = next.transactionNo;
  const first = { ...next.first };
  return postings.map((posting) => {
    const rows = shown(posting, transactionNo, first);
    const counts = rowCounts(posting);
    transactionNo += 1;
    for (const table of Object.keys(first) as NumberedTable[]) first[table] += counts[table];
    return rows;
  });
}

/** The posting's rows numbered from the next free numbers, as the tables would return them. */
function shown(posting: Posting, transactionNo: number, first: RowCounts) {
  const rows = postingRows(posting, numbersFrom(transactionNo, first));
  return {
    transactionNo,
    glEntries: stored(glEntry, rows.glEntries),
    vatEntries: stored(vatEntry, rows.vatEntries),
    customerLedgerEntries: stored(customerLedgerEntry, rows.customerLedgerEntries),
    detailedCustomerLedgerEntries: stored(detailedCustomerLedgerEntry, rows.detailedCustomerLedgerEntries),
    vendorLedgerEntries: stored(vendorLedgerEntry, rows.vendorLedgerEntries),
    detailedVendorLedgerEntries: stored(detailedVendorLedgerEntry, rows.detailedVendorLedgerEntries),
    bankAccountLedgerEntries: stored(bankAccountLedgerEntry, rows.bankAccountLedgerEntries),
    itemLedgerEntries: stored(itemLedgerEntry, rows.itemLedgerEntries),
    valueEntries: stored(valueEntry, rows.valueEntries),
    itemApplicationEntries: stored(itemApplicationEntry, rows.itemApplicationEntries),
  };
}

/** Rows as the table would return them: every column, defaults filled, numerics at their scale. */
function stored(table: PgTable, rows: readonly object[]): Row[] {
  const columns = Object.entries(getTableColumns(table)) as [string, Column][];
  return rows.map((row) => Object.fromEntries(columns.map(([key, column]) => [key, storedValue(column, (row as Row)[key])])));
}

function storedValue(column: Column, value: unknown): unknown {
  const given = value === undefined ? (column.hasDefault && typeof column.default !== 'object' ? column.default : null) : value;
  if (given === null || given === undefined) return null;
  const scale = (column as unknown as { scale?: number }).scale;
  if (column.columnType === 'PgNumeric' && scale !== undefined) return dec(String(given)).toFixed(scale);
  return given;
}
