/**
 * Prepayment fields of order lines (spec §26.1–26.3, §26.8): the percentage a line gets, the amount
 * it requires after every change of the document's amounts, what its next invoice deducts, and the
 * changes refused while a prepayment is invoiced.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import { type Decimal, dec } from '../../core/money/decimal.ts';
import {
  type PrepaymentLine, checkPrepaymentPercent, checkPrepaymentToDeduct, checkRequiredPrepayment, itemPrepaymentPercent, prepaymentToDeduct, requiredPrepayment,
  type SalesPrepaymentSalesType,
} from '../../core/sales/prepayment.ts';
import type { SalesDocumentType } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { currency, generalLedgerSetup, salesHeader, salesLine } from '../db/schema/index.ts';
import type { SalesLineSources } from './sales-line.sources.ts';
import { updateLineRows } from '../documents/line-rows.ts';
import type { SalesDocument, SalesHeaderRow, SalesLineRow } from './sales-document.types.ts';

type LineValues = Partial<SalesLineRow> & Pick<SalesLineRow, 'type'>;
type LineInput = Partial<SalesLineRow>;

const carriesPrepayment = (documentType: string) => documentType === 'order' || documentType === 'quote';
const caption = (documentType: string) => salesDescriptor(documentType as SalesDocumentType).caption.toLowerCase();

/** The line's prepayment state as the core functions read it. */
export function prepaymentLineOf(line: Partial<SalesLineRow>): PrepaymentLine {
  const d = (value: string | undefined) => dec(value ?? '0');
  return {
    lineNo: line.lineNo ?? 0, quantity: d(line.quantity), quantityInvoiced: d(line.quantityInvoiced), quantityToInvoice: d(line.quantityToInvoice),
    unitPrice: d(line.unitPrice), lineDiscountPercent: d(line.lineDiscountPercent), lineDiscountAmount: d(line.lineDiscountAmount),
    lineAmount: d(line.lineAmount), invoiceDiscountAmount: d(line.invoiceDiscountAmount), allowInvoiceDiscount: line.allowInvoiceDiscount ?? true,
    prepaymentPercent: d(line.prepaymentPercent), prepmtLineAmount: d(line.prepmtLineAmount), prepmtAmtInv: d(line.prepmtAmtInv),
    prepmtAmtDeducted: d(line.prepmtAmtDeducted), prepmtVatAmountInv: d(line.prepmtVatAmountInv), prepmtVatAmtDeducted: d(line.prepmtVatAmtDeducted),
  };
}

export function checkPrepaymentHeader(values: Partial<SalesHeaderRow> & Pick<SalesHeaderRow, 'documentType'>): void {
  const percent = dec(values.prepaymentPercent ?? '0');
  checkPrepaymentPercent(percent);
  if (!percent.isZero() && !carriesPrepayment(values.documentType)) {
    throw new DomainError('PREPAYMENT_ONLY_ON_ORDERS', { documentTypeCaption: caption(values.documentType) }, 'prepaymentPercent');
  }
}

/** Spec §26.8: header changes that rebuild the lines or their amounts wait for a prepayment credit memo. */
export function checkHeaderChangeWithPrepayment(document: SalesDocument, fields: Record<string, unknown>): void {
  const invoiced = document.lines.find((line) => !dec(line.prepmtAmtInv).isZero());
  if (!invoiced) return;
  const rebuilding = ['sellToCustomerNo', 'billToCustomerNo', 'currencyCode', 'pricesIncludingVat']
    .find((field) => fields[field] !== undefined && fields[field] !== (document.header as Record<string, unknown>)[field]);
  if (rebuilding) {
    throw new DomainError('LINE_HAS_INVOICED_PREPAYMENT', {
      what: `The ${rebuilding}`, action: 'changed', lineNo: invoiced.lineNo, no: document.header.no, invoiced: invoiced.prepmtAmtInv,
    }, rebuilding);
  }
}

/** Spec §26.8: a line (or the whole order) with invoiced prepayment not yet deducted cannot be deleted. */
export function assertNoInvoicedPrepayment(header: SalesHeaderRow, lines: readonly SalesLineRow[], what: string): void {
  const line = lines.find((candidate) => !dec(candidate.quantity).eq(dec(candidate.quantityInvoiced))
    && !dec(candidate.prepmtAmtInv).eq(dec(candidate.prepmtAmtDeducted)));
  if (line) throw new DomainError('LINE_HAS_INVOICED_PREPAYMENT', { what, action: 'deleted', lineNo: line.lineNo, no: header.no, invoiced: line.prepmtAmtInv });
}

