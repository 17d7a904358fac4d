/**
 * The query parameters of the receivables reports (GET /api/v1/receivables/agedReceivables,
 * /customers/{no}/balance, /customers/{no}/statement), shared by the API and the web app. A bad
 * parameter is refused with its name (400 INVALID_INPUT, field `querystring.<name>`).
 */
import { z } from 'zod';
import { code, isoDate } from '../master-data/fields.ts';
import { agingBases, areDayEdges, isAgingPeriodLength, maxAgingPeriods } from './aging.ts';

/** Reports look back from their dates (periods, the day before a statement): from 1900 on, they stay inside the calendar. */
const reportDate = () => isoDate().refine((value) => value >= '1900-01-01', 'must be a date from 1900-01-01 on');

/** `format=csv` answers text/csv (RFC 4180, a header row) instead of JSON: the download of the report. */
export const reportFormats = ['json', 'csv'] as const;
const format = z.enum(reportFormats).default('json').describe('json (default) or csv: csv answers text/csv, a header row and one row per line of the report.');

/** "30,60,90": the upper ends of the past periods in days overdue. */
const dayEdges = z.string().trim().transform((text, context) => {
  const parts = text.split(',').map((part) => part.trim());
  const edges = parts.every((part) => /^\d{1,5}$/.test(part)) ? parts.map((part) => parseInt(part, 10)) : [];
  if (!areDayEdges(edges)) {
    context.addIssue({ code: 'custom', message: `must be 1 to ${maxAgingPeriods} whole numbers of days, ascending, such as 30,60,90` });
    return z.NEVER;
  }
  return edges;
});

export const agedReceivablesQuery = z.strictObject({
  asOf: reportDate().optional().describe('Aged as of this date; left out: the work date. Entries and applications posted after it are not counted.'),
  agingBy: z.enum(agingBases).default('dueDate').describe('The date an entry is aged by (BC: Aging by).'),
  periodLength: z.string().trim().transform((value) => value.toUpperCase())
    .refine(isAgingPeriodLength, 'must be one period of at most a year, such as 30D, 2W, 1M or 1Q').optional()
    .describe('Length of each past period, stepped back from the as-of date (default 30D).'),
  periods: z.coerce.number().int().min(1).max(maxAgingPeriods).optional().describe('How many past periods of periodLength before "older" (default 3).'),
  buckets: dayEdges.optional().describe('Instead of periodLength: the upper ends of the past periods in days overdue, e.g. 30,60,90.'),
  customerNo: code().optional(),
  amountsIn: z.enum(['lcy', 'currency']).default('lcy').describe('CSV only: one LCY row per customer (lcy), or one row per customer and document currency (currency). JSON has both.'),
  format,
}).superRefine((query, context) => {
  if (query.buckets !== undefined && (query.periodLength !== undefined || query.periods !== undefined)) {
    context.addIssue({ code: 'custom', path: ['buckets'], message: 'cannot be combined with periodLength or periods' });
  }
});
export type AgedReceivablesQuery = z.output<typeof agedReceivablesQuery>;

export const customerBalanceQuery = z.strictObject({
  asOf: reportDate().optional().describe('Left out: the work date.'),
  format,
});

export const customerStatementQuery = z.strictObject({
  from: reportDate(),
  to: reportDate(),
  format,
}).superRefine((query, context) => {
  if (query.to < query.from) context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
});
