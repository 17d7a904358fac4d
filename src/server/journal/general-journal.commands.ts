/**
 * Posting a general journal (spec §20.2, BC's Gen. Jnl.-Post Batch): the lines as sent become
 * journal lines (currency factors from the exchange rates where not sent), their posting dates are
 * checked, the accounts and applied entries loaded, and core/journal plans one Posting per
 * transaction; each is appended through server/ledger's appendPosting in the caller's transaction,
 * so a refused line posts nothing. Preview plans the same and shows the rows without writing any.
 */
import { inArray } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import type { GeneralJournalLineInput, GeneralJournalPostInput } from '../../core/journal/general-journal.schemas.ts';
import type { GeneralJournalPostingResult, GeneralJournalPreview } from '../../core/journal/general-journal.views.ts';
import { journalLineFromInput } from '../../core/journal/journal-line-input.ts';
import type { JournalLine } from '../../core/journal/journal-line.ts';
import { journalPostings, journalTransactions } from '../../core/journal/journal-posting.ts';
import { type Decimal, ONE, dec } from '../../core/money/decimal.ts';
import { assertPostingDateAllowed } from '../../core/posting/posting-date.ts';
import type { Posting } from '../../core/posting/posting.ts';
import type { Executor } from '../db/connection.ts';
import { currency, customerEntryApplyMark } from '../db/schema/index.ts';
import { appendPosting } from '../ledger/append-posting.ts';
import { previewPostingsRows } from '../ledger/posting-preview.ts';
import type { SalesContext } from '../sales/sales-context.ts';
import { currencyFactor } from '../sales/sales-header.derive.ts';
import { loadJournalAccounts } from './general-journal.queries.ts';

/** The general journal's source code on its registers and entries (BC's GENJNL). */
export const generalJournalSourceCode = 'GENJNL';

interface PlannedJournal {
  lines: JournalLine[];
  postings: Posting[];
  /** Per posting: the positions of its lines in the request. */
  lineIndexes: number[][];
}

/** Where the lines come from: a journal template's source code (CASHRECJNL …); GENJNL when left out. */
interface JournalSource { sourceCode?: string }

export async function postGeneralJournal(
  tx: Executor, input: GeneralJournalPostInput, context: SalesContext, source: JournalSource = {},
): Promise<GeneralJournalPostingResult> {
  const planned = await planGeneralJournal(tx, input, context, { lock: true, ...source });
  const transactions: GeneralJournalPostingResult['transactions'] = [];
  for (const [index, posting] of planned.postings.entries()) {
    const appended = await appendPosting(tx, posting);
    transactions.push({
      transactionNo: appended.transactionNo, postingDate: posting.facts.postingDate, documentNo: posting.facts.document.documentNo,
      lines: planned.lineIndexes[index]!, customerLedgerEntryNos: appended.customerLedgerEntryNos,
      vendorLedgerEntryNos: appended.vendorLedgerEntryNos, bankAccountLedgerEntryNos: appended.bankAccountLedgerEntryNos,
    });
  }
  await clearApplyMarks(tx, planned.postings);
  return { transactions };
}

/** BC clears Applies-to ID and Amount to Apply of the entries a posting applied: their marks are used up. */
async function clearApplyMarks(tx: Executor, postings: readonly Posting[]): Promise<void> {
  const applied = postings.flatMap((posting) => posting.customerApplications.flatMap((plan) => ('entryNo' in plan.applied.entry ? [plan.applied.entry.entryNo] : [])));
  if (applied.length > 0) await tx.delete(customerEntryApplyMark).where(inArray(customerEntryApplyMark.customerLedgerEntryNo, [...new Set(applied)]));
}

