/**
 * Reads of the availability projection (schema/availability.ts): the picture Available to Promise
 * works on, and the item availability views by period and by location (spec §16.4; BC's Item
 * Availability by Periods / by Location). All of them sum the same rows, so they always agree.
 */
import { sql } from 'drizzle-orm';
import type { IsoDate } from '../../core/dates/calendar-date.ts';
import type { AvailabilityEvent, AvailabilityPicture } from '../../core/promising/available-to-promise.ts';
import { dec, sum, type Decimal } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';

interface ProjectionRow { date: string | null; inventory: string; scheduled_receipts: string; gross_requirements: string }
const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;

/** The sales order line being promised: its own open demand is left out ("exclude quantity on original date"). */
export interface PromisedLine { documentNo: string; lineNo: number; date: IsoDate | null; outstanding: Decimal }

/** The date an undated line counts from in the projection: before every real date. */
export const undatedLineDate = '0001-01-01';

interface ReservedRow { supply_type: string; document_no: string; line_no: number; demand_date: string; supply_date: string; quantity: string }

/**
 * Inventory (every posted entry) and, per date, the open scheduled receipts and gross requirements of
 * one item at one location, each net of what is reserved (spec §16.4): one indexed read of the
 * projection, whatever the number of entries, and one of the reservations. `lineReserved`: how much of
 * the promised line is reserved already.
 */
export async function availabilityPicture(
  tx: Executor, itemNo: string, locationCode: string, promised?: PromisedLine,
): Promise<{ picture: AvailabilityPicture; lineReserved: Decimal }> {
  const rows = rowsOf<ProjectionRow>(await tx.execute(sql`
    select null::text as date, coalesce(sum(inventory), 0)::text as inventory, '0' as scheduled_receipts, '0' as gross_requirements
      from item_availability where item_no = ${itemNo} and location_code = ${locationCode}
    union all
    select date::text, '0', scheduled_receipts::text, gross_requirements::text
      from item_availability where item_no = ${itemNo} and location_code = ${locationCode} and (scheduled_receipts <> 0 or gross_requirements <> 0)`));
  const reserved = await reservedParts(tx, itemNo, locationCode);
  const lineReserved = sum(reserved.filter((row) => promised && row.document_no === promised.documentNo && row.line_no === promised.lineNo).map((row) => dec(row.quantity)));
  const receipts = new Map<string, Decimal>();
  const requirements = new Map<string, Decimal>();
  const add = (map: Map<string, Decimal>, date: string, quantity: Decimal) => map.set(date, (map.get(date) ?? dec('0')).plus(quantity));
  let inventory = dec('0');
  for (const row of rows) {
    if (row.date === null) inventory = dec(row.inventory);
    else {
      add(receipts, row.date, dec(row.scheduled_receipts));
      add(requirements, row.date, dec(row.gross_requirements));
    }
  }
  for (const row of reserved) {
    add(requirements, row.demand_date, dec(row.quantity).negated());
    if (row.supply_type === 'inventory') inventory = inventory.minus(dec(row.quantity));
    else add(receipts, row.supply_date, dec(row.quantity).negated());
  }
  if (promised) add(requirements, promised.date ?? undatedLineDate, promised.outstanding.minus(lineReserved).negated());
  const events = (map: Map<string, Decimal>): AvailabilityEvent[] => [...map].filter(([, quantity]) => !quantity.isZero())
    .map(([date, quantity]) => ({ date, quantity })).sort((a, b) => a.date.localeCompare(b.date));
  return { picture: { inventory, receipts: events(receipts), requirements: events(requirements) }, lineReserved };
}

/** The reservations of the item at the location, each with the date of its demand and of its supply. */
async function reservedParts(tx: Executor, itemNo: string, locationCode: string): Promise<ReservedRow[]> {
  return rowsOf<ReservedRow>(await tx.execute(sql`
    select r.supply_type, r.sales_document_no as document_no, r.sales_line_no as line_no, r.quantity_base::text as quantity,
      coalesce(s.shipment_date, ${undatedLineDate}::date)::text as demand_date, coalesce(p.expected_receipt_date, ${undatedLineDate}::date)::text as supply_date
    from reservation r
    join sales_line s on s.document_type = r.sales_document_type and s.document_no = r.sales_document_no and s.line_no = r.sales_line_no
    left join purchase_line p on p.document_type = r.purchase_document_type and p.document_no = r.purchase_document_no and p.line_no = r.purchase_line_no
    where r.item_no = ${itemNo} and r.location_code = ${locationCode}`));
}

export interface AvailabilityFigures {
  /** Posted up to the end of the period (or the date). */
  inventory: string;
  grossRequirement: string;
  scheduledReceipt: string;
  /** Inventory + scheduled receipts − gross requirements, all up to the end of the period. */
  projectedAvailableBalance: string;
}

export interface PeriodAvailability extends AvailabilityFigures { periodStart: IsoDate; periodEnd: IsoDate }

