import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { loginThrottle } from '../../../src/server/db/schema/index.ts';
import { buildApp } from '../../../src/server/http/app.ts';
import { PasswordWorkLimiter } from '../../../src/server/users/password.ts';
import { testApi, testPassword, type TestApi } from '../../support/api.ts';

let api: TestApi;
let app: FastifyInstance;
let limiter: PasswordWorkLimiter;
// The server's clock, moved by the tests instead of sleeping; it starts at the real time, so the user
// record (which compares with the real clock) sees the same locks.
let now: number;
const advance = (seconds: number) => { now += seconds * 1000; };

beforeEach(async () => {
  api = await testApi();
  now = Date.now();
  limiter = new PasswordWorkLimiter(2, 16);
  app = await buildApp({ db: api.db, signIn: { clock: () => new Date(now), limiter } });
  await app.ready();
});
afterEach(async () => {
  await app.close();
  await api.close();
});

function signIn(username: string, password: string, remoteAddress = '127.0.0.1') {
  return app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username, password }, remoteAddress });
}

async function failTimes(times: number, username: string, remoteAddress = '127.0.0.1') {
  for (let attempt = 1; attempt <= times; attempt += 1) {
    const response = await signIn(username, 'wrong password', remoteAddress);
    expect(response.statusCode, `failure ${attempt} of ${username} from ${remoteAddress}`).toBe(401);
  }
}

function expectThrottled(response: Awaited<ReturnType<typeof signIn>>, retryAfterSeconds: number) {
  expect(response.statusCode).toBe(429);
  expect(response.json().code).toBe('LOGIN_THROTTLED');
  expect(response.headers['retry-after']).toBe(String(retryAfterSeconds));
}

describe('failed sign-ins slow down the next attempt', () => {
  it('lets five failures pass, then makes each attempt wait 1 s, 2 s, 4 s, refusing even the right password unchecked', async () => {
    await failTimes(5, 'salesclerk-user');
    const work = vi.spyOn(limiter, 'run');
    expectThrottled(await signIn('salesclerk-user', testPassword), 1);
    expect(work).not.toHaveBeenCalled();

    advance(1);
    await failTimes(1, 'salesclerk-user');
    expectThrottled(await signIn('salesclerk-user', 'wrong password'), 2);
    advance(2);
    await failTimes(1, 'salesclerk-user');
    expectThrottled(await signIn('salesclerk-user', testPassword), 4);
    advance(3);
    expectThrottled(await signIn('salesclerk-user', testPassword), 1);

    advance(1);
    expect((await signIn('salesclerk-user', testPassword)).statusCode).toBe(200);
  });

  it('throttles the username from every address, and the address for every username', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) await failTimes(1, 'salesclerk-user', `10.0.0.${attempt}`);
    expectThrottled(await signIn('salesclerk-user', testPassword, '10.0.0.99'), 1);

    for (const username of ['nobody1', 'nobody2', 'nobody3', 'viewer-user', 'nobody5']) await failTimes(1, username, '10.0.1.1');
    expectThrottled(await signIn('accountant-user', testPassword, '10.0.1.1'), 1);
    // Another address has a counter of its own.
    expect((await signIn('accountant-user', testPassword, '10.0.1.2')).statusCode).toBe(200);
  });

  it('counts an IPv6 client by its /64, so it cannot step to the next address', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) await failTimes(1, `nobody${attempt}`, `2001:db8:1:2::${attempt}`);
    expectThrottled(await signIn('viewer-user', testPassword, '2001:db8:1:2:ffff::1'), 1);
    expect((await signIn('viewer-user', testPassword, '2001:db8:1:3::1')).statusCode).toBe(200);
  });

  it('counts attempts sent in parallel one by one, so a burst gets no more than the free failures', async () => {
    const responses = await Promise.all(Array.from({ length: 8 }, () => signIn('viewer-user', 'wrong password')));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });

  it('clears both counters on a successful sign-in', async () => {
    await failTimes(5, 'viewer-user');
    advance(1);
    expect((await signIn('viewer-user', testPassword)).statusCode).toBe(200);
    // Counting from zero again: five free failures, not a 2-second wait after the first.
    await failTimes(5, 'viewer-user');
    const rows = await api.db.select().from(loginThrottle).where(eq(loginThrottle.subject, 'viewer-user'));
    expect(rows.map((row) => row.failures)).toEqual([5]);
  });

  it('forgets failures a day after the last one', async () => {
    await failTimes(5, 'viewer-user');
    advance(24 * 60 * 60 + 1);
    await failTimes(5, 'viewer-user');
    expectThrottled(await signIn('viewer-user', testPassword), 1);
  });

  it('does not count a refused attempt, nor a password longer than 1,000 characters', async () => {
    await failTimes(5, 'viewer-user');
    for (let attempt = 0; attempt < 3; attempt += 1) expectThrottled(await signIn('viewer-user', 'wrong password'), 1);
    const long = await signIn('admin-user', 'x'.repeat(1001), '10.9.9.9');
    expect(long.statusCode).toBe(400);
    const rows = await api.db.select().from(loginThrottle);
    expect(rows.map((row) => [row.kind, row.subject, row.failures]).sort()).toEqual([['address', '127.0.0.1', 5], ['username', 'viewer-user', 5]]);
  });
});

