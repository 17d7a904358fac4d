/**
 * The posting's companions over HTTP: Undo Shipment, Cancel / Correct / Create Corrective Credit
 * Memo, Get Shipment Lines, Get Posted Document Lines to Reverse, and the Combine Shipments job.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { postedSalesDocumentTypes } from '../../core/documents/document-types.ts';
import { code, integerField, quantity } from '../../core/master-data/fields.ts';
import type { Executor } from '../db/connection.ts';
import { actorOf } from '../http/auth.ts';
import { enqueueJob } from '../jobs/job-queue.ts';
import { COMBINE_SHIPMENTS_JOB, combineShipmentsInput, combineShipmentsPreviewView, previewCombineShipments } from './combine-shipments.ts';
import {
  getPostedDocumentLinesToReverse, getShipmentLines, postedDocumentLinesToReverse, shipmentLinesToInvoice,
} from './posted-lines.commands.ts';
import { whilePosting } from './posting-guard.ts';
import { loadSalesContext, type SalesContext } from './sales-context.ts';
import { correctPostedInvoice, type CorrectionAction } from './sales-correction.ts';
import type { SalesDocument } from './sales-document.types.ts';
import { documentView } from './sales-document.view.ts';
import { undoShipmentLines } from './sales-undo.ts';
import { deleteInvoicedOrders } from './sales-document.commands.ts';
import { acceptedResponse } from '../http/response-schemas.ts';

const numberOf = (request: FastifyRequest) => (request.params as { no: string }).no.trim().toUpperCase();
const params = z.object({ no: z.string() });
const lineRef = z.strictObject({ documentNo: code(), lineNo: integerField({ min: 1 }) });
const correctionResultSchema = z.object({
  action: z.enum(['cancel', 'correct', 'createCorrectiveCreditMemo']),
  dryRun: z.boolean(),
  invoiceNo: z.string(),
  origin: z.enum(['invoice', 'order', 'deletedOrder', 'severalOrders'])
    .describe('Where the invoice\'s lines came from: a sales invoice, one order (still there), an order since deleted, several orders'),
  orderNos: z.array(z.string()).describe('The orders the invoice billed that still exist; Cancel and Correct give their lines the quantities back'),
  nextStep: z.enum(['editNewInvoice', 'correctOrder', 'correctOrders', 'copyDocument', 'editCreditMemo', 'none']),
  message: z.string().describe('What the action does (dry run) or did'),
  creditMemoNo: z.string().nullable(),
  postedCreditMemoNo: z.string().nullable(),
  newInvoiceNo: z.string().nullable().describe('Correct of an invoice not from an order: the new invoice to fix and post'),
});

const posting = { area: 'posting' as const };
const sales = { area: 'sales' as const };

/** What the companion routes share: the routes, and a command run in one transaction with the sales context. */
function companionRoutes(app: FastifyInstance, getDb: () => Executor) {
  async function inTransaction<T>(request: FastifyRequest, work: (tx: Executor, context: SalesContext) => Promise<T>): Promise<T> {
    return getDb().transaction(async (tx) => work(tx as Executor, await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username)));
  }
  const viewOf = (work: (tx: Executor, context: SalesContext) => Promise<SalesDocument>) => async (tx: Executor, context: SalesContext) =>
    documentView(tx, await work(tx, context), context);
  return { routes: app.withTypeProvider<ZodTypeProvider>(), getDb, inTransaction, viewOf };
}

type CompanionRoutes = ReturnType<typeof companionRoutes>;

export function registerPostingCompanionRoutes(app: FastifyInstance, getDb: () => Executor) {
  const shared = companionRoutes(app, getDb);
  registerUndoShipment(shared);
  registerCorrections(shared);
  registerGetShipmentLines(shared);
  registerLinesToReverse(shared);
  registerDeleteInvoiced(shared);
  registerCombineShipments(shared);
}

function registerUndoShipment({ routes, inTransaction }: CompanionRoutes) {
  routes.post('/api/v1/postedSalesShipments/:no/undo', {
    config: posting,
    schema: { tags: ['postedSalesShipments'], summary: 'Undo Shipment of lines not yet invoiced (spec §7.10)', params, body: z.strictObject({ lineNos: z.array(integerField({ min: 1 })).min(1) }) },
  }, async (request) => inTransaction(request, (tx, context) => undoShipmentLines(tx, numberOf(request), request.body.lineNos, context)));
}

const corrections: Array<[CorrectionAction, string]> = [
  ['cancel', 'Cancel: post a corrective credit memo applied to the unpaid invoice; lines of the orders it came from get their quantities back (spec §18.3)'],
  ['correct', 'Correct: cancel, then a new invoice to fix (invoice not from an order), or the one order reverted to fix; from a deleted order or several orders: cancel only (spec §18.4)'],
  ['createCorrectiveCreditMemo', 'Create an unposted credit memo that reverses the invoice, applied to it (spec §18.5)'],
];
const correctionBody = z.strictObject({
  dryRun: z.boolean().optional().describe('Check and answer what the action would do (which case applies, what to do next), without doing it'),
}).nullish();

