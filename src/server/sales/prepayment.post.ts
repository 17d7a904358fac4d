/**
 * Post Prepayment Invoice and Post Prepayment Credit Memo from a sales order (spec §26.4–26.5): a
 * posted invoice (credit memo) flagged as prepayment with G/L lines on the Sales Prepayments
 * Account, the customer entry (Prepayment = Yes), the prepayment account and VAT, and the order's
 * lines and header updated — all in the request's one transaction, the number drawn last.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { type Decimal, ZERO, dec, sum } from '../../core/money/decimal.ts';
import { allocateProportionally } from '../../core/money/allocation.ts';
import { assertBalanced } from '../../core/posting/assert-balanced.ts';
import { buildSalesInvoicePosting, type SalesPostingLine } from '../../core/posting/sales-invoice-posting.ts';
import type { Posting } from '../../core/posting/posting.ts';
import { withMaxPaymentTolerance } from '../../core/receivables/payment-tolerance.ts';
import { assertCustomerNotBlocked, type CustomerBlocked } from '../../core/sales/customer-checks.ts';
import {
  type PrepaymentLineAmounts, compressPrepaymentLines, prepaymentCreditMemoAmounts, prepaymentInvoiceAmounts, prepaymentToDeduct,
} from '../../core/sales/prepayment.ts';
import type { Executor } from '../db/connection.ts';
import { customer, salesHeader } from '../db/schema/index.ts';
import { prepaymentAccounts } from './prepayment.accounts.ts';
import { appendPlannedPosting } from '../posting/append-planned-posting.ts';
import { type NumberRequest, numberToken, peekNumbers, resolveNumbers } from '../posting/posting-numbers.ts';
import { previewPostingRows } from '../ledger/posting-preview.ts';
import { paymentToleranceSetup } from '../receivables/apply-entries.queries.ts';
import { loadPostingAccounts } from './posting-accounts.ts';
import { postedHeaderFrom, type PostedHeaderRow, type PostedLineRow } from './posted-document.writer.ts';
import { prepaymentLineOf } from './prepayment.lines.ts';
import { currencyPrecisions, type SalesContext } from './sales-context.ts';
import type { SalesHeaderRow, SalesLineRow } from './sales-document.types.ts';
import { checkHeader, loadDocumentForPosting } from './sales-post.checks.ts';
import { assertApprovalAllows } from '../approvals/approval-guard.ts';
import { invoicePostingSetup } from './sales-post.invoice.ts';
import { writeWithPostedDocuments } from './sales-post.posted.ts';
import { postedApprovalLinks } from '../approvals/posted-approval-requests.ts';
import { immediatePayment } from './sales-post.payment.ts';
import { combinePostingBatches } from '../../core/posting/entries.ts';

export type PrepaymentDocumentKind = 'invoice' | 'creditMemo';

export interface PrepaymentPostingResult {
  no: string;
  documentType: PrepaymentDocumentKind;
  postedNo: string;
  transactionNo: number;
  amount: string;
  amountIncludingVat: string;
}

const kinds = {
  invoice: { caption: 'Prepayment Invoice', seriesField: 'postedPrepaymentInvoiceNos', seriesCaption: 'Posted Prepmt. Inv. Nos.', sign: 1 },
  creditMemo: { caption: 'Prepayment Credit Memo', seriesField: 'postedPrepaymentCreditMemoNos', seriesCaption: 'Posted Prepmt. Cr. Memo Nos.', sign: -1 },
} as const;

/** A prepayment posting planned: its entries and posted document with a placeholder number, and what it does to the order. */
interface PlannedPrepayment {
  header: SalesHeaderRow & { postingDate: string };
  lines: SalesLineRow[];
  amounts: PrepaymentLineAmounts[];
  precision: Decimal;
  requests: NumberRequest[];
  plan: { posting: Posting; numbers: { no: string }; document: { header: PostedHeaderRow; lines: PostedLineRow[] } };
}

