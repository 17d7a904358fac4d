/**
 * The deduction of an order's prepayment on its invoices (spec §26.7): for each order line invoiced
 * now, its share of the invoiced and not yet deducted prepayment (exactly the rest on the invoice
 * that completes it), as negative lines on the Sales Prepayments Account with their own VAT; and
 * the order lines' prepayment fields after the posting.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { type Decimal, ZERO, dec, sum } from '../../core/money/decimal.ts';
import type { SalesPostingLine } from '../../core/posting/sales-invoice-posting.ts';
import { type PrepaymentAccount, type PrepaymentLineAmounts, compressPrepaymentLines, deductionAmounts, prepaymentToDeduct } from '../../core/sales/prepayment.ts';
import { roundAmount } from '../../core/money/rounding.ts';
import type { Executor } from '../db/connection.ts';
import { currency, postedSalesLine, salesHeader, salesLine } from '../db/schema/index.ts';
import type { GlEntry, PostingBatch } from '../../core/posting/entries.ts';
import type { SalesLineRow } from './sales-document.types.ts';
import { prepaymentAccounts } from './prepayment.accounts.ts';
import { prepaymentLineOf } from './prepayment.lines.ts';
import type { LinePosting } from './sales-post.amounts.ts';
import type { ShipmentBilling } from './sales-post.billing.ts';
import type { LoadedSalesPosting } from './sales-post.load.ts';
import { type SalesContext, currencyPrecisions } from './sales-context.ts';
import type { PostedHeaderRow, PostedLineRow } from './posted-document.writer.ts';

/** What one invoiced line deducts from the prepayment of the order line it bills. */
export interface OrderLineDeduction extends PrepaymentLineAmounts {
  /** The order line whose prepayment is deducted (lineNo above is its Line No.). */
  orderNo: string;
  orderLine: SalesLineRow;
  /** The line of the document being posted: the order line itself, or an invoice line billing its shipment. */
  documentLineNo: number;
}

export interface PrepaymentDeductions {
  lines: OrderLineDeduction[];
  /** The invoice's deduction lines: one per account (Compress Prepayment) or per order line. */
  documentLines: ReturnType<typeof compressPrepaymentLines>;
}

/** Lines numbered after the document's own, so posted line numbers never collide. */
const firstLineNo = (loaded: LoadedSalesPosting) => Math.max(0, ...loaded.document.lines.map((line) => line.lineNo)) + 10000;

/** An invoiced line and the order line whose prepayment it deducts from, for this much quantity. */
interface DeductionSource { documentLine: LinePosting; orderNo: string; orderLine: SalesLineRow; quantity: Decimal }

/**
 * Spec §26.7: an order's invoice deducts for its own lines; an invoice built with Get Shipment Lines
 * (or Combine Shipments) for the order lines whose shipments it bills (§26.7.5).
 */
export async function planDeductions(
  tx: Executor, loaded: LoadedSalesPosting, invoiced: readonly LinePosting[], billing: readonly ShipmentBilling[],
): Promise<PrepaymentDeductions | null> {
  if (loaded.documentType === 'creditMemo') return loaded.header.correctedInvoiceNo ? restoredDeductions(tx, loaded.header.correctedInvoiceNo) : null;
  const sources = await deductionSources(tx, loaded, invoiced, billing);
  if (sources.length === 0) return null;
  const accounts = await prepaymentAccounts(tx, loaded.header, sources.map((source) => source.orderLine));
  const options = { pricesIncludingVat: loaded.header.pricesIncludingVat, precision: loaded.precision };
  // Several invoice lines may bill one order line: each deducts from what the ones before left.
  const state = new Map<string, ReturnType<typeof prepaymentLineOf>>();
  const lines = sources.flatMap((source): OrderLineDeduction[] => {
    const key = `${source.orderNo}:${source.orderLine.lineNo}`;
    const line = state.get(key) ?? prepaymentLineOf(source.orderLine);
    const own = source.documentLine.line === source.orderLine;
    // A typed (or stored) deduction holds for the Qty. to Invoice it was made for; another quantity is deducted anew.
    // A 100 % line's non-final invoice deducts exactly what it invoices (§26.3.4), so it is always worked out from this posting's amounts.
    const deduct = own && line.quantityToInvoice.eq(source.quantity) && !line.prepaymentPercent.eq(100)
      ? dec(source.orderLine.prepmtAmtToDeduct)
      : prepaymentToDeduct({ ...line, quantityToInvoice: source.quantity }, loaded.precision,
        source.documentLine.amounts!.lineAmount.minus(source.documentLine.amounts!.invoiceDiscountAmount));
    if (deduct.isZero()) return [];
    const amounts = deductionAmounts({ ...line, account: accounts.get(source.orderLine.lineNo)! }, deduct, options);
    state.set(key, {
      ...line, quantityInvoiced: line.quantityInvoiced.plus(source.quantity),
      prepmtAmtDeducted: line.prepmtAmtDeducted.plus(deduct), prepmtVatAmtDeducted: line.prepmtVatAmtDeducted.plus(amounts.vatAmount),
    });
    return [{ ...amounts, orderNo: source.orderNo, orderLine: source.orderLine, documentLineNo: source.documentLine.line.lineNo }];
  });
  if (lines.length === 0) return null;
  return { lines, documentLines: compressPrepaymentLines(lines, loaded.header.compressPrepayment) };
}

