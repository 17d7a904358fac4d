// Timing and printing for the benchmarks: rates and latency percentiles, never a verdict.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

type Attempt = (index: number) => Promise<{ statusCode: number; body?: string }>;

export interface Figures {
  count: number;
  perSecond: number;
  /** CPU time of this Node process (user + system) over the whole measurement, when the work ran in it. */
  cpuMilliseconds?: number;
  /** CPU time of this process's main thread, the one that runs the JavaScript (Linux only). */
  mainThreadCpuMilliseconds?: number;
}

export interface MeasureOptions {
  clients?: number;
  unit?: string;
  /** Client c makes attempts c, c + clients, c + 2·clients …, so each client keeps to its own share of the work. */
  partitioned?: boolean;
  /** Also print how busy this Node process was: near 100 % of one core, more clients cannot go faster here. */
  showCpu?: boolean;
}

/**
 * `count` attempts, `clients` of them in flight at once (1: one after the other), each a request
 * that must answer 2xx. Prints the rate and the latency percentiles.
 */
export async function measure(label: string, count: number, attempt: Attempt, options: MeasureOptions = {}): Promise<Figures> {
  const clients = options.clients ?? 1;
  const latencies: number[] = [];
  let next = 0;
  const client = async (_: unknown, clientIndex: number) => {
    for (let round = 0; ; round++) {
      const index = options.partitioned ? clientIndex + round * clients : next++;
      if (index >= count) return;
      const before = performance.now();
      const response = await attempt(index);
      if (response.statusCode >= 300) throw new Error(`${label}: HTTP ${response.statusCode} ${response.body ?? ''}`);
      latencies.push(performance.now() - before);
    }
  };
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const mainThreadBefore = mainThreadCpuMilliseconds();
  await Promise.all(Array.from({ length: clients }, client));
  const milliseconds = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const mainThreadAfter = mainThreadCpuMilliseconds();
  const perSecond = count / (milliseconds / 1000);
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(2);
  const unit = (options.unit ?? 'requests').padEnd(8);
  const cpuShare = options.showCpu ? `  Node CPU ${(((cpu.user + cpu.system) / 1000 / milliseconds) * 100).toFixed(0)} %` : '';
  printLine(label, `${String(count).padStart(5)} ${unit}  ${perSecond.toFixed(perSecond < 10 ? 1 : 0).padStart(6)}/s  p50 ${percentile(0.5)} ms  p99 ${percentile(0.99)} ms${cpuShare}`);
  const mainThread = mainThreadBefore === undefined || mainThreadAfter === undefined ? {} : { mainThreadCpuMilliseconds: mainThreadAfter - mainThreadBefore };
  return { count, perSecond, cpuMilliseconds: (cpu.user + cpu.system) / 1000, ...mainThread };
}

/**
 * The CPU time the main thread has used, in ms, from Linux's scheduler statistics (nanoseconds);
 * undefined elsewhere. process.cpuUsage() counts every thread: V8's garbage collector and compiler
 * threads run beside the JavaScript and add some 30 % to a posting's (measured, PostgreSQL server).
 */
export function mainThreadCpuMilliseconds(): number | undefined {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; milliseconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, milliseconds: performance.now() - started };
}

export function printLine(label: string, value: string) {
  console.log(`${label.padEnd(48)} ${value}`);
}

/** The highest resident set size this process has had so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
