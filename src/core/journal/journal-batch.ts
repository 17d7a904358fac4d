/**
 * Journal templates and batches (BC's Gen. Journal Template and Gen. Journal Batch, spec §20.2
 * item 1): what a new line of a batch starts with (BC's Gen. Journal Line.SetUpNewLine), and which
 * document numbers a batch with a number series must post. Pure: the shell loads the batch, its
 * last line and the series' next number, and writes what these functions decide.
 */
import { type Decimal, ZERO, dec } from '../money/decimal.ts';
import type { GeneralJournalLineInput } from './general-journal.schemas.ts';
import type { JournalAccountType, JournalDocumentType } from './journal-line.ts';

export const journalTemplateTypes = ['general', 'cashReceipts', 'payments'] as const;
export type JournalTemplateType = (typeof journalTemplateTypes)[number];

/** BC's source codes of the standard journals: every entry a template posts carries its template's. */
export const defaultSourceCodes: Record<JournalTemplateType, string> = {
  general: 'GENJNL', cashReceipts: 'CASHRECJNL', payments: 'PAYMENTJNL',
};

/** Line numbers step by 10000, as BC's journal pages insert them, leaving room to insert between. */
export const lineNoStep = 10_000;

export interface JournalBatchFacts {
  templateType: JournalTemplateType;
  noSeriesCode: string | null;
  balAccountType: JournalAccountType | null;
  balAccountNo: string | null;
}

/** What SetUpNewLine reads of the line above: the bottom line of the batch. */
export interface PreviousLineFacts {
  lineNo: number;
  postingDate: string;
  documentType: JournalDocumentType;
  documentNo: string;
  accountNo: string;
  amount: string;
}

export interface NewLineDefaults {
  lineNo: number;
  postingDate: string;
  documentType: JournalDocumentType;
  documentNo: string;
  accountType: JournalAccountType;
  balAccountType: JournalAccountType | null;
  balAccountNo: string;
}

export interface NewLineContext {
  batch: JournalBatchFacts;
  previous: PreviousLineFacts | null;
  /** Σ Balance (LCY) of the batch's lines: what the lines without a balancing account leave open. */
  balance: Decimal;
  workDate: string;
  /** The series' next number on the new line's posting date, peeked (not drawn); null without a series. */
  firstDocumentNo: string | null;
  /** The number after a given one in the batch's series (or by IncStr without a series). */
  incrementDocumentNo: (documentNo: string) => string;
}

/**
 * BC's SetUpNewLine: the posting date and document no. of the line above, the document no.
 * incremented once the batch balances again (the line above completed its document); the first
 * line takes the work date and the series' next number. Payments and cash receipts journals start
 * their lines as payments of a vendor or a customer; the balancing account is the batch's.
 */
export function newLineDefaults(context: NewLineContext): NewLineDefaults {
  const { batch, previous } = context;
  const byTemplate = templateLineDefaults(batch.templateType);
  const balancing = { balAccountType: batch.balAccountType, balAccountNo: batch.balAccountType ? batch.balAccountNo ?? '' : '' };
  if (!previous) {
    return { lineNo: lineNoStep, postingDate: context.workDate, documentNo: context.firstDocumentNo ?? '', ...byTemplate, ...balancing };
  }
  const previousEmpty = previous.accountNo === '' && dec(previous.amount).isZero();
  const documentComplete = context.balance.isZero() && !previousEmpty && previous.documentNo !== '';
  return {
    lineNo: previous.lineNo + lineNoStep,
    postingDate: previous.postingDate,
    documentNo: documentComplete ? context.incrementDocumentNo(previous.documentNo) : previous.documentNo,
    ...byTemplate,
    documentType: byTemplate.documentType === '' ? previous.documentType : byTemplate.documentType,
    ...balancing,
  };
}

function templateLineDefaults(type: JournalTemplateType): { documentType: JournalDocumentType; accountType: JournalAccountType } {
  switch (type) {
    case 'cashReceipts': return { documentType: 'payment', accountType: 'customer' };
    case 'payments': return { documentType: 'payment', accountType: 'vendor' };
    case 'general': return { documentType: '', accountType: 'glAccount' };
  }
}

/** A line's Balance (LCY) in BC: its Amount (LCY) unless a balancing account takes the other side. */
export function lineBalance(line: { balAccountNo: string | null; amount: string; amountLcy: string | null }): Decimal {
  if (line.balAccountNo) return ZERO;
  return dec(line.amountLcy ?? line.amount);
}

/**
 * The documents of a batch in posting order, each with the position of its first line: a new
 * document starts wherever the document no. changes (BC's Gen. Jnl.-Post Batch compares each line
 * with the line before it). A batch with a number series must post exactly these numbers, drawn
 * from the series in this order, so its documents stay gapless and in sequence.
 */
export function documentStarts(lines: readonly Pick<GeneralJournalLineInput, 'documentNo' | 'postingDate'>[]): { index: number; documentNo: string; postingDate: string }[] {
  return lines.flatMap((line, index) =>
    index > 0 && lines[index - 1]!.documentNo === line.documentNo ? [] : [{ index, documentNo: line.documentNo, postingDate: line.postingDate }]);
}
