/**
 * Bringing posted lines into an unposted document: Get Shipment Lines on an invoice (spec §13.1)
 * and Get Posted Document Lines to Reverse on a credit memo or return order (spec §17.4).
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { postedSalesDocumentTypes, type PostedSalesDocumentType } from '../../core/documents/document-types.ts';
import { postedSalesDescriptor } from '../../core/documents/posted-document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import { Decimal, dec, sum, ZERO } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { itemLedgerEntry, postedSalesHeader, postedSalesLine, salesLine, valueEntry } from '../db/schema/index.ts';
import { addLines, type NewSalesLine } from './sales-document.commands.ts';
import { loadDocument } from './sales-document.queries.ts';
import type { SalesContext } from './sales-context.ts';
import type { SalesDocument } from './sales-document.types.ts';

type PostedLine = typeof postedSalesLine.$inferSelect;

const postedOf = (line: Pick<PostedLine, 'documentType'>) => postedSalesDescriptor(line.documentType as PostedSalesDocumentType);
/** Item lines of shipments and invoices took goods out: a return reverses their item entries. */
const isOutboundItemLine = (line: Pick<PostedLine, 'documentType' | 'type'>) => line.type === 'item' && postedOf(line).direction === 'outbound';

/** Posted shipment lines the invoice may bill: same customers and currency, not yet invoiced, not on another invoice. */
export async function shipmentLinesToInvoice(tx: Executor, invoiceNo: string, options: { allSellTo?: boolean } = {}): Promise<PostedLine[]> {
  const invoice = await loadDocument(tx, 'invoice', invoiceNo);
  const rows = await tx.select({ line: postedSalesLine }).from(postedSalesLine)
    .innerJoin(postedSalesHeader, and(eq(postedSalesHeader.documentType, postedSalesLine.documentType), eq(postedSalesHeader.no, postedSalesLine.documentNo)))
    .where(and(
      eq(postedSalesLine.documentType, 'shipment'),
      eq(postedSalesLine.billToCustomerNo, invoice.header.billToCustomerNo),
      options.allSellTo ? undefined : eq(postedSalesLine.sellToCustomerNo, invoice.header.sellToCustomerNo),
      sql`coalesce(${postedSalesHeader.currencyCode}, '') = ${invoice.header.currencyCode ?? ''}`,
      ne(postedSalesLine.quantityNotInvoiced, '0'),
      eq(postedSalesLine.correction, false),
      sql`not exists (select 1 from ${salesLine} where ${salesLine.shipmentNo} = ${postedSalesLine.documentNo} and ${salesLine.shipmentLineNo} = ${postedSalesLine.lineNo})`,
    ))
    .orderBy(asc(postedSalesLine.documentNo), asc(postedSalesLine.lineNo));
  return rows.map((row) => row.line);
}

/**
 * Adds the chosen shipment lines to the invoice: a text line per shipment, then a line per shipment
 * line for its quantity not yet invoiced, priced as on the order line (not derived again).
 */
