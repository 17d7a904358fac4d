import { purchaseDescriptor } from '../../core/documents/document-descriptors.ts';
import { postedPurchaseDocumentTypes, type PostedPurchaseDocumentType } from '../../core/documents/document-types.ts';
import { postedPurchaseDescriptors } from '../../core/documents/posted-document-descriptors.ts';
import { postedKindOf, type PostedDocumentKind } from '../posted/posted-document-kinds.ts';
import { withShippingField, type FamilyDocumentKind } from '../sales/document-kinds.ts';
import type { PurchasePostingResult } from './purchase-types.ts';

/** The purchase document types the API serves (server/purchases): orders, invoices, credit memos, return orders. */
export const purchaseKindTypes = ['order', 'invoice', 'creditMemo', 'returnOrder'] as const;
export type PurchaseKindType = (typeof purchaseKindTypes)[number];

/** A purchase document type as the web shows it: its descriptor, and the vendor's own number it carries. */
export interface PurchaseKind extends FamilyDocumentKind<'purchase'> {
  type: PurchaseKindType;
  /** Vendor Invoice No. on orders and invoices, Vendor Cr. Memo No. on credit memos and return orders: what posting requires. */
  vendorDocumentNoField: 'vendorInvoiceNo' | 'vendorCreditMemoNo';
  vendorDocumentNoCaption: string;
}

function purchaseKind(type: PurchaseKindType): PurchaseKind {
  const descriptor = purchaseDescriptor(type);
  const billing = descriptor.sign === 1;
  return {
    ...withShippingField(descriptor), type,
    vendorDocumentNoField: billing ? 'vendorInvoiceNo' : 'vendorCreditMemoNo', vendorDocumentNoCaption: billing ? 'Vendor Invoice No.' : 'Vendor Cr. Memo No.',
  };
}

export const purchaseKinds: Readonly<Record<PurchaseKindType, PurchaseKind>> = Object.fromEntries(
  purchaseKindTypes.map((type) => [type, purchaseKind(type)]),
) as Record<PurchaseKindType, PurchaseKind>;

export const purchaseKindList: readonly PurchaseKind[] = Object.values(purchaseKinds);

export function purchaseKindByPath(path: string | undefined): PurchaseKind | undefined {
  return purchaseKindList.find((kind) => kind.path === path);
}

export type PostedPurchaseKind = PostedDocumentKind<'purchase'>;

export const postedPurchaseKinds: Readonly<Record<PostedPurchaseDocumentType, PostedPurchaseKind>> = Object.fromEntries(
  postedPurchaseDocumentTypes.map((type) => [type, postedKindOf(postedPurchaseDescriptors[type])]),
) as Record<PostedPurchaseDocumentType, PostedPurchaseKind>;

export const postedPurchaseKindList: readonly PostedPurchaseKind[] = Object.values(postedPurchaseKinds);

export function postedPurchaseKindByPath(path: string | undefined): PostedPurchaseKind | undefined {
  return postedPurchaseKindList.find((kind) => kind.path === path);
}

/** The posted documents a purchase posting created, receipt (return shipment) before invoice (credit memo). */
export function postedPurchaseDocumentsOf(result: PurchasePostingResult): Array<{ kind: PostedPurchaseKind; no: string }> {
  const found: Array<[PostedPurchaseDocumentType, string | null]> = [
    ['receipt', result.receiptNo], ['returnShipment', result.returnShipmentNo], ['invoice', result.invoiceNo], ['creditMemo', result.creditMemoNo],
  ];
  return found.flatMap(([type, no]) => (no ? [{ kind: postedPurchaseKinds[type], no }] : []));
}