/**
 * Spec §26.9.2: the corrective credit memo of an invoice that deducted prepayment credits the
 * prepayment account back with exactly the invoice's deduction lines, amount and VAT (their own VAT
 * group, as on the invoice), so it credits what the invoice charged to the cent. The order lines get
 * their deductions back from the cancellation (revertDeductions), not from this posting.
 */
async function restoredDeductions(tx: Executor, invoiceNo: string): Promise<PrepaymentDeductions | null> {
  const rows = await tx.select().from(postedSalesLine)
    .where(and(eq(postedSalesLine.documentType, 'invoice'), eq(postedSalesLine.documentNo, invoiceNo), eq(postedSalesLine.prepaymentLine, true)))
    .orderBy(postedSalesLine.lineNo);
  if (rows.length === 0) return null;
  return {
    lines: [],
    documentLines: rows.map((row) => ({
      account: {
        accountNo: row.no, genProdPostingGroup: row.genProdPostingGroup ?? '', vatProdPostingGroup: row.vatProdPostingGroup ?? '', vatPercent: dec(row.vatPercent),
        vatIdentifier: row.vatIdentifier ?? '', vatCalculationType: row.vatCalculationType as PrepaymentAccount['vatCalculationType'],
      },
      lineNos: [row.sourceLineNo ?? 0],
      amount: dec(row.amount).negated(), vatAmount: dec(row.amountIncludingVat).minus(dec(row.amount)).negated(), amountIncludingVat: dec(row.amountIncludingVat).negated(),
    })),
  };
}

async function deductionSources(
  tx: Executor, loaded: LoadedSalesPosting, invoiced: readonly LinePosting[], billing: readonly ShipmentBilling[],
): Promise<DeductionSource[]> {
  const positive = invoiced.filter((entry) => entry.posting.invoice.gt(0) && dec(entry.line.quantity).gt(0));
  if (loaded.documentType === 'order') {
    return positive.filter((entry) => !dec(entry.line.prepmtAmtInv).isZero())
      .map((entry) => ({ documentLine: entry, orderNo: loaded.header.no, orderLine: entry.line, quantity: entry.posting.invoice }));
  }
  if (loaded.documentType !== 'invoice' || billing.length === 0) return [];
  const orderNos = [...new Set(billing.map((bill) => bill.orderNo))];
  const orderLines = await tx.select().from(salesLine).where(and(eq(salesLine.documentType, 'order'), inArray(salesLine.documentNo, orderNos))).for('update');
  return billing.flatMap((bill) => {
    const orderLine = orderLines.find((line) => line.documentNo === bill.orderNo && line.lineNo === bill.orderLineNo);
    const documentLine = positive.find((entry) => entry.line.lineNo === bill.lineNo);
    if (!orderLine || !documentLine || (dec(orderLine.prepmtLineAmount).isZero() && dec(orderLine.prepmtAmtInv).isZero())) return [];
    if (!dec(orderLine.prepmtLineAmount).eq(dec(orderLine.prepmtAmtInv))) {
      throw new DomainError('PREPAYMENT_NOT_INVOICED', {
        what: `Sales invoice ${loaded.header.no}`, lineNo: orderLine.lineNo, no: orderLine.documentNo, required: orderLine.prepmtLineAmount, invoiced: orderLine.prepmtAmtInv,
      });
    }
    return [{ documentLine, orderNo: bill.orderNo, orderLine, quantity: bill.quantity }];
  });
}

