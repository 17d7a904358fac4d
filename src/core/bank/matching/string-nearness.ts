/**
 * BC's codeunit 1251 "Record Match Mgt.": CalculateStringNearness and GetLongestCommonSubstring,
 * and Match Bank Payments' GetStringNearness around them. Nearness repeatedly takes the longest
 * common substring (at least `threshold` long), removes it from both strings, and reports the
 * matched characters as a share of the shorter string, 0 … normalizingFactor.
 */

export const NORMALIZING_FACTOR = 100;
/** GetExactMatchTreshold: a name this near is the same name. */
export const EXACT_MATCH_THRESHOLD = 95;
/** GetCloseMatchTreshold: shorter texts are not compared at all. */
export const CLOSE_MATCH_THRESHOLD = 65;
/** GetMatchLengthTreshold: shorter substrings (and document numbers) never count. */
export const MATCH_LENGTH_THRESHOLD = 4;

/**
 * The leftmost longest substring of `first` that occurs in `second` (case-insensitive), as BC's
 * loop finds it; dynamic programming instead of BC's cubic StrPos loop.
 */
export function longestCommonSubstring(first: string, second: string): string {
  const a = first.toUpperCase();
  const b = second.toUpperCase();
  let next = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  let bestLength = 0;
  let bestStart = 0;
  for (let i = a.length - 1; i >= 0; i--) {
    let rowBest = 0;
    for (let k = b.length - 1; k >= 0; k--) {
      const length = a.charCodeAt(i) === b.charCodeAt(k) ? next[k + 1]! + 1 : 0;
      current[k] = length;
      if (length > rowBest) rowBest = length;
    }
    // Walking i downwards, `>=` keeps the leftmost start among equally long substrings.
    if (rowBest > 0 && rowBest >= bestLength) {
      bestLength = rowBest;
      bestStart = i;
    }
    [next, current] = [current, next];
  }
  return a.slice(bestStart, bestStart + bestLength);
}

/** CalculateStringNearness(FirstString, SecondString, Threshold, NormalizingFactor). */
export function calculateStringNearness(
  firstString: string,
  secondString: string,
  threshold: number,
  normalizingFactor: number = NORMALIZING_FACTOR,
): number {
  if (firstString === '' || secondString === '') return 0;
  let first = firstString.toUpperCase();
  let second = secondString.toUpperCase();
  const minLength = Math.min(first.length, second.length) || 1;
  let matched = 0;
  let common = longestCommonSubstring(first, second);
  while (common.length > 1 && common.length >= threshold) {
    matched += common.length;
    first = removeFirst(first, common);
    second = removeFirst(second, common);
    common = longestCommonSubstring(first, second);
  }
  return Math.floor((normalizingFactor * matched) / minLength);
}

/**
 * Match Bank Payments' GetStringNearness(Description, CustVendValue): a description much shorter than
 * the name is not compared; otherwise the nearness of the name to the trimmed description.
 */
export function nameNearness(description: string, name: string): number {
  if (description.length < (name.length * CLOSE_MATCH_THRESHOLD) / NORMALIZING_FACTOR) return 0;
  return calculateStringNearness(name, trimSpaces(description), MATCH_LENGTH_THRESHOLD);
}

/**
 * An upper bound of nameNearness from 4-grams, to skip the exact computation for names that cannot
 * reach `needed`: every character a common substring of 4 or more covers lies in a 4-gram of the name
 * that occurs in the description. Grams are gramCodes (gramCodesByPosition, gramCodeSet).
 * (BC's repeated removal can glue new substrings together across a removed one; names that reach 95
 * only that way are missed — a bound, not a rule.)
 */
export function nameNearnessMayReach(descriptionGrams: ReadonlySet<number>, descriptionLength: number, nameGrams: Int32Array, nameLength: number, needed: number): boolean {
  const minLength = Math.min(nameLength, descriptionLength) || 1;
  const neededCovered = Math.ceil((needed * minLength) / NORMALIZING_FACTOR);
  let covered = 0;
  let coveredUntil = 0;
  for (let start = 0; start < nameGrams.length; start++) {
    // Give up as soon as even covering every later character would not be enough (usually at once).
    if (covered + nameLength - Math.max(start, coveredUntil) < neededCovered) return false;
    if (!descriptionGrams.has(nameGrams[start]!)) continue;
    const end = start + MATCH_LENGTH_THRESHOLD;
    covered += end - Math.max(start, coveredUntil);
    coveredUntil = end;
  }
  return covered >= neededCovered;
}

/**
 * The upper-cased 4-gram at each position as a small integer (7 bits a character): cheaper to make,
 * hash and compare than strings. Non-ASCII characters can collide, which only makes the bound above
 * looser and the containment check below look at one more name.
 */
export function gramCodesByPosition(text: string): Int32Array {
  const upper = text.toUpperCase();
  const codes = new Int32Array(Math.max(0, upper.length - MATCH_LENGTH_THRESHOLD + 1));
  let code = 0;
  for (let position = 0; position < upper.length; position++) {
    code = ((code << 7) | (upper.charCodeAt(position) & 127)) & 0xfffffff;
    if (position >= MATCH_LENGTH_THRESHOLD - 1) codes[position - MATCH_LENGTH_THRESHOLD + 1] = code;
  }
  return codes;
}

export function gramCodeSet(text: string): Set<number> {
  return new Set(gramCodesByPosition(text));
}

/** RecordMatchMgt.Trim: DelChr '<' and '>' remove leading and trailing spaces only. */
export function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  return text.slice(start, end);
}

function removeFirst(text: string, part: string): string {
  const at = text.indexOf(part);
  return at < 0 ? text : text.slice(0, at) + text.slice(at + part.length);
}
