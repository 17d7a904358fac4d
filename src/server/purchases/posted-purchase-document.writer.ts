/**
 * Writes posted purchase documents: header and lines copied from the purchase document column by
 * column where the posted table has the column, the posting's own facts on top, queued with the
 * posting's rows so they go in its one statement (a purchase posting, or a sales posting that
 * receives drop shipments).
 */
import { getTableColumns } from 'drizzle-orm';
import { postedPurchaseHeader, postedPurchaseLine } from '../db/schema/index.ts';
import type { PendingAppend } from '../ledger/append-posting.ts';
import { insertRows } from '../db/bulk-insert.ts';
import type { Executor } from '../db/connection.ts';
import type { PurchaseHeaderRow, PurchaseLineRow } from './purchase-document.types.ts';

export type PostedHeaderRow = typeof postedPurchaseHeader.$inferInsert;
export type PostedLineRow = typeof postedPurchaseLine.$inferInsert;
export interface PostedDocumentPlan { header: PostedHeaderRow; lines: PostedLineRow[] }

const headerColumns = Object.keys(getTableColumns(postedPurchaseHeader));
const lineColumns = Object.keys(getTableColumns(postedPurchaseLine));
const copyShared = (source: Record<string, unknown>, columns: readonly string[]) =>
  Object.fromEntries(columns.filter((column) => column in source).map((column) => [column, source[column]]));
export const noAmounts = { lineAmount: '0', lineDiscountAmount: '0', invoiceDiscountAmount: '0', amount: '0', amountIncludingVat: '0', vatBaseAmount: '0' };

export function headerFrom(header: PurchaseHeaderRow & { postingDate: string }, documentType: string, no: string, posted: Partial<PostedHeaderRow>): PostedHeaderRow {
  const { documentType: sourceDocumentType, no: sourceDocumentNo, ...rest } = header;
  return { ...copyShared(rest, headerColumns), documentType, no, sourceDocumentType, sourceDocumentNo, ...posted } as PostedHeaderRow;
}

export function lineFrom(header: PostedHeaderRow, line: PurchaseLineRow, posted: Partial<PostedLineRow>): PostedLineRow {
  const { documentType: sourceDocumentType, documentNo: sourceDocumentNo, lineNo, ...rest } = line;
  return {
    ...copyShared(rest, lineColumns), documentType: header.documentType, documentNo: header.no, lineNo,
    buyFromVendorNo: header.buyFromVendorNo, payToVendorNo: header.payToVendorNo, postingDate: header.postingDate,
    sourceDocumentType, sourceDocumentNo, sourceLineNo: lineNo, quantityInvoiced: '0', quantityNotInvoiced: '0', ...posted,
  } as PostedLineRow;
}

/** The posted documents with the append's numbers (transaction, vendor entry, item entries), inserted in the posting's one statement. */
export async function writeWithPostedPurchaseDocuments(pending: PendingAppend, documents: readonly PostedDocumentPlan[], invoicingType: string): Promise<void> {
  queuePostedPurchaseDocuments(pending, documents, invoicingType);
  await pending.write();
}

/** Queues the documents' rows with the posting's (a sales posting that receives drop shipments writes them with its own). */
export function queuePostedPurchaseDocuments(pending: PendingAppend, documents: readonly PostedDocumentPlan[], invoicingType: string | null): void {
  for (const document of documents) {
    const invoicing = document.header.documentType === invoicingType;
    pending.alsoInsert(postedPurchaseHeader, [{
      ...document.header, transactionNo: pending.transactionNo, ...(invoicing ? { vendorLedgerEntryNo: pending.vendorLedgerEntryNos[0] ?? null } : {}),
    }]);
    const lines = document.lines.map((line) => ({ ...line, itemLedgerEntryNo: line.itemLedgerEntryNo == null ? null : pending.itemLedgerEntryNo(line.itemLedgerEntryNo) }));
    if (lines.length > 0) pending.alsoInsert(postedPurchaseLine, lines);
  }
}

/** Lines added to a posted document outside a posting's statement (Undo Receipt's correction lines). One INSERT. */
export async function insertPostedPurchaseLines(tx: Executor, lines: readonly PostedLineRow[]): Promise<void> {
  if (lines.length > 0) await insertRows(tx, postedPurchaseLine, lines);
}
