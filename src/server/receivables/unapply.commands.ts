/**
 * Unapply a customer ledger entry (spec §20.3; BC's Unapply Entries → Unapply): its latest
 * application is undone in one transaction — load and lock the entries, core plans the reversing
 * detailed entries and the G/L and VAT they reverse, checked like any posting, appended by
 * server/ledger's appendPosting. The posting date defaults to the application's and must be allowed.
 * Preview plans the same and shows the rows without writing any.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import { assertBalanced } from '../../core/posting/assert-balanced.ts';
import { assertPostingDateAllowed } from '../../core/posting/posting-date.ts';
import type { Posting } from '../../core/posting/posting.ts';
import type { DetailedCustomerEntryType, PostedDetailedCustomerEntry } from '../../core/receivables/application-types.ts';
import { planUnapply, type UnapplyEntryState, type UnapplyResult } from '../../core/receivables/unapply-plan.ts';
import type { UnappliedEntries, UnapplyPreview } from '../../core/receivables/unapply.views.ts';
import type { Executor } from '../db/connection.ts';
import { customer, customerLedgerEntry, detailedCustomerLedgerEntry, glEntry, vatEntry } from '../db/schema/index.ts';
import { loadApplicationSetup } from '../journal/general-journal.queries.ts';
import { appendPosting } from '../ledger/append-posting.ts';
import { previewPostingRows } from '../ledger/posting-preview.ts';
import type { SalesContext } from '../sales/sales-context.ts';

/** BC's Source Code Setup "Unapplied Sales Entry Appln.". */
export const unapplySourceCode = 'UNAPPSALES';

export interface UnapplyInput {
  postingDate?: string | undefined;
}

export async function unapplyCustomerLedgerEntry(tx: Executor, entryNo: number, input: UnapplyInput, context: SalesContext): Promise<UnappliedEntries> {
  const { posting, unapply } = await planUnapplyPosting(tx, entryNo, input, context, { lock: true });
  const appended = await appendPosting(tx, posting);
  return { ...outcomeOf(unapply), transactionNo: appended.transactionNo };
}

/**
 * Preview of Unapply (BC's Preview Unapply): the same load, checks and plan, then the rows it would
 * append, numbered provisionally. Reads only: no lock, no row, no sequence value or number drawn.
 */
export async function previewUnapplyCustomerLedgerEntry(tx: Executor, entryNo: number, input: UnapplyInput, context: SalesContext): Promise<UnapplyPreview> {
  const { posting, unapply } = await planUnapplyPosting(tx, entryNo, input, context, { lock: false });
  assertBalanced(posting.entries);
  const rows = await previewPostingRows(tx, posting);
  // The rows are the tables' columns as stored, which is what the views list.
  return {
    ...outcomeOf(unapply), transactionNo: rows.transactionNo,
    glEntries: rows.glEntries, vatEntries: rows.vatEntries, detailedCustomerLedgerEntries: rows.detailedCustomerLedgerEntries,
  } as UnapplyPreview;
}

function outcomeOf(unapply: UnapplyResult): Omit<UnappliedEntries, 'transactionNo'> {
  return {
    postingDate: unapply.postingDate, documentNo: unapply.document.documentNo, unappliedTransactionNo: unapply.transactionNo,
    customerLedgerEntries: unapply.plan.entries.map((restored) => ({
      entryNo: restored.entryNo, remainingAmount: restored.remainingAmount.toFixed(2), remainingAmountLcy: restored.remainingAmountLcy.toFixed(2), open: restored.open,
    })),
  };
}

/** Load (and, posting, lock) the entry and those its latest application touched; core plans the unapply as a Posting. */
async function planUnapplyPosting(
  tx: Executor, entryNo: number, input: UnapplyInput, context: SalesContext, options: { lock: boolean },
): Promise<{ posting: Posting; unapply: UnapplyResult }> {
  const entryQuery = tx.select().from(customerLedgerEntry).where(eq(customerLedgerEntry.entryNo, entryNo));
  const [entry] = options.lock ? await entryQuery.for('update') : await entryQuery;
  if (!entry) throw new DomainError('NOT_FOUND', { entity: 'Customer ledger entry', key: String(entryNo) });
  await checkCustomer(tx, entry.customerNo);
  const detailedEntries = await involvedDetailedEntries(tx, entryNo, entry.customerNo);
  const touched = [...new Set(detailedEntries.map((row) => row.customerLedgerEntryNo))];
  const touchedQuery = tx.select().from(customerLedgerEntry).where(inArray(customerLedgerEntry.entryNo, touched));
  const entryRows = options.lock ? await touchedQuery.for('update') : await touchedQuery;
  const states = new Map(entryRows.map((row): [number, UnapplyEntryState] => [row.entryNo, {
    entryNo: row.entryNo, customerNo: row.customerNo, customerPostingGroup: row.customerPostingGroup,
    remainingAmount: dec(row.remainingAmount), remainingAmountLcy: dec(row.remainingAmountLcy),
    originalPaymentDiscountPossible: dec(row.originalPaymentDiscountPossible), pmtDiscGivenLcy: dec(row.pmtDiscGivenLcy),
    acceptedPaymentTolerance: dec(row.acceptedPaymentTolerance), acceptedPmtDiscTolerance: row.acceptedPmtDiscTolerance,
  }]));
  const transactionNo = latestApplicationTransaction(detailedEntries, entryNo);
  const application = await loadApplicationSetup(tx, context.glSetup, [], entryRows);
  const unapply = planUnapply({
    entryNo, detailedEntries, entries: states, postingDate: input.postingDate, setup: application.setup,
    transactionGlEntries: transactionNo === null ? [] : await transactionGl(tx, transactionNo),
    transactionVatEntries: transactionNo === null ? [] : await transactionVat(tx, transactionNo),
  });
  assertPostingDateAllowed(unapply.postingDate, context.glSetup, 'postingDate');
  const posting: Posting = {
    facts: { postingDate: unapply.postingDate, sourceCode: unapplySourceCode, userId: context.username, document: unapply.document },
    entries: { glEntries: unapply.glEntries, vatEntries: unapply.vatEntries, customerLedgerEntries: [] },
    items: null,
    customerApplications: [],
    customerUnapplications: [unapply.plan],
  };
  return { posting, unapply };
}

