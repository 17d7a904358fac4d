import { describe, expect, it } from 'vitest';
import { hashPassword, PasswordWorkLimiter, verifyPassword } from '../../../src/server/users/password.ts';
import { addressKey } from '../../../src/server/users/sign-in.commands.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => { resolve = done; });
  return { promise, resolve };
}

describe('PasswordWorkLimiter', () => {
  it('runs two at a time, queues up to the limit and refuses the rest with LOGIN_BUSY', async () => {
    const limiter = new PasswordWorkLimiter(2, 2);
    const gates = Array.from({ length: 4 }, deferred);
    let running = 0;
    let mostRunning = 0;
    const work = (gate: { promise: Promise<void> }) => limiter.run(async () => {
      running += 1;
      mostRunning = Math.max(mostRunning, running);
      await gate.promise;
      running -= 1;
      return 'done';
    });
    const accepted = gates.map(work);
    await expect(limiter.run(async () => 'too many')).rejects.toMatchObject({ code: 'LOGIN_BUSY', params: { retryAfterSeconds: 1 } });
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(accepted)).toEqual(['done', 'done', 'done', 'done']);
    expect(mostRunning).toBe(2);
    // The slots are free again.
    expect(await limiter.run(async () => 'again')).toBe('again');
  });

  it('frees the slot when the work fails', async () => {
    const limiter = new PasswordWorkLimiter(1, 0);
    await expect(limiter.run(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await limiter.run(async () => 'next')).toBe('next');
  });

  it('hashes and verifies through the limit', async () => {
    const limiter = new PasswordWorkLimiter(1, 0);
    const hash = await hashPassword('long enough', limiter);
    expect(await verifyPassword('long enough', hash)).toBe(true);
    expect(await verifyPassword('not it', hash)).toBe(false);
  });
});

describe('addressKey', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['2001:db8:1:2::7', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.7', '64:ff9b:0:0::/64'],
  ])('%s counts as %s', (ip, key) => {
    expect(addressKey(ip)).toBe(key);
  });
});
