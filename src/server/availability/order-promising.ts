/**
 * Order Promising (spec §16.3–16.5, BC Order Promising Lines): for each line of a sales order still to
 * ship, the earliest date it can ship, by Available to Promise (inventory and scheduled supply) or by
 * Capable to Promise (a new replenishment started now), with the reasons; Accept writes the dates to
 * the lines and, for Capable to Promise, puts the replenishment on the order promising worksheet.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { backwardDeliveryDates, forwardDeliveryDates, type DeliveryCalendars } from '../../core/dates/delivery-dates.ts';
import { type IsoDate, maxDate } from '../../core/dates/calendar-date.ts';
import { dec, type Decimal } from '../../core/money/decimal.ts';
import { earliestShipmentDate, unavailableQuantity, withoutEvent, type AvailabilityPicture, type LookAhead, type TimeBucket } from '../../core/promising/available-to-promise.ts';
import { capableToPromise, type CapableToPromiseSupply } from '../../core/promising/capable-to-promise.ts';
import { type AssemblyPromise, assembleToOrderPromise, assemblyComponentCheck } from './order-promising.assembly.ts';
import type { Executor } from '../db/connection.ts';
import { companyInformation, item, location, orderPromisingSetup, purchaseLine, requisitionLine } from '../db/schema/index.ts';
import type { SalesContext } from '../sales/sales-context.ts';
import { loadDocument } from '../sales/sales-document.queries.ts';
import type { SalesHeaderRow, SalesLineRow } from '../sales/sales-document.types.ts';
import { deliverySetup } from './delivery-calendars.queries.ts';
import { availabilityPicture, receiptDocuments, undatedLineDate } from './item-availability.queries.ts';

export type PromisingMethod = 'availableToPromise' | 'capableToPromise';
type ItemRow = typeof item.$inferSelect;

export interface PromisingLine {
  lineNo: number;
  itemNo: string;
  description: string;
  locationCode: string;
  /** Outstanding quantity in the base unit of measure. */
  quantity: string;
  requiredQuantity: string;
  unavailableQuantity: string;
  requestedDeliveryDate: IsoDate | null;
  requestedShipmentDate: IsoDate | null;
  originalShipmentDate: IsoDate | null;
  earliestShipmentDate: IsoDate | null;
  plannedDeliveryDate: IsoDate | null;
  /** Capable to Promise: the replenishment that makes the date (what Accept puts on the worksheet). */
  supply: { quantity: string; dueDate: IsoDate; endingDate: IsoDate; startingDate: IsoDate } | null;
  /** Why this date: the steps of the calculation, amounts as strings. */
  explanation: Array<Record<string, unknown>>;
}

export interface PromisingSettings { lookAhead: LookAhead; offsetTime: string; worksheetName: string; orderPromisingNos: string | null }

export async function promisingSettings(tx: Executor): Promise<PromisingSettings> {
  const [company] = await tx.select({ periodCalc: companyInformation.checkAvailPeriodCalc, bucket: companyInformation.checkAvailTimeBucket }).from(companyInformation);
  const [setup] = await tx.select().from(orderPromisingSetup);
  return {
    lookAhead: { periodCalc: company?.periodCalc ?? '90D', timeBucket: (company?.bucket ?? 'week') as TimeBucket },
    offsetTime: setup?.offsetTime ?? '', worksheetName: setup?.worksheetName ?? 'PROMISING', orderPromisingNos: setup?.orderPromisingNos ?? null,
  };
}

const outstandingBase = (line: SalesLineRow) => dec(line.quantityBase).minus(dec(line.quantityShipped).times(dec(line.quantityPerUnitOfMeasure)));

/** The order's lines to promise, each with its item: inventory items with something still to ship, by requested shipment date. */
export async function orderPromisingLines(tx: Executor, orderNo: string, method: PromisingMethod, context: SalesContext): Promise<PromisingLine[]> {
  const document = await loadDocument(tx, 'order', orderNo);
  const settings = await promisingSettings(tx);
  const candidates = document.lines.filter((line) => line.type === 'item' && !line.dropShipment && outstandingBase(line).gt(0));
  const items = new Map<string, ItemRow>();
  for (const no of new Set(candidates.map((line) => line.no))) {
    const [row] = await tx.select().from(item).where(eq(item.no, no));
    if (row?.type === 'inventory') items.set(no, row);
  }
  const promised: PromisingLine[] = [];
  for (const line of candidates.filter((candidate) => items.has(candidate.no))) {
    promised.push(await promiseLine(tx, document.header, line, items.get(line.no)!, method, settings, context));
  }
  return promised.sort((a, b) => (a.requestedShipmentDate ?? '').localeCompare(b.requestedShipmentDate ?? '') || a.lineNo - b.lineNo);
}

