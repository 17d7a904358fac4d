/**
 * Qty. to Assemble to Order on a sales line (spec §15.3): an Assemble-to-Order item on a quote,
 * order or blanket order line is assembled to order in full, and follows its Quantity; any item's
 * line may take a typed quantity (assemble the missing part to order). Not on other documents,
 * drop shipments or special orders. The linked assembly document follows (assemble-to-order.sync.ts).
 */
import { checkQuantityToAssembleToOrder } from '../../core/assembly/assembly-order.ts';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import type { ItemRow } from '../documents/line-sources.ts';
import type { SalesHeaderRow, SalesLineRow } from './sales-document.types.ts';

type LineValues = Partial<SalesLineRow> & Pick<SalesLineRow, 'type'>;

const assemblingDocumentTypes = new Set(['quote', 'order', 'blanketOrder']);

/** Why the line cannot be assembled to order, or null when it can. */
function notAssemblable(header: SalesHeaderRow, values: LineValues): string | null {
  if (!assemblingDocumentTypes.has(header.documentType)) return `a sales ${header.documentType} is not assembled to order (quotes, orders and blanket orders are)`;
  if (values.type !== 'item') return `a line of type ${values.type} has no item to assemble`;
  if (values.dropShipment) return 'it is a drop shipment';
  if (values.specialOrder) return 'it is a special order';
  return null;
}

export function fillAssembleToOrder(
  header: SalesHeaderRow, values: LineValues, input: Partial<SalesLineRow>, previous: SalesLineRow | undefined, source: ItemRow | undefined,
): void {
  const reason = notAssemblable(header, values);
  const quantity = dec(values.quantity ?? '0');
  if (input.qtyToAssembleToOrder !== undefined) {
    const typed = dec(input.qtyToAssembleToOrder);
    if (!typed.isZero() && reason) throw new DomainError('ASSEMBLE_TO_ORDER_NOT_ALLOWED', { lineNo: values.lineNo ?? previous?.lineNo ?? 0, reason }, 'qtyToAssembleToOrder');
    checkQuantityToAssembleToOrder(quantity, typed);
    values.qtyToAssembleToOrder = typed.toFixed(5);
    return;
  }
  if (reason) {
    values.qtyToAssembleToOrder = '0';
    return;
  }
  if (source) {
    // A new item: an Assemble-to-Order item is assembled to order in full.
    values.qtyToAssembleToOrder = source.assemblyPolicy === 'assembleToOrder' ? quantity.toFixed(5) : '0';
    return;
  }
  const before = dec(previous?.qtyToAssembleToOrder ?? '0');
  // A line assembled to order in full stays so when its quantity changes; a partly assembled one keeps its part, within the quantity.
  if (previous && !before.isZero() && before.eq(dec(previous.quantity))) values.qtyToAssembleToOrder = quantity.toFixed(5);
  else checkQuantityToAssembleToOrder(quantity, before);
}