/** Load, check and plan (spec §26.4–26.5 checks); writes nothing. */
async function planPrepayment(
  tx: Executor, kind: PrepaymentDocumentKind, no: string, context: SalesContext, expectedVersion: number | undefined,
): Promise<PlannedPrepayment> {
  const document = await loadDocumentForPosting(tx, 'order', no);
  if (expectedVersion !== undefined && document.header.version !== expectedVersion) {
    throw new DomainError('VERSION_CONFLICT', { entity: 'Sales Order', key: no, currentVersion: document.header.version, sentVersion: expectedVersion });
  }
  await assertApprovalAllows(tx, document, 'post');
  const header = { ...document.header, postingDate: document.header.postingDate ?? context.workDate };
  checkPrepaymentHeader(header, kind, context);
  await checkCustomers(tx, header);
  const precision = (await currencyPrecisions(tx, context, header.currencyCode)).amount;
  const lines = document.lines.filter((line) => line.type !== 'comment');
  const amounts = await prepaymentAmounts(tx, kind, header, lines, precision);
  const series = context.salesSetup[kinds[kind].seriesField];
  if (!series) throw new DomainError('PREPAYMENT_NO_SERIES_MISSING', { field: kinds[kind].seriesCaption });
  const token = numberToken(`prepayment-${kind}`);
  const description = `${kinds[kind].caption}, Order ${no}`;
  const documentLines = compressPrepaymentLines(amounts, header.compressPrepayment);
  const { batch, accounts } = await prepaymentEntries(tx, header, kind, token, description, documentLines, precision, context);
  for (const entry of batch.customerLedgerEntries) entry.prepayment = true;
  const entryDocument = { documentType: kind, documentNo: token, externalDocumentNo: header.externalDocumentNo, description };
  // Spec §26.4: a payment method with a balancing account pays the prepayment invoice (refunds the credit memo) at once.
  const payment = await immediatePayment(tx, { header, accounts, precision }, batch, entryDocument, context);
  const entries = payment ? combinePostingBatches(batch, payment.entries) : batch;
  assertBalanced(entries);
  const posting: Posting = {
    facts: { postingDate: header.postingDate, sourceCode: 'SALES', userId: context.username, document: entryDocument },
    entries,
    items: null,
    customerApplications: payment?.applications ?? [],
  };
  const postedDocument = postedPrepaymentDocument(header, kind, token, series, description, documentLines, lines, context);
  return { header, lines, amounts, precision, requests: [{ token, series }], plan: { posting, numbers: { no: token }, document: postedDocument } };
}

/** What each line invoices (credits) now, refused when there is nothing or it is not allowed. */
async function prepaymentAmounts(
  tx: Executor, kind: PrepaymentDocumentKind, header: SalesHeaderRow, lines: readonly SalesLineRow[], precision: Decimal,
): Promise<PrepaymentLineAmounts[]> {
  const accounts = await prepaymentAccounts(tx, header, lines);
  const withAccounts = [...accounts.keys()].map((lineNo) => ({ ...prepaymentLineOf(lines.find((line) => line.lineNo === lineNo)!), account: accounts.get(lineNo)! }));
  const amounts = kind === 'invoice'
    ? prepaymentInvoiceAmounts(withAccounts, { pricesIncludingVat: header.pricesIncludingVat, precision })
    : prepaymentCreditMemoAmounts(withAccounts, { pricesIncludingVat: header.pricesIncludingVat });
  if (amounts.length === 0) {
    throw new DomainError('NOTHING_TO_POST', { detail: kind === 'invoice' ? `no line of order ${header.no} has prepayment left to invoice` : `no line of order ${header.no} has invoiced prepayment left to credit` });
  }
  if (kind === 'invoice') {
    for (const line of lines.filter((candidate) => amounts.some((entry) => entry.lineNo === candidate.lineNo))) {
      if (dec(line.quantity).isNegative() || dec(line.unitPrice).isNegative()) throw new DomainError('PREPAYMENT_NEGATIVE_LINE', { lineNo: line.lineNo }, 'quantity');
    }
    checkNotAboveOrder(header, lines, amounts);
  }
  return amounts;
}

export async function postPrepayment(
  tx: Executor, kind: PrepaymentDocumentKind, no: string, context: SalesContext, options: { expectedVersion?: number | undefined } = {},
): Promise<PrepaymentPostingResult> {
  const planned = await planPrepayment(tx, kind, no, context, options.expectedVersion);
  await writeOrderAfterPrepayment(tx, planned.header, kind, planned.amounts, planned.lines, planned.precision, prepaymentLcyByLine(planned));
  const { plan, appended } = await appendPlannedPosting(tx, { plan: planned.plan, requests: planned.requests }, planned.header.postingDate,
    ({ no: postedNo }: { no: string }) => tx.update(salesHeader).set({
      ...(kind === 'invoice' ? { lastPrepaymentNo: postedNo } : { lastPrepmtCrMemoNo: postedNo }),
      version: sql`${salesHeader.version} + 1`, updatedAt: sql`now()`,
    }).where(and(eq(salesHeader.documentType, 'order'), eq(salesHeader.no, no))).getSQL(), null);
  // Spec §19.6: the order's approval history is found from its prepayment documents too.
  appended.alsoWrite(postedApprovalLinks(planned.header, [plan.document.header]));
  await writeWithPostedDocuments(appended, { handling: null, invoicing: plan.document });
  return { no, documentType: kind, postedNo: plan.numbers.no, transactionNo: appended.transactionNo, ...totalsOf(planned.amounts) };
}

