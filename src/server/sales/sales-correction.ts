/**
 * Correcting posted sales invoices (spec §18): Cancel (a corrective credit memo created and posted,
 * applied to the invoice), Correct (Cancel, then a new invoice to fix, or the order reverted to fix,
 * by where the invoice came from), and Create Corrective Credit Memo (created, not posted).
 * Corrections are new documents and entries, never edits.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { revertDeductions } from './prepayment.deduction.ts';
import { DomainError } from '../../core/errors.ts';
import { type Decimal, ZERO, dec } from '../../core/money/decimal.ts';
import { quantitiesAfterPosting } from '../../core/sales/posting-scope.ts';
import type { DefaultQuantityToShip } from '../../core/sales/quantities.ts';
import type { Executor } from '../db/connection.ts';
import {
  cancelledDocument, customer, customerLedgerEntry, glAccount, item, noSeries, postedSalesHeader, postedSalesLine, salesHeader, salesLine,
} from '../db/schema/index.ts';
import { createDocument, type NewSalesDocument } from './sales-document.commands.ts';
import { carriedBlanketLinks } from './sales-line.blanket.ts';
import { handledQuantities, updateLineQuantities } from './sales-line.quantities.ts';
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

/** Spec §18.2: every precondition, each refused with its own code naming the action. */
async function checkCanCorrect(
  tx: Executor, invoice: { header: PostedHeader; lines: PostedLine[] }, action: 'cancel' | 'correct', createsInvoice: boolean, context: SalesContext,
) {
  const { header, lines } = invoice;
  const refusal = { action, no: header.no };
  if (dec(header.amountIncludingVat).isZero()) throw new DomainError('CANNOT_CORRECT_NO_AMOUNT', refusal);
  try {
    assertPostingDateAllowed(header.postingDate, context.glSetup);
  } catch {
    throw new DomainError('CANNOT_CORRECT_POSTING_DATE_NOT_ALLOWED', { ...refusal, postingDate: header.postingDate });
  }
  const [cancelled] = await tx.select().from(cancelledDocument)
    .where(and(eq(cancelledDocument.sourceDocumentType, 'invoice'), eq(cancelledDocument.sourceDocumentNo, header.no)));
  if (cancelled) throw new DomainError('INVOICE_ALREADY_CANCELLED', { ...refusal, creditMemoNo: cancelled.cancelledByDocumentNo });
  const [entry] = await tx.select().from(customerLedgerEntry)
    .where(and(eq(customerLedgerEntry.documentType, 'invoice'), eq(customerLedgerEntry.documentNo, header.no)));
  if (entry && !dec(entry.remainingAmount).equals(dec(entry.amount))) {
    throw new DomainError('INVOICE_PAID', { ...refusal, remaining: entry.remainingAmount, amount: entry.amount });
  }
  const customers = await tx.select().from(customer).where(inArray(customer.no, [header.sellToCustomerNo, header.billToCustomerNo]));
  const blocked = customers.find((row) => row.blocked === 'invoice' || row.blocked === 'all');
  if (blocked) throw new DomainError('CANNOT_CORRECT_CUSTOMER_BLOCKED', { ...refusal, customerNo: blocked.no });
  await checkLines(tx, lines, refusal);
  await checkNumberSeries(tx, refusal, createsInvoice, context);
  if (context.salesSetup.externalDocumentNoMandatory && header.externalDocumentNo.trim() === '') {
    throw new DomainError('CANNOT_CORRECT_EXTERNAL_DOC_NO_REQUIRED', refusal);
  }
}

async function checkLines(tx: Executor, lines: readonly PostedLine[], refusal: { action: 'cancel' | 'correct'; no: string }) {
  const itemLines = lines.filter((line) => line.type === 'item');
  if (itemLines.length > 0) {
    const items = await tx.select().from(item).where(inArray(item.no, [...new Set(itemLines.map((line) => line.no))]));
    const blockedItem = items.find((row) => row.blocked);
    if (blockedItem) throw new DomainError('CANNOT_CORRECT_ITEM_BLOCKED', { ...refusal, itemNo: blockedItem.no });
    // As BC: none of the sale entries the invoice billed may have come back, even in part.
    const entries = await outboundItemEntries(tx, itemLines);
    const returned = itemLines.find((line) => (entries.get(`invoice:${line.documentNo}:${line.lineNo}`) ?? []).some((entry) => entry.partlyReturned));
    if (returned) throw new DomainError('CANNOT_CORRECT_ITEM_RETURNED', { ...refusal, itemNo: returned.no });
  }
  const accountLines = lines.filter((line) => line.type === 'glAccount');
  if (accountLines.length > 0) {
    const accounts = await tx.select().from(glAccount).where(inArray(glAccount.no, [...new Set(accountLines.map((line) => line.no))]));
    const blockedAccount = accounts.find((row) => row.blocked);
    if (blockedAccount) throw new DomainError('CANNOT_CORRECT_ACCOUNT_BLOCKED', { ...refusal, accountNo: blockedAccount.no });
  }
}

