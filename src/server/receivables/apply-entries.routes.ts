/**
 * Apply Entries over the API (spec §20.2 items 1 and 3): Post Application from a posted customer
 * ledger entry, and the Applies-to ID marks a journal line applies by. Posting needs the posting
 * permission; marking entries too, as it prepares a posting.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { entryNumberParam } from '../../core/master-data/fields.ts';
import type { Executor } from '../db/connection.ts';
import { actorOf } from '../http/auth.ts';
import { loadSalesContext } from '../sales/sales-context.ts';
import { postApplication } from './apply-entries.commands.ts';
import { applyMarksRequest, appliesToIdParam, postApplicationRequest } from './apply-entries.schemas.ts';
import { listApplyMarks, setApplyMarks } from './apply-marks.commands.ts';

const entryAfter = z.object({ entryNo: z.number().int(), remainingAmount: z.string(), remainingAmountLcy: z.string(), open: z.boolean() });
const postedApplicationView = z.object({
  transactionNo: z.number().int().describe('The application transaction (source code SALESAPPL).'),
  postingDate: z.string(), documentNo: z.string().describe("The applying entry's document no."),
  customerLedgerEntries: z.array(entryAfter).describe('The applying and applied entries as the application leaves them.'),
});
const markView = z.object({
  entries: z.array(z.object({
    entryNo: z.number().int(), customerNo: z.string(), documentType: z.string(), documentNo: z.string(), remainingAmount: z.string(), amountToApply: z.string(),
  })),
});

export function registerApplyEntriesRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const config = { area: 'posting' as const };

  routes.post('/api/v1/customerLedgerEntries/:entryNo/apply', {
    config,
    schema: {
      tags: ['ledgers'], summary: 'Post Application: apply an open customer ledger entry to other open entries of its customer',
      description: 'Applies the entry (e.g. a payment) to the named entries in order, each for its Amount to Apply, with payment discount, payment '
        + 'discount tolerance, payment tolerance and realized gains or losses as at journal posting (spec §20.3–§20.5). Entries in other currencies '
        + 'apply as Appln. between Currencies in the Sales & Receivables Setup allows (None, EMU, All): converted into the applying entry\'s currency '
        + 'at the rates of its posting date, with application rounding and corrections of the remaining amount as BC. Refused with 422 '
        + 'APPLICATION_INVALID (different customers, currencies the setup does not let meet, closed entries, same signs, an amount to apply too '
        + 'large, a posting date before the entries).',
      params: z.object({ entryNo: entryNumberParam() }), body: postApplicationRequest, response: { 201: postedApplicationView },
    },
  }, async (request, reply) => {
    const result = await getDb().transaction(async (tx) => {
      const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
      return postApplication(tx as Executor, request.params.entryNo, request.body, context);
    });
    return reply.status(201).send(result);
  });

  routes.get('/api/v1/customerEntryApplyMarks/:appliesToId', {
    config,
    schema: { tags: ['ledgers'], summary: 'The customer ledger entries marked with an Applies-to ID, and their Amounts to Apply', params: appliesToIdParam, response: { 200: markView } },
  }, async (request) => ({ entries: await listApplyMarks(getDb(), request.params.appliesToId) }));

  routes.put('/api/v1/customerEntryApplyMarks/:appliesToId', {
    config,
    schema: {
      tags: ['ledgers'], summary: 'Mark open customer ledger entries with an Applies-to ID (replaces what the ID marked)',
      description: 'A journal line with this Applies-to ID then applies its payment to the marked entries, each for its Amount to Apply (0 = all).',
      params: appliesToIdParam, body: applyMarksRequest, response: { 200: markView },
    },
  }, async (request) => ({
    entries: await getDb().transaction(async (tx) => {
      const { glSetup } = await loadSalesContext(tx as Executor, '');
      return setApplyMarks(tx as Executor, request.params.appliesToId, request.body, actorOf(request).username, glSetup);
    }),
  }));
}
