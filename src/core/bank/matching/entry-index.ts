/**
 * Open entries and their accounts, prepared once per run (BC's Ledger Entry Matching Buffer):
 * which entries take part, the amount compared while the discount is possible, and each account's
 * entries in the order a line would take them.
 */
import type { IsoDate } from '../../dates/calendar-date.ts';
import type { AccountInfo, PreparedEntry, PreparedParty } from './engine-types.ts';
import type { OpenEntry, OpenEntryDocumentType, PartyType } from './types.ts';

export interface EntryIndex {
  entries: readonly PreparedEntry[];
  accounts: readonly AccountInfo[];
}

/** BC's InitializeCustomer/VendorLedgerEntriesMatchingBuffer: payments and refunds are not matched. */
const matchedDocumentTypes: ReadonlySet<OpenEntryDocumentType> = new Set(['', 'invoice', 'creditMemo', 'financeChargeMemo', 'reminder']);

export function accountKey(type: PartyType, no: string): string {
  return `${type}\u0000${no}`;
}

/**
 * `excludedEntryNos`: entries a Manual or Accepted line already applies (BC's
 * RemoveAppliedEntriesFromBufferTables); they are no candidate of any line.
 */
export function buildEntryIndex(
  openEntries: readonly OpenEntry[],
  parties: ReadonlyMap<string, PreparedParty>,
  excludedEntryNos: ReadonlySet<number>,
): EntryIndex {
  // By type, then by no.: no key string per entry.
  const accountIds: Record<PartyType, Map<string, number>> = { customer: new Map(), vendor: new Map() };
  const members: number[][] = [];
  const entries: PreparedEntry[] = [];
  for (const entry of openEntries) {
    if (!matchedDocumentTypes.has(entry.documentType) || entry.remainingAmount.isZero() || excludedEntryNos.has(entry.entryNo)) continue;
    const ofType = accountIds[entry.accountType];
    let accountId = ofType.get(entry.accountNo);
    if (accountId === undefined) {
      accountId = members.length;
      ofType.set(entry.accountNo, accountId);
      members.push([]);
    }
    members[accountId]!.push(entries.length);
    entries.push(prepareEntry(entry, entries.length, accountId));
  }
  const accounts = members.map((memberIndexes, id) => buildAccount(id, memberIndexes, entries, parties));
  return { entries, accounts };
}

function prepareEntry(entry: OpenEntry, index: number, accountId: number): PreparedEntry {
  const discount = entry.remainingPaymentDiscountPossible;
  return {
    index,
    entry,
    accountId,
    negative: entry.remainingAmount.isNegative(),
    dueDateKey: dateKey(entry.dueDate),
    discountComparisonDate: discount.isZero() ? null : discountComparisonDate(entry),
    remainingInclDiscount: discount.isZero() ? entry.remainingAmount : entry.remainingAmount.minus(discount),
  };
}

/** BC's GetCustomerLedgerEntryDiscountDueDate: the tolerance date when it is not before the discount date. */
function discountComparisonDate(entry: OpenEntry): IsoDate | null {
  const discountDate = entry.paymentDiscountDate;
  const toleranceDate = entry.paymentDiscountToleranceDate ?? null;
  if (discountDate === null) return toleranceDate;
  return toleranceDate !== null && toleranceDate >= discountDate ? toleranceDate : discountDate;
}

function buildAccount(id: number, memberIndexes: number[], entries: readonly PreparedEntry[], parties: ReadonlyMap<string, PreparedParty>): AccountInfo {
  const first = entries[memberIndexes[0]!]!.entry;
  const byDueDate = [...memberIndexes].sort((a, b) => compareByDueDate(entries[a]!, entries[b]!));
  const postingDates = (negative: boolean) =>
    memberIndexes.filter((index) => entries[index]!.negative === negative).map((index) => entries[index]!.entry.postingDate).sort();
  return {
    id,
    type: first.accountType,
    no: first.accountNo,
    party: parties.get(accountKey(first.accountType, first.accountNo)) ?? null,
    entries: byDueDate,
    positivePostingDates: postingDates(false),
    negativePostingDates: postingDates(true),
  };
}

/** Oldest due date first, then entry no.: the order of BC's one-to-many application and our tie-break. */
export function compareByDueDate(a: PreparedEntry, b: PreparedEntry): number {
  return a.dueDateKey - b.dueDateKey || a.entry.entryNo - b.entry.entryNo;
}

/** 'YYYY-MM-DD' as the integer YYYYMMDD, which sorts like the date: the tie-break compares it 100,000s of times. */
function dateKey(date: IsoDate): number {
  let key = 0;
  for (let position = 0; position < date.length; position++) {
    const digit = date.charCodeAt(position) - 48;
    if (digit >= 0 && digit <= 9) key = key * 10 + digit;
  }
  return key;
}

/** BC's CanEntriesMatch: a receipt closes entries with a positive remaining amount, posted on or before the transaction. */
export function canEntryMatch(entry: PreparedEntry, lineNegative: boolean, transactionDate: IsoDate): boolean {
  return entry.negative === lineNegative && entry.entry.postingDate <= transactionDate;
}

/** The amount compared with the statement: incl. discount up to the discount (tolerance) date (GetApplicableRemainingAmount). */
export function comparedAmountOf(entry: PreparedEntry, transactionDate: IsoDate) {
  const discounted = entry.discountComparisonDate !== null && transactionDate <= entry.discountComparisonDate;
  return discounted ? entry.remainingInclDiscount : entry.entry.remainingAmount;
}
