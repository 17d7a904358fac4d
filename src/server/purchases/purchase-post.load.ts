/**
 * Step 1 of posting a purchase document (BC Purch.-Post CheckAndUpdate): load and lock it, release
 * it if open, check it, and decide what this posting receives (ships back) and invoices with which
 * amounts, as the sales posting does (spec §7.3–7.4) with the purchase side's fields.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { type DocumentDescriptor, purchaseDescriptor } from '../../core/documents/document-descriptors.ts';
import type { HandlingDocument, InvoicingDocument } from '../../core/documents/document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import { type Decimal, dec } from '../../core/money/decimal.ts';
import { assertPostingDateAllowed } from '../../core/posting/posting-date.ts';
import { decidePostingScope, type PostingScope } from '../../core/sales/posting-scope.ts';
import type { Executor } from '../db/connection.ts';
import { postgresErrorCode } from '../db/constraint-errors.ts';
import { item, purchaseHeader, salesLine, vendor, vendorLedgerEntry } from '../db/schema/index.ts';
import { loadPurchasePostingAccounts, type PostingAccounts } from '../sales/posting-accounts.ts';
import { currencyPrecisions } from '../sales/sales-context.ts';
import { handledQuantities } from '../sales/sales-line.quantities.ts';
import { type LinePosting, linePostingsOf } from '../sales/sales-post.amounts.ts';
import type { PurchaseContext } from './purchase-context.ts';
import { releaseLoadedPurchaseDocument } from './purchase-document.commands.ts';
import { loadPurchaseDocument } from './purchase-document.queries.ts';
import type { PurchaseDocument, PurchaseHeaderRow, PurchaseLineRow } from './purchase-document.types.ts';
import type { EditablePurchaseDocumentType } from '../../core/documents/document-types.ts';

export interface PurchasePostRequest {
  /** Orders: Receive. Return orders: Ship. Invoices and credit memos post everything. */
  receive?: boolean;
  ship?: boolean;
  invoice?: boolean;
}

export type PurchasePostingDescriptor = DocumentDescriptor<'purchase'> & {
  handling: HandlingDocument<'purchase'>; invoicing: InvoicingDocument<'purchase'>; postingDescriptionPrefix: string;
};

export interface LoadedPurchasePosting {
  documentType: EditablePurchaseDocumentType;
  no: string;
  descriptor: PurchasePostingDescriptor;
  document: PurchaseDocument;
  header: PurchaseHeaderRow & { postingDate: string };
  scope: PostingScope;
  precision: Decimal;
  accounts: PostingAccounts;
  linePostings: LinePosting<PurchaseLineRow>[];
  /** Vendor Invoice No. on invoices, Vendor Cr. Memo No. on credits: the vendor entry's External Document No. */
  vendorDocumentNo: string;
}

export async function loadAndCheckPurchase(
  tx: Executor, documentType: EditablePurchaseDocumentType, no: string, request: PurchasePostRequest, context: PurchaseContext, expectedVersion: number | undefined,
): Promise<LoadedPurchasePosting> {
  const descriptor = purchaseDescriptor(documentType) as PurchasePostingDescriptor;
  const { lineHandling } = descriptor;
  const document = await releasedDocument(tx, documentType, no, context, expectedVersion);
  const header = { ...document.header, postingDate: document.header.postingDate ?? context.workDate };
  const caption = descriptor.caption.toLowerCase();
  if (!header.documentDate) throw new DomainError('FIELD_REQUIRED', { fieldCaption: 'Document Date', documentTypeCaption: caption, action: 'posted', field: 'documentDate' }, 'documentDate');
  assertPostingDateAllowed(header.postingDate, context.glSetup);
  const items = await itemsOf(tx, document.lines);
  const scope = decidePostingScope(documentType, document.lines.map((line) => ({
    lineNo: line.lineNo, type: line.type as never,
    inventoryItem: line.type === 'item' && items.get(line.no)?.type === 'inventory',
    fromShipment: line[lineHandling.postedDocumentNoField as 'receiptNo' | 'returnShipmentNo'] !== null,
    ...handledQuantities(line, lineHandling),
  })), { ship: request[lineHandling.verb] ?? false, invoice: request.invoice ?? false });
  await checkVendors(tx, header, descriptor);
  await checkDropShipments(tx, document.lines, scope);
  const vendorDocumentNo = descriptor.sign > 0 ? header.vendorInvoiceNo : header.vendorCreditMemoNo;
  if (scope.invoice) await checkVendorDocumentNo(tx, header, descriptor, vendorDocumentNo, context);
  const precision = (await currencyPrecisions(tx, context, header.currencyCode)).amount;
  const accounts = await loadPurchasePostingAccounts(tx, header.vendorPostingGroup);
  const linePostings = linePostingsOf(header, document.lines, scope, items, precision, (line) => line.directUnitCost);
  return { documentType, no, descriptor, document, header, scope, precision, accounts, linePostings, vendorDocumentNo };
}

