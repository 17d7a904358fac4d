/**
 * The candidates of one statement line (BC's FindMatchingEntries, MatchEntries and the one-to-many
 * buffer), found through the indexes instead of a look at every open entry: entries the text or
 * payment reference names, entries whose amount is in range, and every entry of a party the
 * statement identifies. Each gets the three criteria and the best rule for them; candidates without
 * a rule are dropped.
 */
import type { Decimal } from '../../money/decimal.ts';
import { sum } from '../../money/decimal.ts';
import { type AmountHits, entriesInRange } from './amount-index.ts';
import { findDocuments } from './document-index.ts';
import type { EngineIndex } from './engine-index.ts';
import type { Candidate, DocumentHit, PreparedEntry, PreparedLine } from './engine-types.ts';
import { canEntryMatch, compareByDueDate, comparedAmountOf } from './entry-index.ts';
import { accountsByBankAccount, normalizedName } from './party-index.ts';
import { type LineDescriptions, lineDescriptions, relatedPartyResult } from './related-party.ts';
import { hitAmount, inRangeOfAccount, isInRange, type LineMarks, markLine, markRelatedParty, relatedPartyMark } from './line-marks.ts';
import { offerRank } from './offer-queue.ts';
import { criteriaOf, findRule } from './rules.ts';
import { inRange } from './tolerance.ts';
import type { AmountMatched, MatchNote, RelatedPartyMatched } from './types.ts';

/** Above this many entries in the amount range, only parties found otherwise are compared by name. */
export const CROWDED_RANGE_LIMIT = 200;
/** A pool keeps this many alternatives (and counts the rest). */
export const POOL_LIMIT = 16;

export interface LineEvaluation {
  candidates: Candidate[];
  notes: MatchNote[];
}

/** What one line found, shared by the steps that turn it into candidates (amounts and parties in index.marks). */
interface LineFindings {
  line: PreparedLine;
  index: EngineIndex;
  marks: LineMarks;
  documents: Map<number, DocumentHit>;
  hits: AmountHits;
  descriptions: LineDescriptions;
  candidates: Candidate[];
}

export function evaluateLine(line: PreparedLine, index: EngineIndex): LineEvaluation {
  const date = line.line.transactionDate;
  const documents = findDocuments(index.documents, line.searchText, line.line.paymentReferenceNo);
  for (const entryIndex of documents.keys()) if (!canEntryMatch(index.entries[entryIndex]!, line.negative, date)) documents.delete(entryIndex);
  const hits = entriesInRange(index.amounts, index.entries, line.range, date);
  const marks = index.marks;
  markLine(marks, hits, index.entries);
  const findings: LineFindings = { line, index, marks, documents, hits, descriptions: lineDescriptions(line), candidates: [] };
  const crowded = hits.entryIndexes.length > CROWDED_RANGE_LIMIT;
  const compared = accountsToCompare(findings, hits, crowded);
  for (const accountId of compared) markRelatedParty(marks, accountId, relatedPartyResult(line, index.accounts[accountId]!, index.relatedParty, findings.descriptions));
  addDocumentCandidates(findings);
  addAmountCandidates(findings, hits);
  for (const accountId of compared) addRestPool(findings, accountId);
  return { candidates: findings.candidates, notes: crowded ? [{ kind: 'amountRangeCrowded', entriesInRange: hits.entryIndexes.length }] : [] };
}

/**
 * Parties whose name is compared with the line: those the bank account or the exact related-party
 * name identifies, those with an entry the text names, and those with an entry in the amount range
 * (unless the range is crowded). BC compares every party with open entries.
 */
function accountsToCompare(findings: LineFindings, hits: AmountHits, crowded: boolean): Set<number> {
  const { line, index } = findings;
  const accounts = new Set<number>(line.bankAccountKey === '' ? [] : accountsByBankAccount(index.parties, line.bankAccountKey));
  for (const accountId of index.parties.byName.get(normalizedName(line.line.relatedPartyName)) ?? []) accounts.add(accountId);
  for (const entryIndex of findings.documents.keys()) accounts.add(index.entries[entryIndex]!.accountId);
  if (!crowded) for (const entryIndex of hits.entryIndexes) accounts.add(index.entries[entryIndex]!.accountId);
  return accounts;
}

/** Parties not compared (a crowded amount range) count as No. */
function relatedPartyOf(findings: LineFindings, accountId: number): RelatedPartyMatched {
  return relatedPartyMark(findings.marks, accountId) ?? 'no';
}

