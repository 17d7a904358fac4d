/**
 * Lines together: one-to-many groups, ties between equally good entries, one entry wanted by
 * several lines, and lines Apply Automatically must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { dec } from '../../../../src/core/money/decimal.ts';
import { customer, invoice, line, lineOf, match, outcome } from './fixture.ts';

const parties = [customer('C1', 'Contoso Ltd.'), customer('C2', 'Fabrikam Inc.')];

describe('one-to-many', () => {
  const entries = [
    invoice(1, 'C1', 'INV-1001', '500.00', { dueDate: '2026-03-20' }),
    invoice(2, 'C1', 'INV-1002', '300.00', { dueDate: '2026-03-10' }),
    invoice(3, 'C2', 'INV-2001', '200.00'),
  ];

  it('several documents of one account: applied to all, oldest due date first, the total compared', () => {
    const result = lineOf(match({ lines: [line(1, '800.00', { transactionText: 'INV-1001 INV-1002' })], entries, parties }), 1);
    expect(outcome(result)).toMatchObject({ rule: 'high/9', applied: ['2:300.00', '1:500.00'], difference: '0.00' });
    expect(result.explanation.criteria!.documentNo.result).toBe('yesMultiple');
    expect(result.explanation.criteria!.amount.comparedAmount.toFixed(2)).toBe('800.00');
  });

  it('documents of two accounts are no group: each is a candidate of its own', () => {
    const result = lineOf(match({ lines: [line(1, '700.00', { transactionText: 'INV-1001 INV-2001' })], entries, parties }), 1);
    expect(result.explanation.criteria!.documentNo.result).toBe('yes');
    expect(result.appliedEntries).toHaveLength(1);
  });

  it('an invoice named alone that fits the amount beats the group (Medium/6 over Medium/7)', () => {
    const result = lineOf(match({ lines: [line(1, '300.00', { transactionText: 'INV-1001 INV-1002' })], entries, parties }), 1);
    expect(outcome(result)).toMatchObject({ rule: 'medium/6', applied: ['2:300.00'], difference: '0.00' });
  });

  it('when the amount runs out, the remaining documents are noted as not applied', () => {
    const three = [...entries, invoice(4, 'C1', 'INV-1003', '200.00', { dueDate: '2026-03-30' })];
    const result = lineOf(match({ lines: [line(1, '800.00', { transactionText: 'INV-1001 INV-1002 INV-1003' })], entries: three, parties }), 1);
    // Group total 1000.00 is out of range: Yes - Multiple, No Matches → Medium/7.
    expect(outcome(result)).toMatchObject({ rule: 'medium/7', applied: ['2:300.00', '1:500.00'], difference: '0.00' });
    expect(result.explanation.notes).toEqual([{ kind: 'documentNotApplied', entryNo: 4, documentNo: 'INV-1003' }]);
  });
});

describe('ties', () => {
  it('equally good entries: the line takes the oldest due date and says how many were as good', () => {
    const entries = [
      invoice(1, 'C1', 'INV-1001', '100.00', { dueDate: '2026-03-25' }),
      invoice(2, 'C2', 'INV-2001', '100.00', { dueDate: '2026-03-05' }),
      invoice(3, 'C2', 'INV-2002', '100.00', { dueDate: '2026-03-28' }),
    ];
    const result = lineOf(match({ lines: [line(1, '100.00', { transactionText: 'Thanks' })], entries, parties }), 1);
    // C1 has one entry in range (Low/4), C2 two (Low/5): per account, as worked example 15.
    expect(outcome(result)).toMatchObject({ rule: 'low/4', applied: ['1:100.00'] });
    expect(result.explanation.equallyGoodEntries).toBe(1);
    expect(result.explanation.sameConfidenceEntries).toBe(3);
    expect(result.explanation.beaten).toEqual([expect.objectContaining({ entryNos: [2], alternatives: 2, accountNo: 'C2', amount: 'multipleMatches' })]);
  });

  it('three customers with one invoice each of the amount: Low/4 three times over', () => {
    const entries = [
      invoice(1, 'C1', 'INV-1001', '100.00', { dueDate: '2026-03-25' }),
      invoice(2, 'C2', 'INV-2001', '100.00', { dueDate: '2026-03-05' }),
      invoice(3, 'C3', 'INV-3001', '100.00', { dueDate: '2026-03-15' }),
    ];
    const result = lineOf(match({ lines: [line(1, '100.00')], entries, parties }), 1);
    expect(outcome(result)).toMatchObject({ rule: 'low/4', applied: ['2:100.00'] });
    expect(result.explanation.equallyGoodEntries).toBe(3);
  });
});

describe('one entry, several lines', () => {
  const entries = [
    invoice(1, 'C1', 'INV-1001', '500.00'),
    invoice(2, 'C1', 'INV-1002', '500.00', { dueDate: '2026-04-15' }),
  ];

  it('the line with the better score gets it; the other takes its next candidate', () => {
    const result = match({
      lines: [
        line(1, '500.00', { transactionText: 'Thanks' }), // amount only: Low/5 (C1 has two in range)
        line(2, '500.00', { transactionText: 'Invoice INV-1001' }), // doc. no. and amount: Medium/9
      ],
      entries, parties,
    });
    expect(outcome(lineOf(result, 2)).applied).toEqual(['1:500.00']);
    const first = lineOf(result, 1);
    expect(outcome(first)).toMatchObject({ rule: 'low/5', applied: ['2:500.00'] });
    expect(first.explanation.notes).toContainEqual({ kind: 'entryTakenByOtherLine', entryNo: 1, lineNos: [2] });
    expect(result.contestedEntries).toEqual([{ entryNo: 1, claims: [{ lineNo: 2, score: 2991 }, { lineNo: 1, score: 1995 }], appliedTo: [2] }]);
  });

  it('at equal score the earlier statement line wins', () => {
    const result = match({
      lines: [line(7, '500.00', { transactionText: 'INV-1001' }), line(3, '500.00', { transactionText: 'INV-1001' })],
      entries: [entries[0]!], parties,
    });
    expect(outcome(lineOf(result, 3)).applied).toEqual(['1:500.00']);
    expect(lineOf(result, 7).matchConfidence).toBe('none');
    expect(result.contestedEntries[0]!.appliedTo).toEqual([3]);
  });
});

describe('lines left alone', () => {
  const entries = [invoice(1, 'C1', 'INV-1001', '500.00'), invoice(2, 'C1', 'INV-1002', '500.00')];

  it('manual and accepted lines are skipped, and their entries are no candidate of other lines', () => {
    const result = match({
      lines: [
        line(1, '500.00', { transactionText: 'INV-1001', matchConfidence: 'accepted', appliedEntryNos: [1] }),
        line(2, '500.00', { transactionText: 'INV-1001' }),
        line(3, '0.00', { transactionText: 'INV-1002' }),
      ],
      entries, parties,
    });
    expect(lineOf(result, 1)).toMatchObject({ skipped: true, matchConfidence: 'accepted', appliedEntries: [] });
    expect(lineOf(result, 1).explanation.notes).toEqual([{ kind: 'skipped', reason: 'manualOrAccepted' }]);
    // Line 2 names 1001, which the accepted line has; it falls to 1002 by amount (Low/4).
    expect(outcome(lineOf(result, 2))).toMatchObject({ rule: 'low/4', applied: ['2:500.00'] });
    expect(lineOf(result, 3)).toMatchObject({ skipped: true, explanation: expect.objectContaining({ notes: [{ kind: 'skipped', reason: 'zeroAmount' }] }) });
  });

  it('the result keeps the input order of lines', () => {
    const result = match({ lines: [line(30, '1.00'), line(10, '2.00'), line(20, '3.00')], entries, parties, tolerance: { type: 'amount', value: dec('0') } });
    expect(result.lines.map((lineMatch) => lineMatch.lineNo)).toEqual([30, 10, 20]);
  });
});
