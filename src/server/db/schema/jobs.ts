/**
 * Request idempotency (DESIGN §4) and background jobs any process can claim (Combine Shipments,
 * spec §13.2). Plain operational tables, not books: rows are updated as the work proceeds.
 */
import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';

const timestampColumn = () => timestamp({ withTimezone: true, mode: 'string' });

/** A mutating request sent with an Idempotency-Key: its first answer, replayed to every retry. */
export const idempotencyKey = pgTable('idempotency_key', {
  username: text().notNull(),
  key: text().notNull(),
  method: text().notNull(),
  path: text().notNull(),
  /** SHA-256 of method, path and body: the same key with another request is refused. */
  requestHash: text().notNull(),
  /** null while the first request is still running. */
  statusCode: integer(),
  responseHeaders: jsonb(),
  responseBody: text(),
  createdAt: timestampColumn().notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.username, t.key] })]);

/** queued → running → succeeded | incomplete | failed */
export const job = pgTable('job', {
  id: uuid().primaryKey().defaultRandom(),
  type: text().notNull(),
  parameters: jsonb().notNull(),
  status: text().notNull().default('queued'),
  progress: integer().notNull().default(0),
  total: integer().notNull().default(0),
  message: text().notNull().default(''),
  result: jsonb(),
  error: jsonb(),
  createdBy: text().notNull().default(''),
  claimedBy: text(),
  createdAt: timestampColumn().notNull().defaultNow(),
  startedAt: timestampColumn(),
  finishedAt: timestampColumn(),
}, (t) => [index('job_queue').on(t.status, t.createdAt)]);
