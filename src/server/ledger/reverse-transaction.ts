/**
 * Reverse Transaction (spec §20.3): loads one posted transaction with what decides whether it may
 * be reversed, lets core/posting plan the opposite entries, appends them through appendPosting and
 * records the reversal. One database transaction: a refusal writes nothing.
 */
import { and, count, eq, inArray, ne, or } from 'drizzle-orm';
import type { IsoDate } from '../../core/dates/calendar-date.ts';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import type { EntryDocument, GenPostingType, GlSourceType, LedgerDocumentType } from '../../core/posting/entries.ts';
import { assertPostingDateAllowed } from '../../core/posting/posting-date.ts';
import { type LoadedBankAccountEntry, type LoadedCustomerEntry, planReversal, type TransactionToReverse } from '../../core/posting/reversal.ts';
import type { Executor } from '../db/connection.ts';
import {
  bankAccountLedgerEntry, customerLedgerEntry, detailedCustomerLedgerEntry, glEntry, glRegister, itemLedgerEntry, transactionReversal, vatEntry,
  vendorLedgerEntry,
} from '../db/schema/index.ts';
import type { SalesContext } from '../sales/sales-context.ts';
import { appendPosting } from './append-posting.ts';

export interface ReversalResult {
  transactionNo: number;
  reversedByTransactionNo: number;
}

export async function reverseTransaction(tx: Executor, transactionNo: number, context: SalesContext): Promise<ReversalResult> {
  const loaded = await loadTransaction(tx, transactionNo);
  assertPostingDateAllowed(loaded.postingDate, context.glSetup);
  const posting = planReversal(loaded, context.username);
  const appended = await appendPosting(tx, posting);
  await tx.insert(transactionReversal).values({ transactionNo, reversedByTransactionNo: appended.transactionNo, userId: context.username });
  return { transactionNo, reversedByTransactionNo: appended.transactionNo };
}

/** The transaction a customer ledger entry was posted in (Reverse Transaction on the entry). */
export async function transactionOfCustomerEntry(tx: Executor, entryNo: number): Promise<number> {
  const [entry] = await tx.select({ transactionNo: customerLedgerEntry.transactionNo }).from(customerLedgerEntry).where(eq(customerLedgerEntry.entryNo, entryNo));
  if (!entry) throw new DomainError('NOT_FOUND', { entity: 'Customer Ledger Entry', key: entryNo });
  return entry.transactionNo;
}

async function loadTransaction(tx: Executor, transactionNo: number): Promise<TransactionToReverse> {
  const [register] = await tx.select().from(glRegister).where(eq(glRegister.no, transactionNo)).for('update');
  if (!register) throw new DomainError('NOT_FOUND', { entity: 'G/L Register', key: transactionNo });
  const reversals = await tx.select().from(transactionReversal)
    .where(or(eq(transactionReversal.transactionNo, transactionNo), eq(transactionReversal.reversedByTransactionNo, transactionNo)));
  // One after the other: a transaction's connection runs one query at a time (node-postgres deprecates overlapping ones).
  const glRows = await tx.select().from(glEntry).where(eq(glEntry.transactionNo, transactionNo)).orderBy(glEntry.entryNo);
  const vatRows = await tx.select().from(vatEntry).where(eq(vatEntry.transactionNo, transactionNo)).orderBy(vatEntry.entryNo);
  const customerEntries = await loadCustomerEntries(tx, transactionNo);
  const bankAccountEntries = await loadBankAccountEntries(tx, transactionNo);
  const otherEntryCount = await countOtherEntries(tx, transactionNo);
  const firstDocument = glRows[0] ? documentOfRow(glRows[0]) : { documentType: '' as LedgerDocumentType, documentNo: register.documentNo, externalDocumentNo: '', description: '' };
  return {
    transactionNo, postingDate: register.postingDate as IsoDate, sourceCode: register.sourceCode, document: firstDocument,
    reversedByTransactionNo: reversals.find((row) => row.transactionNo === transactionNo)?.reversedByTransactionNo ?? null,
    reversesTransactionNo: reversals.find((row) => row.reversedByTransactionNo === transactionNo)?.transactionNo ?? null,
    glEntries: glRows.map((row) => ({
      accountNo: row.glAccountNo, amount: dec(row.amount), description: row.description, vatAmount: dec(row.vatAmount),
      genPostingType: row.genPostingType as GenPostingType, genBusPostingGroup: row.genBusPostingGroup, genProdPostingGroup: row.genProdPostingGroup,
      vatBusPostingGroup: row.vatBusPostingGroup, vatProdPostingGroup: row.vatProdPostingGroup,
      sourceType: row.sourceType as GlSourceType, sourceNo: row.sourceNo, document: documentOfRow(row),
    })),
    vatEntries: vatRows.map((row) => ({
      type: row.type as 'sale' | 'purchase', base: dec(row.base), amount: dec(row.amount), vatCalculationType: row.vatCalculationType as never,
      vatIdentifier: row.vatIdentifier, vatPercent: dec(row.vatPercent), vatBusPostingGroup: row.vatBusPostingGroup, vatProdPostingGroup: row.vatProdPostingGroup,
      billToCustomerNo: row.billToPayToNo, document: documentOfRow(row), closed: row.closed,
    })),
    customerEntries, bankAccountEntries, otherEntryCount,
  };
}

