/**
 * Reverse Transaction (spec §20.3; BC's Reversal Entry): a transaction posted from a journal is
 * undone by a new transaction of opposite entries on the same posting date and documents, each
 * new customer entry applied to the entry it reverses, so both close. Posted entries stay as they
 * are; the reversal is recorded beside them. Pure: the shell loads the transaction and appends the
 * Posting this returns.
 */
import type { IsoDate } from '../dates/calendar-date.ts';
import { DomainError } from '../errors.ts';
import { type Decimal, ZERO } from '../money/decimal.ts';
import { type ApplicableCustomerEntry, type CustomerApplicationPlan, planCustomerApplication } from '../receivables/customer-application.ts';
import type { BankAccountLedgerEntryDraft, CustomerLedgerEntryDraft, EntryDocument, GlEntry, VatEntry } from './entries.ts';
import type { Posting } from './posting.ts';

/** BC's REVERSAL source code on the reversing register and entries. */
export const reversalSourceCode = 'REVERSAL';

export interface LoadedCustomerEntry extends ApplicableCustomerEntry {
  entryNo: number;
  draft: CustomerLedgerEntryDraft;
  /** An application of the entry that is not unapplied: reversing it needs Unapply first. */
  applied: boolean;
}

export interface LoadedBankAccountEntry {
  entryNo: number;
  draft: BankAccountLedgerEntryDraft;
  /** Reconciled with a bank statement (Statement Status closed or pending). */
  reconciled: boolean;
}

/** One posted transaction as the shell loads it, with what decides whether it may be reversed. */
export interface TransactionToReverse {
  transactionNo: number;
  postingDate: IsoDate;
  sourceCode: string;
  document: EntryDocument;
  /** Set when this transaction is reversed already, by that transaction. */
  reversedByTransactionNo: number | null;
  /** Set when this transaction is itself a reversal, of that transaction. */
  reversesTransactionNo: number | null;
  glEntries: readonly GlEntry[];
  vatEntries: readonly (VatEntry & { closed: boolean })[];
  customerEntries: readonly LoadedCustomerEntry[];
  bankAccountEntries: readonly LoadedBankAccountEntry[];
  /** Vendor and item entries cannot be reversed here (purchasing and inventory have their own corrections). */
  otherEntryCount: number;
}

/** The source codes of the journals (payment reconciliation included) whose transactions can be reversed (BC refuses document postings). */
export const reversibleSourceCodes = ['GENJNL', 'CASHRECJNL', 'PAYMENTJNL', 'PMTRECON'] as const;

export function planReversal(transaction: TransactionToReverse, userId: string): Posting {
  checkReversible(transaction);
  const customerEntries = transaction.customerEntries.map((entry) => negatedCustomerEntry(entry.draft));
  const customerApplications: CustomerApplicationPlan[] = transaction.customerEntries.map((entry, index) =>
    planCustomerApplication(reversingEntry(entry, index), entry, { documentType: entry.draft.documentType, documentNo: entry.draft.document?.documentNo ?? transaction.document.documentNo }));
  return {
    facts: { postingDate: transaction.postingDate, sourceCode: reversalSourceCode, userId, document: transaction.document },
    entries: {
      glEntries: transaction.glEntries.map((entry) => ({ ...entry, amount: entry.amount.negated(), ...(entry.vatAmount ? { vatAmount: entry.vatAmount.negated() } : {}) })),
      vatEntries: transaction.vatEntries.map(({ closed: _closed, ...entry }) => ({ ...entry, base: entry.base.negated(), amount: entry.amount.negated() })),
      customerLedgerEntries: customerEntries,
      bankAccountLedgerEntries: transaction.bankAccountEntries.map((entry) => ({ ...entry.draft, amount: entry.draft.amount.negated(), amountLcy: entry.draft.amountLcy.negated() })),
    },
    items: null,
    customerApplications,
  };
}

function checkReversible(transaction: TransactionToReverse): void {
  const refuse = (code: 'REVERSAL_NOT_ALLOWED', reason: string) => new DomainError(code, { transactionNo: transaction.transactionNo, reason });
  if (transaction.reversedByTransactionNo !== null) throw refuse('REVERSAL_NOT_ALLOWED', `it was reversed already by transaction ${transaction.reversedByTransactionNo}`);
  if (transaction.reversesTransactionNo !== null) throw refuse('REVERSAL_NOT_ALLOWED', `it reverses transaction ${transaction.reversesTransactionNo}`);
  if (!(reversibleSourceCodes as readonly string[]).includes(transaction.sourceCode)) {
    throw refuse('REVERSAL_NOT_ALLOWED', `it was posted with source code ${transaction.sourceCode}, not from a journal; correct a posted document with Cancel or Correct`);
  }
  if (transaction.otherEntryCount > 0) throw refuse('REVERSAL_NOT_ALLOWED', 'it has vendor or item ledger entries');
  const applied = transaction.customerEntries.find((entry) => entry.applied);
  if (applied) throw refuse('REVERSAL_NOT_ALLOWED', `customer ledger entry ${applied.entryNo} is applied; unapply it first`);
  const reconciled = transaction.bankAccountEntries.find((entry) => entry.reconciled);
  if (reconciled) throw refuse('REVERSAL_NOT_ALLOWED', `bank account ledger entry ${reconciled.entryNo} is reconciled with a bank statement`);
  if (transaction.vatEntries.some((entry) => entry.closed)) throw refuse('REVERSAL_NOT_ALLOWED', 'its VAT has been settled');
}

function negatedCustomerEntry(draft: CustomerLedgerEntryDraft): CustomerLedgerEntryDraft {
  const negate = (value: Decimal) => value.negated();
  return {
    ...draft,
    amount: negate(draft.amount), amountLcy: negate(draft.amountLcy), salesLcy: negate(draft.salesLcy),
    ...(draft.profitLcy ? { profitLcy: negate(draft.profitLcy) } : {}),
    invoiceDiscountLcy: negate(draft.invoiceDiscountLcy),
    // The reversing entry offers no discount of its own: it only closes the entry it reverses.
    originalPaymentDiscountPossible: ZERO, paymentDiscountDate: null, paymentDiscountToleranceDate: null,
  };
}

function reversingEntry(entry: LoadedCustomerEntry, index: number): ApplicableCustomerEntry {
  return {
    newEntryIndex: index, entryNo: null, customerNo: entry.customerNo, currencyCode: entry.currencyCode,
    amount: entry.amount.negated(), amountLcy: entry.amountLcy.negated(), remainingAmount: entry.amount.negated(), remainingAmountLcy: entry.amountLcy.negated(), open: true,
  };
}
