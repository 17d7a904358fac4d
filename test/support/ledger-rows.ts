/**
 * Ledger and posted-document rows written straight into the tables, shaped like what posting writes
 * (spec §23), for tests of the read side that must not depend on the posting code. Amounts are
 * strings in LCY; a row per register, balanced G/L entries, a customer entry with its initial
 * detailed entry, item entries with their value entries.
 */
import { eq } from 'drizzle-orm';
import { dec } from '../../src/core/money/decimal.ts';
import type { Executor } from '../../src/server/db/connection.ts';
import {
  cancelledDocument, customer, customerLedgerEntry, detailedCustomerLedgerEntry, glAccount, glEntry, glRegister, itemLedgerEntry, postedSalesHeader,
  postedSalesLine, valueEntry, vatEntry, type PostedSalesDocumentType,
} from '../../src/server/db/schema/index.ts';

export const receivablesAccount = '1300';
export const salesAccount = '8000';
export const salesVatAccount = '2310';
export const bankAccount = '2910';

const negate = (value: string) => dec(value).negated().toFixed(2);
const add = (left: string, right: string) => dec(left).plus(dec(right)).toFixed(2);

/** The G/L accounts the rows below post to; those that exist already are left alone. */
export async function givenLedgerAccounts(db: Executor) {
  await db.insert(glAccount).values([
    { no: receivablesAccount, name: 'Receivables', incomeBalance: 'balanceSheet' },
    { no: salesAccount, name: 'Sales', incomeBalance: 'incomeStatement' },
    { no: salesVatAccount, name: 'Sales VAT', incomeBalance: 'balanceSheet' },
    { no: bankAccount, name: 'Bank', incomeBalance: 'balanceSheet' },
  ]).onConflictDoNothing();
}

export async function givenRegister(db: Executor, facts: { postingDate: string; documentNo: string; sourceCode?: string }): Promise<number> {
  const [row] = await db.insert(glRegister).values({ sourceCode: facts.sourceCode ?? 'SALES', userId: 'test', ...facts }).returning({ no: glRegister.no });
  return row!.no;
}

interface EntryFacts { transactionNo: number; postingDate: string; documentType: string; documentNo: string; externalDocumentNo?: string }

type GlEntryFacts = EntryFacts & { glAccountNo: string; amount: string; description?: string; sourceNo?: string };

/**
 * The G/L entries of one transaction, debit positive, in one statement: the database refuses a
 * COMMIT whose transaction does not balance (migration 0010), and outside a transaction every
 * statement commits on its own.
 */
export async function givenGlEntries(db: Executor, entries: GlEntryFacts[]) {
  const rows = await db.insert(glEntry).values(entries.map((facts) => {
    const amount = dec(facts.amount);
    return {
      ...facts, sourceCode: 'SALES', sourceType: facts.sourceNo ? 'customer' : '', sourceNo: facts.sourceNo ?? '',
      debitAmount: amount.gt(0) ? amount.toFixed(2) : '0', creditAmount: amount.lt(0) ? amount.negated().toFixed(2) : '0',
    };
  })).returning({ entryNo: glEntry.entryNo });
  return rows.map((row) => row.entryNo);
}

/** A customer ledger entry with its Initial Entry detailed entry; remaining = amount, open unless 0. */
export async function givenCustomerEntry(db: Executor, facts: EntryFacts & {
  customerNo: string; amount: string; salesLcy?: string; profitLcy?: string; dueDate?: string | null; description?: string;
}): Promise<number> {
  const { amount, salesLcy, profitLcy, dueDate, ...rest } = facts;
  const [entry] = await db.insert(customerLedgerEntry).values({
    ...rest, sellToCustomerNo: facts.customerNo, sourceCode: 'SALES', documentDate: facts.postingDate, dueDate: dueDate === undefined ? facts.postingDate : dueDate,
    amount, amountLcy: amount, remainingAmount: amount, remainingAmountLcy: amount, salesLcy: salesLcy ?? '0', profitLcy: profitLcy ?? '0',
    open: !dec(amount).isZero(), positive: dec(amount).gt(0), customerPostingGroup: 'DOMESTIC',
  }).returning({ entryNo: customerLedgerEntry.entryNo });
  await db.insert(detailedCustomerLedgerEntry).values({
    customerLedgerEntryNo: entry!.entryNo, entryType: 'initialEntry', transactionNo: facts.transactionNo, postingDate: facts.postingDate,
    documentType: facts.documentType, documentNo: facts.documentNo, customerNo: facts.customerNo, amount, amountLcy: amount,
  });
  return entry!.entryNo;
}

