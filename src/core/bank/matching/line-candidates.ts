/**
 * The candidates of one statement line (BC's FindMatchingEntries, MatchEntries and the one-to-many
 * buffer), found through the indexes instead of a look at every open entry: entries the text or
 * payment reference names, entries whose amount is in range, and every entry of a party the
 * statement identifies. Each gets the three criteria and the best rule for them; candidates without
 * a rule are dropped.
 */
import type { Decimal } from '../../money/decimal.ts';
import { sum } from '../../money/decimal.ts';
import { type AmountHits, type AmountIndex, entriesInRange } from './amount-index.ts';
import { type DocumentIndex, findDocuments } from './document-index.ts';
import type { AccountInfo, Candidate, DocumentHit, PreparedEntry, PreparedLine } from './engine-types.ts';
import { canEntryMatch, compareByDueDate, comparedAmountOf } from './entry-index.ts';
import { type PartyIndex, accountsByBankAccount, normalizedName } from './party-index.ts';
import { type LineDescriptions, type RelatedPartyContext, lineDescriptions, matchRelatedParty } from './related-party.ts';
import { offerRank } from './offer-queue.ts';
import { type RuleLookup, criteriaOf, findRule } from './rules.ts';
import { inRange } from './tolerance.ts';
import type { AmountMatched, MatchNote, RelatedPartyExplanation } from './types.ts';

export interface EngineIndex {
  entries: readonly PreparedEntry[];
  accounts: readonly AccountInfo[];
  documents: DocumentIndex;
  amounts: AmountIndex;
  parties: PartyIndex;
  rules: RuleLookup;
  relatedParty: RelatedPartyContext;
  /** Filled on demand: a frozen [entryIndex] per entry. */
  singleEntryLists: Array<readonly number[] | undefined>;
}

/** Above this many entries in the amount range, only parties found otherwise are compared by name. */
export const CROWDED_RANGE_LIMIT = 200;
/** A pool keeps this many alternatives (and counts the rest). */
export const POOL_LIMIT = 16;

export interface LineEvaluation {
  candidates: Candidate[];
  notes: MatchNote[];
}

/** What one line found, shared by the steps that turn it into candidates. */
interface LineFindings {
  line: PreparedLine;
  index: EngineIndex;
  documents: Map<number, DocumentHit>;
  amountHits: Map<number, Decimal>;
  inRangeByAccount: Map<number, number>;
  relatedParties: Map<number, RelatedPartyExplanation>;
  descriptions: LineDescriptions;
  candidates: Candidate[];
}

export function evaluateLine(line: PreparedLine, index: EngineIndex): LineEvaluation {
  const date = line.line.transactionDate;
  const documents = findDocuments(index.documents, line.searchText, line.line.paymentReferenceNo);
  for (const entryIndex of documents.keys()) if (!canEntryMatch(index.entries[entryIndex]!, line.negative, date)) documents.delete(entryIndex);
  const hits = entriesInRange(index.amounts, index.entries, line.range, date);
  const amountHits = new Map<number, Decimal>();
  hits.entryIndexes.forEach((entryIndex, position) => amountHits.set(entryIndex, hits.comparedAmounts[position]!));
  const findings: LineFindings = {
    line, index, documents, amountHits,
    inRangeByAccount: countByAccount(hits, index.entries),
    relatedParties: new Map(),
    descriptions: lineDescriptions(line),
    candidates: [],
  };
  const crowded = hits.entryIndexes.length > CROWDED_RANGE_LIMIT;
  const compared = accountsToCompare(findings, hits, crowded);
  for (const accountId of compared) findings.relatedParties.set(accountId, matchRelatedParty(line, index.accounts[accountId]!, index.relatedParty, findings.descriptions));
  addDocumentCandidates(findings);
  addAmountCandidates(findings, hits);
  for (const accountId of compared) addRestPool(findings, accountId);
  return { candidates: findings.candidates, notes: crowded ? [{ kind: 'amountRangeCrowded', entriesInRange: hits.entryIndexes.length }] : [] };
}

