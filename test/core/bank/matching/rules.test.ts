/**
 * The rule table of spec §22.3 row by row: for each row a statement line and open entries built to
 * meet exactly that row's criteria, and the line must come out with that confidence and priority.
 */
import { describe, expect, it } from 'vitest';
import { dec } from '../../../../src/core/money/decimal.ts';
import {
  DEFAULT_PAYMENT_APPLICATION_RULES, TEXT_MAPPER_SCORE, confidenceOfScore, ruleScore,
} from '../../../../src/core/bank/matching/rules.ts';
import type {
  AmountMatched, DocumentNoMatched, OpenEntry, PaymentApplicationRule, RelatedPartyMatched, StatementLine,
} from '../../../../src/core/bank/matching/types.ts';
import { customer, invoice, line, lineOf, match } from './fixture.ts';

const IBAN = 'DE89 3704 0044 0532 0130 00';

interface Scenario {
  lines: StatementLine[];
  entries: OpenEntry[];
}

/**
 * Northwind Traders (C1) with INV-1001 500.00 and INV-1002 300.00. Related party Fully: the
 * statement's IBAN is C1's; Partially: the statement names "Northwind Traders", which another
 * customer's name contains too (so not unique); No: neither. Multiple Matches: C1 also has
 * INV-1003 for the amount compared. No Matches: the statement is 50.00 less.
 */
function scenario(relatedParty: RelatedPartyMatched, documentNo: DocumentNoMatched, amount: AmountMatched): Scenario {
  const group = documentNo === 'yesMultiple';
  const compared = group ? '800.00' : '500.00';
  const entries = [invoice(1, 'C1', 'INV-1001', '500.00'), invoice(2, 'C1', 'INV-1002', '300.00')];
  if (amount === 'multipleMatches') entries.push(invoice(3, 'C1', 'INV-1003', compared, { dueDate: '2026-04-30' }));
  const statementAmount = amount === 'noMatches' ? dec(compared).minus(50).toFixed(2) : compared;
  const text = { yes: 'Payment INV-1001', yesMultiple: 'Payment INV-1001, INV-1002', no: 'Payment' }[documentNo];
  const statement = line(1, statementAmount, {
    transactionText: text,
    relatedPartyBankAccountNo: relatedParty === 'fully' ? IBAN : '',
    relatedPartyName: relatedParty === 'partially' ? 'Northwind Traders' : '',
  });
  return { lines: [statement], entries };
}

const parties = [
  customer('C1', 'Northwind Traders', { bankAccountNos: [IBAN.replaceAll(' ', '')] }),
  customer('C2', 'Northwind Traders Europe'),
];

// [confidence, priority, related party, doc. no., amount] — Not Considered rows take No Matches,
// the one value no better rule claims.
const rows: ReadonlyArray<[string, number, RelatedPartyMatched, DocumentNoMatched, AmountMatched]> = [
  ['high', 1, 'fully', 'yesMultiple', 'oneMatch'],
  ['high', 2, 'fully', 'yesMultiple', 'multipleMatches'],
  ['high', 3, 'fully', 'yes', 'oneMatch'],
  ['high', 4, 'fully', 'yes', 'multipleMatches'],
  ['high', 5, 'partially', 'yesMultiple', 'oneMatch'],
  ['high', 6, 'partially', 'yesMultiple', 'multipleMatches'],
  ['high', 7, 'partially', 'yes', 'oneMatch'],
  ['high', 8, 'fully', 'no', 'oneMatch'],
  ['high', 9, 'no', 'yesMultiple', 'oneMatch'],
  ['high', 10, 'no', 'yesMultiple', 'multipleMatches'],
  ['medium', 1, 'fully', 'yesMultiple', 'noMatches'],
  ['medium', 2, 'fully', 'yes', 'noMatches'],
  ['medium', 3, 'fully', 'no', 'multipleMatches'],
  ['medium', 4, 'partially', 'yesMultiple', 'noMatches'],
  ['medium', 5, 'partially', 'yes', 'noMatches'],
  ['medium', 6, 'no', 'yes', 'oneMatch'],
  ['medium', 7, 'no', 'yesMultiple', 'noMatches'],
  ['medium', 8, 'partially', 'no', 'oneMatch'],
  ['medium', 9, 'no', 'yes', 'noMatches'],
  ['low', 1, 'fully', 'no', 'noMatches'],
  ['low', 2, 'partially', 'no', 'multipleMatches'],
  ['low', 3, 'partially', 'no', 'noMatches'],
  ['low', 4, 'no', 'no', 'oneMatch'],
  ['low', 5, 'no', 'no', 'multipleMatches'],
];

