/**
 * Quantity bookkeeping on a sales line (spec §4.1; BC Sales Line: InitOutstanding, InitQtyToShip,
 * InitQtyToReceive, MaxQtyToInvoice and the OnValidate triggers of Quantity, Qty. to Ship and
 * Qty. to Invoice).
 *
 * On return documents (credit memo, return order) `quantityShipped` and `quantityToShip` hold
 * Return Qty. Received and Return Qty. to Receive; the formulas are the same.
 */
import { DomainError } from '../errors.ts';
import { type Decimal, ZERO } from '../money/decimal.ts';
import { roundQuantity } from '../money/rounding.ts';
import { type DocumentDescriptor, salesDescriptor } from '../documents/document-descriptors.ts';
import type { QuantityFields, SalesDocumentType } from './types.ts';

/** A sales document type, or the descriptor of any document type (purchase lines keep the same books). */
export type QuantityDocument = SalesDocumentType | DocumentDescriptor;

const describe = (document: QuantityDocument): DocumentDescriptor => (typeof document === 'string' ? salesDescriptor(document) : document);

export type DefaultQuantityToShip = 'remainder' | 'blank';

/** Quantity − Quantity Shipped (or − Return Qty. Received). */
export function outstandingQuantity(q: QuantityFields): Decimal {
  return q.quantity.minus(q.quantityShipped);
}

/** Qty. Shipped Not Invoiced / Return Qty. Rcd. Not Invd. */
export function quantityShippedNotInvoiced(q: QuantityFields): Decimal {
  return q.quantityShipped.minus(q.quantityInvoiced);
}

/** What may be invoiced in the next posting: shipped earlier or being shipped now, not yet invoiced. */
export function maxQuantityToInvoice(q: QuantityFields): Decimal {
  return q.quantityShipped.plus(q.quantityToShip).minus(q.quantityInvoiced);
}

export function completelyShipped(q: QuantityFields): boolean {
  return !q.quantity.isZero() && outstandingQuantity(q).isZero();
}

/** Quantity (Base) = Quantity × Qty. per Unit of Measure, to 0.00001. */
export function quantityBase(quantity: Decimal, quantityPerUnitOfMeasure: Decimal): Decimal {
  return roundQuantity(quantity.times(quantityPerUnitOfMeasure));
}

/**
 * Qty. to Ship and Qty. to Invoice after Quantity is entered or after a posting: the outstanding
 * quantity (or 0 with Default Quantity to Ship = Blank), then Qty. to Invoice := MaxQtyToInvoice.
 * Invoices and credit memos are posted in full, so both always equal Quantity there.
 */
export function defaultQuantitiesToHandle(
  documentType: QuantityDocument,
  defaultQuantityToShip: DefaultQuantityToShip,
  q: QuantityFields,
): { quantityToShip: Decimal; quantityToInvoice: Decimal } {
  if (postedInFull(documentType)) return { quantityToShip: q.quantity, quantityToInvoice: q.quantity };
  const quantityToShip = defaultQuantityToShip === 'remainder' ? outstandingQuantity(q) : ZERO;
  return { quantityToShip, quantityToInvoice: maxQuantityToInvoice({ ...q, quantityToShip }) };
}

/** What one request typed: whether Quantity (or what it derives from) changed, and the quantities to handle sent. */
export interface EnteredQuantities {
  quantityChanged: boolean;
  quantityToShip?: Decimal;
  quantityToInvoice?: Decimal;
}

/**
 * Qty. to Ship and Qty. to Invoice after a request that may set Quantity, Qty. to Ship and Qty. to
 * Invoice together: as if they were entered one after the other, in that order. Quantity resets
 * both to their defaults; Qty. to Ship then re-defaults Qty. to Invoice to MaxQtyToInvoice; a typed
 * Qty. to Invoice stands last (and is validated, not adjusted).
 */
