/**
 * A document's amounts after a change, sales or purchase alike (spec §4.3, §10.4): the invoice
 * discount spread over the lines, then VAT per VAT identifier, written back in one UPDATE.
 */
import { sql } from 'drizzle-orm';
import { dec, sum, ZERO, type Decimal } from '../../core/money/decimal.ts';
import { roundAmount } from '../../core/money/rounding.ts';
import { distributeInvoiceDiscount, invoiceDiscountBase } from '../../core/pricing/invoice-discount.ts';
import type { AmountLine, VatCalculationType } from '../../core/sales/types.ts';
import { calculateDocumentVat } from '../../core/tax/vat.ts';
import type { Executor } from '../db/connection.ts';

/** The amount columns a sales and a purchase line share. */
export interface AmountColumns {
  lineNo: number; type: string; lineAmount: string; invoiceDiscountAmount: string; allowInvoiceDiscount: boolean;
  vatPercent: string; vatIdentifier: string; vatCalculationType: string; amount: string; amountIncludingVat: string; vatBaseAmount: string;
}

export function amountLines(lines: readonly AmountColumns[]): AmountLine[] {
  return lines.filter((line) => line.type !== 'comment').map((line) => ({
    lineNo: line.lineNo,
    type: line.type as AmountLine['type'],
    lineAmount: dec(line.lineAmount),
    invoiceDiscountAmount: dec(line.invoiceDiscountAmount),
    allowInvoiceDiscount: line.allowInvoiceDiscount,
    vatPercent: dec(line.vatPercent),
    vatIdentifier: line.vatIdentifier,
    vatCalculationType: line.vatCalculationType as VatCalculationType,
  }));
}

/** An invoice discount typed on the header (BC's Invoice Discount Calculation % or Amount), spread over the lines. */
export function typedInvoiceDiscounts(lines: readonly AmountLine[], calculation: string, value: Decimal, precision: Decimal): Map<number, Decimal> {
  if (calculation === 'percent') return distributeInvoiceDiscount(lines, roundAmount(invoiceDiscountBase(lines).times(value).div(100), precision), precision);
  if (calculation === 'amount') return distributeInvoiceDiscount(lines, value, precision);
  return new Map();
}

/** Every line with its invoice discount and the amount, VAT base and amount including VAT that follow. */
export function linesWithAmounts<L extends AmountColumns>(
  lines: readonly L[], discounts: ReadonlyMap<number, Decimal>, options: { pricesIncludingVat: boolean; amountRoundingPrecision: Decimal },
): L[] {
  const discounted = amountLines(lines).map((line) => ({ ...line, invoiceDiscountAmount: discounts.get(line.lineNo) ?? ZERO }));
  const vat = calculateDocumentVat(discounted, options);
  const byLine = new Map(vat.lines.map((line) => [line.lineNo, line]));
  return lines.map((line) => {
    const amounts = byLine.get(line.lineNo);
    return {
      ...line,
      invoiceDiscountAmount: (discounts.get(line.lineNo) ?? ZERO).toFixed(2),
      amount: (amounts?.amount ?? ZERO).toFixed(2),
      amountIncludingVat: (amounts?.amountIncludingVat ?? ZERO).toFixed(2),
      vatBaseAmount: (amounts?.vatBaseAmount ?? ZERO).toFixed(2),
    };
  });
}

const amountFields = ['invoiceDiscountAmount', 'amount', 'amountIncludingVat', 'vatBaseAmount'] as const;

/** One set-based UPDATE of `table` for every line whose amounts moved, however many lines the document has. */
export async function writeChangedAmounts<L extends AmountColumns & { documentType: string; documentNo: string }>(
  tx: Executor, table: 'sales_line' | 'purchase_line', before: readonly L[], after: readonly L[],
): Promise<void> {
  // The same text is the same amount: parsed only when the texts differ ("5" against "5.00").
  const changed = after.filter((line, index) => !amountFields.every((field) => before[index]![field] === line[field] || dec(before[index]![field]).eq(dec(line[field]))));
  if (changed.length === 0) return;
  const { documentType, documentNo } = changed[0]!;
  const values = sql.join(changed.map((line) =>
    sql`(${line.lineNo}::integer, ${line.invoiceDiscountAmount}::numeric, ${line.amount}::numeric, ${line.amountIncludingVat}::numeric, ${line.vatBaseAmount}::numeric)`), sql`, `);
  await tx.execute(sql`
    update ${sql.identifier(table)} as line set
      invoice_discount_amount = changed.invoice_discount_amount, amount = changed.amount,
      amount_including_vat = changed.amount_including_vat, vat_base_amount = changed.vat_base_amount
    from (values ${values}) as changed(line_no, invoice_discount_amount, amount, amount_including_vat, vat_base_amount)
    where line.document_type = ${documentType} and line.document_no = ${documentNo} and line.line_no = changed.line_no`);
}

const money = (value: Decimal) => value.toFixed(2);

/** The totals a document page shows under its lines. */
export function documentTotals(document: { lines: readonly (AmountColumns & { lineDiscountAmount: string })[] }) {
  const lines = document.lines.filter((line) => line.type !== 'comment');
  const total = (field: 'lineAmount' | 'invoiceDiscountAmount' | 'amount' | 'amountIncludingVat' | 'lineDiscountAmount') => sum(lines.map((line) => dec(line[field])));
  return {
    lineAmount: money(total('lineAmount')),
    lineDiscountAmount: money(total('lineDiscountAmount')),
    invoiceDiscountAmount: money(total('invoiceDiscountAmount')),
    amount: money(total('amount')),
    vatAmount: money(total('amountIncludingVat').minus(total('amount'))),
    amountIncludingVat: money(total('amountIncludingVat')),
  };
}
