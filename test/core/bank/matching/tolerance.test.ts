/** Criterion 3's range (BC's GetAmountRangeForTolerance) and where an entry's amount falls in it. */
import { describe, expect, it } from 'vitest';
import { dec } from '../../../../src/core/money/decimal.ts';
import { amountRange } from '../../../../src/core/bank/matching/tolerance.ts';
import type { MatchTolerance } from '../../../../src/core/bank/matching/types.ts';
import { invoice, line, lineOf, match } from './fixture.ts';

const cent = dec('0.01');

describe('amountRange', () => {
  it.each<[string, string, MatchTolerance, string, string]>([
    ['Amount ± 1.00', '100.00', { type: 'amount', value: dec('1') }, '99.00', '101.00'],
    ['Amount, money out', '-100.00', { type: 'amount', value: dec('1') }, '-101.00', '-99.00'],
    ['Amount clamped at 0 for a receipt', '0.50', { type: 'amount', value: dec('1') }, '0.00', '1.50'],
    ['Amount clamped at 0 for money out', '-0.50', { type: 'amount', value: dec('1') }, '-1.50', '0.00'],
    ['Amount 0: exactly the amount', '100.00', { type: 'amount', value: dec('0') }, '100.00', '100.00'],
    ['Percentage 2 %', '100.00', { type: 'percentage', value: dec('2') }, '98.00', '102.00'],
    ['Percentage, money out: bounds swapped', '-100.00', { type: 'percentage', value: dec('2') }, '-102.00', '-98.00'],
    ['Percentage rounded to the cent', '1234.56', { type: 'percentage', value: dec('1') }, '1222.21', '1246.91'],
    ['Percentage above 100 clamped at 0', '100.00', { type: 'percentage', value: dec('150') }, '0.00', '250.00'],
  ])('%s', (_name, amount, tolerance, minimum, maximum) => {
    const range = amountRange(dec(amount), tolerance, cent);
    expect([range.minimum.toFixed(2), range.maximum.toFixed(2)]).toEqual([minimum, maximum]);
  });
});

describe('an entry at the edge of the range', () => {
  const outcome = (statement: string, remaining: string, tolerance: MatchTolerance) => {
    const result = lineOf(match({ lines: [line(1, statement, { transactionText: 'Thanks' })], entries: [invoice(1, 'C1', 'INV-1001', remaining)], tolerance }), 1);
    return result.explanation.criteria?.amount.result ?? 'none';
  };

  it.each<[string, string, string, MatchTolerance, string]>([
    ['Amount: exactly at the upper edge is in', '100.00', '101.00', { type: 'amount', value: dec('1') }, 'oneMatch'],
    ['Amount: one cent above is out', '100.00', '101.01', { type: 'amount', value: dec('1') }, 'none'],
    ['Amount: exactly at the lower edge is in', '100.00', '99.00', { type: 'amount', value: dec('1') }, 'oneMatch'],
    ['Amount: one cent below is out', '100.00', '98.99', { type: 'amount', value: dec('1') }, 'none'],
    ['Amount clamp: a 0.01 invoice is in for a 0.50 receipt', '0.50', '0.01', { type: 'amount', value: dec('1') }, 'oneMatch'],
    ['Percentage: 102.00 is in at 2 %', '100.00', '102.00', { type: 'percentage', value: dec('2') }, 'oneMatch'],
    ['Percentage: 102.01 is out', '100.00', '102.01', { type: 'percentage', value: dec('2') }, 'none'],
    ['Percentage: 98.00 is in', '100.00', '98.00', { type: 'percentage', value: dec('2') }, 'oneMatch'],
    ['Percentage: 97.99 is out', '100.00', '97.99', { type: 'percentage', value: dec('2') }, 'none'],
  ])('%s', (_name, statement, remaining, tolerance, expected) => {
    expect(outcome(statement, remaining, tolerance)).toBe(expected);
  });

  it('money out: a vendor invoice (negative remaining) at the edge of the range', () => {
    const entry = invoice(1, 'V1', 'PI-2001', '-101.00', { accountType: 'vendor' });
    const result = lineOf(match({ lines: [line(1, '-100.00', { transactionText: 'Transfer' })], entries: [entry], tolerance: { type: 'amount', value: dec('1') } }), 1);
    expect(result.explanation.criteria!.amount.result).toBe('oneMatch');
    // Applied: what is left of the statement amount, −100.00, leaving −1.00 on the invoice.
    expect(result.appliedEntries.map((applied) => applied.appliedAmount.toFixed(2))).toEqual(['-100.00']);
    expect(result.accountType).toBe('vendor');
  });

  it('the explanation states the range and the compared amount', () => {
    const result = lineOf(match({ lines: [line(1, '100.00')], entries: [invoice(1, 'C1', 'INV-1001', '100.40')], tolerance: { type: 'amount', value: dec('0.50') } }), 1);
    const amount = result.explanation.criteria!.amount;
    expect([amount.minimum.toFixed(2), amount.maximum.toFixed(2), amount.comparedAmount.toFixed(2), amount.entriesInRange]).toEqual(['99.50', '100.50', '100.40', 1]);
  });
});