export interface PostedInvoiceFacts {
  documentType?: 'invoice' | 'creditMemo';
  no: string;
  customerNo: string;
  postingDate: string;
  dueDate?: string;
  /** Excl. VAT, positive also for a credit memo; VAT is 25 %. */
  amount: string;
  orderNo?: string;
  externalDocumentNo?: string;
  profitLcy?: string;
  lines?: Array<{ no: string; quantity: string; unitPrice: string }>;
}

/**
 * A posted invoice (or credit memo) as posting writes it: register, receivables/sales/VAT G/L
 * entries, a VAT entry, the customer entry and the posted header and lines.
 */
export async function givenPostedInvoice(db: Executor, facts: PostedInvoiceFacts) {
  const documentType = facts.documentType ?? 'invoice';
  const sign = documentType === 'invoice' ? 1 : -1;
  const signed = (value: string) => dec(value).times(sign).toFixed(2);
  const vat = dec(facts.amount).times(25).div(100).toFixed(2);
  const total = add(facts.amount, vat);
  const transactionNo = await givenRegister(db, { postingDate: facts.postingDate, documentNo: facts.no });
  const entry = { transactionNo, postingDate: facts.postingDate, documentType, documentNo: facts.no, externalDocumentNo: facts.externalDocumentNo ?? '' };
  await givenGlEntries(db, [
    { ...entry, glAccountNo: receivablesAccount, amount: signed(total), sourceNo: facts.customerNo },
    { ...entry, glAccountNo: salesAccount, amount: negate(signed(facts.amount)), sourceNo: facts.customerNo },
    { ...entry, glAccountNo: salesVatAccount, amount: negate(signed(vat)), sourceNo: facts.customerNo },
  ]);
  await db.insert(vatEntry).values({
    ...entry, type: 'sale', base: negate(signed(facts.amount)), amount: negate(signed(vat)), vatCalculationType: 'normal', vatIdentifier: 'VAT25',
    vatPercent: '25', billToPayToNo: facts.customerNo,
  });
  const customerLedgerEntryNo = await givenCustomerEntry(db, {
    ...entry, customerNo: facts.customerNo, amount: signed(total), salesLcy: signed(facts.amount), profitLcy: facts.profitLcy ? signed(facts.profitLcy) : '0',
    dueDate: facts.dueDate ?? facts.postingDate,
  });
  await givenPostedHeader(db, {
    documentType, no: facts.no, customerNo: facts.customerNo, postingDate: facts.postingDate, sourceDocumentNo: facts.orderNo ?? facts.no,
    sourceDocumentType: facts.orderNo ? 'order' : documentType, externalDocumentNo: facts.externalDocumentNo ?? '',
    amount: facts.amount, amountIncludingVat: total, customerLedgerEntryNo, transactionNo, dueDate: facts.dueDate ?? facts.postingDate,
    lines: facts.lines ?? [{ no: '1000', quantity: '1', unitPrice: facts.amount }],
  });
  return { transactionNo, customerLedgerEntryNo };
}

/** A posted header and its lines (item lines at 25 % VAT), nothing else. */
export async function givenPostedHeader(db: Executor, facts: {
  documentType: PostedSalesDocumentType; no: string; customerNo: string; postingDate: string; sourceDocumentType: string; sourceDocumentNo: string;
  externalDocumentNo?: string; amount?: string; amountIncludingVat?: string; customerLedgerEntryNo?: number; transactionNo?: number; dueDate?: string;
  lines: Array<{ no: string; quantity: string; unitPrice: string; itemLedgerEntryNo?: number }>;
}) {
  const [{ name }] = await db.select({ name: customer.name }).from(customer).where(eq(customer.no, facts.customerNo)) as [{ name: string }];
  await db.insert(postedSalesHeader).values({
    documentType: facts.documentType, no: facts.no, sourceDocumentType: facts.sourceDocumentType, sourceDocumentNo: facts.sourceDocumentNo,
    sellToCustomerNo: facts.customerNo, sellToName: name, billToCustomerNo: facts.customerNo, billToName: name,
    postingDate: facts.postingDate, documentDate: facts.postingDate, dueDate: facts.dueDate ?? null, externalDocumentNo: facts.externalDocumentNo ?? '',
    amount: facts.amount ?? '0', amountIncludingVat: facts.amountIncludingVat ?? '0', customerLedgerEntryNo: facts.customerLedgerEntryNo ?? null,
    transactionNo: facts.transactionNo ?? null, userId: 'test',
  });
  // Lines in reverse, so a reader that forgets to order by line number shows it.
  const lines = facts.lines.map((line, index) => {
    const amount = dec(line.quantity).times(dec(line.unitPrice)).toFixed(2);
    const billed = facts.documentType === 'invoice' || facts.documentType === 'creditMemo';
    return {
      documentType: facts.documentType, documentNo: facts.no, lineNo: (index + 1) * 10000, type: 'item', no: line.no, description: `Item ${line.no}`,
      sellToCustomerNo: facts.customerNo, billToCustomerNo: facts.customerNo, postingDate: facts.postingDate, quantity: line.quantity, quantityBase: line.quantity,
      quantityNotInvoiced: billed ? '0' : line.quantity, unitPrice: line.unitPrice, lineAmount: amount,
      amount: billed ? amount : '0', amountIncludingVat: billed ? dec(amount).times(1.25).toFixed(2) : '0', vatPercent: '25', vatIdentifier: 'VAT25',
      sourceDocumentType: facts.sourceDocumentType, sourceDocumentNo: facts.sourceDocumentNo, sourceLineNo: (index + 1) * 10000,
      itemLedgerEntryNo: line.itemLedgerEntryNo ?? null,
    };
  }).reverse();
  if (lines.length > 0) await db.insert(postedSalesLine).values(lines);
}

