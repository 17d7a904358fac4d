import { and, asc, Column, desc, eq, getTableColumns, gt, gte, ilike, is, isNull, lt, lte, or, Param, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { DomainError } from '../../core/errors.ts';
import { isIsoDate } from '../../core/dates/calendar-date.ts';
import type { Executor } from '../db/connection.ts';
import { reusableSelectsByShape } from '../db/reusable-select.ts';
import type { ComputedSort, ResourceDefinition, Row, SingletonDefinition } from './resource.ts';

export function columnOf(definition: { table: ResourceDefinition['table'] }, field: string): PgColumn {
  const column = getTableColumns(definition.table)[field];
  if (!column) throw new Error(`${field} is not a column of ${definition.table}`);
  return column;
}

export function keyCondition(definition: ResourceDefinition, parentKey: string | undefined, key: unknown): SQL {
  const byKey = eq(columnOf(definition, definition.key.field), key);
  if (!definition.parent) return byKey;
  return and(eq(columnOf(definition, definition.parent.field), parentKey), byKey)!;
}

export function describeKey(definition: ResourceDefinition, parentKey: string | undefined, key: unknown): string {
  return definition.parent ? `${parentKey} ${String(key)}` : String(key);
}

export function withoutHidden(definition: ResourceDefinition, row: Row): Row {
  if (!definition.hiddenFields) return row;
  const visible = { ...row };
  for (const field of definition.hiddenFields) delete visible[field];
  return visible;
}

export async function findRecord(
  tx: Executor, definition: ResourceDefinition, parentKey: string | undefined, key: unknown, options: { lock?: boolean } = {},
): Promise<Row | undefined> {
  const query = tx.select().from(definition.table as never).where(keyCondition(definition, parentKey, key)).limit(1);
  const rows = (options.lock ? await query.for('update') : await query) as Row[];
  return rows[0];
}

export async function getRecord(
  tx: Executor, definition: ResourceDefinition, parentKey: string | undefined, key: unknown, options: { lock?: boolean } = {},
): Promise<Row> {
  const record = await findRecord(tx, definition, parentKey, key, options);
  if (!record) throw new DomainError('NOT_FOUND', { entity: definition.entity, key: describeKey(definition, parentKey, key) });
  return record;
}

export async function assertParentExists(tx: Executor, definition: ResourceDefinition, parentKey: string | undefined) {
  const parent = definition.parent;
  if (!parent) return;
  const rows = await tx.select({ found: sql`1` }).from(parent.table as never)
    .where(eq(getTableColumns(parent.table)[parent.parentField]!, parentKey)).limit(1);
  if (rows.length === 0) throw new DomainError('NOT_FOUND', { entity: parent.entity, key: parentKey });
}

export interface ListOptions {
  limit: number;
  cursor?: string | undefined;
  search?: string | undefined;
  filters: Record<string, unknown>;
  /** On the definition's dateRangeField, both ends inclusive. */
  dateRange?: DateRange | undefined;
  /** `field` or `-field`, from the definition's sortable fields; the key order when absent. */
  sort?: string | undefined;
  /** The user's work date, for computed sort values that depend on it (a posted invoice's Overdue). */
  workDate?: string | undefined;
}

export interface DateRange { from?: string | undefined; to?: string | undefined }

/** Text columns hold "" for "none"; other types (integers, dates) only null. */
export function isTextColumn(column: PgColumn): boolean {
  return column.columnType === 'PgText' || column.columnType === 'PgVarchar';
}

/** Conditions for the inclusive range `from..to` on a date column; either end may be open. */
export function dateRangeConditions(column: PgColumn, range: DateRange | undefined): SQL[] {
  const conditions: SQL[] = [];
  if (range?.from !== undefined) conditions.push(gte(column, range.from));
  if (range?.to !== undefined) conditions.push(lte(column, range.to));
  return conditions;
}

export interface Page { items: Row[]; nextCursor: string | null }

/** How a list is ordered: one field (a stored column or a joined name), ascending or descending, then the key the same way. */
export interface ListSort { field: string; descending: boolean }

/** Column types a list can sort on: not arrays, JSON or binary data. */
function isSortableColumn(column: PgColumn): boolean {
  return column.dataType === 'string' || column.dataType === 'number' || column.dataType === 'boolean';
}

/** The allow-list of `?sort=`: the definition's sortFields, else every stored field the record returns, plus the joined names and computed values. */
export function sortableFields(definition: ResourceDefinition): string[] {
  if (definition.sortFields) return definition.sortFields;
  const hidden = new Set(definition.hiddenFields ?? []);
  const stored = Object.entries(getTableColumns(definition.table))
    .filter(([field, column]) => !hidden.has(field) && isSortableColumn(column)).map(([field]) => field);
  return [...stored, ...(definition.lookups ?? []).map((lookup) => lookup.field), ...(definition.computedSorts ?? []).map((computed) => computed.field)];
}

/** `name` or `-name`; a field not on the allow-list is refused with the fields that are. */
export function parseSort(definition: ResourceDefinition, sort: string | undefined): ListSort | undefined {
  if (sort === undefined || sort.trim() === '') return undefined;
  const text = sort.trim();
  const descending = text.startsWith('-');
  const field = descending ? text.slice(1) : text;
  const allowed = sortableFields(definition);
  if (!allowed.includes(field)) {
    throw new DomainError('INVALID_INPUT', {
      detail: `${definition.entity} lists cannot be sorted on "${field}". Sort on one of: ${allowed.join(', ')} (a leading - sorts descending).`,
    }, 'query.sort');
  }
  return { field, descending };
}

/** What a sort orders by, and whether a value read back from a cursor fits it. */
interface SortExpression { expression: SQL | PgColumn; fits: (value: unknown) => boolean }

/** The column (text case-insensitively), the joined name, or the computed value a sort orders by. */
function sortExpression(definition: ResourceDefinition, field: string, workDate: string | undefined): SortExpression {
  const lookup = definition.lookups?.find((candidate) => candidate.field === field);
  if (lookup) return { expression: sql`lower(${lookup.value})`, fits: (value) => fitsColumn(value, undefined) };
  const computed = definition.computedSorts?.find((candidate) => candidate.field === field);
  // In parentheses: a single-table select writes its own columns unqualified, which inside a subquery would name the subquery's table.
  if (computed) return { expression: sql`(${computed.value({ workDate })})`, fits: (value) => fitsComputed(value, computed.kind) };
  const column = columnOf(definition, field);
  return { expression: isTextColumn(column) ? sql`lower(${column})` : column, fits: (value) => fitsColumn(value, column) };
}

/** Rows after the cursor's (sort value, key) in the list's order, nulls last; the values are the placeholders cursorValue and cursorKey. */
function afterSortCursor(sortBy: SortExpression, keyColumn: PgColumn, valueIsNull: boolean, descending: boolean): SQL | undefined {
  const after = descending ? lt : gt;
  // A column compares through its own encoder at run time; the cast only picks the overload.
  const expression = sortBy.expression as SQL;
  const key = valueOf('cursorKey', keyColumn);
  if (valueIsNull) return and(isNull(expression), after(keyColumn, key));
  const value = valueOf('cursorValue', sortBy.expression);
  return or(after(expression, value), and(eq(expression, value), after(keyColumn, key)), isNull(expression));
}

/** The placeholder `name`, its value written to the database as `compared` (a column) writes its own. */
function valueOf(name: string, compared: SQL | PgColumn): Placeholder | Param {
  return is(compared, Column) ? new Param(sql.placeholder(name), compared) : sql.placeholder(name);
}

/** The stored columns of a list row, with the joined names when the definition has lookups. */
function listSelection(definition: ResourceDefinition, sortValue: SQL | PgColumn | undefined) {
  return {
    ...getTableColumns(definition.table),
    ...Object.fromEntries((definition.lookups ?? []).map((lookup) => [lookup.field, lookup.value])),
    ...(sortValue ? { [sortValueField]: sortValue } : {}),
  };
}

const sortValueField = '__sortValue';

/**
 * Keyset paging, so a page costs the same however deep the client goes: on the key, or under a
 * sort on (sort value, key), nulls last either way. The cursor carries the last row's values.
 */
export async function listRecords(
  tx: Executor, definition: ResourceDefinition, parentKey: string | undefined, options: ListOptions,
): Promise<Page> {
  const keyColumn = columnOf(definition, definition.key.field);
  const sort = parseSort(definition, options.sort);
  const bySortField = sort && sort.field !== definition.key.field ? sortExpression(definition, sort.field, options.workDate) : undefined;
  const descending = sort?.descending ?? false;
  const cursor = options.cursor === undefined ? undefined
    : bySortField ? decodeSortCursor(options.cursor, definition.key.kind, bySortField.fits)
      : { value: undefined, key: decodeCursor(options.cursor, definition.key.kind) };
  const filters = Object.entries(options.filters);
  const search = options.search && definition.search?.length ? `%${options.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%` : undefined;
  const range = definition.dateRangeField ? options.dateRange : undefined;
  // Everything the query's text depends on; the values below go in as placeholders.
  const shape = [
    sort ? `${descending ? '-' : ''}${sort.field}` : '', cursor === undefined ? '' : cursor.value === null ? 'after null' : 'after',
    filters.map(([field, value]) => `${field}${value === null ? ' none' : ''}`).join(','), range?.from === undefined ? '' : 'from',
    range?.to === undefined ? '' : 'to', search === undefined ? '' : 'search',
    // A computed sort holds the work date as a value of its own.
    bySortField && definition.computedSorts?.some((computed) => computed.field === sort!.field) ? `on ${options.workDate}` : '',
  ].join('|');
  const values: Record<string, unknown> = {
    parent: parentKey, cursorValue: cursor?.value, cursorKey: cursor?.key, from: range?.from, to: range?.to, search, limit: options.limit + 1,
    ...Object.fromEntries(filters.map(([field, value]) => [`filter ${field}`, value])),
  };
  const query = { keyColumn, bySortField, descending, cursor, filters, range, search };
  const rows = await listQueries(definition)<Row>(tx, shape, (db) => listQuery(db, definition, query), values);
  const items = rows.slice(0, options.limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > options.limit && last
    ? encodeCursor(bySortField ? { value: last[sortValueField] ?? null, key: last[definition.key.field] } : last[definition.key.field])
    : null;
  return {
    items: items.map((row) => {
      if (!bySortField) return withoutHidden(definition, row);
      const { [sortValueField]: _sortValue, ...record } = row;
      return withoutHidden(definition, record);
    }),
    nextCursor,
  };
}

/** A list's select, its values as the placeholders listRecords names. */
function listQuery(db: Executor, definition: ResourceDefinition, list: {
  keyColumn: PgColumn; bySortField: SortExpression | undefined; descending: boolean; cursor: { value: unknown } | undefined;
  filters: [string, unknown][]; range: DateRange | undefined; search: string | undefined;
}): PromiseLike<Row[]> {
  const { keyColumn, bySortField, descending, cursor, filters, range, search } = list;
  const conditions: (SQL | undefined)[] = [];
  if (definition.parent) {
    const parentColumn = columnOf(definition, definition.parent.field);
    conditions.push(eq(parentColumn, valueOf('parent', parentColumn)));
  }
  if (cursor !== undefined) {
    conditions.push(bySortField
      ? afterSortCursor(bySortField, keyColumn, cursor.value === null, descending)
      : (descending ? lt : gt)(keyColumn, valueOf('cursorKey', keyColumn)));
  }
  for (const [field, value] of filters) {
    const column = columnOf(definition, field);
    if (value !== null) conditions.push(eq(column, valueOf(`filter ${field}`, column)));
    else conditions.push(isTextColumn(column) ? or(isNull(column), eq(column, '')) : isNull(column));
  }
  if (range) {
    const column = columnOf(definition, definition.dateRangeField!);
    if (range.from !== undefined) conditions.push(gte(column, valueOf('from', column)));
    if (range.to !== undefined) conditions.push(lte(column, valueOf('to', column)));
  }
  if (search !== undefined) {
    // A numeric or uuid key is not text to search in; codes and usernames are.
    const keyFields = definition.key.kind === 'code' || definition.key.kind === 'username' ? [definition.key.field] : [];
    conditions.push(or(...[...keyFields, ...definition.search!].map((field) => ilike(columnOf(definition, field), sql.placeholder('search')))));
  }
  const direction = descending ? 'desc' : 'asc';
  const order: SQL[] = [
    ...(bySortField ? [sql`${bySortField.expression} ${sql.raw(direction)} nulls last`] : []),
    descending ? desc(keyColumn) : asc(keyColumn),
  ];
  let query = db.select(listSelection(definition, bySortField?.expression)).from(definition.table as never).$dynamic();
  for (const lookup of definition.lookups ?? []) {
    for (const join of lookup.joins) query = query.leftJoin(join.table as never, join.on);
  }
  return query.where(and(...conditions)).orderBy(...order).limit(sql.placeholder('limit')) as unknown as PromiseLike<Row[]>;
}

/** Each definition's list queries, built once per shape (reusable-select.ts). */
const listQueriesOf = new WeakMap<ResourceDefinition, ReturnType<typeof reusableSelectsByShape>>();

function listQueries(definition: ResourceDefinition): ReturnType<typeof reusableSelectsByShape> {
  let queries = listQueriesOf.get(definition);
  if (!queries) listQueriesOf.set(definition, (queries = reusableSelectsByShape()));
  return queries;
}

/** The joined names (lookups) of one record, read with the same joins as the list: what GET of one record adds. */
export async function lookupsOf(tx: Executor, definition: ResourceDefinition, parentKey: string | undefined, key: unknown): Promise<Row> {
  if (!definition.lookups?.length) return {};
  let query = tx.select(Object.fromEntries(definition.lookups.map((lookup) => [lookup.field, lookup.value])))
    .from(definition.table as never).$dynamic();
  for (const lookup of definition.lookups) {
    for (const join of lookup.joins) query = query.leftJoin(join.table as never, join.on);
  }
  const [found] = (await query.where(keyCondition(definition, parentKey, key)).limit(1)) as Row[];
  return found ?? {};
}

function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a decoded cursor can be a key of that kind, so an edited cursor never reaches SQL as the wrong type. */
const isKeyOfKind: Record<ResourceDefinition['key']['kind'], (value: unknown) => boolean> = {
  code: (value) => typeof value === 'string',
  username: (value) => typeof value === 'string',
  uuid: (value) => typeof value === 'string' && uuidPattern.test(value),
  integer: (value) => Number.isSafeInteger(value) && Math.abs(value as number) <= 2_147_483_647,
  date: isIsoDate,
};

const badCursor = () => new DomainError('INVALID_INPUT', { detail: 'The cursor is not one this API returned.' }, 'query.cursor');

function parseCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
}

function decodeCursor(cursor: string, kind: ResourceDefinition['key']['kind']): unknown {
  const value = parseCursor(cursor);
  if (!isKeyOfKind[kind](value) || (typeof value === 'string' && value.includes('\u0000'))) throw badCursor();
  return value;
}

const decimalPattern = /^-?\d{1,28}(\.\d{1,10})?$/;

/** Whether a sort value from a cursor fits the column it is compared with (a joined name is text). */
function fitsColumn(value: unknown, column: PgColumn | undefined): boolean {
  if (value === null) return true;
  if (!column || column.dataType === 'string') {
    if (typeof value !== 'string' || value.includes('\u0000')) return false;
    if (column?.columnType === 'PgNumeric') return decimalPattern.test(value);
    if (column?.columnType === 'PgDateString') return isIsoDate(value);
    if (column?.columnType === 'PgTimestampString') return /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/.test(value);
    if (column?.columnType === 'PgUUID') return uuidPattern.test(value);
    return true;
  }
  if (column.dataType === 'number') return Number.isSafeInteger(value) && Math.abs(value as number) <= 2_147_483_647;
  if (column.dataType === 'boolean') return typeof value === 'boolean';
  return false;
}

/** Whether a sort value from a cursor fits a computed value of that kind. */
function fitsComputed(value: unknown, kind: ComputedSort['kind']): boolean {
  if (value === null) return true;
  switch (kind) {
    case 'decimal': return typeof value === 'string' && decimalPattern.test(value);
    case 'integer': return Number.isSafeInteger(value) && Math.abs(value as number) <= 2_147_483_647;
    case 'boolean': return typeof value === 'boolean';
  }
}

/** A cursor of a sorted list: the last row's sort value and key, each checked against what it is compared with. */
function decodeSortCursor(cursor: string, kind: ResourceDefinition['key']['kind'], fits: (value: unknown) => boolean): { value: unknown; key: unknown } {
  const decoded = parseCursor(cursor);
  if (typeof decoded !== 'object' || decoded === null || !('key' in decoded) || !('value' in decoded)) throw badCursor();
  const { value, key } = decoded as { value: unknown; key: unknown };
  if (!isKeyOfKind[kind](key) || (typeof key === 'string' && key.includes('\u0000')) || !fits(value)) throw badCursor();
  return { value, key };
}

export async function getSingleton(tx: Executor, definition: SingletonDefinition, options: { lock?: boolean } = {}): Promise<Row> {
  const query = tx.select().from(definition.table as never).limit(1);
  const rows = (options.lock ? await query.for('update') : await query) as Row[];
  if (!rows[0]) throw new Error(`${definition.entity} has no row: the migrations seed it`);
  return rows[0];
}
