/**
 * Everything Apply Automatically looks things up in, built once per run from the input: entries,
 * accounts, document numbers, amounts, parties and the rule lookup; and the statement lines
 * prepared for matching.
 */
import { type Decimal, dec } from '../../money/decimal.ts';
import { AMOUNT_ROUNDING_PRECISION } from '../../money/rounding.ts';
import { type AmountIndex, buildAmountIndex } from './amount-index.ts';
import { type DocumentIndex, buildDocumentIndex } from './document-index.ts';
import type { AccountInfo, PreparedEntry, PreparedLine } from './engine-types.ts';
import { buildEntryIndex } from './entry-index.ts';
import { type LineMarks, createLineMarks } from './line-marks.ts';
import { type PartyIndex, bankAccountKey, buildPartyIndex, prepareParties } from './party-index.ts';
import type { RelatedPartyContext } from './related-party.ts';
import { DEFAULT_PAYMENT_APPLICATION_RULES, type RuleLookup, buildRuleLookup } from './rules.ts';
import { amountRange } from './tolerance.ts';
import type { MatchingInput, MatchTolerance, StatementLine } from './types.ts';

export interface EngineIndex {
  entries: readonly PreparedEntry[];
  accounts: readonly AccountInfo[];
  documents: DocumentIndex;
  amounts: AmountIndex;
  parties: PartyIndex;
  rules: RuleLookup;
  relatedParty: RelatedPartyContext;
  /** Filled on demand: one shared [entryIndex] per entry, the same entry being a candidate of many lines. */
  singleEntryLists: Array<readonly number[] | undefined>;
  /** The current line's marks (line-marks.ts); lines are evaluated one after the other. */
  marks: LineMarks;
}

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
    marks: createLineMarks(entries.length, accounts.length),
  };
}

const defaultPrecision = dec(AMOUNT_ROUNDING_PRECISION);

export function prepareLine(line: StatementLine, index: number, tolerance: MatchTolerance, precision: Decimal = defaultPrecision): PreparedLine {
  return {
    index,
    line,
    negative: line.statementAmount.isNegative(),
    searchText: `${line.transactionText} ${line.additionalTransactionInfo}`.toUpperCase(),
    bankAccountKey: bankAccountKey(line.relatedPartyBankAccountNo),
    range: amountRange(line.statementAmount, tolerance, precision),
  };
}
