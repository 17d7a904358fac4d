/**
 * One run of the seeded model-based posting test: the model, the random source, the API, the
 * log of steps a failure prints, and the deviations from the spec the run met.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { TestApi } from './api.ts';
import { PostingModel, type Random } from './posting-model.ts';

/** The work date every request runs on: documents and payments post on it. */
export const workDate = '2026-01-15';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
/** What the model predicts for an action: success, or one of these business error codes. */
export type Expected = 'ok' | string[];

export interface Deviation { step: number; kind: string; detail: string }

export class ModelRun {
  readonly model = new PostingModel();
  readonly steps: string[] = [];
  readonly deviations: Deviation[] = [];
  private readonly seenDeviation = new Set<string>();
  step = 0;

  constructor(readonly api: TestApi, readonly rng: Random) {}

  log(text: string) {
    this.steps.push(`#${this.step} ${text}`);
  }

  deviate(kind: string, detail: string, dedupeKey = `${kind}:${detail}`) {
    if (this.seenDeviation.has(dedupeKey)) return;
    this.seenDeviation.add(dedupeKey);
    this.deviations.push({ step: this.step, kind, detail });
    this.log(`  DEVIATION ${kind}: ${detail}`);
  }

  async send(method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse> {
    const response = await this.api.as('admin')(method, url, body, { 'x-work-date': workDate });
    if (response.statusCode >= 500) throw new Error(`${method} ${url} → ${response.statusCode}: ${response.body}`);
    return response;
  }

  /** Must work: setup-like calls the model does not question. */
  async ok(method: Method, url: string, body?: unknown) {
    const response = await this.send(method, url, body);
    if (response.statusCode >= 300) throw new Error(`${method} ${url} ${JSON.stringify(body ?? null)} → ${response.statusCode}: ${response.body}`);
    return response.body === '' ? null : response.json();
  }

  /**
   * Sends an action whose outcome the model predicted: `ok`, or one of the business codes. Logs the
   * outcome; a different outcome is a deviation of `kind`, or a failure if no kind names it.
   */
  async act(label: string, method: Method, url: string, body: unknown, expected: Expected, mirror?: { kind: string; expected: Expected }) {
    const response = await this.send(method, url, body);
    const outcome = response.statusCode < 300 ? 'ok' : `${response.statusCode} ${response.json().code}`;
    this.log(`${label}: ${method} ${url} ${body === undefined ? '' : JSON.stringify(body)} → ${outcome}${expected === 'ok' ? '' : ` (expected ${expected.join('|')})`}`);
    const matches = (prediction: Expected) => (prediction === 'ok' ? response.statusCode < 300
      : response.statusCode >= 400 && prediction.includes(String(response.json().code)));
    if (!matches(expected)) {
      const detail = `${label}: expected ${expected === 'ok' ? 'success' : expected.join('|')}, got ${outcome} ${response.statusCode < 300 ? '' : response.json().detail ?? ''}`;
      if (mirror && matches(mirror.expected)) this.deviate(mirror.kind, detail);
      else throw new Error(`unexpected outcome — ${detail}`);
    }
    return response;
  }
}
