/**
 * Criterion 1, related party (BC's CustomerMatching / VendorMatching and RelatedPartyInfoMatching):
 * Fully when the statement's bank account contains one of the party's; else, when the statement
 * names a related party, Partially when that name is ≥ 95 near the party's name, Fully when address
 * and city are equal too or the name is unique; without a related-party name the transaction text is
 * compared the same way (Fully when unique). Everything else is No.
 */
import type { AccountInfo, PreparedLine, PreparedParty } from './engine-types.ts';
import {
  CLOSE_MATCH_THRESHOLD, EXACT_MATCH_THRESHOLD, NORMALIZING_FACTOR, gramCodeSet, nameNearness, nameNearnessMayReach, trimSpaces,
} from './string-nearness.ts';
import type { Party, PartyType, RelatedPartyBasis, RelatedPartyExplanation, RelatedPartyMatched, RelatedPartyNameMatching } from './types.ts';

export interface RelatedPartyContext {
  nameMatching: RelatedPartyNameMatching;
  isNameUnique(type: PartyType, name: string): boolean;
}

/** The texts of one line a party name is compared with, and their 4-grams (made once, on first use). */
export interface LineDescriptions {
  relatedPartyName: string;
  transactionText: string;
  grams: Map<string, { grams: Set<number>; trimmedLength: number }>;
}

export function lineDescriptions(line: PreparedLine): LineDescriptions {
  return { relatedPartyName: line.line.relatedPartyName, transactionText: line.line.transactionText, grams: new Map() };
}

/** The criterion alone, allocating nothing: what every compared party of every line costs. */
export function relatedPartyResult(
  line: PreparedLine,
  account: AccountInfo,
  context: RelatedPartyContext,
  descriptions: LineDescriptions,
): RelatedPartyMatched {
  const party = account.party;
  if (party === null) return 'no';
  if (bankAccountMatches(line, party)) return 'fully';
  if (context.nameMatching === 'disabled') return 'no';
  const basis = basisOf(descriptions);
  if (!nameMatched(nameNearnessOf(descriptionOf(descriptions, basis), party, context.nameMatching, descriptions))) return 'no';
  if (basis === 'relatedPartyName' && addressAndCityEqual(line, party.party)) return 'fully';
  return context.isNameUnique(account.type, party.party.name) ? 'fully' : 'partially';
}

/** The criterion with what it rests on, for the explanation. */
export function matchRelatedParty(
  line: PreparedLine,
  account: AccountInfo,
  context: RelatedPartyContext,
  descriptions: LineDescriptions,
): RelatedPartyExplanation {
  const party = account.party;
  if (party === null) return explanation('no', 'partyUnknown', null, '');
  const name = party.party.name;
  if (bankAccountMatches(line, party)) return explanation('fully', 'bankAccount', null, name);
  if (context.nameMatching === 'disabled') return explanation('no', 'nameMatchingDisabled', null, name);
  const basis = basisOf(descriptions);
  const nearness = nameNearnessOf(descriptionOf(descriptions, basis), party, context.nameMatching, descriptions);
  const figure = nearness === NOT_COMPUTED || nearness === PERMUTATION_MATCH || nearness === PERMUTATION_MISS ? null : nearness;
  if (!nameMatched(nearness)) return explanation('no', basis, figure, name);
  if (basis === 'relatedPartyName' && addressAndCityEqual(line, party.party)) return explanation('fully', basis, figure, name, true);
  const unique = context.isNameUnique(account.type, name);
  return explanation(unique ? 'fully' : 'partially', basis, figure, name, false, unique);
}

function bankAccountMatches(line: PreparedLine, party: PreparedParty): boolean {
  if (line.bankAccountKey === '') return false;
  for (const key of party.bankAccountKeys) if (line.bankAccountKey.includes(key)) return true;
  return false;
}

// A structured related-party name, when there is one, is used instead of the text.
function basisOf(descriptions: LineDescriptions): 'relatedPartyName' | 'transactionText' {
  return descriptions.relatedPartyName !== '' ? 'relatedPartyName' : 'transactionText';
}

function descriptionOf(descriptions: LineDescriptions, basis: 'relatedPartyName' | 'transactionText'): string {
  return basis === 'relatedPartyName' ? descriptions.relatedPartyName : descriptions.transactionText;
}

function addressAndCityEqual(line: PreparedLine, party: Party): boolean {
  return line.line.relatedPartyCity === party.city && line.line.relatedPartyAddress === party.address && party.city !== '' && party.address !== '';
}

function explanation(
  result: RelatedPartyMatched,
  basis: RelatedPartyBasis,
  nearness: number | null,
  partyName: string,
  addressAndCityEqual = false,
  nameUnique: boolean | null = null,
): RelatedPartyExplanation {
  return { result, basis, nearness, partyName, addressAndCityEqual, nameUnique };
}

/** Codes besides a nearness 0–100: not computed (cannot reach 95), and the permutation setting's yes and no. */
const NOT_COMPUTED = -1;
const PERMUTATION_MATCH = -2;
const PERMUTATION_MISS = -3;

function nameMatched(nearness: number): boolean {
  return nearness === PERMUTATION_MATCH || nearness >= EXACT_MATCH_THRESHOLD;
}

function nameNearnessOf(description: string, party: PreparedParty, nameMatching: RelatedPartyNameMatching, descriptions: LineDescriptions): number {
  const name = party.party.name;
  if (nameMatching === 'exactMatchWithPermutations') return matchesWithPermutations(description, name) ? PERMUTATION_MATCH : PERMUTATION_MISS;
  if (description.length < (name.length * CLOSE_MATCH_THRESHOLD) / NORMALIZING_FACTOR) return 0;
  let grams = descriptions.grams.get(description);
  if (grams === undefined) {
    const trimmed = trimSpaces(description);
    descriptions.grams.set(description, (grams = { grams: gramCodeSet(trimmed), trimmedLength: trimmed.length }));
  }
  // Most parties share no 4-gram with the text: skip the exact computation (nearness stays unknown).
  if (!nameNearnessMayReach(grams.grams, grams.trimmedLength, party.nameGrams, name.length, EXACT_MATCH_THRESHOLD)) return NOT_COMPUTED;
  return nameNearness(description, name);
}

/** BC's IsNameMatchingWithPermutations: the name, or its first word moved to the end, occurs in the text. */
function matchesWithPermutations(description: string, name: string): boolean {
  if (description.length < name.length) return false;
  if (description.includes(name)) return true;
  const space = name.indexOf(' ');
  if (space <= 0) return false;
  return description.includes(`${name.slice(space + 1)} ${name.slice(0, space)}`);
}