export function quantitiesToHandleAfterEntry(
  documentType: QuantityDocument,
  defaultQuantityToShip: DefaultQuantityToShip,
  q: QuantityFields,
  entered: EnteredQuantities,
): { quantityToShip: Decimal; quantityToInvoice: Decimal } {
  let { quantityToShip, quantityToInvoice } = entered.quantityChanged ? defaultQuantitiesToHandle(documentType, defaultQuantityToShip, q) : q;
  if (entered.quantityToShip !== undefined) {
    quantityToShip = entered.quantityToShip;
    quantityToInvoice = maxQuantityToInvoice({ ...q, quantityToShip });
  }
  if (entered.quantityToInvoice !== undefined) quantityToInvoice = entered.quantityToInvoice;
  return { quantityToShip, quantityToInvoice };
}

/** The posted shipment (or return receipt) line an invoice (credit memo) line bills, as the user knows it. */
export interface HandledLineLink {
  kind: 'shipment' | 'returnReceipt';
  documentNo: string;
  /** 1-based position among the posted document's lines, as its page lists them. */
  position: number;
  no: string;
  description: string;
  /** Qty. Shipped Not Invoiced (Return Qty. Rcd. Not Invd.) of the posted line, other invoices aside. */
  quantityNotInvoiced: Decimal;
}

/**
 * A line that came from a posted shipment (return receipt) bills part of it: its Quantity may be
 * lowered but keeps the shipment's sign and never exceeds what the shipment line has left to
 * invoice (BC Sales Line CheckShipmentRelation / CheckRetRcptRelation).
 */
export function checkQuantityAgainstHandledLine(quantity: Decimal, link: HandledLineLink): void {
  const what = link.kind === 'shipment' ? 'shipment' : 'return receipt';
  const where = `line ${link.position} of ${what} ${link.documentNo} (${link.no}${link.description ? ` ${link.description}` : ''})`;
  if (opposite(quantity, link.quantityNotInvoiced)) {
    throw new DomainError('SHIPMENT_ALREADY_INVOICED', {
      detail: `Quantity (${quantity.toString()}) must have the same sign as ${where}`, shipmentNo: link.documentNo, position: link.position,
    }, 'quantity');
  }
  if (quantity.abs().greaterThan(link.quantityNotInvoiced.abs())) {
    const verb = link.kind === 'shipment' ? 'invoice' : 'credit';
    const left = link.kind === 'shipment' ? 'shipped and not yet invoiced' : 'received and not yet credited';
    throw new DomainError('SHIPMENT_ALREADY_INVOICED', {
      detail: `You cannot ${verb} more than ${link.quantityNotInvoiced.toString()} units from ${where}: that is its quantity ${left} (Quantity is ${quantity.toString()})`,
      shipmentNo: link.documentNo, position: link.position, maximum: link.quantityNotInvoiced.toString(),
    }, 'quantity');
  }
}

/**
 * Refuses quantities a posting could not honour, naming the field. `previous` is the line as
 * stored: when given, the fields the user changed are checked first, so the error names the field
 * that was typed rather than one that merely became inconsistent with it.
 */
export function validateQuantities(documentType: QuantityDocument, q: QuantityFields, previous?: QuantityFields): void {
  const checks: Array<{ field: keyof QuantityFields; check: () => void }> = [
    { field: 'quantity', check: () => checkQuantity(documentType, q, previous) },
    { field: 'quantityToShip', check: () => checkQuantityToShip(documentType, q) },
    { field: 'quantityToInvoice', check: () => checkQuantityToInvoice(documentType, q) },
  ];
  const changedFirst = previous
    ? [...checks.filter(({ field }) => !q[field].equals(previous[field])), ...checks.filter(({ field }) => q[field].equals(previous[field]))]
    : checks;
  for (const { check } of changedFirst) check();
}

