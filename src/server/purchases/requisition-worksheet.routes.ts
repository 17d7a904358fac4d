/** /api/v1/requisitionWorksheets/:name: the drop shipment and special order worksheet, Get Sales Orders and Carry Out Action Message. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { and, asc, eq } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { code, codeReference, unitAmount } from '../../core/master-data/fields.ts';
import type { Executor } from '../db/connection.ts';
import { requisitionLine } from '../db/schema/index.ts';
import { actorOf } from '../http/auth.ts';
import { loadPurchaseContext } from './purchase-context.ts';
import { carryOutActionMessages, getSalesOrdersIntoWorksheet, updateRequisitionLine } from './requisition-worksheet.ts';
import { createdResponse, noContentResponse } from '../http/response-schemas.ts';

const worksheetParams = z.object({ name: z.string() });
const lineParams = z.object({ name: z.string(), id: z.uuid() });
const config = { area: 'purchases' as const };
const tags = ['requisitionWorksheets'];

export function registerRequisitionWorksheetRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/requisitionWorksheets/:name';
  const nameOf = (params: { name: string }) => params.name.trim().toUpperCase();
  const linesOf = async (db: Executor, name: string) => ({ items: await db.select().from(requisitionLine).where(eq(requisitionLine.worksheetName, name)).orderBy(asc(requisitionLine.lineNo)) });

  routes.get(`${base}/lines`, { config, schema: { tags, summary: 'The lines of a requisition worksheet', params: worksheetParams } },
    async (request) => linesOf(getDb(), nameOf(request.params)));

  routes.post(`${base}/getSalesOrders`, {
    config,
    schema: {
      tags, params: worksheetParams, summary: 'Drop Shipment / Special Order → Get Sales Orders: a line per sales line to buy, vendor from the item',
      body: z.strictObject({ kind: z.enum(['dropShipment', 'specialOrder']).default('dropShipment'), salesOrderNo: code().optional() }),
      response: createdResponse('The worksheet\'s lines after the sales orders were got'),
    },
  }, async (request, reply) => {
    const name = nameOf(request.params);
    const result = await getDb().transaction(async (tx) => {
      await getSalesOrdersIntoWorksheet(tx as Executor, name, request.body.kind, request.body.salesOrderNo);
      return linesOf(tx as Executor, name);
    });
    return reply.status(201).send(result);
  });

  routes.patch(`${base}/lines/:id`, {
    config,
    schema: {
      tags, params: lineParams, summary: 'Change the vendor, the cost or Accept Action Message of a worksheet line',
      body: z.strictObject({ vendorNo: codeReference().nullable(), directUnitCost: unitAmount(), acceptActionMessage: z.boolean() }).partial(),
    },
  }, async (request) => getDb().transaction(async (tx) => updateRequisitionLine(tx as Executor, request.params.id, request.body)));

  routes.delete(`${base}/lines/:id`, { config, schema: { tags, params: lineParams, summary: 'Delete a worksheet line', response: noContentResponse } }, async (request, reply) => {
    const deleted = await getDb().delete(requisitionLine).where(and(eq(requisitionLine.worksheetName, nameOf(request.params)), eq(requisitionLine.id, request.params.id))).returning();
    if (deleted.length === 0) throw new DomainError('NOT_FOUND', { entity: 'Requisition Line', key: request.params.id });
    return reply.status(204).send(null);
  });

  routes.post(`${base}/carryOutActionMessage`, {
    config, schema: { tags, params: worksheetParams, summary: 'Carry Out Action Message: purchase orders for the accepted lines, one per vendor and destination', response: createdResponse('{ purchaseOrderNos }: the purchase orders created') },
  }, async (request, reply) => {
    const purchaseOrderNos = await getDb().transaction(async (tx) =>
      carryOutActionMessages(tx as Executor, nameOf(request.params), await loadPurchaseContext(tx as Executor, request.workDate, actorOf(request).username)));
    return reply.status(201).send({ purchaseOrderNos });
  });
}
