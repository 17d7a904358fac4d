import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ledgerlineBin, runLedgerline, useCliWorkspace } from '../../support/cli.ts';
import { enqueueJob } from '../../../src/server/jobs/job-queue.ts';

// `ledgerline job` on a data directory of its own: the commands run in this process, `serve` as a
// process of its own. The jobs here are of a type without a handler, so they end failed with
// JOB_TYPE_UNKNOWN: that still shows who ran them.
const workspace = useCliWorkspace('ledgerline-job-cli-');
const ledgerline = (...args: string[]) => runLedgerline(workspace.environment(), args);

/** A queued job in the data directory, put there the way a command would. */
async function queuedJob(): Promise<string> {
  const handle = await workspace.database();
  return (await enqueueJob(handle.db, { type: 'test.unhandled', parameters: { n: 1 }, createdBy: 'alice' })).id;
}

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('ledgerline job', () => {
  it('shows a job, runs it in-process with --wait when there is no server, and refuses an unknown id', { timeout: 120_000 }, async () => {
    const id = await queuedJob();
    const shown = await ledgerline('job', id);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.json()).toMatchObject({ id, type: 'test.unhandled', status: 'queued' });

    const waited = await ledgerline('job', id, '--wait');
    expect(waited.status).toBe(1);
    expect(waited.json()).toMatchObject({ id, status: 'failed', claimedBy: expect.stringMatching(/^cli-\d+$/), error: { code: 'JOB_TYPE_UNKNOWN' } });
    expect(waited.stderr).toContain(`Job ${id} (test.unhandled) failed: JOB_TYPE_UNKNOWN`);

    const unknown = await ledgerline('job', '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('NOT_FOUND: Job 00000000-0000-4000-8000-000000000000 does not exist.');
  });

  it('has `serve` run queued jobs in its worker, followed over HTTP with --wait', { timeout: 120_000 }, async () => {
    const id = await queuedJob();
    const user = await ledgerline('users', 'add', 'alice', '--role', 'admin', '--password', 'long enough');
    expect(user.status, user.stderr).toBe(0);
    // The server takes the data directory: this process lets go of it first.
    await workspace.release();
    const server = spawn(process.execPath, [ledgerlineBin, 'serve', '--port', '0', '--no-demo'], { env: workspace.environment() });
    let output = '';
    try {
      const address = await new Promise<string>((resolve, reject) => {
        server.stdout.on('data', (chunk) => {
          output += chunk;
          const match = /API: (http:\/\/[^\s]+)\/api\/v1/.exec(output);
          if (match) resolve(match[1]!);
        });
        server.stderr.on('data', (chunk) => { output += chunk; });
        server.on('exit', () => reject(new Error(`server exited: ${output}`)));
      });
      expect((await ledgerline('login', '--server', address, '--username', 'alice', '--password', 'long enough')).status).toBe(0);
      const waited = await ledgerline('job', id, '--wait');
      expect(waited.status).toBe(1);
      expect(waited.json()).toMatchObject({ id, status: 'failed', claimedBy: expect.stringMatching(/:\d+$/), error: { code: 'JOB_TYPE_UNKNOWN' } });
    } finally {
      server.kill('SIGTERM');
      if (server.exitCode === null) await new Promise((resolve) => server.once('exit', resolve));
    }
    // The worker stopped with the server, which released the data directory.
    expect((await ledgerline('logout')).status).toBe(0);
    expect((await ledgerline('job', id)).json().status).toBe('failed');
  });
});
