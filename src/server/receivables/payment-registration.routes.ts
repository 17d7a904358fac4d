/** Register Customer Payments over the API (spec §20.2 item 2). Listing needs read access to entries, posting the posting permission. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import type { Executor } from '../db/connection.ts';
import { actorOf } from '../http/auth.ts';
import { loadSalesContext } from '../sales/sales-context.ts';
import { postRegisteredPayments, unpaidDocuments } from './payment-registration.ts';
import { paymentRegistrationDocument, paymentRegistrationPost, paymentRegistrationQuery, paymentRegistrationResult } from './payment-registration.schemas.ts';

export function registerPaymentRegistrationRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get('/api/v1/paymentRegistration/documents', {
    config: { area: 'posting' as const },
    schema: {
      tags: ['receivables'], summary: 'Unpaid posted documents (open customer ledger entries), oldest due first',
      querystring: paymentRegistrationQuery, response: { 200: z.object({ items: z.array(paymentRegistrationDocument) }) },
    },
  }, async (request) => ({ items: await unpaidDocuments(getDb(), request.query, request.workDate) }));

  routes.post('/api/v1/paymentRegistration/post', {
    config: { area: 'posting' as const },
    schema: {
      tags: ['receivables'], summary: 'Post the payments received for the ticked documents, each separately or as lump payments',
      description: 'Each payment is a cash receipt (document no. from the CASHRCPT GENERAL batch series, source code CASHRECJNL) applied to its document, '
        + 'or with lumpPayment one per customer, currency and date applied to its documents by Applies-to ID. All or nothing; a refusal names lines.<i>.<field>.',
      body: paymentRegistrationPost, response: { 201: paymentRegistrationResult },
    },
  }, async (request, reply) => {
    const result = await getDb().transaction(async (tx) => {
      const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
      return postRegisteredPayments(tx as Executor, request.body, context);
    });
    return reply.status(201).send(result);
  });
}
