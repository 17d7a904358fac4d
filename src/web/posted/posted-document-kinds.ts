import type { PostedDocumentType, PostedNumbers } from '../api/posting-types.ts';

export interface PostedDocumentKind {
  type: PostedDocumentType;
  /** The API resource and the web path segment. */
  resource: string;
  path: string;
  caption: string;
  plural: string;
  /** Invoices and credit memos carry amounts, a customer entry and the cancelled/paid status. */
  billed: boolean;
}

export const postedDocumentKinds: Readonly<Record<PostedDocumentType, PostedDocumentKind>> = {
  shipment: { type: 'shipment', resource: 'postedSalesShipments', path: 'shipments', caption: 'Posted Sales Shipment', plural: 'Posted Sales Shipments', billed: false },
  invoice: { type: 'invoice', resource: 'postedSalesInvoices', path: 'invoices', caption: 'Posted Sales Invoice', plural: 'Posted Sales Invoices', billed: true },
  creditMemo: {
    type: 'creditMemo', resource: 'postedSalesCreditMemos', path: 'credit-memos', caption: 'Posted Sales Credit Memo', plural: 'Posted Sales Credit Memos', billed: true,
  },
  returnReceipt: {
    type: 'returnReceipt', resource: 'postedReturnReceipts', path: 'return-receipts', caption: 'Posted Return Receipt', plural: 'Posted Return Receipts', billed: false,
  },
};

export const postedDocumentKindList: readonly PostedDocumentKind[] = Object.values(postedDocumentKinds);

export function postedDocumentKindByPath(path: string | undefined): PostedDocumentKind | undefined {
  return postedDocumentKindList.find((kind) => kind.path === path);
}

/** A posted document type as the API names it ('invoice', or 'salesInvoice' in a ledger), if it is one. */
export function postedDocumentKindOf(documentType: string): PostedDocumentKind | undefined {
  const type = documentType.replace(/^sales([A-Z])/, (_, letter: string) => letter.toLowerCase());
  return postedDocumentKinds[type as PostedDocumentType];
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
