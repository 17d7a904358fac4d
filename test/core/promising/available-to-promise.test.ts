import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates } from '../../../src/core/dates/calendar-date.ts';
import {
  type AvailabilityEvent,
  type AvailabilityPicture,
  type LookAhead,
  type TimeBucket,
  availableOn,
  availableToPromise,
  earliestShipmentDate,
  forwardDemand,
  lookAheadEnd,
  unavailableQuantity,
} from '../../../src/core/promising/available-to-promise.ts';
import { dec } from '../../../src/core/money/decimal.ts';

const daily: LookAhead = { periodCalc: '90D', timeBucket: 'day' };

const purchase = (date: string, quantity: string, documentNo = 'PO-1'): AvailabilityEvent =>
  ({ date, quantity: dec(quantity), source: { kind: 'purchaseOrder', documentNo, lineNo: 10000 } });
const sale = (date: string, quantity: string, documentNo = 'SO-9'): AvailabilityEvent =>
  ({ date, quantity: dec(quantity), source: { kind: 'salesOrder', documentNo, lineNo: 10000 } });
const picture = (inventory: string, receipts: AvailabilityEvent[] = [], requirements: AvailabilityEvent[] = []): AvailabilityPicture =>
  ({ inventory: dec(inventory), receipts, requirements });

const earliest = (availability: AvailabilityPicture, quantity: string, neededDate: string, requestedShipmentDate: string | null = null, lookAhead = daily) =>
  earliestShipmentDate(availability, { quantity: dec(quantity), neededDate, lookAhead, requestedShipmentDate });

describe('worked example 8: inventory 6, purchase order of 20 on 2026-01-20, line of 10 shipping 2026-01-10', () => {
  const example = picture('6', [purchase('2026-01-20', '20')]);

  it('finds 4 of the 10 unavailable on the original shipment date', () => {
    expect(unavailableQuantity(example, dec('10'), '2026-01-10', daily).toString()).toBe('4');
  });

  it.each(['2026-01-10', '2026-01-05'])('promises 2026-01-20 when looking from %s, and says why', (neededDate) => {
    const result = earliest(example, '10', neededDate);
    expect(result.date).toBe('2026-01-20');
    expect(result.unavailableQuantity.toString()).toBe('4');
    expect(result.explanation).toEqual([
      { kind: 'inventory', quantity: dec('6') },
      { kind: 'shortfall', date: neededDate, available: dec('6'), quantity: dec('10') },
      { kind: 'receipt', date: '2026-01-20', quantity: dec('20'), source: { kind: 'purchaseOrder', documentNo: 'PO-1', lineNo: 10000 }, demandBefore: dec('0'), availableAfter: dec('26') },
      { kind: 'dateChosen', date: '2026-01-20', rule: 'receiptDate', demandBefore: dec('0'), available: dec('26') },
    ]);
  });
});

