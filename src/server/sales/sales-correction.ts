/**
 * Correcting posted sales invoices (spec §18): Cancel (a corrective credit memo created and posted,
 * applied to the invoice), Correct (Cancel, then a new invoice to fix), and Create Corrective
 * Credit Memo (created, not posted). Corrections are new documents and entries, never edits.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import {
  cancelledDocument, customer, customerLedgerEntry, glAccount, item, noSeries, postedSalesHeader, postedSalesLine, salesHeader, salesLine,
} from '../db/schema/index.ts';
import type { Row } from '../master-data/resource.ts';
import { createDocument } from './sales-document.commands.ts';
import { type LineItemEntry, outboundItemEntries, splitOverEntries } from './posted-lines.commands.ts';
import type { SalesContext } from './sales-context.ts';
import { assertPostingDateAllowed } from '../../core/posting/posting-date.ts';
import { postSalesDocument } from './sales-post.ts';

type PostedHeader = typeof postedSalesHeader.$inferSelect;
type PostedLine = typeof postedSalesLine.$inferSelect;
export type CorrectionAction = 'cancel' | 'correct' | 'createCorrectiveCreditMemo';

async function loadPostedInvoice(tx: Executor, no: string): Promise<{ header: PostedHeader; lines: PostedLine[] }> {
  const [header] = await tx.select().from(postedSalesHeader).where(and(eq(postedSalesHeader.documentType, 'invoice'), eq(postedSalesHeader.no, no)));
  if (!header) throw new DomainError('NOT_FOUND', { entity: 'Posted Sales Invoice', key: no });
  const lines = await tx.select().from(postedSalesLine)
    .where(and(eq(postedSalesLine.documentType, 'invoice'), eq(postedSalesLine.documentNo, no))).orderBy(asc(postedSalesLine.lineNo));
  return { header, lines };
}

/** Spec §18.2: every precondition, each refused with its own key naming the action. */
async function checkCanCorrect(tx: Executor, invoice: { header: PostedHeader; lines: PostedLine[] }, action: 'cancel' | 'correct', context: SalesContext) {
  const { header, lines } = invoice;
  const refuse = (reason: string) => new DomainError('CANNOT_CORRECT', { action, no: header.no, reason, qualifier: reason.split(' ')[0] });
  if (dec(header.amountIncludingVat).isZero()) throw refuse('the invoice has no amount');
  try {
    assertPostingDateAllowed(header.postingDate, context.glSetup);
  } catch {
    throw new DomainError('CANNOT_CORRECT', { action, no: header.no, reason: `its posting date ${header.postingDate} is not within the allowed posting dates`, qualifier: 'POSTING_DATE' });
  }
  const [cancelled] = await tx.select().from(cancelledDocument)
    .where(and(eq(cancelledDocument.sourceDocumentType, 'invoice'), eq(cancelledDocument.sourceDocumentNo, header.no)));
  if (cancelled) throw new DomainError('INVOICE_ALREADY_CANCELLED', { action, no: header.no, creditMemoNo: cancelled.cancelledByDocumentNo });
  const [entry] = await tx.select().from(customerLedgerEntry)
    .where(and(eq(customerLedgerEntry.documentType, 'invoice'), eq(customerLedgerEntry.documentNo, header.no)));
  if (entry && !dec(entry.remainingAmount).equals(dec(entry.amount))) {
    throw new DomainError('INVOICE_PAID', { action, no: header.no, remaining: entry.remainingAmount, amount: entry.amount });
  }
  const customers = await tx.select().from(customer).where(inArray(customer.no, [header.sellToCustomerNo, header.billToCustomerNo]));
  const blocked = customers.find((row) => row.blocked === 'invoice' || row.blocked === 'all');
  if (blocked) throw refuse(`customer ${blocked.no} is blocked`);
  const itemLines = lines.filter((line) => line.type === 'item');
  if (itemLines.length > 0) {
    const items = await tx.select().from(item).where(inArray(item.no, [...new Set(itemLines.map((line) => line.no))]));
    const blockedItem = items.find((row) => row.blocked);
    if (blockedItem) throw refuse(`item ${blockedItem.no} is blocked`);
    // As BC: none of the sale entries the invoice billed may have come back, even in part.
    const entries = await outboundItemEntries(tx, itemLines);
    const returned = itemLines.find((line) => (entries.get(`invoice:${line.documentNo}:${line.lineNo}`) ?? []).some((entry) => entry.partlyReturned));
    if (returned) throw refuse(`item ${returned.no} has already been (partly) returned`);
  }
  const accountLines = lines.filter((line) => line.type === 'glAccount');
  if (accountLines.length > 0) {
    const accounts = await tx.select().from(glAccount).where(inArray(glAccount.no, [...new Set(accountLines.map((line) => line.no))]));
    const blockedAccount = accounts.find((row) => row.blocked);
    if (blockedAccount) throw refuse(`G/L account ${blockedAccount.no} is blocked`);
  }
  const setup = context.salesSetup;
  const seriesNeeded = [setup.creditMemoNos, setup.postedCreditMemoNos, ...(action === 'correct' ? [setup.invoiceNos] : [])];
  if (seriesNeeded.some((code) => !code)) throw refuse('a number series for credit memos or invoices is not set up');
  const existing = await tx.select({ code: noSeries.code }).from(noSeries).where(inArray(noSeries.code, seriesNeeded as string[]));
  if (existing.length !== new Set(seriesNeeded).size) throw refuse('a number series for credit memos or invoices does not exist');
  if (setup.externalDocumentNoMandatory && header.externalDocumentNo.trim() === '') throw refuse('the invoice has no External Document No.');
  if (action === 'correct' && header.sourceDocumentType === 'order') {
    throw refuse(`it was posted from order ${header.sourceDocumentNo}; cancel it and post the order again`);
  }
}

