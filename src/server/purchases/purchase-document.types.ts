import type { purchaseHeader, purchaseLine } from '../db/schema/index.ts';

export type PurchaseHeaderRow = typeof purchaseHeader.$inferSelect;
export type PurchaseLineRow = typeof purchaseLine.$inferSelect;

export interface PurchaseDocument { header: PurchaseHeaderRow; lines: PurchaseLineRow[] }

/** Purchase document types the API serves: those a sales order buys through (issue 14). */
export const editablePurchaseDocumentTypes = ['order', 'invoice', 'creditMemo', 'returnOrder'] as const;
export type EditablePurchaseDocumentType = (typeof editablePurchaseDocumentTypes)[number];
