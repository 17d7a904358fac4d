/**
 * The actions of `salesBlanketOrders` besides those every sales document has (spec §14): Make Order,
 * Delete Invoiced Blanket Sales Orders, and the documents linked to a blanket line.
 */
import type { FastifyReply, FastifyRequest, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import type { Area } from '../../core/access/roles.ts';
import { blanketLineLinksView } from '../../core/sales/blanket-order.views.ts';
import type { Executor } from '../db/connection.ts';
import { documentNo, lineNoOf, lineParams, noParam } from '../documents/document-routes.shared.ts';
import { deleteInvoicedBlanketOrders, makeOrderFromBlanketOrder } from './blanket-order.commands.ts';
import { blanketLineLinks } from './blanket-order.queries.ts';
import type { SalesContext } from './sales-context.ts';
import type { SalesDocument } from './sales-document.types.ts';

const zodRoutes = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/** What the blanket routes borrow from the sales document routes (sales-document.routes.ts). */
export interface BlanketOrderRoutes {
  routes: ReturnType<typeof zodRoutes>;
  getDb: () => Executor;
  base: string;
  config: { area: Area };
  tags: string[];
  run: (request: FastifyRequest, reply: FastifyReply, command: (tx: Executor, context: SalesContext) => Promise<SalesDocument>, status?: number) => Promise<unknown>;
  documentSchema: z.ZodType;
}

export function registerBlanketOrderRoutes({ routes, getDb, base, config, tags, run, documentSchema }: BlanketOrderRoutes) {
  routes.post(`${base}/:no/makeOrder`, {
    config,
    schema: {
      tags, params: noParam, response: { 201: documentSchema },
      summary: 'Make Order (spec §14.2): a new sales order of every line with a Qty. to Ship, at the blanket\'s prices and discounts, linked to the blanket lines; '
        + 'their Qty. to Ship is reset and the blanket order stays. Answers the new order.',
    },
  }, async (request, reply) => run(request, reply, (tx, context) => makeOrderFromBlanketOrder(tx, documentNo(request), context), 201));

  routes.post(`${base}/deleteInvoiced`, {
    config,
    schema: {
      tags, response: { 200: z.object({ deleted: z.array(z.string()) }) },
      summary: 'Delete Invoiced Blanket Sales Orders (spec §14.4): those whose every line is shipped and invoiced in full and to which no unposted line is linked',
    },
  }, async () => ({ deleted: await getDb().transaction(async (tx) => deleteInvoicedBlanketOrders(tx as Executor)) }));

  routes.get(`${base}/:no/lines/:lineNo/linkedDocuments`, {
    config,
    schema: { tags, params: lineParams, response: { 200: blanketLineLinksView }, summary: 'The order, invoice, shipment … lines linked to a blanket order line, posted or not (spec §14.4)' },
  }, async (request) => blanketLineLinks(getDb(), documentNo(request), lineNoOf(request)));
}
