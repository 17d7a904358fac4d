/**
 * A sales order line bought for the customer (spec §15.1–15.2): its Purchasing Code makes it a
 * drop shipment or a special order (BC: item lines of orders only; the item's own Purchasing Code
 * is the default), and once the line is linked to a purchase order line, what the purchase was
 * made for (item, unit, quantity, purchasing code) stays as it is.
 */
import { eq } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { purchasing } from '../db/schema/index.ts';
import type { SalesHeaderRow, SalesLineRow } from './sales-document.types.ts';

type LineValues = Partial<SalesLineRow> & Pick<SalesLineRow, 'type'>;

/** The purchase order line a sales line is linked to, if any. */
export function purchaseLinkOf(line: SalesLineRow): { kind: string; purchaseOrderNo: string; purchaseLineNo: number } | null {
  if (line.purchaseOrderNo && line.purchaseOrderLineNo !== null) {
    return { kind: 'drop shipment', purchaseOrderNo: line.purchaseOrderNo, purchaseLineNo: line.purchaseOrderLineNo };
  }
  if (line.specialOrderPurchaseNo && line.specialOrderPurchaseLineNo !== null) {
    return { kind: 'special order', purchaseOrderNo: line.specialOrderPurchaseNo, purchaseLineNo: line.specialOrderPurchaseLineNo };
  }
  return null;
}

/** BC: a line associated with a purchase order line cannot be deleted (nor its document) until that purchase line is. */
export function assertNoPurchaseLinks(lines: readonly SalesLineRow[]): void {
  for (const line of lines) {
    const link = purchaseLinkOf(line);
    if (link) throw new DomainError('SALES_LINE_LINKED_TO_PURCHASE_DELETE', { lineNo: line.lineNo, ...link }, `lines.${line.lineNo}`);
  }
}

const fixedWhileLinked = [['type', 'Type'], ['no', 'No.'], ['unitOfMeasureCode', 'Unit of Measure Code'], ['purchasingCode', 'Purchasing Code']] as const;

/** BC refuses changing a linked line's item, unit, quantity or purchasing code (the purchase was made for them). */
export function checkPurchaseLink(input: Partial<SalesLineRow>, previous: SalesLineRow): void {
  const link = purchaseLinkOf(previous);
  if (!link) return;
  const refuse = (field: string, fieldCaption: string) => {
    throw new DomainError('SALES_LINE_LINKED_TO_PURCHASE', { fieldCaption, lineNo: previous.lineNo, ...link }, field);
  };
  for (const [field, caption] of fixedWhileLinked) {
    if (input[field] !== undefined && (input[field] ?? null) !== (previous[field] ?? null)) refuse(field, caption);
  }
  if (input.quantity !== undefined && !dec(input.quantity).eq(dec(previous.quantity))) refuse('quantity', 'Quantity');
}

/**
 * Sets Purchasing Code, Drop Shipment and Special Order: from the input, or on a new item the item's
 * own code (orders only); a line without a code is neither.
 */
export async function fillPurchasing(
  tx: Executor, header: SalesHeaderRow, values: LineValues, input: Partial<SalesLineRow>, itemPurchasingCode: string | null | undefined,
): Promise<void> {
  const requested = input.purchasingCode !== undefined ? input.purchasingCode : itemPurchasingCode;
  if (requested === undefined) return;
  const code = requested || null;
  if (code === null) {
    Object.assign(values, { purchasingCode: null, dropShipment: false, specialOrder: false });
    return;
  }
  if (input.purchasingCode === undefined && header.documentType !== 'order') return;
  if (header.documentType !== 'order' || values.type !== 'item') {
    const where = header.documentType !== 'order' ? `a sales ${header.documentType} line` : `a line of type ${values.type}`;
    throw new DomainError('PURCHASING_CODE_NOT_ALLOWED', { where }, 'purchasingCode');
  }
  const [row] = await tx.select().from(purchasing).where(eq(purchasing.code, code));
  if (!row) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Purchasing', value: code, field: 'purchasingCode' }, 'purchasingCode');
  Object.assign(values, { purchasingCode: code, dropShipment: row.dropShipment, specialOrder: row.specialOrder });
}
