/**
 * Reservations kept in step with an order's lines after every change (BC: Reserve = Always reserves
 * automatically; a line cut below what it holds gives the rest back). One statement when nothing is
 * reserved and no item asks for Reserve = Always.
 */
import { desc, eq, inArray, sql } from 'drizzle-orm';
import { dec } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { item, reservation } from '../db/schema/index.ts';
import type { SalesLineRow } from '../sales/sales-document.types.ts';
import { outstandingBase, reserveFrom } from './reservations.ts';

interface LineState { line_no: number; reserved: string; always: boolean }

export async function syncOrderReservations(tx: Executor, orderNo: string, sellToCustomerNo: string, lines: readonly SalesLineRow[], username: string): Promise<void> {
  const itemLines = lines.filter((line) => line.type === 'item' && !line.dropShipment && !line.specialOrder);
  if (itemLines.length === 0) return;
  const states = (await tx.execute(sql`
    select l.line_no, coalesce((select sum(r.quantity_base) from reservation r where r.sales_document_type = 'order'
        and r.sales_document_no = l.document_no and r.sales_line_no = l.line_no), 0)::text as reserved,
      (i.reserve = 'always' or (i.reserve = 'optional' and (select reserve from customer where no = ${sellToCustomerNo}) = 'always')) as always
    from sales_line l join item i on i.no = l.no and i.type = 'inventory'
    where l.document_type = 'order' and l.document_no = ${orderNo} and l.type = 'item'`) as unknown as { rows: LineState[] }).rows;
  for (const state of states) {
    const line = itemLines.find((candidate) => candidate.lineNo === state.line_no);
    if (!line) continue;
    const open = outstandingBase(line).minus(dec(state.reserved));
    if (open.lt(0)) await giveBack(tx, line, open.negated());
    else if (state.always && open.gt(0)) {
      await tx.select({ no: item.no }).from(item).where(eq(item.no, line.no)).for('update');
      await reserveFrom(tx, line, open, undefined, username);
    }
  }
}

/** Newest reservations first, until the line holds no more than it still has to ship. */
async function giveBack(tx: Executor, line: SalesLineRow, excess: ReturnType<typeof dec>): Promise<void> {
  const rows = await tx.select().from(reservation).where(sql`${reservation.salesDocumentType} = 'order' and ${reservation.salesDocumentNo} = ${line.documentNo} and ${reservation.salesLineNo} = ${line.lineNo}`)
    .orderBy(desc(reservation.createdAt));
  let left = excess;
  const gone: string[] = [];
  for (const row of rows) {
    if (left.lte(0)) break;
    const quantity = dec(row.quantityBase);
    if (quantity.lte(left)) gone.push(row.id);
    else await tx.update(reservation).set({ quantityBase: quantity.minus(left).toFixed(5) }).where(eq(reservation.id, row.id));
    left = left.minus(quantity);
  }
  if (gone.length > 0) await tx.delete(reservation).where(inArray(reservation.id, gone));
}
