/**
 * The posted documents BC's Navigate ("Find entries") finds under a number, by the name its answer
 * gives them. Sales documents keep their posted type ('invoice'), as the answer named them before
 * purchasing existed; purchase documents take the name their item ledger entries carry
 * ('purchaseInvoice'), so no name stands for two tables and a consumer that knows only the sales
 * names cannot take a purchase invoice for a sales one.
 */
import { postedSalesDocumentTypes, type PostedPurchaseDocumentType } from './document-types.ts';
import { postedPurchaseDescriptors, postedSalesDescriptors, type PostedDocumentDescriptor } from './posted-document-descriptors.ts';

export const navigatedDocumentTypes = [
  ...postedSalesDocumentTypes, 'purchaseReceipt', 'purchaseInvoice', 'purchaseCreditMemo', 'purchaseReturnShipment',
] as const;
export type NavigatedDocumentType = (typeof navigatedDocumentTypes)[number];

/** Navigate's name for each posted purchase document type. */
export const navigatedPurchaseDocumentTypes: Readonly<Record<PostedPurchaseDocumentType, NavigatedDocumentType>> = {
  receipt: 'purchaseReceipt', invoice: 'purchaseInvoice', creditMemo: 'purchaseCreditMemo', returnShipment: 'purchaseReturnShipment',
};

const navigatedDocuments: Readonly<Record<NavigatedDocumentType, PostedDocumentDescriptor>> = {
  shipment: postedSalesDescriptors.shipment,
  invoice: postedSalesDescriptors.invoice,
  creditMemo: postedSalesDescriptors.creditMemo,
  returnReceipt: postedSalesDescriptors.returnReceipt,
  purchaseReceipt: postedPurchaseDescriptors.receipt,
  purchaseInvoice: postedPurchaseDescriptors.invoice,
  purchaseCreditMemo: postedPurchaseDescriptors.creditMemo,
  purchaseReturnShipment: postedPurchaseDescriptors.returnShipment,
};

/** The descriptor (family, API resource, web path, caption) of a posted document as Navigate names it. */
export function navigatedDocumentDescriptor(documentType: NavigatedDocumentType): PostedDocumentDescriptor {
  return navigatedDocuments[documentType];
}
