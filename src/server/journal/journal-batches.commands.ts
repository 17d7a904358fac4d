/**
 * Posting a journal batch (BC's Gen. Jnl.-Post Batch): the batch's lines, in line order, go through
 * the general journal's posting (general-journal.commands.ts: allowed posting dates, accounts,
 * blocked customers, direct posting, one balanced transaction per document no. and posting date),
 * in the caller's one transaction, so a batch posts completely or not at all. Then, with a number
 * series on the batch, each document's number is drawn from it in order and must be the one the
 * line carries (the numbers were only peeked when the lines were set up), and the lines are deleted.
 * Refusals name the line by its Line No.
 */
import { DomainError } from '../../core/errors.ts';
import type { GeneralJournalLineInput } from '../../core/journal/general-journal.schemas.ts';
import { documentStarts } from '../../core/journal/journal-batch.ts';
import type { JournalBatchPostInput } from '../../core/journal/journal-batch.schemas.ts';
import type { JournalBatchPostingResult, JournalBatchPreview } from '../../core/journal/journal-batch.views.ts';
import type { Executor } from '../db/connection.ts';
import { generalJournalLine } from '../db/schema/index.ts';
import { drawNumber } from '../number-series/no-series.commands.ts';
import type { SalesContext } from '../sales/sales-context.ts';
import { postGeneralJournal, previewGeneralJournal } from './general-journal.commands.ts';
import { inBatchTerms } from './journal-batches.errors.ts';
import { type BatchKey, type JournalLineRow, batchLines, lineOfBatch, loadBatch } from './journal-lines.queries.ts';

export async function postJournalBatch(tx: Executor, key: BatchKey, options: JournalBatchPostInput, context: SalesContext): Promise<JournalBatchPostingResult> {
  const batch = await loadBatch(tx, key, { lock: true });
  const rows = await batchLines(tx, key, { lock: true });
  if (rows.length === 0) throw new DomainError('JOURNAL_BATCH_EMPTY', { templateName: key.templateName, batchName: key.batchName });
  const lines = rows.map(lineInput);
  const lineNos = rows.map((row) => row.lineNo);
  try {
    const result = await postGeneralJournal(tx, { ...options, lines }, context, { sourceCode: batch.sourceCode });
    if (batch.noSeriesCode) await drawDocumentNos(tx, batch.noSeriesCode, lines);
    await tx.delete(generalJournalLine).where(lineOfBatch(key));
    return {
      transactions: result.transactions.map((transaction) => ({ ...transaction, lines: transaction.lines.map((index) => lineNos[index]!) })),
      postedLines: rows.length,
    };
  } catch (error) {
    throw inBatchTerms(error, lineNos);
  }
}

/** What posting the batch would write; reads only (no lock, no number drawn). */
export async function previewJournalBatch(tx: Executor, key: BatchKey, options: JournalBatchPostInput, context: SalesContext): Promise<JournalBatchPreview> {
  const batch = await loadBatch(tx, key, { lock: false });
  const rows = await batchLines(tx, key, { lock: false });
  if (rows.length === 0) throw new DomainError('JOURNAL_BATCH_EMPTY', { templateName: key.templateName, batchName: key.batchName });
  const lineNos = rows.map((row) => row.lineNo);
  try {
    const preview = await previewGeneralJournal(tx, { ...options, lines: rows.map(lineInput) }, context, { sourceCode: batch.sourceCode });
    return { transactions: preview.transactions.map((transaction) => ({ ...transaction, lines: transaction.lines.map((index) => lineNos[index]!) })) };
  } catch (error) {
    throw inBatchTerms(error, lineNos);
  }
}

/**
 * BC's check of a batch with a No. Series: each document, in posting order, takes the series' next
 * number, which must be its own. Drawn last, in the posting's transaction: gapless, and a refused
 * batch gives every number back.
 */
async function drawDocumentNos(tx: Executor, seriesCode: string, lines: readonly GeneralJournalLineInput[]): Promise<void> {
  for (const start of documentStarts(lines)) {
    const { number } = await drawNumber(tx, seriesCode, start.postingDate);
    if (number !== start.documentNo) {
      throw new DomainError('JOURNAL_DOCUMENT_NO_NOT_NEXT', {
        lineNo: start.index + 1, documentNo: start.documentNo, series: seriesCode, expected: number,
      }, `lines.${start.index}.documentNo`);
    }
  }
}

/** A stored line as the general journal takes it: blanks left out, so they mean what they mean in a request. */
function lineInput(row: JournalLineRow): GeneralJournalLineInput {
  const optional = (value: string | null) => (value === null || value === '' ? undefined : value);
  const input = {
    postingDate: row.postingDate,
    documentType: optional(row.documentType),
    documentNo: row.documentNo,
    externalDocumentNo: optional(row.externalDocumentNo),
    documentDate: optional(row.documentDate),
    accountType: row.accountType,
    accountNo: row.accountNo,
    description: optional(row.description),
    currencyCode: optional(row.currencyCode),
    currencyFactor: optional(row.currencyFactor),
    amount: row.amount,
    amountLcy: optional(row.amountLcy),
    balAccountType: optional(row.balAccountType),
    balAccountNo: optional(row.balAccountNo),
    appliesToDocType: optional(row.appliesToDocType),
    appliesToDocNo: optional(row.appliesToDocNo),
    appliesToId: optional(row.appliesToId),
    dueDate: optional(row.dueDate),
    paymentDiscountDate: optional(row.paymentDiscountDate),
    paymentDiscountPercent: optional(row.paymentDiscountPercent),
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as GeneralJournalLineInput;
}
