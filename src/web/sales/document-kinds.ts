import type { SalesDocumentType } from '../../core/sales/types.ts';
import type { SalesDocumentHeader, SalesLine } from '../api/types.ts';

export type DocumentKindType = Exclude<SalesDocumentType, 'blanketOrder'>;

export type HeaderDateField = 'orderDate' | 'postingDate' | 'documentDate' | 'dueDate' | 'shipmentDate' | 'quoteValidUntilDate';
type ShippingField = keyof Pick<SalesLine, 'quantityToShip' | 'returnQuantityToReceive'>;

export interface DocumentKind {
  type: DocumentKindType;
  /** The API resource (BC API v2 name) and the web path segment. */
  resource: string;
  path: string;
  caption: string;
  plural: string;
  dateFields: readonly HeaderDateField[];
  /** The quantity column the line's next shipment (or return receipt) takes, if the document ships. */
  shippingField: ShippingField | null;
  /** Whether lines can be invoiced in part (Qty. to Invoice). */
  partialInvoicing: boolean;
}

export const documentKinds: Readonly<Record<DocumentKindType, DocumentKind>> = {
  quote: {
    type: 'quote', resource: 'salesQuotes', path: 'quotes', caption: 'Sales Quote', plural: 'Sales Quotes',
    dateFields: ['documentDate', 'orderDate', 'quoteValidUntilDate'],
    shippingField: null, partialInvoicing: false,
  },
  order: {
    type: 'order', resource: 'salesOrders', path: 'orders', caption: 'Sales Order', plural: 'Sales Orders',
    dateFields: ['orderDate', 'postingDate', 'documentDate', 'shipmentDate', 'dueDate'], shippingField: 'quantityToShip', partialInvoicing: true,
  },
  invoice: {
    type: 'invoice', resource: 'salesInvoices', path: 'invoices', caption: 'Sales Invoice', plural: 'Sales Invoices',
    dateFields: ['postingDate', 'documentDate', 'dueDate'], shippingField: null, partialInvoicing: false,
  },
  creditMemo: {
    type: 'creditMemo', resource: 'salesCreditMemos', path: 'credit-memos', caption: 'Sales Credit Memo', plural: 'Sales Credit Memos',
    dateFields: ['postingDate', 'documentDate', 'dueDate'], shippingField: null, partialInvoicing: false,
  },
  returnOrder: {
    type: 'returnOrder', resource: 'salesReturnOrders', path: 'return-orders', caption: 'Sales Return Order', plural: 'Sales Return Orders',
    dateFields: ['postingDate', 'documentDate'], shippingField: 'returnQuantityToReceive', partialInvoicing: true,
  },
};

export const documentKindList: readonly DocumentKind[] = Object.values(documentKinds);

export function documentKindByPath(path: string | undefined): DocumentKind | undefined {
  return documentKindList.find((kind) => kind.path === path);
}

export function documentPath(kind: DocumentKind, no: string): string {
  return `/sales/${kind.path}/${encodeURIComponent(no)}`;
}

export const statusCaptions: Readonly<Record<SalesDocumentHeader['status'], string>> = {
  open: 'Open',
  released: 'Released',
  pendingApproval: 'Pending Approval',
  pendingPrepayment: 'Pending Prepayment',
};

export const dateFieldCaptions: Readonly<Record<HeaderDateField, string>> = {
  orderDate: 'Order Date',
  postingDate: 'Posting Date',
  documentDate: 'Document Date',
  dueDate: 'Due Date',
  shipmentDate: 'Shipment Date',
  quoteValidUntilDate: 'Quote Valid Until',
};
