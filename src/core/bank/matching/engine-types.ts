/**
 * The engine's own working shapes: open entries and accounts prepared once for all lines, the
 * statement line prepared once, and the candidates a line produces.
 */
import type { IsoDate } from '../../dates/calendar-date.ts';
import type { Decimal } from '../../money/decimal.ts';
import type { Criteria } from './rules.ts';
import type { AmountRange } from './tolerance.ts';
import type { DocumentMatchField, OpenEntry, Party, PartyType, RuleReference, StatementLine } from './types.ts';

export interface PreparedEntry {
  index: number;
  entry: OpenEntry;
  accountId: number;
  negative: boolean;
  /** The due date as YYYYMMDD. */
  dueDateKey: number;
  /** Up to this date the discounted amount is compared (the later of discount and tolerance date); null: no discount. */
  discountComparisonDate: IsoDate | null;
  /** Remaining amount − remaining payment discount possible. */
  remainingInclDiscount: Decimal;
}

export interface PreparedParty {
  party: Party;
  /** Bank account numbers without spaces and special characters, upper-cased, 4 or more long. */
  bankAccountKeys: readonly string[];
  /** The name's 4-gram codes by position, for the quick nearness bound. */
  nameGrams: Int32Array;
}

/** A customer or vendor that has open entries. */
export interface AccountInfo {
  id: number;
  type: PartyType;
  no: string;
  party: PreparedParty | null;
  /** Entry indexes, by due date then entry no. */
  entries: readonly number[];
  /** Posting dates of the account's positive and negative entries, sorted. */
  positivePostingDates: readonly IsoDate[];
  negativePostingDates: readonly IsoDate[];
}

export interface PreparedLine {
  index: number;
  line: StatementLine;
  negative: boolean;
  /** Upper-cased Transaction Text + ' ' + Additional Transaction Info (BC's DocumentMatching). */
  searchText: string;
  bankAccountKey: string;
  range: AmountRange;
}

export interface DocumentHit {
  entryIndex: number;
  field: DocumentMatchField;
  value: string;
}

export type CandidateKind = 'entry' | 'group' | 'pool';

/**
 * What a line may be applied to: one entry; a one-to-many group (all its entries together); or a
 * pool of entries that all score the same (any one of them, best first; `alternatives` counts them all).
 */
export interface Candidate {
  lineIndex: number;
  kind: CandidateKind;
  accountId: number;
  entries: readonly number[];
  alternatives: number;
  rule: RuleReference;
  criteria: Criteria;
  documents: readonly DocumentHit[];
  comparedAmount: Decimal;
  entriesInRange: number;
  /** A pool spanning accounts: entries in range of each alternative's account (entriesInRange is the first's). */
  alternativesInRange?: readonly number[];
  /** Order keys (offer-queue.ts): score and kind as one number, then the first entry's due date and entry no. */
  rank: number;
  dueDateKey: number;
  entryNo: number;
}
