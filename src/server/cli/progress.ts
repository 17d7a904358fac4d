/**
 * Following a background job from the CLI: a progress bar redrawn in place on a terminal, plain
 * lines when the output is a file or a pipe (logs, CI).
 */
import type { Executor } from '../db/connection.ts';
import { claimJob, runJob, type Job } from '../jobs/job-queue.ts';
import type { CliOutput } from './cli-io.ts';

const barWidth = 20;

/** `[#####...............] 12/40 message` — without a total the count alone says how far it got. */
export function formatProgress(job: Pick<Job, 'progress' | 'total' | 'message'>): string {
  const filled = job.total > 0 ? Math.min(barWidth, Math.floor((job.progress / job.total) * barWidth)) : 0;
  const count = job.total > 0 ? `${job.progress}/${job.total}` : `${job.progress}`;
  return [`[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]`, count, job.message].filter(Boolean).join(' ');
}

function formatOutcome(job: Job): string {
  if (job.status === 'succeeded') return `Job ${job.id} (${job.type}) succeeded.`;
  const error = job.error as { code?: string; message?: string } | null;
  const ended = job.status === 'incomplete' ? 'finished incomplete' : 'failed';
  return `Job ${job.id} (${job.type}) ${ended}: ${error?.code ?? 'ERROR'}: ${error?.message ?? 'no reason recorded'}`;
}

export interface ProgressRenderer {
  update(job: Job): void;
  finish(job: Job): void;
}

/** Draws only when the line changes, so polling a quiet job does not flood a log. */
export function progressRenderer(out: CliOutput): ProgressRenderer {
  let last = '';
  let drawn = false;
  return {
    update(job) {
      const line = formatProgress(job);
      if (line === last) return;
      last = line;
      if (out.isTTY) {
        out.write(`\r${line}\x1b[K`);
        drawn = true;
      } else {
        out.write(`${line}\n`);
      }
    },
    finish(job) {
      if (job.status !== 'failed') this.update(job);
      out.write(`${drawn ? '\n' : ''}${formatOutcome(job)}\n`);
    },
  };
}

export const isFinished = (job: Job) => job.status === 'succeeded' || job.status === 'incomplete' || job.status === 'failed';

/** Polls until the job has finished, showing its progress; returns the finished job. */
export async function waitForJob(
  fetchJob: () => Promise<Job>,
  options: { out: CliOutput; intervalMs?: number },
): Promise<Job> {
  const renderer = progressRenderer(options.out);
  for (;;) {
    const job = await fetchJob();
    if (isFinished(job)) {
      renderer.finish(job);
      return job;
    }
    if (job.status === 'running') renderer.update(job);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 500));
  }
}

/**
 * Without a server no worker will pick the job up, so the in-process CLI runs it itself.
 * Returns undefined when the job is no longer queued (another process has it: poll it instead).
 */
export async function runJobNow(db: Executor, id: string, options: { out?: CliOutput } = {}): Promise<Job | undefined> {
  const claimed = await claimJob(db, id, `cli-${process.pid}`);
  if (!claimed) return undefined;
  const renderer = options.out ? progressRenderer(options.out) : undefined;
  const finished = await runJob(db, claimed, renderer ? (job) => renderer.update(job) : undefined);
  renderer?.finish(finished);
  return finished;
}

/** `ledgerline job <id> --wait` and job commands: run it here when working on the database directly, else poll. */
export async function followJob(
  id: string,
  fetchJob: () => Promise<Job>,
  options: { out: CliOutput; db?: Executor | undefined; intervalMs?: number },
): Promise<Job> {
  // Fetching first answers an unknown id with the API's 404 before anything is claimed.
  if (options.db && (await fetchJob()).status === 'queued') {
    const finished = await runJobNow(options.db, id, { out: options.out });
    if (finished) return finished;
  }
  return waitForJob(fetchJob, options);
}
