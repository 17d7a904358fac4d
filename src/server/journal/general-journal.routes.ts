/**
 * The general journal over the API: post a batch of journal lines, or preview it. Both need the
 * posting permission, as posting sales documents does.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { generalJournalPost } from '../../core/journal/general-journal.schemas.ts';
import { generalJournalPostingResultView, generalJournalPreviewView } from '../../core/journal/general-journal.views.ts';
import type { Executor } from '../db/connection.ts';
import { actorOf } from '../http/auth.ts';
import { loadSalesContext } from '../sales/sales-context.ts';
import { postGeneralJournal, previewGeneralJournal } from './general-journal.commands.ts';

const linesDescription = 'Consecutive lines with the same posting date and document no. form one transaction (one register, source code GENJNL), which must balance in LCY. '
  + 'A line with a Bal. Account No. posts its amount to the account and the opposite to the balancing account. '
  + 'A customer line applies its entry to the open entry of its Applies-to Doc. No., to the entries marked with its Applies-to ID, or — for a customer '
  + 'whose Application Method is Apply to Oldest and a line naming neither — to the oldest open entries; payment discount, payment discount tolerance, '
  + 'payment tolerance (see acceptPaymentTolerance) and realized gains and losses are posted in the same transaction.';

export function registerGeneralJournalRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const config = { area: 'posting' as const };

  routes.post('/api/v1/generalJournal/post', {
    config,
    schema: {
      tags: ['generalJournal'],
      summary: 'Post general journal lines (G/L, customer, vendor and bank account lines) in one database transaction',
      description: `${linesDescription} A refused line posts nothing.`,
      body: generalJournalPost,
      response: { 201: generalJournalPostingResultView },
    },
  }, async (request, reply) => {
    const result = await getDb().transaction(async (tx) => {
      const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
      return postGeneralJournal(tx as Executor, request.body, context);
    });
    return reply.status(201).send(result);
  });

  routes.post('/api/v1/generalJournal/preview', {
    config,
    schema: {
      tags: ['generalJournal'],
      summary: 'Preview posting general journal lines: every entry each transaction would write, numbered provisionally; nothing is written',
      description: linesDescription,
      body: generalJournalPost,
      response: { 200: generalJournalPreviewView },
    },
  }, async (request) => {
    // Reads only: no transaction to roll back, no number drawn.
    const db = getDb();
    const context = await loadSalesContext(db, request.workDate, actorOf(request).username);
    return previewGeneralJournal(db, request.body, context);
  });
}
