/**
 * Apply Automatically for a payment reconciliation journal (spec §22.3; BC's codeunit 1255 "Match
 * Bank Payments"), pure: the steps in order — build the indexes once, find and score each line's
 * candidates, look up its text mapping, assign all lines together best score first, and explain.
 * Time grows with lines + entries (+ the candidates found), not lines × entries.
 */
import { ZERO } from '../../money/decimal.ts';
import { assignCandidates } from './assignment.ts';
import { buildEngineIndex, isLineSkipped, prepareLine } from './engine-index.ts';
import type { Candidate, PreparedEntry, PreparedLine } from './engine-types.ts';
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
    contestedEntries: contestedEntries(lines, candidates, assignment.appliedTo, index.entries),
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
 * Entries that were the best candidate of more than one line (a pool claims its first entry), with
 * the lines that got them (BC's "alternative statement lines … applied to the same ledger entry").
 */
function contestedEntries(
  lines: readonly PreparedLine[],
  candidatesByLine: ReadonlyArray<readonly Candidate[]>,
  appliedTo: ReadonlyMap<number, readonly number[]>,
  entries: readonly PreparedEntry[],
): ContestedEntry[] {
  const claims = new Map<number, Array<{ lineNo: number; score: number }>>();
  candidatesByLine.forEach((candidates, lineIndex) => {
    const best = Math.max(0, ...candidates.map((candidate) => candidate.rule.score));
    const claimed = new Set(candidates.filter((candidate) => candidate.rule.score === best)
      .flatMap((candidate) => (candidate.kind === 'pool' ? candidate.entries.slice(0, 1) : candidate.entries)));
    for (const entryIndex of claimed) {
      const claim = { lineNo: lines[lineIndex]!.line.lineNo, score: best };
      const existing = claims.get(entryIndex);
      if (existing === undefined) claims.set(entryIndex, [claim]);
      else existing.push(claim);
    }
  });
  return [...claims].filter(([, lineClaims]) => lineClaims.length > 1).map(([entryIndex, lineClaims]) => ({
    entryNo: entries[entryIndex]!.entry.entryNo,
    claims: lineClaims.sort((a, b) => b.score - a.score || a.lineNo - b.lineNo),
    appliedTo: (appliedTo.get(entryIndex) ?? []).map((lineIndex) => lines[lineIndex]!.line.lineNo),
  })).sort((a, b) => a.entryNo - b.entryNo);
}
