/**
 * Spec §22.4, worked example 15: bank account B1, tolerance Amount 1.00; Contoso Ltd. (unique name,
 * 1 Main St, Springfield) with invoices 103001 (1,250.00) and 103002 (400.00), Fabrikam with 103010
 * (1,250.00); a text mapping MyBank → G/L 60400.
 */
import { describe, expect, it } from 'vitest';
import { dec } from '../../../../src/core/money/decimal.ts';
import type { MatchingInput, TextToAccountMapping } from '../../../../src/core/bank/matching/types.ts';
import { customer, invoice, line, lineOf, match, outcome } from './fixture.ts';

const parties = [
  customer('C-CONTOSO', 'Contoso Ltd.', { address: '1 Main St', city: 'Springfield' }),
  customer('C-FABRIKAM', 'Fabrikam'),
];
const entries = [
  invoice(1, 'C-CONTOSO', '103001', '1250.00'),
  invoice(2, 'C-CONTOSO', '103002', '400.00'),
  invoice(3, 'C-FABRIKAM', '103010', '1250.00'),
];
// Money out takes the Credit Acc. No. (BC's FindTextMappings; the product docs' MyBank example).
const myBank: TextToAccountMapping = { mappingText: 'MyBank', debitAccountNo: '', creditAccountNo: '60400', balSourceType: 'glAccount', balSourceNo: '' };

const line1 = line(1, '1250.00', { transactionText: 'Payment INV 103001', relatedPartyName: 'Contoso Ltd.' });
const line2 = line(2, '1650.00', { transactionText: 'Invoices 103001 103002 Contoso' });
const line3 = line(3, '-12.50', { transactionText: 'MyBank fee' });
const line4 = line(4, '399.50', { transactionText: 'Thanks' });

const base: Omit<MatchingInput, 'lines'> = { entries, parties, tolerance: { type: 'amount', value: dec('1.00') }, textMappings: [myBank] };

describe('worked example 15', () => {
  it('line 1: related party Fully (name 100 % and unique), Doc. No. Yes, per account One Match → High/3, applied to 103001', () => {
    const result = lineOf(match({ ...base, lines: [line1, line3, line4] }), 1);
    expect(outcome(result)).toEqual({ confidence: 'high', rule: 'high/3', account: 'customer C-CONTOSO', applied: ['1:1250.00'], difference: '0.00' });
    expect(result.matchQuality).toBe(3997);
    expect(result.reviewRequired).toBe(false);
    const criteria = result.explanation.criteria!;
    expect(criteria.relatedParty).toMatchObject({ result: 'fully', basis: 'relatedPartyName', nearness: 100, nameUnique: true });
    expect(criteria.documentNo).toEqual({ result: 'yes', found: [{ entryNo: 1, field: 'documentNo', value: '103001' }] });
    // 103010 of Fabrikam is in range too, but Contoso has one entry in range.
    expect(criteria.amount.result).toBe('oneMatch');
    expect(criteria.amount.minimum.toFixed(2)).toBe('1249.00');
    expect(criteria.amount.maximum.toFixed(2)).toBe('1251.00');
    expect(criteria.amount.entriesInRange).toBe(1);
    expect(result.explanation.beaten.map((beaten) => [beaten.entryNos, `${beaten.rule.matchConfidence}/${beaten.rule.priority}`])).toEqual([
      [[2], 'low/1'], // Contoso's other invoice: Fully, No, No Matches
      [[3], 'low/4'], // Fabrikam's 1,250.00: No, No, One Match (per account)
    ]);
  });

  it('line 3: nothing matches money out; the mapping MyBank posts it to G/L 60400', () => {
    const result = lineOf(match({ ...base, lines: [line1, line3, line4] }), 3);
    expect(outcome(result)).toEqual({ confidence: 'highTextToAccountMapping', rule: null, account: 'glAccount 60400', applied: [], difference: '0.00' });
    expect(result.appliedAmount.toFixed(2)).toBe('-12.50');
    expect(result.matchQuality).toBe(3000);
    expect(result.explanation.textMapping).toEqual({ mappingText: 'MyBank', accountType: 'glAccount', accountNo: '60400' });
  });

  it('line 4: no party, no number, 103002 (400.00) within ±1.00 → Low/4, review required, applied 399.50 leaving 0.50 open', () => {
    const result = lineOf(match({ ...base, lines: [line1, line3, line4] }), 4);
    expect(outcome(result)).toEqual({ confidence: 'low', rule: 'low/4', account: 'customer C-CONTOSO', applied: ['2:399.50'], difference: '0.00' });
    expect(result.reviewRequired).toBe(true);
    expect(result.explanation.criteria!.relatedParty.result).toBe('no');
    expect(result.explanation.criteria!.documentNo.result).toBe('no');
    expect(result.explanation.criteria!.amount).toMatchObject({ result: 'oneMatch', entriesInRange: 1 });
    expect(result.explanation.criteria!.amount.comparedAmount.toFixed(2)).toBe('400.00');
  });

  it('line 2 alone: Doc. No. Yes - Multiple, group total 1,650.00 One Match → applied to both, Difference 0', () => {
    const result = lineOf(match({ ...base, lines: [line2] }), 2);
    // The text names Contoso but is only 58 near "Contoso Ltd." (7 of 12 letters): related party No → High/9 (the spec says High/1).
    expect(outcome(result)).toEqual({ confidence: 'high', rule: 'high/9', account: 'customer C-CONTOSO', applied: ['1:1250.00', '2:400.00'], difference: '0.00' });
    const criteria = result.explanation.criteria!;
    expect(criteria.relatedParty).toMatchObject({ result: 'no', basis: 'transactionText', nearness: 58 });
    expect(criteria.documentNo.result).toBe('yesMultiple');
    expect(criteria.documentNo.found.map((found) => found.value)).toEqual(['103001', '103002']);
    expect(criteria.amount).toMatchObject({ result: 'oneMatch' });
    expect(criteria.amount.comparedAmount.toFixed(2)).toBe('1650.00');
  });

  it('line 2 after line 1 took 103001: only 103002 is applied, Difference 1,250.00; 103001 was contested and line 1 won', () => {
    const result = match({ ...base, lines: [line1, line2, line3] });
    expect(outcome(lineOf(result, 1)).applied).toEqual(['1:1250.00']);
    const second = lineOf(result, 2);
    expect(outcome(second)).toEqual({ confidence: 'high', rule: 'high/9', account: 'customer C-CONTOSO', applied: ['2:400.00'], difference: '1250.00' });
    expect(second.explanation.notes).toContainEqual({ kind: 'entryTakenByOtherLine', entryNo: 1, lineNos: [1] });
    expect(result.contestedEntries).toEqual([{ entryNo: 1, claims: [{ lineNo: 1, score: 3997 }, { lineNo: 2, score: 3991 }], appliedTo: [1] }]);
  });

  it('all four lines: line 2 takes 103002, so line 4 finds nothing left to apply', () => {
    const result = match({ ...base, lines: [line1, line2, line3, line4] });
    expect(result.lines.map((lineMatch) => outcome(lineMatch).applied)).toEqual([['1:1250.00'], ['2:400.00'], [], []]);
    const fourth = lineOf(result, 4);
    expect(fourth.matchConfidence).toBe('none');
    expect(fourth.difference.toFixed(2)).toBe('399.50');
    expect(fourth.explanation.notes).toContainEqual({ kind: 'entryTakenByOtherLine', entryNo: 2, lineNos: [2] });
  });
});