export async function getShipmentLines(
  tx: Executor, invoiceNo: string, chosen: ReadonlyArray<{ documentNo: string; lineNo: number }>, context: SalesContext,
): Promise<SalesDocument> {
  const document = await loadDocument(tx, 'invoice', invoiceNo, { lock: true });
  if (document.header.status !== 'open') throw new DomainError('STATUS_MUST_BE_OPEN', { where: `Sales Invoice ${invoiceNo}`, status: document.header.status, remedy: 'reopen the invoice', field: 'lines' });
  const inputs: NewSalesLine[] = [];
  const candidates = await shipmentLinesToInvoice(tx, invoiceNo, { allSellTo: true });
  const orderLines = await sourceLines(tx, candidates);
  let currentShipment = '';
  for (const pick of chosen) {
    const line = candidates.find((candidate) => candidate.documentNo === pick.documentNo && candidate.lineNo === pick.lineNo);
    if (!line) {
      throw new DomainError('SHIPMENT_ALREADY_INVOICED', { detail: `Line ${pick.lineNo} of shipment ${pick.documentNo} cannot be invoiced on ${invoiceNo}: it does not exist, belongs to another customer or currency, is invoiced already or is on another invoice` });
    }
    if (line.documentNo !== currentShipment) {
      currentShipment = line.documentNo;
      inputs.push({ type: 'comment', description: `Shipment No. ${line.documentNo}:` });
    }
    if (line.type === 'comment') continue;
    const order = orderLines.get(`${line.sourceDocumentNo}:${line.sourceLineNo}`);
    // Spec §26.7.5: an order line's shipment is billed separately only once its prepayment is invoiced.
    if (order && !dec(order.prepmtLineAmount).eq(dec(order.prepmtAmtInv))) {
      throw new DomainError('PREPAYMENT_NOT_INVOICED', {
        what: `Line ${line.lineNo} of shipment ${line.documentNo}`, lineNo: order.lineNo, no: order.documentNo, required: order.prepmtLineAmount, invoiced: order.prepmtAmtInv,
      }, 'lines');
    }
    inputs.push({
      type: line.type, no: line.no, description: line.description, unitOfMeasureCode: line.unitOfMeasureCode, locationCode: line.locationCode,
      quantity: line.quantityNotInvoiced,
      unitPrice: order?.unitPrice ?? line.unitPrice,
      lineDiscountPercent: order?.lineDiscountPercent ?? line.lineDiscountPercent,
      // The order's discount permissions come along with its price (BC InsertInvLineFromShptLine).
      ...(order ? { allowInvoiceDiscount: order.allowInvoiceDiscount, allowLineDiscount: order.allowLineDiscount } : {}),
      shipmentNo: line.documentNo, shipmentLineNo: line.lineNo,
      // The blanket order line the shipment delivered: invoicing it counts as invoiced there (BC InsertInvLineFromShptLine).
      ...(line.blanketOrderNo ? { blanketOrderNo: line.blanketOrderNo, blanketOrderLineNo: line.blanketOrderLineNo } : {}),
    });
  }
  return addLines(tx, 'invoice', invoiceNo, inputs, context);
}

async function sourceLines(tx: Executor, lines: readonly PostedLine[]) {
  const orders = [...new Set(lines.map((line) => line.sourceDocumentNo))];
  if (orders.length === 0) return new Map<string, typeof salesLine.$inferSelect>();
  const rows = await tx.select().from(salesLine).where(and(eq(salesLine.documentType, 'order'), inArray(salesLine.documentNo, orders)));
  return new Map(rows.map((row) => [`${row.documentNo}:${row.lineNo}`, row]));
}

export interface ReversibleLine {
  documentType: string;
  documentNo: string;
  lineNo: number;
  postingDate: string;
  type: string;
  no: string;
  description: string;
  quantity: string;
  /** What may still come back: the quantity less what was already returned (item lines of shipments and invoices). */
  reversibleQuantity: string;
  unitPrice: string;
  lineDiscountPercent: string;
  itemLedgerEntryNo: number | null;
  /** The sale entries the quantity comes back to, with what each can still take (in the line's unit). */
  itemEntries: Array<{ entryNo: number; reversibleQuantity: string }>;
}

/** The customer's posted lines a credit memo or return order can reverse (spec §17.4). */
export async function postedDocumentLinesToReverse(
  tx: Executor, documentType: 'creditMemo' | 'returnOrder', no: string, filter: { documentType?: string; documentNo?: string } = {},
): Promise<ReversibleLine[]> {
  const document = await loadDocument(tx, documentType, no);
  const lines = await tx.select().from(postedSalesLine).where(and(
    eq(postedSalesLine.sellToCustomerNo, document.header.sellToCustomerNo),
    inArray(postedSalesLine.documentType, filter.documentType ? [filter.documentType] : [...postedSalesDocumentTypes]),
    filter.documentNo ? eq(postedSalesLine.documentNo, filter.documentNo) : undefined,
    ne(postedSalesLine.type, 'comment'),
    eq(postedSalesLine.correction, false),
    // Spec §26.9.2: prepayment documents and deduction lines are undone by a prepayment credit memo, not reversed.
    eq(postedSalesLine.prepaymentLine, false),
    sql`not exists (select 1 from ${postedSalesHeader} where ${postedSalesHeader.documentType} = ${postedSalesLine.documentType}
      and ${postedSalesHeader.no} = ${postedSalesLine.documentNo} and ${postedSalesHeader.prepayment})`,
  )).orderBy(asc(postedSalesLine.documentType), asc(postedSalesLine.documentNo), asc(postedSalesLine.lineNo));
  const entriesOf = await outboundItemEntries(tx, lines);
  return lines.map((line) => {
    const entries = entriesOf.get(`${line.documentType}:${line.documentNo}:${line.lineNo}`) ?? [];
    const outbound = isOutboundItemLine(line);
    const perUnit = dec(line.quantityPerUnitOfMeasure);
    const reversible = outbound
      ? Decimal.min(sum(entries.map((entry) => entry.reversibleBase)).div(perUnit), dec(line.quantity))
      : dec(line.quantity);
    return {
      documentType: line.documentType, documentNo: line.documentNo, lineNo: line.lineNo, postingDate: line.postingDate,
      type: line.type, no: line.no, description: line.description, quantity: line.quantity,
      reversibleQuantity: reversible.toFixed(5), unitPrice: line.unitPrice, lineDiscountPercent: line.lineDiscountPercent,
      itemLedgerEntryNo: line.itemLedgerEntryNo,
      itemEntries: entries.map((entry) => ({ entryNo: entry.entryNo, reversibleQuantity: entry.reversibleBase.div(perUnit).toFixed(5) })),
    };
  });
}

