/**
 * The shape of a setup page's spec (setup-pages.ts lists them; calendar-pages.ts adds some), kept in
 * a file of its own so that the specs' files can share it without importing one another.
 */
import type { z } from 'zod';
import type { FieldGroup } from '../components/record-fields.ts';

export type SetupRecord = Record<string, unknown> & { version: number };

export interface SetupListColumn {
  header: string;
  field: string;
  align?: 'right';
  /** A choice's captions by value (a weekday's name for its number), for a rows panel's cells. */
  options?: Readonly<Record<string, string>>;
}

/**
 * A record's own rows, as components/record-rows-panel.tsx shows them (its RecordRowsSpec, kept
 * free of React here: the navigation, and with it this file, is also read outside the browser build).
 */
export interface SetupRowsSpec {
  title: string;
  noun: string;
  resource: string;
  /** Equality filters of the collection and the values every new row is sent with (a party's calendar changes). */
  filter?: Record<string, string>;
  fixed?: Record<string, unknown>;
  keyOf: (row: SetupRecord) => string;
  describe: (row: SetupRecord) => string;
  columns: readonly SetupListColumn[];
  newFields: readonly FieldGroup[];
  fields: readonly FieldGroup[];
  newDefaults?: Record<string, unknown>;
  schemas: { create: z.ZodType; update: z.ZodType };
  hint?: string;
}

/** A setup table: its records listed, each edited in a dialog. */
export interface SetupTableSpec {
  kind: 'table';
  /** The page's path under /setup, e.g. payment-terms. */
  path: string;
  title: string;
  /** The API collection, e.g. /paymentTerms. */
  resource: string;
  /** The record's key in the collection's path (its code, number, username or id). */
  keyOf: (record: SetupRecord) => string;
  /** The record in words, for the dialog's title and the delete question. */
  describe: (record: SetupRecord) => string;
  columns: readonly SetupListColumn[];
  /** The dialog's fields of a new record (its key included) and of an existing one. */
  newFields: readonly FieldGroup[];
  fields: readonly FieldGroup[];
  newDefaults?: Record<string, unknown>;
  schemas: { create: z.ZodType; update: z.ZodType };
  /** The record's own rows (a currency's exchange rates, a series' lines), shown in its dialog once it exists (and has any). */
  rows?: (record: SetupRecord) => SetupRowsSpec | undefined;
}

/** A setup record of which the company has exactly one (Sales & Receivables Setup). */
export interface SetupSingletonSpec {
  kind: 'singleton';
  path: string;
  title: string;
  resource: string;
  fields: readonly FieldGroup[];
  schema: z.ZodType;
}

export type SetupPageSpec = SetupTableSpec | SetupSingletonSpec;
