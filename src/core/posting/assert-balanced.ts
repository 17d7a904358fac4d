/**
 * Every G/L transaction balances (spec §23.1, DESIGN §5): checked on the built batch, before the
 * ledger writes anything. An unbalanced batch is a bug in a builder, never a user error, so the
 * check is exact: no tolerance, no rounding.
 */
import { DomainError } from '../errors.ts';
import { type Decimal, sum } from '../money/decimal.ts';
import type { PostingBatch } from './entries.ts';

/** Σ G/L amounts of the batch; 0 when it balances. */
export function glBalance(batch: PostingBatch): Decimal {
  return sum(batch.glEntries.map((entry) => entry.amount));
}

export function assertBalanced(batch: PostingBatch): void {
  const difference = glBalance(batch);
  if (!difference.isZero()) {
    throw new DomainError('POSTING_NOT_BALANCED', { difference: difference.toString() });
  }
}
