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
import { type PrepaymentDocumentKind, postPrepayment, previewPrepayment } from './prepayment.post.ts';
import { inRolledBackTransaction } from '../ledger/rolled-back-transaction.ts';
import { loadSalesContext } from './sales-context.ts';
import { setPrepaymentTotal, updatePendingPrepaymentOrders } from './sales-document.commands.ts';
import { amount } from '../../core/master-data/fields.ts';
import { findDocument } from './sales-document.queries.ts';
import { orderPrepayment } from './prepayment.queries.ts';
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

const prepaymentView = z.object({
  no: z.string(), status: z.string(), prepaymentPercent: z.string(), pricesIncludingVat: z.boolean(), currencyCode: z.string().nullable(),
  required: z.string(), invoiced: z.string(), invoicedIncludingVat: z.string(), deducted: z.string(), toInvoice: z.string(), toDeduct: z.string(), unpaid: z.string(),
  documents: z.array(z.object({
    documentType: z.string(), no: z.string(), postingDate: z.string(), dueDate: z.string().nullable(), amount: z.string(), amountIncludingVat: z.string(), remainingAmount: z.string(),
  })),
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

    routes.post(`/api/v1/salesOrders/:no/${action.path}/preview`, {
      config: { area: 'posting' }, schema: { tags, params, summary: `Preview: every entry ${action.path.replace('post', 'Post ')} would write; nothing is kept` },
    }, async (request) => inRolledBackTransaction(getDb(), async (tx) => {
      const context = await loadSalesContext(tx, request.workDate, actorOf(request).username);
      return previewPrepayment(tx, action.kind, documentNo(request), context);
    }));
  }

  routes.post('/api/v1/salesOrders/:no/setPrepaymentAmount', {
    config: { area: 'sales' },
    schema: {
      tags, params, body: z.strictObject({ amount: amount() }),
      summary: 'Set the total Prepayment Amount (spec §26.3.2): spread over the lines with a Prepayment % in proportion to Line Amount; answers the order',
    },
  }, async (request) => getDb().transaction(async (tx) => {
    const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
    const document = await setPrepaymentTotal(tx as Executor, documentNo(request), request.body.amount, expectedVersion(request.headers['if-match'], undefined), context);
    return documentView(tx as Executor, document, context);
  }));

  routes.get('/api/v1/salesOrders/:no/prepayment', {
    config: { area: 'sales' },
    schema: {
      tags, params, response: { 200: prepaymentView },
      summary: "The order's prepayment (spec §26): required, invoiced, deducted and left, and its posted prepayment invoices and credit memos with what is open",
    },
  }, async (request) => orderPrepayment(getDb(), documentNo(request)));

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
