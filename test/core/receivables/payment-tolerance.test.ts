import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/money/decimal.ts';
import { markedOrder, oldestFirst } from '../../../src/core/receivables/apply-to-oldest.ts';
import { maxPaymentTolerance } from '../../../src/core/receivables/payment-tolerance.ts';
import { invoice, payment } from './application-fixture.ts';

describe('maxPaymentTolerance (spec §20.5, BC CalcMaxPmtTolerance)', () => {
  const base = {
    documentType: 'invoice', amount: dec('1000'), amountLcy: dec('1000'), currencyCode: '',
    tolerancePercent: dec('1'), maxToleranceAmount: dec('5'), amountPrecision: dec('0.01'), blockPaymentTolerance: false,
  };
  it.each<[string, Partial<typeof base>, string]>([
    ['1 % of 1000.00 capped at 5.00', {}, '5.00'],
    ['1 % of 300.00 under the cap', { amount: dec('300'), amountLcy: dec('300') }, '3.00'],
    ['a credit memo is negative', { documentType: 'creditMemo', amount: dec('-1000'), amountLcy: dec('-1000') }, '-5.00'],
    ['maximum 0 means no cap', { maxToleranceAmount: dec('0') }, '10.00'],
    ['percentage 0 means the maximum amount (as BC)', { tolerancePercent: dec('0') }, '5.00'],
    ['nothing set up', { tolerancePercent: dec('0'), maxToleranceAmount: dec('0') }, '0.00'],
    ['never more than the amount', { amount: dec('3'), amountLcy: dec('3'), tolerancePercent: dec('0') }, '3.00'],
    ['Block Payment Tolerance', { blockPaymentTolerance: true }, '0.00'],
    ['payments get none', { documentType: 'payment', amount: dec('-1000'), amountLcy: dec('-1000') }, '0.00'],
    // The currency's own Payment Tolerance % and Max. Payment Tolerance Amount, in the currency (no conversion of the G/L setup's).
    ['in a currency: its own % of the amount in the currency, capped by its own maximum', { currencyCode: 'USD', amount: dec('1100'), amountLcy: dec('1000') }, '5.00'],
    ['in a currency: its own % under its maximum', { currencyCode: 'USD', amount: dec('330'), amountLcy: dec('300'), maxToleranceAmount: dec('10') }, '3.30'],
  ])('%s', (_name, overrides, expected) => {
    expect(maxPaymentTolerance({ ...base, ...overrides }).toFixed(2)).toBe(expected);
  });
});

describe('apply to oldest and Applies-to ID order', () => {
  const open = [
    invoice(5, 'PI-5', '100', { dueDate: '2026-03-20' }),
    invoice(3, 'PI-3', '100', { dueDate: '2026-03-10' }),
    invoice(4, 'PI-4', '100', { dueDate: '2026-03-10' }),
    invoice(6, 'PI-6', '100', { dueDate: '2026-03-01', postingDate: '2026-03-09' }),
    invoice(7, 'PI-7', '100', { dueDate: '2026-03-01', currencyCode: 'USD' }),
    invoice(8, 'PCM-8', '-50', { documentType: 'creditMemo', dueDate: '2026-03-01' }),
    invoice(9, 'PI-9', '100', { dueDate: '2026-03-01', customerNo: 'OTHER' }),
  ];

  it('oldest due date first, then entry no.; entries posted after the payment, other currencies, customers and signs left out', () => {
    const order = oldestFirst(payment('-250', '2026-03-08'), open).map((entry) => entry.entryNo);
    expect(order).toEqual([3, 4, 5]);
  });

  it('Applies-to ID: the applying entry\'s own sign first, then the others by due date', () => {
    const order = markedOrder(payment('-250', '2026-03-08'), open).map((entry) => entry.entryNo);
    expect(order).toEqual([8, 6, 3, 4, 5]);
  });
});
