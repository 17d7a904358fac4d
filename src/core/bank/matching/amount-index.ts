/**
 * Entries sorted by the amount a statement is compared with, so the entries in a line's tolerance
 * range are found by binary search instead of a look at every entry (BC's
 * GetNoOfLedgerEntriesWithinRange filters the whole buffer per line and entry).
 *
 * The sort keys are the amounts as exact integers (BigInt) in units of the finest decimal place any
 * amount has: sorting 100,000 Decimals costs half a second, integers a fraction of it, and no amount
 * is ever a float. A range bound is rounded inwards to that unit, which no amount lies between.
 */
import type { IsoDate } from '../../dates/calendar-date.ts';
import { Decimal } from '../../money/decimal.ts';
import type { PreparedEntry } from './engine-types.ts';
import type { AmountRange } from './tolerance.ts';

interface SortedAmounts {
  keys: readonly bigint[];
  entryIndexes: Int32Array;
  /** True: the view of amounts incl. discount. */
  discounted: boolean;
}

/** Two sorted views: by remaining amount, and (entries with a discount) by remaining amount incl. discount. */
export interface AmountIndex {
  scale: number;
  remaining: SortedAmounts;
  remainingInclDiscount: SortedAmounts;
}

/** The entries in a line's range: parallel arrays, to keep the per-line garbage small. */
export interface AmountHits {
  entryIndexes: number[];
  comparedAmounts: Decimal[];
}

export function buildAmountIndex(entries: readonly PreparedEntry[]): AmountIndex {
  const withDiscount = entries.filter((entry) => entry.discountComparisonDate !== null);
  let scale = 2;
  for (const entry of entries) scale = Math.max(scale, entry.entry.remainingAmount.decimalPlaces(), entry.remainingInclDiscount.decimalPlaces());
  return {
    scale,
    remaining: sortedBy(entries, (entry) => entry.entry.remainingAmount, scale, false),
    remainingInclDiscount: sortedBy(withDiscount, (entry) => entry.remainingInclDiscount, scale, true),
  };
}

function sortedBy(entries: readonly PreparedEntry[], amountOf: (entry: PreparedEntry) => Decimal, scale: number, discounted: boolean): SortedAmounts {
  const keys = entries.map((entry) => scaledInteger(amountOf(entry), scale));
  const order = Int32Array.from(entries, (_entry, position) => position);
  order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  return { keys: Array.from(order, (position) => keys[position]!), entryIndexes: order.map((position) => entries[position]!.index), discounted };
}

/**
 * The amount × 10^scale as an exact integer, from its plain digits (the Decimal clone never uses
 * exponent notation; toFixed would round, slower, what needs no rounding: scale is the most
 * decimal places any amount has).
 */
function scaledInteger(amount: Decimal, scale: number): bigint {
  const digits = amount.toString();
  const point = digits.indexOf('.');
  if (point < 0) return BigInt(digits + '0'.repeat(scale));
  return BigInt(digits.slice(0, point) + digits.slice(point + 1).padEnd(scale, '0'));
}

/**
 * The entries whose compared amount lies in the range on the transaction date: an entry's discounted
 * amount counts up to its discount (tolerance) date, its full remaining amount after it — as BC's
 * GetNoOfLedgerEntriesInAmountRange, which looks neither at the sign nor at the posting date.
 */
export function entriesInRange(index: AmountIndex, entries: readonly PreparedEntry[], range: AmountRange, transactionDate: IsoDate): AmountHits {
  const hits: AmountHits = { entryIndexes: [], comparedAmounts: [] };
  const minimum = boundKey(range.minimum, index.scale, Decimal.ROUND_CEIL);
  const maximum = boundKey(range.maximum, index.scale, Decimal.ROUND_FLOOR);
  for (let view = 0; view < 2; view++) {
    const sorted = view === 0 ? index.remaining : index.remainingInclDiscount;
    const end = firstAbove(sorted.keys, maximum);
    for (let position = firstAtLeast(sorted.keys, minimum); position < end; position++) {
      const entry = entries[sorted.entryIndexes[position]!]!;
      // ISO dates compare as text; before or on the date the discounted amount is the one compared.
      const discountApplies = entry.discountComparisonDate !== null && transactionDate <= entry.discountComparisonDate;
      if (discountApplies !== sorted.discounted) continue;
      hits.entryIndexes.push(entry.index);
      hits.comparedAmounts.push(sorted.discounted ? entry.remainingInclDiscount : entry.entry.remainingAmount);
    }
  }
  return hits;
}

/** A range bound as a key, rounded inwards when it has more decimal places than any amount. */
function boundKey(bound: Decimal, scale: number, rounding: typeof Decimal.ROUND_CEIL | typeof Decimal.ROUND_FLOOR): bigint {
  return bound.decimalPlaces() <= scale ? scaledInteger(bound, scale) : BigInt(bound.toFixed(scale, rounding).replace('.', ''));
}

function firstAtLeast(keys: readonly bigint[], value: bigint): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function firstAbove(keys: readonly bigint[], value: bigint): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
