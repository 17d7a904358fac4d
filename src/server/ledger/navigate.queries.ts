/**
 * BC's Navigate ("Find entries"): for a document number, and optionally its posting date, the posted
 * documents of that number, sales and purchase, and the entries every ledger holds for it, with the
 * count per ledger.
 */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { postedPurchaseDocumentTypes, postedSalesDocumentTypes, type PostedPurchaseDocumentType, type PostedSalesDocumentType } from '../../core/documents/document-types.ts';
import { navigatedDocumentDescriptor, navigatedPurchaseDocumentTypes, type NavigatedDocumentType } from '../../core/documents/navigated-documents.ts';
import type { navigatedLedgerNames } from '../../core/posting/ledger-entry.views.ts';
import type { Executor } from '../db/connection.ts';
import { postedPurchaseHeader, postedSalesHeader } from '../db/schema/index.ts';
import type { ResourceDefinition, Row } from '../master-data/resource.ts';
import { columnOf, listRecords } from '../master-data/resource.queries.ts';
import {
  bankAccountLedgerEntryResource, customerLedgerEntryResource, detailedCustomerLedgerEntryResource, detailedVendorLedgerEntryResource, glEntryResource,
  itemLedgerEntryResource, valueEntryResource, vatEntryResource, vendorLedgerEntryResource,
} from './ledger.resources.ts';

type LedgerName = (typeof navigatedLedgerNames)[number];

/** The ledgers Navigate looks in, in BC's order; each is listed in full up to this many entries (the count is always exact). */
export const navigatedLedgers: readonly ResourceDefinition[] = [
  glEntryResource, vatEntryResource, customerLedgerEntryResource, detailedCustomerLedgerEntryResource,
  vendorLedgerEntryResource, detailedVendorLedgerEntryResource, bankAccountLedgerEntryResource, itemLedgerEntryResource, valueEntryResource,
];
export const navigateEntryLimit = 1000;

export interface PostedDocumentReference { documentType: NavigatedDocumentType; resource: string; no: string; postingDate: string }

export interface NavigateResult {
  documentNo: string;
  postingDate: string | null;
  postedDocuments: PostedDocumentReference[];
  counts: Record<LedgerName, number>;
  entries: Record<LedgerName, Row[]>;
}

async function ledgerEntries(tx: Executor, definition: ResourceDefinition, documentNo: string, postingDate: string | undefined) {
  const range = postingDate === undefined ? undefined : { from: postingDate, to: postingDate };
  const page = await listRecords(tx, definition, undefined, { limit: navigateEntryLimit, filters: { documentNo }, dateRange: range });
  const [counted] = (await tx.select({ entries: count() }).from(definition.table as never).where(and(
    eq(columnOf(definition, 'documentNo'), documentNo),
    postingDate === undefined ? undefined : eq(columnOf(definition, 'postingDate'), postingDate),
  ))) as { entries: number }[];
  const items = definition.flowFields ? await definition.flowFields.calculate(tx, page.items) : page.items;
  return { items, count: counted!.entries };
}

const reference = (documentType: NavigatedDocumentType, row: { no: string; postingDate: string }): PostedDocumentReference =>
  ({ documentType, resource: navigatedDocumentDescriptor(documentType).resource, no: row.no, postingDate: row.postingDate });

/**
 * Every posted document with this number: a shipment and an invoice may share one, and so may a
 * sales and a purchase document (their series are the user's). Sales first, each side by type.
 */
export async function postedDocumentsNumbered(tx: Executor, no: string, postingDate?: string): Promise<PostedDocumentReference[]> {
  // The type list lets the (documentType, no) primary keys answer.
  const sales = await tx.select({ documentType: postedSalesHeader.documentType, no: postedSalesHeader.no, postingDate: postedSalesHeader.postingDate })
    .from(postedSalesHeader)
    .where(and(
      inArray(postedSalesHeader.documentType, [...postedSalesDocumentTypes]), eq(postedSalesHeader.no, no),
      postingDate === undefined ? undefined : eq(postedSalesHeader.postingDate, postingDate),
    ))
    .orderBy(asc(postedSalesHeader.documentType));
  const purchases = await tx.select({ documentType: postedPurchaseHeader.documentType, no: postedPurchaseHeader.no, postingDate: postedPurchaseHeader.postingDate })
    .from(postedPurchaseHeader)
    .where(and(
      inArray(postedPurchaseHeader.documentType, [...postedPurchaseDocumentTypes]), eq(postedPurchaseHeader.no, no),
      postingDate === undefined ? undefined : eq(postedPurchaseHeader.postingDate, postingDate),
    ))
    .orderBy(asc(postedPurchaseHeader.documentType));
  return [
    ...sales.map((row) => reference(row.documentType as PostedSalesDocumentType, row)),
    ...purchases.map((row) => reference(navigatedPurchaseDocumentTypes[row.documentType as PostedPurchaseDocumentType], row)),
  ];
}

/** Everything posted under a document number (and posting date, when given). */
export async function navigate(tx: Executor, documentNo: string, postingDate?: string): Promise<NavigateResult> {
  const counts = {} as Record<LedgerName, number>;
  const entries = {} as Record<LedgerName, Row[]>;
  for (const definition of navigatedLedgers) {
    const found = await ledgerEntries(tx, definition, documentNo, postingDate);
    counts[definition.name as LedgerName] = found.count;
    entries[definition.name as LedgerName] = found.items;
  }
  return { documentNo, postingDate: postingDate ?? null, postedDocuments: await postedDocumentsNumbered(tx, documentNo, postingDate), counts, entries };
}
