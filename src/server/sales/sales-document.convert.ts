import { and, eq, inArray } from 'drizzle-orm';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { postedSalesDescriptors, type PostedDocumentDescriptor } from '../../core/documents/posted-document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import { compareDates } from '../../core/dates/calendar-date.ts';
import { assertCustomerNotBlocked, type CustomerBlocked } from '../../core/sales/customer-checks.ts';
import type { SalesDocumentType, Warning } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { customer, glAccount, item, postedSalesHeader, postedSalesLine, salesHeader, salesLine } from '../db/schema/index.ts';
import type { Row } from '../master-data/resource.ts';
import type { SalesContext } from './sales-context.ts';
import { createDocument, type NewSalesLine } from './sales-document.commands.ts';
import { copyAssemblyComponents } from '../assembly/assemble-to-order.sync.ts';
import { loadDocument } from './sales-document.queries.ts';
import { recalculateDocument } from './sales-document.recalculate.ts';
import type { EditableDocumentType, SalesDocument, SalesHeaderRow, SalesLineRow } from './sales-document.types.ts';
import { deriveLine } from './sales-line.derive.ts';
import { carriedBlanketLinks } from './sales-line.blanket.ts';
import { archiveDocument, shouldArchive } from './sales-document.archive.ts';
import { assertApprovalAllows } from '../approvals/approval-guard.ts';
import { copyApprovalRequests } from '../approvals/approval.commands.ts';

export async function assertCustomersMayHave(tx: Executor, header: Pick<SalesHeaderRow, 'sellToCustomerNo' | 'billToCustomerNo'>, documentType: SalesDocumentType) {
  const customers = await tx.select().from(customer).where(inArray(customer.no, [header.sellToCustomerNo, header.billToCustomerNo]));
  for (const row of customers) assertCustomerNotBlocked({ no: row.no, blocked: row.blocked as CustomerBlocked }, documentType, 'createDocument');
}

/** Lines whose item or account is blocked cannot be carried over (spec §7.1 step 4, §8 rule 6). */
async function blockedLines(tx: Executor, lines: SalesLineRow[]): Promise<Set<number>> {
  const itemNos = lines.filter((line) => line.type === 'item').map((line) => line.no);
  const accountNos = lines.filter((line) => line.type === 'glAccount').map((line) => line.no);
  const items = itemNos.length ? await tx.select().from(item).where(inArray(item.no, itemNos)) : [];
  const accounts = accountNos.length ? await tx.select().from(glAccount).where(inArray(glAccount.no, accountNos)) : [];
  const blocked = new Set<string>([...items.filter((row) => row.blocked).map((row) => `item:${row.no}`), ...accounts.filter((row) => row.blocked).map((row) => `glAccount:${row.no}`)]);
  return new Set(lines.filter((line) => blocked.has(`${line.type}:${line.no}`)).map((line) => line.lineNo));
}

/** Make Order refuses a document with a blocked item or account on any line (BC CheckForBlockedLines). */
export async function assertNoBlockedLines(tx: Executor, lines: SalesLineRow[]): Promise<void> {
  const blocked = await blockedLines(tx, lines);
  if (blocked.size === 0) return;
  const line = lines.find((candidate) => blocked.has(candidate.lineNo))!;
  throw new DomainError(line.type === 'item' ? 'ITEM_BLOCKED' : 'ACCOUNT_BLOCKED', { itemNo: line.no, accountNo: line.no }, `lines.${lines.indexOf(line)}.no`);
}

/** The header fields that travel from one document to another (not its identity, status, numbers or links). */
export function transferableHeader(header: SalesHeaderRow): Row {
  const {
    documentType: _type, no: _no, noSeries: _series, status: _status, version: _version, createdAt: _created, updatedAt: _updated,
    postingNo: _p1, postingNoSeries: _p2, shippingNo: _p3, shippingNoSeries: _p4, returnReceiptNo: _p5, returnReceiptNoSeries: _p6,
    lastPostingNo: _p7, lastShippingNo: _p8, lastReturnReceiptNo: _p9, appliesToDocumentType: _a1, appliesToDocumentNo: _a2, quoteNo: _q,
    ...rest
  } = header;
  return rest;
}

/** What a line is re-entered with: the same item, unit, quantity and, unless recalculated, the same price and discounts. */
function lineInput(line: SalesLineRow, keepPrices: boolean): NewSalesLine {
  if (line.type === 'comment') return { type: 'comment', description: line.description, description2: line.description2 };
  return {
    type: line.type, no: line.no, description: line.description, description2: line.description2, quantity: line.quantity,
    ...(line.type === 'item' && line.unitOfMeasureCode ? { unitOfMeasureCode: line.unitOfMeasureCode } : {}),
    ...(keepPrices || line.type !== 'item' ? { unitPrice: line.unitPrice, lineDiscountPercent: line.lineDiscountPercent, allowInvoiceDiscount: line.allowInvoiceDiscount } : {}),
    ...(line.locationCode ? { locationCode: line.locationCode } : {}),
  };
}

