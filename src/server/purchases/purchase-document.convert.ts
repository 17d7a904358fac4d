/**
 * Copy Document on purchase documents (BC Copy Purchase Document, codeunit 6620), as the sales one
 * (sales-document.convert.ts): another document's lines, and its vendor and header if asked, into
 * an open document. What tied the source to a sales order (drop shipment, special order), to a
 * receipt (Get Receipt Lines) or to its posting numbers is not copied.
 */
import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import { purchaseDescriptor } from '../../core/documents/document-descriptors.ts';
import type { EditablePurchaseDocumentType } from '../../core/documents/document-types.ts';
import { postedPurchaseDescriptors } from '../../core/documents/posted-document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import type { PurchaseCopyDocumentInput } from '../../core/purchases/purchase-document.schemas.ts';
import type { Warning } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { glAccount, item, postedPurchaseHeader, postedPurchaseLine, purchaseHeader, purchaseLine } from '../db/schema/index.ts';
import type { PurchaseContext } from './purchase-context.ts';
import type { NewPurchaseLine } from './purchase-document.commands.ts';
import { loadPurchaseDocument } from './purchase-document.queries.ts';
import { recalculatePurchaseDocument } from './purchase-document.recalculate.ts';
import type { PurchaseDocument, PurchaseHeaderRow, PurchaseLineRow } from './purchase-document.types.ts';
import { vendorFields } from './purchase-header.derive.ts';
import { derivePurchaseLine } from './purchase-line.derive.ts';

type CopySourceType = PurchaseCopyDocumentInput['sourceDocumentType'];
type CopySource = { header: Partial<PurchaseHeaderRow> & Pick<PurchaseHeaderRow, 'buyFromVendorNo' | 'payToVendorNo'>; lines: PurchaseLineRow[]; itemEntries: Map<number, number> };

const postedSource = (type: CopySourceType) => Object.values(postedPurchaseDescriptors).find((descriptor) => descriptor.copySourceType === type);

/**
 * Header fields that stay the target's own: identity, status, numbers, the application to a posted
 * document, and the drop shipment's customer (its lines' links are not copied, so the goods come to us).
 */
const ownHeaderFields = new Set([
  'documentType', 'no', 'noSeries', 'status', 'version', 'createdAt', 'updatedAt', 'postingNo', 'postingNoSeries', 'receivingNo', 'receivingNoSeries',
  'returnShipmentNo', 'returnShipmentNoSeries', 'lastPostingNo', 'lastReceivingNo', 'lastReturnShipmentNo', 'appliesToDocumentType', 'appliesToDocumentNo',
  'correctedInvoiceNo', 'sellToCustomerNo', 'shipToCode',
]);
const transferableColumns = Object.keys(getTableColumns(purchaseHeader)).filter((column) => !ownHeaderFields.has(column) && !column.startsWith('shipTo'));

function transferableHeader(header: Record<string, unknown>): Partial<PurchaseHeaderRow> {
  return Object.fromEntries(transferableColumns.filter((column) => column in header).map((column) => [column, header[column]]));
}

/**
 * The source as a document. A posted one reads like its unposted kind; its item lines remember the
 * item entry they received, so a credit memo or return order copied from a receipt or an invoice
 * ships back at exact cost.
 */
async function loadCopySource(tx: Executor, type: CopySourceType, no: string): Promise<CopySource> {
  const posted = postedSource(type);
  if (!posted) return { ...(await loadPurchaseDocument(tx, type as EditablePurchaseDocumentType, no)), itemEntries: new Map() };
  const { postedType } = posted;
  const [header] = await tx.select().from(postedPurchaseHeader).where(and(eq(postedPurchaseHeader.documentType, postedType), eq(postedPurchaseHeader.no, no)));
  if (!header) throw new DomainError('NOT_FOUND', { entity: posted.caption, key: no });
  const lines = await tx.select().from(postedPurchaseLine)
    .where(and(eq(postedPurchaseLine.documentType, postedType), eq(postedPurchaseLine.documentNo, no), eq(postedPurchaseLine.correction, false)))
    .orderBy(postedPurchaseLine.lineNo);
  const inbound = posted.direction === 'inbound';
  return {
    header,
    lines: lines as unknown as PurchaseLineRow[],
    itemEntries: new Map(lines.flatMap((line) => (inbound && line.type === 'item' && line.itemLedgerEntryNo ? [[line.lineNo, line.itemLedgerEntryNo]] : []))),
  };
}

/** Lines whose item or account is blocked are left out, with a warning (as on sales). */
async function blockedLines(tx: Executor, lines: readonly PurchaseLineRow[]): Promise<Set<number>> {
  const itemNos = lines.filter((line) => line.type === 'item').map((line) => line.no);
  const accountNos = lines.filter((line) => line.type === 'glAccount').map((line) => line.no);
  const items = itemNos.length ? await tx.select({ no: item.no }).from(item).where(and(inArray(item.no, itemNos), eq(item.blocked, true))) : [];
  const accounts = accountNos.length ? await tx.select({ no: glAccount.no }).from(glAccount).where(and(inArray(glAccount.no, accountNos), eq(glAccount.blocked, true))) : [];
  const blocked = new Set([...items.map((row) => `item:${row.no}`), ...accounts.map((row) => `glAccount:${row.no}`)]);
  return new Set(lines.filter((line) => blocked.has(`${line.type}:${line.no}`)).map((line) => line.lineNo));
}

