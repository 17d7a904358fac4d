/**
 * Multi-row INSERT with one parameter: the rows travel as one JSON array and PostgreSQL unpacks
 * them with json_to_recordset. Drizzle's `insert().values(rows)` binds every value of every
 * row and rebuilds the statement each time, about a third of a posting's JavaScript time for the
 * ledger's ~100 rows (bench, issue 11); this builds one short statement per table.
 *
 * Rows are drizzle-shaped (the table's property names). A key absent from a row (or undefined)
 * takes the column's default, so rows are grouped by the keys they set: one INSERT per group.
 */
import { getTableColumns, getTableName, sql, type Column, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { Executor } from './connection.ts';
import { orderSelectedFields, type ExecutorInternals } from './drizzle-internals.ts';
import { flatRowMapper, type RowMapper } from './row-mapper.ts';

/** Inserts the rows; with `returning`, answers that column of the new rows, in ascending order. */
export async function insertRows(tx: Executor, table: PgTable, rows: readonly object[], returning?: Column): Promise<number[]> {
  const returned: number[] = [];
  for (const group of groupByKeys(rows)) {
    const result = await tx.execute(insertGroup(table, group, { returning }));
    if (returning) returned.push(...(result as unknown as { rows: { value: number }[] }).rows.map((row) => row.value));
  }
  return returned.sort((a, b) => a - b);
}

/**
 * Inserts the rows and answers them as stored (defaults filled in), each column mapped as drizzle's
 * `insert(…).values(rows).returning()` maps it, which bound every value of every row: ~800
 * parameters for a 10-line document, the largest share of creating it in JavaScript.
 * `onConflict`: the key columns of an upsert; a row whose key exists replaces every other column.
 */
export async function insertRowsReturningAll<Row>(tx: Executor, table: PgTable, rows: readonly object[], onConflict?: readonly Column[]): Promise<Row[]> {
  const { dialect, session } = tx as unknown as ExecutorInternals;
  const { fields, returning, mapRows } = returnedColumns(table);
  const tail = sql.raw(`${onConflict ? upsertClause(table, onConflict) : ''}${returning}`);
  const inserted: Row[] = [];
  for (const group of groupByKeys(rows)) {
    const query = dialect.sqlToQuery(sql`${insertGroup(table, group, {})}${tail}`);
    inserted.push(...(await session.prepareQuery(query, fields, undefined, true, mapRows).execute()) as Row[]);
  }
  return inserted;
}

/** ON CONFLICT (key) DO UPDATE of every other column of the table, as drizzle's onConflictDoUpdate with them all. */
function upsertClause(table: PgTable, keys: readonly Column[]): string {
  const keyNames = new Set(keys.map(columnName));
  const others = Object.values(getTableColumns(table)).map(columnName).filter((name) => !keyNames.has(name));
  return ` on conflict (${[...keyNames].map((name) => `"${name}"`).join(', ')}) do update set ${others.map((name) => `"${name}" = excluded."${name}"`).join(', ')}`;
}

/** Every column of the table, in the order drizzle maps a result, and the RETURNING clause naming them: built once per table. */
interface ReturnedColumns { fields: { field: Column }[]; returning: string; mapRows: RowMapper | undefined }
const returnedColumnsOfTables = new WeakMap<PgTable, ReturnedColumns>();

function returnedColumns(table: PgTable): ReturnedColumns {
  let known = returnedColumnsOfTables.get(table);
  if (!known) {
    const fields = orderSelectedFields(getTableColumns(table));
    known = { fields, returning: ` returning ${fields.map(({ field }) => `"${columnName(field)}"`).join(', ')}`, mapRows: flatRowMapper(fields) };
    returnedColumnsOfTables.set(table, known);
  }
  return known;
}

/**
 * The INSERT statements of the rows (one per group of keys set), not run: for a caller that writes
 * several tables in one statement (write-batch.ts). `numbered`: the rows carry their identity
 * numbers (drawn beforehand), which an identity column GENERATED ALWAYS takes only when told so.
 */
export function insertStatements(table: PgTable, rows: readonly object[], options: { numbered?: boolean } = {}): SQL[] {
  return groupByKeys(rows).map((group) => insertGroup(table, group, options));
}

/** The rows grouped by the keys they set; most postings' rows of a table all set the same ones. */
interface RowGroup { keys: string[]; rows: object[] }

function groupByKeys(rows: readonly object[]): RowGroup[] {
  const groups: RowGroup[] = [];
  for (const row of rows) {
    // Compared with each group's keys, not by a key string built per row: ~100 rows a posting.
    const group = groups.find((candidate) => setsExactly(row as Record<string, unknown>, candidate.keys));
    if (group) group.rows.push(row);
    else groups.push({ keys: definedKeys(row), rows: [row] });
  }
  return groups;
}

/** Whether the row sets these keys and no other. */
function setsExactly(row: Record<string, unknown>, keys: readonly string[]): boolean {
  let defined = 0;
  for (const name in row) if (row[name] !== undefined) defined++;
  if (defined !== keys.length) return false;
  for (const key of keys) if (row[key] === undefined) return false;
  return true;
}

function definedKeys(row: object): string[] {
  return Object.keys(row).filter((key) => (row as Record<string, unknown>)[key] !== undefined);
}

function insertGroup(table: PgTable, group: RowGroup, options: { returning?: Column; numbered?: boolean }): SQL {
  const { head, tail } = statementText(table, group.keys, options);
  return sql`${sql.raw(head)}${JSON.stringify(group.rows)}${sql.raw(tail)}`;
}

/** The statement around the JSON, per table and set of keys: the same few shapes recur in every posting, so each is built once. */
const statementTexts = new WeakMap<PgTable, Map<string, { head: string; tail: string }>>();

function statementText(table: PgTable, keys: string[], options: { returning?: Column; numbered?: boolean }): { head: string; tail: string } {
  const shapes = statementTexts.get(table) ?? new Map<string, { head: string; tail: string }>();
  statementTexts.set(table, shapes);
  const shapeKey = `${keys.join(',')}|${options.numbered ? 'numbered' : ''}|${options.returning ? columnName(options.returning) : ''}`;
  const known = shapes.get(shapeKey);
  if (known) return known;
  const columns = getTableColumns(table);
  const fields = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`insertRows: ${getTableName(table)} has no column ${key}`);
    return { name: `"${columnName(column)}"`, key: `"${key}"`, type: column.getSQLType() };
  });
  // The JSON keeps the rows' property names; json_to_recordset types each one as its column.
  const head = `insert into "${getTableName(table)}" (${fields.map((field) => field.name).join(', ')})${options.numbered ? ' overriding system value' : ''} select ${fields.map((field) => field.key).join(', ')} from json_to_recordset(`;
  const tail = `::json) as r(${fields.map((field) => `${field.key} ${field.type}`).join(', ')})${options.returning ? ` returning "${columnName(options.returning)}" as "value"` : ''}`;
  const text = { head, tail };
  shapes.set(shapeKey, text);
  return text;
}

/** The database name of a column: as declared, or the property name in snake case (the app's casing). */
function columnName(column: Column): string {
  return column.keyAsName ? toSnakeCase(column.name) : column.name;
}
