import type { SalesDocumentType } from '../../core/sales/types.ts';
import type { salesHeader, salesLine } from '../db/schema/index.ts';

export type SalesHeaderRow = typeof salesHeader.$inferSelect;
export type SalesLineRow = typeof salesLine.$inferSelect;

export interface SalesDocument { header: SalesHeaderRow; lines: SalesLineRow[] }

/** The API resource and the number-series field of each document type (BC API v2 names). */
export const documentKinds = {
  quote: { resource: 'salesQuotes', entity: 'Sales Quote', seriesField: 'quoteNos' },
  order: { resource: 'salesOrders', entity: 'Sales Order', seriesField: 'orderNos' },
  invoice: { resource: 'salesInvoices', entity: 'Sales Invoice', seriesField: 'invoiceNos' },
  creditMemo: { resource: 'salesCreditMemos', entity: 'Sales Credit Memo', seriesField: 'creditMemoNos' },
  returnOrder: { resource: 'salesReturnOrders', entity: 'Sales Return Order', seriesField: 'returnOrderNos' },
} as const satisfies Partial<Record<SalesDocumentType, { resource: string; entity: string; seriesField: string }>>;

export type EditableDocumentType = keyof typeof documentKinds;
export const editableDocumentTypes = Object.keys(documentKinds) as EditableDocumentType[];
