/**
 * What posting an assembly writes besides its entries (spec §15.3): the consumption and output
 * movements for the quantity assembled now, the posted assembly order and its lines, and the
 * assembly document advanced (Assembled / Consumed Quantity) or deleted once fully assembled.
 * Shared by the stand-alone posting (assembly-order.post.ts) and the sales shipment of an
 * assemble-to-order line (assemble-to-order.posting.ts).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { assemblyMovements, consumptionKey, outputKey } from '../../core/assembly/assembly-posting.ts';
import { componentQuantities } from '../../core/assembly/assembly-order.ts';
import type { ItemMovement, ItemPostingPlan } from '../../core/inventory/item-posting.types.ts';
import { Decimal, ZERO, dec } from '../../core/money/decimal.ts';
import { quantityBase } from '../../core/sales/quantities.ts';
import type { Executor } from '../db/connection.ts';
import { assemblyHeader, item, postedAssemblyHeader, postedAssemblyLine } from '../db/schema/index.ts';
import { type AssemblyDocument, type AssemblyLineRow, changeAssemblyHeader } from './assembly-documents.ts';

export interface PlannedAssembly {
  document: AssemblyDocument;
  /** Quantity to Assemble posted now, in the header's unit. */
  quantity: Decimal;
  key: string;
  documentNo: string;
  movements: ItemMovement[];
  /** Each inventory component with what it consumes now (its own unit). */
  consumed: { line: AssemblyLineRow; quantity: Decimal }[];
}

type ItemGroups = { type: string; genProdPostingGroup: string | null; inventoryPostingGroup: string | null };

/** The movements of assembling `quantity` of the document now: components × Quantity per, then the output. */
export async function planAssembly(tx: Executor, document: AssemblyDocument, quantity: Decimal, key: string, documentNo: string): Promise<PlannedAssembly> {
  const { header, lines } = document;
  const itemNos = [header.itemNo, ...lines.map((line) => line.no)];
  const items = new Map((await tx.select({ no: item.no, type: item.type, genProdPostingGroup: item.genProdPostingGroup, inventoryPostingGroup: item.inventoryPostingGroup })
    .from(item).where(inArray(item.no, itemNos))).map((row) => [row.no, row as ItemGroups]));
  const headerPerUnit = dec(header.quantityPerUnitOfMeasure);
  const toAssembleBase = quantityBase(quantity, headerPerUnit);
  // Only inventory items are consumed from stock; each takes Quantity per × what is assembled now, never more than it has left.
  const consumed = lines.filter((line) => items.get(line.no)?.type === 'inventory').map((line) => {
    const wanted = componentQuantities(dec(line.quantityPer), { quantityBase: toAssembleBase, quantityToAssembleBase: toAssembleBase }).quantity;
    return { line, quantity: Decimal.min(wanted, dec(line.remainingQuantity)) };
  });
  const groups = (no: string) => items.get(no)!;
  const movements = assemblyMovements({
    key, documentNo, itemNo: header.itemNo, description: header.description, locationCode: header.locationCode ?? '',
    genProdPostingGroup: groups(header.itemNo).genProdPostingGroup ?? '', inventoryPostingGroup: groups(header.itemNo).inventoryPostingGroup ?? '',
    unitOfMeasureCode: header.unitOfMeasureCode ?? '', quantityPerUnitOfMeasure: headerPerUnit, quantityToAssembleBase: toAssembleBase,
  }, consumed.map(({ line, quantity: consume }) => ({
    lineNo: line.lineNo, no: line.no, description: line.description, locationCode: line.locationCode ?? '',
    genProdPostingGroup: groups(line.no).genProdPostingGroup ?? '', inventoryPostingGroup: groups(line.no).inventoryPostingGroup ?? '',
    unitOfMeasureCode: line.unitOfMeasureCode ?? '', quantityPerUnitOfMeasure: dec(line.quantityPerUnitOfMeasure),
    quantityToConsumeBase: quantityBase(consume, dec(line.quantityPerUnitOfMeasure)),
  })));
  return { document, quantity, key, documentNo, movements, consumed };
}

/** The posted assembly order and its lines; entry numbers and costs from the item plan, by movement key. */
export function postedAssemblyRows(
  planned: PlannedAssembly, plan: ItemPostingPlan, entryNo: (provisional: number) => number,
  facts: { postingDate: string; userId: string; noSeries: string | null; shipment?: { no: string; lineNo: number } },
) {
  const value = (key: string) => plan.movements.find((candidate) => candidate.key === key);
  const { header } = planned.document;
  const output = value(outputKey(planned.key));
  const posted: typeof postedAssemblyHeader.$inferInsert = {
    no: planned.documentNo, orderNo: header.no, description: header.description, itemNo: header.itemNo, locationCode: header.locationCode,
    unitOfMeasureCode: header.unitOfMeasureCode, quantityPerUnitOfMeasure: header.quantityPerUnitOfMeasure,
    quantity: planned.quantity.toString(), quantityBase: quantityBase(planned.quantity, dec(header.quantityPerUnitOfMeasure)).toString(),
    costAmount: (output?.costAmountActual ?? ZERO).toFixed(2), dueDate: header.dueDate, postingDate: facts.postingDate,
    assembleToOrder: header.assembleToOrder, salesDocumentNo: header.salesDocumentNo, salesLineNo: header.salesLineNo,
    salesShipmentNo: facts.shipment?.no ?? null, salesShipmentLineNo: facts.shipment?.lineNo ?? null,
    itemLedgerEntryNo: output ? entryNo(output.itemLedgerEntryNo) : null, noSeries: facts.noSeries, userId: facts.userId,
  };
  const lines = planned.consumed.map(({ line, quantity }): typeof postedAssemblyLine.$inferInsert => {
    const consumption = value(consumptionKey(planned.key, line.lineNo));
    return {
      documentNo: planned.documentNo, lineNo: line.lineNo, no: line.no, description: line.description, locationCode: line.locationCode,
      unitOfMeasureCode: line.unitOfMeasureCode, quantityPerUnitOfMeasure: line.quantityPerUnitOfMeasure, quantityPer: line.quantityPer,
      quantity: quantity.toString(), quantityBase: quantityBase(quantity, dec(line.quantityPerUnitOfMeasure)).toString(),
      costAmount: (consumption?.costAmountActual ?? ZERO).negated().toFixed(2), itemLedgerEntryNo: consumption ? entryNo(consumption.itemLedgerEntryNo) : null,
    };
  });
  return { header: posted, lines };
}

/**
 * The document after the posting: fully assembled, it is deleted (spec §15.3 step 4); else Assembled
 * Quantity and each line's Consumed Quantity grow, and Quantity to Assemble becomes `nextToAssemble`.
 */
export async function advanceAssembly(tx: Executor, planned: PlannedAssembly, nextToAssemble: (remaining: Decimal) => Decimal): Promise<void> {
  const { header } = planned.document;
  const assembled = dec(header.assembledQuantity).plus(planned.quantity);
  const remaining = dec(header.quantity).minus(assembled);
  if (!remaining.gt(ZERO)) {
    await tx.delete(assemblyHeader).where(and(eq(assemblyHeader.documentType, header.documentType), eq(assemblyHeader.no, header.no)));
    return;
  }
  const consumedNow = new Map(planned.consumed.map((entry) => [entry.line.lineNo, entry.quantity]));
  await changeAssemblyHeader(tx, planned.document, { assembledQuantity: assembled.toString(), quantityToAssemble: nextToAssemble(remaining).toString() },
    (line) => dec(line.consumedQuantity).plus(consumedNow.get(line.lineNo) ?? ZERO));
}
