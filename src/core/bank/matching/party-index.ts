/**
 * Customers and vendors as criterion 1 needs them: found by the statement's bank account or by
 * their exact name (so a line without document no. or amount match still finds its party without
 * comparing its name with every party), and whether a name is unique (BC's IsNameUnique).
 */
import type { AccountInfo, PreparedParty } from './engine-types.ts';
import { accountKey } from './entry-index.ts';
import { MATCH_LENGTH_THRESHOLD, gramCodesByPosition } from './string-nearness.ts';
import type { Party, PartyType } from './types.ts';

export interface PartyIndex {
  /** Bank account key → accounts (with open entries) that have it. */
  byBankAccount: ReadonlyMap<string, readonly number[]>;
  bankAccountKeyLengths: readonly number[];
  /** Normalized name → accounts (with open entries) of that name. */
  byName: ReadonlyMap<string, readonly number[]>;
  isNameUnique(type: PartyType, name: string): boolean;
}

/** BC's BankAccountNoWithoutSpecialChars: upper-cased letters and digits only. */
export function bankAccountKey(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function normalizedName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toUpperCase();
}

export function prepareParties(parties: readonly Party[]): Map<string, PreparedParty> {
  const prepared = new Map<string, PreparedParty>();
  for (const party of parties) {
    // Numbers shorter than 4 never match (spec §22.3); BC has no such limit for bank accounts.
    const bankAccountKeys = party.bankAccountNos.map(bankAccountKey).filter((key) => key.length >= MATCH_LENGTH_THRESHOLD);
    prepared.set(accountKey(party.accountType, party.no), { party, bankAccountKeys, nameGrams: gramCodesByPosition(party.name) });
  }
  return prepared;
}

export function buildPartyIndex(accounts: readonly AccountInfo[], parties: readonly Party[]): PartyIndex {
  const byBankAccount = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, accountId: number) => {
    const list = map.get(key) ?? [];
    if (!list.includes(accountId)) list.push(accountId);
    map.set(key, list);
  };
  for (const account of accounts) {
    if (account.party === null) continue;
    for (const key of account.party.bankAccountKeys) add(byBankAccount, key, account.id);
    const name = normalizedName(account.party.party.name);
    if (name.length >= MATCH_LENGTH_THRESHOLD) add(byName, name, account.id);
  }
  const bankAccountKeyLengths = [...new Set([...byBankAccount.keys()].map((key) => key.length))];
  return { byBankAccount, bankAccountKeyLengths, byName, isNameUnique: nameUniqueness(parties) };
}

/**
 * The accounts whose bank account the statement's (normalized) bank account contains, as BC's
 * StrPos(statement value, party value) <> 0: every substring of a length some party key has is looked up.
 */
export function accountsByBankAccount(index: PartyIndex, statementKey: string): number[] {
  const found = new Set<number>();
  for (const length of index.bankAccountKeyLengths) {
    for (let start = 0; start + length <= statementKey.length; start++) {
      for (const accountId of index.byBankAccount.get(statementKey.slice(start, start + length)) ?? []) found.add(accountId);
    }
  }
  return [...found];
}

/**
 * BC's IsNameUnique: exactly one party of the type has a name containing this one (a case-insensitive
 * '@*name*' filter). Only parties sharing the name's rarest 4-gram are compared; answers are cached.
 */
function nameUniqueness(parties: readonly Party[]): (type: PartyType, name: string) => boolean {
  const names: Record<PartyType, string[]> = { customer: [], vendor: [] };
  for (const party of parties) names[party.accountType].push(party.name.toUpperCase());
  const gramIndexes = new Map<PartyType, Map<number, number[]>>();
  const answers = new Map<string, boolean>();
  return (type, name) => {
    const key = `${type}\u0000${name}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      let grams = gramIndexes.get(type);
      if (grams === undefined) gramIndexes.set(type, (grams = gramIndex(names[type])));
      answer = countContaining(names[type], grams, name.toUpperCase()) === 1;
      answers.set(key, answer);
    }
    return answer;
  };
}

function gramIndex(names: readonly string[]): Map<number, number[]> {
  const index = new Map<number, number[]>();
  names.forEach((name, position) => {
    for (const code of new Set(gramCodesByPosition(name))) {
      const list = index.get(code);
      if (list === undefined) index.set(code, [position]);
      else list.push(position);
    }
  });
  return index;
}

function countContaining(names: readonly string[], grams: ReadonlyMap<number, readonly number[]>, name: string): number {
  if (name.length < MATCH_LENGTH_THRESHOLD) return names.filter((other) => other.includes(name)).length;
  let rarest: readonly number[] = [];
  let first = true;
  for (const code of gramCodesByPosition(name)) {
    const list = grams.get(code) ?? [];
    if (first || list.length < rarest.length) rarest = list;
    first = false;
  }
  return rarest.filter((position) => names[position]!.includes(name)).length;
}
