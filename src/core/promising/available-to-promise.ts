/**
 * Available to Promise (spec §16.3–16.4, BC codeunit "Available to Promise"): how much of an item can
 * still be promised on a date, the earliest date a quantity can ship, and the part of a line that
 * cannot be had on its shipment date.
 *
 * Pure: the caller, which reads the database, builds the AvailabilityPicture for one item, variant and
 * location. Inventory, receipts and requirements are already net of what is reserved, and the line
 * being promised is left out ("exclude quantity on original date"). The caller also takes the two
 * shortcuts of §16.4 before calling earliestShipmentDate: a special-order line ships on the expected
 * receipt date of its purchase line, and a fully reserved line (Required Quantity 0) keeps its
 * original shipment date.
 */
import { type IsoDate, addDays, compareDates } from '../dates/calendar-date.ts';
import { calculateDate } from '../dates/date-formula.ts';
import { Decimal, ZERO, sum } from '../money/decimal.ts';

export type AvailabilitySourceKind =
  | 'purchaseOrder' | 'salesReturnOrder' | 'assemblyOrder'
  | 'salesOrder' | 'purchaseReturnOrder' | 'assemblyComponent' | 'requisition';

export interface AvailabilitySource {
  kind: AvailabilitySourceKind;
  documentNo: string;
  lineNo: number;
}

export interface AvailabilityEvent {
  /** Expected receipt date of a receipt, shipment (due) date of a requirement. */
  date: IsoDate;
  /** Base quantity, positive, net of its reserved part. */
  quantity: Decimal;
  /** Absent when the event sums a date's lines, as the availability projection keeps them. */
  source?: AvailabilitySource;
}

export interface AvailabilityPicture {
  /** Inventory − Reserved Qty. on Inventory. */
  inventory: Decimal;
  /** Scheduled receipts (purchase orders, sales return orders, assembly orders, requisitions). */
  receipts: AvailabilityEvent[];
  /** Gross requirements (sales orders, purchase return orders, assembly components). */
  requirements: AvailabilityEvent[];
}

/** Company Information "Check-Avail. Time Bucket". */
export type TimeBucket = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface LookAhead {
  /** Company Information "Check-Avail. Period Calc." as a date formula, e.g. '90D'. */
  periodCalc: string;
  timeBucket: TimeBucket;
}

/** Why earliestShipmentDate chose its date, as data the API and the page can show. */
export type ExplanationStep =
  | { kind: 'inventory'; quantity: Decimal }
  /** A receipt counted towards the quantity, after the demand due since the previous step. */
  | { kind: 'receipt'; date: IsoDate; quantity: Decimal; source?: AvailabilitySource; demandBefore: Decimal; availableAfter: Decimal }
  /** The last date in the window on which availability is below the quantity: no earlier date holds. */
  | { kind: 'shortfall'; date: IsoDate; available: Decimal; quantity: Decimal }
  | { kind: 'dateChosen'; date: IsoDate; rule: EarliestDateRule; demandBefore: Decimal; available: Decimal }
  | { kind: 'noDateInWindow'; windowEnd: IsoDate | null; shortfallDate: IsoDate; available: Decimal; quantity: Decimal };

export type EarliestDateRule = 'availableOnNeededDate' | 'receiptDate' | 'requestedShipmentDate';

export interface EarliestShipmentRequest {
  /** Required Quantity of the promising line (outstanding − reserved, base). */
  quantity: Decimal;
  /** Requested Shipment Date if filled, else the work date (§16.4 step 1). */
  neededDate: IsoDate;
  lookAhead: LookAhead;
  /** Pass it only when the line has a Requested Delivery Date (§16.4 step 5); null otherwise. */
  requestedShipmentDate: IsoDate | null;
}

export interface EarliestShipmentResult {
  date: IsoDate | null;
  /** The part of the quantity that ATP cannot cover on the needed date, in [0, quantity]. */
  unavailableQuantity: Decimal;
  explanation: ExplanationStep[];
}

const bucketLetter: Record<TimeBucket, string> = { day: 'D', week: 'W', month: 'M', quarter: 'Q', year: 'Y' };

/** First day of the bucket holding date (weeks run Monday–Sunday, as BC's Date table). */
export function bucketStart(date: IsoDate, bucket: TimeBucket): IsoDate {
  return calculateDate(`-C${bucketLetter[bucket]}`, date);
}

export function bucketEnd(date: IsoDate, bucket: TimeBucket): IsoDate {
  return calculateDate(`C${bucketLetter[bucket]}`, date);
}

/**
 * The last day the look-ahead from date reaches: date + Check-Avail. Period Calc., stretched to the end
 * of its bucket (BC's GetForwardPeriodEndDate). A blank period looks ahead without limit (null), as BC
 * does since version 20, so a missing setup never hides demand.
 */
