/**
 * Everything Apply Automatically looks things up in, built once per run from the input: entries,
 * accounts, document numbers, amounts, parties and the rule lookup; and the statement lines
 * prepared for matching.
 */
import { type Decimal, dec } from '../../money/decimal.ts';
import { AMOUNT_ROUNDING_PRECISION } from '../../money/rounding.ts';
import { buildAmountIndex } from './amount-index.ts';
import { buildDocumentIndex } from './document-index.ts';
import type { PreparedLine } from './engine-types.ts';
import { buildEntryIndex } from './entry-index.ts';
import type { EngineIndex } from './line-candidates.ts';
import { bankAccountKey, buildPartyIndex, prepareParties } from './party-index.ts';
import { DEFAULT_PAYMENT_APPLICATION_RULES, buildRuleLookup } from './rules.ts';
import { amountRange } from './tolerance.ts';
import type { MatchingInput, MatchTolerance, StatementLine } from './types.ts';

/** Lines Apply Automatically leaves alone: set by hand, accepted, or for nothing. */
export function isLineSkipped(line: StatementLine): 'manualOrAccepted' | 'zeroAmount' | null {
  if (line.matchConfidence === 'manual' || line.matchConfidence === 'accepted') return 'manualOrAccepted';
  return line.statementAmount.isZero() ? 'zeroAmount' : null;
}

export function buildEngineIndex(input: MatchingInput): EngineIndex {
  const excluded = new Set(input.lines.filter((line) => isLineSkipped(line) === 'manualOrAccepted').flatMap((line) => line.appliedEntryNos ?? []));
  const parties = prepareParties(input.parties);
  const { entries, accounts } = buildEntryIndex(input.entries, parties, excluded);
  const partyIndex = buildPartyIndex(accounts, input.parties);
  return {
    entries,
    accounts,
    documents: buildDocumentIndex(entries),
    amounts: buildAmountIndex(entries),
    parties: partyIndex,
    rules: buildRuleLookup(input.rules ?? DEFAULT_PAYMENT_APPLICATION_RULES),
    relatedParty: { nameMatching: input.relatedPartyNameMatching ?? 'stringNearness', isNameUnique: partyIndex.isNameUnique },
    singleEntryLists: [],
  };
}

export function prepareLine(line: StatementLine, index: number, tolerance: MatchTolerance, precision: Decimal = dec(AMOUNT_ROUNDING_PRECISION)): PreparedLine {
  return {
    index,
    line,
    negative: line.statementAmount.isNegative(),
    searchText: `${line.transactionText} ${line.additionalTransactionInfo}`.toUpperCase(),
    bankAccountKey: bankAccountKey(line.relatedPartyBankAccountNo),
    range: amountRange(line.statementAmount, tolerance, precision),
  };
}