/**
 * The posted invoice as document input: header facts and lines with their prices as posted. With
 * exact cost, an item line billing several shipments becomes a line per sale entry (spec §17.5).
 */
async function documentInputFrom(tx: Executor, invoice: { header: PostedHeader; lines: PostedLine[] }, withExactCost: boolean): Promise<Row> {
  const { header } = invoice;
  const entries = withExactCost ? await outboundItemEntries(tx, invoice.lines) : new Map<string, LineItemEntry[]>();
  const lineInput = (line: PostedLine) => ({
    type: line.type, no: line.no, description: line.description, quantity: line.quantity, unitPrice: line.unitPrice,
    lineDiscountPercent: line.lineDiscountPercent, unitOfMeasureCode: line.unitOfMeasureCode, locationCode: line.locationCode,
  });
  return {
    sellToCustomerNo: header.sellToCustomerNo,
    billToCustomerNo: header.billToCustomerNo,
    currencyCode: header.currencyCode,
    pricesIncludingVat: header.pricesIncludingVat,
    externalDocumentNo: header.externalDocumentNo,
    yourReference: header.yourReference,
    salespersonCode: header.salespersonCode,
    lines: invoice.lines.flatMap((line) => {
      // The invoice's line numbers are kept (a split line's parts follow its own number), so the
      // credit memo's lines line up with the invoice's.
      if (line.type === 'comment') return [{ lineNo: line.lineNo, type: 'comment', description: line.description }];
      const lineEntries = entries.get(`invoice:${line.documentNo}:${line.lineNo}`);
      if (!lineEntries || lineEntries.length === 0) return [{ lineNo: line.lineNo, ...lineInput(line) }];
      const perUnit = dec(line.quantityPerUnitOfMeasure);
      return splitOverEntries(dec(line.quantity), lineEntries.map((entry) => ({ entryNo: entry.entryNo, reversibleQuantity: entry.reversibleBase.div(perUnit).toFixed(5) })))
        .map((part, index) => ({ lineNo: line.lineNo + index, ...lineInput(line), quantity: part.quantity.toFixed(5), ...(part.entryNo ? { applFromItemEntry: part.entryNo } : {}) }));
    }),
  };
}

