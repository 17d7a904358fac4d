import { and, asc, eq, getTableColumns, gt, gte, ilike, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { DomainError } from '../../core/errors.ts';
import { isIsoDate } from '../../core/dates/calendar-date.ts';
import type { Executor } from '../db/connection.ts';
import type { ResourceDefinition, Row, SingletonDefinition } from './resource.ts';

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

/** Keyset paging on the key, so a page costs the same however deep the client goes. */
export async function listRecords(
  tx: Executor, definition: ResourceDefinition, parentKey: string | undefined, options: ListOptions,
): Promise<Page> {
  const keyColumn = columnOf(definition, definition.key.field);
  const conditions: (SQL | undefined)[] = [];
  if (definition.parent) conditions.push(eq(columnOf(definition, definition.parent.field), parentKey));
  if (options.cursor !== undefined) conditions.push(gt(keyColumn, decodeCursor(options.cursor, definition.key.kind)));
  for (const [field, value] of Object.entries(options.filters)) {
    const column = columnOf(definition, field);
    if (value !== null) conditions.push(eq(column, value));
    else conditions.push(isTextColumn(column) ? or(isNull(column), eq(column, '')) : isNull(column));
  }
  if (definition.dateRangeField) conditions.push(...dateRangeConditions(columnOf(definition, definition.dateRangeField), options.dateRange));
  if (options.search && definition.search?.length) {
    const pattern = `%${options.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    // A numeric or uuid key is not text to search in; codes and usernames are.
    const keyFields = definition.key.kind === 'code' || definition.key.kind === 'username' ? [definition.key.field] : [];
    conditions.push(or(...[...keyFields, ...definition.search].map((field) => ilike(columnOf(definition, field), pattern))));
  }
  const rows = (await tx.select().from(definition.table as never).where(and(...conditions))
    .orderBy(asc(keyColumn)).limit(options.limit + 1)) as Row[];
  const items = rows.slice(0, options.limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > options.limit && last ? encodeCursor(last[definition.key.field]) : null;
  return { items: items.map((row) => withoutHidden(definition, row)), nextCursor };
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

function decodeCursor(cursor: string, kind: ResourceDefinition['key']['kind']): unknown {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch { /* answered below */ }
  if (!isKeyOfKind[kind](value) || (typeof value === 'string' && value.includes('\u0000'))) {
    throw new DomainError('INVALID_INPUT', { detail: 'The cursor is not one this API returned.' }, 'query.cursor');
  }
  return value;
}

export async function getSingleton(tx: Executor, definition: SingletonDefinition, options: { lock?: boolean } = {}): Promise<Row> {
  const query = tx.select().from(definition.table as never).limit(1);
  const rows = (options.lock ? await query.for('update') : await query) as Row[];
  if (!rows[0]) throw new Error(`${definition.entity} has no row: the migrations seed it`);
  return rows[0];
}
