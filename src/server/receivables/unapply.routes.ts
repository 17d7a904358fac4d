/**
 * Unapply over the API (spec §20.3): POST /api/v1/customerLedgerEntries/{entryNo}/unapply undoes
 * the entry's latest application. Needs the posting permission.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { isoDate } from '../../core/master-data/fields.ts';
import type { Executor } from '../db/connection.ts';
import { actorOf } from '../http/auth.ts';
import { loadSalesContext } from '../sales/sales-context.ts';
import { unapplyCustomerLedgerEntry } from './unapply.commands.ts';

const unapplyRequest = z.strictObject({
  postingDate: isoDate().optional().describe("Left out: the application's posting date. Must be allowed and not before it."),
}).nullish();

const unappliedView = z.object({
  transactionNo: z.number().int().describe('The new transaction (source code UNAPPSALES).'),
  postingDate: z.string(),
  documentNo: z.string(),
  unappliedTransactionNo: z.number().int().describe('The application transaction whose detailed entries were undone.'),
  customerLedgerEntries: z.array(z.object({
    entryNo: z.number().int(), remainingAmount: z.string(), remainingAmountLcy: z.string(), open: z.boolean(),
  })).describe('The entries the application touched, as the unapply leaves them.'),
});

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
      params: z.object({ entryNo: z.coerce.number().int().positive() }), body: unapplyRequest, response: { 201: unappliedView },
    },
  }, async (request, reply) => {
    const result = await getDb().transaction(async (tx) => {
      const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
      return unapplyCustomerLedgerEntry(tx as Executor, request.params.entryNo, { postingDate: request.body?.postingDate }, context);
    });
    return reply.status(201).send(result);
  });
}