/** Preview Posting of a prepayment document: the same checks and plan, the entries with provisional numbers; nothing is written or drawn. */
export async function previewPrepayment(tx: Executor, kind: PrepaymentDocumentKind, no: string, context: SalesContext) {
  const planned = await planPrepayment(tx, kind, no, context, undefined);
  const plan = resolveNumbers(planned.plan, await peekNumbers(tx, planned.requests, planned.header.postingDate));
  const rows = await previewPostingRows(tx, plan.posting);
  return {
    no, documentType: kind, postedNo: plan.numbers.no, ...totalsOf(planned.amounts),
    postedDocuments: [{ documentType: kind, no: plan.numbers.no, amount: plan.document.header.amount ?? '0.00', amountIncludingVat: plan.document.header.amountIncludingVat ?? '0.00' }],
    ...rows,
  };
}

function totalsOf(amounts: readonly PrepaymentLineAmounts[]) {
  const total = (pick: (entry: PrepaymentLineAmounts) => Decimal) => sum(amounts.map(pick)).toFixed(2);
  return { amount: total((entry) => entry.amount), amountIncludingVat: total((entry) => entry.amountIncludingVat) };
}

/** The prepayment document's entries, built as any invoice's (core/posting), on the prepayment terms. */
async function prepaymentEntries(
  tx: Executor, header: SalesHeaderRow & { postingDate: string }, kind: PrepaymentDocumentKind, token: string, description: string,
  documentLines: ReturnType<typeof compressPrepaymentLines>, precision: Decimal, context: SalesContext,
) {
  const postingAccounts = await loadPostingAccounts(tx, header.customerPostingGroup);
  const batch = withMaxPaymentTolerance(buildSalesInvoicePosting({
    documentType: kind,
    header: {
      billToCustomerNo: header.billToCustomerNo, genBusPostingGroup: header.genBusPostingGroup ?? '', vatBusPostingGroup: header.vatBusPostingGroup ?? '',
      postingDescription: description, postingDate: header.postingDate, dueDate: header.prepaymentDueDate ?? header.postingDate,
      paymentDiscountPercent: kind === 'invoice' ? dec(header.prepmtPaymentDiscountPercent) : ZERO,
      paymentDiscountDate: kind === 'invoice' ? header.prepmtPmtDiscountDate : null,
      currencyCode: header.currencyCode ?? '', currencyFactor: dec(header.currencyFactor), pricesIncludingVat: header.pricesIncludingVat,
      sellToCustomerNo: header.sellToCustomerNo, documentNo: token, externalDocumentNo: header.externalDocumentNo, documentDate: header.documentDate,
      salespersonCode: header.salespersonCode ?? '', paymentMethodCode: header.paymentMethodCode ?? '',
    },
    lines: documentLines.map((line, index): SalesPostingLine => ({
      lineNo: (index + 1) * 10000, type: 'glAccount', no: line.account.accountNo,
      genProdPostingGroup: line.account.genProdPostingGroup, vatProdPostingGroup: line.account.vatProdPostingGroup,
      amount: line.amount, amountIncludingVat: line.amountIncludingVat, vatBaseAmount: line.amount, lineDiscountAmount: ZERO, invoiceDiscountAmount: ZERO,
    })),
    setup: await invoicePostingSetup(tx, { accounts: postingAccounts, precision }, context),
    accounts: postingAccounts,
  }), { ...await paymentToleranceSetup(tx, context.glSetup, header.currencyCode), amountPrecision: precision, blockPaymentTolerance: false });
  return { batch, accounts: postingAccounts };
}

function checkPrepaymentHeader(header: SalesHeaderRow & { postingDate: string }, kind: PrepaymentDocumentKind, context: SalesContext): void {
  checkHeader(header, 'order', context);
  if (kind === 'invoice' && !header.prepaymentDueDate) {
    throw new DomainError('FIELD_REQUIRED', { fieldCaption: 'Prepayment Due Date', documentTypeCaption: 'Order', action: 'posted as prepayment', field: 'prepaymentDueDate' }, 'prepaymentDueDate');
  }
  if (context.salesSetup.externalDocumentNoMandatory && header.externalDocumentNo.trim() === '') {
    throw new DomainError('EXTERNAL_DOC_NO_REQUIRED', { no: header.no, documentTypeCaption: 'Order' }, 'externalDocumentNo');
  }
}

