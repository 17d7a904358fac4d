import { z } from 'zod';
import { dateText, decimalText, pageOf, timestampText } from '../api/wire.schemas.ts';
import { generalJournalPostingResultView, generalJournalPreviewView } from './general-journal.views.ts';

/**
 * What the journal batch routes answer (…/journalTemplates/{template}/batches/{batch}/lines, …/post,
 * …/preview). A line is the general journal's line as stored; blanks the line never had are null.
 */
const integer = () => z.number().int();

export const journalLineView = z.object({
  journalTemplateName: z.string(),
  journalBatchName: z.string(),
  lineNo: integer(),
  postingDate: dateText(),
  documentType: z.string(),
  documentNo: z.string(),
  externalDocumentNo: z.string(),
  documentDate: dateText().nullable(),
  accountType: z.string(),
  accountNo: z.string(),
  description: z.string(),
  currencyCode: z.string().nullable(),
  currencyFactor: decimalText().nullable(),
  amount: decimalText(),
  amountLcy: decimalText().nullable(),
  balAccountType: z.string().nullable(),
  balAccountNo: z.string(),
  appliesToDocType: z.string().nullable(),
  appliesToDocNo: z.string().nullable(),
  appliesToId: z.string().nullable(),
  dueDate: dateText().nullable(),
  paymentDiscountDate: dateText().nullable(),
  paymentDiscountPercent: decimalText().nullable(),
  version: integer(),
  createdAt: timestampText(),
  updatedAt: timestampText(),
});
export type JournalLineView = z.output<typeof journalLineView>;

export const journalLinePageView = pageOf(journalLineView);

export const journalLinesImportView = z.object({ lines: z.array(journalLineView) });

const lineNos = z.array(integer()).describe('Line nos. of the batch\'s lines that form this transaction');

/** Posting a batch: the general journal's transactions, their lines named by line no., and how many lines were posted (and deleted). */
export const journalBatchPostingResultView = z.object({
  transactions: z.array(generalJournalPostingResultView.shape.transactions.element.extend({ lines: lineNos })),
  postedLines: integer(),
});
export type JournalBatchPostingResult = z.output<typeof journalBatchPostingResultView>;

export const journalBatchPreviewView = z.object({
  transactions: z.array(generalJournalPreviewView.shape.transactions.element.extend({ lines: lineNos })),
});
export type JournalBatchPreview = z.output<typeof journalBatchPreviewView>;
