/**
 * Accept on Order Promising Lines (spec §16.4 Accept, §16.5 step 6): each line with an earliest
 * shipment date gets it as its Shipment Date (planned dates follow forward); with Capable to Promise
 * the replenishment goes onto the order promising worksheet, linked to the sales line, replacing what
 * an earlier promising proposed for that line. The dates are calculated afresh inside the transaction.
 */
import { and, eq, inArray, isNotNull, max } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { item, requisitionLine } from '../db/schema/index.ts';
import { drawNumber } from '../number-series/no-series.commands.ts';
import type { SalesContext } from '../sales/sales-context.ts';
import { updateLine } from '../sales/sales-document.commands.ts';
import { loadDocument } from '../sales/sales-document.queries.ts';
import { changeAssemblyHeader, createAssemblyDocument } from '../assembly/assembly-documents.ts';
import { dec } from '../../core/money/decimal.ts';
import { reserveFrom } from './reservations.ts';
import { orderPromisingLines, promisingSettings, type PromisingLine, type PromisingMethod } from './order-promising.ts';

export interface AcceptedPromising {
  lines: PromisingLine[];
  /** Drawn from Order Promising Nos. for a Capable to Promise run that created supply; null otherwise. */
  orderPromisingId: string | null;
  /** The worksheet the Capable to Promise supply went to. */
  worksheetName: string;
}

export async function acceptOrderPromising(
  tx: Executor, orderNo: string, method: PromisingMethod, lineNos: readonly number[] | undefined, context: SalesContext,
): Promise<AcceptedPromising> {
  await loadDocument(tx, 'order', orderNo, { lock: true });
  const settings = await promisingSettings(tx);
  const lines = (await orderPromisingLines(tx, orderNo, method, context)).filter((line) => !lineNos || lineNos.includes(line.lineNo));
  for (const lineNo of lineNos ?? []) {
    if (!lines.some((line) => line.lineNo === lineNo)) throw new DomainError('NOT_FOUND', { entity: 'Order Promising Line', key: `${orderNo} ${lineNo}` }, 'lineNos');
  }
  const undated = lines.find((line) => line.earliestShipmentDate === null);
  if (undated) throw new DomainError('NO_DATE_IN_PROMISING_WINDOW', { lineNo: undated.lineNo, itemNo: undated.itemNo, windowEnd: windowEndOf(undated) }, 'lineNos');
  const withSupply = method === 'capableToPromise' ? lines.filter((line) => line.supply !== null) : [];
  const orderPromisingId = withSupply.length > 0 && settings.orderPromisingNos ? (await drawNumber(tx, settings.orderPromisingNos, context.workDate)).number : null;
  for (const line of lines) await updateLine(tx, 'order', orderNo, line.lineNo, { shipmentDate: line.earliestShipmentDate }, undefined, context);
  if (method === 'capableToPromise') await replaceSupply(tx, orderNo, lines, settings.worksheetName, orderPromisingId ?? orderNo, context);
  return { lines, orderPromisingId, worksheetName: settings.worksheetName };
}

function windowEndOf(line: PromisingLine): string {
  const last = line.explanation.at(-1) as { windowEnd?: string | null } | undefined;
  return last?.windowEnd ?? '(no end)';
}

/** The promised lines' earlier Capable to Promise supply leaves the worksheet; the new supply goes on it. */
async function replaceSupply(tx: Executor, orderNo: string, lines: readonly PromisingLine[], worksheetName: string, orderPromisingId: string, context: SalesContext) {
  await tx.delete(requisitionLine).where(and(eq(requisitionLine.salesOrderNo, orderNo), isNotNull(requisitionLine.orderPromisingId),
    inArray(requisitionLine.salesOrderLineNo, lines.map((line) => line.lineNo))));
  const supplied = lines.filter((line) => line.supply !== null);
  if (supplied.length === 0) return;
  const items = await tx.select().from(item).where(inArray(item.no, [...new Set(supplied.map((line) => line.itemNo))]));
  // An item replenished by assembly gets its assembly order at once, reserved for the line (spec §16.5 step 6, issue 20 item 5).
  const assembled = supplied.filter((line) => items.find((candidate) => candidate.no === line.itemNo)!.replenishmentSystem === 'assembly');
  for (const line of assembled) await assembleForLine(tx, orderNo, line, context);
  const withSupply = supplied.filter((line) => !assembled.includes(line));
  if (withSupply.length === 0) return;
  const [last] = await tx.select({ lineNo: max(requisitionLine.lineNo) }).from(requisitionLine).where(eq(requisitionLine.worksheetName, worksheetName));
  const header = await loadDocument(tx, 'order', orderNo);
  await tx.insert(requisitionLine).values(withSupply.map((line, index) => {
    const source = items.find((candidate) => candidate.no === line.itemNo)!;
    return {
      worksheetName, lineNo: (last?.lineNo ?? 0) + (index + 1) * 10000, type: 'item', no: line.itemNo, description: line.description,
      quantity: line.supply!.quantity, unitOfMeasureCode: source.baseUnitOfMeasure, quantityPerUnitOfMeasure: '1',
      vendorNo: source.vendorNo, vendorItemNo: source.vendorItemNo, directUnitCost: source.lastDirectCost,
      dueDate: line.supply!.dueDate, startingDate: line.supply!.startingDate, endingDate: line.supply!.endingDate, orderPromisingId,
      locationCode: line.locationCode || null, salesOrderNo: orderNo, salesOrderLineNo: line.lineNo, sellToCustomerNo: header.header.sellToCustomerNo,
    };
  }));
}

/** The assembly order Capable to Promise found possible, due when the line ships, with the line reserved on its output. */
async function assembleForLine(tx: Executor, orderNo: string, line: PromisingLine, context: SalesContext): Promise<void> {
  const supply = line.supply!;
  const created = await createAssemblyDocument(tx, 'order', {
    itemNo: line.itemNo, quantity: dec(supply.quantity), dueDate: supply.dueDate, locationCode: line.locationCode || null,
  }, context);
  await changeAssemblyHeader(tx, created, { startingDate: supply.startingDate, endingDate: supply.endingDate });
  const [salesRow] = (await loadDocument(tx, 'order', orderNo)).lines.filter((candidate) => candidate.lineNo === line.lineNo);
  await reserveFrom(tx, salesRow!, dec(supply.quantity), { type: 'assemblyOrder', documentNo: created.header.no }, context.username);
}