/** Per period: what is required and received in it, and the inventory and projected balance at its end. */
export async function availabilityByPeriod(
  tx: Executor, itemNo: string, locationCode: string | null, periods: Array<{ start: IsoDate; end: IsoDate }>,
): Promise<PeriodAvailability[]> {
  if (periods.length === 0) return [];
  const bounds = sql.join(periods.map((period) => sql`(${period.start}::date, ${period.end}::date)`), sql`, `);
  const rows = rowsOf<Record<string, string>>(await tx.execute(sql`
    select p.start::text as period_start, p.finish::text as period_end,
      coalesce(sum(a.inventory) filter (where a.date <= p.finish), 0)::numeric(18, 5)::text as inventory,
      coalesce(sum(a.gross_requirements) filter (where a.date >= p.start and a.date <= p.finish), 0)::numeric(18, 5)::text as gross_requirement,
      coalesce(sum(a.scheduled_receipts) filter (where a.date >= p.start and a.date <= p.finish), 0)::numeric(18, 5)::text as scheduled_receipt,
      coalesce(sum(a.inventory + a.scheduled_receipts - a.gross_requirements) filter (where a.date <= p.finish), 0)::numeric(18, 5)::text as projected
    from (values ${bounds}) as p(start, finish)
    left join item_availability a on a.item_no = ${itemNo} and (${locationCode}::text is null or a.location_code = ${locationCode}) and a.date <= p.finish
    group by p.start, p.finish order by p.start`));
  return rows.map((row) => ({
    periodStart: row.period_start!, periodEnd: row.period_end!, inventory: row.inventory!, grossRequirement: row.gross_requirement!,
    scheduledReceipt: row.scheduled_receipt!, projectedAvailableBalance: row.projected!,
  }));
}

export interface LocationAvailability extends AvailabilityFigures { locationCode: string }

/** Per location the item has entries or open lines at: the figures up to the date (blank location first). */
export async function availabilityByLocation(tx: Executor, itemNo: string, date: IsoDate): Promise<LocationAvailability[]> {
  const rows = rowsOf<Record<string, string>>(await tx.execute(sql`
    select location_code,
      coalesce(sum(inventory), 0)::numeric(18, 5)::text as inventory, coalesce(sum(gross_requirements), 0)::numeric(18, 5)::text as gross_requirement,
      coalesce(sum(scheduled_receipts), 0)::numeric(18, 5)::text as scheduled_receipt,
      coalesce(sum(inventory + scheduled_receipts - gross_requirements), 0)::numeric(18, 5)::text as projected
    from item_availability where item_no = ${itemNo} and date <= ${date}::date
    group by location_code order by location_code`));
  return rows.map((row) => ({
    locationCode: row.location_code!, inventory: row.inventory!, grossRequirement: row.gross_requirement!,
    scheduledReceipt: row.scheduled_receipt!, projectedAvailableBalance: row.projected!,
  }));
}

export interface ReceiptDocument { date: IsoDate; kind: 'purchaseOrder' | 'salesReturnOrder' | 'assemblyOrder'; documentNo: string; lineNo: number; quantity: string }

/** The open purchase order, sales return order and assembly order lines behind the projection's receipts on the given dates. */
export async function receiptDocuments(tx: Executor, itemNo: string, locationCode: string, dates: IsoDate[]): Promise<ReceiptDocument[]> {
  if (dates.length === 0) return [];
  const list = sql.join(dates.map((date) => sql`${date}::date`), sql`, `);
  return rowsOf<ReceiptDocument>(await tx.execute(sql`
    select expected_receipt_date::text as date, 'purchaseOrder' as kind, document_no as "documentNo", line_no as "lineNo",
      (quantity_base - quantity_received * quantity_per_unit_of_measure)::numeric(18, 5)::text as quantity
    from purchase_line where document_type = 'order' and type = 'item' and no = ${itemNo} and coalesce(location_code, '') = ${locationCode}
      and not drop_shipment and expected_receipt_date in (${list}) and quantity_base <> quantity_received * quantity_per_unit_of_measure
    union all
    select shipment_date::text, 'salesReturnOrder', document_no, line_no, (quantity_base - return_quantity_received * quantity_per_unit_of_measure)::numeric(18, 5)::text
    from sales_line where document_type = 'returnOrder' and type = 'item' and no = ${itemNo} and coalesce(location_code, '') = ${locationCode}
      and shipment_date in (${list}) and quantity_base <> return_quantity_received * quantity_per_unit_of_measure
    union all
    select due_date::text, 'assemblyOrder', no, 0, (remaining_quantity * quantity_per_unit_of_measure)::numeric(18, 5)::text
    from assembly_header where document_type = 'order' and item_no = ${itemNo} and coalesce(location_code, '') = ${locationCode}
      and due_date in (${list}) and remaining_quantity > 0
    order by 1, 3, 4`));
}
