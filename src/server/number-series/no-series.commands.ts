import { type SQL, asc, eq, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { drawNextNumber, type NoSeriesLine } from '../../core/number-series/next-number.ts';
import type { Executor } from '../db/connection.ts';
import { noSeries, noSeriesLine } from '../db/schema/index.ts';

/**
 * Draws the next number of a series inside the caller's transaction. The series lines stay locked
 * until that transaction ends, so numbers are gapless: a rollback gives the number back.
 */
export async function drawNumber(tx: Executor, seriesCode: string, date: string): Promise<{ number: string; warning: boolean }> {
  const { drawn, update } = await lockAndDrawNumbers(tx, [{ series: seriesCode }], date);
  await tx.execute(update!);
  return drawn[0]!;
}

/** A line of a series as the draw reads it, with its series' switches. */
export interface LockedSeriesLine extends NoSeriesLine { seriesCode: string; defaultNos: boolean; dateOrder: boolean }

/**
 * Draws numbers from several series with one statement that locks their lines (in series order,
 * so two postings cannot deadlock on them); the lines' new values come back as one UPDATE for the
 * caller to send with its own writes (a posting sends it with its inserts: write-batch.ts). Until
 * that UPDATE runs the lines stay locked and unchanged. A series drawn twice hands out two numbers.
 */
export async function lockAndDrawNumbers(
  tx: Executor, requests: readonly { series: string }[], date: string,
): Promise<{ drawn: { number: string; warning: boolean }[]; update: SQL | null }> {
  if (requests.length === 0) return { drawn: [], update: null };
  const { rows } = await tx.execute(lockedSeriesLinesQuery(seriesCodes(requests))) as unknown as { rows: Record<string, unknown>[] };
  return drawFromLockedLines(tx, lockedSeriesLinesOf(rows), requests, date);
}

/** The codes of the series drawn from, sorted: the order their lines are locked in. */
export function seriesCodes(requests: readonly { series: string }[]): string[] {
  return [...new Set(requests.map((request) => request.series))].sort();
}

/**
 * The series' lines with their series' switches, locked; its columns named apart (ns_…) so that a
 * posting's statement can draw its entry numbers with it (server/posting/posting-numbers.ts).
 */
export function lockedSeriesLinesQuery(codes: readonly string[]): SQL {
  return sql`select l.series_code as ns_series_code, l.line_no as ns_line_no, l.starting_date::text as ns_starting_date,
      l.starting_no as ns_starting_no, l.ending_no as ns_ending_no, l.warning_no as ns_warning_no, l.increment_by as ns_increment_by,
      l.last_no_used as ns_last_no_used, l.last_date_used::text as ns_last_date_used, l.open as ns_open,
      s.default_nos as ns_default_nos, s.date_order as ns_date_order
    from no_series_line l join no_series s on s.code = l.series_code
    where l.series_code = any(${sql.param(codes)}::text[]) order by l.series_code, l.line_no for update of l`;
}

/** The lines in the rows of lockedSeriesLinesQuery (joined to others, a row of nulls stands for none). */
export function lockedSeriesLinesOf(rows: readonly Record<string, unknown>[]): LockedSeriesLine[] {
  return rows.filter((row) => row.ns_series_code !== null && row.ns_series_code !== undefined).map((row) => ({
    seriesCode: row.ns_series_code as string, lineNo: Number(row.ns_line_no), startingDate: row.ns_starting_date as LockedSeriesLine['startingDate'],
    startingNo: row.ns_starting_no as string, endingNo: row.ns_ending_no as string | null, warningNo: row.ns_warning_no as string | null,
    incrementBy: Number(row.ns_increment_by), lastNoUsed: row.ns_last_no_used as string | null,
    lastDateUsed: row.ns_last_date_used as LockedSeriesLine['lastDateUsed'], open: row.ns_open as boolean,
    defaultNos: row.ns_default_nos as boolean, dateOrder: row.ns_date_order as boolean,
  }));
}

/** The numbers drawn from the locked lines (a series without lines is looked up, to say why), and the UPDATE that advances them. */
export async function drawFromLockedLines(
  tx: Executor, rows: readonly LockedSeriesLine[], requests: readonly { series: string }[], date: string,
): Promise<{ drawn: { number: string; warning: boolean }[]; update: SQL | null }> {
  if (requests.length === 0) return { drawn: [], update: null };
  const linesOf = new Map<string, NoSeriesLine[]>();
  for (const line of rows) linesOf.set(line.seriesCode, [...(linesOf.get(line.seriesCode) ?? []), line]);
  const changed = new Map<string, { code: string; line: NoSeriesLine }>();
  const drawn: { number: string; warning: boolean }[] = [];
  for (const { series: code } of requests) {
    const series = rows.find((row) => row.seriesCode === code) ?? await loadSeries(tx, code);
    if (!series.defaultNos) throw new DomainError('NO_SERIES_NOT_DEFAULT', { series: code });
    const next = drawNextNumber({ code, dateOrder: series.dateOrder }, linesOf.get(code) ?? [], date);
    linesOf.set(code, (linesOf.get(code) ?? []).map((line) => (line.lineNo === next.lineNo ? next.updatedLine : line)));
    changed.set(`${code}/${next.lineNo}`, { code, line: next.updatedLine });
    drawn.push({ number: next.number, warning: next.warning });
  }
  const values = [...changed.values()].map(({ code, line }) => ({
    series_code: code, line_no: line.lineNo, last_no_used: line.lastNoUsed, last_date_used: line.lastDateUsed, open: line.open,
  }));
  const update = sql`update no_series_line as l set last_no_used = v.last_no_used, last_date_used = v.last_date_used, open = v.open
    from json_to_recordset(${JSON.stringify(values)}::json) as v(series_code text, line_no integer, last_no_used text, last_date_used date, open boolean)
    where l.series_code = v.series_code and l.line_no = v.line_no`;
  return { drawn, update };
}

/** What the next number would be, without drawing it. */
export async function peekNumber(tx: Executor, seriesCode: string, date: string): Promise<{ number: string; warning: boolean }> {
  const series = await loadSeries(tx, seriesCode);
  const lines = await tx.select().from(noSeriesLine).where(eq(noSeriesLine.seriesCode, seriesCode)).orderBy(asc(noSeriesLine.lineNo));
  const drawn = drawNextNumber({ code: seriesCode, dateOrder: series.dateOrder }, lines as NoSeriesLine[], date);
  return { number: drawn.number, warning: drawn.warning };
}

export async function assertManualNumberAllowed(tx: Executor, seriesCode: string): Promise<void> {
  const series = await loadSeries(tx, seriesCode);
  if (!series.manualNos) throw new DomainError('NO_SERIES_MANUAL_NOT_ALLOWED', { series: seriesCode });
}

async function loadSeries(tx: Executor, seriesCode: string) {
  const [series] = await tx.select().from(noSeries).where(eq(noSeries.code, seriesCode));
  if (!series) throw new DomainError('NOT_FOUND', { entity: 'No. Series', key: seriesCode });
  return series;
}