describe('earliestShipmentDate', () => {
  it('takes a supply arriving after the requested shipment date', () => {
    const result = earliest(picture('6', [purchase('2026-01-20', '20')]), '10', '2026-01-15', '2026-01-15');
    expect(result.date).toBe('2026-01-20');
    expect(result.explanation.at(-1)).toMatchObject({ rule: 'receiptDate' });
  });

  it('ships on the receipt date when the supply arrives before the planned shipment date', () => {
    const early = picture('6', [purchase('2026-01-08', '20')]);
    expect(earliest(early, '10', '2026-01-05').date).toBe('2026-01-08');
    expect(unavailableQuantity(early, dec('10'), '2026-01-10', daily).toString()).toBe('0');
  });

  it('keeps the requested shipment date when the goods would be ready before it (a requested delivery date exists)', () => {
    const result = earliest(picture('6', [purchase('2026-01-08', '20')]), '10', '2026-01-05', '2026-01-12');
    expect(result.date).toBe('2026-01-12');
    expect(result.explanation.at(-1)).toEqual({ kind: 'dateChosen', date: '2026-01-12', rule: 'requestedShipmentDate', demandBefore: dec('0'), available: dec('26') });
  });

  it('promises the needed date when inventory covers the quantity, counting no receipt', () => {
    const result = earliest(picture('12', [purchase('2026-01-20', '20')]), '10', '2026-01-10');
    expect(result.date).toBe('2026-01-10');
    expect(result.unavailableQuantity.toString()).toBe('0');
    expect(result.explanation).toEqual([
      { kind: 'inventory', quantity: dec('12') },
      { kind: 'dateChosen', date: '2026-01-10', rule: 'availableOnNeededDate', demandBefore: dec('0'), available: dec('12') },
    ]);
  });

  it('ignores later supply once the quantity is available, listing only the receipts that count', () => {
    const result = earliest(picture('6', [purchase('2026-01-20', '20', 'PO-2'), purchase('2026-01-08', '5', 'PO-1')]), '10', '2026-01-05');
    expect(result.date).toBe('2026-01-08');
    const receipts = result.explanation.filter((step) => step.kind === 'receipt');
    expect(receipts).toEqual([expect.objectContaining({ date: '2026-01-08', availableAfter: dec('11') })]);
  });

  it('only promises a date from which availability stays at or above the quantity (a later order is not starved)', () => {
    // 10 on hand today, but SO-9 takes 8 on 01-15 and the next receipt is 01-20.
    const result = earliest(picture('10', [purchase('2026-01-20', '8')], [sale('2026-01-15', '8')]), '5', '2026-01-10');
    expect(result.date).toBe('2026-01-20');
    expect(result.explanation).toEqual([
      { kind: 'inventory', quantity: dec('10') },
      { kind: 'shortfall', date: '2026-01-15', available: dec('2'), quantity: dec('5') },
      { kind: 'receipt', date: '2026-01-20', quantity: dec('8'), source: expect.objectContaining({ documentNo: 'PO-1' }), demandBefore: dec('8'), availableAfter: dec('10') },
      { kind: 'dateChosen', date: '2026-01-20', rule: 'receiptDate', demandBefore: dec('0'), available: dec('10') },
    ]);
  });

  it('returns no date when the look-ahead window holds too little, saying where it ends', () => {
    const result = earliest(picture('6', [purchase('2026-06-01', '20')]), '10', '2026-01-10');
    expect(result.date).toBeNull();
    expect(result.unavailableQuantity.toString()).toBe('4');
    expect(result.explanation).toEqual([
      { kind: 'inventory', quantity: dec('6') },
      { kind: 'noDateInWindow', windowEnd: '2026-04-10', shortfallDate: '2026-01-10', available: dec('6'), quantity: dec('10') },
    ]);
  });

  it('returns no date when a demand at the end of the window would go short', () => {
    const result = earliest(picture('10', [purchase('2026-01-12', '5')], [sale('2026-03-01', '12')]), '5', '2026-01-10');
    expect(result.date).toBeNull();
    expect(result.explanation.at(-1)).toMatchObject({ kind: 'noDateInWindow', shortfallDate: '2026-03-01', available: dec('3') });
  });
});

