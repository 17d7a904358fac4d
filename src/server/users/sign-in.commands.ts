/**
 * Sign-in over the API, throttled per username and per client address (core/access/sign-in-throttle.ts)
 * and limited in the password hashing it may start. The state lives in the database (login_throttle),
 * so every server process sharing it sees the same counters.
 *
 * Steps, in order:
 * 1. A cheap read: if the username or the address must still wait, answer LOGIN_THROTTLED (429 with
 *    Retry-After) at once, without hashing and without taking a place in the hashing queue.
 * 2. Take a hashing slot (PasswordWorkLimiter: LOGIN_BUSY when the queue is full).
 * 3. One short transaction locks both counters, checks again and counts the attempt as a failure
 *    before the password is looked at, so parallel attempts (in one process or many) cannot all slip
 *    in under the limit.
 * 4. scrypt, outside any transaction.
 * 5. On success both counters are cleared and the address is remembered as familiar to the user.
 *
 * Smart lockout (after Microsoft Entra): an attempt from an address the user signed in from in the
 * last `familiarForDays` ignores the username's wait and lock, and is held back only by its own
 * address counter. So an attacker elsewhere can lock the username for unfamiliar addresses (each lock
 * ends by itself after 15 minutes and an administrator can lift it), but cannot keep the user out
 * of the places they work from.
 *
 * The address is Fastify's `request.ip`, the peer of the TCP connection: `trustProxy` is off, so an
 * `X-Forwarded-For` header sent by a client is ignored (it would let anyone pick a fresh address per
 * attempt). Behind a reverse proxy every client therefore shares the proxy's address counter.
 */
import { and, eq, gt, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { isIPv4, isIPv6 } from 'node:net';
import {
  afterFailure, defaultThrottlePolicies, waitSeconds, type ThrottleKind, type ThrottlePolicy, type ThrottleState,
} from '../../core/access/sign-in-throttle.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { loginFamiliarAddress, loginThrottle } from '../db/schema/index.ts';
import { passwordWork, type PasswordWorkLimiter } from './password.ts';
import { checkPassword, createToken, findUser, type AppUser } from './token.commands.ts';

export interface SignInOptions {
  policies?: Record<ThrottleKind, ThrottlePolicy>;
  /** Tests move time forward instead of sleeping. */
  clock?: () => Date;
  limiter?: PasswordWorkLimiter;
  familiarForDays?: number;
}

export interface SignInAttempt { username: string; password: string; address: string }

interface Subjects { username: string; address: string }
type ThrottleRow = typeof loginThrottle.$inferSelect;

const dayMs = 24 * 60 * 60 * 1000;

export async function signIn(db: Executor, attempt: SignInAttempt, options: SignInOptions = {}): Promise<{ token: string; expiresAt: string }> {
  const policies = options.policies ?? defaultThrottlePolicies;
  const now = () => (options.clock ?? (() => new Date()))().getTime();
  const familiarSince = (at: number) => new Date(at - (options.familiarForDays ?? 90) * dayMs);
  const subjects = { username: attempt.username.trim().toLowerCase(), address: addressKey(attempt.address) };

  const first = now();
  await refuseIfWaiting(db, await throttleRows(db, subjects), subjects, first, familiarSince(first));
  const user = await (options.limiter ?? passwordWork).run(async () => {
    const found = await countAttempt(db, subjects, now(), policies, familiarSince);
    return checkPassword(found, attempt.password);
  });

  // The password was right, so the counters go; a blocked user still gets no token.
  if (user.blocked) {
    await clearCounters(db, subjects);
    throw new DomainError('USER_BLOCKED', { username: user.username });
  }
  const at = now();
  return db.transaction(async (tx) => {
    const executor = tx as unknown as Executor;
    await clearCounters(executor, subjects);
    await executor.insert(loginFamiliarAddress).values({ username: user.username, address: subjects.address, lastSignInAt: new Date(at) })
      .onConflictDoUpdate({ target: [loginFamiliarAddress.username, loginFamiliarAddress.address], set: { lastSignInAt: new Date(at) } });
    await pruneOldRows(executor, user.username, at, policies, familiarSince(at));
    return createToken(executor, user.username);
  });
}

/** Lifts a lock (and any backoff) on a username; the address counters are left as they are. */
export async function unlockUser(db: Executor, username: string): Promise<void> {
  const user = await findUser(db, username);
  if (!user) throw new DomainError('NOT_FOUND', { entity: 'User', key: username });
  await db.delete(loginThrottle).where(and(eq(loginThrottle.kind, 'username'), eq(loginThrottle.subject, user.username)));
}

/** When each username's attempts may go on, if they must wait now (for the user record). */
export async function lockedUntilByUsername(tx: Executor, usernames: string[], at: Date): Promise<Map<string, Date>> {
  if (usernames.length === 0) return new Map();
  const rows = await tx.select({ subject: loginThrottle.subject, lockedUntil: loginThrottle.lockedUntil }).from(loginThrottle)
    .where(and(eq(loginThrottle.kind, 'username'), inArray(loginThrottle.subject, usernames), gt(loginThrottle.lockedUntil, at)));
  return new Map(rows.map((row) => [row.subject, row.lockedUntil!]));
}

/**
 * The counter key of a client address: IPv4 as is (IPv4-mapped IPv6 too), IPv6 by its /64 prefix,
 * since one subscriber usually holds a whole /64 and could otherwise try from 2^64 addresses.
 */
export function addressKey(ip: string): string {
  const address = ip.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIPv4(address) || !isIPv6(address)) return address;
  const [head = '', tail] = address.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : []);
  const before = groups(head);
  const after = groups(tail);
  const full = tail === undefined ? before : [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after];
  return `${full.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16)).join(':')}::/64`;
}

