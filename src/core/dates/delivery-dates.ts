/**
 * The date fields of a sales line (spec §16.1): Shipment Date, Planned Shipment Date and Planned
 * Delivery Date, computed backward from a requested or promised delivery date or forward from the
 * shipment date, through the base calendars the way BC's Sales Line does it (CalcPlannedDate,
 * CalcPlannedShptDate, CalcPlannedDeliveryDate, CalcShipmentDate):
 *
 *   step                      forward (from Shipment Date)          backward (from Planned Delivery Date)
 *   Outbound Whse. Handling   counted on the location calendar,     counted back on the location
 *                             settled on location + shipping agent   calendar only
 *   Shipping Time             counted on the shipping agent         counted back on the shipping agent
 *                             calendar, settled on agent + customer  calendar, settled on agent + location
 *
 * An empty formula spans no days but still moves the date forward onto a working day: an empty
 * Shipping Time settles the planned delivery date on the customer's and the agent's calendars, an
 * empty handling time settles the shipment date on the agent's calendar.
 */
import { DomainError } from '../errors.ts';
import {
  type CalcDateBOCOptions,
  type CalendarSource,
  calcDateBOC,
  calcDateBOC2,
} from './base-calendar.ts';
import { type IsoDate, compareDates, parseIsoDate } from './calendar-date.ts';
import { parseDateFormula } from './date-formula.ts';

/** A shipping agent service on the line; its calendar is null when the service has no base calendar. */
export interface ShippingAgentServiceCalendar {
  readonly calendar: CalendarSource | null;
}

/** The base calendars of the line's parties; a missing entry means the party has none. */
export interface DeliveryCalendars {
  /** Company Information's base calendar: stands in for the location and for a missing agent service. */
  readonly company?: CalendarSource | null;
  /** The location's base calendar; null for a blank location or a location without a calendar. */
  readonly location?: CalendarSource | null;
  /** The sell-to customer's base calendar; null = the customer receives on any day. */
  readonly customer?: CalendarSource | null;
  /** Null when the line has no shipping agent service: BC then uses the company calendar. */
  readonly shippingAgentService?: ShippingAgentServiceCalendar | null;
}

export interface DeliveryDates {
  readonly plannedDeliveryDate: IsoDate;
  readonly plannedShipmentDate: IsoDate;
  readonly shipmentDate: IsoDate;
}

interface DeliveryFormulas {
  /** Date formula text ('2D', '1W', …); '' = none. */
  readonly shippingTime: string;
  /** Date formula text; '' = none. */
  readonly outboundHandlingTime: string;
  readonly calendars: DeliveryCalendars;
  /** Company Information's Cal. Convergence Time Frame in days; default 365 (1Y). */
  readonly convergenceDays?: number;
}

export interface BackwardDeliveryInput extends DeliveryFormulas {
  readonly requestedDeliveryDate?: IsoDate | null;
  readonly promisedDeliveryDate?: IsoDate | null;
}

export interface ForwardDeliveryInput extends DeliveryFormulas {
  /** The earliest date the items can leave (default: the header's shipment date / work date). */
  readonly shipmentDate: IsoDate;
}

export interface DeliveryDatesInput extends BackwardDeliveryInput, ForwardDeliveryInput {}

/** The calendars as BC resolves them for a sales line (Customized Calendar Change.CalcCalendarCode). */
interface LineCalendars {
  readonly location: CalendarSource | null;
  readonly customer: CalendarSource | null;
  readonly shippingAgent: CalendarSource | null;
}

/** §16.1: backward when a promised or requested delivery date is filled, else forward. */
export function deliveryDates(input: DeliveryDatesInput): DeliveryDates {
  const hasDeliveryDate = Boolean(input.promisedDeliveryDate) || Boolean(input.requestedDeliveryDate);
  return hasDeliveryDate ? backwardDeliveryDates(input) : forwardDeliveryDates(input);
}

/**
 * Planned Delivery Date := Promised, else Requested Delivery Date; Planned Shipment Date := that
 * − Shipping Time; Shipment Date := Planned Shipment Date − Outbound Whse. Handling Time. As in
 * BC, a date settled forward past its successor pushes the successor (Shipment Date beyond Planned
 * Shipment Date moves it, Planned Shipment Date beyond Planned Delivery Date moves that).
 */
export function backwardDeliveryDates(input: BackwardDeliveryInput): DeliveryDates {
  const requested = input.promisedDeliveryDate || input.requestedDeliveryDate;
  if (!requested) {
    throw new DomainError('INVALID_INPUT', {
      detail: 'A backward delivery date calculation needs a Requested or Promised Delivery Date.',
    });
  }
  parseIsoDate(requested);
  const calendars = resolveLineCalendars(input.calendars);
  const options: CalcDateBOCOptions = { convergenceDays: input.convergenceDays };
  const plannedShipment = isEmptyFormula(input.shippingTime)
    ? calcDateBOC('', requested, { from: calendars.customer, to: calendars.shippingAgent }, true, options)
    : calcDateBOC2(input.shippingTime, requested, { from: calendars.shippingAgent, to: calendars.location }, true, options);
  // Handling time runs in the warehouse: only the location's working days count (checkBoth off).
  const shipmentDate = isEmptyFormula(input.outboundHandlingTime)
    ? calcDateBOC('', plannedShipment, { from: calendars.shippingAgent, to: calendars.location }, false, options)
    : calcDateBOC2(input.outboundHandlingTime, plannedShipment, { from: calendars.location, to: calendars.shippingAgent }, false, options);
  const plannedShipmentDate = laterOf(plannedShipment, shipmentDate);
  return {
    plannedDeliveryDate: laterOf(requested, plannedShipmentDate),
    plannedShipmentDate,
    shipmentDate,
  };
}

/**
 * Planned Shipment Date := Shipment Date + Outbound Whse. Handling Time; Planned Delivery Date :=
 * Planned Shipment Date + Shipping Time. The shipment date itself is taken as given.
 */
export function forwardDeliveryDates(input: ForwardDeliveryInput): DeliveryDates {
  parseIsoDate(input.shipmentDate);
  const calendars = resolveLineCalendars(input.calendars);
  const options: CalcDateBOCOptions = { convergenceDays: input.convergenceDays };
  const plannedShipmentDate = calcDateBOC(
    input.outboundHandlingTime, input.shipmentDate,
    { from: calendars.location, to: calendars.shippingAgent }, true, options,
  );
  const plannedDeliveryDate = calcDateBOC(
    input.shippingTime, plannedShipmentDate,
    { from: calendars.shippingAgent, to: calendars.customer }, true, options,
  );
  return { plannedDeliveryDate, plannedShipmentDate, shipmentDate: input.shipmentDate };
}

/**
 * BC falls back to the company calendar for a location without one (or no location) and for a line
 * without a shipping agent service, but not for a service or customer whose calendar is blank.
 */
function resolveLineCalendars(calendars: DeliveryCalendars): LineCalendars {
  const company = calendars.company ?? null;
  const service = calendars.shippingAgentService ?? null;
  return {
    location: calendars.location ?? company,
    customer: calendars.customer ?? null,
    shippingAgent: service === null ? company : service.calendar,
  };
}

function isEmptyFormula(formula: string): boolean {
  return parseDateFormula(formula).terms.length === 0;
}

function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(b, a) > 0 ? b : a;
}