export function lookAheadEnd(date: IsoDate, lookAhead: LookAhead): IsoDate | null {
  if (lookAhead.periodCalc.trim() === '') return null;
  return bucketEnd(calculateDate(lookAhead.periodCalc, date), lookAhead.timeBucket);
}

/** Cumulative availability: inventory + receipts − requirements due on or before date. */
export function availableOn(picture: AvailabilityPicture, date: IsoDate): Decimal {
  return picture.inventory
    .plus(sum(dueBy(picture.receipts, date).map((event) => event.quantity)))
    .minus(sum(dueBy(picture.requirements, date).map((event) => event.quantity)));
}

/**
 * ATP(D) = inventory + receipts up to D − requirements up to D − ForwardDemand(D+1 … look-ahead end)
 * (§16.4, BC's CalcQtyAvailableToPromise). Quantity free today is not promised when a later order that
 * no earlier receipt covers needs it.
 */
export function availableToPromise(picture: AvailabilityPicture, date: IsoDate, lookAhead: LookAhead): Decimal {
  const forward = forwardDemand(picture, addDays(date, 1), lookAheadEnd(date, lookAhead), lookAhead.timeBucket);
  return availableOn(picture, date).minus(forward);
}

/**
 * Net demand from `from` to `to` (null: no end) that receipts do not cover before it, per bucket
 * (BC's CalculateForward): add requirements − receipts while requirements exceed receipts, stop at the
 * first bucket whose receipts exceed its requirements, never below 0. The bucket holding `from` starts
 * before it when `from` is not a bucket's first day; like BC we net that partial bucket whatever its sign.
 */
export function forwardDemand(picture: AvailabilityPicture, from: IsoDate, to: IsoDate | null, bucket: TimeBucket): Decimal {
  let demand = ZERO;
  for (const period of netByBucket(picture, from, to, bucket)) {
    const excess = period.requirements.minus(period.receipts);
    if (compareDates(period.start, from) < 0 || excess.greaterThan(ZERO)) demand = demand.plus(excess);
    else if (excess.lessThan(ZERO)) break;
  }
  return Decimal.max(demand, ZERO);
}

/** §16.3: the required quantity that ATP cannot cover on the original shipment date, in [0, quantity]. */
export function unavailableQuantity(
  picture: AvailabilityPicture, quantity: Decimal, originalShipmentDate: IsoDate, lookAhead: LookAhead,
): Decimal {
  return clamp(quantity.minus(availableToPromise(picture, originalShipmentDate, lookAhead)), quantity);
}

/**
 * §16.4 steps 4–5: the first date from the needed date on which cumulative availability reaches the
 * quantity and stays there up to the end of the look-ahead window (the needed date + Check-Avail.
 * Period Calc., stretched to its bucket's end); null when there is none.
 *
 * BC scans bucket totals, stops at the first receipt-heavy bucket after the quantity is reached and
 * then steps back inside the found bucket over its receipts. We check every day on which availability
 * changes instead: that gives the same date when no bucket hides a dip, and otherwise never a date on
 * which an order later in the window would go short (ATP ≥ quantity on the date and on every later
 * day of the window; a fast-check property holds us to it). The date is never before the needed date.
 * Step 6 (Planned Delivery Date) is the caller's, with the line's handling and shipping times.
 */
export function earliestShipmentDate(picture: AvailabilityPicture, request: EarliestShipmentRequest): EarliestShipmentResult {
  const { quantity, neededDate, lookAhead, requestedShipmentDate } = request;
  const windowEnd = lookAheadEnd(neededDate, lookAhead);
  const points = availabilityPoints(picture, neededDate, windowEnd);
  const shortIndex = points.findLastIndex((point) => point.available.lessThan(quantity));
  const unavailable = clamp(quantity.minus(availableToPromise(picture, neededDate, lookAhead)), quantity);
  const explanation: ExplanationStep[] = [{ kind: 'inventory', quantity: picture.inventory }];
  const shortfall = shortIndex >= 0 ? points[shortIndex]! : null;
  if (shortfall !== null && shortIndex === points.length - 1) {
    explanation.push(...receiptSteps(picture, windowEnd).steps);
    explanation.push({ kind: 'noDateInWindow', windowEnd, shortfallDate: shortfall.date, available: shortfall.available, quantity });
    return { date: null, unavailableQuantity: unavailable, explanation };
  }
  let date = points[shortIndex + 1]!.date;
  let rule: EarliestDateRule = shortfall === null ? 'availableOnNeededDate' : 'receiptDate';
  if (requestedShipmentDate !== null && compareDates(date, requestedShipmentDate) < 0) {
    date = requestedShipmentDate;
    rule = 'requestedShipmentDate';
  }
  const { steps, lastDate } = receiptSteps(picture, date);
  // In date order: the shortfall comes before the receipts that end it.
  const after = shortfall === null ? steps.length : steps.findIndex((step) => step.kind === 'receipt' && compareDates(step.date, shortfall.date) > 0);
  const cut = after < 0 ? steps.length : after;
  explanation.push(...steps.slice(0, cut));
  if (shortfall !== null) explanation.push({ kind: 'shortfall', date: shortfall.date, available: shortfall.available, quantity });
  explanation.push(...steps.slice(cut));
  explanation.push({ kind: 'dateChosen', date, rule, demandBefore: demandBetween(picture, lastDate, date), available: availableOn(picture, date) });
  return { date, unavailableQuantity: unavailable, explanation };
}