function throttleRows(tx: Executor, subjects: Subjects, lock = false): Promise<ThrottleRow[]> {
  const query = tx.select().from(loginThrottle).where(or(
    and(eq(loginThrottle.kind, 'address'), eq(loginThrottle.subject, subjects.address)),
    and(eq(loginThrottle.kind, 'username'), eq(loginThrottle.subject, subjects.username)),
  )).orderBy(loginThrottle.kind, loginThrottle.subject);
  return lock ? query.for('update') : query;
}

async function isFamiliar(tx: Executor, subjects: Subjects, since: Date): Promise<boolean> {
  const rows = await tx.select({ username: loginFamiliarAddress.username }).from(loginFamiliarAddress).where(and(
    eq(loginFamiliarAddress.username, subjects.username), eq(loginFamiliarAddress.address, subjects.address),
    gt(loginFamiliarAddress.lastSignInAt, since)));
  return rows.length > 0;
}

function stateOf(row: ThrottleRow): ThrottleState {
  return { failures: row.failures, lastFailureAt: row.lastFailureAt?.getTime() ?? null, lockedUntil: row.lockedUntil?.getTime() ?? null };
}

/** LOGIN_THROTTLED with the longest wait that applies; a familiar address skips the username's. */
async function refuseIfWaiting(tx: Executor, rows: ThrottleRow[], subjects: Subjects, at: number, familiarSince: Date): Promise<void> {
  let waiting = rows.map((row) => ({ kind: row.kind, seconds: waitSeconds(stateOf(row), at) })).filter((wait) => wait.seconds > 0);
  if (waiting.some((wait) => wait.kind === 'username') && (await isFamiliar(tx, subjects, familiarSince))) {
    waiting = waiting.filter((wait) => wait.kind !== 'username');
  }
  if (waiting.length > 0) throw new DomainError('LOGIN_THROTTLED', { retryAfterSeconds: Math.max(...waiting.map((wait) => wait.seconds)) });
}

/** Step 3: locks both counters (inserted if new, in key order so concurrent attempts cannot deadlock), checks and counts. */
async function countAttempt(
  db: Executor, subjects: Subjects, at: number, policies: Record<ThrottleKind, ThrottlePolicy>, familiarSince: (at: number) => Date,
): Promise<AppUser | undefined> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Executor;
    await tx.insert(loginThrottle).values([{ kind: 'address', subject: subjects.address }, { kind: 'username', subject: subjects.username }])
      .onConflictDoNothing();
    const rows = await throttleRows(tx, subjects, true);
    await refuseIfWaiting(tx, rows, subjects, at, familiarSince(at));
    for (const row of rows) {
      const next = afterFailure(stateOf(row), at, policies[row.kind as ThrottleKind]);
      await tx.update(loginThrottle).set({
        failures: next.failures,
        lastFailureAt: new Date(at),
        lockedUntil: next.lockedUntil === null ? null : new Date(next.lockedUntil),
      }).where(and(eq(loginThrottle.kind, row.kind), eq(loginThrottle.subject, row.subject)));
    }
    return findUser(tx, subjects.username);
  });
}

async function clearCounters(tx: Executor, subjects: Subjects): Promise<void> {
  // One row at a time, in the same order as countAttempt locks them.
  await tx.delete(loginThrottle).where(and(eq(loginThrottle.kind, 'address'), eq(loginThrottle.subject, subjects.address)));
  await tx.delete(loginThrottle).where(and(eq(loginThrottle.kind, 'username'), eq(loginThrottle.subject, subjects.username)));
}

/** Counters nobody has failed on for longer than the window, and addresses the user no longer uses. */
async function pruneOldRows(tx: Executor, username: string, at: number, policies: Record<ThrottleKind, ThrottlePolicy>, familiarSince: Date) {
  const forgetAfterMs = Math.max(...Object.values(policies).map((policy) => policy.forgetAfterSeconds)) * 1000;
  await tx.delete(loginThrottle).where(and(
    isNotNull(loginThrottle.lastFailureAt), lt(loginThrottle.lastFailureAt, new Date(at - forgetAfterMs)),
    or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, new Date(at))),
  ));
  await tx.delete(loginFamiliarAddress).where(and(eq(loginFamiliarAddress.username, username), lt(loginFamiliarAddress.lastSignInAt, familiarSince)));
}