// Invoice Nos. only when a new invoice is made: BC also asks for it when Correct cancels an order's invoice, which makes none.
async function checkNumberSeries(tx: Executor, refusal: { action: 'cancel' | 'correct'; no: string }, createsInvoice: boolean, context: SalesContext) {
  const setup = context.salesSetup;
  const needed: Array<[string | null, string]> = [
    [setup.creditMemoNos, 'credit memos'], [setup.postedCreditMemoNos, 'posted credit memos'], ...(createsInvoice ? [[setup.invoiceNos, 'invoices'] as [string | null, string]] : []),
  ];
  const unset = needed.find(([series]) => !series);
  if (unset) throw new DomainError('CANNOT_CORRECT_NO_SERIES_MISSING', { ...refusal, seriesFor: unset[1], series: null });
  const existing = new Set((await tx.select({ code: noSeries.code }).from(noSeries).where(inArray(noSeries.code, needed.map(([series]) => series!)))).map((row) => row.code));
  const missing = needed.find(([series]) => !existing.has(series!));
  if (missing) throw new DomainError('CANNOT_CORRECT_NO_SERIES_MISSING', { ...refusal, seriesFor: missing[1], series: missing[0] });
}

/**
 * The posted invoice as document input: header facts and lines with their prices as posted. With
 * exact cost, an item line billing several shipments becomes a line per sale entry (spec §17.5).
 */