// BC's CheckBlockedCustOnJnls for a payment: a customer blocked for all transactions cannot be unapplied.
async function checkCustomer(tx: Executor, customerNo: string): Promise<void> {
  const [row] = await tx.select({ blocked: customer.blocked }).from(customer).where(eq(customer.no, customerNo));
  if (row?.blocked === 'all') {
    throw new DomainError('CUSTOMER_BLOCKED', { actionText: 'unapply', documentTypeText: 'entries', customerNo, blockedText: 'all transactions' });
  }
}

type DetailedRow = typeof detailedCustomerLedgerEntry.$inferSelect;

const posted = (row: DetailedRow): PostedDetailedCustomerEntry => ({
  entryNo: row.entryNo, customerLedgerEntryNo: row.customerLedgerEntryNo, entryType: row.entryType as DetailedCustomerEntryType,
  transactionNo: row.transactionNo, postingDate: row.postingDate, documentType: row.documentType, documentNo: row.documentNo,
  customerNo: row.customerNo, currencyCode: row.currencyCode, amount: dec(row.amount), amountLcy: dec(row.amountLcy),
  appliedCustomerLedgerEntryNo: row.appliedCustomerLedgerEntryNo, unapplied: row.unapplied, ...(row.maxPaymentTolerance === null ? {} : { maxPaymentTolerance: dec(row.maxPaymentTolerance) }),
});

function latestApplicationTransaction(entries: readonly PostedDetailedCustomerEntry[], entryNo: number): number | null {
  const own = entries.filter((row) => row.customerLedgerEntryNo === entryNo && row.entryType === 'application' && !row.unapplied);
  return own.length === 0 ? null : Math.max(...own.map((row) => row.transactionNo));
}

/**
 * The detailed entries core/receivables needs: the entry's own, and every detailed entry of the
 * entries its latest application touched (to find a later application of one of them).
 */
async function involvedDetailedEntries(tx: Executor, entryNo: number, customerNo: string): Promise<PostedDetailedCustomerEntry[]> {
  const own = (await tx.select().from(detailedCustomerLedgerEntry).where(eq(detailedCustomerLedgerEntry.customerLedgerEntryNo, entryNo))).map(posted);
  const transactionNo = latestApplicationTransaction(own, entryNo);
  if (transactionNo === null) return own;
  const inTransaction = await tx.select({ entryNo: detailedCustomerLedgerEntry.customerLedgerEntryNo }).from(detailedCustomerLedgerEntry)
    .where(and(eq(detailedCustomerLedgerEntry.transactionNo, transactionNo), eq(detailedCustomerLedgerEntry.customerNo, customerNo),
      ne(detailedCustomerLedgerEntry.entryType, 'initialEntry')));
  const touched = [...new Set([entryNo, ...inTransaction.map((row) => row.entryNo)])];
  return (await tx.select().from(detailedCustomerLedgerEntry).where(inArray(detailedCustomerLedgerEntry.customerLedgerEntryNo, touched))
    .orderBy(asc(detailedCustomerLedgerEntry.entryNo))).map(posted);
}

export async function transactionGl(tx: Executor, transactionNo: number) {
  const rows = await tx.select().from(glEntry).where(eq(glEntry.transactionNo, transactionNo)).orderBy(asc(glEntry.entryNo));
  return rows.map((row) => ({
    accountNo: row.glAccountNo, amount: dec(row.amount), genPostingType: row.genPostingType as never, genBusPostingGroup: row.genBusPostingGroup,
    genProdPostingGroup: row.genProdPostingGroup, vatBusPostingGroup: row.vatBusPostingGroup, vatProdPostingGroup: row.vatProdPostingGroup,
    sourceType: row.sourceType as never, sourceNo: row.sourceNo,
  }));
}

export async function transactionVat(tx: Executor, transactionNo: number) {
  const rows = await tx.select().from(vatEntry).where(eq(vatEntry.transactionNo, transactionNo)).orderBy(asc(vatEntry.entryNo));
  return rows.map((row) => ({
    type: row.type as 'sale' | 'purchase', base: dec(row.base), amount: dec(row.amount), vatCalculationType: row.vatCalculationType as never,
    vatIdentifier: row.vatIdentifier, vatPercent: dec(row.vatPercent), vatBusPostingGroup: row.vatBusPostingGroup, vatProdPostingGroup: row.vatProdPostingGroup,
    billToCustomerNo: row.billToPayToNo,
  }));
}
