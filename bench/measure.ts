// Timing and printing for the benchmarks: rates and latency percentiles, never a verdict.
import { performance } from 'node:perf_hooks';

type Attempt = (index: number) => Promise<{ statusCode: number; body?: string }>;

export interface Figures {
  count: number;
  perSecond: number;
}

/**
 * `count` attempts, `clients` of them in flight at once (1: one after the other), each a request
 * that must answer 2xx. Prints the rate and the latency percentiles.
 */
export async function measure(label: string, count: number, attempt: Attempt, options: { clients?: number; unit?: string } = {}): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const client = async () => {
    while (next < count) {
      const index = next++;
      const before = performance.now();
      const response = await attempt(index);
      if (response.statusCode >= 300) throw new Error(`${label}: HTTP ${response.statusCode} ${response.body ?? ''}`);
      latencies.push(performance.now() - before);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.clients ?? 1 }, client));
  const perSecond = count / ((performance.now() - started) / 1000);
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(2);
  const unit = (options.unit ?? 'requests').padEnd(8);
  printLine(label, `${String(count).padStart(5)} ${unit}  ${perSecond.toFixed(perSecond < 10 ? 1 : 0).padStart(6)}/s  p50 ${percentile(0.5)} ms  p99 ${percentile(0.99)} ms`);
  return { count, perSecond };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; milliseconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, milliseconds: performance.now() - started };
}

export function printLine(label: string, value: string) {
  console.log(`${label.padEnd(48)} ${value}`);
}
