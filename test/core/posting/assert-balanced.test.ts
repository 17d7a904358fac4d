import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/money/decimal.ts';
import { assertBalanced, glBalance } from '../../../src/core/posting/assert-balanced.ts';
import { EMPTY_POSTING_BATCH, type GlEntry, type PostingBatch, combinePostingBatches } from '../../../src/core/posting/entries.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

function glEntry(accountNo: string, amount: string): GlEntry {
  return {
    accountNo,
    amount: dec(amount),
    description: 'Invoice PI-1',
    genPostingType: '',
    genBusPostingGroup: '',
    genProdPostingGroup: '',
    vatBusPostingGroup: '',
    vatProdPostingGroup: '',
    sourceType: 'customer',
    sourceNo: 'C10000',
  };
}

const batchOf = (...entries: GlEntry[]): PostingBatch => ({ glEntries: entries, vatEntries: [], customerLedgerEntries: [] });

describe('assertBalanced', () => {
  it.each([
    ['an empty batch', EMPTY_POSTING_BATCH],
    ['§23.5: 450.00 = 360.00 + 90.00', batchOf(glEntry('2310', '450.00'), glEntry('6110', '-360.00'), glEntry('5610', '-90.00'))],
    ['amounts that only balance exactly, not in floats (0.1 + 0.2 − 0.3)', batchOf(glEntry('1', '0.1'), glEntry('2', '0.2'), glEntry('3', '-0.3'))],
  ])('accepts %s', (_, batch) => {
    expect(() => assertBalanced(batch)).not.toThrow();
    expect(glBalance(batch).isZero()).toBe(true);
  });

  it.each([
    ['a cent off', batchOf(glEntry('2310', '450.00'), glEntry('6110', '-360.00'), glEntry('5610', '-89.99')), '0.01'],
    ['a one-sided entry', batchOf(glEntry('2310', '450.00')), '450'],
    ['credits exceeding debits', batchOf(glEntry('2310', '1.00'), glEntry('6110', '-1.005')), '-0.005'],
  ])('refuses %s with POSTING_NOT_BALANCED and the difference', (_, batch, difference) => {
    const error = domainErrorOf(() => assertBalanced(batch));
    expect(error.code).toBe('POSTING_NOT_BALANCED');
    expect(error.params.difference).toBe(difference);
    expect(error.message).toContain(difference);
  });

  it('combinePostingBatches keeps every entry, in order', () => {
    const combined = combinePostingBatches(batchOf(glEntry('2310', '450.00'), glEntry('6110', '-450.00')), batchOf(glEntry('7190', '240.00'), glEntry('2110', '-240.00')));
    expect(combined.glEntries.map((entry) => entry.accountNo)).toEqual(['2310', '6110', '7190', '2110']);
    assertBalanced(combined);
  });
});
