import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/money/decimal.ts';
import { balanceDueLcy, isOverdue } from '../../../src/core/receivables/balance-due.ts';

describe('isOverdue (spec §12.4, §20.7)', () => {
  it.each<[string, string, boolean]>([
    ['2026-03-14', '2026-03-15', true],
    ['2026-03-15', '2026-03-15', false],
    ['2026-03-16', '2026-03-15', false],
    ['2025-12-31', '2026-01-01', true],
  ])('due %s at work date %s → %s', (dueDate, workDate, overdue) => {
    expect(isOverdue(dueDate, workDate)).toBe(overdue);
  });
});

describe('balanceDueLcy', () => {
  const open = [
    { dueDate: '2026-03-01', remainingAmountLcy: dec('100') },
    { dueDate: '2026-03-14', remainingAmountLcy: dec('25.50') },
    { dueDate: '2026-03-15', remainingAmountLcy: dec('1000') },
    { dueDate: '2026-04-01', remainingAmountLcy: dec('5000') },
    // An unapplied payment posted before the work date lowers what is due.
    { dueDate: '2026-03-10', remainingAmountLcy: dec('-40') },
  ];

  it('sums what is open on entries due before the work date, not on it or after', () => {
    expect(balanceDueLcy(open, '2026-03-15').toFixed(2)).toBe('85.50');
    expect(balanceDueLcy(open, '2026-03-16').toFixed(2)).toBe('1085.50');
    expect(balanceDueLcy(open, '2026-03-01').toFixed(2)).toBe('0.00');
    expect(balanceDueLcy([], '2026-03-15').isZero()).toBe(true);
  });
});