/** Criterion 3 for one entry: its amount in range, and whether its account has other entries in range. */
function amountOf(findings: LineFindings, entry: PreparedEntry): { result: AmountMatched; compared: Decimal; inRange: number } {
  const inRangeCount = inRangeOfAccount(findings.marks, entry.accountId);
  const compared = hitAmount(findings.marks, findings.hits, entry.index);
  if (compared === undefined) return { result: 'noMatches', compared: comparedAmountOf(entry, findings.line.line.transactionDate), inRange: inRangeCount };
  return { result: inRangeCount === 1 ? 'oneMatch' : 'multipleMatches', compared, inRange: inRangeCount };
}

function addDocumentCandidates(findings: LineFindings): void {
  const byAccount = new Map<number, DocumentHit[]>();
  for (const hit of findings.documents.values()) {
    const entry = findings.index.entries[hit.entryIndex]!;
    const amount = amountOf(findings, entry);
    const criteria = criteriaOf(relatedPartyOf(findings, entry.accountId), 'yes', amount.result);
    addCandidate(findings, { kind: 'entry', entries: single(findings, entry.index), alternatives: 1, criteria, documents: [hit], comparedAmount: amount.compared, entriesInRange: amount.inRange });
    const group = byAccount.get(entry.accountId) ?? [];
    group.push(hit);
    byAccount.set(entry.accountId, group);
  }
  for (const [accountId, hits] of byAccount) if (hits.length > 1) addGroup(findings, accountId, hits);
}

/**
 * One-to-many (BC's InsertOrUpdateOneToManyRule and ScoreOneToManyMatches): several documents of one
 * account named in the text, compared by their total; One Match when no single entry of the account
 * is in range besides. (BC also counts other lines' groups in range; only this line's counts here.)
 */
function addGroup(findings: LineFindings, accountId: number, hits: readonly DocumentHit[]): void {
  const { entries } = findings.index;
  const date = findings.line.line.transactionDate;
  const ordered = [...hits].sort((a, b) => compareByDueDate(entries[a.entryIndex]!, entries[b.entryIndex]!));
  const total = sum(ordered.map((hit) => comparedAmountOf(entries[hit.entryIndex]!, date)));
  const inRangeCount = inRangeOfAccount(findings.marks, accountId);
  const amount: AmountMatched = !inRange(total, findings.line.range) ? 'noMatches' : inRangeCount === 0 ? 'oneMatch' : 'multipleMatches';
  const criteria = criteriaOf(relatedPartyOf(findings, accountId), 'yesMultiple', amount);
  addCandidate(findings, { kind: 'group', entries: ordered.map((hit) => hit.entryIndex), alternatives: 1, criteria, documents: ordered, comparedAmount: total, entriesInRange: inRangeCount });
}

/**
 * Entries in range the text does not name. Those of a related party are candidates of their own;
 * the others all score No, No, One/Multiple Matches (Low/4, Low/5) and form a pool per result, oldest
 * due date first — in a statement against 100,000 entries most hits are of this kind.
 */
function addAmountCandidates(findings: LineFindings, hits: AmountHits): void {
  const { line, index } = findings;
  const pools: Record<'oneMatch' | 'multipleMatches', number[]> = { oneMatch: [], multipleMatches: [] };
  for (let position = 0; position < hits.entryIndexes.length; position++) {
    const entry = index.entries[hits.entryIndexes[position]!]!;
    if (findings.documents.has(entry.index) || !canEntryMatch(entry, line.negative, line.line.transactionDate)) continue;
    const inRangeCount = inRangeOfAccount(findings.marks, entry.accountId);
    const result = inRangeCount === 1 ? 'oneMatch' : 'multipleMatches';
    const relatedParty = relatedPartyMark(findings.marks, entry.accountId);
    if (relatedParty === undefined || relatedParty === 'no') {
      pools[result].push(entry.index);
      continue;
    }
    addCandidate(findings, {
      kind: 'entry', entries: single(findings, entry.index), alternatives: 1, criteria: criteriaOf(relatedParty, 'no', result),
      documents: NO_DOCUMENTS, comparedAmount: hits.comparedAmounts[position]!, entriesInRange: inRangeCount,
    });
  }
  for (const result of ['oneMatch', 'multipleMatches'] as const) addUnrelatedPool(findings, pools[result], result);
}

