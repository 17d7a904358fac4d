/**
 * Apply Automatically for a payment reconciliation journal (spec §22.3; BC's codeunit 1255 "Match
 * Bank Payments"), pure: the steps in order — build the indexes once, find and score each line's
 * candidates, look up its text mapping, assign all lines together best score first, and explain.
 * Time grows with lines + entries (+ the candidates found), not lines × entries.
 */
import { ZERO } from '../../money/decimal.ts';
import { type AssignmentResult, assignCandidates } from './assignment.ts';
import { buildEngineIndex, isLineSkipped, prepareLine } from './engine-index.ts';
import type { PreparedEntry, PreparedLine } from './engine-types.ts';
import { explainLine } from './explanation.ts';
import { evaluateLine } from './line-candidates.ts';
import { findTextMapping, prepareMappings } from './text-mapping.ts';
import type { ContestedEntry, LineMatch, MatchingInput, MatchingResult, MatchNote, StatementLine } from './types.ts';

export function applyAutomatically(input: MatchingInput): MatchingResult {
  const index = buildEngineIndex(input);
  const mappings = prepareMappings(input.textMappings ?? []);
  const matched = input.lines.filter((line) => isLineSkipped(line) === null);
  const lines = matched.map((line, position) => prepareLine(line, position, input.tolerance, input.amountRoundingPrecision));

  const evaluations = lines.map((line) => evaluateLine(line, index));
  const textMappings = lines.map((line) => findTextMapping(mappings, line.line));
  const candidates = evaluations.map((evaluation) => evaluation.candidates);
  const assignment = assignCandidates(lines, candidates, textMappings.map((mapping) => mapping?.choice ?? null), index.entries);

  const explained = new Map<StatementLine, LineMatch>(lines.map((line, position) => [line.line, explainLine(
    line, evaluations[position]!.candidates, assignment.lines[position]!, textMappings[position]!, evaluations[position]!.notes, index,
  )]));
  return {
    lines: input.lines.map((line) => explained.get(line) ?? skippedLine(line)),
    contestedEntries: contestedEntries(lines, assignment, index.entries),
  };
}

function skippedLine(line: StatementLine): LineMatch {
  const reason = isLineSkipped(line)!;
  const notes: MatchNote[] = [{ kind: 'skipped', reason }];
  return {
    lineNo: line.lineNo, skipped: true, accountType: '', accountNo: '', appliedEntries: [], appliedAmount: ZERO,
    difference: line.statementAmount, matchConfidence: line.matchConfidence, matchQuality: 0, rule: null, reviewRequired: false,
    explanation: { criteria: null, equallyGoodEntries: 0, sameConfidenceEntries: 0, beaten: [], textMapping: null, notes },
  };
}

/**
 * Entries that were the first choice of more than one line, with the lines that got them (BC's
 * "alternative statement lines … could be applied to the same ledger entry").
 */
function contestedEntries(lines: readonly PreparedLine[], assignment: AssignmentResult, entries: readonly PreparedEntry[]): ContestedEntry[] {
  const lineNo = (lineIndex: number) => lines[lineIndex]!.line.lineNo;
  return [...assignment.preferredBy].filter(([, claims]) => claims.length > 1).map(([entryIndex, claims]) => ({
    entryNo: entries[entryIndex]!.entry.entryNo,
    claims: claims.map((claim) => ({ lineNo: lineNo(claim.lineIndex), score: claim.score })).sort((a, b) => b.score - a.score || a.lineNo - b.lineNo),
    appliedTo: (assignment.appliedTo.get(entryIndex) ?? []).map(lineNo),
  })).sort((a, b) => a.entryNo - b.entryNo);
}
