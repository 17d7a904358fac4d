import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../src/server/db/connection.ts';
import { claimNextJob, enqueueJob, registerJobHandler, runJob } from '../../../src/server/jobs/job-queue.ts';
import { freshDatabase } from '../../support/database.ts';

let handle: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => { handle = await freshDatabase(); });
afterEach(() => handle.close());

/** How many turns the event loop has made; read by the job at each step. */
let turns = 0;
const turnsAtStep: number[] = [];

registerJobHandler('test.transactions', async ({ db, job, progress }) => {
  const { steps } = job.parameters as { steps: number };
  for (let step = 1; step <= steps; step++) {
    await db.transaction(async (tx) => { await (tx as Executor).execute(sql`select pg_sleep(0.001)`); });
    await progress(step, steps);
    turnsAtStep.push(turns);
  }
});

describe('a running job', () => {
  // On PGlite every query runs synchronously in this thread: a job that never gave the event loop a
  // turn kept the server from answering any request (or a crash-restarted one from listening) until it ended.
  it('lets the event loop turn between its steps, so the server answers meanwhile', async () => {
    await enqueueJob(handle.db, { type: 'test.transactions', parameters: { steps: 5 }, createdBy: 'admin-user' });
    let running = true;
    const pump = () => {
      turns += 1;
      if (running) setImmediate(pump);
    };
    setImmediate(pump);
    const startTurns = turns;
    try {
      const finished = await runJob(handle.db, (await claimNextJob(handle.db, 'w'))!);
      expect(finished.status).toBe('succeeded');
    } finally {
      running = false;
    }
    expect(turnsAtStep).toHaveLength(5);
    // Each step saw the loop turn at least once since the step before.
    const seen = [startTurns, ...turnsAtStep];
    expect(seen.slice(1).every((value, index) => value > seen[index]!)).toBe(true);
  });
});
