/**
 * Recurring sales lines over HTTP (spec §9): on every sales document, the customer's codes it may
 * take lines from (`GET …/{no}/recurringSalesCodes`) and Get Recurring Sales Lines
 * (`POST …/{no}/getRecurringSalesLines`); and the Create Recurring Sales Invoices job.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { jobView } from '../../core/api/job.views.ts';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { code } from '../../core/master-data/fields.ts';
import { recurringSalesCodeOffer } from '../../core/master-data/standard-sales.schemas.ts';
import type { Executor } from '../db/connection.ts';
import { documentNo, noParam } from '../documents/document-routes.shared.ts';
import { actorOf } from '../http/auth.ts';
import { enqueueJob } from '../jobs/job-queue.ts';
import { CREATE_RECURRING_SALES_INVOICES_JOB, createRecurringSalesInvoicesInput } from './recurring-sales-invoices.ts';
import { getRecurringSalesLines, recurringSalesCodesOf } from './recurring-sales-lines.ts';
import { loadSalesContext } from './sales-context.ts';
import { documentSchema } from './sales-document.routes.ts';
import { editableDocumentTypes } from './sales-document.types.ts';
import { documentView } from './sales-document.view.ts';

const recurringSalesCodeView = recurringSalesCodeOffer.extend({
  currencyCode: z.string().nullable(),
  validFromDate: z.string().nullable(),
  validToDate: z.string().nullable(),
  paymentMethodCode: z.string().nullable(),
});

const getLinesBody = z.strictObject({
  codes: z.array(code(10)).min(1).max(100)
    .refine((codes) => new Set(codes).size === codes.length, 'must not name a code twice')
    .describe('Standard sales codes of the sell-to customer, in the document\'s currency; their lines are added in this order'),
});

export function registerRecurringSalesLineRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const config = { area: 'sales' as const };
  for (const documentType of editableDocumentTypes) {
    const { resource, caption } = salesDescriptor(documentType);
    const tags = [resource];
    routes.get(`/api/v1/${resource}/:no/recurringSalesCodes`, {
      config,
      schema: {
        tags, summary: `The sell-to customer's recurring sales codes this ${caption} may take lines from: in its currency, not blocked (spec §9.2)`,
        params: noParam, response: { 200: z.object({ items: z.array(recurringSalesCodeView) }) },
      },
    }, async (request) => ({ items: await recurringSalesCodesOf(getDb(), documentType, documentNo(request)) }));

    routes.post(`/api/v1/${resource}/:no/getRecurringSalesLines`, {
      config,
      schema: {
        tags, summary: `Get Recurring Sales Lines: add the lines of the chosen codes to the ${caption}, priced as typed lines (spec §9.2)`,
        params: noParam, body: getLinesBody, response: { 200: documentSchema },
      },
    }, async (request, reply) => {
      const view = await getDb().transaction(async (tx) => {
        const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
        const document = await getRecurringSalesLines(tx as Executor, documentType, documentNo(request), request.body.codes, context);
        return documentView(tx as Executor, document, context);
      });
      return reply.header('etag', `"${view.version}"`).send(view);
    });
  }
  registerCreateRecurringSalesInvoices(app, getDb);
}

function registerCreateRecurringSalesInvoices(app: FastifyInstance, getDb: () => Executor) {
  app.withTypeProvider<ZodTypeProvider>().post('/api/v1/createRecurringSalesInvoices', {
    config: { area: 'sales' },
    schema: {
      tags: ['createRecurringSalesInvoices'],
      summary: 'Create Recurring Sales Invoices as a job (spec §9.4): one invoice per valid, unblocked customer code, none twice for a code and order date; poll GET /api/v1/jobs/{id}',
      body: createRecurringSalesInvoicesInput, response: { 202: z.object({ job: jobView }) },
    },
  }, async (request, reply) => {
    const job = await enqueueJob(getDb(), {
      type: CREATE_RECURRING_SALES_INVOICES_JOB,
      parameters: { ...request.body, requestedBy: actorOf(request).username, workDate: request.workDate },
      createdBy: actorOf(request).username,
    });
    return reply.status(202).header('location', `/api/v1/jobs/${job.id}`).send({ job });
  });
}
