/**
 * Capable to Promise (spec §16.5, BC codeunit "Capable to Promise"): when inventory and scheduled
 * receipts cannot cover a line, what is the earliest date a new replenishment started no earlier than
 * the promising window's start could cover it?
 *
 * Pure: it plans the requisition line (quantity and due, ending and starting dates) and says why, as
 * data; the caller draws the order promising ID, writes the requisition line into the order promising
 * worksheet, reserves the sales line against it on Accept and deletes it on Cancel.
 */
import { type IsoDate, addDays, compareDates, daysBetween, minDate } from '../dates/calendar-date.ts';
import { type DateFormula, calculateDate, parseDateFormula } from '../dates/date-formula.ts';
import { Decimal, ZERO } from '../money/decimal.ts';
import {
  type AvailabilityEvent,
  type AvailabilityPicture,
  type AvailabilitySource,
  type LookAhead,
  availableToPromise,
  unavailableQuantity,
} from './available-to-promise.ts';

export interface LeadTime {
  /** Lead Time Calculation of the item, SKU or vendor, e.g. '7D'. */
  leadTimeCalculation: string;
  /** Safety Lead Time of the item, else the Manufacturing Setup default. */
  safetyLeadTime: string;
  /** Inbound Whse. Handling Time of the location, else Inventory Setup. */
  inboundHandlingTime: string;
}

/** The requisition line CTP would create (Action Message New). */
export interface CapableToPromiseSupply {
  quantity: Decimal;
  dueDate: IsoDate;
  endingDate: IsoDate;
  startingDate: IsoDate;
}

export interface CapableToPromiseComponents {
  /**
   * For assembly or production: true when every critical component can itself be had for a
   * supply due on dueDate (the caller recurses with CTP per component, due on supply.startingDate).
   */
  checkComponents(dueDate: IsoDate, supply: CapableToPromiseSupply): boolean;
}

export interface CapableToPromiseRequest {
  /** Picture without the line being promised, as for availableToPromise. */
  picture: AvailabilityPicture;
  /** Required Quantity of the line (outstanding − reserved, base); CTP replenishes only its unavailable part. */
  quantity: Decimal;
  /** The line's original shipment date; null starts at the promising window's start. */
  neededDate: IsoDate | null;
  workDate: IsoDate;
  /** Order Promising Setup "Offset (Time)", e.g. '1D'. */
  offsetTime: string;
  lookAhead: LookAhead;
  leadTime: LeadTime;
  components?: CapableToPromiseComponents;
}

export type CapableToPromiseOutcome = 'covered' | 'feasible' | 'startsBeforeWindow' | 'componentsUnavailable';

export type CapableToPromiseStep =
  | { kind: 'window'; start: IsoDate; end: IsoDate }
  | { kind: 'unavailable'; quantity: Decimal }
  /** One due date tried: ATP with the line counted, the supply it would take, and whether that works. */
  | { kind: 'attempt'; dueDate: IsoDate; availableToPromise: Decimal; supply: CapableToPromiseSupply | null; outcome: CapableToPromiseOutcome }
  | { kind: 'dateChosen'; date: IsoDate }
  | { kind: 'noDateInWindow'; windowEnd: IsoDate };

export interface CapableToPromiseResult {
  date: IsoDate | null;
  supply: CapableToPromiseSupply | null;
  explanation: CapableToPromiseStep[];
}

/** Stands for the line being promised while CTP counts it as demand; it never reaches a result. */
const promisedLine: AvailabilitySource = { kind: 'salesOrder', documentNo: '', lineNo: 0 };

interface Attempt {
  dueDate: IsoDate;
  feasible: boolean;
  supply: CapableToPromiseSupply | null;
}

interface SearchContext {
  request: CapableToPromiseRequest;
  withLine: AvailabilityPicture;
  neededQuantity: Decimal;
  windowStart: IsoDate;
  explanation: CapableToPromiseStep[];
}

/**
 * §16.5 steps 1–5: try the needed date; if no replenishment started inside the window can make it,
 * halve the interval between the last infeasible and the last feasible due date (BC's binary search)
 * until they are a day apart. The earliest shipment date is the due date of the supply, or the tried
 * date when nothing had to be created.
 */
