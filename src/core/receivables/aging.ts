/**
 * Aged receivables (spec §20.1, §20.7; BC's report 120 Aged Accounts Receivable): what is open on
 * each customer entry as of a date — Σ of its detailed entries posted on or before it — placed in
 * a bucket by the entry's due date, posting date or document date.
 *
 * Buckets run from the newest to the oldest: "Current" holds what is not overdue at the as-of date
 * (reference date on or after it: as in balance-due.ts, an entry due on the as-of date is not
 * overdue yet, so Σ of the other buckets by due date is the Balance Due (LCY) at that date), then
 * the past periods, then everything older. BC's period length (30D, 1M …) steps back from the
 * as-of date one period at a time, as its CalcDate does; day edges (30, 60, 90) give the same
 * buckets by days overdue. Deviation from report 120: there an entry due on the as-of date already
 * counts in the first past period.
 */
import { addDays, compareDates, daysBetween, type IsoDate } from '../dates/calendar-date.ts';
import { calculateDate, parseDateFormula } from '../dates/date-formula.ts';
import { DomainError } from '../errors.ts';
import { groupBy } from '../group-by.ts';
import { type Decimal, sum, ZERO } from '../money/decimal.ts';

export const agingBases = ['dueDate', 'postingDate', 'documentDate'] as const;
export type AgingBasis = (typeof agingBases)[number];

export interface AgingBucket {
  /** "Current", "1–30 days", "Over 90 days": days past the reference date, for the column heading. */
  label: string;
  /** The reference dates the bucket holds, both ends included; null: open-ended. */
  from: IsoDate | null;
  to: IsoDate | null;
}

/** How the past is cut: BC's period length, a number of times, or day edges (upper ends, ascending). */
export type AgingPeriods = { periodLength: string; periods: number } | { dayEdges: readonly number[] };

export const defaultPeriodLength = '30D';
export const defaultPeriodCount = 3;
export const defaultAgingPeriods: AgingPeriods = { periodLength: defaultPeriodLength, periods: defaultPeriodCount };
export const maxAgingPeriods = 12;

/** The longest period of each unit: a year, so that even the most periods stay well inside the calendar. */
const maxPeriodCount: Readonly<Record<string, number>> = { D: 366, W: 53, M: 12, Q: 4, Y: 1 };

