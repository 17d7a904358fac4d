import type { DocumentFamily } from '../../core/documents/document-types.ts';
import type { LineHandling } from '../../core/documents/line-handling.ts';
import { dec } from '../../core/money/decimal.ts';
import type { SalesDocument, SalesLine } from '../api/types.ts';
import { assemblesToOrder, type AssemblyDocumentType } from '../assembly/assembly-types.ts';
import type { AnyDocumentKind } from './document-kinds.ts';

/** The price a line is entered at: Unit Price on sales lines, Direct Unit Cost on purchase lines. */
export type PriceField = 'unitPrice' | 'directUnitCost';
type HandlingField = LineHandling['quantityToHandleField'];

/** Fields of a line the grid edits; the rest (VAT, amounts) the server derives. */
export type EditableLineField =
  | 'no' | 'description' | 'locationCode' | 'purchasingCode' | 'quantity' | PriceField | 'lineDiscountPercent' | HandlingField | 'quantityToInvoice'
  | BlanketLinkField | PrepaymentLineField | DeliveryDateField | DeliveryTimeField | 'qtyToAssembleToOrder';
type DecimalLineField = Exclude<EditableLineField, 'no' | 'description' | 'locationCode' | 'purchasingCode' | BlanketLinkField | DeliveryDateField | DeliveryTimeField>;

/** A shipping line's dates (spec §16.1): typed in the locale's format; Planned Shipment Date follows from them. */
export type DeliveryDateField = 'shipmentDate' | 'requestedDeliveryDate' | 'promisedDeliveryDate' | 'plannedDeliveryDate';
/** A shipping line's date formulas (2D, 1W …) that lie between its dates. */
export type DeliveryTimeField = 'shippingTime' | 'outboundWhseHandlingTime';
/** Derived from the other dates: shown, never edited. */
export type PlannedShipmentField = 'plannedShipmentDate';

const deliveryDateFields: readonly string[] = ['shipmentDate', 'requestedDeliveryDate', 'promisedDeliveryDate', 'plannedDeliveryDate'];

export function isDeliveryDateField(field: GridColumn['field']): field is DeliveryDateField {
  return deliveryDateFields.includes(field);
}

/** An order or invoice line's link to the blanket order line it delivers part of (spec §14.1): saved together. */
export type BlanketLinkField = 'blanketOrderNo' | 'blanketOrderLineNo';

/** A sales order line's prepayment (spec §26.3): its Prepayment %, or the amount that sets it, and what its next invoice deducts. */
export type PrepaymentLineField = 'prepaymentPercent' | 'prepmtLineAmount' | 'prepmtAmtToDeduct';
/** What prepayment is invoiced and deducted on a line: shown, never edited. */
export type PrepaymentAmountField = 'prepmtAmtInv' | 'prepmtAmtDeducted';

const decimalLineFields: readonly DecimalLineField[] = [
  'quantity', 'unitPrice', 'directUnitCost', 'lineDiscountPercent', 'quantityToShip', 'returnQuantityToReceive', 'quantityToReceive', 'returnQuantityToShip', 'quantityToInvoice',
  'prepaymentPercent', 'prepmtLineAmount', 'prepmtAmtToDeduct', 'qtyToAssembleToOrder',
];

export function isDecimalLineField(field: EditableLineField): field is DecimalLineField {
  return (decimalLineFields as readonly string[]).includes(field);
}

/** A row of the grid: an existing line by its Line No., or the empty line at the bottom that adds one. */
export type LineKey = number | 'new';

/** Quantities posting has handled, and what is left to ship of a blanket order line: shown, never edited. */
export type PostedQuantityField = LineHandling['quantityHandledField'] | 'quantityInvoiced' | 'outstandingQuantity';

const postedQuantityFields: readonly PostedQuantityField[] = [
  'quantityShipped', 'returnQuantityReceived', 'quantityReceived', 'returnQuantityShipped', 'quantityInvoiced', 'outstandingQuantity',
];

