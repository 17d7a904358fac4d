import { type SQL, asc, eq, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { drawNextNumber, type NoSeriesLine } from '../../core/number-series/next-number.ts';
import type { Executor } from '../db/connection.ts';
import { isAnyOf, reusableSelect } from '../db/reusable-select.ts';
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

const selectLockedSeriesLines = reusableSelect((db) => db.select({ series: noSeries, line: noSeriesLine }).from(noSeriesLine)
  .innerJoin(noSeries, eq(noSeries.code, noSeriesLine.seriesCode))
  .where(isAnyOf(noSeriesLine.seriesCode, 'codes'))
  .orderBy(asc(noSeriesLine.seriesCode), asc(noSeriesLine.lineNo)).for('update', { of: noSeriesLine }));

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
  const codes = [...new Set(requests.map((request) => request.series))].sort();
  const rows = await selectLockedSeriesLines(tx, { codes });
  const linesOf = new Map<string, NoSeriesLine[]>();
  for (const { line } of rows) linesOf.set(line.seriesCode, [...(linesOf.get(line.seriesCode) ?? []), line as NoSeriesLine]);
  const changed = new Map<string, { code: string; line: NoSeriesLine }>();
  const drawn: { number: string; warning: boolean }[] = [];
  for (const { series: code } of requests) {
    const series = rows.find((row) => row.series.code === code)?.series ?? await loadSeries(tx, code);
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