/** A new header Prepayment % goes to every line with a No. (spec §26.1), overwriting item percentages. */
export async function setLinesPrepaymentPercent(tx: Executor, header: SalesHeaderRow, lines: SalesLineRow[], precision: Decimal): Promise<SalesLineRow[]> {
  const percent = header.prepaymentPercent;
  const targets = lines.filter((line) => line.no !== '' && line.type !== 'comment' && !line.systemCreatedEntry && line.prepaymentPercent !== percent);
  if (targets.length === 0) return lines;
  const updated = new Map<number, SalesLineRow>();
  for (const line of targets) {
    const next = { ...line, prepaymentPercent: percent };
    if (header.documentType === 'order') {
      const required = requiredPrepayment(prepaymentLineOf(next), precision);
      if (required !== null) {
        checkRequiredPrepayment(prepaymentLineOf(next), required, precision);
        next.prepmtLineAmount = required.toFixed(2);
      }
    }
    updated.set(line.lineNo, next);
  }
  for (const row of await updateLineRows(tx, salesLine, [...updated.values()])) updated.set(row.lineNo, row);
  return lines.map((line) => updated.get(line.lineNo) ?? line);
}

/**
 * The line's Prepayment % (spec §26.2): typed, or when the line gets its No. the item's percentage
 * (orders) or the header's; checked against the document type and the invoiced prepayment.
 */
export async function fillPrepaymentPercent(
  sources: SalesLineSources, header: SalesHeaderRow, values: LineValues, input: LineInput, previous: SalesLineRow | undefined, identityChanged: boolean,
): Promise<void> {
  if (previous && identityChanged && !dec(previous.prepmtAmtInv).isZero()) {
    throw new DomainError('LINE_HAS_INVOICED_PREPAYMENT', { what: 'Type and No.', action: 'changed', lineNo: previous.lineNo, no: header.no, invoiced: previous.prepmtAmtInv }, 'no');
  }
  if (input.prepaymentPercent !== undefined) {
    const percent = dec(input.prepaymentPercent);
    checkPrepaymentPercent(percent);
    if (!percent.isZero() && !carriesPrepayment(header.documentType)) {
      throw new DomainError('PREPAYMENT_ONLY_ON_ORDERS', { documentTypeCaption: caption(header.documentType) }, 'prepaymentPercent');
    }
    if (!percent.isZero() && values.systemCreatedEntry) throw new DomainError('PREPMT_LINE_AMOUNT_INVALID', { lineNo: values.lineNo ?? 0, reason: 'cannot be set on a line the system created' }, 'prepaymentPercent');
    return;
  }
  if (!identityChanged) return;
  values.prepaymentPercent = await defaultPrepaymentPercent(sources, header, values);
}

async function defaultPrepaymentPercent(sources: SalesLineSources, header: SalesHeaderRow, values: LineValues): Promise<string> {
  if (!carriesPrepayment(header.documentType) || values.systemCreatedEntry || !values.no) return '0';
  if (header.documentType === 'order' && values.type === 'item') {
    const rows = await sources.prepaymentPercentsOf(values.no);
    const percent = itemPrepaymentPercent(rows.map((row) => ({ ...row, salesType: row.salesType as SalesPrepaymentSalesType, prepaymentPercent: dec(row.prepaymentPercent) })), {
      billToCustomerNo: header.billToCustomerNo, customerPriceGroup: header.customerPriceGroup, postingDate: header.postingDate ?? header.orderDate ?? '0001-01-01',
    });
    if (percent) return percent.toFixed(5);
  }
  return header.prepaymentPercent;
}

/**
 * A typed Prepmt. Line Amount sets the percentage (spec §26.3.2); a typed Prepmt Amt to Deduct is
 * checked against its bounds (§26.7.5); otherwise the deduction follows Qty. to Invoice (§26.3.4).
 * Runs after the line's amounts are derived.
 */
export function fillPrepaymentAmounts(header: SalesHeaderRow, values: LineValues, input: LineInput, precision: Decimal, amountsChanged: boolean): void {
  if (input.prepmtLineAmount !== undefined) {
    const typed = dec(input.prepmtLineAmount);
    const line = prepaymentLineOf(values);
    const reason = header.documentType !== 'order' ? 'can only be set on orders'
      : values.systemCreatedEntry ? 'cannot be set on a line the system created'
        : line.lineAmount.isZero() ? 'needs a Line Amount other than 0'
          : typed.lt(line.prepmtAmtInv) ? `must be at least the ${line.prepmtAmtInv.toFixed(2)} already invoiced`
            : typed.gt(line.lineAmount) ? `must not be more than the Line Amount ${line.lineAmount.toFixed(2)}` : null;
    if (reason) throw new DomainError('PREPMT_LINE_AMOUNT_INVALID', { lineNo: values.lineNo ?? 0, reason }, 'prepmtLineAmount');
    values.prepaymentPercent = typed.times(100).div(line.lineAmount).toDecimalPlaces(5).toFixed(5);
    values.prepmtLineAmount = typed.toFixed(2);
  }
  if (header.documentType !== 'order') return;
  // BC recalculates Prepmt. Line Amount when the line's amounts change, not when it is posted (§26.3.1).
  if (amountsChanged && input.prepmtLineAmount === undefined) {
    const required = requiredPrepayment(prepaymentLineOf(values), precision);
    if (required !== null) {
      checkRequiredPrepayment(prepaymentLineOf(values), required, precision);
      values.prepmtLineAmount = required.toFixed(2);
    }
  }
  const line = prepaymentLineOf(values);
  if (input.prepmtAmtToDeduct !== undefined) {
    const typed = dec(input.prepmtAmtToDeduct);
    checkPrepaymentToDeduct(line, typed);
    values.prepmtAmtToDeduct = typed.toFixed(2);
    return;
  }
  values.prepmtAmtToDeduct = prepaymentToDeduct(line, precision).toFixed(2);
}

