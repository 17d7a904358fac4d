import { and, asc, eq } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { drawNextNumber, type NoSeriesLine } from '../../core/number-series/next-number.ts';
import type { Executor } from '../db/connection.ts';
import { noSeries, noSeriesLine } from '../db/schema/index.ts';

/**
 * Draws the next number of a series inside the caller's transaction. The series lines stay locked
 * until that transaction ends, so numbers are gapless: a rollback gives the number back.
 */
export async function drawNumber(tx: Executor, seriesCode: string, date: string): Promise<{ number: string; warning: boolean }> {
  // The series and its lines in one statement (postings draw two numbers; each statement counts).
  const rows = await tx.select({ series: noSeries, line: noSeriesLine }).from(noSeriesLine)
    .innerJoin(noSeries, eq(noSeries.code, noSeriesLine.seriesCode))
    .where(eq(noSeriesLine.seriesCode, seriesCode)).orderBy(asc(noSeriesLine.lineNo)).for('update', { of: noSeriesLine });
  const series = rows[0]?.series ?? await loadSeries(tx, seriesCode);
  if (!series.defaultNos) throw new DomainError('NO_SERIES_NOT_DEFAULT', { series: seriesCode });
  const lines = rows.map((row) => row.line);
  const drawn = drawNextNumber({ code: seriesCode, dateOrder: series.dateOrder }, lines as NoSeriesLine[], date);
  await tx.update(noSeriesLine)
    .set({ lastNoUsed: drawn.updatedLine.lastNoUsed, lastDateUsed: drawn.updatedLine.lastDateUsed, open: drawn.updatedLine.open })
    .where(and(eq(noSeriesLine.seriesCode, seriesCode), eq(noSeriesLine.lineNo, drawn.lineNo)));
  return { number: drawn.number, warning: drawn.warning };
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
