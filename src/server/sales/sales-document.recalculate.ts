import { and, eq, sql } from 'drizzle-orm';
import { dec, ZERO, type Decimal } from '../../core/money/decimal.ts';
import { roundAmount } from '../../core/money/rounding.ts';
import { calculateDocumentVat } from '../../core/tax/vat.ts';
import { calculateInvoiceDiscount, distributeInvoiceDiscount, invoiceDiscountBase } from '../../core/pricing/invoice-discount.ts';
import type { AmountLine, VatCalculationType } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { customerInvoiceDiscount, salesHeader, salesLine } from '../db/schema/index.ts';
import { currencyPrecisions, type SalesContext } from './sales-context.ts';
import type { SalesDocument, SalesLineRow } from './sales-document.types.ts';

export function amountLines(lines: SalesLineRow[]): AmountLine[] {
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

/**
 * When the invoice discount is worked out again from the customer's terms: on orders whenever a line
 * changes, on every document when asked (Calculate Invoice Discount, release), if the setup says so.
 */
export type RecalculationTrigger = 'lineChanged' | 'release' | 'calculateInvoiceDiscount';

/**
 * Brings the stored amounts of every line in step with the document: invoice discount distributed
 * per the header, then VAT per VAT identifier group (spec §4.3, §10.4). Runs in the command's transaction.
 */
export async function recalculateDocument(tx: Executor, document: SalesDocument, context: SalesContext, trigger: RecalculationTrigger): Promise<SalesDocument> {
  const { header } = document;
  const precision = (await currencyPrecisions(tx, context, header.currencyCode)).amount;
  const lines = amountLines(document.lines);
  const automatic = trigger === 'calculateInvoiceDiscount'
    || context.salesSetup.calculateInvoiceDiscount && (trigger === 'release' || header.documentType === 'order');
  let calculation = header.invoiceDiscountCalculation;
  let value = dec(header.invoiceDiscountValue);
  let discounts: Map<number, Decimal>;
  if (automatic && calculation !== 'amount') {
    const terms = (await tx.select().from(customerInvoiceDiscount).where(eq(customerInvoiceDiscount.code, header.invoiceDiscountCode)))
      .map((row) => ({ currencyCode: row.currencyCode, minimumAmount: dec(row.minimumAmount), discountPercent: dec(row.discountPercent), serviceCharge: dec(row.serviceCharge) }));
    const factor = dec(header.currencyFactor);
    const result = calculateInvoiceDiscount(lines, terms, {
      currencyCode: header.currencyCode ?? '', toLcy: (amount) => roundAmount(amount.div(factor)), fromLcy: (amount) => roundAmount(amount.times(factor), precision),
      amountRoundingPrecision: precision,
    });
    calculation = result.discountPercent.isZero() ? 'none' : 'percent';
    value = result.discountPercent;
    discounts = result.perLine;
  } else if (calculation === 'percent') {
    discounts = distributeInvoiceDiscount(lines, roundAmount(invoiceDiscountBase(lines).times(value).div(100), precision), precision);
  } else if (calculation === 'amount') {
    discounts = distributeInvoiceDiscount(lines, value, precision);
  } else {
    discounts = new Map();
  }
  const discounted = lines.map((line) => ({ ...line, invoiceDiscountAmount: discounts.get(line.lineNo) ?? ZERO }));
  const vat = calculateDocumentVat(discounted, { pricesIncludingVat: header.pricesIncludingVat, amountRoundingPrecision: precision });
  const byLine = new Map(vat.lines.map((line) => [line.lineNo, line]));
  const updatedLines = document.lines.map((line) => {
    const amounts = byLine.get(line.lineNo);
    return {
      ...line,
      invoiceDiscountAmount: (discounts.get(line.lineNo) ?? ZERO).toFixed(2),
      amount: (amounts?.amount ?? ZERO).toFixed(2),
      amountIncludingVat: (amounts?.amountIncludingVat ?? ZERO).toFixed(2),
      vatBaseAmount: (amounts?.vatBaseAmount ?? ZERO).toFixed(2),
    };
  });
  await writeChangedAmounts(tx, document.lines, updatedLines);
  const [updatedHeader] = await tx.update(salesHeader)
    .set({ invoiceDiscountCalculation: calculation, invoiceDiscountValue: value.toFixed(5), version: sql`${salesHeader.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(salesHeader.documentType, header.documentType), eq(salesHeader.no, header.no))).returning();
  return { header: updatedHeader!, lines: updatedLines };
}

const amountFields = ['invoiceDiscountAmount', 'amount', 'amountIncludingVat', 'vatBaseAmount'] as const;

async function writeChangedAmounts(tx: Executor, before: SalesLineRow[], after: SalesLineRow[]) {
  for (const [index, line] of after.entries()) {
    const previous = before[index]!;
    if (amountFields.every((field) => dec(previous[field]).eq(dec(line[field])))) continue;
    await tx.update(salesLine)
      .set({ invoiceDiscountAmount: line.invoiceDiscountAmount, amount: line.amount, amountIncludingVat: line.amountIncludingVat, vatBaseAmount: line.vatBaseAmount })
      .where(and(eq(salesLine.documentType, line.documentType), eq(salesLine.documentNo, line.documentNo), eq(salesLine.lineNo, line.lineNo)));
  }
}
