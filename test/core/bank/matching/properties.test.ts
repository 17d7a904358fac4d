/**
 * Properties over random small statements: no line applies more than it has, no entry gets more
 * than it has open, difference = statement amount − applied, discounts only in time, and the result
 * does not depend on the order lines and entries are passed in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Decimal, ZERO, dec } from '../../../../src/core/money/decimal.ts';
import type { MatchingInput, MatchingResult, OpenEntry, StatementLine } from '../../../../src/core/bank/matching/types.ts';
import { customer, invoice, line, match } from './fixture.ts';

const parties = [customer('C1', 'Contoso Ltd.', { bankAccountNos: ['DE89370400440532013000'] }), customer('C2', 'Fabrikam Inc.'), customer('C3', 'Adatum Corporation')];
const amounts = ['100.00', '250.00', '400.00', '399.50', '1250.00', '1650.00', '50.00', '12.34'];

const entryArbitrary = (entryNo: number) => fc.record({
  account: fc.constantFrom('C1', 'C2', 'C3'),
  amount: fc.constantFrom(...amounts),
  creditMemo: fc.boolean(),
  discount: fc.constantFrom('0', '5.00', '20.00'),
  day: fc.integer({ min: 1, max: 20 }),
}).map(({ account, amount, creditMemo, discount, day }): OpenEntry => invoice(entryNo, account, `INV-${1000 + entryNo}`, creditMemo ? `-${amount}` : amount, {
  documentType: creditMemo ? 'creditMemo' : 'invoice',
  remainingPaymentDiscountPossible: dec(creditMemo || discount === '0' ? '0' : discount),
  paymentDiscountDate: `2026-03-${String(day).padStart(2, '0')}`,
  dueDate: `2026-04-${String(day).padStart(2, '0')}`,
}));

const lineArbitrary = (lineNo: number) => fc.record({
  amount: fc.constantFrom(...amounts, '-100.00', '-12.50', '2900.00', '1.00'),
  names: fc.subarray([1001, 1002, 1003, 1004, 1005, 1006]),
  name: fc.constantFrom('', 'Contoso Ltd.', 'Fabrikam'),
  iban: fc.boolean(),
  fee: fc.boolean(),
  day: fc.integer({ min: 1, max: 28 }),
}).map(({ amount, names, name, iban, fee, day }): StatementLine => line(lineNo, amount, {
  transactionDate: `2026-03-${String(day).padStart(2, '0')}`,
  transactionText: `Payment ${names.map((no) => `INV-${no}`).join(' ')}${fee ? ' bank fee' : ''}`,
  relatedPartyName: name,
  relatedPartyBankAccountNo: iban ? 'DE89 3704 0044 0532 0130 00' : '',
}));

const worldArbitrary: fc.Arbitrary<World> = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })).chain(([entryCount, lineCount]) => fc.record({
  entries: fc.tuple(...Array.from({ length: entryCount }, (_value, position) => entryArbitrary(position + 1))),
  lines: fc.tuple(...Array.from({ length: lineCount }, (_value, position) => lineArbitrary(position + 1))),
  tolerance: fc.constantFrom<MatchingInput['tolerance']>({ type: 'amount', value: dec('0') }, { type: 'amount', value: dec('1') }, { type: 'percentage', value: dec('2') }),
  withMapping: fc.boolean(),
}));

interface World {
  entries: readonly OpenEntry[];
  lines: readonly StatementLine[];
  tolerance: MatchingInput['tolerance'];
  withMapping: boolean;
}

function run(world: World): MatchingResult {
  const textMappings = world.withMapping ? [{ mappingText: 'bank fee', debitAccountNo: '8400', creditAccountNo: '6040', balSourceType: 'glAccount' as const, balSourceNo: '' }] : [];
  return match({ lines: world.lines, entries: world.entries, parties, tolerance: world.tolerance, textMappings });
}

/** A line's result as plain text, to compare runs. */
const summary = (result: MatchingResult) => result.lines.map((lineMatch) => [
  lineMatch.lineNo, lineMatch.matchConfidence, lineMatch.matchQuality, lineMatch.accountNo, lineMatch.difference.toFixed(2),
  lineMatch.appliedEntries.map((entry) => `${entry.entryNo}:${entry.appliedAmount.toFixed(2)}/${entry.appliedPaymentDiscount.toFixed(2)}`).join(','),
].join(' ')).sort();

describe('Apply Automatically, properties', () => {
  it('lines never apply more than they have, entries never receive more than they have open', () => {
    fc.assert(fc.property(worldArbitrary, (world) => {
      const result = run(world);
      const closedByEntry = new Map<number, Decimal>();
      for (const lineMatch of result.lines) {
        const statement = world.lines.find((candidate) => candidate.lineNo === lineMatch.lineNo)!;
        expect(lineMatch.difference.eq(statement.statementAmount.minus(lineMatch.appliedAmount))).toBe(true);
        expect(lineMatch.appliedAmount.abs().lte(statement.statementAmount.abs())).toBe(true);
        if (lineMatch.matchConfidence === 'highTextToAccountMapping') expect(lineMatch.difference.isZero()).toBe(true);
        for (const applied of lineMatch.appliedEntries) {
          expect(applied.appliedAmount.isZero()).toBe(false);
          expect(applied.appliedAmount.isNegative()).toBe(statement.statementAmount.isNegative());
          const entry = world.entries.find((candidate) => candidate.entryNo === applied.entryNo)!;
          if (!applied.appliedPaymentDiscount.isZero()) expect(statement.transactionDate <= entry.paymentDiscountDate!).toBe(true);
          const closed = (closedByEntry.get(entry.entryNo) ?? ZERO).plus(applied.appliedAmount).plus(applied.appliedPaymentDiscount);
          closedByEntry.set(entry.entryNo, closed);
          expect(closed.abs().lte(entry.remainingAmount.abs())).toBe(true);
          expect(closed.isNegative()).toBe(entry.remainingAmount.isNegative());
        }
      }
    }), { numRuns: 300, seed: 20260315 });
  });

  it('the order in which lines and entries are passed in does not change the result', () => {
    fc.assert(fc.property(worldArbitrary, fc.integer({ min: 1, max: 1000 }), (world, seed) => {
      const shuffled = { ...world, lines: shuffle(world.lines, seed), entries: shuffle(world.entries, seed + 1) };
      expect(summary(run(shuffled))).toEqual(summary(run(world)));
    }), { numRuns: 200, seed: 20260316 });
  });
});

function shuffle<T>(values: readonly T[], seed: number): T[] {
  const copy = [...values];
  let state = seed;
  for (let position = copy.length - 1; position > 0; position--) {
    state = (state * 48271) % 2147483647;
    const other = state % (position + 1);
    [copy[position], copy[other]] = [copy[other]!, copy[position]!];
  }
  return copy;
}
