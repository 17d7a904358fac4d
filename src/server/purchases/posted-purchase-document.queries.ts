/**
 * Posted purchase documents, read: receipts, invoices, credit memos and return shipments, one
 * header/line table pair told apart by documentType. The lists go through the generic list layer
 * (master-data/resource.queries.ts), as the posted sales lists do, so they sort, filter, search and
 * page by cursor the same way.
 */
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { postedPurchaseDocumentTypes, type PostedPurchaseDocumentType } from '../../core/documents/document-types.ts';
import { postedPurchaseDescriptors } from '../../core/documents/posted-document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { postedPurchaseHeader, postedPurchaseLine } from '../db/schema/index.ts';
import type { ResourceDefinition, Row } from '../master-data/resource.ts';
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

/**
 * The generic list layer over the posted header, fixed to one document type by the `parent`
 * condition (as the posted sales lists are). No sortFields: every stored field sorts, the number breaks ties.
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
  };
}

export const postedPurchaseListDefinitions = Object.fromEntries(postedPurchaseDocumentTypes.map((type) => [type, listDefinition(type)])) as
  Record<PostedPurchaseDocumentType, ResourceDefinition>;

/** One page of posted purchase headers of a type: number order unless sorted, nextCursor for the next page. */
export async function listPostedPurchaseDocuments(tx: Executor, documentType: PostedPurchaseDocumentType, options: ListOptions): Promise<Page> {
  return listRecords(tx, postedPurchaseListDefinitions[documentType], documentType, options);
}

/** Header and lines in line order: what GET …/{no} answers. */
export async function postedPurchaseDocumentView(tx: Executor, documentType: PostedPurchaseDocumentType, no: string): Promise<Row> {
  const [header] = await tx.select().from(postedPurchaseHeader).where(and(eq(postedPurchaseHeader.documentType, documentType), eq(postedPurchaseHeader.no, no)));
  if (!header) throw new DomainError('NOT_FOUND', { entity: postedPurchaseDescriptors[documentType].caption, key: no });
  const lines = await tx.select().from(postedPurchaseLine)
    .where(and(eq(postedPurchaseLine.documentType, documentType), eq(postedPurchaseLine.documentNo, no))).orderBy(asc(postedPurchaseLine.lineNo));
  return { ...header, lines };
}
