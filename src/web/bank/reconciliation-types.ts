/**
 * The payment reconciliation journal's answers as the web app reads them, derived from core's
 * response views (src/core/bank/reconciliation.views.ts) and the matching engine's explanation
 * (src/core/bank/matching/types.ts), so the page reads what the server sends. Decimals are strings.
 */
import type { z } from 'zod';
import type { LineExplanation, MatchConfidence, RuleReference } from '../../core/bank/matching/types.ts';
import type { applyManually, reconciliationLineCreate, transferDifference } from '../../core/bank/reconciliation.schemas.ts';
import type {
  applyAutomaticallyView, reconciliationLineView, reconciliationPostingResultView, reconciliationView, statementImportView,
} from '../../core/bank/reconciliation.views.ts';
import type { Decimal } from '../../core/money/decimal.ts';

export type { MatchConfidence } from '../../core/bank/matching/types.ts';

export type Reconciliation = z.output<typeof reconciliationView>;
export type ReconciliationLine = z.output<typeof reconciliationLineView>;
export type AppliedPaymentEntry = ReconciliationLine['appliedEntries'][number];
export type StatementImportResult = z.output<typeof statementImportView> & { bankAccountNo: string; statementNo: string };
export type ApplyAutomaticallyResult = z.output<typeof applyAutomaticallyView>;
export type ReconciliationPostingResult = z.output<typeof reconciliationPostingResultView>;

export type LineCreateRequest = z.input<typeof reconciliationLineCreate>;
export type ApplyManuallyRequest = z.input<typeof applyManually>;
export type TransferDifferenceRequest = z.input<typeof transferDifference>;
/** Map Text to Account (src/server/bank/map-text-to-account.ts): the mapping text and the G/L accounts by the line's sign. */
export interface MapTextRequest { mappingText?: string; debitAccNo?: string; creditAccNo?: string }
/** Post and Test Report: reconcile true = Post Payments and Reconcile Bank Account, false = Post Payments Only. */
export interface ReconciliationPostRequest { reconcile: boolean; acceptPaymentTolerance: boolean; acceptPaymentDiscountTolerance: boolean }

/** All lines, Lines to Review, Lines with Difference (the lines route's `filter`). */
export type LineFilter = 'all' | 'toReview' | 'withDifference';

/** A statement: the bank account and its statement no. */
export interface StatementKey { bankAccountNo: string; statementNo: string }

/** What JSON makes of a value: a Decimal travels as its string. */
type Wire<T> = T extends Decimal ? string
  : T extends readonly (infer Element)[] ? readonly Wire<Element>[]
  : T extends object ? { readonly [Key in keyof T]: Wire<T[Key]> }
  : T;

/** A line's matchDetails as Apply Automatically stores it: the rule, whether to review, and the explanation. */
export type MatchDetails = Wire<LineExplanation> & { rule: RuleReference | null; reviewRequired: boolean };
export type CriteriaDetails = NonNullable<MatchDetails['criteria']>;
export type CandidateDetails = MatchDetails['beaten'][number];
export type MatchNoteDetails = MatchDetails['notes'][number];

const confidences: readonly MatchConfidence[] = ['none', 'low', 'medium', 'high', 'highTextToAccountMapping', 'manual', 'accepted'];

/** The line's Match Confidence; an unknown value reads as None. */
export function confidenceOf(line: Pick<ReconciliationLine, 'matchConfidence'>): MatchConfidence {
  return (confidences as readonly string[]).includes(line.matchConfidence) ? line.matchConfidence as MatchConfidence : 'none';
}

/** The stored explanation, or null when the line has none (typed by hand, or matched before explanations). */
export function matchDetailsOf(line: Pick<ReconciliationLine, 'matchDetails'>): MatchDetails | null {
  const details = line.matchDetails;
  return typeof details === 'object' && details !== null && 'notes' in details && 'beaten' in details ? details as MatchDetails : null;
}
