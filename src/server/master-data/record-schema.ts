import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';

/**
 * The response shape of a record, read off its table: what the API returns is exactly what is stored.
 * Decimals and dates are strings; nullable columns may be null.
 */
export function recordSchema(table: PgTable, hiddenFields: string[] = []) {
  const shape: Record<string, z.ZodType> = {};
  for (const [field, column] of Object.entries(getTableColumns(table))) {
    if (hiddenFields.includes(field)) continue;
    const base = column.dataType === 'boolean' ? z.boolean() : column.dataType === 'number' ? z.number() : column.dataType === 'json' ? z.unknown()
      // Text arrays (a sales header's Payment Service Set) are the only array columns.
      : column.dataType === 'array' ? z.array(z.string()) : z.string();
    shape[field] = column.notNull ? base : base.nullable();
  }
  return z.object(shape);
}
