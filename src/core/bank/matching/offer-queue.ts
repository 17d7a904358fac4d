/**
 * The order in which lines take their candidates (BC's CreateAppliedEntries sorts the whole matching
 * buffer by Quality, No. of Entries): best score first; at equal score one-to-many groups first, then
 * statement line order, then the oldest due date. Each line's offers are sorted on their own and the
 * lines merged through a heap of their next offers — the same global order as one big sort, but a
 * line that is done drops out, so the work follows the offers taken, not all offers of all lines.
 */
import type { Candidate, PreparedLine } from './engine-types.ts';
import { TEXT_MAPPER_SCORE } from './rules.ts';
import type { MappingChoice } from './text-mapping.ts';

/** A line's text mapping, offered with score 3000. */
export interface MappingOffer {
  kind: 'mapping';
  lineIndex: number;
  mapping: MappingChoice;
  rank: number;
  dueDateKey: number;
  entryNo: number;
}

/** Candidates are offers themselves: 200,000 wrapper objects would cost more than the ordering. */
export type Offer = Candidate | MappingOffer;

/** Scores stay below this (High/1 = 3999). */
const SCORE_CEILING = 10_000;

/** Best score first, and at equal score a one-to-many group first, as one ascending number. */
export function offerRank(score: number, group: boolean): number {
  return (SCORE_CEILING - score) * 2 + (group ? 0 : 1);
}

/** A line's candidates and mapping, best first: rank, then the oldest due date, then entry no. */
export function lineOffers(candidates: readonly Candidate[], lineIndex: number, mapping: MappingChoice | null): Offer[] {
  const offers: Offer[] = [...candidates];
  if (mapping !== null) {
    offers.push({ kind: 'mapping', lineIndex, mapping, rank: offerRank(TEXT_MAPPER_SCORE, false), dueDateKey: 0, entryNo: 0 });
  }
  return offers.sort((a, b) => a.rank - b.rank || a.dueDateKey - b.dueDateKey || a.entryNo - b.entryNo);
}

/** Across lines: rank, then statement line order, then due date and entry no. */
function compareOffers(a: Offer, b: Offer, lineNos: Int32Array): number {
  return a.rank - b.rank || lineNos[a.lineIndex]! - lineNos[b.lineIndex]! || a.dueDateKey - b.dueDateKey || a.entryNo - b.entryNo;
}

/**
 * Hands out all lines' offers in the global order; `take` returns true when the line is done, and
 * its later offers are skipped.
 */
export function takeInOrder(offersByLine: readonly Offer[][], lines: readonly PreparedLine[], take: (offer: Offer) => boolean): void {
  const lineNos = Int32Array.from(lines, (line) => line.line.lineNo);
  const next = new Int32Array(offersByLine.length);
  const heap: number[] = [];
  const before = (a: number, b: number) => compareOffers(offersByLine[a]![next[a]!]!, offersByLine[b]![next[b]!]!, lineNos) < 0;
  offersByLine.forEach((offers, lineIndex) => {
    if (offers.length > 0) push(heap, lineIndex, before);
  });
  while (heap.length > 0) {
    const lineIndex = pop(heap, before);
    const done = take(offersByLine[lineIndex]![next[lineIndex]!]!);
    next[lineIndex]!++;
    if (!done && next[lineIndex]! < offersByLine[lineIndex]!.length) push(heap, lineIndex, before);
  }
}

function push(heap: number[], item: number, before: (a: number, b: number) => boolean): void {
  heap.push(item);
  let position = heap.length - 1;
  while (position > 0) {
    const parent = (position - 1) >> 1;
    if (!before(heap[position]!, heap[parent]!)) break;
    [heap[position], heap[parent]] = [heap[parent]!, heap[position]!];
    position = parent;
  }
}

function pop(heap: number[], before: (a: number, b: number) => boolean): number {
  const top = heap[0]!;
  const last = heap.pop()!;
  if (heap.length === 0) return top;
  heap[0] = last;
  let position = 0;
  for (;;) {
    const left = position * 2 + 1;
    const right = left + 1;
    let best = position;
    if (left < heap.length && before(heap[left]!, heap[best]!)) best = left;
    if (right < heap.length && before(heap[right]!, heap[best]!)) best = right;
    if (best === position) return top;
    [heap[position], heap[best]] = [heap[best]!, heap[position]!];
    position = best;
  }
}