/**
 * A payment of `amount` (positive) from the customer; with `appliesTo`, applied to that entry as far
 * as it goes: Application detailed entries on both sides, remaining amounts and Open updated.
 */
export async function givenPayment(db: Executor, facts: { no: string; customerNo: string; postingDate: string; amount: string; appliesTo?: number }) {
  const transactionNo = await givenRegister(db, { postingDate: facts.postingDate, documentNo: facts.no, sourceCode: 'CASHRECJNL' });
  const entry = { transactionNo, postingDate: facts.postingDate, documentType: 'payment', documentNo: facts.no };
  await givenGlEntries(db, [
    { ...entry, glAccountNo: bankAccount, amount: facts.amount },
    { ...entry, glAccountNo: receivablesAccount, amount: negate(facts.amount), sourceNo: facts.customerNo },
  ]);
  const paymentEntryNo = await givenCustomerEntry(db, { ...entry, customerNo: facts.customerNo, amount: negate(facts.amount) });
  if (facts.appliesTo !== undefined) await givenApplication(db, { ...entry, customerNo: facts.customerNo, paymentEntryNo, invoiceEntryNo: facts.appliesTo });
  return { transactionNo, customerLedgerEntryNo: paymentEntryNo };
}

async function givenApplication(db: Executor, facts: EntryFacts & { customerNo: string; paymentEntryNo: number; invoiceEntryNo: number }) {
  const [payment] = await db.select().from(customerLedgerEntry).where(eq(customerLedgerEntry.entryNo, facts.paymentEntryNo));
  const [invoice] = await db.select().from(customerLedgerEntry).where(eq(customerLedgerEntry.entryNo, facts.invoiceEntryNo));
  const applied = dec(payment!.remainingAmount).negated().lte(dec(invoice!.remainingAmount)) ? negate(payment!.remainingAmount) : invoice!.remainingAmount;
  const detail = { entryType: 'application', transactionNo: facts.transactionNo, postingDate: facts.postingDate, documentType: facts.documentType, documentNo: facts.documentNo, customerNo: facts.customerNo };
  await db.insert(detailedCustomerLedgerEntry).values([
    { ...detail, customerLedgerEntryNo: facts.invoiceEntryNo, appliedCustomerLedgerEntryNo: facts.paymentEntryNo, amount: negate(applied), amountLcy: negate(applied) },
    { ...detail, customerLedgerEntryNo: facts.paymentEntryNo, appliedCustomerLedgerEntryNo: facts.paymentEntryNo, amount: applied, amountLcy: applied },
  ]);
  for (const [row, change] of [[invoice!, negate(applied)], [payment!, applied]] as const) {
    const remaining = add(row.remainingAmount, change);
    await db.update(customerLedgerEntry).set({
      remainingAmount: remaining, remainingAmountLcy: remaining, open: !dec(remaining).isZero(),
      ...(dec(remaining).isZero() ? { closedByEntryNo: facts.paymentEntryNo, closedAtDate: facts.postingDate, closedByAmount: change } : {}),
    }).where(eq(customerLedgerEntry.entryNo, row.entryNo));
  }
}

/**
 * A posted shipment of one item line: its item ledger entry (sale, not invoiced) with the value
 * entry of the expected cost and sales amount, and the posted shipment.
 */
