/**
 * Item availability (by period, by location) and Order Promising on sales orders (spec §16):
 * /api/v1/items/:no/availabilityByPeriod, /api/v1/items/:no/availabilityByLocation,
 * /api/v1/salesOrders/:no/orderPromising and …/orderPromising/accept.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { addDays, type IsoDate } from '../../core/dates/calendar-date.ts';
import { calculateDate } from '../../core/dates/date-formula.ts';
import { bucketStart, type TimeBucket } from '../../core/promising/available-to-promise.ts';
import { DomainError } from '../../core/errors.ts';
import { isoDate, integerField, quantity } from '../../core/master-data/fields.ts';
import { dec, sum } from '../../core/money/decimal.ts';
import { cancelReservations, lineReservations, reserveLine, type ReservationRow } from './reservations.ts';
import type { Executor } from '../db/connection.ts';
import { item } from '../db/schema/index.ts';
import { actorOf } from '../http/auth.ts';
import { loadSalesContext } from '../sales/sales-context.ts';
import { availabilityByLocation, availabilityByPeriod } from './item-availability.queries.ts';
import { orderPromisingLines } from './order-promising.ts';
import { acceptOrderPromising } from './order-promising.accept.ts';

const itemParams = z.object({ no: z.string() });
const orderParams = z.object({ no: z.string() });
const method = z.enum(['availableToPromise', 'capableToPromise']).default('availableToPromise')
  .describe('availableToPromise: from inventory and scheduled supply; capableToPromise: with a new replenishment started now');
const figures = { inventory: z.string(), grossRequirement: z.string(), scheduledReceipt: z.string(), projectedAvailableBalance: z.string() };
const periodSchema = z.object({ periodStart: z.string(), periodEnd: z.string(), ...figures });
const locationSchema = z.object({ locationCode: z.string(), ...figures });
const promisingLineSchema = z.object({
  lineNo: z.number(), itemNo: z.string(), description: z.string(), locationCode: z.string(), quantity: z.string(), requiredQuantity: z.string(),
  unavailableQuantity: z.string(), requestedDeliveryDate: z.string().nullable(), requestedShipmentDate: z.string().nullable(),
  originalShipmentDate: z.string().nullable(), earliestShipmentDate: z.string().nullable(), plannedDeliveryDate: z.string().nullable(),
  supply: z.object({ quantity: z.string(), dueDate: z.string(), endingDate: z.string(), startingDate: z.string() }).nullable(),
  explanation: z.array(z.record(z.string(), z.unknown())).describe('The steps that decided the date: inventory, each receipt counted (with its documents), the shortfall, the date chosen'),
});

/** Consecutive periods of the given length from the one holding `from`. */
export function periodsFrom(from: IsoDate, periodType: TimeBucket, count: number): Array<{ start: IsoDate; end: IsoDate }> {
  const letter = { day: 'D', week: 'W', month: 'M', quarter: 'Q', year: 'Y' }[periodType];
  const periods: Array<{ start: IsoDate; end: IsoDate }> = [];
  let start = bucketStart(from, periodType);
  for (let index = 0; index < count; index++) {
    const end = calculateDate(`C${letter}`, start);
    periods.push({ start, end });
    start = addDays(end, 1);
  }
  return periods;
}

async function assertItem(db: Executor, no: string): Promise<string> {
  const [row] = await db.select({ no: item.no }).from(item).where(eq(item.no, no.toUpperCase()));
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'Item', key: no });
  return row.no;
}

export function registerAvailabilityRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const itemConfig = { area: 'items' as const };
  routes.get('/api/v1/items/:no/availabilityByPeriod', {
    config: itemConfig,
    schema: {
      tags: ['items'], params: itemParams, summary: 'Item Availability by Periods: gross requirement, scheduled receipt, inventory and projected available balance per period',
      querystring: z.strictObject({
        locationCode: z.string().optional().describe('One location (blank: the blank location); all locations when left out'),
        periodType: z.enum(['day', 'week', 'month', 'quarter', 'year']).default('week'),
        from: isoDate().optional().describe('Default: the work date'), periods: z.coerce.number().pipe(integerField({ min: 1, max: 366 })).default(12),
      }),
      response: { 200: z.object({ itemNo: z.string(), items: z.array(periodSchema) }) },
    },
  }, async (request) => {
    const db = getDb();
    const itemNo = await assertItem(db, request.params.no);
    const { locationCode, periodType, from, periods } = request.query;
    const rows = await availabilityByPeriod(db, itemNo, locationCode === undefined ? null : locationCode.toUpperCase(), periodsFrom(from ?? request.workDate, periodType, periods));
    return { itemNo, items: rows };
  });
  routes.get('/api/v1/items/:no/availabilityByLocation', {
    config: itemConfig,
    schema: {
      tags: ['items'], params: itemParams, summary: 'Item Availability by Location: the same figures per location, up to a date',
      querystring: z.strictObject({ date: isoDate().optional().describe('Default: the work date') }),
      response: { 200: z.object({ itemNo: z.string(), date: z.string(), items: z.array(locationSchema) }) },
    },
  }, async (request) => {
    const db = getDb();
    const itemNo = await assertItem(db, request.params.no);
    const date = request.query.date ?? request.workDate;
    return { itemNo, date, items: await availabilityByLocation(db, itemNo, date) };
  });
  registerOrderPromisingRoutes(app, getDb);
  registerReservationRoutes(app, getDb);
}

