/**
 * Journal lines are drafts (DESIGN §5): added, changed and deleted freely until the batch posts.
 * A new line starts as BC's SetUpNewLine sets it up (core/journal/journal-batch.ts): the line above's
 * posting date and document no., the next document no. once that document balances, the batch's
 * balancing account. Document numbers are only peeked here; posting draws them.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { type NewLineDefaults, lineBalance, newLineDefaults } from '../../core/journal/journal-batch.ts';
import type { JournalLineCreateInput, JournalLineUpdateInput } from '../../core/journal/journal-batch.schemas.ts';
import { incrementNumber, selectSeriesLine, type NoSeriesLine } from '../../core/number-series/next-number.ts';
import { type Decimal } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { translateConstraintError } from '../db/constraint-errors.ts';
import { generalJournalLine, noSeriesLine } from '../db/schema/index.ts';
import { prefixField } from './journal-batches.errors.ts';
import { peekNumber } from '../number-series/no-series.commands.ts';
import { type BatchKey, type JournalLineRow, type LoadedBatch, bottomOfBatch, findLine, lineOfBatch, loadBatch } from './journal-lines.queries.ts';

type NewLineRow = typeof generalJournalLine.$inferInsert;

/** Line numbers are integer columns; the API accepts up to 2,000,000,000. */
const maxLineNo = 2_000_000_000;

/** Columns that hold '' rather than null when a line leaves them blank. */
const blankAsEmpty = new Set(['documentType', 'externalDocumentNo', 'description', 'balAccountNo']);

/**
 * Adds lines at the bottom of the batch in one statement per 1,000 lines, each set up from the one
 * before it. A refused line adds none; with several lines its field is named `lines.<position>.…`.
 */
export async function createLines(tx: Executor, key: BatchKey, inputs: readonly JournalLineCreateInput[], workDate: string): Promise<JournalLineRow[]> {
  const batch = await loadBatch(tx, key, { lock: true });
  let { last, balance } = await bottomOfBatch(tx, key) as { last: Previous | null; balance: Decimal };
  const increment = await documentNoIncrement(tx, batch.noSeriesCode, workDate);
  const rows: NewLineRow[] = [];
  for (const [index, input] of inputs.entries()) {
    const row = await newLine(tx, batch, input, { last, balance, workDate, increment }).catch((error: unknown) => {
      throw inputs.length > 1 ? prefixField(error, `lines.${index}`) : error;
    });
    rows.push(row);
    balance = balance.plus(lineBalance({ balAccountNo: row.balAccountNo ?? '', amount: row.amount ?? '0', amountLcy: row.amountLcy ?? null }));
    if (!last || row.lineNo > last.lineNo) last = row as Previous;
  }
  await assertLineNosFree(tx, key, rows, inputs.length > 1);
  const written: JournalLineRow[] = [];
  for (let start = 0; start < rows.length; start += 1000) {
    written.push(...await insertGuarded(tx, key, rows.slice(start, start + 1000)));
  }
  return written;
}

type Previous = Pick<JournalLineRow, 'lineNo' | 'postingDate' | 'documentType' | 'documentNo' | 'accountNo' | 'amount'>;

async function newLine(
  tx: Executor, batch: LoadedBatch, input: JournalLineCreateInput,
  bottom: { last: Previous | null; balance: Decimal; workDate: string; increment: (documentNo: string) => string },
): Promise<NewLineRow> {
  const firstDocumentNo = !bottom.last && batch.noSeriesCode && input.documentNo === undefined
    ? (await peekNumber(tx, batch.noSeriesCode, input.postingDate ?? bottom.workDate)).number : null;
  const defaults: NewLineDefaults = newLineDefaults({
    batch, previous: bottom.last as Parameters<typeof newLineDefaults>[0]['previous'], balance: bottom.balance, workDate: bottom.workDate,
    firstDocumentNo, incrementDocumentNo: bottom.increment,
  });
  // A line that names its own balancing account does not take the batch's.
  const ownBalancing = input.balAccountType !== undefined || input.balAccountNo !== undefined;
  const values = withoutUndefined(input);
  if ((values.lineNo ?? defaults.lineNo) > maxLineNo) {
    throw new DomainError('INVALID_INPUT', { detail: `Line No. ${defaults.lineNo} would be past the last one a batch can hold (${maxLineNo}); give the new line a free Line No.` }, 'lineNo');
  }
  return {
    journalTemplateName: batch.key.templateName, journalBatchName: batch.key.batchName,
    ...defaults,
    ...(ownBalancing ? { balAccountType: null, balAccountNo: '' } : {}),
    ...values,
  } as NewLineRow;
}

