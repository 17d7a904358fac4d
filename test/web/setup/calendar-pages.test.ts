import { describe, expect, it } from 'vitest';
import { baseCalendarChangesRows, customizedChangesOf, customizedChangesRows, dayAsNumber } from '../../../src/web/setup/calendar-pages.ts';
import { setupPageOf } from '../../../src/web/setup/setup-pages.ts';

describe('calendar setup pages', () => {
  it.each([
    [{ day: '6' }, { day: 6 }],
    [{ day: '' }, { day: null }],
    [{ day: null }, { day: null }],
    [{ day: 'x' }, { day: 'x' }],
    [{ description: 'no day' }, { description: 'no day' }],
  ])('turns the form\'s weekday %j into the number the API takes: %j', (input, expected) => {
    expect(dayAsNumber(input)).toEqual(expected);
  });

  it('checks a change with the API\'s schema after the weekday is a number, refusing a day out of range on Day', () => {
    const { schemas } = baseCalendarChangesRows({ code: 'WEEKDAYS', version: 1 });
    expect(schemas.create.parse({ recurringSystem: 'weekly', day: '6', description: 'Weekend', nonworking: true }))
      .toMatchObject({ recurringSystem: 'weekly', day: 6, nonworking: true });
    const refused = schemas.update.safeParse({ day: '9' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['day']);
  });

  it('keeps a party\'s customized changes by its base calendar: listed and created with the owner', () => {
    const spec = customizedChangesRows('company', '', 'WEEKDAYS');
    expect(spec.filter).toEqual({ sourceType: 'company', sourceCode: '', baseCalendarCode: 'WEEKDAYS' });
    expect(spec.schemas.create.parse({ ...spec.fixed, recurringSystem: 'annual', date: '2026-12-25', description: 'Christmas Day', nonworking: true }))
      .toMatchObject({ sourceType: 'company', sourceCode: '', baseCalendarCode: 'WEEKDAYS', date: '2026-12-25', recurringSystem: 'annual' });
    expect(customizedChangesOf('location')({ code: 'MAIN', baseCalendarCode: null, version: 1 })).toBeUndefined();
    expect(customizedChangesOf('location')({ code: 'MAIN', baseCalendarCode: 'WEEKDAYS', version: 1 })?.fixed).toEqual({ sourceType: 'location', sourceCode: 'MAIN', baseCalendarCode: 'WEEKDAYS' });
  });

  it('lists Base Calendars and Order Promising Setup among the setup pages', () => {
    expect(setupPageOf('base-calendars')).toMatchObject({ kind: 'table', resource: '/baseCalendars' });
    expect(setupPageOf('order-promising-setup')).toMatchObject({ kind: 'singleton', resource: '/orderPromisingSetup' });
  });
});