/** An outbound item entry behind a posted line, and how much of the line's share of it may still come back (base units). */
export interface LineItemEntry {
  entryNo: number;
  reversibleBase: Decimal;
  /** Something of the entry came back already, through whichever document (spec §18.2 item 7). */
  partlyReturned: boolean;
}

/**
 * The sale entries behind posted shipment and invoice lines. A shipment line wrote one; an invoice
 * line may bill several shipments, and its value entries (documentNo = invoice, documentLineNo =
 * line) name each entry and how much of it the line invoiced. Oldest entry first.
 */
export async function outboundItemEntries(
  tx: Executor, lines: ReadonlyArray<Pick<PostedLine, 'documentType' | 'documentNo' | 'lineNo' | 'type' | 'itemLedgerEntryNo'>>,
): Promise<Map<string, LineItemEntry[]>> {
  const itemLines = lines.filter(isOutboundItemLine);
  const invoiceNos = [...new Set(itemLines.filter((line) => line.documentType === 'invoice').map((line) => line.documentNo))];
  const billed = invoiceNos.length === 0 ? [] : await tx.select({
    documentNo: valueEntry.documentNo, lineNo: valueEntry.documentLineNo, entryNo: valueEntry.itemLedgerEntryNo,
    invoiced: sql<string>`sum(${valueEntry.invoicedQuantity})`,
  }).from(valueEntry).where(and(inArray(valueEntry.documentNo, invoiceNos), eq(valueEntry.documentType, postedSalesDescriptor('invoice').itemLedgerDocumentType), eq(valueEntry.itemLedgerEntryType, 'sale')))
    .groupBy(valueEntry.documentNo, valueEntry.documentLineNo, valueEntry.itemLedgerEntryNo);
  const entryNos = [...new Set([...itemLines.flatMap((line) => (line.documentType === 'shipment' && line.itemLedgerEntryNo ? [line.itemLedgerEntryNo] : [])), ...billed.map((row) => row.entryNo)])];
  const entries = entryNos.length === 0 ? [] : await tx.select().from(itemLedgerEntry).where(inArray(itemLedgerEntry.entryNo, entryNos));
  const notReturned = new Map(entries.map((entry) => [entry.entryNo, dec(entry.shippedQuantityNotReturned).negated()]));
  const partlyReturned = new Set(entries.filter((entry) => !dec(entry.shippedQuantityNotReturned).equals(dec(entry.quantity))).map((entry) => entry.entryNo));
  const result = new Map<string, LineItemEntry[]>();
  for (const line of itemLines) {
    const key = `${line.documentType}:${line.documentNo}:${line.lineNo}`;
    if (line.documentType === 'shipment') {
      if (line.itemLedgerEntryNo) {
        result.set(key, [{ entryNo: line.itemLedgerEntryNo, reversibleBase: notReturned.get(line.itemLedgerEntryNo) ?? ZERO, partlyReturned: partlyReturned.has(line.itemLedgerEntryNo) }]);
      }
      continue;
    }
    result.set(key, billed.filter((row) => row.documentNo === line.documentNo && row.lineNo === line.lineNo && !dec(row.invoiced).isZero())
      .sort((a, b) => a.entryNo - b.entryNo)
      .map((row) => ({
        entryNo: row.entryNo, reversibleBase: Decimal.min(dec(row.invoiced).negated(), notReturned.get(row.entryNo) ?? ZERO), partlyReturned: partlyReturned.has(row.entryNo),
      })));
  }
  return result;
}

