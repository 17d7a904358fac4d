/**
 * Order promising of an assemble-to-order line (spec §15.3, §16.4 with issue 20 item 5): what is
 * assembled to order ships when every component is there for it, and only the rest of the line
 * comes from the item's own stock and receipts. Each component's date is its available-to-promise
 * date for the quantity the line's assembly order still consumes, that order's own demand left out
 * (it is what is being promised); the assembly order's output is left out of the item's picture,
 * being dedicated to the line.
 */
import { type IsoDate, maxDate } from '../../core/dates/calendar-date.ts';
import { type AvailabilityPicture, type LookAhead, availableToPromise, earliestShipmentDate, withoutEvent } from '../../core/promising/available-to-promise.ts';
import type { CapableToPromiseComponents } from '../../core/promising/capable-to-promise.ts';
import { eq } from 'drizzle-orm';
import { assemblyBomComponent } from '../db/schema/index.ts';
import { type Decimal, ZERO, dec } from '../../core/money/decimal.ts';
import { quantityBase } from '../../core/sales/quantities.ts';
import type { Executor } from '../db/connection.ts';
import { linkedAssemblyDocuments } from '../assembly/assembly-documents.ts';
import type { SalesLineRow } from '../sales/sales-document.types.ts';
import { availabilityPicture, undatedLineDate } from './item-availability.queries.ts';

export interface AssemblyPromise {
  assemblyOrderNo: string;
  /** Base units of the line still to assemble. */
  remainingBase: Decimal;
  /** The date every component is there by; null when one is not within the window. */
  date: IsoDate | null;
  /** The assembly order's output, to leave out of the item's own picture. */
  output: { date: IsoDate | null; quantity: Decimal };
  explanation: Array<Record<string, unknown>>;
}

/** Null when the line is not assembled to order (or all of it is assembled already). */
export async function assembleToOrderPromise(
  tx: Executor, line: SalesLineRow, request: { neededDate: IsoDate; lookAhead: LookAhead; requestedShipmentDate: IsoDate | null },
): Promise<AssemblyPromise | null> {
  if (dec(line.qtyToAssembleToOrder).isZero()) return null;
  const document = (await linkedAssemblyDocuments(tx, 'order', line.documentNo, [line.lineNo])).get(line.lineNo);
  if (!document || !dec(document.header.remainingQuantity).gt(ZERO)) return null;
  const { header } = document;
  const remainingBase = quantityBase(dec(header.remainingQuantity), dec(header.quantityPerUnitOfMeasure));
  const components: Array<Record<string, unknown>> = [];
  let date: IsoDate | null = request.neededDate;
  for (const component of document.lines.filter((candidate) => dec(candidate.remainingQuantity).gt(ZERO))) {
    const quantity = quantityBase(dec(component.remainingQuantity), dec(component.quantityPerUnitOfMeasure));
    const { picture } = await availabilityPicture(tx, component.no, component.locationCode ?? '');
    const own = withoutEvent(picture, 'requirements', component.dueDate ?? undatedLineDate, quantity);
    const result = earliestShipmentDate(own, { quantity, neededDate: request.neededDate, lookAhead: request.lookAhead, requestedShipmentDate: request.requestedShipmentDate });
    components.push({ itemNo: component.no, quantity: quantity.toFixed(5), available: own.inventory.toFixed(5), date: result.date });
    date = date === null || result.date === null ? null : maxDate(date, result.date);
  }
  return {
    assemblyOrderNo: header.no, remainingBase, date, output: { date: header.dueDate, quantity: remainingBase },
    explanation: [{ kind: 'assembleToOrder', assemblyOrderNo: header.no, quantity: remainingBase.toFixed(5), components, date }],
  };
}



/**
 * Capable to Promise of an item replenished by assembly (spec §16.5, issue 20 item 5): a new assembly
 * order is possible only when every component of its BOM is available to promise, for Quantity per ×
 * the supply's quantity, on the day the assembly starts. Undefined for other items.
 */
export async function assemblyComponentCheck(
  tx: Executor, source: { no: string; replenishmentSystem: string }, locationCode: string, lookAhead: LookAhead,
): Promise<CapableToPromiseComponents | undefined> {
  if (source.replenishmentSystem !== 'assembly') return undefined;
  const components = await tx.select({ no: assemblyBomComponent.no, quantityPer: assemblyBomComponent.quantityPer }).from(assemblyBomComponent)
    .where(eq(assemblyBomComponent.parentItemNo, source.no));
  const pictures = new Map<string, AvailabilityPicture>();
  for (const component of components) pictures.set(component.no, (await availabilityPicture(tx, component.no, locationCode)).picture);
  return {
    checkComponents: (_dueDate, supply) => components.every((component) =>
      availableToPromise(pictures.get(component.no)!, supply.startingDate, lookAhead).gte(dec(component.quantityPer).times(supply.quantity))),
  };
}
