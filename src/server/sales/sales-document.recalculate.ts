import { and, eq, sql } from 'drizzle-orm';
import { dec, type Decimal } from '../../core/money/decimal.ts';
import { roundAmount } from '../../core/money/rounding.ts';
import { calculateInvoiceDiscount } from '../../core/pricing/invoice-discount.ts';
import { amountLines, linesWithAmounts, typedInvoiceDiscounts, writeChangedAmounts } from '../documents/document-amounts.ts';
import { syncOrderReservations } from '../availability/reservation-sync.ts';
import { syncAssembleToOrder } from '../assembly/assemble-to-order.sync.ts';
import type { Executor } from '../db/connection.ts';
import { reusableSelect } from '../db/reusable-select.ts';
import { cachedSetup } from '../db/setup-cache.ts';
import { customerInvoiceDiscount, customerPostingGroup, salesHeader, salesLine } from '../db/schema/index.ts';
import { DomainError } from '../../core/errors.ts';
import { deriveLine } from './sales-line.derive.ts';
import { recalculatePrepayments } from './prepayment.lines.ts';
import { currencyPrecisions, type SalesContext } from './sales-context.ts';
import type { SalesDocument, SalesHeaderRow, SalesLineRow } from './sales-document.types.ts';

const selectInvoiceDiscountTerms = reusableSelect((db) => db.select().from(customerInvoiceDiscount).where(eq(customerInvoiceDiscount.code, sql.placeholder('code'))));

/**
 * When the invoice discount is worked out again from the customer's terms: on orders whenever a line
 * changes, on every document when asked (Calculate Invoice Discount, release), if the setup says so.
 */
export type RecalculationTrigger = 'lineChanged' | 'release' | 'calculateInvoiceDiscount';

/**
 * How the recalculation writes the header: `update` always (its version counts the change of lines);
 * `ifChanged` when its invoice discount changed (a header inserted in the same command); `inMemory`
 * never (a header its posting deletes in the same transaction). Issue 21: one UPDATE less each.
 */
export type HeaderWrite = 'update' | 'ifChanged' | 'inMemory';

/**
 * Lines about to be inserted with the amounts the recalculation after their insert gives them when the
 * header's invoice discount stays as it is, so that it has nothing to write back (issue 21). `lines`
 * are the document's lines, those already stored and the new ones.
 */
export async function amountsBeforeInsert(tx: Executor, header: SalesHeaderRow, lines: readonly SalesLineRow[], context: SalesContext): Promise<SalesLineRow[]> {
  const precision = (await currencyPrecisions(tx, context, header.currencyCode)).amount;
  const sorted = lines.map(withAmountDefaults).sort((a, b) => a.lineNo - b.lineNo);
  const discounts = typedInvoiceDiscounts(amountLines(sorted.filter((line) => !line.systemCreatedEntry)), header.invoiceDiscountCalculation, dec(header.invoiceDiscountValue), precision);
  const amounted = new Map(linesWithAmounts(sorted, discounts, { pricesIncludingVat: header.pricesIncludingVat, amountRoundingPrecision: precision }).map((line) => [line.lineNo, line]));
  return lines.map((line) => amounted.get(line.lineNo)!);
}

const amountColumnNames = ['lineAmount', 'allowInvoiceDiscount', 'invoiceDiscountAmount', 'vatPercent', 'vatIdentifier', 'vatCalculationType', 'amount', 'amountIncludingVat', 'vatBaseAmount'] as const;

/** A line not yet stored has the column defaults where it names no value. */
function withAmountDefaults(line: SalesLineRow): SalesLineRow {
  const filled = { ...line };
  for (const name of amountColumnNames) {
    if (filled[name] === undefined) Object.assign(filled, { [name]: salesLine[name].default });
  }
  return filled;
}

/**
 * Brings the stored amounts of every line in step with the document: invoice discount distributed
 * per the header, then VAT per VAT identifier group (spec §4.3, §10.4). Runs in the command's
 * transaction; `headerChanges` (Release's status) go into the same UPDATE of the header.
 */
export async function recalculateDocument(
  tx: Executor, given: SalesDocument, context: SalesContext, trigger: RecalculationTrigger, headerChanges: Partial<Pick<SalesHeaderRow, 'status'>> = {},
  headerWrite: HeaderWrite = 'update',
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
    const code = header.invoiceDiscountCode;
    const terms = (await cachedSetup(tx, `customer_invoice_discount:${code}`, (db) => selectInvoiceDiscountTerms(db, { code })))
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
  } else {
    discounts = typedInvoiceDiscounts(lines, calculation, value, precision);
  }
  const amounted = linesWithAmounts(document.lines, discounts, { pricesIncludingVat: header.pricesIncludingVat, amountRoundingPrecision: precision });
  await writeChangedAmounts(tx, 'sales_line', document.lines, amounted);
  const updatedLines = await recalculatePrepayments(tx, { header, lines: amounted }, document.lines, precision);
  const changes = { ...headerChanges, invoiceDiscountCalculation: calculation, invoiceDiscountValue: value.toFixed(5) };
  const unchanged = Object.keys(headerChanges).length === 0 && calculation === header.invoiceDiscountCalculation && value.eq(dec(header.invoiceDiscountValue));
  const inMemory = headerWrite === 'inMemory' || headerWrite === 'ifChanged' && unchanged;
  const [updatedHeader] = inMemory ? [{ ...header, ...changes }] : await tx.update(salesHeader)
    .set({ ...changes, version: sql`${salesHeader.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(salesHeader.documentType, header.documentType), eq(salesHeader.no, header.no))).returning();
  // Spec §15.3: the linked assembly documents follow their lines (before reservations, which count on them).
  if (trigger === 'lineChanged') await syncAssembleToOrder(tx, updatedHeader!, updatedLines, context);
  if (trigger === 'lineChanged' && header.documentType === 'order') await syncOrderReservations(tx, header.no, header.sellToCustomerNo, updatedLines, context.username);
  return { header: updatedHeader!, lines: updatedLines };
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
