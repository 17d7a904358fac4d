/**
 * What one line found, marked in arrays sized for all entries and accounts and reused line after
 * line: which entries are in the amount range (and where their compared amount is), how many entries
 * of each account are, and each compared party's criterion 1. A new stamp per line tells its marks
 * from older ones, so nothing is cleared — per-line Maps would be 60,000 small objects per run.
 */
import type { Decimal } from '../../money/decimal.ts';
import type { AmountHits } from './amount-index.ts';
import type { PreparedEntry } from './engine-types.ts';
import type { RelatedPartyMatched } from './types.ts';

export interface LineMarks {
  stamp: number;
  hitStamp: Int32Array;
  hitPosition: Int32Array;
  accountStamp: Int32Array;
  accountInRange: Int32Array;
  partyStamp: Int32Array;
  partyResult: Uint8Array;
}

const results: readonly RelatedPartyMatched[] = ['fully', 'partially', 'no'];

export function createLineMarks(entryCount: number, accountCount: number): LineMarks {
  return {
    stamp: 0,
    hitStamp: new Int32Array(entryCount),
    hitPosition: new Int32Array(entryCount),
    accountStamp: new Int32Array(accountCount),
    accountInRange: new Int32Array(accountCount),
    partyStamp: new Int32Array(accountCount),
    partyResult: new Uint8Array(accountCount),
  };
}

/** Starts a line: marks the entries in its range and counts them per account. */
export function markLine(marks: LineMarks, hits: AmountHits, entries: readonly PreparedEntry[]): void {
  const stamp = ++marks.stamp;
  hits.entryIndexes.forEach((entryIndex, position) => {
    marks.hitStamp[entryIndex] = stamp;
    marks.hitPosition[entryIndex] = position;
    const accountId = entries[entryIndex]!.accountId;
    if (marks.accountStamp[accountId] !== stamp) {
      marks.accountStamp[accountId] = stamp;
      marks.accountInRange[accountId] = 0;
    }
    marks.accountInRange[accountId]!++;
  });
}

export function isInRange(marks: LineMarks, entryIndex: number): boolean {
  return marks.hitStamp[entryIndex] === marks.stamp;
}

/** The entry's compared amount when it is in range. */
export function hitAmount(marks: LineMarks, hits: AmountHits, entryIndex: number): Decimal | undefined {
  return isInRange(marks, entryIndex) ? hits.comparedAmounts[marks.hitPosition[entryIndex]!] : undefined;
}

export function inRangeOfAccount(marks: LineMarks, accountId: number): number {
  return marks.accountStamp[accountId] === marks.stamp ? marks.accountInRange[accountId]! : 0;
}

export function markRelatedParty(marks: LineMarks, accountId: number, result: RelatedPartyMatched): void {
  marks.partyStamp[accountId] = marks.stamp;
  marks.partyResult[accountId] = results.indexOf(result);
}

/** Criterion 1 of a party compared for this line; undefined when it was not compared. */
export function relatedPartyMark(marks: LineMarks, accountId: number): RelatedPartyMatched | undefined {
  return marks.partyStamp[accountId] === marks.stamp ? results[marks.partyResult[accountId]!] : undefined;
}
