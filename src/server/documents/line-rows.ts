import type { Executor } from '../db/connection.ts';
import { insertRowsReturningAll } from '../db/bulk-insert.ts';
import { assemblyLine, purchaseLine, salesLine } from '../db/schema/index.ts';

/** The tables of document lines: keyed by document type, document number and line number. */
type LineTable = typeof salesLine | typeof purchaseLine | typeof assemblyLine;
interface LineKey { documentType: string; documentNo: string; lineNo: number }

/** New lines of a document in one INSERT. */
export async function insertLineRows<T extends LineKey>(tx: Executor, table: LineTable, rows: readonly T[]): Promise<T[]> {
  if (rows.length === 0) return [];
  return insertRowsReturningAll<T>(tx, table, rows);
}

/**
 * Changed lines written back in one statement (INSERT … ON CONFLICT DO UPDATE of every column), so a
 * change that derives N lines again costs one write, not N. Answers the rows in the order given.
 */
export async function updateLineRows<T extends LineKey>(tx: Executor, table: LineTable, rows: readonly T[]): Promise<T[]> {
  if (rows.length === 0) return [];
  const written = await insertRowsReturningAll<T>(tx, table, rows, [table.documentType, table.documentNo, table.lineNo]);
  const key = (row: LineKey) => `${row.documentType}\u0000${row.documentNo}\u0000${row.lineNo}`;
  const byKey = new Map(written.map((row) => [key(row), row]));
  return rows.map((row) => byKey.get(key(row))!);
}

/** A line row derived again, as an UPDATE … SET would write it: a value left undefined keeps the line's. */
export function withDerived<T>(line: T, values: object): T {
  return { ...line, ...Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) };
}
