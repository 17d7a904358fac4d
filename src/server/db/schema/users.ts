import { boolean, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
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