/** The deduction lines as the invoice posting reads them: negative, flagged. */
export function deductionPostingLines(loaded: LoadedSalesPosting, deductions: PrepaymentDeductions): SalesPostingLine[] {
  const start = firstLineNo(loaded);
  return deductions.documentLines.map((line, index) => ({
    lineNo: start + index * 10000, type: 'glAccount', no: line.account.accountNo,
    genProdPostingGroup: line.account.genProdPostingGroup, vatProdPostingGroup: line.account.vatProdPostingGroup,
    amount: line.amount.negated(), amountIncludingVat: line.amountIncludingVat.negated(), vatBaseAmount: line.amount.negated(),
    lineDiscountAmount: ZERO, invoiceDiscountAmount: ZERO, prepayment: true,
  }));
}

/** The posted invoice's deduction lines (Prepayment Line = Yes), after its own lines. */
export function postedDeductionLines(loaded: LoadedSalesPosting, header: PostedHeaderRow, deductions: PrepaymentDeductions): PostedLineRow[] {
  const start = firstLineNo(loaded);
  return deductions.documentLines.map((line, index): PostedLineRow => {
    const lineBasis = (loaded.header.pricesIncludingVat ? line.amountIncludingVat : line.amount).negated();
    return {
      documentType: header.documentType, documentNo: header.no, lineNo: start + index * 10000, type: 'glAccount', no: line.account.accountNo,
      description: '', description2: '', sellToCustomerNo: header.sellToCustomerNo, billToCustomerNo: header.billToCustomerNo, postingDate: header.postingDate,
      quantity: '-1', quantityBase: '-1', unitPrice: lineBasis.negated().toFixed(2), lineAmount: lineBasis.toFixed(2),
      amount: line.amount.negated().toFixed(2), amountIncludingVat: line.amountIncludingVat.negated().toFixed(2), vatBaseAmount: line.amount.negated().toFixed(2),
      vatPercent: line.account.vatPercent.toFixed(5), vatIdentifier: line.account.vatIdentifier, vatCalculationType: line.account.vatCalculationType,
      genBusPostingGroup: loaded.header.genBusPostingGroup, genProdPostingGroup: line.account.genProdPostingGroup,
      vatBusPostingGroup: loaded.header.vatBusPostingGroup, vatProdPostingGroup: line.account.vatProdPostingGroup,
      sourceDocumentType: loaded.documentType, sourceDocumentNo: loaded.header.no, sourceLineNo: line.lineNos[0] ?? 0, prepaymentLine: true,
    } as PostedLineRow;
  });
}

/** The totals the deductions take off the invoice. */
export function deductionTotals(deductions: PrepaymentDeductions | null): { amount: Decimal; amountIncludingVat: Decimal } {
  if (!deductions) return { amount: ZERO, amountIncludingVat: ZERO };
  return { amount: sum(deductions.documentLines.map((line) => line.amount)), amountIncludingVat: sum(deductions.documentLines.map((line) => line.amountIncludingVat)) };
}

/**
 * The order lines after the invoice (spec §26.7.2): Prepmt Amt Deducted and its VAT up, the LCY
 * values of what is left down (to 0 once all is deducted), and the next deduction for the Qty. to
 * Invoice the posting leaves. Runs after the order lines' quantities are updated.
 */
export async function writeDeductedLines(
  tx: Executor, deductions: PrepaymentDeductions, quantitiesAfter: ReadonlyMap<string, { quantityInvoiced: Decimal; quantityToInvoice: Decimal }>, precision: Decimal,
): Promise<void> {
  const totals = new Map<string, { row: SalesLineRow; amount: Decimal; vat: Decimal }>();
  for (const entry of deductions.lines) {
    const key = `${entry.orderNo}:${entry.orderLine.lineNo}`;
    const total = totals.get(key) ?? { row: entry.orderLine, amount: ZERO, vat: ZERO };
    totals.set(key, { row: total.row, amount: total.amount.plus(entry.lineBasisAmount), vat: total.vat.plus(entry.vatAmount) });
  }
  for (const [key, { row, amount, vat }] of totals) {
    const line = prepaymentLineOf(row);
    const remaining = line.prepmtAmtInv.minus(line.prepmtAmtDeducted);
    const remainingVat = line.prepmtVatAmountInv.minus(line.prepmtVatAmtDeducted);
    // Each LCY value keeps the share of its own kind not yet deducted: the amount by amount, the VAT by VAT (§26.7.2).
    const share = (value: string, left: Decimal, whole: Decimal) => (left.isZero() || whole.isZero() ? ZERO : roundAmount(dec(value).times(left).div(whole), precision));
    const quantities = quantitiesAfter.get(key) ?? { quantityInvoiced: line.quantityInvoiced, quantityToInvoice: ZERO };
    const after = { ...line, prepmtAmtDeducted: line.prepmtAmtDeducted.plus(amount), ...quantities };
    await tx.update(salesLine).set({
      prepmtAmtDeducted: after.prepmtAmtDeducted.toFixed(2),
      prepmtVatAmtDeducted: line.prepmtVatAmtDeducted.plus(vat).toFixed(2),
      prepmtAmountInvLcy: share(row.prepmtAmountInvLcy, remaining.minus(amount), remaining).toFixed(2),
      prepmtVatAmountInvLcy: share(row.prepmtVatAmountInvLcy, remainingVat.minus(vat), remainingVat).toFixed(2),
      prepmtAmtToDeduct: prepaymentToDeduct(after, precision).toFixed(2),
    }).where(and(eq(salesLine.documentType, 'order'), eq(salesLine.documentNo, row.documentNo), eq(salesLine.lineNo, row.lineNo)));
  }
}

