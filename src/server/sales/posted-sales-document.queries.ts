/**
 * Posted sales documents, read (spec §2.4): shipments, invoices, credit memos and return receipts,
 * one header/line table pair told apart by documentType. Invoices and credit memos also show what
 * BC computes for them: Cancelled and Corrective from the cancelled-document register (§18.3), and
 * Remaining Amount and Closed ("paid") from the customer ledger entry the posting wrote.
 */
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { postedSalesDocumentTypes } from '../../core/documents/document-types.ts';
import { postedSalesDescriptor } from '../../core/documents/posted-document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { cancelledDocument, customerLedgerEntry, postedSalesHeader, postedSalesLine, type PostedSalesDocumentType } from '../db/schema/index.ts';
import type { ComputedSort, ResourceDefinition, Row } from '../master-data/resource.ts';
import { listRecords, type ListOptions, type Page } from '../master-data/resource.queries.ts';

export type PostedSalesHeaderRow = typeof postedSalesHeader.$inferSelect;
export type PostedSalesLineRow = typeof postedSalesLine.$inferSelect;

export interface PostedSalesDocument { header: PostedSalesHeaderRow; lines: PostedSalesLineRow[] }

/** The API resource and entity caption of each posted document type, read from the descriptors (core/documents). */
export const postedDocumentKinds: Readonly<Record<PostedSalesDocumentType, { resource: string; entity: string }>> = Object.fromEntries(
  postedSalesDocumentTypes.map((type) => [type, { resource: postedSalesDescriptor(type).resource, entity: postedSalesDescriptor(type).caption }]),
) as Record<PostedSalesDocumentType, { resource: string; entity: string }>;

export const postedDocumentTypes = postedSalesDocumentTypes;

export async function findPostedDocument(
  tx: Executor, documentType: PostedSalesDocumentType, no: string, options: { lock?: boolean } = {},
): Promise<PostedSalesDocument | undefined> {
  const query = tx.select().from(postedSalesHeader).where(and(eq(postedSalesHeader.documentType, documentType), eq(postedSalesHeader.no, no)));
  const [header] = options.lock ? await query.for('update') : await query;
  if (!header) return undefined;
  const lines = await tx.select().from(postedSalesLine)
    .where(and(eq(postedSalesLine.documentType, documentType), eq(postedSalesLine.documentNo, no))).orderBy(asc(postedSalesLine.lineNo));
  return { header, lines };
}

/** A posted document with its lines in line order; `lock` holds the header (SELECT … FOR UPDATE) until the transaction ends. */
export async function loadPostedDocument(
  tx: Executor, documentType: PostedSalesDocumentType, no: string, options: { lock?: boolean } = {},
): Promise<PostedSalesDocument> {
  const document = await findPostedDocument(tx, documentType, no, options);
  if (!document) throw new DomainError('NOT_FOUND', { entity: postedDocumentKinds[documentType].entity, key: no });
  return document;
}

/** Whether a document type carries the invoice/credit memo status fields. */
export function isBilledDocumentType(documentType: PostedSalesDocumentType): documentType is 'invoice' | 'creditMemo' {
  return postedSalesDescriptor(documentType).role === 'invoicing';
}

/** The computed fields of a posted invoice or credit memo (BC FlowFields), for the response schema. */
export function postedDocumentStatusShape(documentType: PostedSalesDocumentType): z.ZodRawShape {
  if (!isBilledDocumentType(documentType)) return {};
  return {
    /** Cancelled by a credit memo (an invoice) or by an invoice (a credit memo); cancelledBy is its number. */
    cancelled: z.boolean(),
    cancelledBy: z.string().nullable(),
    /** This document cancelled another one. */
    corrective: z.boolean(),
    ...(documentType === 'creditMemo' ? { correctsInvoiceNo: z.string().nullable() } : {}),
    /** From the document's customer ledger entry; null when it has none. */
    remainingAmount: z.string().nullable(),
    closed: z.boolean(),
  };
}

/**
 * Adds the status fields to a page of invoice or credit memo headers in two queries. The cancelled
 * register names both documents by their posted document types ('invoice', 'creditMemo').
 */
export async function withPostedDocumentStatus(tx: Executor, documentType: PostedSalesDocumentType, headers: Row[]): Promise<Row[]> {
  if (!isBilledDocumentType(documentType) || headers.length === 0) return headers;
  const numbers = headers.map((header) => header.no as string);
  const cancellations = await tx.select().from(cancelledDocument).where(or(
    and(eq(cancelledDocument.sourceDocumentType, documentType), inArray(cancelledDocument.sourceDocumentNo, numbers)),
    and(eq(cancelledDocument.cancelledByDocumentType, documentType), inArray(cancelledDocument.cancelledByDocumentNo, numbers)),
  ));
  const entryNos = headers.map((header) => header.customerLedgerEntryNo).filter((entryNo): entryNo is number => typeof entryNo === 'number');
  const entries = entryNos.length === 0 ? [] : await tx.select({
    entryNo: customerLedgerEntry.entryNo, remainingAmount: customerLedgerEntry.remainingAmount, open: customerLedgerEntry.open,
  }).from(customerLedgerEntry).where(inArray(customerLedgerEntry.entryNo, entryNos));
  return headers.map((header) => {
    const cancelledBy = cancellations.find((row) => row.sourceDocumentType === documentType && row.sourceDocumentNo === header.no);
    const cancels = cancellations.find((row) => row.cancelledByDocumentType === documentType && row.cancelledByDocumentNo === header.no);
    const entry = entries.find((row) => row.entryNo === header.customerLedgerEntryNo);
    return {
      ...header,
      cancelled: cancelledBy !== undefined,
      cancelledBy: cancelledBy?.cancelledByDocumentNo ?? null,
      corrective: cancels !== undefined,
      ...(documentType === 'creditMemo' ? { correctsInvoiceNo: cancels?.sourceDocumentNo ?? null } : {}),
      remainingAmount: entry?.remainingAmount ?? null,
      closed: entry ? !entry.open : false,
    };
  });
}