interface AvailabilityPoint {
  date: IsoDate;
  available: Decimal;
}

/** Availability on the needed date and on every later day in the window on which it changes. */
function availabilityPoints(picture: AvailabilityPicture, neededDate: IsoDate, windowEnd: IsoDate | null): AvailabilityPoint[] {
  const later = [
    ...picture.receipts.map((event) => ({ date: event.date, change: event.quantity })),
    ...picture.requirements.map((event) => ({ date: event.date, change: event.quantity.negated() })),
  ].filter((event) => compareDates(event.date, neededDate) > 0 && (windowEnd === null || compareDates(event.date, windowEnd) <= 0))
    .sort((a, b) => compareDates(a.date, b.date));
  const points: AvailabilityPoint[] = [{ date: neededDate, available: availableOn(picture, neededDate) }];
  for (const event of later) {
    const last = points[points.length - 1]!;
    const available = last.available.plus(event.change);
    if (last.date === event.date) last.available = available;
    else points.push({ date: event.date, available });
  }
  return points;
}

/** The receipts counted up to `until` (null: all), each with the demand due since the step before. */
function receiptSteps(picture: AvailabilityPicture, until: IsoDate | null): { steps: ExplanationStep[]; lastDate: IsoDate | null } {
  const receipts = (until === null ? [...picture.receipts] : dueBy(picture.receipts, until))
    .sort((a, b) => compareDates(a.date, b.date));
  const steps: ExplanationStep[] = [];
  let available = picture.inventory;
  let lastDate: IsoDate | null = null;
  for (const receipt of receipts) {
    const demandBefore = demandBetween(picture, lastDate, receipt.date);
    available = available.minus(demandBefore).plus(receipt.quantity);
    steps.push({ kind: 'receipt', date: receipt.date, quantity: receipt.quantity, ...(receipt.source ? { source: receipt.source } : {}), demandBefore, availableAfter: available });
    lastDate = receipt.date;
  }
  return { steps, lastDate };
}

/** Requirements due after `after` (null: from the beginning) up to and including `upTo`. */
function demandBetween(picture: AvailabilityPicture, after: IsoDate | null, upTo: IsoDate): Decimal {
  return sum(dueBy(picture.requirements, upTo)
    .filter((event) => after === null || compareDates(event.date, after) > 0)
    .map((event) => event.quantity));
}

interface BucketNet {
  start: IsoDate;
  receipts: Decimal;
  requirements: Decimal;
}

/** Receipts and requirements dated from..to, summed per bucket, earliest bucket first. */
function netByBucket(picture: AvailabilityPicture, from: IsoDate, to: IsoDate | null, bucket: TimeBucket): BucketNet[] {
  const buckets = new Map<IsoDate, BucketNet>();
  const inRange = (event: AvailabilityEvent) =>
    compareDates(event.date, from) >= 0 && (to === null || compareDates(event.date, to) <= 0);
  const add = (event: AvailabilityEvent, side: 'receipts' | 'requirements') => {
    const start = bucketStart(event.date, bucket);
    const period = buckets.get(start) ?? { start, receipts: ZERO, requirements: ZERO };
    period[side] = period[side].plus(event.quantity);
    buckets.set(start, period);
  };
  picture.receipts.filter(inRange).forEach((event) => add(event, 'receipts'));
  picture.requirements.filter(inRange).forEach((event) => add(event, 'requirements'));
  return [...buckets.values()].sort((a, b) => compareDates(a.start, b.start));
}

function dueBy(events: readonly AvailabilityEvent[], date: IsoDate): AvailabilityEvent[] {
  return events.filter((event) => compareDates(event.date, date) <= 0);
}

function clamp(value: Decimal, upper: Decimal): Decimal {
  if (value.isNegative() || value.isZero()) return ZERO;
  return value.greaterThan(upper) ? upper : value;
}

/** The picture without one line's quantity on its date: what is being promised (or proposed for it) is not already there. */
export function withoutEvent(picture: AvailabilityPicture, side: 'receipts' | 'requirements', date: IsoDate, quantity: Decimal): AvailabilityPicture {
  const events = picture[side].map((event) => (event.date === date ? { ...event, quantity: event.quantity.minus(quantity) } : event))
    .filter((event) => !event.quantity.isZero());
  return { ...picture, [side]: events };
}
