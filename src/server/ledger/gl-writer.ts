/**
 * Writes the financial side of a posting batch (spec §23): G/L entries, VAT entries, customer
 * ledger entries with their Initial Entry detailed entries. One INSERT per table whatever the
 * number of lines, and the batch must balance before anything is written.
 */
import { assertBalanced } from '../../core/posting/assert-balanced.ts';
import type { CustomerLedgerEntryDraft, GlEntry, PostingBatch, VatEntry } from '../../core/posting/entries.ts';
import { ZERO } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { customerLedgerEntry, detailedCustomerLedgerEntry, glEntry, vatEntry } from '../db/schema/index.ts';
import type { Register } from './register.ts';

/** The document every entry of the batch belongs to. */
export interface EntryDocumentFacts {
  /** BC Document Type: invoice, creditMemo, payment, or '' (journals). */
  documentType: string;
  documentNo: string;
  externalDocumentNo?: string;
  description?: string;
}

/** The customer ledger entry's own facts, beyond what the builder computed. */
export interface CustomerEntryFacts {
  sellToCustomerNo: string;
  documentDate: string | null;
  currencyFactor: string;
  salespersonCode: string;
  paymentMethodCode: string;
  customerPostingGroup: string;
}

const fixed = (value: { toFixed(places: number): string }) => value.toFixed(2);

function entryHeader(register: Register, facts: EntryDocumentFacts, description: string) {
  return {
    transactionNo: register.transactionNo,
    postingDate: register.postingDate,
    documentType: facts.documentType,
    documentNo: facts.documentNo,
    description,
    sourceCode: register.sourceCode,
    userId: register.userId,
  };
}

export async function writeGlEntries(tx: Executor, register: Register, entries: readonly GlEntry[], facts: EntryDocumentFacts): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(glEntry).values(entries.map((entry) => ({
    ...entryHeader(register, facts, entry.description),
    glAccountNo: entry.accountNo,
    externalDocumentNo: facts.externalDocumentNo ?? '',
    amount: fixed(entry.amount),
    debitAmount: fixed(entry.amount.gt(ZERO) ? entry.amount : ZERO),
    creditAmount: fixed(entry.amount.isNegative() ? entry.amount.negated() : ZERO),
    vatAmount: fixed(entry.vatAmount ?? ZERO),
    genPostingType: entry.genPostingType,
    genBusPostingGroup: entry.genBusPostingGroup,
    genProdPostingGroup: entry.genProdPostingGroup,
    vatBusPostingGroup: entry.vatBusPostingGroup,
    vatProdPostingGroup: entry.vatProdPostingGroup,
    sourceType: entry.sourceType,
    sourceNo: entry.sourceNo,
  })));
}

async function writeVatEntries(tx: Executor, register: Register, entries: readonly VatEntry[], facts: EntryDocumentFacts): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(vatEntry).values(entries.map((entry) => ({
    ...entryHeader(register, facts, facts.description ?? ''),
    type: entry.type,
    base: fixed(entry.base),
    amount: fixed(entry.amount),
    vatCalculationType: entry.vatCalculationType,
    vatIdentifier: entry.vatIdentifier,
    vatPercent: entry.vatPercent.toFixed(5),
    vatBusPostingGroup: entry.vatBusPostingGroup,
    vatProdPostingGroup: entry.vatProdPostingGroup,
    billToPayToNo: entry.billToCustomerNo,
    externalDocumentNo: facts.externalDocumentNo ?? '',
  })));
}

/** Customer ledger entries and their Initial Entry detailed entries; returns the new entry numbers in order. */
async function writeCustomerEntries(
  tx: Executor, register: Register, drafts: readonly CustomerLedgerEntryDraft[], facts: EntryDocumentFacts, customerFacts: CustomerEntryFacts,
): Promise<number[]> {
  if (drafts.length === 0) return [];
  const rows = await tx.insert(customerLedgerEntry).values(drafts.map((draft) => ({
    ...entryHeader(register, facts, facts.description ?? ''),
    documentType: draft.documentType,
    customerNo: draft.customerNo,
    sellToCustomerNo: customerFacts.sellToCustomerNo,
    documentDate: customerFacts.documentDate,
    externalDocumentNo: facts.externalDocumentNo ?? '',
    currencyCode: draft.currencyCode,
    currencyFactor: customerFacts.currencyFactor,
    amount: fixed(draft.amount),
    amountLcy: fixed(draft.amountLcy),
    remainingAmount: fixed(draft.amount),
    remainingAmountLcy: fixed(draft.amountLcy),
    salesLcy: fixed(draft.salesLcy),
    profitLcy: fixed(draft.profitLcy ?? ZERO),
    invoiceDiscountLcy: fixed(draft.invoiceDiscountLcy),
    dueDate: draft.dueDate,
    paymentDiscountDate: draft.paymentDiscountDate,
    paymentDiscountToleranceDate: draft.paymentDiscountToleranceDate ?? null,
    originalPaymentDiscountPossible: fixed(draft.originalPaymentDiscountPossible),
    remainingPaymentDiscountPossible: fixed(draft.originalPaymentDiscountPossible),
    open: !draft.amount.isZero(),
    positive: draft.amount.gt(ZERO),
    salespersonCode: customerFacts.salespersonCode,
    paymentMethodCode: customerFacts.paymentMethodCode,
    customerPostingGroup: customerFacts.customerPostingGroup,
  }))).returning({ entryNo: customerLedgerEntry.entryNo });
  await tx.insert(detailedCustomerLedgerEntry).values(drafts.map((draft, index) => ({
    customerLedgerEntryNo: rows[index]!.entryNo,
    entryType: 'initialEntry',
    transactionNo: register.transactionNo,
    postingDate: register.postingDate,
    documentType: draft.documentType,
    documentNo: facts.documentNo,
    customerNo: draft.customerNo,
    currencyCode: draft.currencyCode,
    amount: fixed(draft.amount),
    amountLcy: fixed(draft.amountLcy),
    userId: register.userId,
  })));
  return rows.map((row) => row.entryNo);
}

/**
 * The whole financial batch of one document. Balanced or refused (POSTING_NOT_BALANCED) before
 * the first row is written.
 */
export async function writePostingBatch(
  tx: Executor, register: Register, batch: PostingBatch, facts: EntryDocumentFacts, customerFacts: CustomerEntryFacts,
): Promise<{ customerLedgerEntryNos: number[] }> {
  assertBalanced(batch);
  await writeGlEntries(tx, register, batch.glEntries, facts);
  await writeVatEntries(tx, register, batch.vatEntries, facts);
  const customerLedgerEntryNos = await writeCustomerEntries(tx, register, batch.customerLedgerEntries, facts, customerFacts);
  return { customerLedgerEntryNos };
}