/** The order lines' quantities once the posting has updated them (an invoice from shipments advances its orders' lines). */
export async function orderQuantitiesAfter(tx: Executor, deductions: PrepaymentDeductions) {
  const orderNos = [...new Set(deductions.lines.map((entry) => entry.orderNo))];
  const rows = await tx.select().from(salesLine).where(and(eq(salesLine.documentType, 'order'), inArray(salesLine.documentNo, orderNos)));
  return new Map(rows.map((row) => [`${row.documentNo}:${row.lineNo}`, { quantityInvoiced: dec(row.quantityInvoiced), quantityToInvoice: dec(row.quantityToInvoice) }]));
}

/**
 * Cancelling an order's invoice (spec §26.9.2, chosen): each order line gets back exactly what that
 * invoice deducted, so the prepayment is deducted again when the order is invoiced anew. Lines of
 * deleted orders are left alone.
 */
export async function revertDeductions(tx: Executor, invoiceLines: readonly PostedLineRow[], context: Pick<SalesContext, 'glSetup'>): Promise<void> {
  const deducted = invoiceLines.filter((line) => !line.prepaymentLine && !dec(line.prepmtAmtDeducted ?? '0').isZero());
  if (deducted.length === 0) return;
  const sources = await Promise.all(deducted.map(async (line) => ({ line, source: await deductedOrderLine(tx, line) })));
  const orderNos = [...new Set(sources.flatMap(({ source }) => (source ? [source.orderNo] : [])))];
  if (orderNos.length === 0) return;
  const headers = await tx.select().from(salesHeader).where(and(eq(salesHeader.documentType, 'order'), inArray(salesHeader.no, orderNos)));
  const orderLines = await tx.select().from(salesLine).where(and(eq(salesLine.documentType, 'order'), inArray(salesLine.documentNo, orderNos))).for('update');
  const precisions = new Map(await Promise.all(headers.map(async (header) => [header.no, (await currencyPrecisions(tx, context, header.currencyCode)).amount] as const)));
  // Several invoice lines may have billed (and deducted for) one order line.
  const perOrderLine = new Map<string, { orderNo: string; lineNo: number; amount: Decimal; vat: Decimal }>();
  for (const { line, source } of sources) {
    if (!source) continue;
    const key = `${source.orderNo}:${source.lineNo}`;
    const total = perOrderLine.get(key) ?? { ...source, amount: ZERO, vat: ZERO };
    perOrderLine.set(key, { ...total, amount: total.amount.plus(dec(line.prepmtAmtDeducted!)), vat: total.vat.plus(dec(line.prepmtVatAmtDeducted!)) });
  }
  const changed = [...perOrderLine.values()].flatMap(({ orderNo, lineNo, amount, vat }) => {
    const header = headers.find((candidate) => candidate.no === orderNo);
    const current = orderLines.find((candidate) => candidate.documentNo === orderNo && candidate.lineNo === lineNo);
    if (!header || !current) return [];
    const excluding = header.pricesIncludingVat ? amount.minus(vat) : amount;
    const toLcy = (value: Decimal) => (header.currencyCode ? roundAmount(value.div(dec(header.currencyFactor)), context.glSetup.amountRoundingPrecision) : value);
    const after = { ...prepaymentLineOf(current), prepmtAmtDeducted: dec(current.prepmtAmtDeducted).minus(amount) };
    return [sql`(${header.no}::text, ${current.lineNo}::integer, ${after.prepmtAmtDeducted.toFixed(2)}::numeric, ${dec(current.prepmtVatAmtDeducted).minus(vat).toFixed(2)}::numeric,
      ${dec(current.prepmtAmountInvLcy).plus(toLcy(excluding)).toFixed(2)}::numeric, ${dec(current.prepmtVatAmountInvLcy).plus(toLcy(vat)).toFixed(2)}::numeric,
      ${prepaymentToDeduct(after, precisions.get(header.no)!).toFixed(2)}::numeric)`];
  });
  if (changed.length === 0) return;
  await tx.execute(sql`
    update sales_line as line set prepmt_amt_deducted = changed.deducted, prepmt_vat_amt_deducted = changed.vat_deducted,
      prepmt_amount_inv_lcy = changed.invoiced_lcy, prepmt_vat_amount_inv_lcy = changed.vat_invoiced_lcy, prepmt_amt_to_deduct = changed.to_deduct
    from (values ${sql.join(changed, sql`, `)}) as changed(document_no, line_no, deducted, vat_deducted, invoiced_lcy, vat_invoiced_lcy, to_deduct)
    where line.document_type = 'order' and line.document_no = changed.document_no and line.line_no = changed.line_no`);
}

