/**
 * What a line says about its match (BC's Payment Application Review and Payment Matching Details):
 * the three criteria of what it was applied to, how many candidates were as good, the candidates it
 * beat, the text mapping and the notes; and the line's resulting fields.
 */
import { type Decimal, sum } from '../../money/decimal.ts';
import type { LineAssignment } from './assignment.ts';
import type { EngineIndex } from './engine-index.ts';
import type { Candidate, PreparedLine } from './engine-types.ts';
import { comparedAmountOf } from './entry-index.ts';
import { TEXT_MAPPER_SCORE, confidenceOfScore } from './rules.ts';
import { lineDescriptions, matchRelatedParty } from './related-party.ts';
import { nameNearness } from './string-nearness.ts';
import type { MappingMatch } from './text-mapping.ts';
import type { CandidateSummary, CriteriaExplanation, LineMatch, MatchNote, RelatedPartyExplanation } from './types.ts';

/** The explanation lists this many of the candidates the chosen one beat. */
export const BEATEN_SHOWN = 3;

export function explainLine(
  line: PreparedLine,
  candidates: readonly Candidate[],
  assignment: LineAssignment,
  mapping: MappingMatch | null,
  notes: readonly MatchNote[],
  index: EngineIndex,
): LineMatch {
  const { candidate: chosen, appliedEntries } = assignment;
  const statementAmount = line.line.statementAmount;
  const appliedAmount = assignment.mapping !== null ? statementAmount : sum(appliedEntries.map((entry) => entry.appliedAmount));
  const score = assignment.mapping !== null ? null : chosen?.rule.score ?? null;
  return {
    lineNo: line.line.lineNo,
    skipped: false,
    accountType: assignment.mapping?.accountType ?? appliedEntries[0]?.accountType ?? '',
    accountNo: assignment.mapping?.accountNo ?? appliedEntries[0]?.accountNo ?? '',
    appliedEntries,
    appliedAmount,
    difference: statementAmount.minus(appliedAmount),
    matchConfidence: assignment.mapping !== null ? 'highTextToAccountMapping' : chosen ? confidenceOfScore(chosen.rule.score) : 'none',
    matchQuality: assignment.mapping !== null ? TEXT_MAPPER_SCORE : score ?? 0,
    rule: assignment.mapping !== null ? null : chosen?.rule ?? null,
    reviewRequired: assignment.mapping === null && (chosen?.rule.reviewRequired ?? false),
    explanation: {
      criteria: chosen && assignment.mapping === null ? criteriaOf(line, chosen, assignment.appliedEntryIndexes[0]!, index) : null,
      equallyGoodEntries: score === null ? 0 : countAlternatives(candidates, (candidate) => candidate.rule.score === score),
      sameConfidenceEntries: score === null ? 0
        : countAlternatives(candidates, (candidate) => confidenceOfScore(candidate.rule.score) === confidenceOfScore(score)),
      beaten: beatenBy(candidates, assignment.mapping === null ? chosen : null, index),
      textMapping: assignment.mapping,
      notes: [...notes, ...assignment.notes, ...mappingNotes(assignment, mapping)],
    },
  };
}

function countAlternatives(candidates: readonly Candidate[], counts: (candidate: Candidate) => boolean): number {
  return candidates.reduce((total, candidate) => total + (counts(candidate) ? candidate.alternatives : 0), 0);
}

function mappingNotes(assignment: LineAssignment, mapping: MappingMatch | null): MatchNote[] {
  if (mapping === null) return [];
  if (mapping.choice === null) return [{ kind: 'textMappingAmbiguous', mappingTexts: mapping.ambiguous }];
  if (assignment.mapping !== null || assignment.candidate === null) return [];
  return [{ kind: 'textMappingOverridden', mappingText: mapping.choice.mappingText, confidence: confidenceOfScore(assignment.candidate.rule.score) }];
}

function criteriaOf(line: PreparedLine, chosen: Candidate, appliedIndex: number, index: EngineIndex): CriteriaExplanation {
  const entry = index.entries[appliedIndex]!;
  // A pool's first alternative stands for all of them; describe the entry actually applied.
  const comparedAmount: Decimal = chosen.kind === 'pool' ? comparedAmountOf(entry, line.line.transactionDate) : chosen.comparedAmount;
  return {
    relatedParty: relatedPartyDetail(line, chosen, entry.accountId, index),
    documentNo: {
      result: chosen.criteria.documentNo,
      found: chosen.documents.map((hit) => ({ entryNo: index.entries[hit.entryIndex]!.entry.entryNo, field: hit.field, value: hit.value })),
    },
    amount: {
      result: chosen.criteria.amount, minimum: line.range.minimum, maximum: line.range.maximum, comparedAmount,
      entriesInRange: chosen.alternativesInRange?.[chosen.entries.indexOf(appliedIndex)] ?? (chosen.criteria.amount === 'oneMatch' ? 1 : chosen.entriesInRange),
    },
  };
}

/**
 * Criterion 1 spelled out for the account applied to: matching kept only the result; the figure is
 * worked out here, even where matching skipped it (a name that could not reach 95). A party left
 * uncompared in a crowded amount range stays No, as it was scored.
 */
function relatedPartyDetail(line: PreparedLine, chosen: Candidate, accountId: number, index: EngineIndex): RelatedPartyExplanation {
  const detail = matchRelatedParty(line, index.accounts[accountId]!, index.relatedParty, lineDescriptions(line));
  if (detail.result !== chosen.criteria.relatedParty) return { ...detail, result: chosen.criteria.relatedParty, nearness: null, nameUnique: null, addressAndCityEqual: false };
  if (detail.nearness !== null || detail.partyName === '' || index.relatedParty.nameMatching !== 'stringNearness') return detail;
  if (detail.basis !== 'relatedPartyName' && detail.basis !== 'transactionText') return detail;
  const description = detail.basis === 'relatedPartyName' ? line.line.relatedPartyName : line.line.transactionText;
  return { ...detail, nearness: nameNearness(description, detail.partyName) };
}

function beatenBy(candidates: readonly Candidate[], chosen: Candidate | null, index: EngineIndex): CandidateSummary[] {
  return candidates
    .filter((candidate) => candidate !== chosen)
    // The order lines take candidates in (offer-queue.ts): by score, then the oldest due date.
    .sort((a, b) => a.rank - b.rank || a.dueDateKey - b.dueDateKey || a.entryNo - b.entryNo)
    .slice(0, BEATEN_SHOWN)
    .map((candidate) => {
      const account = index.accounts[candidate.accountId]!;
      return {
        entryNos: candidate.entries.slice(0, candidate.kind === 'pool' ? 1 : undefined).map((entryIndex) => index.entries[entryIndex]!.entry.entryNo),
        alternatives: candidate.alternatives,
        accountType: account.type, accountNo: account.no, rule: candidate.rule,
        relatedParty: candidate.criteria.relatedParty, documentNo: candidate.criteria.documentNo, amount: candidate.criteria.amount,
      };
    });
}