/** Locked without waiting (a second post of the same document is refused at once), at the version the client saw, released. */
async function releasedDocument(
  tx: Executor, documentType: EditablePurchaseDocumentType, no: string, context: PurchaseContext, expectedVersion: number | undefined,
): Promise<PurchaseDocument> {
  const caption = purchaseDescriptor(documentType).caption;
  try {
    await tx.select({ no: purchaseHeader.no }).from(purchaseHeader).where(and(eq(purchaseHeader.documentType, documentType), eq(purchaseHeader.no, no))).for('update', { noWait: true });
  } catch (error) {
    if (postgresErrorCode(error) === '55P03') throw new DomainError('DOCUMENT_BEING_POSTED', { entity: caption, no });
    throw error;
  }
  let document = await loadPurchaseDocument(tx, documentType, no);
  if (expectedVersion !== undefined && document.header.version !== expectedVersion) {
    throw new DomainError('VERSION_CONFLICT', { entity: caption, key: no, currentVersion: document.header.version, sentVersion: expectedVersion });
  }
  if (document.header.status === 'open') document = await releaseLoadedPurchaseDocument(tx, document, context);
  if (document.header.status !== 'released') throw new DomainError('STATUS_MUST_BE_OPEN', { where: 'the document', status: document.header.status, remedy: 'complete the approval', field: 'status' });
  return document;
}

async function itemsOf(tx: Executor, lines: readonly PurchaseLineRow[]): Promise<Map<string, { type: string }>> {
  const itemNos = [...new Set(lines.filter((line) => line.type === 'item').map((line) => line.no))];
  if (itemNos.length === 0) return new Map();
  const rows = await tx.select({ no: item.no, type: item.type, blocked: item.blocked }).from(item).where(inArray(item.no, itemNos));
  const blocked = rows.find((row) => row.blocked);
  if (blocked) throw new DomainError('ITEM_BLOCKED', { itemNo: blocked.no });
  return new Map(rows.map((row) => [row.no, row]));
}

/** A vendor blocked for All takes no posting; Payment blocks payments only (BC CheckBlockedVendOnDocs). */
async function checkVendors(tx: Executor, header: PurchaseHeaderRow, descriptor: PurchasePostingDescriptor) {
  const rows = await tx.select({ no: vendor.no, blocked: vendor.blocked }).from(vendor).where(inArray(vendor.no, [header.buyFromVendorNo, header.payToVendorNo]));
  const blocked = rows.find((row) => row.blocked === 'all');
  if (blocked) {
    throw new DomainError('VENDOR_BLOCKED', { documentTypeText: `a ${descriptor.caption.toLowerCase()}`, vendorNo: blocked.no, blockedText: 'all transactions' },
      blocked.no === header.buyFromVendorNo ? 'buyFromVendorNo' : 'payToVendorNo');
  }
}

