/**
 * Apply Entries and Unapply over the API for vendor ledger entries, as for customer entries
 * (receivables/apply-entries.routes.ts, unapply.routes.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { entryNumberParam } from '../../core/master-data/fields.ts';
import type { Executor } from '../db/connection.ts';
import { actorOf } from '../http/auth.ts';
import { postApplicationRequest } from '../receivables/apply-entries.schemas.ts';
import { loadSalesContext } from '../sales/sales-context.ts';
import { unapplyRequest } from '../../core/receivables/unapply.views.ts';
import { postVendorApplication } from './vendor-apply-entries.ts';
import { unapplyVendorLedgerEntry } from './vendor-unapply.ts';

const entryAfter = z.object({ entryNo: z.number().int(), remainingAmount: z.string(), remainingAmountLcy: z.string(), open: z.boolean() });
const postedApplicationView = z.object({
  transactionNo: z.number().int().describe('The application transaction (source code PURCHAPPL).'),
  postingDate: z.string(), documentNo: z.string().describe("The applying entry's document no."),
  vendorLedgerEntries: z.array(entryAfter).describe('The applying and applied entries as the application leaves them.'),
});

const unappliedView = z.object({
  transactionNo: z.number().int().describe('The new transaction (source code UNAPPPURCH).'),
  postingDate: z.string(), documentNo: z.string(),
  unappliedTransactionNo: z.number().int().describe('The application transaction whose detailed entries were undone.'),
  vendorLedgerEntries: z.array(entryAfter).describe('The entries the application touched, as the unapply leaves them.'),
});

export function registerVendorApplyEntriesRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.post('/api/v1/vendorLedgerEntries/:entryNo/unapply', {
    config: { area: 'posting' },
    schema: {
      tags: ['ledgers'], summary: 'Unapply the latest application of a vendor ledger entry',
      description: 'As for customer entries: every detailed entry of the latest application gets an opposite one, both flagged Unapplied; the G/L '
        + 'they posted is reversed and the entries reopen. 422 APPLICATION_NOT_LATEST, NOTHING_TO_UNAPPLY, POSTING_DATE_NOT_ALLOWED.',
      params: z.object({ entryNo: entryNumberParam() }), body: unapplyRequest, response: { 201: unappliedView },
    },
  }, async (request, reply) => {
    const result = await getDb().transaction(async (tx) => {
      const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
      return unapplyVendorLedgerEntry(tx as Executor, request.params.entryNo, { postingDate: request.body?.postingDate }, context);
    });
    return reply.status(201).send(result);
  });

  routes.post('/api/v1/vendorLedgerEntries/:entryNo/apply', {
    config: { area: 'posting' },
    schema: {
      tags: ['ledgers'], summary: 'Post Application: apply an open vendor ledger entry to other open entries of its vendor',
      description: 'As for customer entries: the named entries in order, each for its Amount to Apply (in the entry\'s sign: negative on an invoice), '
        + 'with payment discount received, tolerance and realized gains or losses. Refused with 422 APPLICATION_INVALID (different vendors, '
        + 'currencies the setup does not let meet, closed entries, same signs, an amount to apply too large, a posting date before the entries).',
      params: z.object({ entryNo: entryNumberParam() }), body: postApplicationRequest, response: { 201: postedApplicationView },
    },
  }, async (request, reply) => {
    const result = await getDb().transaction(async (tx) => {
      const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
      return postVendorApplication(tx as Executor, request.params.entryNo, request.body, context);
    });
    return reply.status(201).send(result);
  });
}
