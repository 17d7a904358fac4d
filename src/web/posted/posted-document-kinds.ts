import { postedSalesDescriptor, postedSalesDescriptorOf, type PostedDocumentDescriptor } from '../../core/documents/posted-document-descriptors.ts';
import { postedSalesDocumentTypes, type DocumentFamily, type FamilyVocabulary } from '../../core/documents/document-types.ts';
import { navigatedDocumentDescriptor, type NavigatedDocumentType } from '../../core/documents/navigated-documents.ts';
import type { PostedDocumentType, PostedNumbers } from '../api/posting-types.ts';

/** A posted document type as the web shows it: its descriptor (core/documents); sales unless told. */
export interface PostedDocumentKind<F extends DocumentFamily = 'sales'> extends PostedDocumentDescriptor<F> {
  type: FamilyVocabulary[F]['postedType'];
  /** Invoices and credit memos carry amounts and a customer (vendor) entry; sales ones the cancelled/paid status. */
  billed: boolean;
}

export function postedKindOf<F extends DocumentFamily>(descriptor: PostedDocumentDescriptor<F>): PostedDocumentKind<F> {
  return { ...descriptor, type: descriptor.postedType, billed: descriptor.role === 'invoicing' };
}

const postedDocumentKind = (type: PostedDocumentType) => postedKindOf(postedSalesDescriptor(type));

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

/** A posted document Find entries lists, sales ('invoice') or purchase ('purchaseInvoice'). */
export function navigatedDocumentKind(documentType: NavigatedDocumentType): PostedDocumentKind<DocumentFamily> {
  return postedKindOf(navigatedDocumentDescriptor(documentType));
}

/** Where each family's posted documents live in the app: /posted/invoices, /posted-purchases/invoices. */
const familyRoutes: Readonly<Record<DocumentFamily, string>> = { sales: '/posted', purchase: '/posted-purchases' };

export function postedDocumentListPath(kind: PostedDocumentKind<DocumentFamily>): string {
  return `${familyRoutes[kind.family]}/${kind.path}`;
}

export function postedDocumentPath(kind: PostedDocumentKind<DocumentFamily>, no: string): string {
  return `${postedDocumentListPath(kind)}/${encodeURIComponent(no)}`;
}

/** The posted documents a posting (or a batch) created, by kind, in the order BC reports them. */
export function postedDocumentsOf(numbers: Partial<PostedNumbers>): Array<{ kind: PostedDocumentKind; no: string }> {
  const found: Array<[PostedDocumentType, string | null | undefined]> = [
    ['shipment', numbers.shipmentNo], ['returnReceipt', numbers.returnReceiptNo], ['invoice', numbers.invoiceNo], ['creditMemo', numbers.creditMemoNo],
  ];
  return found.flatMap(([type, no]) => (no ? [{ kind: postedDocumentKinds[type], no }] : []));
}
