import { decimalForInput, parseDecimalInput } from '../format/numbers.ts';
import type { SupportedLocale } from '../format/locales.ts';
import type { LookupSource } from './lookup-source.ts';

/** One field of a card: how it is edited and, for codes, which API collection holds the choices. */
export type FieldSpec =
  | { name: string; label: string; kind: 'text' | 'decimal' | 'boolean' }
  | { name: string; label: string; kind: 'choice'; options: Readonly<Record<string, string>> }
  | {
    name: string; label: string; kind: 'code'; lookup: string;
    /** The API keeps "none" as '' (a text field, not a nullable reference): a cleared choice is sent as ''. */
    emptyAsText?: boolean;
  }
  /** A record by its number (a customer, an item): typed, or looked up by name (components/record-lookup.tsx). */
  | { name: string; label: string; kind: 'record'; source: LookupSource<never> };

export interface FieldGroup {
  title: string;
  fields: readonly FieldSpec[];
}

export type FormValue = string | boolean | null;
export type FormValues = Record<string, FormValue>;

/** A record as the form edits it: decimals as the user's locale writes them. */
export function toFormValues(record: object, fields: readonly FieldSpec[], locale: SupportedLocale): FormValues {
  return Object.fromEntries(fields.map((field) => {
    const value = (record as Record<string, unknown>)[field.name];
    if (field.kind === 'boolean') return [field.name, Boolean(value)];
    if (field.kind === 'code' || field.kind === 'record') return [field.name, (value as string | null | undefined) || null];
    if (field.kind === 'decimal') return [field.name, typeof value === 'string' && value !== '' ? decimalForInput(value, locale, 2) : ''];
    return [field.name, (value as string | undefined) ?? ''];
  }));
}

/** The values as the API takes them: decimals as plain strings (left as typed when unreadable, for the schema to refuse). */
export function toPayload(values: FormValues, fields: readonly FieldSpec[], locale: SupportedLocale): Record<string, FormValue> {
  return Object.fromEntries(fields.map((field) => {
    const value = values[field.name] ?? null;
    if (field.kind === 'decimal' && typeof value === 'string') return [field.name, parseDecimalInput(value, locale) ?? value];
    if (field.kind === 'code' && field.emptyAsText && value === null) return [field.name, ''];
    return [field.name, value];
  }));
}

export function changedValues(payload: Record<string, FormValue>, original: Record<string, FormValue>): Record<string, FormValue> {
  return Object.fromEntries(Object.entries(payload).filter(([name, value]) => value !== original[name]));
}

/** For a new record: the fields filled in (and every checkbox), so the server's defaults apply to the rest. */
export function filledValues(payload: Record<string, FormValue>): Record<string, FormValue> {
  return Object.fromEntries(Object.entries(payload).filter(([, value]) => value !== '' && value !== null));
}

/** A new record's groups: No. first, to be given or left empty for the number series to assign. */
export function withNoField(groups: readonly FieldGroup[]): FieldGroup[] {
  return groups.map((group, index) => (index === 0 ? { ...group, fields: [{ name: 'no', label: 'No.', kind: 'text' }, ...group.fields] } : group));
}
