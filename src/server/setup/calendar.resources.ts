import { baseCalendarChangeSchemas, baseCalendarSchemas, customizedCalendarChangeSchemas, orderPromisingSetupUpdate } from '../../core/master-data/calendar.schemas.ts';
import { DomainError } from '../../core/errors.ts';
import { baseCalendar, baseCalendarChange, customizedCalendarChange, orderPromisingSetup } from '../db/schema/index.ts';
import type { Executor } from '../db/connection.ts';
import type { ResourceDefinition, Row, SingletonDefinition } from '../master-data/resource.ts';

const byId = { param: 'id', field: 'id', kind: 'uuid' } as const;

/**
 * A weekly change names a weekday, the others a date: the table's check, answered before the write
 * with the field at fault (a change keeps what it does not send).
 */
async function checkChangeDay(_tx: Executor, values: Row, previous: Row | undefined): Promise<Row> {
  const record = { ...(previous ?? {}), ...values };
  const recurringSystem = record.recurringSystem ?? 'none';
  if (recurringSystem === 'weekly' && (record.day === null || record.day === undefined)) {
    throw new DomainError('INVALID_INPUT', { detail: 'A weekly recurring change needs a day (1 Monday … 7 Sunday).' }, 'day');
  }
  if (recurringSystem !== 'weekly' && !record.date) {
    throw new DomainError('INVALID_INPUT', { detail: `A change that is ${recurringSystem === 'annual' ? 'annual recurring' : 'not recurring'} needs a date.` }, 'date');
  }
  return values;
}

/** Base calendars with their changes, and the customized changes of companies, customers, locations and shipping agents (spec §16.1). */
export const calendarResources: ResourceDefinition[] = [
  {
    name: 'baseCalendars', entity: 'Base Calendar', table: baseCalendar, area: 'setup', key: { param: 'code', field: 'code', kind: 'code' },
    createSchema: baseCalendarSchemas.create, updateSchema: baseCalendarSchemas.update, filters: [], search: ['name'],
  },
  {
    name: 'changes', entity: 'Base Calendar Change', table: baseCalendarChange, area: 'setup', key: byId,
    parent: { resource: 'baseCalendars', entity: 'Base Calendar', param: 'baseCalendarCode', field: 'baseCalendarCode', table: baseCalendar, parentField: 'code' },
    createSchema: baseCalendarChangeSchemas.create, updateSchema: baseCalendarChangeSchemas.update, filters: ['recurringSystem', 'nonworking'], search: ['description'],
    prepare: checkChangeDay,
  },
  {
    name: 'customizedCalendarChanges', entity: 'Customized Calendar Change', table: customizedCalendarChange, area: 'setup', key: byId,
    createSchema: customizedCalendarChangeSchemas.create, updateSchema: customizedCalendarChangeSchemas.update,
    filters: ['sourceType', 'sourceCode', 'baseCalendarCode'], search: ['description'], prepare: checkChangeDay,
  },
];

export const orderPromisingSetupSingleton: SingletonDefinition = {
  name: 'orderPromisingSetup', entity: 'Order Promising Setup', table: orderPromisingSetup, area: 'setup', updateSchema: orderPromisingSetupUpdate,
};