/**
 * Make Order / Make Invoice (spec §7.1): a new order or invoice with the quote's header and lines
 * (same line numbers, prices and discounts), Quote No. set; the quote is then deleted.
 */
export async function makeDocumentFromQuote(
  tx: Executor, quoteNo: string, target: 'order' | 'invoice', context: SalesContext, options: { archiveQuote?: boolean } = {},
): Promise<SalesDocument> {
  const quote = await loadDocument(tx, 'quote', quoteNo, { lock: true });
  const validUntil = quote.header.quoteValidUntilDate;
  if (validUntil && compareDates(validUntil, context.workDate) < 0) throw new DomainError('QUOTE_EXPIRED', { no: quoteNo, validUntil, workDate: context.workDate });
  // An order or invoice without anything to ship or bill is no use: refused rather than made empty.
  if (!quote.lines.some((line) => line.type !== 'comment')) throw new DomainError('QUOTE_HAS_NO_LINES', { no: quoteNo, target });
  await assertCustomersMayHave(tx, quote.header, target);
  await assertNoBlockedLines(tx, quote.lines);
  await assertApprovalAllows(tx, quote, target === 'order' ? 'makeOrder' : 'makeInvoice');
  const header = transferableHeader(quote.header);
  const noDate = context.salesSetup.defaultPostingDate === 'noDate';
  const document = await createDocument(tx, target, {
    sellToCustomerNo: quote.header.sellToCustomerNo, billToCustomerNo: quote.header.billToCustomerNo,
    lines: quote.lines.map((line) => ({
      lineNo: line.lineNo, ...lineInput(line, true),
      // A part assembled to order stays so on the order (an invoice is never assembled to order).
      ...(target === 'order' && line.type === 'item' ? { qtyToAssembleToOrder: line.qtyToAssembleToOrder } : {}),
    })),
  }, context);
  const [orderHeader] = await tx.update(salesHeader).set({
    ...header,
    quoteNo,
    quoteValidUntilDate: null,
    postingDate: quote.header.postingDate ?? (noDate ? null : context.workDate),
    orderDate: quote.header.orderDate ?? context.workDate,
  } as Partial<SalesHeaderRow>).where(and(eq(salesHeader.documentType, target), eq(salesHeader.no, document.header.no))).returning();
  // Spec §19.6: the quote's approval goes with it, bound to the content it approved.
  await copyApprovalRequests(tx, quote.header, orderHeader!);
  if (shouldArchive(quote, context, options.archiveQuote)) await archiveDocument(tx, quote, target === 'order' ? 'makeOrder' : 'makeInvoice', context.username);
  // Spec §15.3: the order's assembly orders keep what the customer customised on the quote's assembly quotes.
  await copyAssemblyComponents(tx, { documentType: 'quote', no: quoteNo }, { documentType: target, no: orderHeader!.no }, new Map(quote.lines.map((line) => [line.lineNo, line.lineNo])));
  await tx.delete(salesHeader).where(and(eq(salesHeader.documentType, 'quote'), eq(salesHeader.no, quoteNo)));
  return recalculateDocument(tx, { header: orderHeader!, lines: document.lines }, context, 'lineChanged');
}

/** Posted documents Copy Document can read, by their BC option names. */
export type CopySourceType = EditableDocumentType | PostedDocumentDescriptor<'sales'>['copySourceType'];

const postedSource = (type: CopySourceType) => Object.values(postedSalesDescriptors).find((descriptor) => descriptor.copySourceType === type);

export interface CopyDocumentOptions { sourceDocumentType: CopySourceType; sourceNo: string; includeHeader: boolean; recalculateLines: boolean }

/**
 * The source of a copy as a document. A posted one reads like its unposted kind; its item lines
 * remember the item entry they wrote, so a return copied from a shipment or invoice reverses at
 * exact cost (spec §8, §17.5).
 */
