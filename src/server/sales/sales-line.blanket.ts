/**
 * Sales lines and blanket order lines (spec §14.1; BC Sales Line OnValidate of Blanket Order No. and
 * Blanket Order Line No.): linking an order or invoice line to a blanket line by hand, and the
 * blanket line's own Qty. to Ship, which never exceeds what the unposted linked orders leave.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import { dec, type Decimal } from '../../core/money/decimal.ts';
import {
  type BlanketLine, type LinkedLine, cappedQuantityToShip, checkBlanketQuantityToShip, quantityOnOrdersBase,
} from '../../core/sales/blanket-order.ts';
import { maxQuantityToInvoice, quantityBase } from '../../core/sales/quantities.ts';
import { salesDocumentTypeCaptions, type SalesDocumentType } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { salesHeader, salesLine } from '../db/schema/index.ts';
import type { SalesHeaderRow, SalesLineRow } from './sales-document.types.ts';

type LineValues = Partial<SalesLineRow> & Pick<SalesLineRow, 'type'>;
type LineInput = Partial<SalesLineRow>;

/**
 * The document types whose lines may deliver part of a blanket order line. Return orders and credit
 * memos give part back (BC: their postings take it off Quantity Shipped and Invoiced).
 */
const linkableDocumentTypes: readonly string[] = ['order', 'invoice', 'returnOrder', 'creditMemo'];

/** The unposted lines linked to a blanket order's lines (all of them, or those of `lineNos`), in document order. */
export async function linkedUnpostedLines(tx: Executor, blanketOrderNo: string, lineNos?: readonly number[]): Promise<SalesLineRow[]> {
  return tx.select().from(salesLine).where(and(
    eq(salesLine.blanketOrderNo, blanketOrderNo),
    lineNos ? inArray(salesLine.blanketOrderLineNo, [...lineNos]) : undefined,
    ne(salesLine.documentType, 'blanketOrder'),
  )).orderBy(asc(salesLine.documentType), asc(salesLine.documentNo), asc(salesLine.lineNo));
}

/** A linked line as core/sales/blanket-order.ts reads it: its handled quantity is Quantity Shipped, or Return Qty. Received on returns. */
export function asLinkedLine(row: SalesLineRow): LinkedLine {
  const handling = salesDescriptor(row.documentType as SalesDocumentType).lineHandling;
  return {
    documentType: row.documentType as SalesDocumentType,
    quantityBase: dec(row.quantityBase),
    quantityHandled: dec(row[handling.quantityHandledField]),
    quantityPerUnitOfMeasure: dec(row.quantityPerUnitOfMeasure),
    fromPostedLine: row[handling.postedDocumentNoField] !== null,
  };
}

type BlanketColumns = Pick<SalesLineRow, 'documentNo' | 'lineNo' | 'type' | 'no' | 'quantity' | 'quantityShipped' | 'quantityToShip' | 'quantityInvoiced' | 'quantityToInvoice' | 'quantityPerUnitOfMeasure'>;

export function asBlanketLine(row: Partial<BlanketColumns> & Pick<BlanketColumns, 'type'>): BlanketLine {
  const perUnit = dec(row.quantityPerUnitOfMeasure ?? '1');
  const quantity = dec(row.quantity ?? '0');
  return {
    documentNo: row.documentNo ?? '', lineNo: row.lineNo ?? 0, type: row.type, no: row.no ?? '',
    quantity, quantityShipped: dec(row.quantityShipped ?? '0'), quantityToShip: dec(row.quantityToShip ?? '0'),
    quantityInvoiced: dec(row.quantityInvoiced ?? '0'), quantityToInvoice: dec(row.quantityToInvoice ?? '0'),
    quantityPerUnitOfMeasure: perUnit, quantityBase: quantityBase(quantity, perUnit),
  };
}

/** What links the line to a blanket line after the request: the input as sent, or completed from the blanket line. */
export interface BlanketLink { input: LineInput; linked: boolean }

/**
 * A request that sets Blanket Order No. / Line No. on an order or invoice line links it: the blanket
 * line must exist for the same customers with the same Type and No.; its location, unit of measure,
 * unit price and line discount come with it (what the request sets itself stays). A linked line keeps
 * its Type, No. and unit, and its price is not derived again. Lines taken from a posted shipment
 * carry the shipment's link as it is (BC InsertInvLineFromShptLine).
 */
