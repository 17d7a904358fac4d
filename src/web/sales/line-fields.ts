import type { SalesLine } from '../api/types.ts';
import type { DocumentKind } from './document-kinds.ts';

/** Fields of a line the grid edits; the rest (VAT, amounts) the server derives. */
export type EditableLineField =
  | 'no' | 'description' | 'locationCode' | 'purchasingCode' | 'quantity' | 'unitPrice' | 'lineDiscountPercent' | 'quantityToShip' | 'returnQuantityToReceive' | 'quantityToInvoice';
type DecimalLineField = Exclude<EditableLineField, 'no' | 'description' | 'locationCode' | 'purchasingCode'>;

const decimalLineFields: readonly DecimalLineField[] = ['quantity', 'unitPrice', 'lineDiscountPercent', 'quantityToShip', 'returnQuantityToReceive', 'quantityToInvoice'];

export function isDecimalLineField(field: EditableLineField): field is DecimalLineField {
  return (decimalLineFields as readonly string[]).includes(field);
}

/** A row of the grid: an existing line by its Line No., or the empty line at the bottom that adds one. */
export type LineKey = number | 'new';

/** Quantities posting has handled: shown, never edited. */
export type PostedQuantityField = keyof Pick<SalesLine, 'quantityShipped' | 'returnQuantityReceived' | 'quantityInvoiced'>;

export function isPostedQuantityField(field: GridColumn['field']): field is PostedQuantityField {
  return field === 'quantityShipped' || field === 'returnQuantityReceived' || field === 'quantityInvoiced';
}

export interface GridColumn {
  field: EditableLineField | PostedQuantityField | 'type' | 'unitOfMeasureCode' | 'lineAmount';
  label: string;
  width: number;
  numeric?: boolean;
  /** Digits always shown after the decimal sign (unit prices 2, quantities none). */
  minimumScale?: number;
  /** Enter visits quick-entry cells only (BC's QuickEntry); Tab visits every cell. */
  quickEntry?: boolean;
  /** Shipping quantities stay editable on a released document, as in BC. */
  editableWhenReleased?: boolean;
}

function shippingColumns(kind: DocumentKind): GridColumn[] {
  if (!kind.shippingField) return [];
  const handling = kind.lineHandling;
  return [
    { field: kind.shippingField, label: handling.quantityToHandleCaption, width: 90, numeric: true, quickEntry: true, editableWhenReleased: true },
    { field: handling.quantityHandledField, label: handling.quantityHandledCaption, width: 90, numeric: true },
  ];
}

function invoicingColumns(kind: DocumentKind): GridColumn[] {
  if (!kind.partialInvoicing) return [];
  return [
    { field: 'quantityToInvoice', label: 'Qty. to Invoice', width: 90, numeric: true, quickEntry: true, editableWhenReleased: true },
    { field: 'quantityInvoiced', label: 'Quantity Invoiced', width: 90, numeric: true },
  ];
}

export function gridColumns(kind: DocumentKind): GridColumn[] {
  return [
    { field: 'type', label: 'Type', width: 120 },
    { field: 'no', label: 'No.', width: 110, quickEntry: true },
    { field: 'description', label: 'Description', width: 260 },
    { field: 'locationCode', label: 'Location Code', width: 90 },
    // Orders only (BC): a drop shipment or special order is bought for the customer (spec §15.1–15.2).
    ...(kind.type === 'order' ? [{ field: 'purchasingCode', label: 'Purchasing Code', width: 110 } as const] : []),
    { field: 'quantity', label: 'Quantity', width: 90, numeric: true, quickEntry: true },
    { field: 'unitOfMeasureCode', label: 'Unit of Measure', width: 80 },
    { field: 'unitPrice', label: 'Unit Price Excl. VAT', width: 110, numeric: true, minimumScale: 2, quickEntry: true },
    { field: 'lineDiscountPercent', label: 'Line Discount %', width: 80, numeric: true, quickEntry: true },
    { field: 'lineAmount', label: 'Line Amount Excl. VAT', width: 120, numeric: true },
    ...shippingColumns(kind),
    ...invoicingColumns(kind),
  ];
}

export const lineTypeCaptions: Readonly<Record<SalesLine['type'], string>> = {
  comment: 'Comment',
  item: 'Item',
  glAccount: 'G/L Account',
};
