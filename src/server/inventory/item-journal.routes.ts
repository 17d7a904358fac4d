/**
 * The item journal (post adjustments and opening inventory) and an item's inventory, derived from
 * the item ledger. Posting needs write access to items, as changing stock is the item manager's job.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { itemJournalPost } from '../../core/inventory/item-journal.schemas.ts';
import { itemInventoryView } from '../../core/inventory/item-inventory.views.ts';
import type { Executor } from '../db/connection.ts';
import { actorOf } from '../http/auth.ts';
import { loadSalesContext } from '../sales/sales-context.ts';
import { itemInventory } from './item-inventory.queries.ts';
import { postItemJournal } from './item-journal.commands.ts';

const postedLineSchema = z.object({
  index: z.number(), itemNo: z.string(), locationCode: z.string(), itemLedgerEntryNo: z.number(), transactionNo: z.number(),
  quantity: z.string(), costAmount: z.string(), unitCost: z.string(),
});

export function registerItemJournalRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post('/api/v1/itemJournal/post', {
    config: { area: 'items' },
    schema: {
      tags: ['itemJournal'],
      summary: 'Post item journal lines (positive/negative adjustments, opening inventory) in one transaction',
      description: 'Every posting date and document no. becomes one transaction (source code ITEMJNL). With Automatic Cost Posting the cost goes to the Inventory Account and the Inventory Adjustment Account. A refused line posts nothing.',
      body: itemJournalPost,
      response: { 201: z.object({ lines: z.array(postedLineSchema) }) },
    },
  }, async (request, reply) => {
    const result = await getDb().transaction(async (tx) => {
      const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
      return postItemJournal(tx as Executor, request.body, context);
    });
    return reply.status(201).send(result);
  });

  routes.get('/api/v1/items/:no/inventory', {
    schema: {
      tags: ['items'],
      summary: 'The inventory of an item: quantity in total and per location, unit cost and inventory value',
      params: z.object({ no: z.string() }),
      response: { 200: itemInventoryView },
    },
  }, async (request) => itemInventory(getDb(), request.params.no.trim().toUpperCase()));
}