function checkQuantity(documentType: QuantityDocument, q: QuantityFields, previous: QuantityFields | undefined): void {
  // BC: Quantity may neither drop below what was shipped nor change sign once something was shipped.
  const signChanged = previous !== undefined && !previous.quantityShipped.isZero() && opposite(previous.quantity, q.quantity);
  if (opposite(q.quantity, q.quantityShipped) || q.quantity.abs().lessThan(q.quantityShipped.abs()) || signChanged) {
    throw new DomainError('QUANTITY_BELOW_SHIPPED', {
      quantity: q.quantity.toString(),
      quantityShipped: q.quantityShipped.toString(),
      shippedVerb: describe(documentType).lineHandling.pastVerb,
    }, 'quantity');
  }
}

function checkQuantityToShip(documentType: QuantityDocument, q: QuantityFields): void {
  const handling = describe(documentType).lineHandling;
  const fieldCaption = handling.quantityToHandleCaption;
  if (postedInFull(documentType)) {
    mustEqualQuantity(documentType, q, 'quantityToShip', fieldCaption);
    return;
  }
  if (opposite(q.quantityToShip, q.quantity)) {
    throw signMismatch(documentType, q, 'quantityToShip', fieldCaption);
  }
  const outstanding = outstandingQuantity(q);
  if (q.quantityToShip.abs().greaterThan(outstanding.abs()) || opposite(q.quantityToShip, outstanding)) {
    throw new DomainError(handling.overHandlingErrorCode, {
      verb: handling.verb,
      maximum: outstanding.toString(),
      fieldCaption,
      value: q.quantityToShip.toString(),
    }, handling.quantityToHandleField);
  }
}

function checkQuantityToInvoice(documentType: QuantityDocument, q: QuantityFields): void {
  if (postedInFull(documentType)) {
    mustEqualQuantity(documentType, q, 'quantityToInvoice', 'Qty. to Invoice');
    return;
  }
  if (opposite(q.quantityToInvoice, q.quantity)) throw signMismatch(documentType, q, 'quantityToInvoice', 'Qty. to Invoice');
  const maximum = maxQuantityToInvoice(q);
  if (q.quantityToInvoice.abs().greaterThan(maximum.abs()) || opposite(q.quantityToInvoice, maximum)) {
    throw new DomainError('INVOICE_MORE_THAN_SHIPPED', {
      maximum: maximum.toString(),
      value: q.quantityToInvoice.toString(),
    }, 'quantityToInvoice');
  }
}

function mustEqualQuantity(
  documentType: QuantityDocument,
  q: QuantityFields,
  field: 'quantityToShip' | 'quantityToInvoice',
  fieldCaption: string,
): void {
  if (q[field].equals(q.quantity)) return;
  throw new DomainError('QUANTITY_CHANGE_ON_INVOICE', {
    fieldCaption,
    quantity: q.quantity.toString(),
    value: q[field].toString(),
    documentTypeCaption: describe(documentType).caption.toLowerCase(),
  }, field);
}

/** The catalogue (spec §24) files a wrong sign under the same key as too much of that quantity. */
function signMismatch(documentType: QuantityDocument, q: QuantityFields, field: 'quantityToShip' | 'quantityToInvoice', fieldCaption: string): DomainError {
  const handling = describe(documentType).lineHandling;
  const code = field === 'quantityToInvoice' ? 'INVOICE_MORE_THAN_SHIPPED' : handling.overHandlingErrorCode;
  const message = `${fieldCaption} (${q[field].toString()}) must have the same sign as Quantity (${q.quantity.toString()})`;
  // On return documents the API calls Qty. to Ship by its own name.
  return new DomainError(code, { verb: 'handle', maximum: message, fieldCaption, value: q[field].toString(), detail: message },
    field === 'quantityToShip' ? handling.quantityToHandleField : field);
}

function postedInFull(documentType: QuantityDocument): boolean {
  return describe(documentType).postsInFull;
}

/** Both non-zero and of different sign (zero has no sign to disagree with). */
function opposite(a: Decimal, b: Decimal): boolean {
  return (a.lessThan(0) && b.greaterThan(0)) || (a.greaterThan(0) && b.lessThan(0));
}
