/**
 * How failed sign-ins slow down the next attempt (OWASP Authentication Cheat Sheet, "Protect against
 * automated attacks"; Microsoft Entra smart lockout). Two counters are kept: one per username (an
 * attacker guessing one user's password from many addresses) and one per client address (one address
 * guessing many users' passwords). Both count consecutive failures; a success clears them.
 *
 * - The first `freeFailures` cost nothing: people mistype.
 * - After that each attempt waits an exponentially growing delay (1 s, 2 s, 4 s …, capped), so a
 *   script gets a handful of guesses an hour instead of thousands a minute, while a person who
 *   mistyped waits seconds.
 * - A username reaching `lockAfterFailures` is locked for `lockSeconds`, and every further failure
 *   (the counter is not cleared when a lock runs out, as in Entra) locks it again. Locks always end
 *   by themselves; an administrator can lift one earlier. Attempts from an address the user signed in
 *   from before skip the username's wait (see server/users/sign-in.commands.ts), so an attacker
 *   elsewhere cannot keep the user out.
 * - Failures older than `forgetAfterSeconds` (after the last one) are forgotten.
 *
 * Times are epoch milliseconds passed in: the core reads no clock.
 */
export const throttleKinds = ['username', 'address'] as const;
export type ThrottleKind = (typeof throttleKinds)[number];

export interface ThrottlePolicy {
  freeFailures: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** null: this counter only delays, it never locks (an address may be a whole office behind NAT). */
  lockAfterFailures: number | null;
  lockSeconds: number;
  forgetAfterSeconds: number;
}

export interface ThrottleState {
  failures: number;
  lastFailureAt: number | null;
  /** Attempts before this instant are refused without looking at the password. */
  lockedUntil: number | null;
}

const backoff = { freeFailures: 5, firstDelaySeconds: 1, maxDelaySeconds: 15 * 60, lockSeconds: 15 * 60, forgetAfterSeconds: 24 * 60 * 60 };

/**
 * Entra's default threshold is 10 failures; 15 minutes is OWASP's example lock. The window is a day,
 * longer than the lock, so a lock that runs out is followed by another after one more failure
 * instead of a fresh set of free guesses.
 */
export const defaultThrottlePolicies: Record<ThrottleKind, ThrottlePolicy> = {
  username: { ...backoff, lockAfterFailures: 10 },
  address: { ...backoff, lockAfterFailures: null },
};

export const noFailures: ThrottleState = { failures: 0, lastFailureAt: null, lockedUntil: null };

/** The wait, in whole seconds, before the next attempt is looked at; 0 when it may go ahead. */
export function waitSeconds(state: ThrottleState, now: number): number {
  return state.lockedUntil !== null && state.lockedUntil > now ? Math.ceil((state.lockedUntil - now) / 1000) : 0;
}

/** The delay after the `failures`-th consecutive failure. */
export function delaySeconds(failures: number, policy: ThrottlePolicy): number {
  if (policy.lockAfterFailures !== null && failures >= policy.lockAfterFailures) return policy.lockSeconds;
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.firstDelaySeconds * 2 ** (failures - policy.freeFailures), policy.maxDelaySeconds);
}

/** The state after one more failure at `now`. */
export function afterFailure(state: ThrottleState, now: number, policy: ThrottlePolicy): ThrottleState {
  const forgotten = state.lastFailureAt === null || now - state.lastFailureAt > policy.forgetAfterSeconds * 1000;
  const failures = (forgotten ? 0 : state.failures) + 1;
  const delay = delaySeconds(failures, policy);
  return { failures, lastFailureAt: now, lockedUntil: delay > 0 ? now + delay * 1000 : null };
}
