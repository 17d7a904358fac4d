/** A sales line's quantity fields as core/sales reads them, and writing many lines' new quantities at once. */
import { sql } from 'drizzle-orm';
import type { LineHandling } from '../../core/documents/line-handling.ts';
import { dec } from '../../core/money/decimal.ts';
import { completelyShipped, outstandingQuantity, quantityShippedNotInvoiced } from '../../core/sales/quantities.ts';
import type { QuantityFields } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { recalculateFullPrepaymentDeductions } from './prepayment.lines.ts';

/** The quantity columns of a sales or purchase line (Qty. to Ship or Qty. to Receive …). */
type QuantityColumns = Partial<Record<'quantity' | 'quantityToInvoice' | 'quantityInvoiced' | LineHandling['quantityToHandleField'] | LineHandling['quantityHandledField'], string>>;

/**
 * A line's quantities as core/sales reads them: Qty. to Ship / Quantity Shipped are the handling
 * columns of the document's direction (Return Qty. to Receive / Received on returns). Columns not
 * set yet (a line being built) count as 0.
 */
export function handledQuantities(line: QuantityColumns, handling: LineHandling): QuantityFields {
  return {
    quantity: dec(line.quantity ?? '0'),
    quantityShipped: dec(line[handling.quantityHandledField] ?? '0'),
    quantityToShip: dec(line[handling.quantityToHandleField] ?? '0'),
    quantityInvoiced: dec(line.quantityInvoiced ?? '0'),
    quantityToInvoice: dec(line.quantityToInvoice ?? '0'),
  };
}

/** Lines as the API shows them: with Outstanding Quantity, Qty. Shipped (Received) Not Invoiced and Completely Shipped (Received). */
export function withHandledQuantities<L extends QuantityColumns>(lines: readonly L[], handling: LineHandling) {
  return lines.map((line) => {
    const fields = handledQuantities(line, handling);
    return {
      ...line,
      outstandingQuantity: outstandingQuantity(fields).toFixed(5),
      [handling.quantityHandledNotInvoicedField]: quantityShippedNotInvoiced(fields).toFixed(5),
      [handling.completelyHandledField]: completelyShipped(fields),
    };
  });
}

export interface LineQuantityUpdate {
  documentType: string; documentNo: string; lineNo: number; after: QuantityFields;
  /** The line's goods come back (inbound): `after`'s shipped quantities go to the return columns. */
  returns: boolean;
}

/** The handling columns of each line table: what goes out (in) on a normal document, and on a return. */
const handlingColumns = {
  sales_line: { handled: 'quantity_shipped', toHandle: 'quantity_to_ship', returned: 'return_quantity_received', toReturn: 'return_quantity_to_receive' },
  purchase_line: { handled: 'quantity_received', toHandle: 'quantity_to_receive', returned: 'return_quantity_shipped', toReturn: 'return_quantity_to_ship' },
} as const;

/** The amount rounding precision of the line's order: its currency's, else the local currency's. */
const orderAmountPrecision = sql`(select coalesce(c.amount_rounding_precision, g.amount_rounding_precision)
        from general_ledger_setup g
        left join sales_header h on h.document_type = l.document_type and h.no = l.document_no
        left join currency c on c.code = h.currency_code)`;

/**
 * Spec §26.3.4 "also after each posting": an order line's Prepmt Amt to Deduct follows the Qty. to
 * Invoice the update leaves (the whole rest when it completes the line), in the order's currency
 * precision. SET reads the row as it was, so the new quantities come from v; Prepmt Amt Deducted is
 * the row's, written before this statement.
 */
const prepaymentToDeductAfter = sql`,
      prepmt_amt_to_deduct = case
        when l.document_type <> 'order' then l.prepmt_amt_to_deduct
        when v.to_invoice = 0 or l.prepmt_amt_inv = 0 then 0
        when v.to_invoice = l.quantity - v.invoiced then l.prepmt_amt_inv - l.prepmt_amt_deducted
        else round((l.prepmt_amt_inv - l.prepmt_amt_deducted) * v.to_invoice / nullif(l.quantity - v.invoiced, 0) / ${orderAmountPrecision}) * ${orderAmountPrecision} end`;

/** New quantities of many sales (purchase) lines in one UPDATE … FROM (VALUES …). */
export async function updateLineQuantities(tx: Executor, updates: readonly LineQuantityUpdate[], table: keyof typeof handlingColumns = 'sales_line'): Promise<void> {
  if (updates.length === 0) return;
  const column = (name: string) => sql.identifier(name);
  const { handled, toHandle, returned, toReturn } = handlingColumns[table];
  const values = sql.join(updates.map((update) => sql`(${update.documentType}::text, ${update.documentNo}::text, ${update.lineNo}::integer, ${update.returns}::boolean,
    ${update.after.quantityShipped.toString()}::numeric, ${update.after.quantityToShip.toString()}::numeric,
    ${update.after.quantityInvoiced.toString()}::numeric, ${update.after.quantityToInvoice.toString()}::numeric)`), sql`, `);
  await tx.execute(sql`
    update ${sql.identifier(table)} as l set
      ${column(handled)} = case when v.returns then l.${column(handled)} else v.shipped end,
      ${column(toHandle)} = case when v.returns then l.${column(toHandle)} else v.to_ship end,
      ${column(returned)} = case when v.returns then v.shipped else l.${column(returned)} end,
      ${column(toReturn)} = case when v.returns then v.to_ship else l.${column(toReturn)} end,
      quantity_invoiced = v.invoiced, quantity_to_invoice = v.to_invoice${table === 'sales_line' ? prepaymentToDeductAfter : sql``}
    from (values ${values}) as v(document_type, document_no, line_no, returns, shipped, to_ship, invoiced, to_invoice)
    where l.document_type = v.document_type and l.document_no = v.document_no and l.line_no = v.line_no`);
  if (table === 'sales_line') await recalculateFullPrepaymentDeductions(tx, updates.filter((update) => update.documentType === 'order'));
}