/** The entries posting would write, numbered provisionally. Reads only: no row, no sequence value, no lock. */
export async function previewGeneralJournal(
  tx: Executor, input: GeneralJournalPostInput, context: SalesContext, source: JournalSource = {},
): Promise<GeneralJournalPreview> {
  const planned = await planGeneralJournal(tx, input, context, { lock: false, ...source });
  const previews = await previewPostingsRows(tx, planned.postings);
  return {
    transactions: previews.map((rows, index) => ({
      transactionNo: rows.transactionNo, postingDate: planned.postings[index]!.facts.postingDate,
      documentNo: planned.postings[index]!.facts.document.documentNo, lines: planned.lineIndexes[index]!,
      glEntries: rows.glEntries, vatEntries: rows.vatEntries, customerLedgerEntries: rows.customerLedgerEntries, detailedCustomerLedgerEntries: rows.detailedCustomerLedgerEntries,
      vendorLedgerEntries: rows.vendorLedgerEntries, detailedVendorLedgerEntries: rows.detailedVendorLedgerEntries,
      bankAccountLedgerEntries: rows.bankAccountLedgerEntries,
    })) as GeneralJournalPreview['transactions'],
  };
}

async function planGeneralJournal(
  tx: Executor, input: GeneralJournalPostInput, context: SalesContext, options: { lock: boolean } & JournalSource,
): Promise<PlannedJournal> {
  input.lines.forEach((line, index) => assertPostingDateAllowed(line.postingDate, context.glSetup, `lines.${index}.postingDate`));
  const lines = await journalLines(tx, input.lines, context);
  const accounts = await loadJournalAccounts(tx, lines, { lock: options.lock, glSetup: context.glSetup });
  const choices = { acceptPaymentTolerance: input.acceptPaymentTolerance, acceptPaymentDiscountTolerance: input.acceptPaymentDiscountTolerance };
  const postings = journalPostings(lines, accounts, { sourceCode: options.sourceCode ?? generalJournalSourceCode, userId: context.username, choices });
  return { lines, postings, lineIndexes: journalTransactions(lines).map((group) => group.map((entry) => entry.index)) };
}

/** The lines as core/journal takes them: LCY for blank (or the local currency's own code), else the currency's factor and rounding. */
async function journalLines(tx: Executor, inputs: readonly GeneralJournalLineInput[], context: SalesContext): Promise<JournalLine[]> {
  const lcyCode = context.glSetup.lcyCode.toUpperCase();
  const currencyOf = (line: GeneralJournalLineInput) => (line.currencyCode && line.currencyCode !== lcyCode ? line.currencyCode : null);
  const codes = [...new Set(inputs.flatMap((line) => currencyOf(line) ?? []))];
  const precisions = new Map(codes.length === 0 ? [] : (await tx.select({ code: currency.code, precision: currency.amountRoundingPrecision })
    .from(currency).where(inArray(currency.code, codes))).map((row) => [row.code, dec(row.precision)]));
  const lcyAmountPrecision = dec(context.glSetup.amountRoundingPrecision);
  const factors = new Map<string, Decimal>();
  const lines: JournalLine[] = [];
  for (const [index, input] of inputs.entries()) {
    const code = currencyOf(input);
    const precision = code === null ? lcyAmountPrecision : precisions.get(code);
    if (precision === undefined) {
      throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Currency', value: code, field: 'currencyCode' }, `lines.${index}.currencyCode`);
    }
    const factor = code === null ? ONE : input.currencyFactor !== undefined ? dec(input.currencyFactor) : await exchangeRateFactor(tx, code, input.postingDate, context, factors, index);
    lines.push(journalLineFromInput({ ...input, currencyCode: code }, index, {
      currencyFactor: factor, lcyAmountPrecision, amountPrecision: precision, paymentDiscountGracePeriod: context.glSetup.paymentDiscountGracePeriod,
    }));
  }
  return lines;
}

/** The currency factor on the posting date, once per currency and date; refusals name the line's currency field. */
async function exchangeRateFactor(tx: Executor, code: string, postingDate: string, context: SalesContext, known: Map<string, Decimal>, index: number): Promise<Decimal> {
  const key = `${code}\u0000${postingDate}`;
  const cached = known.get(key);
  if (cached) return cached;
  try {
    const factor = dec(await currencyFactor(tx, code, postingDate, context));
    known.set(key, factor);
    return factor;
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(error.code, error.params as never, `lines.${index}.currencyCode`);
    throw error;
  }
}