/**
 * Copies the chosen posted lines into the credit memo or return order: a text line naming the
 * source document, then each line with the quantity not yet reversed and, for item lines of
 * shipments and invoices, Appl.-from Item Entry for exact cost reversal (spec §17.5). Prices come
 * from invoices as posted.
 */
export async function getPostedDocumentLinesToReverse(
  tx: Executor, documentType: 'creditMemo' | 'returnOrder', no: string,
  chosen: ReadonlyArray<{ documentType: string; documentNo: string; lineNo: number; quantity?: string }>, context: SalesContext,
): Promise<SalesDocument> {
  const document = await loadDocument(tx, documentType, no, { lock: true });
  if (document.header.status !== 'open') throw new DomainError('STATUS_MUST_BE_OPEN', { where: `document ${no}`, status: document.header.status, remedy: 'reopen it', field: 'lines' });
  const inputs: NewSalesLine[] = [];
  const candidates = await postedDocumentLinesToReverse(tx, documentType, no);
  let currentSource = '';
  for (const pick of chosen) {
    const line = candidates.find((candidate) => candidate.documentType === pick.documentType && candidate.documentNo === pick.documentNo && candidate.lineNo === pick.lineNo);
    if (!line) throw new DomainError('NOT_FOUND', { entity: 'Posted sales line', key: `${pick.documentType} ${pick.documentNo} ${pick.lineNo}` });
    const quantity = pick.quantity !== undefined ? dec(pick.quantity) : dec(line.reversibleQuantity);
    if (quantity.isZero()) continue;
    if (quantity.greaterThan(dec(line.reversibleQuantity))) {
      throw new DomainError('APPLICATION_INVALID', { detail: `Only ${dec(line.reversibleQuantity).toString()} of line ${line.lineNo} of ${line.documentNo} can still be returned` }, 'quantity');
    }
    const sourceKey = `${line.documentType}:${line.documentNo}`;
    if (sourceKey !== currentSource) {
      currentSource = sourceKey;
      inputs.push({ type: 'comment', description: `${postedOf(line).noCaption} ${line.documentNo}:` });
    }
    const outboundItem = isOutboundItemLine(line);
    const input: NewSalesLine = { type: line.type, no: line.no, description: line.description };
    // Invoices and credit memos carry the price as posted; shipments and receipts are priced again.
    if (postedOf(line).role === 'invoicing' || line.type !== 'item') Object.assign(input, { unitPrice: line.unitPrice, lineDiscountPercent: line.lineDiscountPercent });
    // One return line per sale entry it comes back to, so each reverses at that entry's exact cost.
    for (const part of outboundItem ? splitOverEntries(quantity, line.itemEntries) : [{ quantity, entryNo: null }]) {
      inputs.push({ ...input, quantity: part.quantity.toFixed(5), ...(part.entryNo ? { applFromItemEntry: part.entryNo } : {}) });
    }
  }
  return addLines(tx, documentType, no, inputs, context);
}

/** A quantity spread over the entries that can take it back, oldest first. */
export function splitOverEntries(quantity: Decimal, entries: ReadonlyArray<{ entryNo: number; reversibleQuantity: string }>): Array<{ quantity: Decimal; entryNo: number | null }> {
  const parts: Array<{ quantity: Decimal; entryNo: number | null }> = [];
  let rest = quantity;
  for (const entry of entries) {
    if (!rest.gt(ZERO)) break;
    const take = Decimal.min(rest, dec(entry.reversibleQuantity));
    if (take.gt(ZERO)) parts.push({ quantity: take, entryNo: entry.entryNo });
    rest = rest.minus(take);
  }
  if (rest.gt(ZERO)) parts.push({ quantity: rest, entryNo: null });
  return parts;
}