async function loadCopySource(tx: Executor, type: CopySourceType, no: string): Promise<SalesDocument & { itemEntries: Map<number, number> }> {
  const posted = postedSource(type);
  if (!posted) return { ...(await loadDocument(tx, type as EditableDocumentType, no)), itemEntries: new Map() };
  const postedType = posted.postedType;
  const [header] = await tx.select().from(postedSalesHeader).where(and(eq(postedSalesHeader.documentType, postedType), eq(postedSalesHeader.no, no)));
  if (!header) throw new DomainError('NOT_FOUND', { entity: 'Posted sales document', key: `${postedType} ${no}` });
  if (header.prepayment) {
    throw new DomainError('PREPAYMENT_DOC_NOT_COPYABLE', { caption: postedType === 'invoice' ? 'invoice' : 'credit memo', no, orderNo: header.prepaymentOrderNo ?? '' }, 'sourceNo');
  }
  // A final invoice's deduction lines belong to its order's prepayment (spec §26.9.2): they are not copied.
  const lines = await tx.select().from(postedSalesLine)
    .where(and(eq(postedSalesLine.documentType, postedType), eq(postedSalesLine.documentNo, no), eq(postedSalesLine.correction, false), eq(postedSalesLine.prepaymentLine, false)))
    .orderBy(postedSalesLine.lineNo);
  const outbound = posted.direction === 'outbound';
  return {
    header: { ...header, documentType: postedType, status: 'released' } as unknown as SalesHeaderRow,
    lines: lines as unknown as SalesLineRow[],
    itemEntries: new Map(lines.flatMap((line) => (outbound && line.type === 'item' && line.itemLedgerEntryNo ? [[line.lineNo, line.itemLedgerEntryNo]] : []))),
  };
}

/** Copy Document (spec §8) from an unposted or a posted document. */
export async function copyDocument(
  tx: Executor, targetType: EditableDocumentType, targetNo: string, options: CopyDocumentOptions, context: SalesContext,
): Promise<{ document: SalesDocument; warnings: Warning[] }> {
  const target = await loadDocument(tx, targetType, targetNo, { lock: true });
  if (target.header.status !== 'open') throw new DomainError('COPY_TARGET_NOT_OPEN', { no: targetNo, status: target.header.status });
  if (options.sourceDocumentType === targetType && options.sourceNo === targetNo) throw new DomainError('COPY_DOCUMENT_SAME', { no: targetNo });
  const source = await loadCopySource(tx, options.sourceDocumentType, options.sourceNo);
  await assertCustomersMayHave(tx, source.header, targetType);
  // Shipments and receipts carry no prices of their own: their lines are priced again (spec §17.4).
  const recalculate = options.recalculateLines || !options.includeHeader || postedSource(options.sourceDocumentType)?.role === 'handling';
  const reversing = salesDescriptor(targetType).direction === 'inbound';
  let header = target.header;
  let lines = target.lines;
  if (options.includeHeader) {
    await tx.delete(salesLine).where(and(eq(salesLine.documentType, targetType), eq(salesLine.documentNo, targetNo)));
    lines = [];
    const [copied] = await tx.update(salesHeader).set({
      ...transferableHeader(source.header),
      // Quotes and blanket orders are never posted: they keep no posting date (spec §8 rule 3).
      ...(salesDescriptor(targetType).invoicing === null ? { postingDate: null } : {}),
      ...(targetType !== 'quote' ? { quoteValidUntilDate: null } : {}),
      combineShipments: targetType === 'order' && source.header.combineShipments,
    } as Partial<SalesHeaderRow>).where(and(eq(salesHeader.documentType, targetType), eq(salesHeader.no, targetNo))).returning();
    header = copied!;
  }
  const blocked = await blockedLines(tx, source.lines);
  // Lines delivering a blanket order line keep delivering it, so posting the copy counts against it (spec §14.3).
  const blanketLinks = recalculate ? new Set<string>() : await carriedBlanketLinks(tx, header, source.lines);
  const warnings: Warning[] = [];
  let nextLineNo = Math.max(0, ...lines.map((line) => line.lineNo));
  for (const line of source.lines) {
    if (blocked.has(line.lineNo)) {
      warnings.push({ code: 'LINE_NOT_COPIED', message: `Line ${line.lineNo} (${line.type} ${line.no}) was not copied: it is blocked.`, details: { lineNo: String(line.lineNo), no: line.no } });
      continue;
    }
    nextLineNo += 10000;
    const applFromItemEntry = reversing ? source.itemEntries.get(line.lineNo) : undefined;
    const link = blanketLinks.has(`${line.blanketOrderNo}:${line.blanketOrderLineNo}`) ? { blanketOrderNo: line.blanketOrderNo, blanketOrderLineNo: line.blanketOrderLineNo } : {};
    const values = await deriveLine(tx, header, { ...lineInput(line, !recalculate), ...(applFromItemEntry ? { applFromItemEntry } : {}), ...link }, undefined, context);
    const [inserted] = await tx.insert(salesLine).values({ ...values, documentType: targetType, documentNo: targetNo, lineNo: nextLineNo } as SalesLineRow).returning();
    lines.push(inserted!);
  }
  const trigger = context.salesSetup.calculateInvoiceDiscount ? 'calculateInvoiceDiscount' : 'lineChanged';
  return { document: await recalculateDocument(tx, { header, lines }, context, trigger), warnings };
}