/** The number after a document no.: by the Increment-by No. of the batch's series line, or by 1 (BC's IncrementDocumentNo). */
async function documentNoIncrement(tx: Executor, seriesCode: string | null, workDate: string): Promise<(documentNo: string) => string> {
  let incrementBy = 1;
  if (seriesCode) {
    const lines = await tx.select().from(noSeriesLine).where(eq(noSeriesLine.seriesCode, seriesCode)).orderBy(asc(noSeriesLine.lineNo));
    try {
      incrementBy = selectSeriesLine(lines as NoSeriesLine[], workDate, seriesCode).incrementBy;
    } catch {
      // A series without an open line still numbers by 1 here; posting reports the series' problem.
    }
  }
  return (documentNo) => {
    try {
      return incrementNumber(documentNo, incrementBy);
    } catch {
      // A number without digits (BC's IncStr gives up) stays as it is: the user types the next one.
      return documentNo;
    }
  };
}

/** A line no. already taken is refused by the line that takes it (the insert's own refusal could not say which). */
async function assertLineNosFree(tx: Executor, key: BatchKey, rows: readonly NewLineRow[], several: boolean): Promise<void> {
  const lineNos = rows.map((row) => row.lineNo);
  const taken = new Set((await tx.select({ lineNo: generalJournalLine.lineNo }).from(generalJournalLine)
    .where(and(lineOfBatch(key), inArray(generalJournalLine.lineNo, [...new Set(lineNos)])))).map((row) => row.lineNo));
  const index = lineNos.findIndex((lineNo, position) => taken.has(lineNo) || lineNos.indexOf(lineNo) !== position);
  if (index < 0) return;
  const field = several ? `lines.${index}.lineNo` : 'lineNo';
  throw new DomainError('ALREADY_EXISTS', { entity: 'Journal Line', key: `${key.templateName} ${key.batchName} ${lineNos[index]}` }, field);
}

async function insertGuarded(tx: Executor, key: BatchKey, rows: NewLineRow[]): Promise<JournalLineRow[]> {
  try {
    return await tx.insert(generalJournalLine).values(rows).returning();
  } catch (error) {
    translateConstraintError(error, { entity: 'Journal Line', key: `${key.templateName} ${key.batchName}`, operation: 'write' });
  }
}

export async function updateLine(
  tx: Executor, key: BatchKey, lineNo: number, input: JournalLineUpdateInput, expectedVersion: number | undefined,
): Promise<JournalLineRow> {
  const previous = await findLine(tx, key, lineNo, { lock: true });
  checkVersion(key, previous, expectedVersion);
  const changes = Object.fromEntries(Object.entries(withoutUndefined(input))
    .map(([field, value]) => [field, value === null && blankAsEmpty.has(field) ? '' : value]));
  const [updated] = await tx.update(generalJournalLine)
    .set({ ...changes, version: sql`${generalJournalLine.version} + 1`, updatedAt: sql`now()` })
    .where(and(lineOfBatch(key), eq(generalJournalLine.lineNo, lineNo))).returning();
  return updated!;
}

export async function deleteLine(tx: Executor, key: BatchKey, lineNo: number, expectedVersion: number | undefined): Promise<void> {
  const line = await findLine(tx, key, lineNo, { lock: true });
  checkVersion(key, line, expectedVersion);
  await tx.delete(generalJournalLine).where(and(lineOfBatch(key), eq(generalJournalLine.lineNo, lineNo)));
}

function checkVersion(key: BatchKey, line: JournalLineRow, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && line.version !== expectedVersion) {
    throw new DomainError('VERSION_CONFLICT', {
      entity: 'Journal Line', key: `${key.templateName} ${key.batchName} ${line.lineNo}`, currentVersion: line.version, sentVersion: expectedVersion,
    });
  }
}

function withoutUndefined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
