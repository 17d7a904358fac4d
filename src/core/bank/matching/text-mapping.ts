/**
 * Text-to-account mappings (BC's FindTextMappings): a mapping applies when its text occurs in the
 * line's Transaction Text, case-insensitively (BC's SubstringMatchPercentage reaches 95 only then).
 * Of several, the longest mapping text wins, as BC's newer text-mapper score adds the matched
 * length; equally long ones naming different accounts are ambiguous and none is used.
 */
import type { LineAccountType, StatementLine, TextToAccountMapping } from './types.ts';

export interface MappingChoice {
  mappingText: string;
  accountType: LineAccountType;
  accountNo: string;
}

export interface MappingMatch {
  choice: MappingChoice | null;
  /** Equally long mapping texts that name different accounts. */
  ambiguous: readonly string[];
}

export interface PreparedMapping {
  mapping: TextToAccountMapping;
  upperText: string;
}

export function prepareMappings(mappings: readonly TextToAccountMapping[]): PreparedMapping[] {
  return mappings
    .map((mapping) => ({ mapping, upperText: mapping.mappingText.trim().toUpperCase() }))
    .filter((prepared) => prepared.upperText !== '');
}

export function findTextMapping(mappings: readonly PreparedMapping[], line: StatementLine): MappingMatch | null {
  const text = line.transactionText.toUpperCase();
  let best: MappingChoice[] = [];
  let bestLength = 0;
  for (const prepared of mappings) {
    if (prepared.upperText.length < bestLength || !text.includes(prepared.upperText)) continue;
    const choice = mappedAccount(prepared.mapping, line);
    if (choice.accountNo === '') continue;
    if (prepared.upperText.length > bestLength) best = [];
    bestLength = prepared.upperText.length;
    best.push(choice);
  }
  if (best.length === 0) return null;
  const distinct = new Set(best.map((choice) => `${choice.accountType}\u0000${choice.accountNo}`));
  if (distinct.size > 1) return { choice: null, ambiguous: best.map((choice) => choice.mappingText) };
  return { choice: best[0]!, ambiguous: [] };
}

/** G/L Account: the debit account for money in, the credit account for money out; otherwise the Bal. Source. */
function mappedAccount(mapping: TextToAccountMapping, line: StatementLine): MappingChoice {
  if (mapping.balSourceType === 'glAccount') {
    const accountNo = line.statementAmount.isNegative() ? mapping.creditAccountNo : mapping.debitAccountNo;
    return { mappingText: mapping.mappingText, accountType: 'glAccount', accountNo };
  }
  return { mappingText: mapping.mappingText, accountType: mapping.balSourceType, accountNo: mapping.balSourceNo };
}