function addUnrelatedPool(findings: LineFindings, pool: number[], result: 'oneMatch' | 'multipleMatches'): void {
  if (pool.length === 0) return;
  const { entries } = findings.index;
  // A crowded range keeps its amount order rather than sort thousands of entries for every line.
  if (pool.length <= CROWDED_RANGE_LIMIT) pool.sort((a, b) => compareByDueDate(entries[a]!, entries[b]!));
  const first = entries[pool[0]!]!;
  const alternatives = pool.length === 1 ? single(findings, first.index) : pool.slice(0, POOL_LIMIT);
  addCandidate(findings, {
    kind: pool.length === 1 ? 'entry' : 'pool', entries: alternatives, alternatives: pool.length, criteria: criteriaOf('no', 'no', result),
    documents: NO_DOCUMENTS, comparedAmount: hitAmount(findings.marks, findings.hits, first.index)!, entriesInRange: inRangeOfAccount(findings.marks, first.accountId),
    alternativesInRange: result === 'oneMatch' ? undefined : alternatives.map((entryIndex) => inRangeOfAccount(findings.marks, entries[entryIndex]!.accountId)),
  });
}

/**
 * The account's other entries (not named, amount not in range) all meet the same criteria — Fully
 * or Partially, No, No Matches (Low/1, Low/3) — so they form one pool, oldest due date first.
 */
function addRestPool(findings: LineFindings, accountId: number): void {
  const relatedParty = relatedPartyOf(findings, accountId);
  if (relatedParty === 'no') return;
  const criteria = criteriaOf(relatedParty, 'no', 'noMatches');
  if (findRule(findings.index.rules, criteria) === null) return;
  const { line, index } = findings;
  const account = index.accounts[accountId]!;
  const isRest = (entry: PreparedEntry) => !findings.documents.has(entry.index) && !isInRange(findings.marks, entry.index);
  const chosen: number[] = [];
  for (const entryIndex of account.entries) {
    const entry = index.entries[entryIndex]!;
    if (isRest(entry) && canEntryMatch(entry, line.negative, line.line.transactionDate)) chosen.push(entryIndex);
    if (chosen.length === POOL_LIMIT) break;
  }
  if (chosen.length === 0) return;
  const matching = countPostedBy(line.negative ? account.negativePostingDates : account.positivePostingDates, line.line.transactionDate);
  const alternatives = Math.max(chosen.length, matching - findingsOfAccount(findings, accountId));
  const first = index.entries[chosen[0]!]!;
  addCandidate(findings, {
    kind: 'pool', entries: chosen, alternatives, criteria, documents: NO_DOCUMENTS,
    comparedAmount: comparedAmountOf(first, line.line.transactionDate), entriesInRange: inRangeOfAccount(findings.marks, accountId),
  });
}

/** Entries of the account the line may take that are candidates of their own (named or in range). */
function findingsOfAccount(findings: LineFindings, accountId: number): number {
  const { line, index } = findings;
  const own = new Set<number>();
  for (const entryIndex of [...findings.documents.keys(), ...findings.hits.entryIndexes]) {
    const entry = index.entries[entryIndex]!;
    if (entry.accountId === accountId && canEntryMatch(entry, line.negative, line.line.transactionDate)) own.add(entryIndex);
  }
  return own.size;
}

/** How many of the sorted posting dates are on or before the date. */
function countPostedBy(postingDates: readonly string[], date: string): number {
  let low = 0;
  let high = postingDates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (postingDates[middle]! <= date) low = middle + 1;
    else high = middle;
  }
  return low;
}

const NO_DOCUMENTS: readonly DocumentHit[] = Object.freeze([]);

/** One shared one-entry list per entry: the same entry is a candidate of many lines. */
function single(findings: LineFindings, entryIndex: number): readonly number[] {
  const singles = findings.index.singleEntryLists;
  return (singles[entryIndex] ??= [entryIndex]);
}

type CandidateFacts = Pick<Candidate, 'kind' | 'entries' | 'alternatives' | 'criteria' | 'documents' | 'comparedAmount' | 'entriesInRange'>
  & Partial<Pick<Candidate, 'alternativesInRange'>>;

function addCandidate(findings: LineFindings, facts: CandidateFacts): void {
  const rule = findRule(findings.index.rules, facts.criteria);
  if (rule === null) return;
  const first = findings.index.entries[facts.entries[0]!]!;
  // Spelled out: an object spread with extra properties takes V8's slow path, here 200,000 times.
  findings.candidates.push({
    lineIndex: findings.line.index, kind: facts.kind, accountId: first.accountId, entries: facts.entries, alternatives: facts.alternatives,
    rule, criteria: facts.criteria, documents: facts.documents,
    comparedAmount: facts.comparedAmount, entriesInRange: facts.entriesInRange, alternativesInRange: facts.alternativesInRange,
    rank: offerRank(rule.score, facts.kind === 'group'), dueDateKey: first.dueDateKey, entryNo: first.entry.entryNo,
  });
}
