/**
 * How long Apply Automatically takes for 1,000 and 10,000 statement lines against 100,000 open
 * entries of 10,000 customers, the first call (cold) and again — printed, not asserted: a loaded
 * machine must not fail the suite.
 */
import { describe, expect, it } from 'vitest';
import { dec } from '../../../../src/core/money/decimal.ts';
import { applyAutomatically } from '../../../../src/core/bank/matching/apply-automatically.ts';
import type { StatementLine } from '../../../../src/core/bank/matching/types.ts';
import { type GeneratedCompany, generateCompany, generateStatement, seededRandom } from './generated-statement.ts';

function timed(company: GeneratedCompany, lines: StatementLine[]): { milliseconds: number; matched: number } {
  const started = performance.now();
  const result = applyAutomatically({ lines, entries: company.entries, parties: company.parties, tolerance: { type: 'amount', value: dec('1') } });
  const milliseconds = performance.now() - started;
  expect(result.lines).toHaveLength(lines.length);
  return { milliseconds, matched: result.lines.filter((lineMatch) => lineMatch.matchConfidence !== 'none').length };
}

describe('Apply Automatically on 100,000 open entries', () => {
  it('prints the time for 1,000 and 10,000 lines', () => {
    const random = seededRandom(42);
    const company = generateCompany(10_000, 10, random);
    const timings: string[] = [];
    for (const lineCount of [1_000, 10_000, 1_000, 10_000]) {
      const { milliseconds, matched } = timed(company, generateStatement(company, lineCount, random));
      timings.push(`${lineCount} lines × ${company.entries.length} entries: ${milliseconds.toFixed(0)} ms (${matched} matched)`);
    }
    console.log(`Apply Automatically (first two calls cold, then warm)\n  ${timings.join('\n  ')}`);
  }, 180_000);
});
