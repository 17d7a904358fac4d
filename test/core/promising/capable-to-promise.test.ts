import { describe, expect, it } from 'vitest';
import { compareDates } from '../../../src/core/dates/calendar-date.ts';
import { type AvailabilityEvent, type AvailabilityPicture } from '../../../src/core/promising/available-to-promise.ts';
import {
  type CapableToPromiseRequest,
  type CapableToPromiseSupply,
  capableToPromise,
  planSupply,
} from '../../../src/core/promising/capable-to-promise.ts';
import { dec } from '../../../src/core/money/decimal.ts';

const purchase = (date: string, quantity: string): AvailabilityEvent =>
  ({ date, quantity: dec(quantity), source: { kind: 'purchaseOrder', documentNo: 'PO-1', lineNo: 10000 } });
const picture = (inventory: string, receipts: AvailabilityEvent[] = []): AvailabilityPicture =>
  ({ inventory: dec(inventory), receipts, requirements: [] });

/** Worked example 9's setup: work date 2026-01-05, Offset 1D, 90D look-ahead, lead time 7D, safety 1D. */
const request = (overrides: Partial<CapableToPromiseRequest> = {}): CapableToPromiseRequest => ({
  picture: picture('6'),
  quantity: dec('10'),
  neededDate: '2026-01-10',
  workDate: '2026-01-05',
  offsetTime: '1D',
  lookAhead: { periodCalc: '90D', timeBucket: 'day' },
  leadTime: { leadTimeCalculation: '7D', safetyLeadTime: '1D', inboundHandlingTime: '0D' },
  ...overrides,
});

const supply = (quantity: string, dueDate: string, endingDate: string, startingDate: string): CapableToPromiseSupply =>
  ({ quantity: dec(quantity), dueDate, endingDate, startingDate });

describe('worked example 9: inventory 6, no receipts, line of 10 shipping 2026-01-10', () => {
  const result = capableToPromise(request());

  it('promises 2026-01-14 with a supply of the 4 missing, due 01-14, ending 01-13, starting 01-06', () => {
    expect(result.date).toBe('2026-01-14');
    expect(result.supply).toEqual(supply('4', '2026-01-14', '2026-01-13', '2026-01-06'));
  });

  it('explains the window, the unavailable part and why the needed date fails', () => {
    expect(result.explanation.slice(0, 3)).toEqual([
      { kind: 'window', start: '2026-01-06', end: '2026-04-06' },
      { kind: 'unavailable', quantity: dec('4') },
      { kind: 'attempt', dueDate: '2026-01-10', availableToPromise: dec('-4'), supply: supply('4', '2026-01-10', '2026-01-09', '2026-01-02'), outcome: 'startsBeforeWindow' },
    ]);
    expect(result.explanation.at(-1)).toEqual({ kind: 'dateChosen', date: '2026-01-14' });
  });

  it('halves its way down from the window end: every feasible try is later than every infeasible one', () => {
    const attempts = result.explanation.flatMap((step) => (step.kind === 'attempt' ? [step] : []));
    expect(attempts[1]!.dueDate).toBe('2026-04-06');
    const feasible = attempts.filter((step) => step.outcome === 'feasible').map((step) => step.dueDate);
    const infeasible = attempts.filter((step) => step.outcome !== 'feasible').map((step) => step.dueDate);
    expect(feasible).toContain('2026-01-14');
    expect(infeasible).toContain('2026-01-13');
    for (const late of feasible) for (const early of infeasible) expect(compareDates(early, late)).toBe(-1);
    expect(attempts.length).toBeLessThanOrEqual(9);
  });
});

describe('capableToPromise', () => {
  it('needs no supply when the line is available: the needed date stands', () => {
    const result = capableToPromise(request({ picture: picture('12') }));
    expect(result).toMatchObject({ date: '2026-01-10', supply: null });
    expect(result.explanation).toContainEqual({ kind: 'unavailable', quantity: dec('0') });
  });

  it('promises the needed date when a supply started inside the window makes it', () => {
    const result = capableToPromise(request({ leadTime: { leadTimeCalculation: '2D', safetyLeadTime: '1D', inboundHandlingTime: '1D' } }));
    expect(result.date).toBe('2026-01-10');
    expect(result.supply).toEqual(supply('4', '2026-01-10', '2026-01-08', '2026-01-06'));
  });

  it('starts at the window start when the line has no shipment date', () => {
    const result = capableToPromise(request({ neededDate: null, leadTime: { leadTimeCalculation: '0D', safetyLeadTime: '0D', inboundHandlingTime: '0D' } }));
    expect(result.date).toBe('2026-01-06');
    expect(result.supply).toEqual(supply('4', '2026-01-06', '2026-01-06', '2026-01-06'));
  });

  it('settles on a later scheduled receipt when it covers the line before a new supply could', () => {
    const result = capableToPromise(request({ picture: picture('6', [purchase('2026-01-12', '10')]) }));
    expect(result).toMatchObject({ date: '2026-01-12', supply: null });
    expect(result.explanation).toContainEqual({ kind: 'attempt', dueDate: '2026-01-12', availableToPromise: dec('6'), supply: null, outcome: 'covered' });
  });

  it('asks the caller about critical components and moves on until they can be had', () => {
    const asked: Array<[string, string]> = [];
    const result = capableToPromise(request({
      components: {
        checkComponents: (dueDate, planned) => {
          asked.push([dueDate, planned.startingDate]);
          return compareDates(planned.startingDate, '2026-01-12') >= 0;
        },
      },
    }));
    expect(result.date).toBe('2026-01-20');
    expect(result.supply).toEqual(supply('4', '2026-01-20', '2026-01-19', '2026-01-12'));
    expect(asked).toContainEqual(['2026-01-19', '2026-01-11']);
    expect(result.explanation).toContainEqual(expect.objectContaining({ dueDate: '2026-01-19', outcome: 'componentsUnavailable' }));
  });

  it('returns no date and no supply when nothing started inside the window arrives by its end', () => {
    const result = capableToPromise(request({ leadTime: { leadTimeCalculation: '100D', safetyLeadTime: '1D', inboundHandlingTime: '0D' } }));
    expect(result).toMatchObject({ date: null, supply: null });
    expect(result.explanation.at(-1)).toEqual({ kind: 'noDateInWindow', windowEnd: '2026-04-06' });
  });
});

describe('planSupply (lead-time chain, backwards)', () => {
  it.each<[string, string, string, string, string, string]>([
    ['days', '2026-01-14', '7D', '1D', '0D', '2026-01-13|2026-01-06'],
    ['handling after safety', '2026-01-14', '7D', '1D', '2D', '2026-01-11|2026-01-04'],
    ['a month, clamped to the month end', '2026-03-31', '1M', '1D', '0D', '2026-03-30|2026-02-28'],
    ['a week and blank safety', '2026-01-14', '1W', '', '', '2026-01-14|2026-01-07'],
  ])('%s', (_, dueDate, leadTimeCalculation, safetyLeadTime, inboundHandlingTime, expected) => {
    const planned = planSupply(dec('4'), dueDate, { leadTimeCalculation, safetyLeadTime, inboundHandlingTime });
    expect(`${planned.endingDate}|${planned.startingDate}`).toBe(expected);
  });
});