async function promiseLine(
  tx: Executor, header: SalesHeaderRow, line: SalesLineRow, source: ItemRow, method: PromisingMethod, settings: PromisingSettings, context: SalesContext,
): Promise<PromisingLine> {
  const quantity = outstandingBase(line);
  const locationCode = line.locationCode ?? '';
  const setup = await deliverySetup(tx, { customerNo: header.sellToCustomerNo, locationCode: line.locationCode, shippingAgentCode: header.shippingAgentCode });
  const formulas = { shippingTime: line.shippingTime, outboundHandlingTime: line.outboundWhseHandlingTime, calendars: setup.calendars };
  const deliveryDate = line.promisedDeliveryDate || line.requestedDeliveryDate;
  const requestedShipmentDate = deliveryDate ? backwardDeliveryDates({ ...formulas, requestedDeliveryDate: deliveryDate }).shipmentDate : null;
  const { picture, lineReserved } = await availabilityPicture(tx, line.no, locationCode, { documentNo: line.documentNo, lineNo: line.lineNo, date: line.shipmentDate, outstanding: quantity });
  const required = quantity.minus(lineReserved);
  const originalDate = line.shipmentDate ?? context.workDate;
  const base = {
    lineNo: line.lineNo, itemNo: line.no, description: line.description, locationCode, quantity: quantity.toFixed(5), requiredQuantity: required.toFixed(5),
    unavailableQuantity: unavailableQuantity(picture, required, originalDate, settings.lookAhead).toFixed(5),
    requestedDeliveryDate: deliveryDate ?? null, requestedShipmentDate, originalShipmentDate: line.shipmentDate,
  };
  // §16.4 step 3: a line reserved in full ships on its date.
  if (required.lte(0)) {
    return { ...base, earliestShipmentDate: originalDate, plannedDeliveryDate: plannedDelivery(originalDate, formulas), supply: null, explanation: [{ kind: 'fullyReserved', quantity: lineReserved.toFixed(5) }] };
  }
  const special = line.specialOrder ? await specialOrderReceiptDate(tx, line) : undefined;
  if (special !== undefined) {
    return { ...base, earliestShipmentDate: special, plannedDeliveryDate: plannedDelivery(special, formulas), supply: null, explanation: [{ kind: 'specialOrder', purchaseOrderNo: line.specialOrderPurchaseNo, expectedReceiptDate: special }] };
  }
  const assembly = await assembleToOrderPromise(tx, line, { neededDate: requestedShipmentDate ?? context.workDate, lookAhead: settings.lookAhead, requestedShipmentDate });
  if (assembly) return promiseAssembledLine(base, assembly, picture, required, { neededDate: requestedShipmentDate ?? context.workDate, lookAhead: settings.lookAhead, requestedShipmentDate }, formulas);
  if (method === 'capableToPromise') {
    const result = capableToPromise({
      picture: await withoutOwnProposals(tx, line, picture), quantity: required, neededDate: line.shipmentDate, workDate: context.workDate, offsetTime: settings.offsetTime, lookAhead: settings.lookAhead,
      leadTime: await leadTime(tx, source, line.locationCode, context),
      components: await assemblyComponentCheck(tx, source, locationCode, settings.lookAhead),
    });
    return { ...base, earliestShipmentDate: result.date, plannedDeliveryDate: plannedDelivery(result.date, formulas), supply: supplyView(result.supply), explanation: plain(result.explanation) };
  }
  const result = earliestShipmentDate(picture, { quantity: required, neededDate: requestedShipmentDate ?? context.workDate, lookAhead: settings.lookAhead, requestedShipmentDate });
  const explanation = await withReceiptDocuments(tx, line.no, locationCode, plain(result.explanation));
  return { ...base, earliestShipmentDate: result.date, plannedDeliveryDate: plannedDelivery(result.date, formulas), supply: null, explanation };
}

/**
 * An assemble-to-order line: the assembled part when its components are there, the rest from the
 * item's stock and receipts without the line's own assembly output; the later of the two dates.
 */
