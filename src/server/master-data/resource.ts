import type { SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Area } from '../../core/access/roles.ts';
import type { Executor } from '../db/connection.ts';

export type Row = Record<string, unknown>;

/** Who is acting, for permission checks and audit. */
export interface Actor { username: string; role: import('../../core/access/roles.ts').Role }

/**
 * One master-data resource: its table, its input schemas and the few rules that are its own.
 * The generic commands, queries and routes do the rest, so every resource pages, filters,
 * versions, validates and refuses deletes in use the same way. The commands take the input its
 * schemas parse (`z.infer`); a list of different resources holds them as `ResourceDefinition`.
 */
export interface ResourceDefinition<Create extends z.ZodObject = z.ZodObject, Update extends z.ZodObject = z.ZodObject> {
  /** Path segment and OpenAPI tag, BC API style: `customers`, `paymentTerms`. */
  name: string;
  /** Human name for messages: `Customer`. */
  entity: string;
  table: PgTable;
  area: Area;
  /** For records that belong to another one, e.g. ship-to addresses under `/customers/{customerNo}`. */
  parent?: { resource: string; entity: string; param: string; field: string; table: PgTable; parentField: string };
  key: { param: string; field: string; kind: 'code' | 'username' | 'uuid' | 'integer' | 'date' };
  /** Read-only resources (archives, ledgers) get only the GET routes. */
  readOnly?: boolean;
  createSchema: Create;
  updateSchema: Update;
  /** Fields a list may be filtered on by equality (`?customerPostingGroup=DOMESTIC`). */
  filters: string[];
  /** Text fields searched, case-insensitively, by `?search=`. */
  search?: string[];
  /**
   * The fields a list may be sorted on (`?sort=name`, `?sort=-postingDate`); without it, every stored
   * field the record returns (not calculated ones). Ties are broken by the key.
   */
  sortFields?: string[];
  /**
   * Names shown beside a number (a ledger entry's customer name), read by a LEFT JOIN in the list
   * query and sortable like a stored field. Not on single-record reads.
   */
  lookups?: ListLookup[];
  /**
   * Values a list computes rather than stores (a document's Amount summed from its lines, a posted
   * invoice's payment status), sortable like a stored field: the list orders all rows by the expression.
   */
  computedSorts?: ComputedSort[];
  /** A date column lists filter by range, both ends inclusive: `?postingDateFrom=2026-01-01&postingDateTo=2026-01-31`. */
  dateRangeField?: string;
  /**
   * Business Central's FlowFields: values summed from other tables (an item ledger entry's cost from
   * its value entries), added to every record read, one query per page.
   */
  flowFields?: { shape: z.ZodRawShape; calculate: (tx: Executor, rows: Row[]) => Promise<Row[]> };
  /** Fields that must hold a posting, unblocked G/L account. */
  accountFields?: string[];
  /** Fields never returned (password hashes). */
  hiddenFields?: string[];
  /** The number series that numbers new records when the client sends no key. */
  numberSeries?: (tx: Executor) => Promise<{ seriesCode: string | null; setup: string }>;
  /** Turns validated input into column values (e.g. hashes a password). */
  prepare?: (tx: Executor, values: Row, previous: Row | undefined) => Promise<Row>;
  /** Rules across fields or records, checked before the write. */
  validate?: (tx: Executor, record: Row, previous: Row | undefined) => Promise<void>;
  /** Dependent records kept in step in the same transaction (an item's base unit of measure). */
  afterWrite?: (tx: Executor, record: Row, previous: Row | undefined) => Promise<void>;
  beforeDelete?: (tx: Executor, record: Row, actor: Actor) => Promise<void>;
}

/** A value joined into every list row: `field` in the response, `value` over the joined `tables`. */
export interface ListLookup {
  field: string;
  joins: Array<{ table: PgTable; on: SQL }>;
  value: PgColumn | SQL;
}

/** A sortable value computed in SQL for each list row, from the row's own table (a correlated subquery). */
export interface ComputedSort {
  field: string;
  /** What the value is, so that a cursor carrying it is checked before it reaches SQL. */
  kind: 'decimal' | 'integer' | 'boolean';
  /** The order, for the OpenAPI document, where the name alone does not say it. */
  order?: string;
  /** The expression over the definition's table; the work date is for values that depend on it (Overdue). */
  value: (context: { workDate: string | undefined }) => SQL;
}

/** A setup table with exactly one row (Company Information, General Ledger Setup …). */
export interface SingletonDefinition<Update extends z.ZodObject = z.ZodObject> {
  name: string;
  entity: string;
  table: PgTable;
  area: Area;
  updateSchema: Update;
  accountFields?: string[];
  /** Columns the record never returns (the company logo's bytes, which have routes of their own). */
  hiddenFields?: string[];
  validate?: (tx: Executor, record: Row) => Promise<void>;
}
