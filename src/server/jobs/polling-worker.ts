/**
 * The loop behind every background worker (jobs, the email outbox): run a step, again at once while
 * it found work, else sleep pollMs. A failing step is reported and the loop goes on, so a worker
 * survives a database restart; stop() wakes it and waits for the step in hand.
 */
import type { Executor } from '../db/connection.ts';
import { innermostMessage, isDatabaseUnavailable } from '../db/connection-errors.ts';

export interface PollingWorkerOptions {
  /** Names the worker in its error lines, e.g. 'job worker'. */
  name: string;
  pollMs: number;
  onError?: (error: unknown) => void;
  /** Once, before the first step (e.g. dealing with what a crashed process left). */
  start?: (db: Executor) => Promise<void>;
  /** One step; true when it did something, so the next step runs without sleeping. */
  step: (db: Executor) => Promise<boolean>;
}

export function startPollingWorker(db: Executor, options: PollingWorkerOptions): { stop(): Promise<void> } {
  const { name, pollMs } = options;
  // While the database is down every poll fails: one line each, not a stack trace; it polls on and recovers.
  const onError = options.onError ?? ((error: unknown) => console.error(`${name}:`,
    isDatabaseUnavailable(error) ? `the database cannot be reached (${innermostMessage(error)}); trying again in ${pollMs} ms` : error));
  let stopped = false;
  let wake: (() => void) | undefined;
  const sleep = () => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, pollMs);
    wake = () => { clearTimeout(timer); resolve(); };
  });
  const loop = async () => {
    if (options.start) await options.start(db).catch(onError);
    while (!stopped) {
      try {
        if (await options.step(db)) continue;
      } catch (error) {
        onError(error);
      }
      if (!stopped) await sleep();
    }
  };
  const running = loop();
  return {
    stop: async () => {
      stopped = true;
      wake?.();
      await running;
    },
  };
}
