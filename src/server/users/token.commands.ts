import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { isRole, type Role } from '../../core/access/roles.ts';
import type { Executor } from '../db/connection.ts';
import { reusableSelect } from '../db/reusable-select.ts';
import { apiToken, appUser } from '../db/schema/index.ts';
import { verifyPassword } from './password.ts';

const tokenLifetimeHours = 12;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type AppUser = typeof appUser.$inferSelect;

export async function findUser(tx: Executor, username: string): Promise<AppUser | undefined> {
  const [user] = await tx.select().from(appUser).where(eq(appUser.username, username.trim().toLowerCase()));
  return user;
}

/**
 * The user, if the password is theirs; INVALID_CREDENTIALS otherwise. An unknown name is checked
 * against a dummy hash, so it answers as slowly as a wrong password. Runs outside any transaction:
 * scrypt takes tens of milliseconds, and on the embedded database an open transaction holds up
 * every other request.
 */
export async function checkPassword(user: AppUser | undefined, password: string): Promise<AppUser> {
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? dummyHash);
  if (!user || !passwordMatches) throw new DomainError('INVALID_CREDENTIALS');
  return user;
}

/** A random bearer token for a signed-in user, stored as its hash, valid for 12 hours. */
export async function createToken(tx: Executor, username: string): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const [row] = await tx.insert(apiToken).values({
    tokenHash: hashToken(token),
    username,
    expiresAt: sql`now() + make_interval(hours => ${tokenLifetimeHours})`,
  }).returning();
  await tx.delete(apiToken).where(lt(apiToken.expiresAt, sql`now()`));
  return { token, expiresAt: row!.expiresAt };
}

/**
 * Signs a user in without throttling or a hashing limit: for in-process callers (tests, the demo
 * check). The API signs in through `signIn` (sign-in.commands.ts), which adds both.
 */
export async function issueToken(db: Executor, username: string, password: string): Promise<{ token: string; expiresAt: string }> {
  const user = await checkPassword(await findUser(db, username), password);
  if (user.blocked) throw new DomainError('USER_BLOCKED', { username: user.username });
  return createToken(db, user.username);
}

// Built once: every request asks it.
const selectTokenUser = reusableSelect((db) => db.select({ username: appUser.username, role: appUser.role, blocked: appUser.blocked })
  .from(apiToken).innerJoin(appUser, eq(apiToken.username, appUser.username))
  .where(and(eq(apiToken.tokenHash, sql.placeholder('tokenHash')), gt(apiToken.expiresAt, sql`now()`))));

export async function authenticate(tx: Executor, token: string): Promise<{ username: string; role: Role } | undefined> {
  const [row] = await selectTokenUser(tx, { tokenHash: hashToken(token) });
  if (!row || row.blocked || !isRole(row.role)) return undefined;
  return { username: row.username, role: row.role };
}

export async function revokeToken(tx: Executor, token: string): Promise<void> {
  await tx.delete(apiToken).where(eq(apiToken.tokenHash, hashToken(token)));
}

// scrypt hash of a random password nobody knows.
const dummyHash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