async function checkCustomers(tx: Executor, header: SalesHeaderRow): Promise<void> {
  const rows = await tx.select({ no: customer.no, blocked: customer.blocked }).from(customer).where(inArray(customer.no, [header.sellToCustomerNo, header.billToCustomerNo]));
  for (const row of rows) assertCustomerNotBlocked({ no: row.no, blocked: row.blocked as CustomerBlocked }, 'order', 'postInvoiceOfShipped');
}

/** Spec §26.4 check 8: the prepayment invoiced, incl. VAT, never exceeds the order's total incl. VAT. */
function checkNotAboveOrder(header: SalesHeaderRow, lines: readonly SalesLineRow[], amounts: readonly PrepaymentLineAmounts[]): void {
  const invoicedBefore = sum(lines.map((line) => dec(line.prepmtAmountInvInclVat)));
  const prepayment = invoicedBefore.plus(sum(amounts.map((entry) => entry.amountIncludingVat)));
  const order = sum(lines.map((line) => dec(line.amountIncludingVat)));
  if (prepayment.gt(order)) throw new DomainError('PREPAYMENT_EXCEEDS_ORDER', { no: header.no, prepayment: prepayment.toFixed(2), order: order.toFixed(2) });
}

function postedPrepaymentDocument(
  header: SalesHeaderRow & { postingDate: string }, kind: PrepaymentDocumentKind, no: string, series: string, description: string,
  documentLines: ReturnType<typeof compressPrepaymentLines>, lines: readonly SalesLineRow[], context: SalesContext,
): { header: PostedHeaderRow; lines: PostedLineRow[] } {
  const amount = sum(documentLines.map((line) => line.amount));
  const amountIncludingVat = sum(documentLines.map((line) => line.amountIncludingVat));
  const posted = postedHeaderFrom(header, kind, no, {
    postingDate: header.postingDate, noSeries: series, postingDescription: description, userId: context.username,
    paymentTermsCode: header.prepmtPaymentTermsCode, dueDate: header.prepaymentDueDate,
    paymentDiscountDate: kind === 'invoice' ? header.prepmtPmtDiscountDate : null, paymentDiscountPercent: kind === 'invoice' ? header.prepmtPaymentDiscountPercent : '0',
    amount: amount.toFixed(2), amountIncludingVat: amountIncludingVat.toFixed(2), invoiceDiscountAmount: '0',
    prepayment: true, prepaymentOrderNo: header.no, appliesToDocumentType: null, appliesToDocumentNo: null,
  });
  const postedLines = documentLines.map((line, index): PostedLineRow => {
    // Compress Prepayment = No: each line keeps its order line's description (spec §26.4).
    const source = header.compressPrepayment ? undefined : lines.find((candidate) => candidate.lineNo === line.lineNos[0]);
    const lineBasis = header.pricesIncludingVat ? line.amountIncludingVat : line.amount;
    return {
      documentType: kind, documentNo: no, lineNo: (index + 1) * 10000, type: 'glAccount', no: line.account.accountNo,
      description: source?.description ?? '', description2: source?.description2 ?? '',
      sellToCustomerNo: header.sellToCustomerNo, billToCustomerNo: header.billToCustomerNo, postingDate: header.postingDate,
      quantity: '1', quantityBase: '1', unitPrice: lineBasis.toFixed(2), lineAmount: lineBasis.toFixed(2), amount: line.amount.toFixed(2),
      amountIncludingVat: line.amountIncludingVat.toFixed(2), vatBaseAmount: line.amount.toFixed(2),
      vatPercent: line.account.vatPercent.toFixed(5), vatIdentifier: line.account.vatIdentifier, vatCalculationType: line.account.vatCalculationType,
      genBusPostingGroup: header.genBusPostingGroup, genProdPostingGroup: line.account.genProdPostingGroup,
      vatBusPostingGroup: header.vatBusPostingGroup, vatProdPostingGroup: line.account.vatProdPostingGroup,
      sourceDocumentType: 'order', sourceDocumentNo: header.no, sourceLineNo: line.lineNos[0] ?? 0,
    } as PostedLineRow;
  });
  return { header: posted, lines: postedLines };
}

/**
 * The order after the posting (spec §26.4 "Order updated", §26.5): each line's invoiced prepayment,
 * its VAT and LCY values, its next deduction; the header Pending Prepayment.
 */
