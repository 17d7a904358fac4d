/**
 * The parts of drizzle that are not in its public types but let a statement built once (or by hand)
 * be run with drizzle's own mapping of its result: reusable-select.ts and bulk-insert.ts use them.
 */
import type { Column, Query, SQL } from 'drizzle-orm';
import * as drizzleUtils from 'drizzle-orm/utils';

/** A selection's fields in result order (exported by drizzle-orm/utils, but marked internal in its types). */
export const { orderSelectedFields } = drizzleUtils as unknown as { orderSelectedFields(fields: Record<string, unknown>): { path: string[]; field: Column }[] };

export interface PreparedSelect {
  joinsNotNullableMap?: Record<string, boolean>;
  execute(values?: Record<string, unknown>): Promise<unknown>;
}

/** What an executor (and a query builder) keeps: its dialect and its session. */
export interface ExecutorInternals {
  dialect: { sqlToQuery(sql: SQL): Query };
  session: {
    prepareQuery(query: Query, fields: unknown, name: undefined, arrayMode: true, customResultMapper?: (rows: unknown[][]) => unknown): PreparedSelect;
  };
}