/** The order line an invoice line deducted for: its own source, or the order line of the shipment it billed. */
async function deductedOrderLine(tx: Executor, line: PostedLineRow): Promise<{ orderNo: string; lineNo: number } | null> {
  if (line.sourceDocumentType === 'order') return { orderNo: line.sourceDocumentNo, lineNo: line.sourceLineNo ?? 0 };
  if (!line.shipmentNo || line.shipmentLineNo === null || line.shipmentLineNo === undefined) return null;
  const [shipment] = await tx.select({ orderNo: postedSalesLine.sourceDocumentNo, lineNo: postedSalesLine.sourceLineNo }).from(postedSalesLine)
    .where(and(eq(postedSalesLine.documentType, 'shipment'), eq(postedSalesLine.documentNo, line.shipmentNo), eq(postedSalesLine.lineNo, line.shipmentLineNo)));
  return shipment ?? null;
}

/**
 * Foreign currency (spec §26.9.6): the deduction converted at the invoice's rate (C) relieves the
 * prepayment account of less or more than it holds for it (H, its share of the LCY invoiced); the
 * difference goes to the currency's Realized Gains (H > C) or Losses Acc., so the account ends at 0.
 */
export async function deductionExchangeAdjustment(
  tx: Executor, loaded: LoadedSalesPosting, deductions: PrepaymentDeductions, batch: PostingBatch, description: string,
): Promise<GlEntry[]> {
  const { header } = loaded;
  if (!header.currencyCode) return [];
  const historical = new Map<string, Decimal>();
  for (const entry of deductions.lines) {
    const line = prepaymentLineOf(entry.orderLine);
    const remainingExcl = line.prepmtAmtInv.minus(line.prepmtAmtDeducted).minus(header.pricesIncludingVat ? line.prepmtVatAmountInv.minus(line.prepmtVatAmtDeducted) : ZERO);
    const invoicedLcy = dec(entry.orderLine.prepmtAmountInvLcy);
    const share = entry.amount.eq(remainingExcl) || remainingExcl.isZero() ? invoicedLcy : roundAmount(invoicedLcy.times(entry.amount).div(remainingExcl));
    historical.set(entry.account.accountNo, (historical.get(entry.account.accountNo) ?? ZERO).plus(share));
  }
  const [rates] = await tx.select().from(currency).where(eq(currency.code, header.currencyCode));
  const entries: GlEntry[] = [];
  for (const [accountNo, h] of historical) {
    const c = sum(batch.glEntries.filter((entry) => entry.accountNo === accountNo && entry.amount.gt(0)).map((entry) => entry.amount));
    const difference = h.minus(c);
    if (difference.isZero()) continue;
    const other = difference.gt(0) ? rates?.realizedGainsAccount : rates?.realizedLossesAccount;
    if (!other) {
      throw new DomainError('POSTING_SETUP_MISSING', { detail: `Currency ${header.currencyCode} has no ${difference.gt(0) ? 'Realized Gains' : 'Realized Losses'} Acc. for the prepayment's exchange difference.` });
    }
    const entry = (account: string, amount: Decimal): GlEntry => ({
      accountNo: account, amount, description, genPostingType: '', genBusPostingGroup: '', genProdPostingGroup: '', vatBusPostingGroup: '', vatProdPostingGroup: '',
      sourceType: 'customer', sourceNo: header.billToCustomerNo,
    });
    entries.push(entry(accountNo, difference), entry(other, difference.negated()));
  }
  return entries;
}
