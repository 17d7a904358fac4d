/**
 * The deduction of an order's prepayment on its invoices (spec §26.7): for each order line invoiced
 * now, its share of the invoiced and not yet deducted prepayment (exactly the rest on the invoice
 * that completes it), as negative lines on the Sales Prepayments Account with their own VAT; and
 * the order lines' prepayment fields after the posting.
 */
import { sql } from 'drizzle-orm';
import { type Decimal, ZERO, dec, sum } from '../../core/money/decimal.ts';
import type { SalesPostingLine } from '../../core/posting/sales-invoice-posting.ts';
import { type PrepaymentLineAmounts, compressPrepaymentLines, deductionAmounts, prepaymentToDeduct } from '../../core/sales/prepayment.ts';
import { roundAmount } from '../../core/money/rounding.ts';
import type { Executor } from '../db/connection.ts';
import { prepaymentAccounts } from './prepayment.accounts.ts';
import { prepaymentLineOf } from './prepayment.lines.ts';
import type { LinePosting } from './sales-post.amounts.ts';
import type { LoadedSalesPosting } from './sales-post.load.ts';
import type { PostedHeaderRow, PostedLineRow } from './posted-document.writer.ts';

export interface PrepaymentDeductions {
  /** Per order line: what this invoice deducts. */
  lines: PrepaymentLineAmounts[];
  /** The invoice's deduction lines: one per account (Compress Prepayment) or per order line. */
  documentLines: ReturnType<typeof compressPrepaymentLines>;
}

/** Lines numbered after the document's own, so posted line numbers never collide. */
const firstLineNo = (loaded: LoadedSalesPosting) => Math.max(0, ...loaded.document.lines.map((line) => line.lineNo)) + 10000;

export async function planDeductions(tx: Executor, loaded: LoadedSalesPosting, invoiced: readonly LinePosting[]): Promise<PrepaymentDeductions | null> {
  if (loaded.documentType !== 'order') return null;
  const candidates = invoiced.filter((entry) => !dec(entry.line.prepmtAmtInv).isZero() && entry.posting.invoice.gt(0) && dec(entry.line.quantity).gt(0));
  if (candidates.length === 0) return null;
  const accounts = await prepaymentAccounts(tx, loaded.header, candidates.map((entry) => entry.line));
  const options = { pricesIncludingVat: loaded.header.pricesIncludingVat, precision: loaded.precision };
  const lines = candidates.flatMap((entry) => {
    const line = prepaymentLineOf(entry.line);
    // A typed (or stored) deduction holds for the Qty. to Invoice it was made for; a capped quantity is deducted anew.
    const deduct = line.quantityToInvoice.eq(entry.posting.invoice)
      ? dec(entry.line.prepmtAmtToDeduct)
      : prepaymentToDeduct({ ...line, quantityToInvoice: entry.posting.invoice }, loaded.precision, entry.amounts!.lineAmount.minus(entry.amounts!.invoiceDiscountAmount));
    if (deduct.isZero()) return [];
    return [deductionAmounts({ ...line, account: accounts.get(entry.line.lineNo)! }, deduct, options)];
  });
  if (lines.length === 0) return null;
  return { lines, documentLines: compressPrepaymentLines(lines, loaded.header.compressPrepayment) };
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
      sourceDocumentType: 'order', sourceDocumentNo: loaded.header.no, sourceLineNo: line.lineNos[0] ?? 0, prepaymentLine: true,
    } as PostedLineRow;
  });
}

/** The totals the deductions take off the invoice. */
export function deductionTotals(deductions: PrepaymentDeductions | null): { amount: Decimal; amountIncludingVat: Decimal } {
  if (!deductions) return { amount: ZERO, amountIncludingVat: ZERO };
  return { amount: sum(deductions.lines.map((line) => line.amount)), amountIncludingVat: sum(deductions.lines.map((line) => line.amountIncludingVat)) };
}

/**
 * The order lines after the invoice (spec §26.7.2): Prepmt Amt Deducted and its VAT up, the LCY
 * values of what is left down (to 0 once all is deducted), and the next deduction for the Qty. to
 * Invoice the posting leaves. One UPDATE.
 */
export async function writeDeductedLines(
  tx: Executor, loaded: LoadedSalesPosting, deductions: PrepaymentDeductions, quantityToInvoiceAfter: ReadonlyMap<number, Decimal>, quantityInvoicedAfter: ReadonlyMap<number, Decimal>,
): Promise<void> {
  const rows = deductions.lines.map((entry) => {
    const row = loaded.document.lines.find((line) => line.lineNo === entry.lineNo)!;
    const line = prepaymentLineOf(row);
    const remaining = line.prepmtAmtInv.minus(line.prepmtAmtDeducted);
    const left = remaining.minus(entry.lineBasisAmount);
    const share = (value: string) => (left.isZero() || remaining.isZero() ? ZERO : roundAmount(dec(value).times(left).div(remaining)));
    const after = {
      ...line, prepmtAmtDeducted: line.prepmtAmtDeducted.plus(entry.lineBasisAmount),
      quantityInvoiced: quantityInvoicedAfter.get(entry.lineNo) ?? line.quantityInvoiced, quantityToInvoice: quantityToInvoiceAfter.get(entry.lineNo) ?? ZERO,
    };
    return {
      lineNo: entry.lineNo,
      deducted: after.prepmtAmtDeducted.toFixed(2),
      vatDeducted: line.prepmtVatAmtDeducted.plus(entry.vatAmount).toFixed(2),
      invLcy: share(row.prepmtAmountInvLcy).toFixed(2),
      vatInvLcy: share(row.prepmtVatAmountInvLcy).toFixed(2),
      toDeduct: prepaymentToDeduct(after, loaded.precision).toFixed(2),
    };
  });
  const values = sql.join(rows.map((row) => sql`(${row.lineNo}::integer, ${row.deducted}::numeric, ${row.vatDeducted}::numeric, ${row.invLcy}::numeric, ${row.vatInvLcy}::numeric, ${row.toDeduct}::numeric)`), sql`, `);
  await tx.execute(sql`
    update sales_line as line set prepmt_amt_deducted = changed.deducted, prepmt_vat_amt_deducted = changed.vat_deducted,
      prepmt_amount_inv_lcy = changed.inv_lcy, prepmt_vat_amount_inv_lcy = changed.vat_inv_lcy, prepmt_amt_to_deduct = changed.to_deduct
    from (values ${values}) as changed(line_no, deducted, vat_deducted, inv_lcy, vat_inv_lcy, to_deduct)
    where line.document_type = 'order' and line.document_no = ${loaded.header.no} and line.line_no = changed.line_no`);
}
