/**
 * Posting lines linked to a blanket order (spec §14.3; BC Sales-Post UpdateBlanketOrderLine, and
 * Undo Sales Shipment Line's UpdateBlanketOrder): the blanket lines' Quantity Shipped and Quantity
 * Invoiced follow what the linked lines post, in the posting's transaction. Planned (and refused)
 * while the posting is checked; written when it finishes its source.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec, type Decimal } from '../../core/money/decimal.ts';
import { type LinkedPosting, blanketLineAfterPosting, quantityOnOrdersBase } from '../../core/sales/blanket-order.ts';
import type { LinkedLine } from '../../core/sales/blanket-order.ts';
import type { Executor } from '../db/connection.ts';
import { salesHeader, salesLine } from '../db/schema/index.ts';
import type { SalesLineRow } from './sales-document.types.ts';
import { asBlanketLine, asLinkedLine } from './sales-line.blanket.ts';
import { type LineQuantityUpdate, updateLineQuantities } from './sales-line.quantities.ts';

/** One linked line's part in a posting: what it ships and invoices now, in its own unit. */
export interface BlanketLinePart {
  line: Pick<SalesLineRow, 'documentType' | 'documentNo' | 'lineNo' | 'type' | 'no' | 'quantity' | 'quantityShipped' | 'quantityPerUnitOfMeasure' | 'blanketOrderNo' | 'blanketOrderLineNo'>;
  ship: Decimal;
  invoice: Decimal;
}

/** The posting (or undo) as the blanket lines see it. */
export interface BlanketPostingSource {
  caption: string;
  no: string;
  sellToCustomerNo: string;
  sign: 1 | -1;
  /** A linked line as it will stand after this posting, for what the orders still hold; null when the posting removes it. */
  linkedAfter: (row: SalesLineRow) => LinkedLine | null;
  /** Undo Shipment leaves the blanket's Qty. to Ship as it is (BC UpdateBlanketOrder), but for the cap. */
  keepsQuantityToShip?: boolean;
}

/**
 * The blanket lines' new quantities. Locks the blanket lines, checks that the posting keeps them
 * whole (BLANKET_SHIPPED_EXCEEDED, BLANKET_LINE_MISMATCH) and answers the updates to write. A link to
 * a blanket line that no longer exists is passed over, as BC does.
 */
export async function planBlanketOrderLines(tx: Executor, source: BlanketPostingSource, parts: readonly BlanketLinePart[]): Promise<LineQuantityUpdate[]> {
  const linked = parts.filter((part) => part.line.blanketOrderNo && (!part.ship.isZero() || !part.invoice.isZero()));
  if (linked.length === 0) return [];
  const nos = [...new Set(linked.map((part) => part.line.blanketOrderNo!))];
  const blanketLines = await tx.select().from(salesLine)
    .where(and(eq(salesLine.documentType, 'blanketOrder'), inArray(salesLine.documentNo, nos))).for('update');
  const headers = await tx.select({ no: salesHeader.no, sellToCustomerNo: salesHeader.sellToCustomerNo }).from(salesHeader)
    .where(and(eq(salesHeader.documentType, 'blanketOrder'), inArray(salesHeader.no, nos)));
  const linkedRows = await tx.select().from(salesLine).where(and(inArray(salesLine.blanketOrderNo, nos), sql`${salesLine.documentType} <> 'blanketOrder'`));
  const updates: LineQuantityUpdate[] = [];
  for (const blanket of blanketLines) {
    const own = linked.filter((part) => part.line.blanketOrderNo === blanket.documentNo && part.line.blanketOrderLineNo === blanket.lineNo);
    if (own.length === 0) continue;
    const sellTo = headers.find((header) => header.no === blanket.documentNo)?.sellToCustomerNo;
    if (sellTo !== source.sellToCustomerNo) {
      throw new DomainError('BLANKET_LINE_MISMATCH', {
        blanketOrderNo: blanket.documentNo, blanketOrderLineNo: blanket.lineNo, fieldCaption: 'Sell-to Customer No.', value: source.sellToCustomerNo, expected: sellTo ?? '',
      }, 'sellToCustomerNo');
    }
    const onOrdersAfter = quantityOnOrdersBase(linkedRows
      .filter((row) => row.blanketOrderNo === blanket.documentNo && row.blanketOrderLineNo === blanket.lineNo)
      .flatMap((row) => source.linkedAfter(row) ?? []));
    const after = blanketLineAfterPosting(asBlanketLine(blanket), own.map((part) => linkedPosting(source, part)), onOrdersAfter);
    updates.push({ documentType: 'blanketOrder', documentNo: blanket.documentNo, lineNo: blanket.lineNo, after, returns: false });
  }
  return updates;
}

function linkedPosting(source: BlanketPostingSource, part: BlanketLinePart): LinkedPosting {
  const quantity = dec(part.line.quantity);
  const shipped = dec(part.line.quantityShipped);
  return {
    documentCaption: source.caption, documentNo: source.no, type: part.line.type, no: part.line.no, sign: source.sign,
    ship: part.ship, invoice: part.invoice, quantityPerUnitOfMeasure: dec(part.line.quantityPerUnitOfMeasure),
    // BC: only the first shipment, or invoicing what was shipped in full, defaults the blanket's Qty. to Ship again.
    resetsQuantityToShip: !source.keepsQuantityToShip && (shipped.isZero() || shipped.equals(quantity)),
  };
}

/** Writes the blanket lines' new quantities and marks their blanket orders changed. */
export async function writeBlanketOrderLines(tx: Executor, updates: readonly LineQuantityUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  await updateLineQuantities(tx, updates);
  await tx.update(salesHeader).set({ version: sql`${salesHeader.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(salesHeader.documentType, 'blanketOrder'), inArray(salesHeader.no, [...new Set(updates.map((update) => update.documentNo))])));
}

/** A linked line as it stands after posting `parts` of its document (`removed`: the posting deletes the document). */
export function linkedAfterPosting(document: { documentType: string; no: string }, parts: readonly BlanketLinePart[], removed: boolean) {
  return (row: SalesLineRow): LinkedLine | null => {
    if (row.documentType !== document.documentType || row.documentNo !== document.no) return asLinkedLine(row);
    if (removed) return null;
    const part = parts.find((candidate) => candidate.line.lineNo === row.lineNo);
    const linked = asLinkedLine(row);
    return part ? { ...linked, quantityHandled: linked.quantityHandled.plus(part.ship) } : linked;
  };
}

/** Undo Shipment (spec §7.10): the undone quantity comes off the blanket lines' Quantity Shipped. Call after the order lines are updated. */
export async function undoBlanketShipments(
  tx: Executor, shipment: { no: string; sellToCustomerNo: string }, undone: ReadonlyArray<{ orderLine: SalesLineRow; quantity: Decimal }>,
): Promise<void> {
  const updates = await planBlanketOrderLines(tx, {
    caption: 'undo of shipment', no: shipment.no, sellToCustomerNo: shipment.sellToCustomerNo, sign: 1, linkedAfter: asLinkedLine, keepsQuantityToShip: true,
  }, undone.map(({ orderLine, quantity }) => ({ line: orderLine, ship: quantity.negated(), invoice: dec('0') })));
  await writeBlanketOrderLines(tx, updates);
}
