/**
 * Criterion 2's lookup (BC's DocumentMatching and DocNoMatching): the entries whose payment
 * reference equals the line's, or whose document no. or external document no. occurs in the line's
 * text as a whole token. Every number is indexed under its longest alphanumeric run; a line's text is
 * split into runs once and each run looked up, so a line costs its own length, not the number of entries.
 */
import type { DocumentHit, PreparedEntry } from './engine-types.ts';
import { MATCH_LENGTH_THRESHOLD } from './string-nearness.ts';

/**
 * A number's place in the index packed into one integer — entry index, which field, where its key
 * run starts — because 200,000 small objects cost more to build and collect than the lookups save.
 */
type PackedNumber = number;
const FIELDS = 2;
const OFFSETS = 64;

export interface DocumentIndex {
  entries: readonly PreparedEntry[];
  /** Key run → one packed number, or several. */
  byRun: ReadonlyMap<string, PackedNumber | PackedNumber[]>;
  byPaymentReference: ReadonlyMap<string, readonly number[]>;
}

const fields = ['documentNo', 'externalDocumentNo'] as const;

export function buildDocumentIndex(entries: readonly PreparedEntry[]): DocumentIndex {
  const byRun = new Map<string, PackedNumber | PackedNumber[]>();
  for (const entry of entries) {
    for (let fieldNo = 0; fieldNo < fields.length; fieldNo++) {
      const value = entry.entry[fields[fieldNo]!];
      if (value.length < MATCH_LENGTH_THRESHOLD) continue;
      // Most numbers are upper case already; upper-casing them anyway would copy 200,000 strings.
      const key = longestRun(/[a-z]/.test(value) ? value.toUpperCase() : value);
      if (key === null || key.offset >= OFFSETS) continue;
      const packed = (entry.index * FIELDS + fieldNo) * OFFSETS + key.offset;
      const existing = byRun.get(key.run);
      if (existing === undefined) byRun.set(key.run, packed);
      else if (typeof existing === 'number') byRun.set(key.run, [existing, packed]);
      else existing.push(packed);
    }
  }
  return { entries, byRun, byPaymentReference: paymentReferences(entries) };
}

/**
 * The key of a number: its longest run of letters and digits (the last of equally long ones), so
 * "INV-103001" is found under "103001", not under the "INV" every invoice shares. Numbers whose
 * longest run many others share make lookups of that run slower, never wrong.
 */
function longestRun(value: string): { run: string; offset: number } | null {
  let bestStart = -1;
  let bestLength = 0;
  let start = -1;
  for (let position = 0; position <= value.length; position++) {
    const alphanumeric = position < value.length && isAlphanumeric(value.charCodeAt(position));
    if (alphanumeric && start < 0) start = position;
    else if (!alphanumeric && start >= 0) {
      if (position - start >= bestLength) {
        bestStart = start;
        bestLength = position - start;
      }
      start = -1;
    }
  }
  return bestStart < 0 ? null : { run: value.slice(bestStart, bestStart + bestLength), offset: bestStart };
}

/** BC's IsAlphanumeric: ASCII letters and digits only; any other character separates tokens. */
function forEachRun(text: string, visit: (run: string, offset: number) => void): void {
  let start = -1;
  for (let position = 0; position <= text.length; position++) {
    const alphanumeric = position < text.length && isAlphanumeric(text.charCodeAt(position));
    if (alphanumeric && start < 0) start = position;
    else if (!alphanumeric && start >= 0) {
      visit(text.slice(start, position), start);
      start = -1;
    }
  }
}

function paymentReferences(entries: readonly PreparedEntry[]): Map<string, number[]> {
  const byReference = new Map<string, number[]>();
  for (const entry of entries) {
    const reference = entry.entry.paymentReference.trim().toUpperCase();
    if (reference === '') continue;
    const list = byReference.get(reference);
    if (list === undefined) byReference.set(reference, [entry.index]);
    else list.push(entry.index);
  }
  return byReference;
}

/**
 * The entries the line's payment reference or text names, each with the first reason in BC's
 * order: payment reference, document no., external document no.
 */
export function findDocuments(index: DocumentIndex, searchText: string, paymentReferenceNo: string): Map<number, DocumentHit> {
  const hits = new Map<number, DocumentHit>();
  const reference = paymentReferenceNo.trim().toUpperCase();
  for (const entryIndex of reference === '' ? [] : index.byPaymentReference.get(reference) ?? []) {
    hits.set(entryIndex, { entryIndex, field: 'paymentReference', value: reference });
  }
  const found: DocumentHit[] = [];
  forEachRun(searchText, (run, offset) => {
    const packed = index.byRun.get(run);
    if (packed === undefined) return;
    for (const number of typeof packed === 'number' ? [packed] : packed) {
      const hit = unpack(index, number);
      if (occursAsToken(searchText, hit.value, offset - (number % OFFSETS))) found.push(hit);
    }
  });
  for (const field of fields) {
    for (const hit of found) if (hit.field === field && !hits.has(hit.entryIndex)) hits.set(hit.entryIndex, hit);
  }
  return hits;
}

function unpack(index: DocumentIndex, packed: PackedNumber): DocumentHit {
  const entryAndField = Math.floor(packed / OFFSETS);
  const entryIndex = Math.floor(entryAndField / FIELDS);
  const field = fields[entryAndField % FIELDS]!;
  return { entryIndex, field, value: index.entries[entryIndex]!.entry[field].toUpperCase() };
}

/**
 * The number stands at `start` with no letter or digit right before or after it. (BC's DocNoMatching
 * checks only the first occurrence, so "1030012 103001" would not find 103001; every occurrence counts here.)
 */
function occursAsToken(text: string, value: string, start: number): boolean {
  if (start < 0 || !text.startsWith(value, start)) return false;
  return !isAlphanumeric(text.charCodeAt(start - 1)) && !isAlphanumeric(text.charCodeAt(start + value.length));
}

function isAlphanumeric(code: number): boolean {
  // NaN (outside the text) is not alphanumeric.
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