describe('availableToPromise and forward demand', () => {
  it('keeps back what a later order needs when no receipt comes before it', () => {
    const stock = picture('10', [], [sale('2026-01-15', '8')]);
    expect(availableOn(stock, '2026-01-10').toString()).toBe('10');
    expect(availableToPromise(stock, '2026-01-10', daily).toString()).toBe('2');
    expect(unavailableQuantity(stock, dec('5'), '2026-01-10', daily).toString()).toBe('3');
  });

  it('stops at the first period whose receipts exceed its requirements', () => {
    const covered = picture('10', [purchase('2026-01-12', '8')], [sale('2026-01-15', '8')]);
    expect(availableToPromise(covered, '2026-01-10', daily).toString()).toBe('10');
    const tooLate = picture('10', [purchase('2026-01-20', '8')], [sale('2026-01-15', '8')]);
    expect(availableToPromise(tooLate, '2026-01-10', daily).toString()).toBe('2');
  });

  it('counts receipts and requirements up to the date itself, then demand up to the look-ahead end only', () => {
    const busy = picture('10', [purchase('2026-01-10', '5')], [sale('2026-01-10', '3'), sale('2026-04-20', '9')]);
    expect(availableToPromise(busy, '2026-01-10', daily).toString()).toBe('12');
    expect(lookAheadEnd('2026-01-10', daily)).toBe('2026-04-10');
    // A month bucket stretches the 90 days to the end of April, which holds the 9.
    expect(lookAheadEnd('2026-01-10', { periodCalc: '90D', timeBucket: 'month' })).toBe('2026-04-30');
    expect(availableToPromise(busy, '2026-01-10', { periodCalc: '90D', timeBucket: 'month' }).toString()).toBe('3');
  });

  it.each<[TimeBucket, string]>([['day', '5'], ['week', '4'], ['month', '4']])(
    'nets demand and supply inside each %s bucket (forward demand %s)',
    (bucket, expected) => {
      // Looking ahead from Thu 2026-01-08: SO 5 on Mon 01-12, PO 5 on Wed 01-14, SO 4 on Mon 01-19.
      const events = picture('0', [purchase('2026-01-14', '5')], [sale('2026-01-12', '5'), sale('2026-01-19', '4')]);
      expect(forwardDemand(events, '2026-01-08', '2026-02-28', bucket).toString()).toBe(expected);
    },
  );

  it('never counts forward demand below zero', () => {
    expect(forwardDemand(picture('0', [purchase('2026-01-08', '9')], [sale('2026-01-09', '1')]), '2026-01-08', null, 'week').toString()).toBe('0');
  });

  it('looks ahead without end when the period is blank', () => {
    expect(lookAheadEnd('2026-01-10', { periodCalc: '', timeBucket: 'day' })).toBeNull();
    expect(availableToPromise(picture('10', [], [sale('2030-01-01', '7')]), '2026-01-10', { periodCalc: '', timeBucket: 'day' }).toString()).toBe('3');
  });
});

describe('earliestShipmentDate properties', () => {
  const neededDate = '2026-01-10';
  const eventArbitrary = (kind: 'receipt' | 'requirement') =>
    fc.record({ offset: fc.integer({ min: -5, max: 30 }), quantity: fc.integer({ min: 1, max: 12 }) })
      .map(({ offset, quantity }) => (kind === 'receipt' ? purchase : sale)(addDays(neededDate, offset), String(quantity)));
  const scenario = fc.record({
    inventory: fc.integer({ min: 0, max: 15 }),
    receipts: fc.array(eventArbitrary('receipt'), { maxLength: 6 }),
    requirements: fc.array(eventArbitrary('requirement'), { maxLength: 6 }),
    quantity: fc.integer({ min: 1, max: 25 }),
    timeBucket: fc.constantFrom<TimeBucket>('day', 'week', 'month', 'quarter'),
  });

  it('finds a date with ATP ≥ quantity on it and on every later date in the window, and no earlier one', () => {
    fc.assert(fc.property(scenario, ({ inventory, receipts, requirements, quantity, timeBucket }) => {
      const lookAhead: LookAhead = { periodCalc: '30D', timeBucket };
      const availability = picture(String(inventory), receipts, requirements);
      const result = earliest(availability, String(quantity), neededDate, null, lookAhead);
      const windowEnd = lookAheadEnd(neededDate, lookAhead)!;
      expect(result.unavailableQuantity.greaterThanOrEqualTo(0) && result.unavailableQuantity.lessThanOrEqualTo(quantity)).toBe(true);
      if (result.date === null) {
        expect(availableOn(availability, addDays(neededDate, 30)).lessThan(quantity)).toBe(true);
        return;
      }
      for (let day = result.date; compareDates(day, windowEnd) <= 0; day = addDays(day, 1)) {
        expect(availableToPromise(availability, day, lookAhead).greaterThanOrEqualTo(quantity)).toBe(true);
      }
      if (result.date !== neededDate) {
        expect(availableOn(availability, addDays(result.date, -1)).lessThan(quantity)).toBe(true);
      }
    }), { seed: 20260105, numRuns: 150 });
  });
});
