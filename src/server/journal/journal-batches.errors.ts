/**
 * Errors about journal lines, in the terms of the request that caused them. The general journal
 * names a line by its position (`lines.2.amount`, "journal line 3"); a batch's lines are known by
 * their Line No., so a refusal while posting a batch names `lines.30000.amount` and "journal line
 * 30000", as sales posting names document lines by line no.
 */
import { DomainError } from '../../core/errors.ts';

export function prefixField(error: unknown, prefix: string): unknown {
  if (!(error instanceof DomainError)) return error;
  return new DomainError(error.code, error.params as never, error.field ? `${prefix}.${error.field}` : prefix);
}

/** `lineNos[i]` is the Line No. of the line at position i of the posted (previewed) journal. */
export function inBatchTerms(error: unknown, lineNos: readonly number[]): unknown {
  if (!(error instanceof DomainError)) return error;
  const match = /^lines\.(\d+)(\..*)?$/.exec(error.field ?? '');
  const lineNo = match ? lineNos[Number(match[1])] : undefined;
  if (!match || lineNo === undefined) return error;
  const ordinal = Number(match[1]) + 1;
  const params = Object.fromEntries(Object.entries(error.params).map(([name, value]) => {
    if (name === 'lineNo' && value === ordinal) return [name, lineNo];
    if (typeof value !== 'string') return [name, value];
    return [name, value.replace(/\b(journal line) (\d+)\b/gi, (text, words: string, no: string) => (Number(no) === ordinal ? `${words} ${lineNo}` : text))];
  }));
  return new DomainError(error.code, params as never, `lines.${lineNo}${match[2] ?? ''}`);
}