/** A period length steps back cleanly only as one positive term, a year at most: 30D, 2W, 1M, 1Q, 1Y. */
export function isAgingPeriodLength(text: string): boolean {
  try {
    const [term, ...more] = parseDateFormula(text).terms;
    return more.length === 0 && term?.kind === 'periods' && term.sign > 0 && term.count > 0 && term.count <= maxPeriodCount[term.period]!;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

/** Upper ends of the past periods in days overdue: 1 or more, strictly ascending, at most maxAgingPeriods of them. */
export function areDayEdges(edges: readonly number[]): boolean {
  return edges.length >= 1 && edges.length <= maxAgingPeriods
    && edges.every((days, index) => Number.isInteger(days) && days >= 1 && days <= 36_600 && (index === 0 || days > edges[index - 1]!));
}

/** The first reference date of each past period, newest first: each one period before the previous one. */
function periodStarts(asOf: IsoDate, periods: AgingPeriods): IsoDate[] {
  if ('dayEdges' in periods) {
    if (!areDayEdges(periods.dayEdges)) throw new DomainError('INVALID_INPUT', { detail: 'Aging day edges must be whole days, ascending, from 1 on.' });
    return periods.dayEdges.map((days) => addDays(asOf, -days));
  }
  if (!isAgingPeriodLength(periods.periodLength)) {
    throw new DomainError('INVALID_DATE_FORMULA', { formula: periods.periodLength, reason: 'an aging period is one positive term such as 30D or 1M' });
  }
  if (!Number.isInteger(periods.periods) || periods.periods < 1 || periods.periods > maxAgingPeriods) {
    throw new DomainError('INVALID_INPUT', { detail: `An aging report has 1 to ${maxAgingPeriods} past periods.` });
  }
  const starts: IsoDate[] = [];
  let start = asOf;
  for (let index = 0; index < periods.periods; index++) {
    start = calculateDate(`-${periods.periodLength}`, start);
    starts.push(start);
  }
  return starts;
}

/** Current, the past periods and older, as of a date. */
export function agingBuckets(asOf: IsoDate, periods: AgingPeriods = defaultAgingPeriods): AgingBucket[] {
  const starts = periodStarts(asOf, periods);
  const buckets: AgingBucket[] = [{ label: 'Current', from: asOf, to: null }];
  let newerStart = asOf;
  for (const start of starts) {
    const to = addDays(newerStart, -1);
    buckets.push({ label: `${daysBetween(to, asOf)}–${daysBetween(start, asOf)} days`, from: start, to });
    newerStart = start;
  }
  buckets.push({ label: `Over ${daysBetween(newerStart, asOf)} days`, from: null, to: addDays(newerStart, -1) });
  return buckets;
}

/** The bucket a reference date falls in: the first, newest first, that starts on or before it. */
export function bucketIndexOf(referenceDate: IsoDate, buckets: readonly AgingBucket[]): number {
  const index = buckets.findIndex((bucket) => bucket.from === null || compareDates(referenceDate, bucket.from) >= 0);
  return index < 0 ? buckets.length - 1 : index;
}

export interface AgedEntryDates {
  postingDate: IsoDate;
  dueDate: IsoDate | null;
  documentDate: IsoDate | null;
}

/** The date an entry is aged by. A payment has no due date: it is due when posted (as in customer-statistics). */
export function referenceDate(entry: AgedEntryDates, agingBy: AgingBasis): IsoDate {
  if (agingBy === 'dueDate') return entry.dueDate ?? entry.postingDate;
  if (agingBy === 'documentDate') return entry.documentDate ?? entry.postingDate;
  return entry.postingDate;
}

/** What is open in one bucket for a customer in one currency ('' = local currency), in that currency and in LCY. */
export interface AgedAmountRow {
  customerNo: string;
  currencyCode: string;
  bucket: number;
  amount: Decimal;
  amountLcy: Decimal;
}

export interface AgedAmounts {
  /** One amount per bucket, in bucket order. */
  amounts: Decimal[];
  balance: Decimal;
}

export interface AgedCustomer {
  customerNo: string;
  name: string;
  lcy: AgedAmounts;
  /** In each document currency the customer has open amounts in ('' = LCY). */
  currencies: Array<AgedAmounts & { currencyCode: string }>;
}

export interface AgedReceivables {
  asOf: IsoDate;
  agingBy: AgingBasis;
  buckets: AgingBucket[];
  customers: AgedCustomer[];
  totals: { lcy: AgedAmounts; currencies: Array<AgedAmounts & { currencyCode: string }> };
}

function amountsOf(rows: readonly AgedAmountRow[], bucketCount: number, pick: (row: AgedAmountRow) => Decimal): AgedAmounts {
  const amounts = Array.from({ length: bucketCount }, (_, bucket) => sum(rows.filter((row) => row.bucket === bucket).map(pick)));
  return { amounts, balance: sum(amounts) };
}

function byCurrency(rows: readonly AgedAmountRow[], bucketCount: number): Array<AgedAmounts & { currencyCode: string }> {
  const codes = [...new Set(rows.map((row) => row.currencyCode))].sort();
  return codes
    .map((currencyCode) => ({ currencyCode, ...amountsOf(rows.filter((row) => row.currencyCode === currencyCode), bucketCount, (row) => row.amount) }))
    .filter((amounts) => amounts.amounts.some((amount) => !amount.isZero()));
}

const groupByCustomer = (rows: readonly AgedAmountRow[]) => groupBy(rows, (row) => row.customerNo);

/**
 * The report from amounts already placed in buckets (the server sums them in the database), by
 * customer number; a customer with nothing open in any bucket and currency is left out.
 */
export function assembleAgedReceivables(
  header: { asOf: IsoDate; agingBy: AgingBasis; buckets: AgingBucket[] }, rows: readonly AgedAmountRow[], names: ReadonlyMap<string, string>,
): AgedReceivables {
  const count = header.buckets.length;
  const customers = [...groupByCustomer(rows)]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([customerNo, own]) => ({ customerNo, name: names.get(customerNo) ?? '', lcy: amountsOf(own, count, (row) => row.amountLcy), currencies: byCurrency(own, count) }))
    .filter((customer) => customer.currencies.length > 0 || customer.lcy.amounts.some((amount) => !amount.isZero()));
  return { ...header, customers, totals: { lcy: amountsOf(rows, count, (row) => row.amountLcy), currencies: byCurrency(rows, count) } };
}

/** One customer entry with what is open on it at the as-of date (Σ of its detailed entries up to then). */
export interface OpenEntryAsOf extends AgedEntryDates {
  customerNo: string;
  currencyCode: string;
  remainingAmount: Decimal;
  remainingAmountLcy: Decimal;
}

/** The report from single entries: each entry in the bucket of its reference date. */
export function ageEntries(
  entries: readonly OpenEntryAsOf[], options: { asOf: IsoDate; agingBy: AgingBasis; periods?: AgingPeriods }, names: ReadonlyMap<string, string> = new Map(),
): AgedReceivables {
  const buckets = agingBuckets(options.asOf, options.periods);
  const rows = entries.map((entry) => ({
    customerNo: entry.customerNo, currencyCode: entry.currencyCode, bucket: bucketIndexOf(referenceDate(entry, options.agingBy), buckets),
    amount: entry.remainingAmount, amountLcy: entry.remainingAmountLcy,
  }));
  return assembleAgedReceivables({ asOf: options.asOf, agingBy: options.agingBy, buckets }, rows, names);
}

/** Σ of the LCY balances of the report's customers: equals its total balance (and the receivables balance as of the date). */
export function totalBalanceLcy(report: AgedReceivables): Decimal {
  return report.customers.reduce((total, customer) => total.plus(customer.lcy.balance), ZERO);
}
