/**
 * What one posting of a sales document does (spec §7.3, §7.7, §17.3): whether it ships (receives)
 * and invoices, how much of every line, and how the line's quantities stand afterwards. Pure; the
 * server loads the lines and writes what this decides.
 *
 * As in quantities.ts, on return documents `quantityShipped`/`quantityToShip` hold Return Qty.
 * Received / Return Qty. to Receive.
 */
import { DomainError } from '../errors.ts';
import { type Decimal, ZERO } from '../money/decimal.ts';
import { type DefaultQuantityToShip, type QuantityDocument, defaultQuantitiesToHandle, maxQuantityToInvoice, outstandingQuantity } from './quantities.ts';
import { salesDescriptor } from '../documents/document-descriptors.ts';
import { type QuantityFields, type SalesDocumentType, type SalesLineType } from './types.ts';

export interface PostingRequest {
  /** Ship on orders, Receive on return orders. */
  ship: boolean;
  invoice: boolean;
}

export interface ScopeLine extends QuantityFields {
  lineNo: number;
  type: SalesLineType;
  /** Drop shipment and other non-shipping lines come later; every item and G/L line ships here. */
  inventoryItem: boolean;
  /** An invoice line billing an earlier shipment (Get Shipment Lines): it ships nothing. */
  fromShipment: boolean;
}

export interface LineToPost {
  lineNo: number;
  /** Shipped (received) by this posting. */
  ship: Decimal;
  /** Invoiced by this posting. */
  invoice: Decimal;
  /** The part of `invoice` taken from what this same posting ships; the rest bills earlier shipments. */
  invoiceOfThisShipment: Decimal;
}

export interface PostingScope {
  ship: boolean;
  invoice: boolean;
  lines: LineToPost[];
}

/** Invoices and credit memos ship (receive) and invoice everything in one go. */
export function postsInFull(documentType: SalesDocumentType): boolean {
  return salesDescriptor(documentType).postsInFull;
}

/**
 * Spec §7.3: a requested Ship (Invoice) is dropped when no line has anything to ship (invoice);
 * nothing left → NOTHING_TO_POST. Invoice may only take what is shipped or being shipped.
 */
export function decidePostingScope(
  documentType: SalesDocumentType,
  lines: readonly ScopeLine[],
  request: PostingRequest,
  shippingAdvice: 'partial' | 'complete' = 'partial',
): PostingScope {
  const full = postsInFull(documentType);
  const postable = lines.filter((line) => line.type !== 'comment');
  const toShip = (line: ScopeLine) => (full ? (line.fromShipment ? ZERO : line.quantity) : line.quantityToShip);
  const toInvoice = (line: ScopeLine) => (full ? line.quantity : line.quantityToInvoice);
  const ship = (full || request.ship) && postable.some((line) => !toShip(line).isZero());
  const invoice = (full || request.invoice) && postable.some((line) => !toInvoice(line).isZero());
  if (!ship && !invoice) throw new DomainError('NOTHING_TO_POST', {});
  // Shipping Advice binds what goes out to the customer, not what comes back.
  if (ship && shippingAdvice === 'complete' && salesDescriptor(documentType).direction === 'outbound') assertCompleteShipment(postable);
  const result: LineToPost[] = postable.map((line) => {
    const shipNow = ship ? toShip(line) : ZERO;
    const invoiceNow = invoice ? toInvoice(line) : ZERO;
    if (!full && invoice) {
      const maximum = maxQuantityToInvoice({ ...line, quantityToShip: shipNow });
      if (invoiceNow.abs().greaterThan(maximum.abs())) {
        throw new DomainError('INVOICE_MORE_THAN_SHIPPED', { maximum: maximum.toString(), value: invoiceNow.toString(), lineNo: line.lineNo }, `lines.${line.lineNo}.quantityToInvoice`);
      }
    }
    // BC bills what this posting ships first, then the oldest earlier shipments (Sales-Post).
    const invoiceOfThisShipment = minAbs(invoiceNow, shipNow);
    return { lineNo: line.lineNo, ship: shipNow, invoice: invoiceNow, invoiceOfThisShipment };
  });
  return { ship, invoice, lines: result.filter((line) => !line.ship.isZero() || !line.invoice.isZero()) };
}

// Spec §7.7: with Shipping Advice = Complete every inventory line ships its whole outstanding quantity.
function assertCompleteShipment(lines: readonly ScopeLine[]): void {
  const partial = lines.find((line) => line.inventoryItem && !line.quantityToShip.equals(outstandingQuantity(line)));
  if (partial) throw new DomainError('COMPLETE_SHIPMENT_REQUIRED', { lineNo: partial.lineNo });
}

/** The line's quantities after the posting, with Qty. to Ship and Qty. to Invoice defaulted again (spec §7.5). */
export function quantitiesAfterPosting(
  documentType: QuantityDocument,
  defaultQuantityToShip: DefaultQuantityToShip,
  line: QuantityFields,
  posted: { ship: Decimal; invoice: Decimal },
): QuantityFields {
  const quantityShipped = line.quantityShipped.plus(posted.ship);
  const quantityInvoiced = line.quantityInvoiced.plus(posted.invoice);
  const after = { quantity: line.quantity, quantityShipped, quantityInvoiced, quantityToShip: ZERO, quantityToInvoice: ZERO };
  return { ...after, ...defaultQuantitiesToHandle(documentType, defaultQuantityToShip, after) };
}

/** Spec §7.8: every line shipped and invoiced in full, so the order has nothing left to do. */
export function completelyHandled(lines: readonly QuantityFields[]): boolean {
  return lines.every((line) => line.quantityShipped.equals(line.quantity) && line.quantityInvoiced.equals(line.quantity));
}

function minAbs(a: Decimal, b: Decimal): Decimal {
  return a.abs().lessThan(b.abs()) ? a : b;
}
