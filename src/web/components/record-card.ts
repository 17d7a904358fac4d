import type { z } from 'zod';
import type { FieldGroup } from './record-fields.ts';

/** What every card record carries: its number, a name for the title and the version its ETag is. */
export interface CardRecord { no: string; name: string; version: number }

/** A master-data card (customer, vendor): the API collection it edits and how its FastTabs look. */
export interface RecordCardSpec<T extends CardRecord> {
  /** "Customer": names the form ("Customer card") and a new record ("New customer"). */
  caption: string;
  /** The API collection, e.g. /customers; the app's list and cards live under the same path. */
  resource: string;
  /** The record's React Query key is [queryKey, no]. */
  queryKey: string;
  /** The API's own create and update schemas: input is checked with them before it is sent. */
  schemas: { create: z.ZodType; update: z.ZodType };
  fieldGroups: readonly FieldGroup[];
  /** The groups of a new record: with its No., which the number series fills when left empty. */
  newFieldGroups: readonly FieldGroup[];
  newDefaults: Partial<T>;
}

export function recordCardPath<T extends CardRecord>(spec: RecordCardSpec<T>, no: string): string {
  return `${spec.resource}/${encodeURIComponent(no)}`;
}
