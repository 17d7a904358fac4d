import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type BaseCalendarChange, type CalendarSource } from '../../../src/core/dates/base-calendar.ts';
import { type IsoWeekday, compareDates, fromDayNumber } from '../../../src/core/dates/calendar-date.ts';
import {
  type DeliveryCalendars,
  backwardDeliveryDates,
  deliveryDates,
  forwardDeliveryDates,
} from '../../../src/core/dates/delivery-dates.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

// Reference weekdays: 2026-01-09 Friday, 2026-01-10 Saturday, 2026-01-12 Monday, 2026-01-20 Tuesday,
// 2026-12-23 Wednesday, 2026-12-25 Friday.

function weekly(day: IsoWeekday, nonworking = true): BaseCalendarChange {
  return { recurringSystem: 'weekly', date: null, day, description: '', nonworking };
}

function calendar(baseChanges: BaseCalendarChange[], customizedChanges: BaseCalendarChange[] = []): CalendarSource {
  return { baseChanges, customizedChanges };
}

const weekends = calendar([weekly(6), weekly(7)]);
const none: DeliveryCalendars = {};

describe('§16.1 example', () => {
  it('computes backward from the requested delivery date: 20 / 18 / 17', () => {
    const dates = backwardDeliveryDates({
      requestedDeliveryDate: '2026-01-20', shippingTime: '2D', outboundHandlingTime: '1D', calendars: none,
    });
    expect(dates).toEqual({ plannedDeliveryDate: '2026-01-20', plannedShipmentDate: '2026-01-18', shipmentDate: '2026-01-17' });
  });

  it('computes forward from the shipment date without a requested date: 11 / 13', () => {
    const dates = forwardDeliveryDates({
      shipmentDate: '2026-01-10', shippingTime: '2D', outboundHandlingTime: '1D', calendars: none,
    });
    expect(dates).toEqual({ plannedDeliveryDate: '2026-01-13', plannedShipmentDate: '2026-01-11', shipmentDate: '2026-01-10' });
  });
});

describe('deliveryDates', () => {
  const common = { shipmentDate: '2026-01-10', shippingTime: '2D', outboundHandlingTime: '1D', calendars: none };

  it('goes backward when a requested delivery date is filled', () => {
    expect(deliveryDates({ ...common, requestedDeliveryDate: '2026-01-20' }).shipmentDate).toBe('2026-01-17');
  });

  it('prefers the promised delivery date to the requested one', () => {
    const dates = deliveryDates({ ...common, requestedDeliveryDate: '2026-01-20', promisedDeliveryDate: '2026-01-25' });
    expect(dates).toEqual({ plannedDeliveryDate: '2026-01-25', plannedShipmentDate: '2026-01-23', shipmentDate: '2026-01-22' });
  });

  it('goes forward when neither date is filled', () => {
    expect(deliveryDates({ ...common, requestedDeliveryDate: null, promisedDeliveryDate: null }).plannedDeliveryDate).toBe('2026-01-13');
  });

  it('refuses a backward calculation without a delivery date', () => {
    const error = domainErrorOf(() => backwardDeliveryDates({ shippingTime: '2D', outboundHandlingTime: '1D', calendars: none }));
    expect(error.code).toBe('INVALID_INPUT');
  });
});

