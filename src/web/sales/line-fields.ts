import type { SalesLine } from '../api/types.ts';
import type { DocumentKind } from './document-kinds.ts';

/** Fields of a line the grid edits; the rest (VAT, amounts) the server derives. */
export type EditableLineField = 'no' | 'description' | 'quantity' | 'unitPrice' | 'lineDiscountPercent' | 'quantityToShip' | 'returnQuantityToReceive' | 'quantityToInvoice';
type DecimalLineField = Exclude<EditableLineField, 'no' | 'description'>;

const decimalLineFields: readonly DecimalLineField[] = ['quantity', 'unitPrice', 'lineDiscountPercent', 'quantityToShip', 'returnQuantityToReceive', 'quantityToInvoice'];

export function isDecimalLineField(field: EditableLineField): field is DecimalLineField {
  return (decimalLineFields as readonly string[]).includes(field);
}

/** A row of the grid: an existing line by its Line No., or the empty line at the bottom that adds one. */
export type LineKey = number | 'new';

export interface GridColumn {
  field: EditableLineField | 'type' | 'unitOfMeasureCode' | 'lineAmount';
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

export function gridColumns(kind: DocumentKind): GridColumn[] {
  return [
    { field: 'type', label: 'Type', width: 120 },
    { field: 'no', label: 'No.', width: 110, quickEntry: true },
    { field: 'description', label: 'Description', width: 260 },
    { field: 'quantity', label: 'Quantity', width: 90, numeric: true, quickEntry: true },
    { field: 'unitOfMeasureCode', label: 'Unit of Measure', width: 80 },
    { field: 'unitPrice', label: 'Unit Price Excl. VAT', width: 110, numeric: true, minimumScale: 2, quickEntry: true },
    { field: 'lineDiscountPercent', label: 'Line Discount %', width: 80, numeric: true, quickEntry: true },
    { field: 'lineAmount', label: 'Line Amount Excl. VAT', width: 120, numeric: true },
    ...(kind.shippingField
      ? [{ field: kind.shippingField, label: kind.type === 'returnOrder' ? 'Return Qty. to Receive' : 'Qty. to Ship', width: 90, numeric: true, quickEntry: true, editableWhenReleased: true }]
      : []),
    ...(kind.partialInvoicing ? [{ field: 'quantityToInvoice' as const, label: 'Qty. to Invoice', width: 90, numeric: true, quickEntry: true, editableWhenReleased: true }] : []),
  ];
}

export const lineTypeCaptions: Readonly<Record<SalesLine['type'], string>> = {
  comment: 'Comment',
  item: 'Item',
  glAccount: 'G/L Account',
};