function promiseAssembledLine(
  base: Omit<PromisingLine, 'earliestShipmentDate' | 'plannedDeliveryDate' | 'supply' | 'explanation'>, assembly: AssemblyPromise, picture: AvailabilityPicture,
  required: Decimal, request: { neededDate: IsoDate; lookAhead: LookAhead; requestedShipmentDate: IsoDate | null },
  formulas: { shippingTime: string; outboundHandlingTime: string; calendars: DeliveryCalendars },
): PromisingLine {
  const fromStock = required.minus(assembly.remainingBase);
  const stock = fromStock.gt(0)
    ? earliestShipmentDate(withoutEvent(picture, 'receipts', assembly.output.date ?? undatedLineDate, assembly.output.quantity), { quantity: fromStock, ...request })
    : null;
  const date = assembly.date === null || (stock && stock.date === null) ? null : stock ? maxDate(assembly.date, stock.date!) : assembly.date;
  const explanation = [...assembly.explanation, ...(stock ? plain(stock.explanation) : [])];
  return { ...base, earliestShipmentDate: date, plannedDeliveryDate: plannedDelivery(date, formulas), supply: null, explanation };
}

function plannedDelivery(date: IsoDate | null, formulas: { shippingTime: string; outboundHandlingTime: string; calendars: DeliveryCalendars }): IsoDate | null {
  return date ? forwardDeliveryDates({ ...formulas, shipmentDate: date }).plannedDeliveryDate : null;
}

/** A special-order line ships when its purchase line is received (§16.4 step 2). */
async function specialOrderReceiptDate(tx: Executor, line: SalesLineRow): Promise<IsoDate | null | undefined> {
  if (!line.specialOrderPurchaseNo || line.specialOrderPurchaseLineNo === null) return undefined;
  const [row] = await tx.select({ date: purchaseLine.expectedReceiptDate }).from(purchaseLine)
    .where(and(eq(purchaseLine.documentType, 'order'), eq(purchaseLine.documentNo, line.specialOrderPurchaseNo), eq(purchaseLine.lineNo, line.specialOrderPurchaseLineNo)));
  return row ? row.date : undefined;
}

/** Lead Time Calculation and Safety Lead Time of the item; Inbound Whse. Handling Time of the location, else the inventory setup. */
async function leadTime(tx: Executor, source: ItemRow, locationCode: string | null, context: SalesContext) {
  const [place] = locationCode ? await tx.select({ inbound: location.inboundWarehouseHandlingTime }).from(location).where(eq(location.code, locationCode)) : [];
  return {
    leadTimeCalculation: source.leadTimeCalculation, safetyLeadTime: source.safetyLeadTime,
    inboundHandlingTime: place?.inbound || context.inventorySetup.inboundWarehouseHandlingTime,
  };
}

function supplyView(supply: CapableToPromiseSupply | null): PromisingLine['supply'] {
  return supply && { quantity: supply.quantity.toFixed(5), dueDate: supply.dueDate, endingDate: supply.endingDate, startingDate: supply.startingDate };
}

/**
 * Capable to Promise asks what new supply the line needs: the supply an earlier promising proposed for
 * this very line (Accept replaces it) is not counted as already there.
 */
async function withoutOwnProposals(tx: Executor, line: SalesLineRow, picture: AvailabilityPicture): Promise<AvailabilityPicture> {
  const proposals = await tx.select({ date: requisitionLine.dueDate, quantity: requisitionLine.quantity, per: requisitionLine.quantityPerUnitOfMeasure }).from(requisitionLine)
    .where(and(eq(requisitionLine.salesOrderNo, line.documentNo), eq(requisitionLine.salesOrderLineNo, line.lineNo), isNotNull(requisitionLine.orderPromisingId)));
  return proposals.reduce((left, proposal) => withoutEvent(left, 'receipts', proposal.date ?? undatedLineDate, dec(proposal.quantity).times(dec(proposal.per))), picture);
}

/** Decimals as strings, for the API. */
function plain(steps: readonly object[]): Array<Record<string, unknown>> {
  return steps.map((step) => Object.fromEntries(Object.entries(step).map(([key, value]) => [key, isDecimal(value) ? value.toFixed(5) : value])));
}
const isDecimal = (value: unknown): value is Decimal => typeof value === 'object' && value !== null && typeof (value as Decimal).toFixed === 'function' && 'd' in value;

/** Each receipt step names the order lines behind it (the projection only knows the day's sum). */
async function withReceiptDocuments(tx: Executor, itemNo: string, locationCode: string, steps: Array<Record<string, unknown>>) {
  const dates = steps.filter((step) => step.kind === 'receipt').map((step) => step.date as IsoDate);
  const documents = await receiptDocuments(tx, itemNo, locationCode, dates);
  return steps.map((step) => (step.kind === 'receipt' ? { ...step, documents: documents.filter((document) => document.date === step.date) } : step));
}