/** Cancel, Correct and Create Corrective Credit Memo of a posted invoice, each with a dry run. */
function registerCorrections({ routes, inTransaction }: CompanionRoutes) {
  for (const [action, summary] of corrections) {
    routes.post(`/api/v1/postedSalesInvoices/:no/${action}`, {
      config: posting,
      schema: { tags: ['postedSalesInvoices'], summary, params, body: correctionBody, response: { 200: correctionResultSchema, 201: correctionResultSchema } },
    }, async (request, reply) => {
      const no = numberOf(request);
      if (request.body?.dryRun) return reply.status(200).send(await inTransaction(request, (tx, context) => correctPostedInvoice(tx, no, action, context, { dryRun: true })));
      const result = await whilePosting('Posted Sales Invoice', 'postedInvoice', no, () => inTransaction(request, (tx, context) => correctPostedInvoice(tx, no, action, context)));
      return reply.status(201).send(result);
    });
  }
}

function registerGetShipmentLines({ routes, getDb, inTransaction, viewOf }: CompanionRoutes) {
  routes.get('/api/v1/salesInvoices/:no/shipmentLines', {
    config: sales,
    schema: { tags: ['salesInvoices'], summary: 'Posted shipment lines this invoice may bill (spec §13.1)', params, querystring: z.strictObject({ allSellTo: z.enum(['true', 'false']).optional() }) },
  }, async (request) => ({
    items: await shipmentLinesToInvoice(getDb(), numberOf(request), { allSellTo: request.query.allSellTo === 'true' }),
  }));

  routes.post('/api/v1/salesInvoices/:no/getShipmentLines', {
    config: sales,
    schema: { tags: ['salesInvoices'], summary: 'Get Shipment Lines: add the chosen posted shipment lines to the invoice', params, body: z.strictObject({ lines: z.array(lineRef).min(1) }) },
  }, async (request) => inTransaction(request, viewOf((tx, context) => getShipmentLines(tx, numberOf(request), request.body.lines, context))));
}

const postedLineTypes = z.enum(postedSalesDocumentTypes);

/** Get Posted Document Lines to Reverse on credit memos and return orders: the candidates, and copying the chosen ones. */
function registerLinesToReverse({ routes, getDb, inTransaction, viewOf }: CompanionRoutes) {
  for (const documentType of ['creditMemo', 'returnOrder'] as const) {
    const resource = salesDescriptor(documentType).resource;
    routes.get(`/api/v1/${resource}/:no/postedDocumentLines`, {
      config: sales,
      schema: {
        tags: [resource], summary: "The customer's posted lines that can be reversed, with the quantity still returnable (spec §17.4)", params,
        querystring: z.strictObject({ documentType: postedLineTypes.optional(), documentNo: z.string().optional() }),
      },
    }, async (request) => ({ items: await postedDocumentLinesToReverse(getDb(), documentType, numberOf(request), request.query) }));

    routes.post(`/api/v1/${resource}/:no/getPostedDocumentLinesToReverse`, {
      config: sales,
      schema: {
        tags: [resource], summary: 'Copy posted lines to reverse, with exact cost reversal links (spec §17.4–17.5)', params,
        body: z.strictObject({ lines: z.array(lineRef.extend({ documentType: postedLineTypes, quantity: quantity().optional() })).min(1) }),
      },
    }, async (request) => inTransaction(request, viewOf((tx, context) =>
      getPostedDocumentLinesToReverse(tx, documentType, numberOf(request), request.body.lines, context))));
  }
}

function registerDeleteInvoiced({ routes, inTransaction }: CompanionRoutes) {
  for (const documentType of ['order', 'returnOrder'] as const) {
    const resource = salesDescriptor(documentType).resource;
    routes.post(`/api/v1/${resource}/deleteInvoiced`, {
      config: sales,
      schema: { tags: [resource], summary: `Delete Invoiced ${salesDescriptor(documentType).plural}: those whose every line is fully ${salesDescriptor(documentType).lineHandling.pastVerb} and invoiced (spec §7.8, §13.2)` },
    }, async (request) => ({ deleted: await inTransaction(request, (tx, context) => deleteInvoicedOrders(tx, documentType, context)) }));
  }
}

function registerCombineShipments({ routes, getDb }: CompanionRoutes) {
  routes.post('/api/v1/combineShipments', {
    config: posting,
    schema: { tags: ['combineShipments'], summary: 'Combine Shipments: invoice shipped order lines per customer as a job (spec §13.2); poll GET /api/v1/jobs/{id}', body: combineShipmentsInput,
      response: { ...acceptedResponse('{ job }: the queued job; Location names it'), 200: combineShipmentsPreviewView.describe('dryRun: what would be invoiced') } },
  }, async (request, reply) => {
    if (request.body.dryRun) return reply.status(200).send(await previewCombineShipments(getDb(), request.body));
    const job = await enqueueJob(getDb(), {
      type: COMBINE_SHIPMENTS_JOB,
      parameters: { ...request.body, requestedBy: actorOf(request).username, workDate: request.workDate },
      createdBy: actorOf(request).username,
    });
    return reply.status(202).header('location', `/api/v1/jobs/${job.id}`).send({ job });
  });
}