/** The rank a status sort orders by, ascending: what needs attention first. Literals, so the CASE is an integer, not text. */
const statusRank = { overdue: sql.raw('1'), open: sql.raw('2'), partlyPaid: sql.raw('3'), paid: sql.raw('4'), cancelled: sql.raw('5') };

/**
 * Remaining Amount and the status (the web's Open / Partly paid / Paid / Overdue / Cancelled) of a
 * posted invoice or credit memo as sortable values, read like withPostedDocumentStatus reads them:
 * from the document's customer ledger entry and the cancelled-document register. Without an entry
 * both are null and sort last. Overdue: still (partly) unpaid after the due date, at the work date.
 */
const postedStatusSorts: ComputedSort[] = [
  {
    field: 'remainingAmount', kind: 'decimal',
    value: () => sql`select ${customerLedgerEntry.remainingAmount} from ${customerLedgerEntry} where ${customerLedgerEntry.entryNo} = ${postedSalesHeader.customerLedgerEntryNo}`,
  },
  {
    field: 'status', kind: 'integer', order: 'Overdue, Open, Partly paid, Paid, Cancelled, then documents without a customer ledger entry',
    value: ({ workDate }) => sql`case when exists (select 1 from ${cancelledDocument}
        where ${cancelledDocument.sourceDocumentType} = ${postedSalesHeader.documentType} and ${cancelledDocument.sourceDocumentNo} = ${postedSalesHeader.no})
      then ${statusRank.cancelled}
      else (select case
        when not ${customerLedgerEntry.open} or ${customerLedgerEntry.remainingAmount} = 0 then ${statusRank.paid}
        when ${workDate ?? null}::date is not null and ${postedSalesHeader.dueDate} < ${workDate ?? null}::date then ${statusRank.overdue}
        when abs(${customerLedgerEntry.remainingAmount}) < abs(${postedSalesHeader.amountIncludingVat}) then ${statusRank.partlyPaid}
        else ${statusRank.open} end
        from ${customerLedgerEntry} where ${customerLedgerEntry.entryNo} = ${postedSalesHeader.customerLedgerEntryNo}) end`,
  },
];

const codeFilter = () => z.string().trim().transform((value) => value.toUpperCase());

export const postedDocumentFilters = [
  'sellToCustomerNo', 'billToCustomerNo', 'sourceDocumentType', 'sourceDocumentNo', 'externalDocumentNo', 'salespersonCode', 'currencyCode',
  'locationCode', 'quoteNo', 'correctedInvoiceNo', 'appliesToDocumentNo', 'customerLedgerEntryNo', 'transactionNo',
];

/** The generic list layer over the posted header, fixed to one document type (as sales documents do). */
function listDefinition(documentType: PostedSalesDocumentType): ResourceDefinition {
  const codes = ['sellToCustomerNo', 'billToCustomerNo', 'sourceDocumentNo', 'salespersonCode', 'currencyCode', 'locationCode', 'quoteNo', 'correctedInvoiceNo', 'appliesToDocumentNo'];
  return {
    name: postedDocumentKinds[documentType].resource, entity: postedDocumentKinds[documentType].entity, table: postedSalesHeader, area: 'sales',
    parent: { resource: '', entity: '', param: '', field: 'documentType', table: postedSalesHeader, parentField: 'documentType' },
    key: { param: 'no', field: 'no', kind: 'code' }, readOnly: true,
    createSchema: z.strictObject(Object.fromEntries(codes.map((field) => [field, codeFilter()]))), updateSchema: z.strictObject({}),
    filters: postedDocumentFilters, search: ['sellToName', 'billToName', 'externalDocumentNo'], dateRangeField: 'postingDate',
    ...(isBilledDocumentType(documentType) ? { computedSorts: postedStatusSorts } : {}),
  };
}

export const postedDocumentListDefinitions = Object.fromEntries(postedDocumentTypes.map((type) => [type, listDefinition(type)])) as
  Record<PostedSalesDocumentType, ResourceDefinition>;

/** One page of posted headers of a type, in number order, with the invoice/credit memo status fields. */
export async function listPostedDocuments(tx: Executor, documentType: PostedSalesDocumentType, options: ListOptions): Promise<Page> {
  const page = await listRecords(tx, postedDocumentListDefinitions[documentType], documentType, options);
  return { items: await withPostedDocumentStatus(tx, documentType, page.items), nextCursor: page.nextCursor };
}

/** Header and lines, with the status fields on invoices and credit memos: what GET …/{no} answers. */
export async function postedDocumentView(tx: Executor, documentType: PostedSalesDocumentType, no: string): Promise<Row> {
  const { header, lines } = await loadPostedDocument(tx, documentType, no);
  const [withStatus] = await withPostedDocumentStatus(tx, documentType, [header]);
  return { ...withStatus, lines };
}