export function isPostedQuantityField(field: GridColumn['field']): field is PostedQuantityField {
  return (postedQuantityFields as readonly string[]).includes(field);
}

type SharedLineField =
  | 'lineNo' | 'type' | 'no' | 'description' | 'locationCode' | 'unitOfMeasureCode' | 'quantity' | 'quantityToInvoice' | 'quantityInvoiced' | 'lineDiscountPercent'
  | 'lineDiscountAmount' | 'lineAmount' | 'invoiceDiscountAmount' | 'allowInvoiceDiscount' | 'vatPercent' | 'vatIdentifier' | 'vatCalculationType';
type SalesOnlyLineField =
  | 'documentNo' | 'purchasingCode' | 'dropShipment' | 'specialOrder' | 'purchaseOrderNo' | 'specialOrderPurchaseNo' | 'blanketOrderNo' | 'blanketOrderLineNo'
  | PrepaymentLineField | PrepaymentAmountField | 'qtyToAssembleToOrder';

/** A purchase line's sales order, when it buys a drop shipment (special order) for it. */
type PurchaseOnlyLineField = 'salesOrderNo' | 'specialOrderSalesNo';

/**
 * A line as the grid reads it, of either family: the fields both carry, and the family's own price
 * and handling quantities (a sales line has unitPrice and quantityToShip, a purchase line directUnitCost and quantityToReceive).
 */
export type GridLine = Pick<SalesLine, SharedLineField> & Partial<Pick<SalesLine, SalesOnlyLineField>>
  & Partial<Record<PriceField | HandlingField | LineHandling['quantityHandledField'], string>> & Partial<Record<PurchaseOnlyLineField, string | null>>
  & Partial<Record<DeliveryDateField | DeliveryTimeField | PlannedShipmentField, string | null>>;

/** A document as the grid reads it. */
export interface GridDocument {
  status: string;
  pricesIncludingVat: boolean;
  lines: readonly GridLine[];
  /** Sales documents warn of stockouts per line. */
  warnings?: SalesDocument['warnings'];
}

/** A decimal field of a line; the other family's fields (absent) read as 0. */
export function decimalOf(line: GridLine, field: DecimalLineField | PostedQuantityField): string {
  // Quantity − Quantity Shipped, as the server reckons a blanket order line's Outstanding Quantity.
  if (field === 'outstandingQuantity') return dec(line.quantity).minus(dec(line.quantityShipped ?? '0')).toFixed(5);
  return line[field] ?? '0';
}

export interface GridColumn {
  field: EditableLineField | PostedQuantityField | PrepaymentAmountField | PlannedShipmentField | 'type' | 'unitOfMeasureCode' | 'lineAmount' | 'linkedDocuments' | 'assembleToOrderLines';
  label: string;
  width: number;
  numeric?: boolean;
  /** Digits always shown after the decimal sign (unit prices 2, quantities none). */
  minimumScale?: number;
  /** Enter visits quick-entry cells only (BC's QuickEntry); Tab visits every cell. */
  quickEntry?: boolean;
  /** Shipping quantities stay editable on a released document, as in BC. */
  editableWhenReleased?: boolean;
  /** Less used columns (BC's hidden ones): shown once chosen in the column chooser. */
  hiddenByDefault?: boolean;
  /** Assemble-to-Order Lines: the kind of assembly document the line's button opens (the row knows no document type). */
  assemblyDocumentType?: AssemblyDocumentType;
}

function shippingColumns(kind: AnyDocumentKind): GridColumn[] {
  if (!kind.shippingField) return [];
  const handling = kind.lineHandling;
  return [
    { field: kind.shippingField, label: handling.quantityToHandleCaption, width: 90, numeric: true, quickEntry: true, editableWhenReleased: true },
    { field: handling.quantityHandledField, label: handling.quantityHandledCaption, width: 90, numeric: true },
  ];
}