describe('base calendars', () => {
  it('pushes forward dates over a weekend (company calendar for location and shipping agent)', () => {
    const dates = forwardDeliveryDates({
      shipmentDate: '2026-01-09', shippingTime: '2D', outboundHandlingTime: '1D', calendars: { company: weekends },
    });
    expect(dates).toEqual({ plannedDeliveryDate: '2026-01-14', plannedShipmentDate: '2026-01-12', shipmentDate: '2026-01-09' });
  });

  it('counts backward over a weekend', () => {
    const dates = backwardDeliveryDates({
      requestedDeliveryDate: '2026-01-12', shippingTime: '2D', outboundHandlingTime: '1D', calendars: { company: weekends },
    });
    expect(dates).toEqual({ plannedDeliveryDate: '2026-01-12', plannedShipmentDate: '2026-01-08', shipmentDate: '2026-01-07' });
  });

  it('pushes the planned delivery date past an annual holiday', () => {
    const holidays = calendar([weekly(6), weekly(7), { recurringSystem: 'annual', date: '2000-12-25', day: null, description: 'Christmas Day', nonworking: true }]);
    const dates = forwardDeliveryDates({
      shipmentDate: '2026-12-23', shippingTime: '1D', outboundHandlingTime: '1D', calendars: { company: holidays },
    });
    expect(dates).toEqual({ plannedDeliveryDate: '2026-12-28', plannedShipmentDate: '2026-12-24', shipmentDate: '2026-12-23' });
  });

  it("uses the location's customized calendar (a base Saturday made working) for the handling step", () => {
    const openSaturday = calendar([weekly(6), weekly(7)], [{ recurringSystem: 'none', date: '2026-01-10', day: null, description: 'Open Saturday', nonworking: false }]);
    const input = { shipmentDate: '2026-01-09', shippingTime: '', outboundHandlingTime: '1D' };
    expect(forwardDeliveryDates({ ...input, calendars: { location: openSaturday } }).plannedShipmentDate).toBe('2026-01-10');
    expect(forwardDeliveryDates({ ...input, calendars: { location: weekends } }).plannedShipmentDate).toBe('2026-01-12');
  });

  it("counts the shipping time on the customer's calendar when the shipping agent has none", () => {
    const closedMondays = calendar([weekly(1)]);
    const dates = forwardDeliveryDates({
      shipmentDate: '2026-01-09', shippingTime: '3D', outboundHandlingTime: '', calendars: { customer: closedMondays },
    });
    expect(dates.plannedDeliveryDate).toBe('2026-01-13');
  });

  it('falls back to the company calendar without a shipping agent service, not for a service without a calendar', () => {
    const input = { shipmentDate: '2026-01-09', shippingTime: '1D', outboundHandlingTime: '' };
    expect(forwardDeliveryDates({ ...input, calendars: { company: weekends } }).plannedDeliveryDate).toBe('2026-01-12');
    const serviceWithoutCalendar = { company: weekends, shippingAgentService: { calendar: null } };
    expect(forwardDeliveryDates({ ...input, calendars: serviceWithoutCalendar }).plannedDeliveryDate).toBe('2026-01-10');
  });

  it("lets the shipping agent's own calendar replace the company's", () => {
    const agentWorksSaturdays = calendar([weekly(7)]);
    const dates = forwardDeliveryDates({
      shipmentDate: '2026-01-09', shippingTime: '1D', outboundHandlingTime: '',
      calendars: { company: weekends, shippingAgentService: { calendar: agentWorksSaturdays } },
    });
    expect(dates.plannedDeliveryDate).toBe('2026-01-10');
  });

  it('counts the shipping time backward on the location calendar when the shipping agent has none, as BC does', () => {
    // BC pairs the agent with the location going backward but with the customer going forward, so
    // with only a location calendar forward(backward(x)) can land before x (here Saturday 10th).
    const calendars = { location: weekends, shippingAgentService: { calendar: null } };
    const backward = backwardDeliveryDates({ requestedDeliveryDate: '2026-01-12', shippingTime: '2D', outboundHandlingTime: '1D', calendars });
    expect(backward).toEqual({ plannedDeliveryDate: '2026-01-12', plannedShipmentDate: '2026-01-08', shipmentDate: '2026-01-07' });
    const forward = forwardDeliveryDates({ shipmentDate: backward.shipmentDate, shippingTime: '2D', outboundHandlingTime: '1D', calendars });
    expect(forward.plannedDeliveryDate).toBe('2026-01-10');
  });

  it('with an empty shipping time moves a non-working requested date forward and the planned delivery date with it', () => {
    const dates = backwardDeliveryDates({
      requestedDeliveryDate: '2026-01-10', shippingTime: '', outboundHandlingTime: '', calendars: { customer: weekends },
    });
    expect(dates).toEqual({ plannedDeliveryDate: '2026-01-12', plannedShipmentDate: '2026-01-12', shipmentDate: '2026-01-12' });
  });

  it('with a zero shipping time plans the shipment on the working day before a non-working requested date (BC reverses 0D into -0D)', () => {
    const dates = backwardDeliveryDates({
      requestedDeliveryDate: '2026-01-10', shippingTime: '0D', outboundHandlingTime: '', calendars: { company: weekends },
    });
    expect(dates).toEqual({ plannedDeliveryDate: '2026-01-10', plannedShipmentDate: '2026-01-09', shipmentDate: '2026-01-09' });
  });
});

describe('forward after backward', () => {
  const formula = (allowZero: boolean) => fc.oneof(
    fc.constant(''),
    fc.integer({ min: allowZero ? 0 : 1, max: 10 }).map((count) => `${count}D`),
    fc.integer({ min: 1, max: 3 }).map((count) => `${count}W`),
  );
  const workingCalendar = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 6 })
    .map((closedDays) => calendar(closedDays.map((day) => weekly(day as IsoWeekday))));

  it('lands on or after the requested delivery date (one calendar for the company, customer with it or without)', () => {
    // A zero shipping time is left out: on a non-working requested date BC settles it backward (see above).
    fc.assert(fc.property(
      fc.integer({ min: 19000, max: 23000 }), formula(false), formula(true), workingCalendar, fc.boolean(),
      (dayNumber, shippingTime, outboundHandlingTime, company, customerToo) => {
        const calendars = { company, customer: customerToo ? company : null };
        const requestedDeliveryDate = fromDayNumber(dayNumber);
        const backward = backwardDeliveryDates({ requestedDeliveryDate, shippingTime, outboundHandlingTime, calendars });
        const forward = forwardDeliveryDates({ shipmentDate: backward.shipmentDate, shippingTime, outboundHandlingTime, calendars });
        expect(compareDates(forward.plannedDeliveryDate, requestedDeliveryDate)).toBeGreaterThanOrEqual(0);
        expect(compareDates(backward.shipmentDate, backward.plannedShipmentDate)).toBeLessThanOrEqual(0);
        expect(compareDates(backward.plannedShipmentDate, backward.plannedDeliveryDate)).toBeLessThanOrEqual(0);
      },
    ));
  });

  it('returns exactly to the requested date without calendars', () => {
    fc.assert(fc.property(
      fc.integer({ min: 19000, max: 23000 }), formula(true), formula(true),
      (dayNumber, shippingTime, outboundHandlingTime) => {
        const requestedDeliveryDate = fromDayNumber(dayNumber);
        const backward = backwardDeliveryDates({ requestedDeliveryDate, shippingTime, outboundHandlingTime, calendars: none });
        const forward = forwardDeliveryDates({ shipmentDate: backward.shipmentDate, shippingTime, outboundHandlingTime, calendars: none });
        expect(forward).toEqual(backward);
      },
    ));
  });
});