async function documentInputFrom(tx: Executor, invoice: { header: PostedHeader; lines: PostedLine[] }, withExactCost: boolean): Promise<NewSalesDocument> {
  const { header } = invoice;
  const entries = withExactCost ? await outboundItemEntries(tx, invoice.lines) : new Map<string, LineItemEntry[]>();
  // The credit memo gives back to a blanket order line what the invoice delivered of it, while that line exists (spec §14.3).
  const blanketLinks = await carriedBlanketLinks(tx, { ...header, documentType: withExactCost ? 'creditMemo' : 'invoice' }, invoice.lines);
  const lineInput = (line: PostedLine) => ({
    type: line.type, no: line.no, description: line.description, quantity: line.quantity, unitPrice: line.unitPrice,
    lineDiscountPercent: line.lineDiscountPercent, unitOfMeasureCode: line.unitOfMeasureCode, locationCode: line.locationCode,
    ...(blanketLinks.has(`${line.blanketOrderNo}:${line.blanketOrderLineNo}`) ? { blanketOrderNo: line.blanketOrderNo, blanketOrderLineNo: line.blanketOrderLineNo } : {}),
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
      // Spec §26.9.2: the credit memo's posting credits the prepayment account back with the invoice's deduction lines
      // as they were (restoredDeductions); a new invoice deducts anew. Neither copies them as lines.
      if (line.prepaymentLine) return [];
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

/**
 * Where a posted invoice's lines came from, as BC reads the Order No. of its lines (an invoice posted
 * from an order, or built with Get Shipment Lines, names the order): it decides what Correct does (spec §18.4).
 */
export type InvoiceOrigin = 'invoice' | 'order' | 'deletedOrder' | 'severalOrders';
/** What the user does after the action: fix the new invoice, correct the order(s), recreate with Copy Document, edit the credit memo. */
export type CorrectionNextStep = 'editNewInvoice' | 'correctOrder' | 'correctOrders' | 'copyDocument' | 'editCreditMemo' | 'none';

export interface CorrectionResult {
  action: CorrectionAction;
  /** True when nothing was done: the answer says what the action would do (and the checks passed). */
  dryRun: boolean;
  invoiceNo: string;
  origin: InvoiceOrigin;
  /** The orders the invoice billed that still exist: their lines get the cancelled quantities back (Cancel, Correct). */
  orderNos: string[];
  nextStep: CorrectionNextStep;
  /** What the action does (dry run) or did, in a sentence for the user. */
  message: string;
  /** The unposted credit memo (Create Corrective Credit Memo) or the posted one's source (Cancel, Correct). */
  creditMemoNo: string | null;
  postedCreditMemoNo: string | null;
  /** Correct of an invoice not from an order: the new unposted invoice. */
  newInvoiceNo: string | null;
}

type CorrectionPlan = Pick<CorrectionResult, 'action' | 'invoiceNo' | 'origin' | 'orderNos' | 'nextStep'> & { billedOrderNos: string[] };

/** Which case applies (BC's Correct PstdSalesInv (Yes/No).GetRelatedOrder) and so what the action does. */
async function planCorrection(tx: Executor, invoice: { header: PostedHeader; lines: PostedLine[] }, action: CorrectionAction): Promise<CorrectionPlan> {
  const billedOrderNos = [...new Set(invoice.lines.filter((line) => line.sourceDocumentType === 'order').map((line) => line.sourceDocumentNo))].sort();
  const orderNos = billedOrderNos.length === 0 ? [] : (await tx.select({ no: salesHeader.no }).from(salesHeader)
    .where(and(eq(salesHeader.documentType, 'order'), inArray(salesHeader.no, billedOrderNos))).orderBy(asc(salesHeader.no))).map((row) => row.no);
  const origin: InvoiceOrigin = billedOrderNos.length === 0 ? 'invoice' : billedOrderNos.length > 1 ? 'severalOrders' : orderNos.length === 0 ? 'deletedOrder' : 'order';
  const nextStep: CorrectionNextStep = action === 'createCorrectiveCreditMemo' ? 'editCreditMemo' : action === 'cancel' ? 'none'
    : ({ invoice: 'editNewInvoice', order: 'correctOrder', deletedOrder: 'copyDocument', severalOrders: 'correctOrders' } as const)[origin];
  return { action, invoiceNo: invoice.header.no, origin, orderNos, nextStep, billedOrderNos };
}

/** BC's confirmation questions (codeunits 1322, 1323), as a statement of what will happen or what happened. */
function describe(plan: CorrectionPlan, done: boolean): string {
  const tense = (future: string, past: string) => (done ? past : future);
  const no = plan.invoiceNo;
  const orders = plan.billedOrderNos.join(', ');
  const restored = plan.orderNos.length === 0 ? null
    : `the lines of order${plan.orderNos.length > 1 ? 's' : ''} ${plan.orderNos.join(', ')} ${tense('get', 'got')} their shipped and invoiced quantities back`;
  const cancelled = tense('will be cancelled', 'was cancelled');
  if (plan.action === 'createCorrectiveCreditMemo') {
    return `A credit memo reversing posted sales invoice ${no} ${tense('will be', 'was')} created, not posted, for you to edit and post.`;
  }
  if (plan.action === 'cancel') {
    const byCreditMemo = `${cancelled} by a sales credit memo that ${tense('is', 'was')} created and posted at once`;
    if (plan.origin === 'invoice') return `Posted sales invoice ${no} ${byCreditMemo}.`;
    const several = plan.billedOrderNos.length > 1;
    const gone = several ? 'none of the orders exists any more' : 'the order no longer exists';
    return `Posted sales invoice ${no} (from order${several ? 's' : ''} ${orders}) ${byCreditMemo}; ${restored ?? `${gone}, so no order line is restored`}.`;
  }
  switch (plan.origin) {
    case 'invoice':
      return `Posted sales invoice ${no} ${cancelled} by a posted credit memo, and a new sales invoice with the same lines ${tense('will be', 'was')} created for you to correct and post.`;
    case 'order':
      return `Posted sales invoice ${no} was posted from order ${orders}: it ${cancelled} and ${restored}, so that you can correct the order and post it again. No new invoice is created.`;
    case 'deletedOrder':
      return `Posted sales invoice ${no} was posted from order ${orders}, which has since been deleted: it ${cancelled}. Create a new invoice or order with Copy Document.`;
    case 'severalOrders':
      return `Posted sales invoice ${no} was posted from several orders (${orders}): it ${cancelled}${restored ? ` and ${restored}` : ''}; make the correction in the orders. No new invoice is created.`;
  }
}

/**
 * Cancel, Correct or Create Corrective Credit Memo (spec §18). Correct follows current BC: an invoice
 * whose lines came from one existing order is cancelled and that order's lines reverted for the user to
 * correct and post again; one from a deleted order or from several orders is only cancelled; only an
 * invoice not from an order gets a new invoice. So no new document carries goods already shipped.
 * With `dryRun`, the checks run and the answer says what would happen; nothing is written.
 */
export async function correctPostedInvoice(
  tx: Executor, no: string, action: CorrectionAction, context: SalesContext, options: { dryRun?: boolean } = {},
): Promise<CorrectionResult> {
  const invoice = await loadPostedInvoice(tx, no);
  // Spec §26.9.2: a prepayment invoice is undone by a prepayment credit memo from its order.
  if (invoice.header.prepayment) throw new DomainError('CANNOT_CORRECT_PREPAYMENT_INVOICE', { action, no });
  const plan = await planCorrection(tx, invoice, action);
  const createsInvoice = plan.nextStep === 'editNewInvoice';
  if (action !== 'createCorrectiveCreditMemo') await checkCanCorrect(tx, invoice, action, createsInvoice, context);
  const { billedOrderNos: _billed, ...answer } = plan;
  const result = (dryRun: boolean, documents: Pick<CorrectionResult, 'creditMemoNo' | 'postedCreditMemoNo' | 'newInvoiceNo'>): CorrectionResult =>
    ({ ...answer, dryRun, message: describe(plan, !dryRun), ...documents });
  if (options.dryRun) return result(true, { creditMemoNo: null, postedCreditMemoNo: null, newInvoiceNo: null });
  if (action === 'createCorrectiveCreditMemo') {
    const creditMemoNo = await createCorrectiveCreditMemo(tx, invoice, context);
    return result(false, { creditMemoNo, postedCreditMemoNo: null, newInvoiceNo: null });
  }
  const creditMemoNo = await createCorrectiveCreditMemo(tx, invoice, context);
  const posted = await postSalesDocument(tx, 'creditMemo', creditMemoNo, { invoice: true, receive: true }, context);
  await tx.insert(cancelledDocument).values({
    sourceDocumentType: 'invoice', sourceDocumentNo: no, cancelledByDocumentType: 'creditMemo', cancelledByDocumentNo: posted.creditMemoNo!, userId: context.username,
  });
  await revertOrderLines(tx, invoice.lines, context);
  // Spec §26.9.2: the order lines get back what the invoice deducted of their prepayment.
  await revertDeductions(tx, invoice.lines, context);
  const newInvoiceNo = createsInvoice ? (await createDocument(tx, 'invoice', await documentInputFrom(tx, invoice, false), context)).header.no : null;
  return result(false, { creditMemoNo, postedCreditMemoNo: posted.creditMemoNo, newInvoiceNo });
}

/**
 * Spec §18.3 step 5 (BC UpdateSalesOrderLinesFromCancelledInvoice): the order lines the invoice
 * billed get the quantity back, invoiced and shipped (the credit memo took the goods back), and Qty.
 * to Ship / to Invoice are defaulted again, so the order can be shipped and invoiced again. Lines of
 * deleted orders are left alone.
 */
async function revertOrderLines(tx: Executor, lines: readonly PostedLine[], context: SalesContext) {
  const cancelled = new Map<string, Decimal>();
  for (const line of lines.filter((candidate) => candidate.sourceDocumentType === 'order' && candidate.type !== 'comment' && !candidate.prepaymentLine)) {
    const key = `${line.sourceDocumentNo}:${line.sourceLineNo}`;
    cancelled.set(key, (cancelled.get(key) ?? ZERO).plus(dec(line.quantity)));
  }
  if (cancelled.size === 0) return;
  const orderNos = [...new Set(lines.filter((line) => line.sourceDocumentType === 'order').map((line) => line.sourceDocumentNo))];
  const orderLines = await tx.select().from(salesLine)
    .where(and(eq(salesLine.documentType, 'order'), inArray(salesLine.documentNo, orderNos))).orderBy(salesLine.documentNo, salesLine.lineNo).for('update');
  const defaultQuantityToShip = context.salesSetup.defaultQuantityToShip as DefaultQuantityToShip;
  await updateLineQuantities(tx, orderLines.flatMap((line) => {
    const quantity = cancelled.get(`${line.documentNo}:${line.lineNo}`);
    if (!quantity) return [];
    const after = quantitiesAfterPosting('order', defaultQuantityToShip, handledQuantities(line, salesDescriptor('order').lineHandling), { ship: quantity.negated(), invoice: quantity.negated() });
    return [{ documentType: 'order', documentNo: line.documentNo, lineNo: line.lineNo, after, returns: false }];
  }));
}