describe('the default rule table, row by row', () => {
  it('is the table of spec §22.3 (24 rows)', () => {
    expect(DEFAULT_PAYMENT_APPLICATION_RULES).toHaveLength(rows.length);
    const high = DEFAULT_PAYMENT_APPLICATION_RULES.filter((rule) => rule.matchConfidence === 'high');
    expect(high.map((rule) => rule.priority)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it.each(rows)('%s/%i: related party %s, doc. no. %s, amount %s', (confidence, priority, relatedParty, documentNo, amount) => {
    const { lines, entries } = scenario(relatedParty, documentNo, amount);
    const result = lineOf(match({ lines, entries, parties, tolerance: { type: 'amount', value: dec('0') } }), 1);
    expect(result.rule).toMatchObject({ matchConfidence: confidence, priority, score: ruleScore(confidence as 'high', priority) });
    expect(result.matchConfidence).toBe(confidence);
    expect(result.matchQuality).toBe(ruleScore(confidence as 'high', priority));
    expect(result.reviewRequired).toBe(confidence !== 'high');
    const criteria = result.explanation.criteria!;
    expect([criteria.relatedParty.result, criteria.documentNo.result, criteria.amount.result]).toEqual([relatedParty, documentNo, amount]);
    expect(result.appliedEntries[0]!.entryNo).toBe(1);
  });

  it('no rule for No, No, No Matches: the line stays unmatched', () => {
    const result = lineOf(match({ lines: [line(1, '450.00', { transactionText: 'Payment' })], entries: [invoice(1, 'C1', 'INV-1001', '500.00')], parties }), 1);
    expect(result).toMatchObject({ matchConfidence: 'none', matchQuality: 0, rule: null, reviewRequired: false });
    expect(result.difference.toFixed(2)).toBe('450.00');
  });
});

describe('scores (BC: (confidence + 1) × 1000 − priority)', () => {
  it.each([
    ['high', 1, 3999, 'high'], ['high', 10, 3990, 'high'], ['medium', 1, 2999, 'medium'], ['medium', 9, 2991, 'medium'],
    ['low', 1, 1999, 'low'], ['low', 5, 1995, 'low'],
  ] as const)('%s/%i = %i', (confidence, priority, score, back) => {
    expect(ruleScore(confidence, priority)).toBe(score);
    expect(confidenceOfScore(score)).toBe(back);
  });

  it('a text mapping (3000) ranks between every Medium and every High rule', () => {
    expect(TEXT_MAPPER_SCORE).toBeGreaterThan(ruleScore('medium', 1));
    expect(TEXT_MAPPER_SCORE).toBeLessThan(ruleScore('high', 499));
    expect(confidenceOfScore(TEXT_MAPPER_SCORE)).toBe('highTextToAccountMapping');
  });
});

describe('a rule table of the user\'s own', () => {
  const base = scenario('no', 'no', 'oneMatch');

  it('replaces the default: amount alone made High, review not required', () => {
    const rules: PaymentApplicationRule[] = [
      { matchConfidence: 'high', priority: 1, relatedPartyMatched: 'notConsidered', documentNoMatched: 'notConsidered', amountMatched: 'oneMatch', reviewRequired: false },
    ];
    const result = lineOf(match({ ...base, parties, rules }), 1);
    expect(result.rule).toEqual({ matchConfidence: 'high', priority: 1, score: 3999, reviewRequired: false });
    expect(result.reviewRequired).toBe(false);
  });

  it('without a rule for the criteria nothing is applied', () => {
    const rules = DEFAULT_PAYMENT_APPLICATION_RULES.filter((rule) => !(rule.matchConfidence === 'low' && rule.priority === 4));
    expect(lineOf(match({ ...base, parties, rules }), 1).matchConfidence).toBe('none');
  });
});
