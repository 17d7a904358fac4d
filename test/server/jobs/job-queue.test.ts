import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DomainError } from '../../../src/core/errors.ts';
import type { Executor } from '../../../src/server/db/connection.ts';
import {
  claimJob, claimNextJob, enqueueJob, getJob, registerJobHandler, reportProgress, requeueInterruptedJobs, runJob, startJobWorker, type Job,
} from '../../../src/server/jobs/job-queue.ts';
import { formatProgress, runJobNow, waitForJob } from '../../../src/server/cli/progress.ts';
import { freshDatabase } from '../../support/database.ts';
import { testApi } from '../../support/api.ts';

let handle: Awaited<ReturnType<typeof freshDatabase>>;
let db: Executor;
beforeEach(async () => { handle = await freshDatabase(); db = handle.db; });
afterEach(() => handle.close());

// Handlers are registered once per process, as the modules owning job types do at load.
registerJobHandler('test.count', async ({ job, progress }) => {
  const { to } = job.parameters as { to: number };
  for (let done = 1; done <= to; done++) await progress(done, to, `item ${done}`);
  return { counted: to };
});
registerJobHandler('test.refuse', async () => {
  throw new DomainError('NOT_FOUND', { entity: 'Customer', key: 'C9' });
});
registerJobHandler('test.crash', async () => {
  throw new Error('insert into "customer" ("no") values ($1) -- disk on fire');
});

const enqueue = (type: string, parameters: unknown = {}) => enqueueJob(db, { type, parameters, createdBy: 'admin-user' });

