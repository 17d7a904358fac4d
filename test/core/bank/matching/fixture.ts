/** Builders for Apply Automatically tests: a statement line, an open entry, a party, with sensible defaults. */
import { dec } from '../../../../src/core/money/decimal.ts';
import { applyAutomatically } from '../../../../src/core/bank/matching/apply-automatically.ts';
import type {
  LineMatch, MatchingInput, MatchingResult, OpenEntry, Party, StatementLine,
} from '../../../../src/core/bank/matching/types.ts';

export function line(lineNo: number, amount: string, overrides: Partial<StatementLine> = {}): StatementLine {
  return {
    lineNo,
    transactionDate: '2026-03-15',
    statementAmount: dec(amount),
    transactionText: '',
    additionalTransactionInfo: '',
    relatedPartyName: '',
    relatedPartyAddress: '',
    relatedPartyCity: '',
    relatedPartyBankAccountNo: '',
    paymentReferenceNo: '',
    matchConfidence: 'none',
    ...overrides,
  };
}

export function invoice(entryNo: number, accountNo: string, documentNo: string, remaining: string, overrides: Partial<OpenEntry> = {}): OpenEntry {
  return {
    entryNo,
    accountType: 'customer',
    accountNo,
    documentType: 'invoice',
    documentNo,
    externalDocumentNo: '',
    paymentReference: '',
    postingDate: '2026-03-01',
    dueDate: '2026-03-31',
    remainingAmount: dec(remaining),
    remainingPaymentDiscountPossible: dec('0'),
    paymentDiscountDate: null,
    ...overrides,
  };
}

export function customer(no: string, name: string, overrides: Partial<Party> = {}): Party {
  return { accountType: 'customer', no, name, address: '', city: '', bankAccountNos: [], ...overrides };
}

export function vendor(no: string, name: string, overrides: Partial<Party> = {}): Party {
  return { accountType: 'vendor', no, name, address: '', city: '', bankAccountNos: [], ...overrides };
}

export function match(input: Partial<MatchingInput> & Pick<MatchingInput, 'lines'>): MatchingResult {
  return applyAutomatically({ entries: [], parties: [], tolerance: { type: 'amount', value: dec('0') }, ...input });
}

export function lineOf(result: MatchingResult, lineNo: number): LineMatch {
  const found = result.lines.find((candidate) => candidate.lineNo === lineNo);
  if (!found) throw new Error(`no line ${lineNo}`);
  return found;
}

/** A line's outcome in plain strings, for toEqual. */
export function outcome(result: LineMatch) {
  return {
    confidence: result.matchConfidence,
    rule: result.rule ? `${result.rule.matchConfidence}/${result.rule.priority}` : null,
    account: `${result.accountType} ${result.accountNo}`.trim(),
    applied: result.appliedEntries.map((entry) => `${entry.entryNo}:${entry.appliedAmount.toFixed(2)}`
      + (entry.appliedPaymentDiscount.isZero() ? '' : `+${entry.appliedPaymentDiscount.toFixed(2)}`)),
    difference: result.difference.toFixed(2),
  };
}
