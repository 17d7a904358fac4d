/**
 * What a line applies to an entry: payment discount in time and late (spec §20.4; BC's
 * Applied Payment Entry), partial payments, and several lines paying one entry.
 */
import { describe, expect, it } from 'vitest';
import { dec } from '../../../../src/core/money/decimal.ts';
import type { OpenEntry } from '../../../../src/core/bank/matching/types.ts';
import { customer, invoice, line, lineOf, match, outcome } from './fixture.ts';

// Worked example 13: invoice 1000.00, 5 % discount (50.00) until 2026-03-09.
const withDiscount = (overrides: Partial<OpenEntry> = {}) => invoice(1, 'C1', 'PI-20', '1000.00', {
  postingDate: '2026-03-01', remainingPaymentDiscountPossible: dec('50.00'), paymentDiscountDate: '2026-03-09', ...overrides,
});
const pay = (amount: string, date: string, entry = withDiscount()) =>
  lineOf(match({ lines: [line(1, amount, { transactionDate: date, transactionText: 'Invoice PI-20' })], entries: [entry] }), 1);

describe('payment discount', () => {
  it('in time, 950.00 closes the 1000.00 invoice: 950.00 applied + 50.00 discount, compared as 950.00 (One Match)', () => {
    const result = pay('950.00', '2026-03-08');
    expect(outcome(result)).toMatchObject({ applied: ['1:950.00+50.00'], difference: '0.00' });
    expect(result.explanation.criteria!.amount).toMatchObject({ result: 'oneMatch' });
    expect(result.explanation.criteria!.amount.comparedAmount.toFixed(2)).toBe('950.00');
  });

  it('on the discount date itself it is still in time', () => {
    expect(outcome(pay('950.00', '2026-03-09')).applied).toEqual(['1:950.00+50.00']);
  });

  it('late, 950.00 is applied without discount, 50.00 stays open, and the amount no longer matches 1000.00', () => {
    const result = pay('950.00', '2026-03-12');
    expect(outcome(result)).toMatchObject({ applied: ['1:950.00'], difference: '0.00' });
    expect(result.explanation.criteria!.amount.result).toBe('noMatches');
    expect(result.explanation.criteria!.amount.comparedAmount.toFixed(2)).toBe('1000.00');
  });

  it('in time but short, 900.00: no discount (900 + 50 < 1000)', () => {
    expect(outcome(pay('900.00', '2026-03-08')).applied).toEqual(['1:900.00']);
  });

  it('in time and more than enough, 960.00: 950.00 + 50.00 closes it, 10.00 is the difference', () => {
    expect(outcome(pay('960.00', '2026-03-08'))).toMatchObject({ applied: ['1:950.00+50.00'], difference: '10.00' });
  });

  it('within the grace period the discounted amount is still compared (BC), but the discount is not granted here', () => {
    const result = pay('950.00', '2026-03-11', withDiscount({ paymentDiscountToleranceDate: '2026-03-12' }));
    expect(result.explanation.criteria!.amount.result).toBe('oneMatch');
    expect(outcome(result).applied).toEqual(['1:950.00']);
  });

  it('a finance charge memo gets no discount', () => {
    expect(outcome(pay('950.00', '2026-03-08', withDiscount({ documentType: 'financeChargeMemo' }))).applied).toEqual(['1:950.00']);
  });
});

describe('amounts applied', () => {
  const parties = [customer('C1', 'Contoso Ltd.')];

  it('a payment larger than the invoice applies the invoice\'s remaining amount; the rest is the difference', () => {
    const result = lineOf(match({ lines: [line(1, '600.00', { transactionText: 'INV-1001' })], entries: [invoice(1, 'C1', 'INV-1001', '500.00')], parties }), 1);
    expect(outcome(result)).toMatchObject({ applied: ['1:500.00'], difference: '100.00' });
  });

  it('two partial payments of one invoice: the second applies what the first left (BC\'s many-to-one)', () => {
    const result = match({
      lines: [line(1, '600.00', { transactionText: 'INV-1001 part 1' }), line(2, '600.00', { transactionText: 'INV-1001 part 2' })],
      entries: [invoice(1, 'C1', 'INV-1001', '1000.00')],
      parties,
    });
    expect(result.lines.map((lineMatch) => outcome(lineMatch))).toEqual([
      expect.objectContaining({ applied: ['1:600.00'], difference: '0.00' }),
      expect.objectContaining({ applied: ['1:400.00'], difference: '200.00' }),
    ]);
  });

  it('an entry another line closed completely is not applied again', () => {
    const result = match({
      lines: [line(1, '1000.00', { transactionText: 'INV-1001' }), line(2, '1000.00', { transactionText: 'INV-1001 again' })],
      entries: [invoice(1, 'C1', 'INV-1001', '1000.00')],
      parties,
    });
    expect(outcome(lineOf(result, 2))).toMatchObject({ confidence: 'none', applied: [], difference: '1000.00' });
  });
});