export function capableToPromise(request: CapableToPromiseRequest): CapableToPromiseResult {
  const windowStart = calculateDate(request.offsetTime, request.workDate);
  const windowEnd = calculateDate(request.lookAhead.periodCalc, windowStart);
  const lineDate = request.neededDate ?? windowStart;
  const neededQuantity = unavailableQuantity(request.picture, request.quantity, lineDate, request.lookAhead);
  const explanation: CapableToPromiseStep[] = [
    { kind: 'window', start: windowStart, end: windowEnd },
    { kind: 'unavailable', quantity: neededQuantity },
  ];
  if (neededQuantity.isZero()) {
    explanation.push({ kind: 'dateChosen', date: lineDate });
    return { date: lineDate, supply: null, explanation };
  }
  // BC counts the line itself as demand here (its picture is the database); ours left it out.
  const lineEvent: AvailabilityEvent = { date: lineDate, quantity: request.quantity, source: promisedLine };
  const withLine = { ...request.picture, requirements: [...request.picture.requirements, lineEvent] };
  const context: SearchContext = { request, withLine, neededQuantity, windowStart, explanation };
  const first = attempt(context, lineDate);
  const found = first.feasible ? first : searchLater(context, lineDate, windowEnd);
  if (found === null) {
    explanation.push({ kind: 'noDateInWindow', windowEnd });
    return { date: null, supply: null, explanation };
  }
  explanation.push({ kind: 'dateChosen', date: found.dueDate });
  return { date: found.dueDate, supply: found.supply, explanation };
}

/** The binary search between an infeasible early date and the window's end; null when even the end fails. */
function searchLater(context: SearchContext, infeasibleDate: IsoDate, windowEnd: IsoDate): Attempt | null {
  if (compareDates(infeasibleDate, windowEnd) >= 0) return null;
  let lastEarly = infeasibleDate;
  let lastLate = windowEnd;
  let tryDate = windowEnd;
  let best: Attempt | null = null;
  for (;;) {
    const result = attempt(context, tryDate);
    if (result.feasible) {
      best = result;
      lastLate = tryDate;
    } else {
      lastEarly = tryDate;
    }
    const gap = daysBetween(lastEarly, lastLate);
    if (gap <= 1) return best;
    // Halve towards the other bound, rounding the step up as BC's Round(gap / 2, 1, '>') does.
    const step = Math.ceil(gap / 2);
    tryDate = result.feasible ? addDays(tryDate, -step) : minDate(addDays(tryDate, step), windowEnd);
  }
}

/**
 * One due date (BC's ValidateCapableToPromise): ATP on it with the line counted; when negative, a
 * supply of min(unavailable quantity, −ATP) due that day, dated backwards through the lead-time chain,
 * must start no earlier than the window's start and have its critical components.
 */
function attempt(context: SearchContext, dueDate: IsoDate): Attempt {
  const { request, withLine, neededQuantity, windowStart, explanation } = context;
  const atp = availableToPromise(withLine, dueDate, request.lookAhead);
  if (!atp.lessThan(ZERO)) {
    explanation.push({ kind: 'attempt', dueDate, availableToPromise: atp, supply: null, outcome: 'covered' });
    return { dueDate, feasible: true, supply: null };
  }
  const supply = planSupply(Decimal.min(neededQuantity, atp.negated()), dueDate, request.leadTime);
  let outcome: CapableToPromiseOutcome = 'feasible';
  if (compareDates(supply.startingDate, windowStart) < 0) outcome = 'startsBeforeWindow';
  else if (request.components !== undefined && !request.components.checkComponents(dueDate, supply)) outcome = 'componentsUnavailable';
  explanation.push({ kind: 'attempt', dueDate, availableToPromise: atp, supply, outcome });
  return { dueDate, feasible: outcome === 'feasible', supply };
}

/** Ending = Due − Safety Lead Time − Inbound Whse. Handling Time; Starting = Ending − Lead Time Calculation. */
export function planSupply(quantity: Decimal, dueDate: IsoDate, leadTime: LeadTime): CapableToPromiseSupply {
  const endingDate = calculateDate(reversed(leadTime.inboundHandlingTime), calculateDate(reversed(leadTime.safetyLeadTime), dueDate));
  const startingDate = calculateDate(reversed(leadTime.leadTimeCalculation), endingDate);
  return { quantity, dueDate, endingDate, startingDate };
}

/** A formula applied backwards, every term's sign flipped (as BC's ReverseDateFormula): '7D' → '-7D', 'CM' → '-CM'. */
function reversed(formula: string): DateFormula {
  return { terms: parseDateFormula(formula).terms.map((term) => ({ ...term, sign: term.sign > 0 ? -1 : 1 } as const)) };
}
