/**
 * Multi-row INSERT with one parameter: the rows travel as one JSON array and PostgreSQL unpacks
 * them with json_to_recordset. Drizzle's `insert().values(rows)` binds every value of every
 * row and rebuilds the statement each time, about a third of a posting's JavaScript time for the
 * ledger's ~100 rows (bench, issue 11); this builds one short statement per table.
 *
 * Rows are drizzle-shaped (the table's property names). A key absent from a row (or undefined)
 * takes the column's default, so rows are grouped by the keys they set: one INSERT per group.
 */
import { getTableColumns, getTableName, sql, type Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { Executor } from './connection.ts';

/** Inserts the rows; with `returning`, answers that column of the new rows, in ascending order. */
export async function insertRows(tx: Executor, table: PgTable, rows: readonly object[], returning?: Column): Promise<number[]> {
  const returned: number[] = [];
  for (const group of groupByKeys(rows)) returned.push(...await insertGroup(tx, table, group, returning));
  return returned.sort((a, b) => a - b);
}

function groupByKeys(rows: readonly object[]): object[][] {
  const groups = new Map<string, object[]>();
  for (const row of rows) {
    const key = definedKeys(row).join(',');
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

function definedKeys(row: object): string[] {
  return Object.keys(row).filter((key) => (row as Record<string, unknown>)[key] !== undefined);
}

async function insertGroup(tx: Executor, table: PgTable, rows: readonly object[], returning?: Column): Promise<number[]> {
  const columns = getTableColumns(table);
  const keys = definedKeys(rows[0]!);
  const fields = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`insertRows: ${getTableName(table)} has no column ${key}`);
    return { name: `"${columnName(column)}"`, key: `"${key}"`, type: column.getSQLType() };
  });
  // The JSON keeps the rows' property names; json_to_recordset types each one as its column.
  const head = `insert into "${getTableName(table)}" (${fields.map((field) => field.name).join(', ')}) select ${fields.map((field) => field.key).join(', ')} from json_to_recordset(`;
  const tail = `::json) as r(${fields.map((field) => `${field.key} ${field.type}`).join(', ')})${returning ? ` returning "${columnName(returning)}" as "value"` : ''}`;
  const result = await tx.execute(sql`${sql.raw(head)}${JSON.stringify(rows)}${sql.raw(tail)}`);
  return returning ? (result as unknown as { rows: { value: number }[] }).rows.map((row) => row.value) : [];
}

/** The database name of a column: as declared, or the property name in snake case (the app's casing). */
function columnName(column: Column): string {
  return column.keyAsName ? toSnakeCase(column.name) : column.name;
}
