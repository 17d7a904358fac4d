/**
 * The payment application rules (BC's table 1252 "Bank Pmt. Appl. Rule"): the default table of
 * spec §22.3, the score that orders them, and the lookup from three criteria to the best rule.
 */
import type {
  AmountMatched, AutomaticConfidence, DocumentNoMatched, PaymentApplicationRule, RelatedPartyMatched,
  RuleConfidence, RuleReference,
} from './types.ts';

/** GetConfidenceScoreRange. */
const CONFIDENCE_SCORE_RANGE = 1000;
const confidenceRank: Record<RuleConfidence, number> = { low: 1, medium: 2, high: 3 };

/**
 * CalculateScore(Medium, 0) = 3000: a text mapping beats every Medium and Low rule (≤ 2999) and loses
 * to every High rule (≥ 3001), the "a High match overrides mappings" of spec §22.3.
 */
export const TEXT_MAPPER_SCORE = 3000;

type Row = [RuleConfidence, RelatedPartyMatched, DocumentNoMatched | 'notConsidered', AmountMatched | 'notConsidered'];

// Spec §22.3, in priority order within each confidence. BC's InsertDefaultMatchingRules has the same
// rows after a first High rule for direct debit collections, which Ledgerline does not have.
const defaultRows: readonly Row[] = [
  ['high', 'fully', 'yesMultiple', 'oneMatch'],
  ['high', 'fully', 'yesMultiple', 'multipleMatches'],
  ['high', 'fully', 'yes', 'oneMatch'],
  ['high', 'fully', 'yes', 'multipleMatches'],
  ['high', 'partially', 'yesMultiple', 'oneMatch'],
  ['high', 'partially', 'yesMultiple', 'multipleMatches'],
  ['high', 'partially', 'yes', 'oneMatch'],
  ['high', 'fully', 'no', 'oneMatch'],
  ['high', 'no', 'yesMultiple', 'oneMatch'],
  ['high', 'no', 'yesMultiple', 'multipleMatches'],
  ['medium', 'fully', 'yesMultiple', 'notConsidered'],
  ['medium', 'fully', 'yes', 'notConsidered'],
  ['medium', 'fully', 'no', 'multipleMatches'],
  ['medium', 'partially', 'yesMultiple', 'notConsidered'],
  ['medium', 'partially', 'yes', 'notConsidered'],
  ['medium', 'no', 'yes', 'oneMatch'],
  ['medium', 'no', 'yesMultiple', 'notConsidered'],
  ['medium', 'partially', 'no', 'oneMatch'],
  ['medium', 'no', 'yes', 'notConsidered'],
  ['low', 'fully', 'no', 'noMatches'],
  ['low', 'partially', 'no', 'multipleMatches'],
  ['low', 'partially', 'no', 'noMatches'],
  ['low', 'no', 'no', 'oneMatch'],
  ['low', 'no', 'no', 'multipleMatches'],
];

/** The standard rule table; BC marks Low and Medium rules Review Required. */
export const DEFAULT_PAYMENT_APPLICATION_RULES: readonly PaymentApplicationRule[] = numberRows(defaultRows);

function numberRows(rows: readonly Row[]): PaymentApplicationRule[] {
  const nextPriority: Record<RuleConfidence, number> = { low: 1, medium: 1, high: 1 };
  return rows.map(([matchConfidence, relatedPartyMatched, documentNoMatched, amountMatched]) => ({
    matchConfidence,
    priority: nextPriority[matchConfidence]++,
    relatedPartyMatched,
    documentNoMatched,
    amountMatched,
    reviewRequired: matchConfidence !== 'high',
  }));
}

/** BC's CalculateScore: confidence first, then priority (1 = best). */
export function ruleScore(confidence: RuleConfidence, priority: number): number {
  return (confidenceRank[confidence] + 1) * CONFIDENCE_SCORE_RANGE - priority;
}