export async function withBlanketLink(tx: Executor, header: SalesHeaderRow, input: LineInput, previous: SalesLineRow | undefined): Promise<BlanketLink> {
  const current = previous?.blanketOrderNo ? { no: previous.blanketOrderNo, lineNo: previous.blanketOrderLineNo! } : null;
  // The link the line has, sent again (a client sending the whole line), is no new link: the line's own terms stay.
  const same = (input.blanketOrderNo === undefined || input.blanketOrderNo === (current?.no ?? null))
    && (input.blanketOrderLineNo === undefined || input.blanketOrderLineNo === (current?.lineNo ?? null));
  const requested = (input.blanketOrderNo !== undefined || input.blanketOrderLineNo !== undefined) && !same;
  if (!requested) {
    if (current) assertLinkedLineKept(input, previous!, current);
    return { input, linked: current !== null };
  }
  if (!linkableDocumentTypes.includes(header.documentType)) {
    throw linkRefused(`Only lines of orders, invoices, return orders and credit memos can be linked to a blanket order line, not a line of a ${salesDocumentTypeCaptions[header.documentType as SalesDocumentType]}`);
  }
  const no = input.blanketOrderNo !== undefined ? input.blanketOrderNo : previous?.blanketOrderNo ?? null;
  const lineNo = input.blanketOrderLineNo !== undefined ? input.blanketOrderLineNo : previous?.blanketOrderLineNo ?? null;
  const handled = previous ? dec(previous.quantityShipped).plus(dec(previous.returnQuantityReceived)) : dec('0');
  if (previous && !handled.isZero() && (no !== current?.no || lineNo !== (current?.lineNo ?? null))) {
    throw linkRefused(`Line ${previous.lineNo} has been shipped already, so its blanket order link cannot change`);
  }
  if (no === null) return { input: { ...input, blanketOrderNo: null, blanketOrderLineNo: null }, linked: false };
  if (lineNo === null) throw linkRefused('Blanket Order Line No. must have a value when Blanket Order No. has one', 'blanketOrderLineNo');
  if (input.shipmentNo || input.returnReceiptNo) return { input: { ...input, blanketOrderNo: no, blanketOrderLineNo: lineNo }, linked: true };
  const blanket = await blanketLineToLink(tx, no, lineNo);
  assertSameParties(header, blanket.header, no, lineNo);
  const type = input.type ?? previous?.type ?? '';
  const itemNo = input.no ?? previous?.no ?? '';
  assertMatches(no, lineNo, 'type', 'Type', type, blanket.line.type);
  assertMatches(no, lineNo, 'no', 'No.', itemNo, blanket.line.no);
  if (input.unitOfMeasureCode !== undefined) assertMatches(no, lineNo, 'unitOfMeasureCode', 'Unit of Measure Code', input.unitOfMeasureCode ?? '', blanket.line.unitOfMeasureCode ?? '');
  const typedDiscount = input.lineDiscountPercent !== undefined || input.lineDiscountAmount !== undefined || input.lineAmount !== undefined;
  return {
    input: {
      ...input, blanketOrderNo: no, blanketOrderLineNo: lineNo,
      locationCode: input.locationCode !== undefined ? input.locationCode : blanket.line.locationCode,
      ...(blanket.line.type === 'item' ? { unitOfMeasureCode: blanket.line.unitOfMeasureCode } : {}),
      unitPrice: input.unitPrice ?? blanket.line.unitPrice,
      ...(typedDiscount ? {} : { lineDiscountPercent: blanket.line.lineDiscountPercent }),
    },
    linked: true,
  };
}

const linkRefused = (reason: string, field = 'blanketOrderNo') => new DomainError('BLANKET_LINK_NOT_ALLOWED', { reason }, field);

async function blanketLineToLink(tx: Executor, no: string, lineNo: number): Promise<{ header: SalesHeaderRow; line: SalesLineRow }> {
  const [row] = await tx.select({ header: salesHeader, line: salesLine }).from(salesLine)
    .innerJoin(salesHeader, and(eq(salesHeader.documentType, salesLine.documentType), eq(salesHeader.no, salesLine.documentNo)))
    .where(and(eq(salesLine.documentType, 'blanketOrder'), eq(salesLine.documentNo, no), eq(salesLine.lineNo, lineNo)));
  if (!row) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Blanket order line', value: `${no} ${lineNo}`, field: 'blanketOrderLineNo' }, 'blanketOrderLineNo');
  return row;
}

function assertSameParties(header: SalesHeaderRow, blanket: SalesHeaderRow, no: string, lineNo: number): void {
  assertMatches(no, lineNo, 'sellToCustomerNo', 'Sell-to Customer No.', header.sellToCustomerNo, blanket.sellToCustomerNo);
  assertMatches(no, lineNo, 'billToCustomerNo', 'Bill-to Customer No.', header.billToCustomerNo, blanket.billToCustomerNo);
}

function assertMatches(no: string, lineNo: number, field: string, fieldCaption: string, value: string, expected: string): void {
  if (value === expected) return;
  throw new DomainError('BLANKET_LINE_MISMATCH', { blanketOrderNo: no, blanketOrderLineNo: lineNo, fieldCaption, value, expected }, field);
}

/** A linked line keeps the blanket line's Type, No. and unit (spec §14.1): unlink it first to change them. */
function assertLinkedLineKept(input: LineInput, previous: SalesLineRow, link: { no: string; lineNo: number }): void {
  for (const [field, fieldCaption] of [['type', 'Type'], ['no', 'No.'], ['unitOfMeasureCode', 'Unit of Measure Code']] as const) {
    if (input[field] === undefined || (input[field] ?? '') === (previous[field] ?? '')) continue;
    assertMatches(link.no, link.lineNo, field, fieldCaption, input[field] ?? '', previous[field] ?? '');
  }
}

