/**
 * Unapply over the API (spec §20.3): POST /api/v1/customerLedgerEntries/{entryNo}/unapply undoes
 * the entry's latest application; …/unapply/preview shows what it would write and keeps nothing.
 * Both need the posting permission.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { entryNumberParam } from '../../core/master-data/fields.ts';
import { unappliedView, unapplyPreviewView, unapplyRequest } from '../../core/receivables/unapply.views.ts';
import type { Executor } from '../db/connection.ts';
import { actorOf } from '../http/auth.ts';
import { loadSalesContext } from '../sales/sales-context.ts';
import { previewUnapplyCustomerLedgerEntry, unapplyCustomerLedgerEntry } from './unapply.commands.ts';

const description = 'Undoes the latest application of the entry, as BC: every detailed entry that application\'s transaction wrote for the customer '
  + '(Application, payment discount, payment tolerance and their VAT parts, realized gain or loss) gets an opposite detailed entry, both flagged '
  + 'Unapplied; the G/L and VAT entries they posted are reversed and the entries reopen. Refused with 422 APPLICATION_NOT_LATEST while a later '
  + 'application of one of those entries exists (unapply it first), NOTHING_TO_UNAPPLY when the entry has none, POSTING_DATE_NOT_ALLOWED.';

export function registerUnapplyRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.post('/api/v1/customerLedgerEntries/:entryNo/unapply', {
    config: { area: 'posting' as const },
    schema: {
      tags: ['ledgers'], summary: 'Unapply the latest application of a customer ledger entry', description,
      params: z.object({ entryNo: entryNumberParam() }), body: unapplyRequest, response: { 201: unappliedView },
    },
  }, async (request, reply) => {
    const result = await getDb().transaction(async (tx) => {
      const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
      return unapplyCustomerLedgerEntry(tx as Executor, request.params.entryNo, { postingDate: request.body?.postingDate }, context);
    });
    return reply.status(201).send(result);
  });

  routes.post('/api/v1/customerLedgerEntries/:entryNo/unapply/preview', {
    config: { area: 'posting' as const },
    schema: {
      tags: ['ledgers'], summary: 'Preview unapplying the latest application of a customer ledger entry: the entries it would write; nothing is kept',
      description: `${description} The preview is refused as the unapply would be; it locks nothing and draws no number.`,
      params: z.object({ entryNo: entryNumberParam() }), body: unapplyRequest, response: { 200: unapplyPreviewView },
    },
  }, async (request) => {
    // Reads only: no transaction to roll back, no number drawn.
    const db = getDb();
    const context = await loadSalesContext(db, request.workDate, actorOf(request).username);
    return previewUnapplyCustomerLedgerEntry(db, request.params.entryNo, { postingDate: request.body?.postingDate }, context);
  });
}
