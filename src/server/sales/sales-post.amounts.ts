/** The money of one posting per line (spec §4.5): what each invoiced line posts, in document currency and LCY. */
import { and, eq, sql } from 'drizzle-orm';
import { type Decimal, ZERO, dec } from '../../core/money/decimal.ts';
import { roundAmount } from '../../core/money/rounding.ts';
import { amountsToInvoice, NOTHING_INVOICED, type InvoiceableAmounts } from '../../core/sales/partial-invoicing.ts';
import { type LineToPost, postsInFull, type PostingScope } from '../../core/sales/posting-scope.ts';
import type { Executor } from '../db/connection.ts';
import { cancelledDocument, postedSalesLine } from '../db/schema/index.ts';
import type { SalesHeaderRow, SalesLineRow } from './sales-document.types.ts';
import type { ItemRow } from './sales-post.checks.ts';

/** What one line contributes to this posting, after the scope was decided. */
export interface LinePosting {
  line: SalesLineRow;
  posting: LineToPost;
  /** The invoiced amounts of this posting (document currency), when the line is invoiced. */
  amounts: InvoiceableAmounts & { vatAmount: Decimal } | null;
  inventoryItem: boolean;
}

export const sign = (returns: boolean) => (returns ? 1 : -1);

/**
 * The amounts each invoiced line posts (spec §4.5): prorated from the line, the posting that
 * invoices the rest taking what earlier invoices of the line left.
 */
export async function linePostingsOf(
  tx: Executor, header: SalesHeaderRow, lines: readonly SalesLineRow[], scope: PostingScope, items: Map<string, ItemRow>, returns: boolean,
  precision: Decimal,
): Promise<LinePosting[]> {
  const invoicedBefore = scope.invoice && !postsInFull(header.documentType as never) ? await amountsInvoicedBefore(tx, header, returns) : new Map();
  const byLineNo = new Map(lines.map((line) => [line.lineNo, line]));
  return scope.lines.map((posting) => {
    const line = byLineNo.get(posting.lineNo)!;
    const amounts = posting.invoice.isZero() ? null : amountsToInvoice({
      quantity: dec(line.quantity),
      quantityInvoiced: dec(line.quantityInvoiced),
      quantityToInvoice: posting.invoice,
      lineAmount: dec(line.lineAmount),
      lineDiscountAmount: dec(line.lineDiscountAmount),
      invoiceDiscountAmount: dec(line.invoiceDiscountAmount),
      amount: dec(line.amount),
      amountIncludingVat: dec(line.amountIncludingVat),
      invoiced: invoicedBefore.get(line.lineNo) ?? NOTHING_INVOICED,
    }, precision);
    return { line, posting, amounts, inventoryItem: line.type === 'item' && items.get(line.no)?.type === 'inventory' };
  });
}
/** Σ of what earlier invoices (credit memos) of this order posted per line: one grouped query. */
export async function amountsInvoicedBefore(tx: Executor, header: SalesHeaderRow, returns: boolean): Promise<Map<number, InvoiceableAmounts>> {
  const rows = await tx.select({
    lineNo: postedSalesLine.sourceLineNo,
    lineAmount: sql<string>`sum(${postedSalesLine.lineAmount})`,
    lineDiscountAmount: sql<string>`sum(${postedSalesLine.lineDiscountAmount})`,
    invoiceDiscountAmount: sql<string>`sum(${postedSalesLine.invoiceDiscountAmount})`,
    amount: sql<string>`sum(${postedSalesLine.amount})`,
    amountIncludingVat: sql<string>`sum(${postedSalesLine.amountIncludingVat})`,
  }).from(postedSalesLine).where(and(
    eq(postedSalesLine.documentType, returns ? 'creditMemo' : 'invoice'),
    eq(postedSalesLine.sourceDocumentType, header.documentType), eq(postedSalesLine.sourceDocumentNo, header.no),
    // A cancelled invoice gave its quantity back to the order line (spec §18.3 step 5): it no longer counts.
    sql`not exists (select 1 from ${cancelledDocument} where ${cancelledDocument.sourceDocumentType} = ${postedSalesLine.documentType}
      and ${cancelledDocument.sourceDocumentNo} = ${postedSalesLine.documentNo})`,
  )).groupBy(postedSalesLine.sourceLineNo);
  return new Map(rows.map((row) => [row.lineNo, {
    lineAmount: dec(row.lineAmount), lineDiscountAmount: dec(row.lineDiscountAmount), invoiceDiscountAmount: dec(row.invoiceDiscountAmount),
    amount: dec(row.amount), amountIncludingVat: dec(row.amountIncludingVat),
  }]));
}

export function lcy(amount: Decimal, header: SalesHeaderRow): Decimal {
  return header.currencyCode ? roundAmount(amount.div(dec(header.currencyFactor))) : amount;
}

/** The LCY sales amount of a quantity of the line: its share of the line's Amount. */
export function salesAmountOf(line: SalesLineRow, quantity: Decimal, header: SalesHeaderRow): Decimal {
  const total = dec(line.quantity);
  if (total.isZero()) return ZERO;
  return lcy(roundAmount(dec(line.amount).times(quantity).div(total)), header);
}

export function discountAmountOf(line: SalesLineRow, quantity: Decimal, header: SalesHeaderRow): Decimal {
  const total = dec(line.quantity);
  if (total.isZero()) return ZERO;
  return lcy(roundAmount(dec(line.lineDiscountAmount).plus(dec(line.invoiceDiscountAmount)).times(quantity).div(total)), header);
}