/** Ext. Doc. No. Mandatory: the vendor's number is there, and the pay-to vendor has no posted document of that type with it (BC CheckExternalDocumentNumber). */
async function checkVendorDocumentNo(tx: Executor, header: PurchaseHeaderRow, descriptor: PurchasePostingDescriptor, value: string, context: PurchaseContext) {
  const field = descriptor.sign > 0 ? 'vendorInvoiceNo' : 'vendorCreditMemoNo';
  const fieldCaption = descriptor.sign > 0 ? 'Vendor Invoice No.' : 'Vendor Cr. Memo No.';
  if (value.trim() === '') {
    if (!context.purchasesSetup.externalDocumentNoMandatory) return;
    throw new DomainError('VENDOR_DOCUMENT_NO_REQUIRED', { fieldCaption, documentTypeCaption: descriptor.caption.toLowerCase(), no: header.no }, field);
  }
  const documentType = descriptor.invoicing.partyLedgerDocumentType;
  const [used] = await tx.select({ entryNo: vendorLedgerEntry.entryNo }).from(vendorLedgerEntry).where(and(
    eq(vendorLedgerEntry.vendorNo, header.payToVendorNo), eq(vendorLedgerEntry.documentType, documentType), eq(vendorLedgerEntry.externalDocumentNo, value),
  )).limit(1);
  if (used) {
    throw new DomainError('VENDOR_DOCUMENT_NO_USED', {
      vendorNo: header.payToVendorNo, documentTypeText: documentType === 'invoice' ? 'invoice' : 'credit memo', fieldCaption, value, entryNo: used.entryNo,
    }, field);
  }
}

/**
 * Spec §15.1: a drop-shipment line is received (its sale shipped with it) and invoiced in separate
 * postings, and invoiced only as far as its sales line is (BC: invoice the sales order first).
 */
async function checkDropShipments(tx: Executor, lines: readonly PurchaseLineRow[], scope: PostingScope) {
  const drop = lines.filter((line) => line.dropShipment && line.salesOrderNo);
  if (drop.length === 0) return;
  const postings = new Map(scope.lines.map((line) => [line.lineNo, line]));
  // BC: a drop shipment is received (shipping its sale) and invoiced in separate postings.
  const both = drop.find((line) => !(postings.get(line.lineNo)?.ship.isZero() ?? true) && !(postings.get(line.lineNo)?.invoice.isZero() ?? true));
  if (both) {
    throw new DomainError('DROP_SHIPMENT_RECEIVE_AND_INVOICE', { lineNo: both.lineNo, itemNo: both.no, salesOrderNo: both.salesOrderNo }, `lines.${both.lineNo}.quantityToInvoice`);
  }
  const invoiced = drop.filter((line) => !(postings.get(line.lineNo)?.invoice.isZero() ?? true));
  if (invoiced.length === 0) return;
  const sales = await tx.select({ documentNo: salesLine.documentNo, lineNo: salesLine.lineNo, quantityInvoiced: salesLine.quantityInvoiced }).from(salesLine)
    .where(and(eq(salesLine.documentType, 'order'), inArray(salesLine.documentNo, [...new Set(invoiced.map((line) => line.salesOrderNo!))])));
  for (const line of invoiced) {
    // A sales line no longer there was shipped and invoiced in full, and its order deleted.
    const salesLineRow = sales.find((row) => row.documentNo === line.salesOrderNo && row.lineNo === line.salesOrderLineNo);
    const purchaseInvoiced = dec(line.quantityInvoiced).plus(postings.get(line.lineNo)!.invoice);
    if (salesLineRow && dec(salesLineRow.quantityInvoiced).lessThan(purchaseInvoiced)) {
      throw new DomainError('DROP_SHIPMENT_PURCHASE_ORDERING', {
        lineNo: line.lineNo, itemNo: line.no, salesOrderNo: line.salesOrderNo, salesLineNo: line.salesOrderLineNo ?? '',
        salesInvoiced: dec(salesLineRow.quantityInvoiced).toString(), purchaseInvoiced: purchaseInvoiced.toString(),
      }, `lines.${line.lineNo}.quantityToInvoice`);
    }
  }
}