/** What a line is entered again with: item, unit, quantity and, unless its costs are recalculated, the source's cost and discounts. */
function lineInput(line: PurchaseLineRow, keepCosts: boolean): NewPurchaseLine {
  if (line.type === 'comment') return { type: 'comment', description: line.description, description2: line.description2 };
  return {
    type: line.type, no: line.no, description: line.description, description2: line.description2, quantity: line.quantity,
    ...(line.type === 'item' && line.unitOfMeasureCode ? { unitOfMeasureCode: line.unitOfMeasureCode } : {}),
    ...(line.type === 'item' && line.vendorItemNo ? { vendorItemNo: line.vendorItemNo } : {}),
    ...(keepCosts || line.type !== 'item' ? { directUnitCost: line.directUnitCost, lineDiscountPercent: line.lineDiscountPercent, allowInvoiceDiscount: line.allowInvoiceDiscount } : {}),
    ...(line.locationCode ? { locationCode: line.locationCode } : {}),
  };
}

/** With the header: the target takes the source's vendor and header fields, keeps its own identity, and loses its lines. */
async function copyHeader(
  tx: Executor, target: PurchaseDocument, source: CopySource, shipTo: Partial<PurchaseHeaderRow>,
): Promise<PurchaseHeaderRow> {
  const { documentType, no } = target.header;
  // Its lines go: none may be received (shipped back) or buy for a sales order (BC: the vendor may not change then).
  const handled = target.lines.find((line) => !dec(line.quantityReceived).isZero() || !dec(line.returnQuantityShipped).isZero() || line.salesOrderNo || line.specialOrderSalesNo);
  if (handled) throw new DomainError('VENDOR_CHANGE_NOT_ALLOWED', { no, lineNo: handled.lineNo }, 'buyFromVendorNo');
  await tx.delete(purchaseLine).where(and(eq(purchaseLine.documentType, documentType), eq(purchaseLine.documentNo, no)));
  const [copied] = await tx.update(purchaseHeader).set({ ...transferableHeader(source.header), ...shipTo, sellToCustomerNo: null, shipToCode: null })
    .where(and(eq(purchaseHeader.documentType, documentType), eq(purchaseHeader.no, no))).returning();
  return copied!;
}

/** Copy Document from an unposted or a posted purchase document. */
export async function copyPurchaseDocument(
  tx: Executor, targetType: EditablePurchaseDocumentType, targetNo: string, options: PurchaseCopyDocumentInput, context: PurchaseContext,
): Promise<{ document: PurchaseDocument; warnings: Warning[] }> {
  const target = await loadPurchaseDocument(tx, targetType, targetNo, { lock: true });
  if (target.header.status !== 'open') throw new DomainError('COPY_TARGET_NOT_OPEN', { no: targetNo, status: target.header.status });
  if (options.sourceDocumentType === targetType && options.sourceNo === targetNo) throw new DomainError('COPY_DOCUMENT_SAME', { no: targetNo });
  const source = await loadCopySource(tx, options.sourceDocumentType, options.sourceNo);
  // BC CheckBlockedVendOnDocs on the source's vendors; the company's ship-to replaces a drop shipment's customer.
  const vendor = await vendorFields(tx, targetType, source.header.buyFromVendorNo, source.header.payToVendorNo, context);
  // Receipts and return shipments carry no costs of their own: their lines are costed again.
  const recalculate = options.recalculateLines || !options.includeHeader || postedSource(options.sourceDocumentType)?.role === 'handling';
  const reversing = purchaseDescriptor(targetType).direction === 'outbound';
  const header = options.includeHeader ? await copyHeader(tx, target, source, shipToOf(vendor)) : target.header;
  const lines = options.includeHeader ? [] : [...target.lines];
  const blocked = await blockedLines(tx, source.lines);
  const warnings: Warning[] = [];
  let nextLineNo = Math.max(0, ...lines.map((line) => line.lineNo));
  for (const line of source.lines) {
    if (blocked.has(line.lineNo)) {
      warnings.push({ code: 'LINE_NOT_COPIED', message: `Line ${line.lineNo} (${line.type} ${line.no}) was not copied: it is blocked.`, details: { lineNo: String(line.lineNo), no: line.no } });
      continue;
    }
    nextLineNo += 10000;
    const applToItemEntry = reversing ? source.itemEntries.get(line.lineNo) : undefined;
    const values = await derivePurchaseLine(tx, header, { ...lineInput(line, !recalculate), ...(applToItemEntry ? { applToItemEntry } : {}) }, undefined, context);
    const [inserted] = await tx.insert(purchaseLine).values({ ...values, documentType: targetType, documentNo: targetNo, lineNo: nextLineNo } as PurchaseLineRow).returning();
    lines.push(inserted!);
  }
  return { document: await recalculatePurchaseDocument(tx, { header, lines }, context), warnings };
}

function shipToOf(values: Partial<PurchaseHeaderRow>): Partial<PurchaseHeaderRow> {
  return Object.fromEntries(Object.entries(values).filter(([field]) => field.startsWith('shipTo')));
}
