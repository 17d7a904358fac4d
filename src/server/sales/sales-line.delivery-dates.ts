/**
 * A sales line's delivery dates (spec §16.1, BC Sales Line: CalcPlannedDeliveryDate,
 * CalcPlannedShptDate, CalcShipmentDate): backward from a promised or requested delivery date, else
 * forward from the shipment date, with the shipping time, the outbound warehouse handling time and
 * the base calendars of the parties.
 */
import { backwardDeliveryDates, forwardDeliveryDates, type DeliveryDates } from '../../core/dates/delivery-dates.ts';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { DomainError } from '../../core/errors.ts';
import type { SalesDocumentType } from '../../core/sales/types.ts';
import { deliverySetup } from '../availability/delivery-calendars.queries.ts';
import type { LineSources } from '../documents/line-sources.ts';
import type { SalesContext } from './sales-context.ts';
import type { SalesHeaderRow, SalesLineRow } from './sales-document.types.ts';

type LineValues = Partial<SalesLineRow> & Pick<SalesLineRow, 'type'>;

const deliveryInputs = [
  'no', 'type', 'shipmentDate', 'requestedDeliveryDate', 'promisedDeliveryDate', 'plannedDeliveryDate', 'shippingTime', 'outboundWhseHandlingTime', 'locationCode',
] as const;

/** Lines that ship goods out: quotes, orders, blanket orders and invoices. */
const shipsOut = (header: SalesHeaderRow) => salesDescriptor(header.documentType as SalesDocumentType).direction === 'outbound';

export async function fillDeliveryDates(
  sources: LineSources, header: SalesHeaderRow, values: LineValues, input: Partial<SalesLineRow>, previous: SalesLineRow | undefined, context: SalesContext,
): Promise<void> {
  if (values.type === 'comment' || !shipsOut(header)) return;
  if (previous && !deliveryInputs.some((field) => input[field] !== undefined)) return;
  checkRequestedDateChange(input, previous);
  if (!previous) {
    values.requestedDeliveryDate = input.requestedDeliveryDate !== undefined ? input.requestedDeliveryDate : header.requestedDeliveryDate;
    values.promisedDeliveryDate = input.promisedDeliveryDate !== undefined ? input.promisedDeliveryDate : header.promisedDeliveryDate;
    values.shippingTime = input.shippingTime ?? header.shippingTime;
  }
  const locationCode = values.locationCode ?? null;
  const setup = await sources.once(`delivery\u0000${header.sellToCustomerNo}\u0000${locationCode ?? ''}\u0000${header.shippingAgentCode ?? ''}`,
    () => deliverySetup(sources.tx, { customerNo: header.sellToCustomerNo, locationCode, shippingAgentCode: header.shippingAgentCode }));
  if ((!previous || input.locationCode !== undefined) && input.outboundWhseHandlingTime === undefined) {
    values.outboundWhseHandlingTime = setup.locationOutboundHandlingTime || context.inventorySetup.outboundWarehouseHandlingTime;
  }
  Object.assign(values, datesFor(values, input, setup.calendars, context));
}

/** Spec §16.1: a promised delivery date fixes the requested one until it is cleared. */
function checkRequestedDateChange(input: Partial<SalesLineRow>, previous: SalesLineRow | undefined) {
  if (!previous?.promisedDeliveryDate || input.requestedDeliveryDate === undefined || input.promisedDeliveryDate !== undefined) return;
  if (input.requestedDeliveryDate === previous.requestedDeliveryDate) return;
  throw new DomainError('REQUESTED_DATE_FIXED_BY_PROMISED', { promisedDeliveryDate: previous.promisedDeliveryDate }, 'requestedDeliveryDate');
}

function datesFor(
  values: LineValues, input: Partial<SalesLineRow>, calendars: Parameters<typeof forwardDeliveryDates>[0]['calendars'], context: SalesContext,
): DeliveryDates {
  const formulas = { shippingTime: values.shippingTime ?? '', outboundHandlingTime: values.outboundWhseHandlingTime ?? '', calendars };
  // Typing a date recalculates from it: Planned Delivery Date backward, Shipment Date forward (BC's OnValidate triggers).
  if (input.plannedDeliveryDate) return backwardDeliveryDates({ ...formulas, requestedDeliveryDate: input.plannedDeliveryDate });
  const deliveryDate = values.promisedDeliveryDate || values.requestedDeliveryDate;
  if (input.shipmentDate || !deliveryDate) return forwardDeliveryDates({ ...formulas, shipmentDate: values.shipmentDate ?? context.workDate });
  return backwardDeliveryDates({ ...formulas, requestedDeliveryDate: deliveryDate });
}