/** BC's GetMatchConfidence(Match Quality). */
export function confidenceOfScore(score: number): AutomaticConfidence {
  if (score >= TEXT_MAPPER_SCORE && score < TEXT_MAPPER_SCORE + CONFIDENCE_SCORE_RANGE / 2) return 'highTextToAccountMapping';
  // Low/Medium/High scores lie in 1001–1999, 2001–2999, 3001–3999: the thousands are the option value.
  const rank = Math.floor(score / CONFIDENCE_SCORE_RANGE);
  if (rank >= confidenceRank.high) return 'high';
  if (rank === confidenceRank.medium) return 'medium';
  return rank === confidenceRank.low ? 'low' : 'none';
}

export interface Criteria {
  relatedParty: RelatedPartyMatched;
  documentNo: DocumentNoMatched;
  amount: AmountMatched;
}

/** The best rule for each of the 27 combinations of criteria, worked out once per rule table. */
export type RuleLookup = readonly (RuleReference | null)[];

const relatedPartyValues: readonly RelatedPartyMatched[] = ['fully', 'partially', 'no'];
const documentNoValues: readonly DocumentNoMatched[] = ['yes', 'yesMultiple', 'no'];
const amountValues: readonly AmountMatched[] = ['oneMatch', 'multipleMatches', 'noMatches'];
// Positions of the values above, for the 3 × 3 × 3 key (looked up for every candidate).
const relatedPartyPosition: Record<RelatedPartyMatched, number> = { fully: 0, partially: 1, no: 2 };
const documentNoPosition: Record<DocumentNoMatched, number> = { yes: 0, yesMultiple: 1, no: 2 };
const amountPosition: Record<AmountMatched, number> = { oneMatch: 0, multipleMatches: 1, noMatches: 2 };

export function buildRuleLookup(rules: readonly PaymentApplicationRule[]): RuleLookup {
  const lookup: (RuleReference | null)[] = [];
  for (const relatedParty of relatedPartyValues) {
    for (const documentNo of documentNoValues) {
      for (const amount of amountValues) lookup[criteriaKey({ relatedParty, documentNo, amount })] = bestRule(rules, { relatedParty, documentNo, amount });
    }
  }
  return lookup;
}

/** BC's GetBestMatchScore: the highest-scoring rule each of whose criteria is the value or Not Considered. */
function bestRule(rules: readonly PaymentApplicationRule[], criteria: Criteria): RuleReference | null {
  let best: RuleReference | null = null;
  for (const rule of rules) {
    if (!fits(rule.relatedPartyMatched, criteria.relatedParty)) continue;
    if (!fits(rule.documentNoMatched, criteria.documentNo)) continue;
    if (!fits(rule.amountMatched, criteria.amount)) continue;
    const score = ruleScore(rule.matchConfidence, rule.priority);
    if (best === null || score > best.score) {
      best = { matchConfidence: rule.matchConfidence, priority: rule.priority, score, reviewRequired: rule.reviewRequired };
    }
  }
  return best;
}

function fits(ruleValue: string, value: string): boolean {
  return ruleValue === 'notConsidered' || ruleValue === value;
}

const internedCriteria: Criteria[] = [];
for (const relatedParty of relatedPartyValues) {
  for (const documentNo of documentNoValues) {
    for (const amount of amountValues) internedCriteria[criteriaKey({ relatedParty, documentNo, amount })] = Object.freeze({ relatedParty, documentNo, amount });
  }
}

/** The one shared, frozen object for a combination: candidates keep it without allocating their own. */
export function criteriaOf(relatedParty: RelatedPartyMatched, documentNo: DocumentNoMatched, amount: AmountMatched): Criteria {
  return internedCriteria[relatedPartyPosition[relatedParty] * 9 + documentNoPosition[documentNo] * 3 + amountPosition[amount]]!;
}

export function findRule(lookup: RuleLookup, criteria: Criteria): RuleReference | null {
  return lookup[criteriaKey(criteria)] ?? null;
}

function criteriaKey(criteria: Criteria): number {
  return relatedPartyPosition[criteria.relatedParty] * 9 + documentNoPosition[criteria.documentNo] * 3 + amountPosition[criteria.amount];
}
