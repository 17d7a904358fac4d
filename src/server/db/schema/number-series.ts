import { boolean, integer, primaryKey, pgTable, text } from 'drizzle-orm/pg-core';
import { calendarDate, flag, recordColumns } from './columns.ts';

export const noSeries = pgTable('no_series', {
  code: text().primaryKey(),
  description: text().notNull().default(''),
  defaultNos: boolean().notNull().default(true),
  manualNos: flag(),
  dateOrder: flag(),
  /** Gapless is always safe; gaps allowed only lifts the requirement (see DESIGN §5). */
  allowGaps: flag(),
  ...recordColumns(),
});

export const noSeriesLine = pgTable(
  'no_series_line',
  {
    seriesCode: text().notNull().references(() => noSeries.code, { onDelete: 'cascade' }),
    lineNo: integer().notNull(),
    startingDate: calendarDate(),
    startingNo: text().notNull(),
    endingNo: text(),
    warningNo: text(),
    incrementBy: integer().notNull().default(1),
    lastNoUsed: text(),
    lastDateUsed: calendarDate(),
    open: boolean().notNull().default(true),
    ...recordColumns(),
  },
  (t) => [primaryKey({ columns: [t.seriesCode, t.lineNo] })],
);
