import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { DomainError } from '../../core/errors.ts';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number, options: object) => Promise<Buffer>;
const parameters = { N: 16384, r: 8, p: 1 };
const keyLength = 32;

/**
 * At most `concurrency` password hashes at a time in this process and `maxQueued` waiting; one more
 * is refused at once (LOGIN_BUSY, 503 with Retry-After) instead of queueing without end. Each scrypt
 * takes ~16 MB and tens of milliseconds of a libuv thread (4 by default, shared with file I/O), so
 * without a limit anonymous sign-in requests could take the whole machine.
 */
export class PasswordWorkLimiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly concurrency = 2, readonly maxQueued = 16, readonly retryAfterSeconds = 1) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running += 1;
    else if (this.waiting.length >= this.maxQueued) throw new DomainError('LOGIN_BUSY', { retryAfterSeconds: this.retryAfterSeconds });
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, so `running` stays counted.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

/** The process's one limit, shared by sign-in and by setting passwords. */
export const passwordWork = new PasswordWorkLimiter();

/** `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking stored hashes. */
export async function hashPassword(password: string, limiter: PasswordWorkLimiter = passwordWork): Promise<string> {
  const salt = randomBytes(16);
  const hash = await limiter.run(() => scryptAsync(password, salt, keyLength, parameters));
  return ['scrypt', parameters.N, parameters.r, parameters.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Unlimited: the caller runs it inside a `PasswordWorkLimiter` (sign-in holds the slot for its whole check). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}
