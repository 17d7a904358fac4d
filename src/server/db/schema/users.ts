import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { recordColumns } from './columns.ts';

export const appUser = pgTable('app_user', {
  username: text().primaryKey(),
  fullName: text().notNull().default(''),
  email: text().notNull().default(''),
  role: text().notNull(),
  /** scrypt$N$r$p$salt$hash, see server/auth/password.ts. */
  passwordHash: text().notNull(),
  blocked: boolean().notNull().default(false),
  ...recordColumns(),
});

/** Opaque bearer tokens; only their SHA-256 is stored, so a database leak reveals no usable token. */
export const apiToken = pgTable('api_token', {
  tokenHash: text().primaryKey(),
  username: text().notNull().references(() => appUser.username, { onDelete: 'cascade' }),
  createdAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
});

/**
 * Consecutive failed sign-ins per username and per client address (core/access/sign-in-throttle.ts).
 * In the database, not in memory, because several server processes may share it. A username row
 * exists for unknown names too, so the answers do not tell which usernames exist.
 */
export const loginThrottle = pgTable('login_throttle', {
  kind: text().notNull(),
  subject: text().notNull(),
  failures: integer().notNull().default(0),
  lastFailureAt: timestamp({ withTimezone: true, mode: 'date' }),
  /** Attempts before this instant are refused without checking the password (a backoff delay or a lock). */
  lockedUntil: timestamp({ withTimezone: true, mode: 'date' }),
}, (t) => [
  primaryKey({ columns: [t.kind, t.subject] }),
  check('login_throttle_kind', sql`${t.kind} in ('username', 'address')`),
  index('login_throttle_last_failure').on(t.lastFailureAt),
]);

/** Addresses a user signed in from: attempts from them skip the username's wait (smart lockout). */
export const loginFamiliarAddress = pgTable('login_familiar_address', {
  username: text().notNull().references(() => appUser.username, { onDelete: 'cascade', onUpdate: 'cascade' }),
  address: text().notNull(),
  lastSignInAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [primaryKey({ columns: [t.username, t.address] })]);
