/**
 * Shipping an assemble-to-order line posts its assembly (spec §15.3 "Posting", worked example 7):
 * in the sales posting's transaction, each linked assembly order consumes its components and
 * outputs Quantity to Assemble at their actual cost, the sale is fixed-applied to that output (so
 * it costs exactly what the assembly did), a posted assembly order records it with the shipment,
 * and the assembly order advances, or is deleted once fully assembled. What the line ships from
 * inventory besides is sold from stock as usual.
 */
import type { SQL } from 'drizzle-orm';
import { outputKey } from '../../core/assembly/assembly-posting.ts';
import { quantityToAssembleRange } from '../../core/assembly/assembly-order.ts';
import { DomainError } from '../../core/errors.ts';
import type { ItemMovement, ItemPostingPlan } from '../../core/inventory/item-posting.types.ts';
import { dec } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { postedAssemblyHeader, postedAssemblyLine } from '../db/schema/index.ts';
import type { PendingAppend } from '../ledger/append-posting.ts';
import { type NumberRequest, numberToken, resolveNumbers } from '../posting/posting-numbers.ts';
import type { SalesContext } from '../sales/sales-context.ts';
import type { LinePosting } from '../sales/sales-post.amounts.ts';
import { linkedAssemblyDocuments } from './assembly-documents.ts';
import { advanceAssembly, type PlannedAssembly, planAssembly, postedAssemblyRows } from './assembly-posting.rows.ts';

export interface AssembleToOrderPosting {
  requests: NumberRequest[];
  /** Consumption and output of every assembly, to plan before the sales movements. */
  movements: ItemMovement[];
  /** Sales line no. → the output its sale applies to (when all it ships now is assembled now). */
  appliesTo: Map<number, string>;
  finish(tx: Executor): Promise<(numbers: ReadonlyMap<string, string>) => SQL[]>;
  /** The posted assembly orders, with the posting's entry numbers; `shipmentNo` the posted shipment's number. */
  queue(pending: PendingAppend, numbers: ReadonlyMap<string, string>, items: ItemPostingPlan, facts: { postingDate: string; userId: string; shipmentNo: string }): void;
}

export const isAssemblyKey = (key: string) => key.startsWith('assembly:');

/** Null when the posting ships no line assembled to order. */
export async function planAssembleToOrder(
  tx: Executor, documentNo: string, shipped: readonly LinePosting[], context: SalesContext,
): Promise<AssembleToOrderPosting | null> {
  const candidates = shipped.filter((entry) => !entry.posting.ship.isZero() && entry.line.type === 'item' && !dec(entry.line.qtyToAssembleToOrder).isZero());
  if (candidates.length === 0) return null;
  const linked = await linkedAssemblyDocuments(tx, 'order', documentNo, candidates.map((entry) => entry.line.lineNo));
  const series = context.inventorySetup.postedAssemblyOrderNos;
  const planned: { entry: LinePosting; assembly: PlannedAssembly }[] = [];
  for (const entry of candidates) {
    const document = linked.get(entry.line.lineNo);
    if (!document || dec(document.header.remainingQuantity).isZero()) continue;
    const outstanding = dec(entry.line.quantity).minus(dec(entry.line.quantityShipped));
    const range = quantityToAssembleRange({ quantityToShip: entry.posting.ship, outstandingQuantity: outstanding }, dec(document.header.remainingQuantity));
    const stored = dec(document.header.quantityToAssemble);
    const quantity = stored.lessThan(range.minimum) || stored.gt(range.maximum) ? range.default : stored;
    if (quantity.isZero()) continue;
    if (!series) throw new DomainError('NO_SERIES_NOT_SET_UP', { what: 'posted assembly orders', setup: 'Inventory Setup (Posted Assembly Order Nos.)' });
    const key = `assembly:${entry.line.lineNo}`;
    planned.push({ entry, assembly: await planAssembly(tx, document, quantity, key, numberToken(key)) });
  }
  if (planned.length === 0) return null;
  return {
    requests: planned.map(({ assembly }) => ({ token: assembly.documentNo, series: series! })),
    movements: planned.flatMap(({ assembly }) => assembly.movements),
    appliesTo: new Map(planned.filter(({ entry, assembly }) => assembly.quantity.eq(entry.posting.ship)).map(({ entry, assembly }) => [entry.line.lineNo, outputKey(assembly.key)])),
    finish: async (finishTx) => {
      // What is left to assemble defaults to the next shipment's share of it (the line's Qty. to Ship is reset the same way).
      for (const { assembly } of planned) await advanceAssembly(finishTx, assembly, (remaining) => remaining);
      return () => [];
    },
    queue: (pending, numbers, items, facts) => {
      for (const { entry, assembly } of planned) {
        const rows = resolveNumbers(postedAssemblyRows(assembly, items, (id) => pending.itemLedgerEntryNo(id), {
          postingDate: facts.postingDate, userId: facts.userId, noSeries: series, shipment: { no: facts.shipmentNo, lineNo: entry.line.lineNo },
        }), numbers);
        pending.alsoInsert(postedAssemblyHeader, [rows.header]);
        if (rows.lines.length > 0) pending.alsoInsert(postedAssemblyLine, rows.lines);
      }
    },
  };
}
