/**
 * Posted purchase documents, read: receipts, invoices, credit memos and return shipments, one
 * header/line table pair told apart by documentType. The lists go through the generic list layer
 * (master-data/resource.queries.ts), as the posted sales lists do, so they sort, filter, search and
 * page by cursor the same way. Invoices and credit memos also show Remaining Amount and Closed
 * ("paid") from the vendor ledger entry the posting wrote, as the posted sales invoices do.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { postedPurchaseDocumentTypes, type PostedPurchaseDocumentType } from '../../core/documents/document-types.ts';
import { postedPurchaseDescriptors } from '../../core/documents/posted-document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { detailedVendorLedgerEntry, postedPurchaseHeader, postedPurchaseLine, vendorLedgerEntry } from '../db/schema/index.ts';
import type { ComputedSort, ResourceDefinition, Row } from '../master-data/resource.ts';
import { listRecords, type ListOptions, type Page } from '../master-data/resource.queries.ts';

/** Equality filters of the posted purchase lists: the posted sales lists' ones, on the purchase side's fields. */
export const postedPurchaseDocumentFilters = [
  'buyFromVendorNo', 'payToVendorNo', 'sourceDocumentType', 'sourceDocumentNo', 'vendorInvoiceNo', 'vendorCreditMemoNo', 'vendorShipmentNo',
  'vendorOrderNo', 'purchaserCode', 'currencyCode', 'locationCode', 'correctedInvoiceNo', 'appliesToDocumentNo', 'vendorLedgerEntryNo', 'transactionNo',
];

/** Filters on codes match whatever case the client typed (the stored codes are upper case); the vendor's own numbers are kept as typed. */
const codeFilters = [
  'buyFromVendorNo', 'payToVendorNo', 'sourceDocumentNo', 'purchaserCode', 'currencyCode', 'locationCode', 'correctedInvoiceNo', 'appliesToDocumentNo',
];
const codeFilter = () => z.string().trim().transform((value) => value.toUpperCase());

/** Whether a posted purchase document type is an invoice or credit memo, which has a vendor ledger entry and a payment status. */
export function isBilledPurchaseType(documentType: PostedPurchaseDocumentType): documentType is 'invoice' | 'creditMemo' {
  return postedPurchaseDescriptors[documentType].role === 'invoicing';
}

/**
 * The vendor ledger entry's amounts are the vendor's side (an invoice negative, a credit memo
 * positive); the document shows what is left of itself, positive like its Amount Including VAT,
 * as BC's Remaining Amount on the posted purchase headers does.
 */
const remainingSign = { invoice: sql.raw('-1'), creditMemo: sql.raw('1') };

/** Remaining Amount of the header's vendor ledger entry: the sum of its detailed entries, null without an entry. */
function remainingAmountOf(documentType: 'invoice' | 'creditMemo'): SQL {
  return sql`select ${remainingSign[documentType]} * sum(${detailedVendorLedgerEntry.amount}) from ${detailedVendorLedgerEntry}
    where ${detailedVendorLedgerEntry.vendorLedgerEntryNo} = ${postedPurchaseHeader.vendorLedgerEntryNo}`;
}

/** The rank a status sort orders by, ascending, as on the posted sales lists: what needs attention first. */
const statusRank = { overdue: sql.raw('1'), open: sql.raw('2'), partlyPaid: sql.raw('3'), paid: sql.raw('4') };

/**
 * Remaining Amount and the status (the web's Open / Partly paid / Paid / Overdue) of a posted
 * purchase invoice or credit memo as sortable values. Purchase documents are not cancelled here
 * (there is no purchase cancellation), so there is no Cancelled rank. Without a vendor ledger entry
 * both are null and sort last. Overdue: still (partly) unpaid after the due date, at the work date.
 */
function postedPurchaseStatusSorts(documentType: 'invoice' | 'creditMemo'): ComputedSort[] {
  const remaining = sql`(${remainingAmountOf(documentType)})`;
  return [
    { field: 'remainingAmount', kind: 'decimal', value: () => remainingAmountOf(documentType) },
    {
      field: 'status', kind: 'integer', order: 'Overdue, Open, Partly paid, Paid, then documents without a vendor ledger entry',
      value: ({ workDate }) => sql`select case
          when not ${vendorLedgerEntry.open} or ${remaining} = 0 then ${statusRank.paid}
          when ${workDate ?? null}::date is not null and ${postedPurchaseHeader.dueDate} < ${workDate ?? null}::date then ${statusRank.overdue}
          when abs(${remaining}) < abs(${postedPurchaseHeader.amountIncludingVat}) then ${statusRank.partlyPaid}
          else ${statusRank.open} end
        from ${vendorLedgerEntry} where ${vendorLedgerEntry.entryNo} = ${postedPurchaseHeader.vendorLedgerEntryNo}`,
    },
  ];
}

