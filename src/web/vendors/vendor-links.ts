import type { PurchaseKind } from '../purchases/purchase-kinds.ts';
import { documentListPath } from '../sales/document-kinds.ts';

/** The new purchase document page with the vendor chosen ahead (?vendor=…): Enter creates the document. */
export function newPurchaseDocumentPath(kind: PurchaseKind, vendorNo: string): string {
  return `${documentListPath(kind)}/new?vendor=${encodeURIComponent(vendorNo)}`;
}

/** The vendor's open entries on the Vendor Ledger Entries list: what its balance is the sum of. */
export function openVendorEntriesPath(vendorNo: string): string {
  return `/ledgers/vendor-ledger-entries?${new URLSearchParams({ vendorNo, open: 'true' }).toString()}`;
}
