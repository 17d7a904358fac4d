import { and, eq, sql } from 'drizzle-orm';
import { dec, ZERO, type Decimal } from '../../core/money/decimal.ts';
import { roundAmount } from '../../core/money/rounding.ts';
import { calculateDocumentVat } from '../../core/tax/vat.ts';
import { calculateInvoiceDiscount, distributeInvoiceDiscount, invoiceDiscountBase } from '../../core/pricing/invoice-discount.ts';
import type { AmountLine, VatCalculationType } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { customerInvoiceDiscount, customerPostingGroup, salesHeader, salesLine } from '../db/schema/index.ts';
import { DomainError } from '../../core/errors.ts';
import { deriveLine } from './sales-line.derive.ts';
import { currencyPrecisions, type SalesContext } from './sales-context.ts';
import type { SalesDocument, SalesHeaderRow, SalesLineRow } from './sales-document.types.ts';

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
 * per the header, then VAT per VAT identifier group (spec §4.3, §10.4). Runs in the command's
 * transaction; `headerChanges` (Release's status) go into the same UPDATE of the header.
 */
export async function recalculateDocument(
  tx: Executor, given: SalesDocument, context: SalesContext, trigger: RecalculationTrigger, headerChanges: Partial<Pick<SalesHeaderRow, 'status'>> = {},
): Promise<SalesDocument> {
  let document = given;
  const { header } = document;
  const precision = (await currencyPrecisions(tx, context, header.currencyCode)).amount;
  const lines = amountLines(document.lines.filter((line) => !line.systemCreatedEntry));
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
    document = { header, lines: await applyServiceCharge(tx, document, result.serviceCharge, context) };
  } else if (calculation === 'percent') {
    discounts = distributeInvoiceDiscount(lines, roundAmount(invoiceDiscountBase(lines).times(value).div(100), precision), precision);
  } else if (calculation === 'amount') {
    discounts = distributeInvoiceDiscount(lines, value, precision);
  } else {
    discounts = new Map();
  }
  const discounted = amountLines(document.lines).map((line) => ({ ...line, invoiceDiscountAmount: discounts.get(line.lineNo) ?? ZERO }));
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
    .set({ ...headerChanges, invoiceDiscountCalculation: calculation, invoiceDiscountValue: value.toFixed(5), version: sql`${salesHeader.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(salesHeader.documentType, header.documentType), eq(salesHeader.no, header.no))).returning();
  return { header: updatedHeader!, lines: updatedLines };
}

const amountFields = ['invoiceDiscountAmount', 'amount', 'amountIncludingVat', 'vatBaseAmount'] as const;

/** One set-based UPDATE for every line whose amounts moved, however many lines the document has. */
async function writeChangedAmounts(tx: Executor, before: SalesLineRow[], after: SalesLineRow[]) {
  const changed = after.filter((line, index) => !amountFields.every((field) => dec(before[index]![field]).eq(dec(line[field]))));
  if (changed.length === 0) return;
  const { documentType, documentNo } = changed[0]!;
  const values = sql.join(changed.map((line) =>
    sql`(${line.lineNo}::integer, ${line.invoiceDiscountAmount}::numeric, ${line.amount}::numeric, ${line.amountIncludingVat}::numeric, ${line.vatBaseAmount}::numeric)`), sql`, `);
  await tx.execute(sql`
    update sales_line as line set
      invoice_discount_amount = changed.invoice_discount_amount, amount = changed.amount,
      amount_including_vat = changed.amount_including_vat, vat_base_amount = changed.vat_base_amount
    from (values ${values}) as changed(line_no, invoice_discount_amount, amount, amount_including_vat, vat_base_amount)
    where line.document_type = ${documentType} and line.document_no = ${documentNo} and line.line_no = changed.line_no`);
}

/**
 * The service charge of the invoice-discount terms (spec §10.4 step 4): one system-created G/L line on the
 * customer posting group's Service Charge Acc., inserted, updated or removed as the terms say.
 */
async function applyServiceCharge(tx: Executor, document: SalesDocument, charge: Decimal, context: SalesContext): Promise<SalesLineRow[]> {
  const { header } = document;
  const existing = document.lines.find((line) => line.systemCreatedEntry && line.type === 'glAccount');
  if (charge.isZero()) {
    if (!existing) return document.lines;
    await tx.delete(salesLine).where(lineKey(existing));
    return document.lines.filter((line) => line !== existing);
  }
  const [group] = header.customerPostingGroup ? await tx.select().from(customerPostingGroup).where(eq(customerPostingGroup.code, header.customerPostingGroup)) : [];
  if (!group?.serviceChargeAccount) {
    throw new DomainError('POSTING_SETUP_MISSING', { vatBusPostingGroup: `customer posting group ${header.customerPostingGroup ?? '(none)'}`, vatProdPostingGroup: 'Service Charge Acc.' }, 'customerPostingGroup');
  }
  const input = {
    type: 'glAccount', no: group.serviceChargeAccount, description: 'Service Charge', quantity: '1',
    unitPrice: charge.toFixed(5), allowInvoiceDiscount: false, systemCreatedEntry: true,
  };
  let values = await deriveLine(tx, header, input, undefined, context);
  if (header.pricesIncludingVat && values.vatCalculationType !== 'reverseCharge') {
    // The charge is net; on a document with prices including VAT its unit price carries the VAT.
    const gross = roundAmount(charge.times(dec(values.vatPercent!).div(100).plus(1)));
    values = await deriveLine(tx, header, { ...input, unitPrice: gross.toFixed(5) }, undefined, context);
  }
  if (existing) {
    const [row] = await tx.update(salesLine).set(values).where(lineKey(existing)).returning();
    return document.lines.map((line) => (line === existing ? row! : line));
  }
  const lineNo = Math.max(0, ...document.lines.map((line) => line.lineNo)) + 10000;
  const [row] = await tx.insert(salesLine).values({ ...values, documentType: header.documentType, documentNo: header.no, lineNo } as SalesLineRow).returning();
  return [...document.lines, row!];
}

const lineKey = (line: SalesLineRow) =>
  and(eq(salesLine.documentType, line.documentType), eq(salesLine.documentNo, line.documentNo), eq(salesLine.lineNo, line.lineNo));