type DocumentRow = { documentType: string; documentNo: string; externalDocumentNo: string; description: string };

function documentOfRow(row: DocumentRow): EntryDocument {
  return { documentType: row.documentType as LedgerDocumentType, documentNo: row.documentNo, externalDocumentNo: row.externalDocumentNo, description: row.description };
}

async function loadCustomerEntries(tx: Executor, transactionNo: number): Promise<LoadedCustomerEntry[]> {
  const rows = await tx.select().from(customerLedgerEntry).where(eq(customerLedgerEntry.transactionNo, transactionNo)).orderBy(customerLedgerEntry.entryNo).for('update');
  if (rows.length === 0) return [];
  const applied = await tx.selectDistinct({ entryNo: detailedCustomerLedgerEntry.customerLedgerEntryNo }).from(detailedCustomerLedgerEntry).where(and(
    inArray(detailedCustomerLedgerEntry.customerLedgerEntryNo, rows.map((row) => row.entryNo)),
    ne(detailedCustomerLedgerEntry.entryType, 'initialEntry'), eq(detailedCustomerLedgerEntry.unapplied, false),
  ));
  const appliedNos = new Set(applied.map((row) => row.entryNo));
  return rows.map((row) => ({
    newEntryIndex: null, entryNo: row.entryNo, customerNo: row.customerNo, currencyCode: row.currencyCode,
    amount: dec(row.amount), amountLcy: dec(row.amountLcy), remainingAmount: dec(row.remainingAmount), remainingAmountLcy: dec(row.remainingAmountLcy), open: row.open,
    applied: appliedNos.has(row.entryNo),
    draft: {
      customerNo: row.customerNo, documentType: row.documentType as LedgerDocumentType, currencyCode: row.currencyCode, currencyFactor: dec(row.currencyFactor),
      amount: dec(row.amount), amountLcy: dec(row.amountLcy), salesLcy: dec(row.salesLcy), profitLcy: dec(row.profitLcy), invoiceDiscountLcy: dec(row.invoiceDiscountLcy),
      dueDate: (row.dueDate ?? row.postingDate) as IsoDate, paymentDiscountDate: null, originalPaymentDiscountPossible: dec('0'),
      sellToCustomerNo: row.sellToCustomerNo, documentDate: row.documentDate as IsoDate | null, salespersonCode: row.salespersonCode,
      paymentMethodCode: row.paymentMethodCode, customerPostingGroup: row.customerPostingGroup, document: documentOfRow(row),
    },
  }));
}

async function loadBankAccountEntries(tx: Executor, transactionNo: number): Promise<LoadedBankAccountEntry[]> {
  const rows = await tx.select().from(bankAccountLedgerEntry).where(eq(bankAccountLedgerEntry.transactionNo, transactionNo)).orderBy(bankAccountLedgerEntry.entryNo);
  return rows.map((row) => ({
    entryNo: row.entryNo,
    reconciled: row.statementStatus !== 'open',
    draft: {
      bankAccountNo: row.bankAccountNo, currencyCode: row.currencyCode, amount: dec(row.amount), amountLcy: dec(row.amountLcy),
      balAccountType: row.balAccountType as LoadedBankAccountEntry['draft']['balAccountType'], balAccountNo: row.balAccountNo, document: documentOfRow(row),
    },
  }));
}

async function countOtherEntries(tx: Executor, transactionNo: number): Promise<number> {
  const [vendors] = await tx.select({ n: count() }).from(vendorLedgerEntry).where(eq(vendorLedgerEntry.transactionNo, transactionNo));
  const [items] = await tx.select({ n: count() }).from(itemLedgerEntry).where(eq(itemLedgerEntry.transactionNo, transactionNo));
  return Number(vendors?.n ?? 0) + Number(items?.n ?? 0);
}