/**
 * Foreign currency (spec §26.9.6): the LCY the prepayment account was credited with, per account,
 * shared over the lines, so that the deductions relieve it at exactly its historical value.
 */
function prepaymentLcyByLine(planned: PlannedPrepayment): Map<number, Decimal> | null {
  if (!planned.header.currencyCode) return null;
  const result = new Map<number, Decimal>();
  for (const accountNo of new Set(planned.amounts.map((entry) => entry.account.accountNo))) {
    const of = planned.amounts.filter((entry) => entry.account.accountNo === accountNo);
    const credited = sum(planned.plan.posting.entries.glEntries.filter((entry) => entry.accountNo === accountNo).map((entry) => entry.amount)).negated();
    allocateProportionally(credited, of.map((entry) => entry.amount)).forEach((part, index) => result.set(of[index]!.lineNo, part));
  }
  return result;
}

async function writeOrderAfterPrepayment(
  tx: Executor, header: SalesHeaderRow, kind: PrepaymentDocumentKind, amounts: readonly PrepaymentLineAmounts[], lines: readonly SalesLineRow[],
  precision: Decimal, lcyByLine: ReadonlyMap<number, Decimal> | null,
): Promise<void> {
  const factor = header.currencyCode ? dec(header.currencyFactor) : dec('1');
  const lcy = (value: Decimal) => (header.currencyCode ? value.div(factor).toDecimalPlaces(2) : value);
  const rows = amounts.map((entry) => {
    const line = lines.find((candidate) => candidate.lineNo === entry.lineNo)!;
    const d = (value: string) => dec(value);
    const sign = kinds[kind].sign;
    const amtInv = d(line.prepmtAmtInv).plus(entry.lineBasisAmount.times(sign));
    const vatInv = d(line.prepmtVatAmountInv).plus(entry.vatAmount.times(sign));
    const next = { ...prepaymentLineOf(line), prepmtAmtInv: amtInv };
    return {
      lineNo: entry.lineNo,
      prepmtAmtInv: amtInv.toFixed(2),
      prepmtAmountInvInclVat: d(line.prepmtAmountInvInclVat).plus(entry.amountIncludingVat.times(sign)).toFixed(2),
      prepmtVatAmountInv: vatInv.toFixed(2),
      prepaymentVatPercent: entry.account.vatPercent.toFixed(5),
      prepaymentVatIdentifier: entry.account.vatIdentifier,
      prepmtAmountInvLcy: (kind === 'invoice' ? d(line.prepmtAmountInvLcy).plus(lcyByLine?.get(entry.lineNo) ?? lcy(entry.amount)) : ZERO).toFixed(2),
      prepmtVatAmountInvLcy: (kind === 'invoice' ? d(line.prepmtVatAmountInvLcy).plus(lcy(entry.vatAmount)) : ZERO).toFixed(2),
      prepmtAmtToDeduct: prepaymentToDeduct(next, precision).toFixed(2),
    };
  });
  const values = sql.join(rows.map((row) => sql`(${row.lineNo}::integer, ${row.prepmtAmtInv}::numeric, ${row.prepmtAmountInvInclVat}::numeric, ${row.prepmtVatAmountInv}::numeric,
    ${row.prepaymentVatPercent}::numeric, ${row.prepaymentVatIdentifier}::text, ${row.prepmtAmountInvLcy}::numeric, ${row.prepmtVatAmountInvLcy}::numeric, ${row.prepmtAmtToDeduct}::numeric)`), sql`, `);
  await tx.execute(sql`
    update sales_line as line set prepmt_amt_inv = changed.amt_inv, prepmt_amount_inv_incl_vat = changed.incl_vat, prepmt_vat_amount_inv = changed.vat_inv,
      prepayment_vat_percent = changed.vat_percent, prepayment_vat_identifier = changed.vat_identifier,
      prepmt_amount_inv_lcy = changed.inv_lcy, prepmt_vat_amount_inv_lcy = changed.vat_inv_lcy, prepmt_amt_to_deduct = changed.to_deduct
    from (values ${values}) as changed(line_no, amt_inv, incl_vat, vat_inv, vat_percent, vat_identifier, inv_lcy, vat_inv_lcy, to_deduct)
    where line.document_type = 'order' and line.document_no = ${header.no} and line.line_no = changed.line_no`);
  await tx.update(salesHeader).set({ status: 'pendingPrepayment' }).where(and(eq(salesHeader.documentType, 'order'), eq(salesHeader.no, header.no)));
}