function countByAccount(hits: AmountHits, entries: readonly PreparedEntry[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const entryIndex of hits.entryIndexes) {
    const accountId = entries[entryIndex]!.accountId;
    counts.set(accountId, (counts.get(accountId) ?? 0) + 1);
  }
  return counts;
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

function relatedPartyOf(findings: LineFindings, accountId: number): RelatedPartyExplanation {
  return findings.relatedParties.get(accountId) ?? uncomparedParty(findings, accountId);
}

function uncomparedParty(findings: LineFindings, accountId: number): RelatedPartyExplanation {
  const basis = findings.line.line.relatedPartyName !== '' ? 'relatedPartyName' : 'transactionText';
  const partyName = findings.index.accounts[accountId]!.party?.party.name ?? '';
  return { result: 'no', basis, nearness: null, partyName, addressAndCityEqual: false, nameUnique: null };
}

/** Criterion 3 for one entry: its amount in range, and whether its account has other entries in range. */
function amountOf(findings: LineFindings, entry: PreparedEntry): { result: AmountMatched; compared: Decimal; inRange: number } {
  const inRangeCount = findings.inRangeByAccount.get(entry.accountId) ?? 0;
  const compared = findings.amountHits.get(entry.index);
  if (compared === undefined) return { result: 'noMatches', compared: comparedAmountOf(entry, findings.line.line.transactionDate), inRange: inRangeCount };
  return { result: inRangeCount === 1 ? 'oneMatch' : 'multipleMatches', compared, inRange: inRangeCount };
}

function addDocumentCandidates(findings: LineFindings): void {
  const byAccount = new Map<number, DocumentHit[]>();
  for (const hit of findings.documents.values()) {
    const entry = findings.index.entries[hit.entryIndex]!;
    const amount = amountOf(findings, entry);
    const criteria = criteriaOf(relatedPartyOf(findings, entry.accountId).result, 'yes', amount.result);
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
  const inRangeCount = findings.inRangeByAccount.get(accountId) ?? 0;
  const amount: AmountMatched = !inRange(total, findings.line.range) ? 'noMatches' : inRangeCount === 0 ? 'oneMatch' : 'multipleMatches';
  const criteria = criteriaOf(relatedPartyOf(findings, accountId).result, 'yesMultiple', amount);
  addCandidate(findings, { kind: 'group', entries: ordered.map((hit) => hit.entryIndex), alternatives: 1, criteria, documents: ordered, comparedAmount: total, entriesInRange: inRangeCount });
}

/** Entries in range the text does not name: one candidate each, or (crowded range) two pools by criterion 3. */
function addAmountCandidates(findings: LineFindings, hits: AmountHits): void {
  const { line, index } = findings;
  const pools: Record<'oneMatch' | 'multipleMatches', number[]> = { oneMatch: [], multipleMatches: [] };
  for (const entryIndex of hits.entryIndexes) {
    const entry = index.entries[entryIndex]!;
    if (findings.documents.has(entry.index) || !canEntryMatch(entry, line.negative, line.line.transactionDate)) continue;
    const amount = amountOf(findings, entry);
    if (!findings.relatedParties.has(entry.accountId)) {
      pools[amount.result as 'oneMatch' | 'multipleMatches'].push(entry.index);
      continue;
    }
    const criteria = criteriaOf(relatedPartyOf(findings, entry.accountId).result, 'no', amount.result);
    addCandidate(findings, { kind: 'entry', entries: single(findings, entry.index), alternatives: 1, criteria, documents: NO_DOCUMENTS, comparedAmount: amount.compared, entriesInRange: amount.inRange });
  }
  for (const result of ['oneMatch', 'multipleMatches'] as const) {
    const pool = pools[result];
    if (pool.length === 0) continue;
    const first = index.entries[pool[0]!]!;
    const criteria = criteriaOf('no', 'no', result);
    addCandidate(findings, {
      kind: 'pool', entries: pool.slice(0, POOL_LIMIT), alternatives: pool.length, criteria, documents: NO_DOCUMENTS,
      comparedAmount: findings.amountHits.get(first.index)!, entriesInRange: amountOf(findings, first).inRange,
    });
  }
}

/**
 * The account's other entries (not named, amount not in range) all meet the same criteria — Fully
 * or Partially, No, No Matches (Low/1, Low/3) — so they form one pool, oldest due date first.
 */
function addRestPool(findings: LineFindings, accountId: number): void {
  const relatedParty = relatedPartyOf(findings, accountId);
  if (relatedParty.result === 'no') return;
  const criteria = criteriaOf(relatedParty.result, 'no', 'noMatches');
  if (findRule(findings.index.rules, criteria) === null) return;
  const { line, index } = findings;
  const account = index.accounts[accountId]!;
  const isRest = (entry: PreparedEntry) => !findings.documents.has(entry.index) && !findings.amountHits.has(entry.index);
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
    comparedAmount: comparedAmountOf(first, line.line.transactionDate), entriesInRange: findings.inRangeByAccount.get(accountId) ?? 0,
  });
}

/** Entries of the account the line may take that are candidates of their own (named or in range). */
function findingsOfAccount(findings: LineFindings, accountId: number): number {
  const { line, index } = findings;
  const own = new Set<number>();
  for (const entryIndex of [...findings.documents.keys(), ...findings.amountHits.keys()]) {
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
  return (singles[entryIndex] ??= Object.freeze([entryIndex]));
}

type CandidateFacts = Pick<Candidate, 'kind' | 'entries' | 'alternatives' | 'criteria' | 'documents' | 'comparedAmount' | 'entriesInRange'>;

function addCandidate(findings: LineFindings, facts: CandidateFacts): void {
  const rule = findRule(findings.index.rules, facts.criteria);
  if (rule === null) return;
  const first = findings.index.entries[facts.entries[0]!]!;
  // Spelled out: an object spread with extra properties takes V8's slow path, here 200,000 times.
  findings.candidates.push({
    lineIndex: findings.line.index, kind: facts.kind, accountId: first.accountId, entries: facts.entries, alternatives: facts.alternatives,
    rule, criteria: facts.criteria, relatedParty: relatedPartyOf(findings, first.accountId), documents: facts.documents,
    comparedAmount: facts.comparedAmount, entriesInRange: facts.entriesInRange,
    rank: offerRank(rule.score, facts.kind === 'group'), dueDateKey: first.dueDateKey, entryNo: first.entry.entryNo,
  });
}
