/**
 * Numbers drawn last (DESIGN §4 step 4, §5): a posting is planned with placeholder document numbers,
 * the number series are advanced only once everything is planned and checked, just before the
 * append, and the placeholders are then replaced. A preview peeks instead of drawing, so it
 * consumes nothing; a posting refused by a check never reaches the draw.
 */
import type { Executor } from '../db/connection.ts';
import type { SQL } from 'drizzle-orm';
import { drawEntryNumbers, drawEntryNumbersWith, type EntryNumbers, type RowCounts } from '../ledger/entry-numbers.ts';
import { drawFromLockedLines, lockedSeriesLinesOf, lockedSeriesLinesQuery, peekNumber, seriesCodes } from '../number-series/no-series.commands.ts';

/** One number to draw from a series; `token` stands for it in the plan until then. */
export interface NumberRequest {
  token: string;
  series: string;
}

/** A placeholder no document number can be: NUL never passes input validation. */
export function numberToken(name: string): string {
  return `\u0000${name}\u0000`;
}

/**
 * Draws the posting's entry numbers and its document numbers in one statement, which locks the
 * series lines until COMMIT; `update` advances the series, for the caller to send with the posting's
 * writes (one statement to COMMIT).
 */
export async function drawNumbers(
  tx: Executor, counts: RowCounts, requests: readonly NumberRequest[], postingDate: string,
): Promise<{ entryNumbers: EntryNumbers; numbers: Map<string, string>; update: SQL | null }> {
  const locked = requests.length === 0 ? null : lockedSeriesLinesQuery(seriesCodes(requests));
  const { numbers: entryNumbers, rows } = locked ? await drawEntryNumbersWith(tx, counts, locked) : { numbers: await drawEntryNumbers(tx, counts), rows: [] };
  const { drawn, update } = await drawFromLockedLines(tx, lockedSeriesLinesOf(rows), requests, postingDate);
  return { entryNumbers, numbers: new Map(requests.map((request, index) => [request.token, drawn[index]!.number])), update };
}

/** The numbers a posting would draw now, read without advancing the series. */
export async function peekNumbers(tx: Executor, requests: readonly NumberRequest[], postingDate: string): Promise<Map<string, string>> {
  const numbers = new Map<string, string>();
  for (const request of requests) numbers.set(request.token, (await peekNumber(tx, request.series, postingDate)).number);
  return numbers;
}

/**
 * The plan with every placeholder replaced; a plain object or array holding one is copied, one that
 * holds none is kept as it is (most of a plan: amounts, dimensions, item facts), as are other
 * objects (Decimal). An object met again (the document many entries share) is resolved once. A
 * 1,000-line plan holds some 180,000 values: a key loop walks them about four times faster than
 * Object.entries/fromEntries.
 */
export function resolveNumbers<T>(value: T, numbers: ReadonlyMap<string, string>): T {
  return resolved(value, numbers, new Map());
}

/** `done`: the objects already resolved, so one shared by many entries (their document) is copied once and stays shared. */
function resolved<T>(value: T, numbers: ReadonlyMap<string, string>, done: Map<object, unknown>): T {
  if (typeof value === 'string') return (value.includes('\u0000') ? replaceTokens(value, numbers) : value) as T;
  if (typeof value !== 'object' || value === null) return value;
  const known = done.get(value);
  if (known !== undefined) return known as T;
  let result: unknown = value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item = resolved(value[index], numbers, done);
      if (item !== value[index]) (copy ??= value.slice())[index] = item;
    }
    result = copy ?? value;
  } else if (isPlainObject(value)) {
    const source = value as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    // for…in: no array of keys per object (a plain object inherits no enumerable key).
    for (const key in source) {
      const item = resolved(source[key], numbers, done);
      if (item !== source[key]) (copy ??= { ...source })[key] = item;
    }
    result = copy ?? value;
  }
  done.set(value, result);
  return result as T;
}

function replaceTokens(text: string, numbers: ReadonlyMap<string, string>): string {
  let result = text;
  for (const [token, number] of numbers) result = result.replaceAll(token, number);
  return result;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
