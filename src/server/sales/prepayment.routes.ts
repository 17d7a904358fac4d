/**
 * Prepayment actions on sales orders (spec §26.4–26.6): Post Prepayment Invoice, Post Prepayment
 * Credit Memo, and the Update Pending Prepayment Orders batch.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import type { Executor } from '../db/connection.ts';
import { actorOf } from '../http/auth.ts';
import { expectedVersion } from '../master-data/resource.routes.ts';
import { whilePosting } from './posting-guard.ts';
import { type PrepaymentDocumentKind, postPrepayment } from './prepayment.post.ts';
import { loadSalesContext } from './sales-context.ts';
import { updatePendingPrepaymentOrders } from './sales-document.commands.ts';
import { findDocument } from './sales-document.queries.ts';
import { documentView } from './sales-document.view.ts';

const params = z.object({ no: z.string() });
const documentNo = (request: FastifyRequest) => (request.params as { no: string }).no.trim().toUpperCase();

const postingResult = z.object({
  no: z.string().describe('The order'),
  documentType: z.enum(['invoice', 'creditMemo']),
  postedNo: z.string().describe('The posted prepayment invoice (credit memo)'),
  transactionNo: z.number().int(),
  amount: z.string(),
  amountIncludingVat: z.string(),
  document: z.unknown().describe('The order after the posting'),
});

const actions: { path: string; kind: PrepaymentDocumentKind; summary: string }[] = [
  {
    path: 'postPrepaymentInvoice', kind: 'invoice',
    summary: 'Post Prepayment Invoice (spec §26.4): invoices each line\'s Prepmt. Line Amount not yet invoiced, on the Sales Prepayments Account; the order becomes Pending Prepayment',
  },
  {
    path: 'postPrepaymentCreditMemo', kind: 'creditMemo',
    summary: 'Post Prepayment Credit Memo (spec §26.5): credits every line\'s invoiced prepayment not yet deducted, with its VAT; the order becomes Pending Prepayment',
  },
];

export function registerPrepaymentRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['salesOrders'];
  for (const action of actions) {
    routes.post(`/api/v1/salesOrders/:no/${action.path}`, {
      config: { area: 'posting' }, schema: { tags, params, response: { 201: postingResult }, summary: action.summary },
    }, async (request, reply) => {
      const no = documentNo(request);
      const response = await whilePosting('Sales Order', 'order', no, () => getDb().transaction(async (tx) => {
        const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
        const result = await postPrepayment(tx as Executor, action.kind, no, context, { expectedVersion: expectedVersion(request.headers['if-match'], undefined) });
        const document = await findDocument(tx as Executor, 'order', no);
        return { ...result, document: document ? await documentView(tx as Executor, document, context) : null };
      }));
      return reply.status(201).send(response);
    });
  }

  routes.post('/api/v1/salesOrders/updatePendingPrepayment', {
    config: { area: 'sales' },
    schema: {
      tags, response: { 200: z.object({ released: z.array(z.string()) }) },
      summary: 'Update Pending Prepayment Orders (spec §26.6): releases every order in Pending Prepayment whose prepayment is invoiced and, with Check Prepmt. when Posting, paid',
    },
  }, async (request) => getDb().transaction(async (tx) => {
    const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
    return { released: await updatePendingPrepaymentOrders(tx as Executor, context) };
  }));
}
