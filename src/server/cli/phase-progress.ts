/**
 * Progress of a command made of a few long steps (read a file, send it, wait for the server), on
 * standard error so standard output stays the JSON result. On a terminal the running phase is
 * redrawn in place with its elapsed time; elsewhere (a log, a pipe, a test asking with --progress)
 * one line per finished phase. Without `show` nothing is written.
 */
import { performance } from 'node:perf_hooks';
import type { CliOutput } from './cli-io.ts';
import { formatProgress } from './progress.ts';

export interface PhaseProgress {
  /** Runs one phase; `done` says what it did, for the phase's line. */
  run<T>(label: string, work: () => Promise<T> | T, done: (result: T) => string): Promise<T>;
  /** A phase that has nothing to do, counted as done. */
  skip(label: string, reason: string): void;
}

const redrawEveryMs = 200;

export function phaseProgress(total: number, options: { out: CliOutput; show: boolean }): PhaseProgress {
  const { out, show } = options;
  let finished = 0;
  const line = (message: string) => formatProgress({ progress: finished, total, message });
  const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  return {
    async run(label, work, done) {
      const started = performance.now();
      // The timer only redraws a terminal line; a log gets the finished line alone.
      const timer = show && out.isTTY ? setInterval(() => out.write(`\r${line(`${label} … ${seconds(started)}`)}\x1b[K`), redrawEveryMs) : undefined;
      try {
        const result = await work();
        finished += 1;
        if (show) out.write(`${out.isTTY ? '\r' : ''}${line(`${label}: ${done(result)} (${seconds(started)})`)}${out.isTTY ? '\x1b[K' : ''}\n`);
        return result;
      } catch (error) {
        // The error message that follows starts on a line of its own.
        if (timer) out.write(`\r${line(`${label}: failed after ${seconds(started)}`)}\x1b[K\n`);
        throw error;
      } finally {
        if (timer) clearInterval(timer);
      }
    },
    skip(label, reason) {
      finished += 1;
      if (show) out.write(`${line(`${label}: ${reason}`)}\n`);
    },
  };
}

/** 12.3 MB, 840 kB, 512 bytes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}