/**
 * The generic list layer over the posted header, fixed to one document type by the `parent`
 * condition (as the posted sales lists are). No sortFields: every stored field sorts, and on invoices
 * and credit memos Remaining Amount and Status; the number breaks ties.
 */
function listDefinition(documentType: PostedPurchaseDocumentType): ResourceDefinition {
  const { resource, caption } = postedPurchaseDescriptors[documentType];
  return {
    name: resource, entity: caption, table: postedPurchaseHeader, area: 'purchases',
    parent: { resource: '', entity: '', param: '', field: 'documentType', table: postedPurchaseHeader, parentField: 'documentType' },
    key: { param: 'no', field: 'no', kind: 'code' }, readOnly: true,
    createSchema: z.strictObject(Object.fromEntries(codeFilters.map((field) => [field, codeFilter()]))), updateSchema: z.strictObject({}),
    filters: postedPurchaseDocumentFilters,
    search: ['buyFromName', 'payToName', 'vendorInvoiceNo', 'vendorCreditMemoNo', 'vendorShipmentNo'], dateRangeField: 'postingDate',
    ...(isBilledPurchaseType(documentType) ? { computedSorts: postedPurchaseStatusSorts(documentType) } : {}),
  };
}

export const postedPurchaseListDefinitions = Object.fromEntries(postedPurchaseDocumentTypes.map((type) => [type, listDefinition(type)])) as
  Record<PostedPurchaseDocumentType, ResourceDefinition>;

/** The status fields of a posted invoice or credit memo, for the response schema. */
export function postedPurchaseStatusShape(documentType: PostedPurchaseDocumentType): z.ZodRawShape {
  if (!isBilledPurchaseType(documentType)) return {};
  return {
    /** From the document's vendor ledger entry (the sum of its detailed entries), as the document's sign; null when it has none. */
    remainingAmount: z.string().nullable(),
    /** The vendor ledger entry is closed: the document is paid. */
    closed: z.boolean(),
  };
}

/** Adds Remaining Amount and Closed to a page of invoice or credit memo headers, in two queries. */
export async function withPostedPurchaseStatus(tx: Executor, documentType: PostedPurchaseDocumentType, headers: Row[]): Promise<Row[]> {
  if (!isBilledPurchaseType(documentType) || headers.length === 0) return headers;
  const entryNos = headers.map((header) => header.vendorLedgerEntryNo).filter((entryNo): entryNo is number => typeof entryNo === 'number');
  const entries = entryNos.length === 0 ? [] : await tx.select({ entryNo: vendorLedgerEntry.entryNo, open: vendorLedgerEntry.open }).from(vendorLedgerEntry)
    .where(inArray(vendorLedgerEntry.entryNo, entryNos));
  const remaining = entryNos.length === 0 ? [] : await tx.select({
    entryNo: detailedVendorLedgerEntry.vendorLedgerEntryNo,
    amount: sql<string>`(${remainingSign[documentType]} * sum(${detailedVendorLedgerEntry.amount}))::numeric(18, 2)::text`,
  }).from(detailedVendorLedgerEntry).where(inArray(detailedVendorLedgerEntry.vendorLedgerEntryNo, entryNos)).groupBy(detailedVendorLedgerEntry.vendorLedgerEntryNo);
  return headers.map((header) => {
    const entry = entries.find((row) => row.entryNo === header.vendorLedgerEntryNo);
    return {
      ...header,
      remainingAmount: entry ? (remaining.find((row) => row.entryNo === entry.entryNo)?.amount ?? '0.00') : null,
      closed: entry ? !entry.open : false,
    };
  });
}

/** One page of posted purchase headers of a type: number order unless sorted, nextCursor for the next page; invoices and credit memos with their status. */
export async function listPostedPurchaseDocuments(tx: Executor, documentType: PostedPurchaseDocumentType, options: ListOptions): Promise<Page> {
  const page = await listRecords(tx, postedPurchaseListDefinitions[documentType], documentType, options);
  return { items: await withPostedPurchaseStatus(tx, documentType, page.items), nextCursor: page.nextCursor };
}

/** Header and lines, with the status fields on invoices and credit memos: what GET …/{no} answers. */
export async function postedPurchaseDocumentView(tx: Executor, documentType: PostedPurchaseDocumentType, no: string): Promise<Row> {
  const [header] = await tx.select().from(postedPurchaseHeader).where(and(eq(postedPurchaseHeader.documentType, documentType), eq(postedPurchaseHeader.no, no)));
  if (!header) throw new DomainError('NOT_FOUND', { entity: postedPurchaseDescriptors[documentType].caption, key: no });
  const lines = await tx.select().from(postedPurchaseLine)
    .where(and(eq(postedPurchaseLine.documentType, documentType), eq(postedPurchaseLine.documentNo, no))).orderBy(asc(postedPurchaseLine.lineNo));
  const [withStatus] = await withPostedPurchaseStatus(tx, documentType, [header]);
  return { ...withStatus, lines };
}
