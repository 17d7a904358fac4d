/**
 * Reverse Transaction over the API (spec §20.3): from the G/L register of a journal transaction, or
 * from one of its customer ledger entries, as BC offers it on both. Needs the posting permission.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { entryNumberParam } from '../../core/master-data/fields.ts';
import type { Executor } from '../db/connection.ts';
import { actorOf } from '../http/auth.ts';
import { loadSalesContext } from '../sales/sales-context.ts';
import { reverseTransaction, transactionOfCustomerEntry } from './reverse-transaction.ts';

const reversalView = z.object({
  transactionNo: z.number().int().describe('The transaction reversed.'),
  reversedByTransactionNo: z.number().int().describe('The new transaction of opposite entries (source code REVERSAL).'),
});

const description = 'Posts the opposite of every G/L, VAT, customer and bank account entry of a transaction posted from a journal, on its posting date, '
  + 'and applies each new customer entry to the one it reverses, so both close. Refused (422 REVERSAL_NOT_ALLOWED) when the transaction was posted '
  + 'from a document, is reversed already or is itself a reversal, has applied customer entries (unapply them first), reconciled bank entries or settled VAT.';

export function registerReverseRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const config = { area: 'posting' as const };
  const reverse = (request: { workDate: string }, actor: string, transactionNo: (tx: Executor) => Promise<number>) =>
    getDb().transaction(async (tx) => {
      const context = await loadSalesContext(tx as Executor, request.workDate, actor);
      return reverseTransaction(tx as Executor, await transactionNo(tx as Executor), context);
    });

  routes.post('/api/v1/glRegisters/:no/reverse', {
    config,
    schema: {
      tags: ['ledgers'], summary: 'Reverse the transaction of a G/L register', description,
      params: z.object({ no: entryNumberParam() }), response: { 201: reversalView },
    },
  }, async (request, reply) => reply.status(201).send(await reverse(request, actorOf(request).username, async () => request.params.no)));

  routes.post('/api/v1/customerLedgerEntries/:entryNo/reverse', {
    config,
    schema: {
      tags: ['ledgers'], summary: 'Reverse the transaction a customer ledger entry was posted in', description,
      params: z.object({ entryNo: entryNumberParam() }), response: { 201: reversalView },
    },
  }, async (request, reply) => reply.status(201).send(await reverse(request, actorOf(request).username, (tx) => transactionOfCustomerEntry(tx, request.params.entryNo))));
}
