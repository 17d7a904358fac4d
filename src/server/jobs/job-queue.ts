/**
 * Background jobs any `ledgerline serve` process can claim (DESIGN §1: nothing assumes one process).
 * A job row is the queue entry and the record of its progress and outcome; claiming uses
 * FOR UPDATE SKIP LOCKED so two workers never take the same job.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { isIsoDate } from '../../core/dates/calendar-date.ts';
import type { Executor } from '../db/connection.ts';
import { startPollingWorker } from './polling-worker.ts';
import { job } from '../db/schema/index.ts';

/** `incomplete`: the job ran to its end but left out part of what it was asked to do; its result says what and why. */
export const jobStatuses = ['queued', 'running', 'succeeded', 'incomplete', 'failed'] as const;
export type JobStatus = (typeof jobStatuses)[number];
/** The status column is text; only this module writes it, always one of jobStatuses. */
export type Job = Omit<typeof job.$inferSelect, 'status'> & { status: JobStatus };
type JobRow = typeof job.$inferSelect;
const asJob = (row: JobRow) => row as Job;
const asOptionalJob = (row: JobRow | undefined) => row as Job | undefined;

/** What a failed job keeps: a DomainError's code and params, or INTERNAL_ERROR. */
export interface JobError { code: string; params?: Record<string, unknown>; message: string }

export interface JobContext {
  db: Executor;
  job: Job;
  /**
   * Records progress for whoever polls the job. Call it between transactions, never inside one:
   * it writes through `db`, and on PGlite (one connection) that would wait for the open transaction forever.
   */
  progress(done: number, total: number, message?: string): Promise<void>;
}

export type JobHandler = (context: JobContext) => Promise<unknown>;

const incompleteTag = Symbol('incomplete job');
interface IncompleteOutcome { [incompleteTag]: true; result: unknown; error: JobError }

/** What a handler returns when it finished but could not do all it was asked: the job ends `incomplete`. */
export function incompleteJob(result: unknown, error: JobError): IncompleteOutcome {
  return { [incompleteTag]: true, result, error };
}

function isIncomplete(outcome: unknown): outcome is IncompleteOutcome {
  return typeof outcome === 'object' && outcome !== null && incompleteTag in outcome;
}

const handlers = new Map<string, JobHandler>();

/** Called at module load by the module that owns the job type, so every process that can enqueue it can also run it. */
export function registerJobHandler(type: string, handler: JobHandler) {
  if (handlers.has(type)) throw new Error(`A job handler for '${type}' is already registered.`);
  handlers.set(type, handler);
}

/** In the caller's transaction, so the job exists exactly when the command that asked for it commits. */
export async function enqueueJob(tx: Executor, input: { type: string; parameters: unknown; createdBy: string }): Promise<Job> {
  const [row] = await tx.insert(job).values({
    type: input.type,
    parameters: input.parameters ?? {},
    createdBy: input.createdBy,
    // now() is the transaction's start: clock_timestamp() keeps jobs enqueued in one transaction in order.
    createdAt: sql`clock_timestamp()`,
  }).returning();
  return asJob(row!);
}

const claimed = (workerId: string) => ({ status: 'running', claimedBy: workerId, startedAt: sql`now()` });

/** The oldest queued job (of these types), now running for this worker; undefined when there is none. */
export async function claimNextJob(db: Executor, workerId: string, types?: string[]): Promise<Job | undefined> {
  if (types?.length === 0) return undefined;
  const conditions: SQL[] = [eq(job.status, 'queued')];
  if (types) conditions.push(inArray(job.type, types));
  const next = db.select({ id: job.id }).from(job).where(and(...conditions))
    .orderBy(job.createdAt).limit(1).for('update', { skipLocked: true });
  // `=` on a scalar subquery runs it once; `IN (…)` may be re-run by the planner and claim more than one row.
  const [row] = await db.update(job).set(claimed(workerId)).where(sql`${job.id} = (${next})`).returning();
  return asOptionalJob(row);
}

/** Claims one particular job if it is still queued (the in-process CLI runs the job it just asked for). */
export async function claimJob(db: Executor, id: string, workerId: string): Promise<Job | undefined> {
  const [row] = await db.update(job).set(claimed(workerId)).where(and(eq(job.id, id), eq(job.status, 'queued'))).returning();
  return asOptionalJob(row);
}

export async function reportProgress(db: Executor, id: string, progress: number, total: number, message = ''): Promise<void> {
  await db.update(job).set({ progress, total, message }).where(and(eq(job.id, id), eq(job.status, 'running')));
}

export async function completeJob(db: Executor, id: string, result: unknown): Promise<Job> {
  const [row] = await db.update(job)
    .set({ status: 'succeeded', result: result ?? null, error: null, finishedAt: sql`now()` })
    .where(eq(job.id, id)).returning();
  return asJob(row!);
}

export async function failJob(db: Executor, id: string, error: JobError): Promise<Job> {
  const [row] = await db.update(job).set({ status: 'failed', error, finishedAt: sql`now()` }).where(eq(job.id, id)).returning();
  return asJob(row!);
}

async function endIncomplete(db: Executor, id: string, outcome: IncompleteOutcome): Promise<Job> {
  const [row] = await db.update(job)
    .set({ status: 'incomplete', result: outcome.result ?? null, error: outcome.error, finishedAt: sql`now()` })
    .where(eq(job.id, id)).returning();
  return asJob(row!);
}

