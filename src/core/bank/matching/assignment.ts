/**
 * Turning every line's candidates into applications (BC's CreateAppliedEntries): all candidates of
 * all lines in one order, best score first (offer-queue.ts), and each line takes its best candidate
 * that can still be applied. So when one entry is the best match of several lines, the line with
 * the better score gets it and the others fall to their next candidate; an entry another line paid
 * only in part stays available for the rest (BC's CanApplyManyToOne). A text mapping takes part
 * with score 3000.
 */
import type { Decimal } from '../../money/decimal.ts';
import { ZERO } from '../../money/decimal.ts';
import { applicationToEntry } from './application.ts';
import type { Candidate, PreparedEntry, PreparedLine } from './engine-types.ts';
import { type Offer, lineOffers, takeInOrder } from './offer-queue.ts';
import type { MappingChoice } from './text-mapping.ts';
import type { AppliedEntry, MatchNote } from './types.ts';

export interface LineAssignment {
  candidate: Candidate | null;
  mapping: MappingChoice | null;
  appliedEntries: AppliedEntry[];
  /** The prepared entries behind appliedEntries, in the same order. */
  appliedEntryIndexes: number[];
  notes: MatchNote[];
}

export interface AssignmentResult {
  lines: LineAssignment[];
  /** Entry index → line indexes it was applied to. */
  appliedTo: Map<number, number[]>;
  /** Entry index → the lines whose first choice it was (a group's entries, a pool's first entry), with the score. */
  preferredBy: Map<number, Array<{ lineIndex: number; score: number }>>;
}

interface State {
  lines: readonly PreparedLine[];
  entries: readonly PreparedEntry[];
  result: LineAssignment[];
  remaining: Decimal[];
  closedByEntry: Map<number, Decimal>;
  appliedTo: Map<number, number[]>;
}

/** Notes about better candidates a line lost are kept to this many. */
const TAKEN_NOTES_LIMIT = 3;

export function assignCandidates(
  lines: readonly PreparedLine[],
  candidatesByLine: ReadonlyArray<readonly Candidate[]>,
  mappings: ReadonlyArray<MappingChoice | null>,
  entries: readonly PreparedEntry[],
): AssignmentResult {
  const state: State = {
    lines, entries,
    result: lines.map(() => ({ candidate: null, mapping: null, appliedEntries: [], appliedEntryIndexes: [], notes: [] })),
    remaining: lines.map((line) => line.line.statementAmount),
    closedByEntry: new Map(),
    appliedTo: new Map(),
  };
  const offersByLine = lines.map((_line, lineIndex) => lineOffers(candidatesByLine[lineIndex]!, lineIndex, mappings[lineIndex]!));
  takeInOrder(offersByLine, lines, (offer) => {
    const assignment = state.result[offer.lineIndex]!;
    if (offer.kind === 'mapping') {
      assignment.mapping = offer.mapping;
      state.remaining[offer.lineIndex] = ZERO;
    } else if (offer.kind === 'group') {
      applyGroup(state, offer);
    } else {
      applySingle(state, offer);
    }
    return assignment.candidate !== null || assignment.mapping !== null;
  });
  return { lines: state.result, appliedTo: state.appliedTo, preferredBy: preferredBy(offersByLine) };
}

function preferredBy(offersByLine: readonly Offer[][]): Map<number, Array<{ lineIndex: number; score: number }>> {
  const preferred = new Map<number, Array<{ lineIndex: number; score: number }>>();
  offersByLine.forEach((offers, lineIndex) => {
    const first = offers[0];
    if (first === undefined || first.kind === 'mapping') return;
    for (const entryIndex of first.kind === 'group' ? first.entries : first.entries.slice(0, 1)) {
      const claim = { lineIndex, score: first.rule.score };
      const claims = preferred.get(entryIndex);
      if (claims === undefined) preferred.set(entryIndex, [claim]);
      else claims.push(claim);
    }
  });
  return preferred;
}

/** One entry (the first of a pool that can still take money). */
function applySingle(state: State, candidate: Candidate): void {
  for (const entryIndex of candidate.entries) {
    if (apply(state, candidate.lineIndex, entryIndex)) {
      state.result[candidate.lineIndex]!.candidate = candidate;
      return;
    }
    noteTaken(state, candidate.lineIndex, entryIndex);
  }
}

/**
 * BC's ApplyOneToMany: the group's entries by due date, skipping entries another line has; once the
 * statement amount is used up the rest are noted as not applied. Applied only if one entry was.
 */
function applyGroup(state: State, candidate: Candidate): void {
  const assignment = state.result[candidate.lineIndex]!;
  let appliedAny = false;
  for (const entryIndex of candidate.entries) {
    const entry = state.entries[entryIndex]!.entry;
    if (state.remaining[candidate.lineIndex]!.isZero()) {
      assignment.notes.push({ kind: 'documentNotApplied', entryNo: entry.entryNo, documentNo: entry.documentNo });
    } else if (state.appliedTo.has(entryIndex)) {
      noteTaken(state, candidate.lineIndex, entryIndex);
    } else {
      appliedAny = apply(state, candidate.lineIndex, entryIndex) || appliedAny;
    }
  }
  if (appliedAny) assignment.candidate = candidate;
  else assignment.notes = assignment.notes.filter((note) => note.kind !== 'documentNotApplied');
}

function apply(state: State, lineIndex: number, entryIndex: number): boolean {
  const prepared = state.entries[entryIndex]!;
  const closedBefore = state.closedByEntry.get(entryIndex) ?? ZERO;
  const application = applicationToEntry(prepared, state.lines[lineIndex]!.line.transactionDate, state.remaining[lineIndex]!, closedBefore);
  if (application === null) return false;
  const { entry } = prepared;
  state.result[lineIndex]!.appliedEntries.push({
    entryNo: entry.entryNo, accountType: entry.accountType, accountNo: entry.accountNo, documentType: entry.documentType,
    documentNo: entry.documentNo, externalDocumentNo: entry.externalDocumentNo, dueDate: entry.dueDate,
    appliedAmount: application.appliedAmount, appliedPaymentDiscount: application.appliedPaymentDiscount,
  });
  state.result[lineIndex]!.appliedEntryIndexes.push(entryIndex);
  state.remaining[lineIndex] = state.remaining[lineIndex]!.minus(application.appliedAmount);
  state.closedByEntry.set(entryIndex, closedBefore.plus(application.closingAmount));
  state.appliedTo.set(entryIndex, [...(state.appliedTo.get(entryIndex) ?? []), lineIndex]);
  return true;
}

function noteTaken(state: State, lineIndex: number, entryIndex: number): void {
  const notes = state.result[lineIndex]!.notes;
  const takers = state.appliedTo.get(entryIndex);
  if (takers === undefined || notes.filter((note) => note.kind === 'entryTakenByOtherLine').length >= TAKEN_NOTES_LIMIT) return;
  const entryNo = state.entries[entryIndex]!.entry.entryNo;
  if (notes.some((note) => note.kind === 'entryTakenByOtherLine' && note.entryNo === entryNo)) return;
  notes.push({ kind: 'entryTakenByOtherLine', entryNo, lineNos: takers.map((taker) => state.lines[taker]!.line.lineNo) });
}
