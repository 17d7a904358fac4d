/**
 * Base calendars and order promising setup (issue 20, spec §16.1–16.2) as setup page specs, and the
 * customized calendar changes of a company, customer, location or shipping agent as a rows spec.
 * Kept free of React and of the i18n runtime, like setup-pages.ts (the navigation reads both).
 */
import { z } from 'zod';
import {
  baseCalendarChangeSchemas, baseCalendarSchemas, customizedCalendarChangeSchemas, orderPromisingSetupUpdate,
} from '../../core/master-data/calendar.schemas.ts';
import type { FieldGroup, FieldSpec } from '../components/record-fields.ts';
import type { SetupRecord, SetupRowsSpec, SetupSingletonSpec, SetupTableSpec } from './setup-page-types.ts';

/** ISO weekdays as the API keeps them (1 Monday … 7 Sunday); blank for a change that names a date. */
export const weekdayCaptions: Readonly<Record<string, string>> = {
  '': '', 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday', 6: 'Saturday', 7: 'Sunday',
};

/** BC's Recurring System: blank for one date, else every year on that date or every week on that day. */
export const recurringSystemCaptions: Readonly<Record<string, string>> = { none: '', annual: 'Annual Recurring', weekly: 'Weekly Recurring' };

export type CalendarSourceType = 'company' | 'customer' | 'location' | 'shippingAgent';

/**
 * The form keeps the weekday as the option's text ('6', '' for none); the API takes a number or null.
 * Converted before the API's own schema checks it, so a refusal still names the field.
 */
export function dayAsNumber(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || !('day' in input)) return input;
  const { day } = input as { day: unknown };
  const number = day === '' || day === null ? null : typeof day === 'string' && /^\d+$/.test(day) ? Number.parseInt(day, 10) : day;
  return { ...input, day: number };
}

const withDayAsNumber = (schemas: { create: z.ZodType; update: z.ZodType }) => ({
  create: z.preprocess(dayAsNumber, schemas.create), update: z.preprocess(dayAsNumber, schemas.update),
});

const changeFields: readonly FieldSpec[] = [
  { name: 'recurringSystem', label: 'Recurring System', kind: 'choice', options: recurringSystemCaptions },
  { name: 'date', label: 'Date (YYYY-MM-DD)', kind: 'text' },
  { name: 'day', label: 'Day', kind: 'choice', options: weekdayCaptions },
  { name: 'description', label: 'Description', kind: 'text' },
  { name: 'nonworking', label: 'Nonworking', kind: 'boolean' },
];
const changeGroups: readonly FieldGroup[] = [{ title: 'Calendar Change', fields: changeFields }];

const changeColumns = [
  { header: 'Recurring System', field: 'recurringSystem', options: recurringSystemCaptions }, { header: 'Date', field: 'date' },
  { header: 'Day', field: 'day', options: weekdayCaptions }, { header: 'Description', field: 'description' }, { header: 'Nonworking', field: 'nonworking' },
];

/** A change in words, for its dialog and the delete question: "Weekly Recurring Saturday Weekend". */
function describeChange(row: SetupRecord): string {
  const when = row.recurringSystem === 'weekly' ? weekdayCaptions[String(row.day ?? '')] : String(row.date ?? '');
  return `${when ?? ''} ${String(row.description ?? '')}`.trim();
}

const changeRows = {
  noun: 'calendar change', keyOf: (row: SetupRecord) => String(row.id), describe: describeChange, columns: changeColumns,
  newFields: changeGroups, fields: changeGroups, newDefaults: { recurringSystem: 'none', nonworking: true },
};

/** A base calendar's own changes: the weekdays and dates that are (non)working for every party using it. */
export function baseCalendarChangesRows(calendar: SetupRecord): SetupRowsSpec {
  return {
    ...changeRows, title: 'Base Calendar Changes', resource: `/baseCalendars/${encodeURIComponent(String(calendar.code))}/changes`,
    schemas: withDayAsNumber(baseCalendarChangeSchemas),
    hint: 'A weekly change names a day, the others a date. Nonworking days are skipped when delivery dates are calculated.',
  };
}

/**
 * A party's exceptions to its base calendar (BC's Customized Calendar Changes): kept per base calendar
 * code, so the changes made for another calendar stay out of view (and out of the calculation).
 */
export function customizedChangesRows(sourceType: CalendarSourceType, sourceCode: string, baseCalendarCode: string): SetupRowsSpec {
  const owner = { sourceType, sourceCode, baseCalendarCode };
  return {
    ...changeRows, title: 'Customized Calendar Changes', resource: '/customizedCalendarChanges', filter: owner, fixed: owner,
    schemas: withDayAsNumber(customizedCalendarChangeSchemas),
    hint: 'Where this calendar differs from its base calendar for this party only.',
  };
}

/** The customized changes of a location's or shipping agent's dialog, once it has a base calendar. */
export const customizedChangesOf = (sourceType: CalendarSourceType) => (record: SetupRecord): SetupRowsSpec | undefined => (
  record.baseCalendarCode ? customizedChangesRows(sourceType, String(record.code), String(record.baseCalendarCode)) : undefined
);

export const baseCalendarCodeField: FieldSpec = { name: 'baseCalendarCode', label: 'Base Calendar Code', kind: 'code', lookup: '/baseCalendars' };

const calendarFields: readonly FieldGroup[] = [{ title: 'General', fields: [{ name: 'name', label: 'Name', kind: 'text' }] }];

export const baseCalendars: SetupTableSpec = {
  kind: 'table', path: 'base-calendars', title: 'Base Calendars', resource: '/baseCalendars',
  keyOf: (record) => String(record.code), describe: (record) => `${String(record.code)} ${String(record.name ?? '')}`.trim(),
  columns: [{ header: 'Code', field: 'code' }, { header: 'Name', field: 'name' }],
  newFields: [{ title: 'General', fields: [{ name: 'code', label: 'Code', kind: 'text' }, ...calendarFields[0]!.fields] }],
  fields: calendarFields,
  schemas: baseCalendarSchemas,
  rows: baseCalendarChangesRows,
};

export const orderPromisingSetup: SetupSingletonSpec = {
  kind: 'singleton', path: 'order-promising-setup', title: 'Order Promising Setup', resource: '/orderPromisingSetup',
  schema: orderPromisingSetupUpdate,
  fields: [{
    title: 'General',
    fields: [
      { name: 'offsetTime', label: 'Offset (Time)', kind: 'text' },
      { name: 'orderPromisingNos', label: 'Order Promising Nos.', kind: 'code', lookup: '/noSeries' },
      { name: 'worksheetName', label: 'Order Promising Worksheet', kind: 'text' },
    ],
  }],
};
