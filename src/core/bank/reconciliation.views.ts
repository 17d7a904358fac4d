import { z } from 'zod';
import { dateText, decimalText, timestampText } from '../api/wire.schemas.ts';
import { generalJournalPostingResultView } from '../journal/general-journal.views.ts';

/**
 * What the payment reconciliation routes answer (…/bankAccounts/{no}/paymentReconciliations/…):
 * the statement with its totals, its lines with their difference and what they are applied to, and
 * for each line matched automatically the explanation of the match (rule, criteria, candidates beaten).
 */
const integer = () => z.number().int();

export const appliedPaymentEntryView = z.object({
  accountType: z.string(),
  accountNo: z.string(),
  appliesToEntryNo: integer().describe('0 = posted to the account itself, no entry applied'),
  appliedAmount: decimalText().describe('What the statement pays of the entry (money in positive)'),
  appliedPmtDiscount: decimalText().describe('Payment discount granted besides'),
  matchConfidence: z.string(),
  quality: integer(),
  documentType: z.string().nullable(),
  documentNo: z.string().nullable(),
  dueDate: dateText().nullable(),
  remainingAmount: decimalText().nullable(),
});

export const reconciliationLineView = z.object({
  bankAccountNo: z.string(),
  statementNo: z.string(),
  statementLineNo: integer(),
  transactionDate: dateText(),
  valueDate: dateText().nullable(),
  description: z.string(),
  transactionText: z.string(),
  additionalTransactionInfo: z.string(),
  statementAmount: decimalText(),
  appliedAmount: decimalText(),
  difference: decimalText().describe('Statement Amount − Applied Amount'),
  relatedPartyName: z.string(),
  relatedPartyAddress: z.string(),
  relatedPartyCity: z.string(),
  relatedPartyBankAccountNo: z.string(),
  paymentReferenceNo: z.string(),
  transactionId: z.string(),
  accountType: z.string(),
  accountNo: z.string(),
  accountName: z.string(),
  matchConfidence: z.string().describe('none, low, medium, high, highTextToAccountMapping, manual or accepted'),
  matchQuality: integer(),
  reviewRequired: z.boolean(),
  matchDetails: z.unknown().nullable().describe('Why Apply Automatically chose this: the rule, the criteria and the candidates it beat'),
  appliedEntries: z.array(appliedPaymentEntryView),
  version: integer(),
  createdAt: timestampText(),
  updatedAt: timestampText(),
});
export type ReconciliationLineView = z.output<typeof reconciliationLineView>;

export const reconciliationView = z.object({
  bankAccountNo: z.string(),
  statementNo: z.string(),
  statementDate: dateText().nullable(),
  balanceLastStatement: decimalText(),
  statementEndingBalance: decimalText(),
  bankAccountBalance: decimalText().describe('Balance of the bank account now'),
  balanceAfterPosting: decimalText().describe('Bank account balance + total statement amount: what Post and Reconcile needs the ending balance to be'),
  totalStatementAmount: decimalText(),
  totalApplied: decimalText(),
  totalDifference: decimalText(),
  linesToReview: integer(),
  linesWithDifference: integer(),
  lineCount: integer(),
  version: integer(),
  createdAt: timestampText(),
  updatedAt: timestampText(),
});
export type ReconciliationView = z.output<typeof reconciliationView>;

export const reconciliationWithLinesView = reconciliationView.extend({ lines: z.array(reconciliationLineView) });

export const statementImportView = z.object({
  fileName: z.string(),
  format: z.string(),
  statements: integer().describe('Statements in the file'),
  imported: integer().describe('Transactions added as lines'),
  skipped: integer().describe('Transactions imported before (same fingerprint), not added again'),
  lineNos: z.array(integer()),
  applied: integer().describe('Lines Apply Automatically matched'),
  warnings: z.array(z.string()),
});
export type StatementImportView = z.output<typeof statementImportView>;

export const applyAutomaticallyView = z.object({
  lines: integer(),
  matched: integer(),
  byConfidence: z.record(z.string(), integer()),
  milliseconds: integer(),
});
export type ApplyAutomaticallyView = z.output<typeof applyAutomaticallyView>;

export const reconciliationPostingResultView = z.object({
  bankAccountNo: z.string(),
  statementNo: z.string(),
  reconciled: z.boolean(),
  postedLines: integer(),
  transactions: generalJournalPostingResultView.shape.transactions,
});

export const candidateEntryView = z.object({
  entryNo: integer(),
  customerNo: z.string(),
  customerName: z.string(),
  documentType: z.string(),
  documentNo: z.string(),
  externalDocumentNo: z.string(),
  postingDate: dateText(),
  dueDate: dateText().nullable(),
  remainingAmount: decimalText(),
  remainingPmtDiscPossible: decimalText(),
  pmtDiscountDate: dateText().nullable(),
  appliedByThisLine: decimalText().nullable(),
  match: z.unknown().nullable().describe('How well the entry matches the line: related party, document no. and amount criteria, and the rule'),
});
