import type { purchaseHeader, purchaseLine } from '../db/schema/index.ts';

export type PurchaseHeaderRow = typeof purchaseHeader.$inferSelect;
export type PurchaseLineRow = typeof purchaseLine.$inferSelect;

export interface PurchaseDocument { header: PurchaseHeaderRow; lines: PurchaseLineRow[] }