function invoicingColumns(kind: AnyDocumentKind): GridColumn[] {
  if (!kind.partialInvoicing) return [];
  return [
    { field: 'quantityToInvoice', label: 'Qty. to Invoice', width: 90, numeric: true, quickEntry: true, editableWhenReleased: true },
    { field: 'quantityInvoiced', label: 'Quantity Invoiced', width: 90, numeric: true },
  ];
}

const priceColumns: Readonly<Record<DocumentFamily, GridColumn & { field: PriceField }>> = {
  sales: { field: 'unitPrice', label: 'Unit Price Excl. VAT', width: 110, numeric: true, minimumScale: 2, quickEntry: true },
  purchase: { field: 'directUnitCost', label: 'Direct Unit Cost Excl. VAT', width: 110, numeric: true, minimumScale: 2, quickEntry: true },
};

export function priceColumnOf(family: DocumentFamily): GridColumn & { field: PriceField } {
  return priceColumns[family];
}

export function priceFieldOf(family: DocumentFamily): PriceField {
  return priceColumns[family].field;
}

/**
 * `blanketLinks`: order and invoice lines show their link to a blanket order line; `prepayment`:
 * order (quote) lines show their prepayment (each the grid's switch).
 */
export function gridColumns(kind: AnyDocumentKind, options: { blanketLinks?: boolean; prepayment?: boolean } = {}): GridColumn[] {
  return [
    { field: 'type', label: 'Type', width: 120 },
    { field: 'no', label: 'No.', width: 110, quickEntry: true },
    { field: 'description', label: 'Description', width: 260 },
    { field: 'locationCode', label: 'Location Code', width: 90 },
    // Orders only (BC): a drop shipment or special order is bought for the customer (spec §15.1–15.2).
    ...(kind.family === 'sales' && kind.type === 'order' ? [{ field: 'purchasingCode', label: 'Purchasing Code', width: 110 } as const] : []),
    { field: 'quantity', label: 'Quantity', width: 90, numeric: true, quickEntry: true },
    { field: 'unitOfMeasureCode', label: 'Unit of Measure', width: 80 },
    ...assembleToOrderColumnsOf(kind),
    priceColumns[kind.family],
    { field: 'lineDiscountPercent', label: 'Line Discount %', width: 80, numeric: true, quickEntry: true },
    { field: 'lineAmount', label: 'Line Amount Excl. VAT', width: 120, numeric: true },
    ...shippingColumns(kind),
    ...invoicingColumns(kind),
    ...deliveryDateColumnsOf(kind),
    ...(kind.family === 'sales' && kind.type === 'blanketOrder' ? blanketOrderColumns : []),
    ...(options.blanketLinks && linksToBlanketOrders(kind) ? blanketLinkColumns : []),
    ...(options.prepayment ? prepaymentColumnsOf(kind) : []),
  ];
}

/** Quotes, orders and blanket orders assemble a line's item to order (spec §15.3): how much, and its components. */
function assembleToOrderColumnsOf(kind: AnyDocumentKind): GridColumn[] {
  if (kind.family !== 'sales' || !assemblesToOrder(kind.type)) return [];
  return [
    { field: 'qtyToAssembleToOrder', label: 'Qty. to Assemble to Order', width: 100, numeric: true },
    { field: 'assembleToOrderLines', label: 'Assemble-to-Order Lines', width: 130, assemblyDocumentType: kind.type },
  ];
}

/**
 * The delivery dates of a line that ships out (spec §16.1), after BC's sales order subform: all
 * hidden until chosen, so the grid a user knows keeps its columns. Before the switched-on columns
 * (blanket links, prepayment), which come last. The dates stay editable on a released order, as the
 * server allows (spec §3.4).
 */
