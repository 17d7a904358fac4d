import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { DomainError } from '../../core/errors.ts';
import * as schema from './schema/index.ts';

/**
 * Turns PostgreSQL constraint violations into domain errors that name the field and the record,
 * so that "referenced record missing" and "record still in use" are enforced by the database alone.
 */
interface ForeignKeyInfo { table: string; field: string; foreignTable: string }

const tables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable));
const foreignKeys = new Map<string, ForeignKeyInfo>();
for (const table of tables) {
  const config = getTableConfig(table);
  const fieldBySqlName = new Map(Object.entries(getTableColumns(table)).map(([field, column]) => [toSnakeCase(column.name), field]));
  for (const foreignKey of config.foreignKeys) {
    const reference = foreignKey.reference();
    const columns = reference.columns.map((column) => toSnakeCase(column.name));
    const foreignTable = getTableName(reference.foreignTable);
    const foreignColumns = reference.foreignColumns.map((column) => toSnakeCase(column.name));
    // The name drizzle-kit gives a foreign key; PostgreSQL cuts identifiers at 63 bytes.
    const name = `${config.name}_${columns.join('_')}_${foreignTable}_${foreignColumns.join('_')}_fk`.slice(0, 63);
    foreignKeys.set(name, { table: config.name, field: fieldBySqlName.get(columns[0]!) ?? columns[0]!, foreignTable });
  }
}

const entityNameOverrides: Record<string, string> = {
  gl_account: 'G/L Account',
  app_user: 'User',
  no_series: 'No. Series',
  no_series_line: 'No. Series Line',
  payment_terms: 'Payment Terms',
};

export function entityName(sqlTableName: string): string {
  return entityNameOverrides[sqlTableName]
    ?? sqlTableName.split('_').map((word) => (word === 'vat' ? 'VAT' : word[0]!.toUpperCase() + word.slice(1))).join(' ');
}

export function toSnakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

interface PostgresError { code?: string; constraint?: string; detail?: string; table?: string; message?: string }

/** The PostgreSQL error inside what the driver or drizzle threw (its code, constraint, detail); undefined for other errors. */
export function postgresError(error: unknown): PostgresError | undefined {
  for (let current: unknown = error; current && typeof current === 'object'; current = (current as { cause?: unknown }).cause) {
    if (typeof (current as PostgresError).code === 'string' && /^[0-9A-Z]{5}$/.test((current as PostgresError).code!)) {
      return current as PostgresError;
    }
  }
  return undefined;
}

/** The SQLSTATE of a PostgreSQL error, wherever the driver or drizzle put it; undefined for other errors. */
export function postgresErrorCode(error: unknown): string | undefined {
  return postgresError(error)?.code;
}

/** A data exception (SQLSTATE class 22: a value its column cannot take) with PostgreSQL's words; undefined for other errors. */
export function dataException(error: unknown): { code: string; message: string } | undefined {
  const pgError = postgresError(error);
  return pgError?.code?.startsWith('22') ? { code: pgError.code, message: pgError.message ?? '' } : undefined;
}

/** SQLSTATE of the COMMIT refused by migration 0010's deferred trigger: a G/L transaction that does not sum to 0. */
export const unbalancedGlTransactionCode = '23L01';

/**
 * A ledger invariant the database itself refused (the deferred G/L balance check), as the
 * DomainError the posting code should have raised first: it is a defect, answered as
 * POSTING_NOT_BALANCED (500) with the difference, not as SQL. Undefined for other errors.
 */
export function ledgerInvariantError(error: unknown): DomainError<'POSTING_NOT_BALANCED'> | undefined {
  const pgError = postgresError(error);
  if (pgError?.code !== unbalancedGlTransactionCode) return undefined;
  const [, transactionNo, difference] = /transaction (\d+) add up to (-?[\d.]+)/.exec(pgError.message ?? '') ?? [];
  return new DomainError('POSTING_NOT_BALANCED', { difference: difference ?? 'not 0', transactionNo: transactionNo ?? null });
}

/** The value in `Key (column)=(value)` of a PostgreSQL error detail. */
function keyValue(detail: string | undefined): string {
  return /\)=\((.*)\)/.exec(detail ?? '')?.[1] ?? '';
}

/** Rethrows a constraint violation as a DomainError; anything else is rethrown unchanged. */
export function translateConstraintError(
  error: unknown,
  context: { entity: string; key: string; operation: 'write' | 'delete' },
): never {
  const pgError = postgresError(error);
  if (pgError?.code === '23503') {
    const foreignKey = foreignKeys.get(pgError.constraint ?? '');
    if (foreignKey && context.operation === 'write') {
      throw new DomainError('RELATED_RECORD_NOT_FOUND',
        { entity: entityName(foreignKey.foreignTable), value: keyValue(pgError.detail), field: foreignKey.field }, foreignKey.field);
    }
    const usedBy = foreignKey ? entityName(foreignKey.table) : entityName(pgError.table ?? 'another record');
    throw new DomainError('RECORD_IN_USE', { entity: context.entity, key: context.key, usedBy: usedBy.toLowerCase() });
  }
  if (pgError?.code === '23505') {
    throw new DomainError('ALREADY_EXISTS', { entity: context.entity, key: keyValue(pgError.detail) || context.key });
  }
  throw error;
}
