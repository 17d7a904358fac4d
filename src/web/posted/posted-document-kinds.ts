import { postedSalesDescriptor, postedSalesDescriptorOf, type PostedDocumentDescriptor } from '../../core/documents/posted-document-descriptors.ts';
import { postedSalesDocumentTypes } from '../../core/documents/document-types.ts';
import type { PostedDocumentType, PostedNumbers } from '../api/posting-types.ts';

/** A posted sales document type as the web shows it: its descriptor (core/documents). */
export interface PostedDocumentKind extends PostedDocumentDescriptor<'sales'> {
  type: PostedDocumentType;
  /** Invoices and credit memos carry amounts, a customer entry and the cancelled/paid status. */
  billed: boolean;
}

function postedDocumentKind(type: PostedDocumentType): PostedDocumentKind {
  const descriptor = postedSalesDescriptor(type);
  return { ...descriptor, type, billed: descriptor.role === 'invoicing' };
}

export const postedDocumentKinds: Readonly<Record<PostedDocumentType, PostedDocumentKind>> = Object.fromEntries(
  postedSalesDocumentTypes.map((type) => [type, postedDocumentKind(type)]),
) as Record<PostedDocumentType, PostedDocumentKind>;

export const postedDocumentKindList: readonly PostedDocumentKind[] = Object.values(postedDocumentKinds);

export function postedDocumentKindByPath(path: string | undefined): PostedDocumentKind | undefined {
  return postedDocumentKindList.find((kind) => kind.path === path);
}

/** A posted document type as the API names it ('invoice', or 'salesInvoice' in a ledger), if it is one. */
export function postedDocumentKindOf(documentType: string): PostedDocumentKind | undefined {
  const descriptor = postedSalesDescriptorOf(documentType);
  return descriptor && postedDocumentKinds[descriptor.postedType];
}

export function postedDocumentPath(kind: PostedDocumentKind, no: string): string {
  return `/posted/${kind.path}/${encodeURIComponent(no)}`;
}

/** The posted documents a posting (or a batch) created, by kind, in the order BC reports them. */
export function postedDocumentsOf(numbers: Partial<PostedNumbers>): Array<{ kind: PostedDocumentKind; no: string }> {
  const found: Array<[PostedDocumentType, string | null | undefined]> = [
    ['shipment', numbers.shipmentNo], ['returnReceipt', numbers.returnReceiptNo], ['invoice', numbers.invoiceNo], ['creditMemo', numbers.creditMemoNo],
  ];
  return found.flatMap(([type, no]) => (no ? [{ kind: postedDocumentKinds[type], no }] : []));
}