export function deliveryDateColumnsOf(kind: AnyDocumentKind): GridColumn[] {
  if (kind.family !== 'sales' || kind.direction !== 'outbound' || kind.type === 'blanketOrder') return [];
  const date = (field: DeliveryDateField, label: string): GridColumn => ({ field, label, width: 120, hiddenByDefault: true, editableWhenReleased: true });
  return [
    date('requestedDeliveryDate', 'Requested Delivery Date'),
    date('promisedDeliveryDate', 'Promised Delivery Date'),
    date('shipmentDate', 'Shipment Date'),
    { field: 'plannedShipmentDate', label: 'Planned Shipment Date', width: 120, hiddenByDefault: true },
    date('plannedDeliveryDate', 'Planned Delivery Date'),
    { field: 'shippingTime', label: 'Shipping Time', width: 90, hiddenByDefault: true },
    { field: 'outboundWhseHandlingTime', label: 'Outbound Whse. Handling Time', width: 110, hiddenByDefault: true },
  ];
}

/**
 * The prepayment columns (spec §26.3): an order line's Prepayment %, Prepmt. Line Amount (typing it
 * sets the %), what is invoiced, what the next invoice deducts (editable when released, like the
 * quantities to ship) and what is deducted; a quote line carries only its percentage.
 */
export function prepaymentColumnsOf(kind: AnyDocumentKind): GridColumn[] {
  if (kind.family !== 'sales' || (kind.type !== 'order' && kind.type !== 'quote')) return [];
  const percent: GridColumn = { field: 'prepaymentPercent', label: 'Prepayment %', width: 90, numeric: true };
  if (kind.type === 'quote') return [percent];
  return [
    percent,
    { field: 'prepmtLineAmount', label: 'Prepmt. Line Amount', width: 110, numeric: true, minimumScale: 2 },
    { field: 'prepmtAmtInv', label: 'Prepmt. Amt. Inv.', width: 110, numeric: true },
    { field: 'prepmtAmtToDeduct', label: 'Prepmt Amt to Deduct', width: 110, numeric: true, minimumScale: 2, editableWhenReleased: true },
    { field: 'prepmtAmtDeducted', label: 'Prepmt Amt Deducted', width: 110, numeric: true },
  ];
}

export function isPrepaymentAmountField(field: GridColumn['field']): field is PrepaymentAmountField {
  return field === 'prepmtAmtInv' || field === 'prepmtAmtDeducted';
}

export const lineTypeCaptions: Readonly<Record<SalesLine['type'], string>> = {
  comment: 'Comment',
  item: 'Item',
  glAccount: 'G/L Account',
};

/*
 * The lines grid's columns for blanket sales orders (spec §14): a blanket line's Qty. to Ship (what
 * Make Order takes), what its orders have shipped and invoiced, what is left, and its linked
 * documents; and on order and invoice lines, the blanket order line they deliver part of.
 */
export const blanketOrderColumns: readonly GridColumn[] = [
  // Blanket orders never post: Qty. to Ship is what the next Make Order takes, editable when released as on an order.
  { field: 'quantityToShip', label: 'Qty. to Ship', width: 90, numeric: true, quickEntry: true, editableWhenReleased: true },
  { field: 'quantityShipped', label: 'Quantity Shipped', width: 90, numeric: true },
  { field: 'quantityInvoiced', label: 'Quantity Invoiced', width: 90, numeric: true },
  { field: 'outstandingQuantity', label: 'Outstanding Quantity', width: 100, numeric: true },
  { field: 'linkedDocuments', label: 'Linked Documents', width: 90 },
];

export const blanketLinkColumns: readonly GridColumn[] = [
  { field: 'blanketOrderNo', label: 'Blanket Order No.', width: 130 },
  { field: 'blanketOrderLineNo', label: 'Blanket Order Line No.', width: 110 },
];

/** The documents whose lines the web links to blanket order lines by hand: orders and invoices. */
export function linksToBlanketOrders(kind: AnyDocumentKind): boolean {
  return kind.family === 'sales' && (kind.type === 'order' || kind.type === 'invoice');
}