export async function findJob(db: Executor, id: string): Promise<Job | undefined> {
  // A malformed id would make PostgreSQL refuse the uuid cast; it names no job either way.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const [row] = await db.select().from(job).where(eq(job.id, id));
  return asOptionalJob(row);
}

export async function getJob(db: Executor, id: string): Promise<Job> {
  const row = await findJob(db, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'Job', key: id });
  return row;
}

export interface JobListOptions { status?: JobStatus | undefined; type?: string | undefined; limit: number; cursor?: string | undefined }

/** Newest first, keyset-paged on (createdAt, id). */
export async function listJobs(db: Executor, options: JobListOptions): Promise<{ items: Job[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (options.status) conditions.push(eq(job.status, options.status));
  if (options.type) conditions.push(eq(job.type, options.type));
  if (options.cursor) {
    const [createdAt, id] = decodeCursor(options.cursor);
    conditions.push(sql`(${job.createdAt}, ${job.id}) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  const rows = await db.select().from(job).where(and(...conditions))
    .orderBy(desc(job.createdAt), desc(job.id)).limit(options.limit + 1);
  const items = rows.slice(0, options.limit).map(asJob);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > options.limit && last ? encodeCursor(last) : null };
}

function encodeCursor(row: Job): string {
  return Buffer.from(JSON.stringify([row.createdAt, row.id])).toString('base64url');
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The form PostgreSQL writes a timestamptz in; an edited one must not reach the ::timestamptz cast (SQLSTATE 22007/22008).
function isTimestamp(value: unknown): boolean {
  return typeof value === 'string' && isIsoDate(value.slice(0, 10))
    && /^.{10}[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-]\d{2}(:\d{2})?)?$/.test(value);
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && isTimestamp(value[0]) && typeof value[1] === 'string' && uuidPattern.test(value[1])) {
      return value as [string, string];
    }
  } catch { /* answered below */ }
  throw new DomainError('INVALID_INPUT', { detail: 'cursor is not one this API returned.' }, 'query.cursor');
}

/**
 * What users see of an error: a DomainError's code and message; anything else (a defect, a
 * database failure) only as INTERNAL_ERROR, its text (SQL, stack) going to the server log.
 */
export function jobError(error: unknown): JobError {
  if (error instanceof DomainError) return { code: error.code, params: error.params, message: error.message };
  console.error('job failed:', error);
  return { code: 'INTERNAL_ERROR', message: 'Something went wrong on the server; the error is in the server log.' };
}

/** Runs a claimed job's handler and records its outcome; a throwing handler fails the job, never the worker. */
export async function runJob(db: Executor, claimedJob: Job, onProgress?: (job: Job) => void): Promise<Job> {
  const handler = handlers.get(claimedJob.type);
  if (!handler) return failJob(db, claimedJob.id, { code: 'JOB_TYPE_UNKNOWN', message: `No handler is registered for jobs of type '${claimedJob.type}'.` });
  let current = claimedJob;
  const progress = async (done: number, total: number, message = '') => {
    await reportProgress(db, claimedJob.id, done, total, message);
    current = { ...current, progress: done, total, message };
    onProgress?.(current);
    // PGlite runs queries synchronously, so a job's awaits never reach the event loop: without this
    // turn a long job would hold off every HTTP request (even /health, even listening) until it ends.
    await yieldToEventLoop();
  };
  let result: unknown;
  try {
    result = await handler({ db, job: claimedJob, progress });
  } catch (error) {
    return failJob(db, claimedJob.id, jobError(error));
  }
  return isIncomplete(result) ? endIncomplete(db, claimedJob.id, result) : completeJob(db, claimedJob.id, result);
}

/**
 * Puts running jobs whose worker is gone back in the queue. There is no heartbeat, so "gone" means
 * "started longer ago than olderThanMs": pass 0 only when no other process can be running jobs
 * (PGlite: the data directory is locked to this process).
 */
export async function requeueInterruptedJobs(db: Executor, olderThanMs: number): Promise<number> {
  const rows = await db.update(job).set({ status: 'queued', claimedBy: null, startedAt: null })
    .where(and(eq(job.status, 'running'), lt(job.startedAt, sql`now() - make_interval(secs => ${olderThanMs / 1000})`)))
    .returning({ id: job.id });
  return rows.length;
}

export interface JobWorkerOptions {
  workerId: string;
  pollMs?: number;
  types?: string[];
  /** Re-queue jobs left running by a crashed process, at start (see requeueInterruptedJobs). */
  requeueAfterMs?: number;
  onError?: (error: unknown) => void;
}

/** Polls for queued jobs and runs them one at a time; stop() waits for the job in hand to finish. */
export function startJobWorker(db: Executor, options: JobWorkerOptions): { stop(): Promise<void> } {
  const { requeueAfterMs } = options;
  return startPollingWorker(db, {
    name: 'job worker', pollMs: options.pollMs ?? 1000, ...(options.onError ? { onError: options.onError } : {}),
    ...(requeueAfterMs !== undefined ? { start: async (executor: Executor) => { await requeueInterruptedJobs(executor, requeueAfterMs); } } : {}),
    step: async (executor) => {
      const next = await claimNextJob(executor, options.workerId, options.types);
      if (next) await runJob(executor, next);
      return next !== undefined;
    },
  });
}
