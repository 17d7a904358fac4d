import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { isRole, type Role } from '../../core/access/roles.ts';
import type { Executor } from '../db/connection.ts';
import { apiToken, appUser } from '../db/schema/index.ts';
import { verifyPassword } from './password.ts';

const tokenLifetimeHours = 12;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Signs a user in: a random bearer token, stored as its hash, valid for 12 hours. */
export async function issueToken(tx: Executor, username: string, password: string): Promise<{ token: string; expiresAt: string }> {
  const [user] = await tx.select().from(appUser).where(eq(appUser.username, username.trim().toLowerCase()));
  // An unknown name is checked against a dummy hash, so it answers as slowly as a wrong password.
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? dummyHash);
  if (!user || !passwordMatches) throw new DomainError('INVALID_CREDENTIALS');
  if (user.blocked) throw new DomainError('USER_BLOCKED', { username: user.username });
  const token = randomBytes(32).toString('base64url');
  const [row] = await tx.insert(apiToken).values({
    tokenHash: hashToken(token),
    username: user.username,
    expiresAt: sql`now() + make_interval(hours => ${tokenLifetimeHours})`,
  }).returning();
  await tx.delete(apiToken).where(lt(apiToken.expiresAt, sql`now()`));
  return { token, expiresAt: row!.expiresAt };
}

export async function authenticate(tx: Executor, token: string): Promise<{ username: string; role: Role } | undefined> {
  const [row] = await tx.select({ username: appUser.username, role: appUser.role, blocked: appUser.blocked })
    .from(apiToken).innerJoin(appUser, eq(apiToken.username, appUser.username))
    .where(and(eq(apiToken.tokenHash, hashToken(token)), gt(apiToken.expiresAt, sql`now()`)));
  if (!row || row.blocked || !isRole(row.role)) return undefined;
  return { username: row.username, role: row.role };
}

export async function revokeToken(tx: Executor, token: string): Promise<void> {
  await tx.delete(apiToken).where(eq(apiToken.tokenHash, hashToken(token)));
}

// scrypt hash of a random password nobody knows.
const dummyHash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
