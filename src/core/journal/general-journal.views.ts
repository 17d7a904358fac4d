import { z } from 'zod';
import { dateText, decimalText } from '../api/wire.schemas.ts';
import { customerLedgerEntryView, detailedCustomerLedgerEntryView, glEntryView, vatEntryView } from '../posting/ledger-entry.views.ts';

/**
 * What the general journal answers (POST /api/v1/generalJournal/post and …/preview). The vendor and
 * bank account ledger entry views are the columns of their tables (server/db/schema/ledgers.ts).
 */

const integer = () => z.number().int();

const entryHeader = {
  transactionNo: integer(),
  postingDate: dateText(),
  documentType: z.string(),
  documentNo: z.string(),
  description: z.string(),
  sourceCode: z.string(),
  userId: z.string(),
};

export const vendorLedgerEntryView = z.object({
  entryNo: integer(),
  ...entryHeader,
  vendorNo: z.string(),
  buyFromVendorNo: z.string(),
  documentDate: dateText().nullable(),
  externalDocumentNo: z.string(),
  currencyCode: z.string(),
  currencyFactor: decimalText(),
  amount: decimalText(),
  amountLcy: decimalText(),
  remainingAmount: decimalText(),
  remainingAmountLcy: decimalText(),
  purchaseLcy: decimalText(),
  invoiceDiscountLcy: decimalText(),
  dueDate: dateText().nullable(),
  paymentDiscountDate: dateText().nullable(),
  paymentDiscountToleranceDate: dateText().nullable(),
  originalPaymentDiscountPossible: decimalText(),
  remainingPaymentDiscountPossible: decimalText(),
  open: z.boolean(),
  positive: z.boolean(),
  closedByEntryNo: integer().nullable(),
  closedAtDate: dateText().nullable(),
  closedByAmount: decimalText(),
  purchaserCode: z.string(),
  paymentMethodCode: z.string(),
  vendorPostingGroup: z.string(),
});

export const detailedVendorLedgerEntryView = z.object({
  entryNo: integer(),
  vendorLedgerEntryNo: integer(),
  entryType: z.string(),
  transactionNo: integer(),
  postingDate: dateText(),
  documentType: z.string(),
  documentNo: z.string(),
  vendorNo: z.string(),
  currencyCode: z.string(),
  amount: decimalText(),
  amountLcy: decimalText(),
  appliedVendorLedgerEntryNo: integer().nullable(),
  userId: z.string(),
});

export const bankAccountLedgerEntryView = z.object({
  entryNo: integer(),
  ...entryHeader,
  bankAccountNo: z.string(),
  externalDocumentNo: z.string(),
  currencyCode: z.string(),
  /** In the bank account's currency: positive = money in. */
  amount: decimalText(),
  amountLcy: decimalText(),
  remainingAmount: decimalText(),
  open: z.boolean(),
  positive: z.boolean(),
  closedByEntryNo: integer().nullable(),
  closedAtDate: dateText().nullable(),
  balAccountType: z.string(),
  balAccountNo: z.string(),
  statementStatus: z.string(),
  statementNo: z.string(),
  statementLineNo: integer(),
});

/** One transaction of the journal: its posting date and document no., and the positions of its lines in the request. */
const transactionFacts = {
  postingDate: dateText(),
  documentNo: z.string(),
  lines: z.array(integer()).describe('Positions (from 0) of the request\'s lines that form this transaction'),
};

export const generalJournalPostingResultView = z.object({
  transactions: z.array(z.object({
    transactionNo: integer(),
    ...transactionFacts,
    customerLedgerEntryNos: z.array(integer()),
    vendorLedgerEntryNos: z.array(integer()),
    bankAccountLedgerEntryNos: z.array(integer()),
  })),
});
export type GeneralJournalPostingResult = z.output<typeof generalJournalPostingResultView>;

/** Preview: every entry each transaction would write, numbered provisionally; nothing is written. */
export const generalJournalPreviewView = z.object({
  transactions: z.array(z.object({
    transactionNo: integer().describe('Provisional'),
    ...transactionFacts,
    glEntries: z.array(glEntryView),
    vatEntries: z.array(vatEntryView),
    customerLedgerEntries: z.array(customerLedgerEntryView),
    detailedCustomerLedgerEntries: z.array(detailedCustomerLedgerEntryView),
    vendorLedgerEntries: z.array(vendorLedgerEntryView),
    detailedVendorLedgerEntries: z.array(detailedVendorLedgerEntryView),
    bankAccountLedgerEntries: z.array(bankAccountLedgerEntryView),
  })),
});
export type GeneralJournalPreview = z.output<typeof generalJournalPreviewView>;