/** The credit memo mirroring the invoice: same lines, exact cost, applied to it (spec §18.3 step 2). */
async function createCorrectiveCreditMemo(tx: Executor, invoice: { header: PostedHeader; lines: PostedLine[] }, context: SalesContext): Promise<string> {
  const { header } = invoice;
  const document = await createDocument(tx, 'creditMemo', {
    ...(await documentInputFrom(tx, invoice, true)),
    appliesToDocumentType: 'invoice', appliesToDocumentNo: header.no, correctedInvoiceNo: header.no,
  }, context);
  // Same exchange rate and invoice discount as the invoice, so every amount is credited to the cent.
  await tx.update(salesHeader).set({
    currencyFactor: header.currencyFactor,
    ...(dec(header.invoiceDiscountAmount).isZero() ? {} : { invoiceDiscountCalculation: 'amount', invoiceDiscountValue: header.invoiceDiscountAmount }),
  }).where(and(eq(salesHeader.documentType, 'creditMemo'), eq(salesHeader.no, document.header.no)));
  if (!dec(header.invoiceDiscountAmount).isZero()) await copyInvoiceDiscounts(tx, document.header.no, invoice.lines);
  return document.header.no;
}

// The lines keep the invoice discount each invoice line carried (BC copies it as posted); a line
// split over several sale entries keeps the distribution the header's discount amount gives it.
async function copyInvoiceDiscounts(tx: Executor, creditMemoNo: string, lines: readonly PostedLine[]) {
  for (const line of lines.filter((candidate) => !dec(candidate.invoiceDiscountAmount).isZero())) {
    await tx.update(salesLine).set({
      invoiceDiscountAmount: line.invoiceDiscountAmount, amount: line.amount, amountIncludingVat: line.amountIncludingVat, vatBaseAmount: line.vatBaseAmount,
    }).where(and(eq(salesLine.documentType, 'creditMemo'), eq(salesLine.documentNo, creditMemoNo), eq(salesLine.lineNo, line.lineNo), eq(salesLine.quantity, line.quantity)));
  }
}

export interface CorrectionResult {
  invoiceNo: string;
  /** The unposted credit memo (Create Corrective Credit Memo) or the posted one (Cancel, Correct). */
  creditMemoNo: string;
  postedCreditMemoNo: string | null;
  /** Correct: the new unposted invoice. */
  newInvoiceNo: string | null;
}

export async function correctPostedInvoice(tx: Executor, no: string, action: CorrectionAction, context: SalesContext): Promise<CorrectionResult> {
  const invoice = await loadPostedInvoice(tx, no);
  if (action === 'createCorrectiveCreditMemo') {
    const creditMemoNo = await createCorrectiveCreditMemo(tx, invoice, context);
    return { invoiceNo: no, creditMemoNo, postedCreditMemoNo: null, newInvoiceNo: null };
  }
  await checkCanCorrect(tx, invoice, action, context);
  const creditMemoNo = await createCorrectiveCreditMemo(tx, invoice, context);
  const posted = await postSalesDocument(tx, 'creditMemo', creditMemoNo, { invoice: true, receive: true }, context);
  await tx.insert(cancelledDocument).values({
    sourceDocumentType: 'invoice', sourceDocumentNo: no, cancelledByDocumentType: 'creditMemo', cancelledByDocumentNo: posted.creditMemoNo!, userId: context.username,
  });
  await reopenOrderLines(tx, invoice.lines);
  let newInvoiceNo: string | null = null;
  if (action === 'correct') newInvoiceNo = (await createDocument(tx, 'invoice', await documentInputFrom(tx, invoice, false), context)).header.no;
  return { invoiceNo: no, creditMemoNo, postedCreditMemoNo: posted.creditMemoNo, newInvoiceNo };
}

/**
 * Spec §18.3 step 5: the order lines the invoice billed get their quantity back (invoiced and
 * shipped go down), so the order can be shipped and invoiced again. Deleted orders are left alone.
 */
async function reopenOrderLines(tx: Executor, lines: readonly PostedLine[]) {
  const fromOrders = lines.filter((line) => line.sourceDocumentType === 'order' && line.type !== 'comment');
  for (const line of fromOrders) {
    await tx.execute(sql`
      update sales_line set
        quantity_invoiced = quantity_invoiced - ${line.quantity}::numeric,
        quantity_shipped = quantity_shipped - ${line.quantity}::numeric,
        quantity_to_ship = quantity - (quantity_shipped - ${line.quantity}::numeric),
        quantity_to_invoice = quantity - (quantity_invoiced - ${line.quantity}::numeric)
      where document_type = 'order' and document_no = ${line.sourceDocumentNo} and line_no = ${line.sourceLineNo}`);
  }
}