export async function givenPostedShipment(db: Executor, facts: {
  no: string; customerNo: string; postingDate: string; orderNo: string; itemNo: string; quantity: string; unitCost: string; unitPrice: string;
}) {
  const transactionNo = await givenRegister(db, { postingDate: facts.postingDate, documentNo: facts.no });
  const quantity = dec(facts.quantity);
  const [itemEntry] = await db.insert(itemLedgerEntry).values({
    itemNo: facts.itemNo, transactionNo, postingDate: facts.postingDate, entryType: 'sale', documentType: 'salesShipment', documentNo: facts.no,
    documentLineNo: 10000, sourceType: 'customer', sourceNo: facts.customerNo, quantity: quantity.negated().toFixed(5), remainingQuantity: '0',
    invoicedQuantity: '0', positive: false, open: false, completelyInvoiced: false, unitOfMeasureCode: 'PCS', userId: 'test',
  }).returning({ entryNo: itemLedgerEntry.entryNo });
  await db.insert(valueEntry).values({
    itemLedgerEntryNo: itemEntry!.entryNo, itemNo: facts.itemNo, postingDate: facts.postingDate, itemLedgerEntryType: 'sale',
    documentType: 'salesShipment', documentNo: facts.no, documentLineNo: 10000, sourceType: 'customer', sourceNo: facts.customerNo,
    itemLedgerEntryQuantity: quantity.negated().toFixed(5), valuedQuantity: quantity.negated().toFixed(5), costPerUnit: facts.unitCost,
    costAmountExpected: quantity.times(dec(facts.unitCost)).negated().toFixed(2), salesAmountExpected: quantity.times(dec(facts.unitPrice)).toFixed(2), transactionNo,
  });
  await givenPostedHeader(db, {
    documentType: 'shipment', no: facts.no, customerNo: facts.customerNo, postingDate: facts.postingDate, sourceDocumentType: 'order', sourceDocumentNo: facts.orderNo,
    transactionNo, lines: [{ no: facts.itemNo, quantity: facts.quantity, unitPrice: facts.unitPrice, itemLedgerEntryNo: itemEntry!.entryNo }],
  });
  return { transactionNo, itemLedgerEntryNo: itemEntry!.entryNo };
}

/**
 * Invoicing of that shipment's item entry later: a value entry reversing the expected amounts and
 * posting the actual ones under the invoice's number (the entry's derived quantities follow).
 */
export async function givenItemEntryInvoiced(db: Executor, facts: {
  itemLedgerEntryNo: number; transactionNo: number; invoiceNo: string; postingDate: string; unitCost: string; unitPrice: string;
}) {
  const [itemEntry] = await db.select().from(itemLedgerEntry).where(eq(itemLedgerEntry.entryNo, facts.itemLedgerEntryNo));
  const quantity = dec(itemEntry!.quantity);
  const [expected] = await db.select().from(valueEntry).where(eq(valueEntry.itemLedgerEntryNo, facts.itemLedgerEntryNo));
  await db.insert(valueEntry).values({
    itemLedgerEntryNo: facts.itemLedgerEntryNo, itemNo: itemEntry!.itemNo, postingDate: facts.postingDate, itemLedgerEntryType: 'sale',
    documentType: 'salesInvoice', documentNo: facts.invoiceNo, documentLineNo: 10000, sourceType: 'customer', sourceNo: itemEntry!.sourceNo,
    invoicedQuantity: quantity.toFixed(5), valuedQuantity: quantity.toFixed(5), costPerUnit: facts.unitCost,
    costAmountExpected: negate(expected!.costAmountExpected), salesAmountExpected: negate(expected!.salesAmountExpected),
    costAmountActual: quantity.times(dec(facts.unitCost)).toFixed(2), salesAmountActual: quantity.negated().times(dec(facts.unitPrice)).toFixed(2),
    transactionNo: facts.transactionNo,
  });
  await db.update(itemLedgerEntry).set({ invoicedQuantity: quantity.toFixed(5), completelyInvoiced: true })
    .where(eq(itemLedgerEntry.entryNo, facts.itemLedgerEntryNo));
}

/** Cancel (spec §18.3 step 4): the register entry naming the invoice and the credit memo that cancelled it. */
export async function givenCancellation(db: Executor, invoiceNo: string, creditMemoNo: string) {
  await db.insert(cancelledDocument).values({
    sourceDocumentType: 'invoice', sourceDocumentNo: invoiceNo, cancelledByDocumentType: 'creditMemo', cancelledByDocumentNo: creditMemoNo, userId: 'test',
  });
}
