import { describe, expect, it } from 'vitest';
import {
  afterFailure, defaultThrottlePolicies, delaySeconds, noFailures, waitSeconds, type ThrottleState,
} from '../../../src/core/access/sign-in-throttle.ts';

const { username, address } = defaultThrottlePolicies;

describe('delaySeconds', () => {
  it('is free for five failures, then doubles from 1 s, and locks a username for 15 minutes at ten', () => {
    expect(Array.from({ length: 12 }, (_, index) => delaySeconds(index + 1, username))).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 16, 900, 900, 900]);
  });

  it('never locks an address, but caps its delay at 15 minutes', () => {
    expect([9, 10, 14, 15, 40].map((failures) => delaySeconds(failures, address))).toEqual([16, 32, 512, 900, 900]);
  });
});

describe('afterFailure', () => {
  const at = 1_800_000_000_000;

  it('counts consecutive failures and sets the instant the next attempt may come', () => {
    let state: ThrottleState = noFailures;
    for (let failure = 1; failure <= 6; failure += 1) state = afterFailure(state, at, username);
    expect(state).toEqual({ failures: 6, lastFailureAt: at, lockedUntil: at + 2000 });
    expect(waitSeconds(state, at + 500)).toBe(2);
    expect(waitSeconds(state, at + 2000)).toBe(0);
  });

  it('starts again from one when the last failure is more than a day old', () => {
    const old: ThrottleState = { failures: 9, lastFailureAt: at, lockedUntil: at + 16_000 };
    expect(afterFailure(old, at + 24 * 3600_000, username).failures).toBe(10);
    expect(afterFailure(old, at + 24 * 3600_000 + 1, username)).toEqual({ failures: 1, lastFailureAt: at + 24 * 3600_000 + 1, lockedUntil: null });
  });
});