describe('the job queue', () => {
  it('hands out queued jobs oldest first, each to one claimer', async () => {
    const first = await enqueue('test.count', { to: 1 });
    const second = await db.transaction(async (tx) => {
      const inside = await enqueueJob(tx as Executor, { type: 'test.count', parameters: { to: 2 }, createdBy: 'admin-user' });
      await enqueueJob(tx as Executor, { type: 'test.count', parameters: { to: 3 }, createdBy: 'admin-user' });
      return inside;
    });
    expect(first).toMatchObject({ status: 'queued', progress: 0, total: 0, createdBy: 'admin-user', claimedBy: null });

    const a = await claimNextJob(db, 'worker-a');
    const b = await claimNextJob(db, 'worker-b');
    expect(a).toMatchObject({ id: first.id, status: 'running', claimedBy: 'worker-a' });
    expect(a!.startedAt).not.toBeNull();
    // Enqueued in one transaction, still in order.
    expect(b).toMatchObject({ id: second.id, claimedBy: 'worker-b' });
    expect((await claimNextJob(db, 'worker-c'))!.parameters).toEqual({ to: 3 });
    expect(await claimNextJob(db, 'worker-d')).toBeUndefined();
  });

  it('claims only the types asked for, and a particular job only while it is queued', async () => {
    const refuse = await enqueue('test.refuse');
    const count = await enqueue('test.count', { to: 1 });
    expect((await claimNextJob(db, 'w', ['test.count']))!.id).toBe(count.id);
    expect(await claimNextJob(db, 'w', ['other'])).toBeUndefined();
    expect(await claimJob(db, count.id, 'w2')).toBeUndefined();
    expect((await claimJob(db, refuse.id, 'w2'))!.claimedBy).toBe('w2');
  });

  // Holding a lock while claiming needs two connections; PGlite has one, so this runs on a server only.
  it.skipIf(!process.env.TEST_DATABASE_URL)('skips a job another transaction holds locked', async () => {
    const locked = await enqueue('test.count', { to: 1 });
    const free = await enqueue('test.count', { to: 1 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let lockTaken!: () => void;
    const taken = new Promise<void>((resolve) => { lockTaken = resolve; });
    const holder = db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from job where id = ${locked.id} for update`);
      lockTaken();
      await held;
    });
    await taken;
    expect((await claimNextJob(db, 'w'))!.id).toBe(free.id);
    release();
    await holder;
  });

  it('runs a handler, recording progress and the result', async () => {
    const queued = await enqueue('test.count', { to: 3 });
    const seen: string[] = [];
    const finished = await runJob(db, (await claimNextJob(db, 'w'))!, (job) => seen.push(`${job.progress}/${job.total} ${job.message}`));
    expect(seen).toEqual(['1/3 item 1', '2/3 item 2', '3/3 item 3']);
    expect(finished).toMatchObject({ id: queued.id, status: 'succeeded', progress: 3, total: 3, message: 'item 3', result: { counted: 3 }, error: null });
    expect(finished.finishedAt).not.toBeNull();
    expect(await getJob(db, queued.id)).toEqual(finished);
  });

  it('records progress reported by anyone on a running job only', async () => {
    const queued = await enqueue('test.count');
    await reportProgress(db, queued.id, 5, 10, 'too early');
    expect(await getJob(db, queued.id)).toMatchObject({ progress: 0, message: '' });
    await claimJob(db, queued.id, 'w');
    await reportProgress(db, queued.id, 5, 10, 'halfway');
    expect(await getJob(db, queued.id)).toMatchObject({ progress: 5, total: 10, message: 'halfway' });
  });

  it('fails the job, not the caller, when the handler throws', async () => {
    await enqueue('test.refuse');
    await enqueue('test.crash');
    await enqueue('test.nobody-handles-this');
    const refused = await runJob(db, (await claimNextJob(db, 'w'))!);
    const crashed = await runJob(db, (await claimNextJob(db, 'w'))!);
    const unknown = await runJob(db, (await claimNextJob(db, 'w'))!);
    expect(refused).toMatchObject({
      status: 'failed', result: null,
      error: { code: 'NOT_FOUND', params: { entity: 'Customer', key: 'C9' }, message: 'Customer C9 does not exist.' },
    });
    // Users see no SQL or internals: those go to the server log.
    expect(crashed).toMatchObject({ status: 'failed', error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on the server; the error is in the server log.' } });
    expect(JSON.stringify(crashed.error)).not.toMatch(/insert|customer|disk/);
    expect(unknown).toMatchObject({ status: 'failed', error: { code: 'JOB_TYPE_UNKNOWN' } });
  });

  it('refuses a second handler for one type', () => {
    expect(() => registerJobHandler('test.count', async () => undefined)).toThrow(/already registered/);
  });

  it('puts jobs cut off by a crash back in the queue', async () => {
    const stale = await enqueue('test.count', { to: 1 });
    await claimJob(db, stale.id, 'crashed-worker');
    expect(await requeueInterruptedJobs(db, 60_000)).toBe(0);
    expect(await requeueInterruptedJobs(db, 0)).toBe(1);
    expect(await getJob(db, stale.id)).toMatchObject({ status: 'queued', claimedBy: null, startedAt: null });
  });

  it('has a worker that runs queued jobs until stopped', async () => {
    const queued = await enqueue('test.count', { to: 2 });
    const worker = startJobWorker(db, { workerId: 'test-worker', pollMs: 10 });
    try {
      for (let tries = 0; tries < 500 && (await getJob(db, queued.id)).status !== 'succeeded'; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      await worker.stop();
    }
    expect(await getJob(db, queued.id)).toMatchObject({ status: 'succeeded', claimedBy: 'test-worker', result: { counted: 2 } });
  });

  it('runs a job right away for the in-process CLI, unless someone else has it', async () => {
    const queued = await enqueue('test.count', { to: 2 });
    expect(await runJobNow(db, queued.id)).toMatchObject({ status: 'succeeded', result: { counted: 2 } });
    expect(await runJobNow(db, queued.id)).toBeUndefined();
  });
});

describe('the job API', () => {
  it('shows a job by id to any role, lists and filters them, and answers 404 for an unknown id', async () => {
    const api = await testApi();
    try {
      const done = await enqueueJob(api.db, { type: 'test.count', parameters: { to: 1 }, createdBy: 'admin-user' });
      await runJob(api.db, (await claimNextJob(api.db, 'w'))!);
      const waiting = await enqueueJob(api.db, { type: 'test.refuse', parameters: {}, createdBy: 'admin-user' });

      const shown = await api.as('viewer')('GET', `/api/v1/jobs/${done.id}`);
      expect(shown.statusCode).toBe(200);
      expect(shown.json()).toMatchObject({ id: done.id, type: 'test.count', status: 'succeeded', progress: 1, total: 1, result: { counted: 1 } });

      const all = (await api.as('salesClerk')('GET', '/api/v1/jobs')).json();
      expect(all.items.map((job: Job) => job.id)).toEqual([waiting.id, done.id]);
      expect((await api.as('viewer')('GET', '/api/v1/jobs?status=queued')).json().items.map((job: Job) => job.id)).toEqual([waiting.id]);
      expect((await api.as('viewer')('GET', '/api/v1/jobs?type=test.count')).json().items.map((job: Job) => job.id)).toEqual([done.id]);
      const firstPage = (await api.as('viewer')('GET', '/api/v1/jobs?limit=1')).json();
      const secondPage = (await api.as('viewer')('GET', `/api/v1/jobs?limit=1&cursor=${firstPage.nextCursor}`)).json();
      expect([...firstPage.items, ...secondPage.items].map((job: Job) => job.id)).toEqual([waiting.id, done.id]);
      expect(secondPage.nextCursor).toBeNull();

      expect((await api.as('viewer')('GET', '/api/v1/jobs?status=lost')).statusCode).toBe(400);
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const missing = await api.as('viewer')('GET', `/api/v1/jobs/${id}`);
        expect(missing.statusCode, id).toBe(404);
        expect(missing.json().code).toBe('NOT_FOUND');
      }
      expect((await api.as('none')('GET', `/api/v1/jobs/${done.id}`)).statusCode).toBe(401);
    } finally {
      await api.close();
    }
  });
});

describe('the CLI progress display', () => {
  function capture(isTTY: boolean) {
    let text = '';
    const out = Object.assign(new Writable({ write(chunk, _encoding, done) { text += chunk; done(); } }), { isTTY });
    return { out, text: () => text };
  }

  const at = (status: Job['status'], progress: number, total: number, message = '', extra: Partial<Job> = {}) =>
    ({ id: 'J1', type: 'combine', status, progress, total, message, result: null, error: null, ...extra }) as Job;

  it('draws a bar with the count and message', () => {
    expect(formatProgress(at('running', 12, 40, 'customer C10'))).toBe('[######..............] 12/40 customer C10');
    expect(formatProgress(at('running', 40, 40))).toBe('[####################] 40/40');
    expect(formatProgress(at('running', 3, 0))).toBe('[....................] 3');
  });

  it('writes one plain line per change when not on a terminal, and returns the finished job', async () => {
    const states = [at('queued', 0, 0), at('running', 0, 4, 'starting'), at('running', 0, 4, 'starting'), at('running', 2, 4, 'half'), at('succeeded', 4, 4, 'done')];
    const { out, text } = capture(false);
    const finished = await waitForJob(async () => states.shift()!, { out, intervalMs: 0 });
    expect(finished.status).toBe('succeeded');
    expect(text()).toBe([
      '[....................] 0/4 starting',
      '[##########..........] 2/4 half',
      '[####################] 4/4 done',
      'Job J1 (combine) succeeded.',
      '',
    ].join('\n'));
  });

  it('redraws one line on a terminal and names the error of a failed job', async () => {
    const states = [at('running', 1, 2, 'one'), at('failed', 1, 2, 'one', { error: { code: 'NOT_FOUND', message: 'Customer C9 does not exist.' } })];
    const { out, text } = capture(true);
    await waitForJob(async () => states.shift()!, { out, intervalMs: 0 });
    expect(text()).toBe('\r[##########..........] 1/2 one\x1b[K\nJob J1 (combine) failed: NOT_FOUND: Customer C9 does not exist.\n');
  });
});
