import { z } from 'zod';
import { dateText } from '../api/wire.schemas.ts';
import {
  bankAccountLedgerEntryView, customerLedgerEntryView, detailedCustomerLedgerEntryView, detailedVendorLedgerEntryView, glEntryView, vatEntryView,
  vendorLedgerEntryView,
} from '../posting/ledger-entry.views.ts';

/** What the general journal answers (POST /api/v1/generalJournal/post and …/preview). */

const integer = () => z.number().int();

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