describe('the lock after ten failures', () => {
  async function lockSalesClerk() {
    // From ever new addresses, as a distributed attack would: only the username counter grows.
    const delays = [0, 0, 0, 0, 0, 1, 2, 4, 8, 16];
    for (const [index, delay] of delays.entries()) {
      advance(delay);
      await failTimes(1, 'salesclerk-user', `10.1.0.${index + 1}`);
    }
  }

  it('locks the username for 15 minutes, shown on the user record, and lets it in again when the lock ends', async () => {
    await lockSalesClerk();
    expectThrottled(await signIn('salesclerk-user', testPassword, '10.2.0.1'), 900);
    const user = (await api.as('admin')('GET', '/api/v1/users/salesclerk-user')).json();
    expect(Date.parse(user.lockedUntil)).toBe(now + 900_000);
    expect((await api.as('admin')('GET', '/api/v1/users/viewer-user')).json().lockedUntil).toBeNull();

    advance(899);
    expectThrottled(await signIn('salesclerk-user', testPassword, '10.2.0.1'), 1);
    advance(1);
    expect((await signIn('salesclerk-user', testPassword, '10.2.0.1')).statusCode).toBe(200);
  });

  it('locks again after one more failure when a lock has run out, instead of granting new free guesses', async () => {
    await lockSalesClerk();
    advance(900);
    await failTimes(1, 'salesclerk-user', '10.2.0.1');
    expectThrottled(await signIn('salesclerk-user', testPassword, '10.2.0.2'), 900);
  });

  it('can be lifted by an administrator, not by anyone else', async () => {
    await lockSalesClerk();
    const refused = await api.as('salesManager')('POST', '/api/v1/users/salesclerk-user/unlock');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    expectThrottled(await signIn('salesclerk-user', testPassword, '10.2.0.1'), 900);

    expect((await api.as('admin')('POST', '/api/v1/users/salesclerk-user/unlock')).statusCode).toBe(204);
    expect((await api.as('admin')('GET', '/api/v1/users/salesclerk-user')).json().lockedUntil).toBeNull();
    expect((await signIn('salesclerk-user', testPassword, '10.2.0.1')).statusCode).toBe(200);
    expect((await api.as('admin')('POST', '/api/v1/users/nobody/unlock')).statusCode).toBe(404);
  });

  it('does not keep the user out of an address they signed in from before (smart lockout)', async () => {
    expect((await signIn('salesclerk-user', testPassword, '192.168.5.5')).statusCode).toBe(200);
    advance(60 * 60);
    await lockSalesClerk();
    expectThrottled(await signIn('salesclerk-user', testPassword, '10.2.0.1'), 900);
    expect((await signIn('salesclerk-user', testPassword, '192.168.5.5')).statusCode).toBe(200);
  });
});

describe('password hashing is limited', () => {
  it('refuses sign-ins beyond the queue with 503 and Retry-After, without counting them', async () => {
    await app.close();
    app = await buildApp({ db: api.db, signIn: { clock: () => new Date(now), limiter: new PasswordWorkLimiter(1, 1) } });
    await app.ready();
    const responses = await Promise.all(Array.from({ length: 6 }, () => signIn('viewer-user', 'wrong password')));
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toContain(401);
    const busy = responses.filter((response) => response.statusCode === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]!.json().code).toBe('LOGIN_BUSY');
    expect(busy[0]!.headers['retry-after']).toBe('1');
    const [row] = await api.db.select().from(loginThrottle).where(eq(loginThrottle.subject, 'viewer-user'));
    expect(row!.failures).toBe(6 - busy.length);
  });
});
