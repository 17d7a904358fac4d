import { getTableColumns, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { Executor } from '../db/connection.ts';
import { salesLine } from '../db/schema/index.ts';
import { guarded } from '../documents/document-commands.shared.ts';
import type { SalesHeaderRow, SalesLineRow } from './sales-document.types.ts';

const key = [salesLine.documentType, salesLine.documentNo, salesLine.lineNo];
const keyNames = new Set(['documentType', 'documentNo', 'lineNo']);
// Every other column takes the written row's value: the rows are whole lines (read, then derived again).
const everyOtherColumn = Object.fromEntries(Object.entries(getTableColumns(salesLine))
  .filter(([name]) => !keyNames.has(name))
  .map(([name, column]) => [name, sql.raw(`excluded."${column.keyAsName ? toSnakeCase(column.name) : column.name}"`)]));

/** New lines of a document in one INSERT; a line number taken is refused as the line's. */
export function insertLineRows(tx: Executor, header: Pick<SalesHeaderRow, 'no'>, rows: readonly SalesLineRow[]): Promise<SalesLineRow[]> {
  if (rows.length === 0) return Promise.resolve([]);
  const what = rows.length === 1 ? `${header.no} ${rows[0]!.lineNo}` : header.no;
  return guarded('Sales Line', what, () => tx.insert(salesLine).values([...rows]).returning());
}

/**
 * Changed lines written back in one statement (INSERT … ON CONFLICT DO UPDATE of every column), so a
 * header change that re-derives N lines costs one write, not N. Answers the rows in the order given.
 */
export async function updateLineRows(tx: Executor, rows: readonly SalesLineRow[]): Promise<SalesLineRow[]> {
  if (rows.length === 0) return [];
  const written = await tx.insert(salesLine).values([...rows]).onConflictDoUpdate({ target: key, set: everyOtherColumn }).returning();
  const byKey = new Map(written.map((row) => [`${row.documentType}\u0000${row.documentNo}\u0000${row.lineNo}`, row]));
  return rows.map((row) => byKey.get(`${row.documentType}\u0000${row.documentNo}\u0000${row.lineNo}`)!);
}
