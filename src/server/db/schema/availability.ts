import { boolean, check, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { calendarDate, dateFormula, quantity, recordColumns } from './columns.ts';
import { noSeries } from './number-series.ts';

/** BC's Base Calendar: the working days a company, customer, location or shipping agent keeps (spec §16.1). */
export const baseCalendar = pgTable('base_calendar', {
  code: text().primaryKey(),
  name: text().notNull().default(''),
  ...recordColumns(),
});

const calendarChangeColumns = () => ({
  id: uuid().primaryKey().defaultRandom(),
  /** 'none' (that one date), 'annual' (that day and month every year) or 'weekly' (that weekday). */
  recurringSystem: text().notNull().default('none'),
  date: calendarDate(),
  /** ISO weekday 1 (Monday) … 7 (Sunday), for weekly changes. */
  day: integer(),
  description: text().notNull().default(''),
  nonworking: boolean().notNull().default(true),
  ...recordColumns(),
});

const calendarChangeChecks = (t: { recurringSystem: unknown; date: unknown; day: unknown }, name: string) => [
  check(`${name}_recurring`, sql`${t.recurringSystem} in ('none', 'annual', 'weekly')`),
  check(`${name}_when`, sql`(${t.recurringSystem} = 'weekly' and ${t.day} between 1 and 7) or (${t.recurringSystem} <> 'weekly' and ${t.date} is not null)`),
];

export const baseCalendarChange = pgTable('base_calendar_change', {
  baseCalendarCode: text().notNull().references(() => baseCalendar.code, { onDelete: 'cascade' }),
  ...calendarChangeColumns(),
}, (t) => [...calendarChangeChecks(t, 'base_calendar_change'), index('base_calendar_change_calendar').on(t.baseCalendarCode)]);

/** BC's Customized Calendar Change: one source's exceptions to the base calendar it follows. */
export const customizedCalendarChange = pgTable('customized_calendar_change', {
  sourceType: text().notNull(),
  sourceCode: text().notNull().default(''),
  baseCalendarCode: text().notNull().references(() => baseCalendar.code, { onDelete: 'cascade' }),
  ...calendarChangeColumns(),
}, (t) => [
  ...calendarChangeChecks(t, 'customized_calendar_change'),
  check('customized_calendar_change_source', sql`${t.sourceType} in ('company', 'customer', 'location', 'shippingAgent')`),
  index('customized_calendar_change_source_idx').on(t.sourceType, t.sourceCode),
]);

/** BC's Order Promising Setup (spec §16.2): where the promising window starts and where CTP puts its supply. */
export const orderPromisingSetup = pgTable('order_promising_setup', {
  id: integer().primaryKey().default(1),
  offsetTime: dateFormula(),
  orderPromisingNos: text().references(() => noSeries.code),
  worksheetName: text().notNull().default('PROMISING'),
  ...recordColumns(),
}, (t) => [check('order_promising_setup_singleton', sql`${t.id} = 1`)]);

/**
 * The availability projection: per item, location and date, the inventory posted (item ledger),
 * the scheduled receipts and the gross requirements still open (spec §16.4). Database triggers keep
 * it in step with every insert of item ledger entries and every change of a sales or purchase line
 * (migration 0038), so Available to Promise reads a few hundred sums instead of every entry.
 */
export const itemAvailability = pgTable('item_availability', {
  itemNo: text().notNull(),
  locationCode: text().notNull().default(''),
  date: calendarDate().notNull(),
  inventory: quantity().notNull().default('0'),
  scheduledReceipts: quantity().notNull().default('0'),
  grossRequirements: quantity().notNull().default('0'),
}, (t) => [primaryKey({ columns: [t.itemNo, t.locationCode, t.date] })]);

