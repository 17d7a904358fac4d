/**
 * What a sales line's delivery dates are calculated with (spec §16.1): the location's outbound
 * warehouse handling time (else the inventory setup's) and the base calendars of the company, the
 * location, the customer and the shipping agent, each with its customized changes.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { BaseCalendarChange, CalendarSource } from '../../core/dates/base-calendar.ts';
import type { IsoWeekday } from '../../core/dates/calendar-date.ts';
import type { DeliveryCalendars } from '../../core/dates/delivery-dates.ts';
import type { Executor } from '../db/connection.ts';
import { baseCalendarChange, customizedCalendarChange } from '../db/schema/index.ts';

export interface DeliveryParties { customerNo: string | null; locationCode: string | null; shippingAgentCode: string | null }

export interface DeliverySetup {
  /** The location's Outbound Whse. Handling Time, '' when it has none (the caller falls back to the inventory setup). */
  locationOutboundHandlingTime: string;
  calendars: DeliveryCalendars;
}

type CalendarSourceType = 'company' | 'customer' | 'location' | 'shippingAgent';
interface CalendarOwner { sourceType: CalendarSourceType; sourceCode: string; baseCalendarCode: string | null }

/** One read of the parties' calendar codes, and one of their calendar changes when any of them has a calendar. */
export async function deliverySetup(tx: Executor, parties: DeliveryParties): Promise<DeliverySetup> {
  const [row] = (await tx.execute(sql`
    select (select base_calendar_code from company_information where id = 1) as company,
      (select base_calendar_code from customer where no = ${parties.customerNo}) as customer,
      (select base_calendar_code from location where code = ${parties.locationCode}) as location,
      (select outbound_warehouse_handling_time from location where code = ${parties.locationCode}) as handling,
      (select base_calendar_code from shipping_agent where code = ${parties.shippingAgentCode}) as agent`) as unknown as { rows: Array<Record<string, string | null>> }).rows;
  const owners: Record<CalendarSourceType, CalendarOwner> = {
    company: { sourceType: 'company', sourceCode: '', baseCalendarCode: row!.company ?? null },
    customer: { sourceType: 'customer', sourceCode: parties.customerNo ?? '', baseCalendarCode: row!.customer ?? null },
    location: { sourceType: 'location', sourceCode: parties.locationCode ?? '', baseCalendarCode: row!.location ?? null },
    shippingAgent: { sourceType: 'shippingAgent', sourceCode: parties.shippingAgentCode ?? '', baseCalendarCode: row!.agent ?? null },
  };
  const sources = await calendarSources(tx, Object.values(owners));
  return {
    locationOutboundHandlingTime: row!.handling ?? '',
    calendars: {
      company: sources.get('company') ?? null,
      location: sources.get('location') ?? null,
      customer: sources.get('customer') ?? null,
      shippingAgentService: parties.shippingAgentCode ? { calendar: sources.get('shippingAgent') ?? null } : null,
    },
  };
}

const changeOf = (row: typeof baseCalendarChange.$inferSelect | typeof customizedCalendarChange.$inferSelect): BaseCalendarChange => ({
  recurringSystem: row.recurringSystem as BaseCalendarChange['recurringSystem'], date: row.date, day: row.day as IsoWeekday | null,
  description: row.description, nonworking: row.nonworking,
});

/** The calendar of each owner that has one: its base calendar's changes and its own customized changes. */
export async function calendarSources(tx: Executor, owners: readonly CalendarOwner[]): Promise<Map<CalendarSourceType, CalendarSource>> {
  const withCalendar = owners.filter((owner) => owner.baseCalendarCode !== null);
  const result = new Map<CalendarSourceType, CalendarSource>();
  if (withCalendar.length === 0) return result;
  const codes = [...new Set(withCalendar.map((owner) => owner.baseCalendarCode!))];
  const [base, customized] = [
    await tx.select().from(baseCalendarChange).where(inArray(baseCalendarChange.baseCalendarCode, codes)),
    await tx.select().from(customizedCalendarChange).where(or(...withCalendar.map((owner) => and(
      eq(customizedCalendarChange.sourceType, owner.sourceType), eq(customizedCalendarChange.sourceCode, owner.sourceCode),
      eq(customizedCalendarChange.baseCalendarCode, owner.baseCalendarCode!))))),
  ];
  for (const owner of withCalendar) {
    result.set(owner.sourceType, {
      baseChanges: base.filter((change) => change.baseCalendarCode === owner.baseCalendarCode).map(changeOf),
      customizedChanges: customized.filter((change) => change.sourceType === owner.sourceType && change.sourceCode === owner.sourceCode).map(changeOf),
    });
  }
  return result;
}