/**
 * Before a blanket order line's quantities are derived: its item and unit stay while lines are
 * linked to it, and a typed Qty. to Ship must fit what the linked orders leave (BLANKET_QTY_EXCEEDED,
 * the check Make Order makes). Answers the linked orders' base quantity; null on other documents.
 */
export async function blanketQuantitiesBefore(
  tx: Executor, header: SalesHeaderRow, values: LineValues, input: LineInput, previous: SalesLineRow | undefined,
): Promise<Decimal | null> {
  if (header.documentType !== 'blanketOrder') return null;
  if (input.blanketOrderNo || input.blanketOrderLineNo) throw linkRefused('A blanket order line cannot itself be linked to a blanket order line');
  const linked = previous ? await linkedUnpostedLines(tx, header.no, [previous.lineNo]) : [];
  const changed = (['type', 'no', 'unitOfMeasureCode'] as const).find((field) => previous && input[field] !== undefined && (input[field] ?? '') !== (previous[field] ?? ''));
  if (changed && linked.length > 0) throw linkedLineError(previous!, linked, `${changed === 'unitOfMeasureCode' ? 'The unit of measure' : 'The item'} of the blanket order line`, 'changed', changed);
  const onOrdersBase = quantityOnOrdersBase(linked.map(asLinkedLine));
  if (input.quantityToShip !== undefined) {
    checkBlanketQuantityToShip(asBlanketLine({ ...values, documentNo: header.no, lineNo: previous?.lineNo ?? input.lineNo ?? 0, quantityToShip: input.quantityToShip }), onOrdersBase);
  }
  return onOrdersBase;
}

/** After Quantity changed on a blanket line, the defaulted Qty. to Ship is held to what the linked orders leave. */
export function blanketQuantitiesAfter(values: LineValues, input: LineInput, onOrdersBase: Decimal | null, quantityChanged: boolean): void {
  if (onOrdersBase === null || !quantityChanged || input.quantityToShip !== undefined) return;
  const line = asBlanketLine(values);
  const quantityToShip = cappedQuantityToShip(line.quantityToShip, line, onOrdersBase);
  values.quantityToShip = quantityToShip.toFixed(5);
  values.quantityToInvoice = maxQuantityToInvoice({ ...line, quantityToShip }).toFixed(5);
}

/** The refusal naming the first linked line (BC Sales Line OnDelete of a blanket line). */
export function linkedLineError(blanketLine: Pick<SalesLineRow, 'documentNo' | 'lineNo'>, linked: readonly SalesLineRow[], what: string, action: string, field?: string): DomainError {
  const first = linked[0]!;
  return new DomainError('BLANKET_ORDER_LINE_LINKED', {
    what, action, blanketOrderNo: blanketLine.documentNo, blanketOrderLineNo: blanketLine.lineNo,
    linkedCaption: salesDocumentTypeCaptions[first.documentType as SalesDocumentType], linkedNo: first.documentNo, linkedLineNo: first.lineNo,
    others: linked.length > 1 ? linked.length - 1 : null,
  }, field);
}

/**
 * Copy Document (spec §8) into an order, invoice, return order or credit memo: the source lines' blanket order links that still
 * hold there — the blanket line exists, for the target's customers. Other links are dropped.
 */
export async function carriedBlanketLinks(
  tx: Executor, target: Pick<SalesHeaderRow, 'documentType' | 'sellToCustomerNo' | 'billToCustomerNo'>,
  sourceLines: ReadonlyArray<Pick<SalesLineRow, 'blanketOrderNo' | 'blanketOrderLineNo'>>,
): Promise<Set<string>> {
  const nos = [...new Set(sourceLines.flatMap((line) => (line.blanketOrderNo ? [line.blanketOrderNo] : [])))];
  if (nos.length === 0 || !linkableDocumentTypes.includes(target.documentType)) return new Set();
  const rows = await tx.select({ documentNo: salesLine.documentNo, lineNo: salesLine.lineNo }).from(salesLine)
    .innerJoin(salesHeader, and(eq(salesHeader.documentType, salesLine.documentType), eq(salesHeader.no, salesLine.documentNo)))
    .where(and(
      eq(salesLine.documentType, 'blanketOrder'), inArray(salesLine.documentNo, nos),
      eq(salesHeader.sellToCustomerNo, target.sellToCustomerNo), eq(salesHeader.billToCustomerNo, target.billToCustomerNo),
    ));
  return new Set(rows.map((row) => `${row.documentNo}:${row.lineNo}`));
}

/** A blanket order (or some of its lines) with unposted lines linked to it cannot be deleted (BC Sales Line OnDelete). */
export async function assertBlanketLinesUnlinked(tx: Executor, blanketOrderNo: string, lineNos: readonly number[] | undefined, what: string): Promise<void> {
  const linked = await linkedUnpostedLines(tx, blanketOrderNo, lineNos);
  if (linked.length === 0) return;
  const first = linked[0]!;
  throw linkedLineError({ documentNo: blanketOrderNo, lineNo: first.blanketOrderLineNo! }, linked, what, 'deleted');
}
