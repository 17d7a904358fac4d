/**
 * Drop shipments and special orders (spec §15.1–15.2) as the lines of both families show them: which
 * of the two a line is, and the order on the other side once linked. Pure, so node tests can load it.
 */
import { purchaseDescriptor } from '../../core/documents/document-descriptors.ts';
import type { DocumentFamily } from '../../core/documents/document-types.ts';
import { documentKinds, documentPath, withShippingField } from './document-kinds.ts';

export const purchasingKinds = ['dropShipment', 'specialOrder'] as const;
export type PurchasingKind = (typeof purchasingKinds)[number];

export const purchasingKindCaptions: Readonly<Record<PurchasingKind, string>> = { dropShipment: 'Drop Shipment', specialOrder: 'Special Order' };

export const kindOfLine = (line: { dropShipment?: boolean }): PurchasingKind => (line.dropShipment ? 'dropShipment' : 'specialOrder');

/** The link fields of a line: a sales line names its purchase order, a purchase line its sales order. */
export interface PurchasingLine {
  dropShipment?: boolean;
  specialOrder?: boolean;
  purchaseOrderNo?: string | null;
  specialOrderPurchaseNo?: string | null;
  salesOrderNo?: string | null;
  specialOrderSalesNo?: string | null;
}

export interface LinkedOrder {
  kind: PurchasingKind;
  /** "purchase order" on a sales line, "sales order" on a purchase line. */
  caption: string;
  no: string | null;
  /** Where the app shows that order. */
  path: string | null;
}

const purchaseOrderKind = withShippingField(purchaseDescriptor('order'));

/** The other side of a drop shipment (special order): null on a line that is neither. */
export function linkedOrderOf(line: PurchasingLine, family: DocumentFamily): LinkedOrder | null {
  if (!line.dropShipment && !line.specialOrder) return null;
  const kind = kindOfLine(line);
  const drop = kind === 'dropShipment';
  const no = (family === 'sales' ? (drop ? line.purchaseOrderNo : line.specialOrderPurchaseNo) : (drop ? line.salesOrderNo : line.specialOrderSalesNo)) ?? null;
  const other = family === 'sales' ? purchaseOrderKind : documentKinds.order;
  return { kind, caption: family === 'sales' ? 'purchase order' : 'sales order', no, path: no === null ? null : documentPath(other, no) };
}