const lineParams = z.object({ no: z.string(), lineNo: z.coerce.number().pipe(integerField({ min: 1 })) });
const reservationSchema = z.object({
  id: z.string(), itemNo: z.string(), locationCode: z.string(), quantityBase: z.string(), salesDocumentNo: z.string(), salesLineNo: z.number(),
  supplyType: z.enum(['inventory', 'purchaseOrder', 'assemblyOrder']), purchaseDocumentNo: z.string().nullable(), purchaseLineNo: z.number().nullable(),
  assemblyDocumentNo: z.string().nullable(),
  createdBy: z.string(), createdAt: z.string(),
}).loose();
const reservationView = (row: ReservationRow) => ({ ...row, supplyType: row.supplyType as 'inventory' | 'purchaseOrder' | 'assemblyOrder' });

/** Reserve, show and cancel the reservations of a sales order line. */
function registerReservationRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const config = { area: 'sales' as const };
  const tags = ['salesOrders'];
  const base = '/api/v1/salesOrders/:no/lines/:lineNo';
  const listOf = async (db: Executor, no: string, lineNo: number) => {
    const rows = await lineReservations(db, no, lineNo);
    return { reservedQuantity: sum(rows.map((row) => dec(row.quantityBase))).toFixed(5), items: rows.map(reservationView) };
  };
  const listSchema = z.object({ reservedQuantity: z.string(), items: z.array(reservationSchema) });
  routes.get(`${base}/reservations`, { config, schema: { tags, params: lineParams, summary: 'The reservations of a sales order line (base unit of measure)', response: { 200: listSchema } } },
    async (request) => listOf(getDb(), request.params.no.toUpperCase(), request.params.lineNo));
  routes.post(`${base}/reserve`, {
    config,
    schema: {
      tags, params: lineParams, summary: 'Reserve: from the given supply, else free inventory at the line\'s location, then assembly orders and purchase order lines due by its shipment date',
      body: z.strictObject({
        quantity: quantity().optional().describe('Base unit of measure; default: all not yet reserved'),
        supply: z.discriminatedUnion('type', [
          z.strictObject({ type: z.literal('inventory') }),
          z.strictObject({ type: z.literal('purchaseOrder'), documentNo: z.string(), lineNo: integerField({ min: 1 }) }),
          z.strictObject({ type: z.literal('assemblyOrder'), documentNo: z.string() }),
        ]).optional(),
      }).default({}),
      response: { 200: listSchema.extend({ reservedNow: z.string() }) },
    },
  }, async (request) => getDb().transaction(async (tx) => {
    const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
    const no = request.params.no.toUpperCase();
    const given = request.body.supply;
    const supply = given && given.type !== 'inventory' ? { ...given, documentNo: given.documentNo.toUpperCase() } : given;
    const { reserved } = await reserveLine(tx as Executor, no, request.params.lineNo, {
      ...(request.body.quantity !== undefined ? { quantity: dec(request.body.quantity) } : {}), ...(supply ? { supply } : {}),
    }, context);
    return { ...(await listOf(tx as Executor, no, request.params.lineNo)), reservedNow: reserved.toFixed(5) };
  }));
  routes.delete(`${base}/reservations`, {
    config, schema: { tags, params: lineParams, summary: 'Cancel Reservation: the line\'s reservations are removed', response: { 200: z.object({ cancelledQuantity: z.string() }) } },
  }, async (request) => getDb().transaction(async (tx) => ({
    cancelledQuantity: (await cancelReservations(tx as Executor, request.params.no.toUpperCase(), request.params.lineNo)).toFixed(5),
  })));
}

function registerOrderPromisingRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const config = { area: 'sales' as const };
  const tags = ['salesOrders'];
  routes.post('/api/v1/salesOrders/:no/orderPromising', {
    config,
    schema: {
      tags, params: orderParams, body: z.strictObject({ method }).default({ method: 'availableToPromise' }),
      summary: 'Order Promising Lines: the earliest shipment date of each line still to ship, and why (nothing is changed)',
      response: { 200: z.object({ lines: z.array(promisingLineSchema) }) },
    },
  }, async (request) => {
    const db = getDb();
    const context = await loadSalesContext(db, request.workDate);
    return { lines: await orderPromisingLines(db, request.params.no.toUpperCase(), request.body.method, context) };
  });
  routes.post('/api/v1/salesOrders/:no/orderPromising/accept', {
    config,
    schema: {
      tags, params: orderParams,
      body: z.strictObject({ method, lineNos: z.array(integerField({ min: 1 })).min(1).optional().describe('Default: every promising line') }),
      summary: 'Accept: the lines ship on their earliest shipment dates; Capable to Promise puts its replenishment on the order promising worksheet',
      response: { 200: z.object({ lines: z.array(promisingLineSchema), orderPromisingId: z.string().nullable(), worksheetName: z.string() }) },
    },
  }, async (request) => getDb().transaction(async (tx) => {
    const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
    return acceptOrderPromising(tx as Executor, request.params.no.toUpperCase(), request.body.method, request.body.lineNos, context);
  }));
}