/**
 * Spec §26.3.1 after the document's amounts moved (invoice discount, VAT): each order line's
 * Prepmt. Line Amount, refused below what was invoiced; written in one UPDATE.
 */
export async function recalculatePrepayments(tx: Executor, document: SalesDocument, before: readonly SalesLineRow[], precision: Decimal): Promise<SalesLineRow[]> {
  if (document.header.documentType !== 'order') return document.lines;
  const changed: { lineNo: number; prepmtLineAmount: string }[] = [];
  const lines = document.lines.map((row, index) => {
    // Only a moved invoice discount changes what a line requires here; deriveLine handles the line's own amounts.
    if (row.type === 'comment' || before[index]?.invoiceDiscountAmount === row.invoiceDiscountAmount) return row;
    const line = prepaymentLineOf(row);
    const required = requiredPrepayment(line, precision);
    if (required === null) return row;
    checkRequiredPrepayment(line, required, precision);
    if (required.eq(line.prepmtLineAmount)) return row;
    changed.push({ lineNo: row.lineNo, prepmtLineAmount: required.toFixed(2) });
    return { ...row, prepmtLineAmount: required.toFixed(2) };
  });
  if (changed.length === 0) return lines;
  const values = sql.join(changed.map((line) => sql`(${line.lineNo}::integer, ${line.prepmtLineAmount}::numeric)`), sql`, `);
  await tx.execute(sql`
    update sales_line as line set prepmt_line_amount = changed.amount
    from (values ${values}) as changed(line_no, amount)
    where line.document_type = 'order' and line.document_no = ${document.header.no} and line.line_no = changed.line_no`);
  return lines;
}

/**
 * Spec §26.3.4 after quantities moved (a posting, Undo Shipment): a 100 % order line's non-final
 * invoice deducts what it bills (§4.5), which the quantities' UPDATE does not price; worked out
 * here for those lines, in the currency's precision, and written in one UPDATE.
 */
export async function recalculateFullPrepaymentDeductions(tx: Executor, keys: readonly { documentNo: string; lineNo: number }[]): Promise<void> {
  if (keys.length === 0) return;
  const wanted = sql.join(keys.map((key) => sql`(${key.documentNo}::text, ${key.lineNo}::integer)`), sql`, `);
  const rows = await tx.select({ line: salesLine, precision: sql<string>`coalesce(${currency.amountRoundingPrecision}, ${generalLedgerSetup.amountRoundingPrecision})::text` })
    .from(salesLine)
    .innerJoin(salesHeader, and(eq(salesHeader.documentType, salesLine.documentType), eq(salesHeader.no, salesLine.documentNo)))
    .leftJoin(currency, eq(currency.code, salesHeader.currencyCode))
    .innerJoin(generalLedgerSetup, sql`true`)
    .where(and(eq(salesLine.documentType, 'order'), eq(salesLine.prepaymentPercent, '100'), ne(salesLine.prepmtAmtInv, '0'),
      sql`(${salesLine.documentNo}, ${salesLine.lineNo}) in (values ${wanted})`));
  const changed = rows.flatMap(({ line: row, precision }) => {
    const amount = prepaymentToDeduct(prepaymentLineOf(row), precision).toFixed(2);
    return dec(row.prepmtAmtToDeduct).eq(amount) ? [] : [sql`(${row.documentNo}::text, ${row.lineNo}::integer, ${amount}::numeric)`];
  });
  if (changed.length === 0) return;
  await tx.execute(sql`
    update sales_line as line set prepmt_amt_to_deduct = changed.amount
    from (values ${sql.join(changed, sql`, `)}) as changed(document_no, line_no, amount)
    where line.document_type = 'order' and line.document_no = changed.document_no and line.line_no = changed.line_no`);
}
