/**
 * Reading a journal batch and its lines: the batch with its template (locked while lines are added
 * or the batch posts, so line numbers and document numbers are handed out one request at a time),
 * a page of lines, one line.
 */
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import type { JournalBatchFacts, JournalTemplateType } from '../../core/journal/journal-batch.ts';
import type { JournalAccountType } from '../../core/journal/journal-line.ts';
import { type Decimal, ZERO, dec } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { generalJournalBatch, generalJournalLine, generalJournalTemplate } from '../db/schema/index.ts';

export interface BatchKey { templateName: string; batchName: string }

export type JournalLineRow = typeof generalJournalLine.$inferSelect;

export interface LoadedBatch extends JournalBatchFacts { key: BatchKey; sourceCode: string }

export async function loadBatch(tx: Executor, key: BatchKey, options: { lock: boolean }): Promise<LoadedBatch> {
  const query = tx.select({ batch: generalJournalBatch, template: generalJournalTemplate }).from(generalJournalBatch)
    .innerJoin(generalJournalTemplate, eq(generalJournalTemplate.name, generalJournalBatch.journalTemplateName))
    .where(and(eq(generalJournalBatch.journalTemplateName, key.templateName), eq(generalJournalBatch.name, key.batchName)));
  const [row] = options.lock ? await query.for('update', { of: generalJournalBatch }) : await query;
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'Journal Batch', key: `${key.templateName} ${key.batchName}` });
  return {
    key, templateType: row.template.type as JournalTemplateType, sourceCode: row.template.sourceCode, noSeriesCode: row.batch.noSeriesCode,
    balAccountType: row.batch.balAccountType as JournalAccountType | null, balAccountNo: row.batch.balAccountNo,
  };
}

export const lineOfBatch = (key: BatchKey) =>
  and(eq(generalJournalLine.journalTemplateName, key.templateName), eq(generalJournalLine.journalBatchName, key.batchName))!;

/** All lines in line order; posting locks them. */
export async function batchLines(tx: Executor, key: BatchKey, options: { lock: boolean }): Promise<JournalLineRow[]> {
  const query = tx.select().from(generalJournalLine).where(lineOfBatch(key)).orderBy(asc(generalJournalLine.lineNo));
  return options.lock ? query.for('update') : query;
}

export async function listLines(tx: Executor, key: BatchKey, page: { limit: number; cursor?: string | undefined }) {
  if (page.cursor !== undefined && !/^\d{1,9}$/.test(page.cursor)) {
    throw new DomainError('INVALID_INPUT', { detail: 'cursor must be the nextCursor of the previous page.' }, 'query.cursor');
  }
  const after = page.cursor === undefined ? undefined : Number.parseInt(page.cursor, 10);
  const rows = await tx.select().from(generalJournalLine)
    .where(after === undefined ? lineOfBatch(key) : and(lineOfBatch(key), gt(generalJournalLine.lineNo, after)))
    .orderBy(asc(generalJournalLine.lineNo)).limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  return { items, nextCursor: rows.length > page.limit ? String(items.at(-1)!.lineNo) : null };
}

export async function findLine(tx: Executor, key: BatchKey, lineNo: number, options: { lock: boolean }): Promise<JournalLineRow> {
  const query = tx.select().from(generalJournalLine).where(and(lineOfBatch(key), eq(generalJournalLine.lineNo, lineNo)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'Journal Line', key: `${key.templateName} ${key.batchName} ${lineNo}` });
  return row;
}

/** The bottom line of the batch and the batch's Balance (LCY), for the defaults of the next new line. */
export async function bottomOfBatch(tx: Executor, key: BatchKey): Promise<{ last: JournalLineRow | null; balance: Decimal }> {
  const [last] = await tx.select().from(generalJournalLine).where(lineOfBatch(key)).orderBy(desc(generalJournalLine.lineNo)).limit(1);
  if (!last) return { last: null, balance: ZERO };
  const [sum] = await tx.select({
    balance: sql<string>`coalesce(sum(case when ${generalJournalLine.balAccountNo} = '' then coalesce(${generalJournalLine.amountLcy}, ${generalJournalLine.amount}) else 0 end), 0)`,
  }).from(generalJournalLine).where(lineOfBatch(key));
  return { last, balance: dec(sum!.balance) };
}
