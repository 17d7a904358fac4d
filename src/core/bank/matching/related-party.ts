/**
 * Criterion 1, related party (BC's CustomerMatching / VendorMatching and RelatedPartyInfoMatching):
 * Fully when the statement's bank account contains one of the party's; else, when the statement
 * names a related party, Partially when that name is ≥ 95 near the party's name, Fully when address
 * and city are equal too or the name is unique; without a related-party name the transaction text is
 * compared the same way (Fully when unique). Everything else is No.
 */
import type { AccountInfo, PreparedLine, PreparedParty } from './engine-types.ts';
import {
  CLOSE_MATCH_THRESHOLD, EXACT_MATCH_THRESHOLD, NORMALIZING_FACTOR, gramsOf, nameNearness, nameNearnessMayReach, trimSpaces,
} from './string-nearness.ts';
import type { PartyType, RelatedPartyBasis, RelatedPartyExplanation, RelatedPartyNameMatching } from './types.ts';

export interface RelatedPartyContext {
  nameMatching: RelatedPartyNameMatching;
  isNameUnique(type: PartyType, name: string): boolean;
}

/** The texts of one line a party name is compared with, and their 4-grams (made once, on first use). */
export interface LineDescriptions {
  relatedPartyName: string;
  transactionText: string;
  grams: Map<string, { grams: Set<string>; trimmedLength: number }>;
}

export function lineDescriptions(line: PreparedLine): LineDescriptions {
  return { relatedPartyName: line.line.relatedPartyName, transactionText: line.line.transactionText, grams: new Map() };
}

export function matchRelatedParty(
  line: PreparedLine,
  account: AccountInfo,
  context: RelatedPartyContext,
  descriptions: LineDescriptions,
): RelatedPartyExplanation {
  const party = account.party?.party;
  if (party === undefined) return explanation('no', 'partyUnknown', null, '');
  if (line.bankAccountKey !== '' && account.party!.bankAccountKeys.some((key) => line.bankAccountKey.includes(key))) {
    return explanation('fully', 'bankAccount', null, party.name);
  }
  if (context.nameMatching === 'disabled') return explanation('no', 'nameMatchingDisabled', null, party.name);
  // A structured related-party name, when there is one, is used instead of the text.
  const basis: RelatedPartyBasis = descriptions.relatedPartyName !== '' ? 'relatedPartyName' : 'transactionText';
  const description = basis === 'relatedPartyName' ? descriptions.relatedPartyName : descriptions.transactionText;
  const { matched, nearness } = nameMatches(description, account.party!, context.nameMatching, descriptions);
  if (!matched) return explanation('no', basis, nearness, party.name);
  const structured = line.line;
  if (basis === 'relatedPartyName' && structured.relatedPartyCity === party.city && structured.relatedPartyAddress === party.address
    && party.city !== '' && party.address !== '') {
    return explanation('fully', basis, nearness, party.name, true);
  }
  const unique = context.isNameUnique(account.type, party.name);
  return explanation(unique ? 'fully' : 'partially', basis, nearness, party.name, false, unique);
}

function explanation(
  result: RelatedPartyExplanation['result'],
  basis: RelatedPartyBasis,
  nearness: number | null,
  partyName: string,
  addressAndCityEqual = false,
  nameUnique: boolean | null = null,
): RelatedPartyExplanation {
  return { result, basis, nearness, partyName, addressAndCityEqual, nameUnique };
}

function nameMatches(
  description: string,
  party: PreparedParty,
  nameMatching: RelatedPartyNameMatching,
  descriptions: LineDescriptions,
): { matched: boolean; nearness: number | null } {
  const name = party.party.name;
  if (nameMatching === 'exactMatchWithPermutations') return { matched: matchesWithPermutations(description, name), nearness: null };
  if (description.length < (name.length * CLOSE_MATCH_THRESHOLD) / NORMALIZING_FACTOR) return { matched: false, nearness: 0 };
  let grams = descriptions.grams.get(description);
  if (grams === undefined) {
    const trimmed = trimSpaces(description);
    descriptions.grams.set(description, (grams = { grams: gramsOf(trimmed), trimmedLength: trimmed.length }));
  }
  // Most parties share no 4-gram with the text: skip the exact computation (nearness stays unknown).
  if (!nameNearnessMayReach(grams.grams, grams.trimmedLength, party.nameGrams, name.length, EXACT_MATCH_THRESHOLD)) {
    return { matched: false, nearness: null };
  }
  const nearness = nameNearness(description, name);
  return { matched: nearness >= EXACT_MATCH_THRESHOLD, nearness };
}

/** BC's IsNameMatchingWithPermutations: the name, or its first word moved to the end, occurs in the text. */
function matchesWithPermutations(description: string, name: string): boolean {
  if (description.length < name.length) return false;
  if (description.includes(name)) return true;
  const space = name.indexOf(' ');
  if (space <= 0) return false;
  return description.includes(`${name.slice(space + 1)} ${name.slice(0, space)}`);
}
