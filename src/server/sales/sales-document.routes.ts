import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { copyDocumentInput, salesDocumentCreate, salesDocumentUpdate, salesLineCreate, salesLineUpdate } from '../../core/sales/sales-document.schemas.ts';
import { documentNo, lineNoOf, lineParams, noParam, registerDocumentListRoute, registerLineReadRoutes } from '../documents/document-routes.shared.ts';
import type { Executor } from '../db/connection.ts';
import { salesHeader, salesLine } from '../db/schema/index.ts';
import type { ResourceDefinition } from '../master-data/resource.ts';
import { expectedVersion } from '../master-data/resource.routes.ts';
import { recordSchema } from '../master-data/record-schema.ts';
import { loadSalesContext, type SalesContext } from './sales-context.ts';
import { actorOf } from '../http/auth.ts';
import { isoDate } from '../../core/master-data/fields.ts';
import {
  addLine, calculateInvoiceDiscountOn, deleteDocument, deleteExpiredQuotes, deleteLine, releaseDocument, reopenDocument, updateDocumentHeader,
  updateLine,
} from './sales-document.commands.ts';
import { copyDocument, makeDocumentFromQuote } from './sales-document.convert.ts';
import { createDocumentWithRecurringLines } from './recurring-sales-lines.ts';
import { recurringSalesCodeOffer } from '../../core/master-data/standard-sales.schemas.ts';
import { loadDocument, salesListSorts, salesListSummaries } from './sales-document.queries.ts';
import { editableDocumentTypes, type EditableDocumentType, type SalesDocument } from './sales-document.types.ts';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { documentStatistics, documentView } from './sales-document.view.ts';
import { registerBlanketOrderRoutes } from './blanket-order.routes.ts';
import { noContentResponse } from '../http/response-schemas.ts';

const lineSchema = recordSchema(salesLine).loose();
export const documentSchema = recordSchema(salesHeader).extend({
  lines: z.array(lineSchema),
  totals: z.object({ lineAmount: z.string(), lineDiscountAmount: z.string(), invoiceDiscountAmount: z.string(), amount: z.string(), vatAmount: z.string(), amountIncludingVat: z.string() }),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.string()) })),
}).loose();
const listItemSchema = recordSchema(salesHeader).extend({
  amount: z.string(), amountIncludingVat: z.string(),
  shipped: z.boolean().describe('A line has shipped something (BC: Shipped)'),
  invoiced: z.boolean().describe('A line has invoiced something'),
  completelyShipped: z.boolean().describe('Every line but comments has shipped its whole quantity (BC: Completely Shipped)'),
  amountShippedNotInvoiced: z.string().describe("Shipped and not yet invoiced, incl. VAT, in the document's currency (BC: Amt. Ship. Not Inv.)"),
});
/** A new document may come back with the recurring sales codes to choose from (spec §9.3, BC's notification). */
const createdDocumentSchema = documentSchema.extend({
  recurringSalesCodes: z.array(recurringSalesCodeOffer).optional()
    .describe("Present when the customer's recurring sales codes ask for a choice (several Automatic, or Always Ask): POST …/getRecurringSalesLines with the chosen codes"),
});

const headerFilters = ['sellToCustomerNo', 'billToCustomerNo', 'status', 'externalDocumentNo', 'salespersonCode', 'locationCode', 'currencyCode', 'quoteNo'];

function listDefinition(documentType: EditableDocumentType): ResourceDefinition {
  return {
    name: salesDescriptor(documentType).resource, entity: salesDescriptor(documentType).caption, table: salesHeader, area: 'sales',
    parent: { resource: '', entity: '', param: '', field: 'documentType', table: salesHeader, parentField: 'documentType' },
    key: { param: 'no', field: 'no', kind: 'code' },
    createSchema: salesDocumentCreate, updateSchema: salesDocumentUpdate,
    filters: headerFilters, search: ['sellToName', 'billToName', 'externalDocumentNo', 'yourReference'],
    computedSorts: salesListSorts,
  };
}

export function registerSalesDocumentRoutes(app: FastifyInstance, getDb: () => Executor) {
  for (const documentType of editableDocumentTypes) registerDocumentType(app, getDb, documentType);
}


/** What every route of one document type shares: its path, tags, area and the way a command runs. */
function documentRoutes(app: FastifyInstance, getDb: () => Executor, documentType: EditableDocumentType) {
  const { resource, caption: entity } = salesDescriptor(documentType);

  /** One transaction per request; the response is the document as it stands after the command. */
  async function run(request: FastifyRequest, reply: FastifyReply, command: (tx: Executor, context: SalesContext) => Promise<SalesDocument>, status = 200) {
    const view = await getDb().transaction(async (tx) => {
      const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
      const document = await command(tx as Executor, context);
      return documentView(tx as Executor, document, context);
    });
    reply.header('etag', `"${view.version}"`);
    return reply.status(status).send(view);
  }

  return {
    routes: app.withTypeProvider<ZodTypeProvider>(),
    getDb,
    documentType,
    entity,
    base: `/api/v1/${resource}`,
    config: { area: 'sales' as const },
    tags: [resource],
    run,
    versionOf: (request: FastifyRequest, bodyVersion?: number) => expectedVersion(request.headers['if-match'], bodyVersion),
  };
}

type DocumentRoutes = ReturnType<typeof documentRoutes>;

function registerDocumentType(app: FastifyInstance, getDb: () => Executor, documentType: EditableDocumentType) {
  const shared = documentRoutes(app, getDb, documentType);
  registerDocumentList(shared);
  registerDocumentRoutes(shared);
  registerLineRoutes(shared);
  registerDocumentActions(shared);
  registerCopyAndStatistics(shared);
  if (documentType === 'quote') registerQuoteRoutes(shared);
  if (documentType === 'blanketOrder') registerBlanketOrderRoutes({ ...shared, documentSchema });
}

function registerDocumentList({ routes, getDb, documentType, entity, base, config, tags }: DocumentRoutes) {
  registerDocumentListRoute(routes, { base, config, tags, entity, documentType, getDb, definition: listDefinition(documentType), listItemSchema, lineTable: salesLine,
    summarize: (db, headers) => salesListSummaries(db, documentType, headers),
  });
}

/** Create, read, change the header of, and delete a document. */
function registerDocumentRoutes({ routes, getDb, documentType, entity, base, config, tags, run, versionOf }: DocumentRoutes) {
  routes.post(base, {
    config, schema: { tags, summary: `Create a ${entity} (with lines, optionally); an empty one takes the customer's Automatic recurring sales lines`, body: salesDocumentCreate, response: { 201: createdDocumentSchema } },
  }, async (request, reply) => createWithRecurringLines(getDb, documentType, request, request.body, reply));

  routes.get(`${base}/:no`, { config, schema: { tags, summary: `Get a ${entity} with its lines, totals and warnings`, params: noParam, response: { 200: documentSchema } } },
    async (request, reply) => {
      const db = getDb();
      const context = await loadSalesContext(db, request.workDate);
      const view = await documentView(db, await loadDocument(db, documentType, documentNo(request)), context);
      reply.header('etag', `"${view.version}"`);
      return view;
    });

  routes.patch(`${base}/:no`, {
    config, schema: { tags, summary: `Change the header of a ${entity}`, params: noParam, body: salesDocumentUpdate.extend({ version: z.number().int().optional() }), response: { 200: documentSchema } },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    return run(request, reply, (tx, context) => updateDocumentHeader(tx, documentType, documentNo(request), changes, versionOf(request, version), context));
  });

  routes.delete(`${base}/:no`, {
    config, schema: { tags, summary: `Delete a ${entity} (archived first when the setup or ?archive=true says so)`, params: noParam, querystring: z.strictObject({ archive: z.enum(['true', 'false']).optional() }), response: noContentResponse },
  }, async (request, reply) => {
    const archive = request.query.archive === 'true';
    await getDb().transaction(async (tx) => {
      const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
      await deleteDocument(tx as Executor, documentType, documentNo(request), versionOf(request), context, { archive });
    });
    return reply.status(204).send(null);
  });
}

/** Create, with the insert modes of the customer's recurring sales codes (recurring-sales-lines.ts); the codes to choose from, if any, ride along. */
async function createWithRecurringLines(
  getDb: () => Executor, documentType: EditableDocumentType, request: FastifyRequest, body: z.infer<typeof salesDocumentCreate>, reply: FastifyReply,
) {
  const created = await getDb().transaction(async (tx) => {
    const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
    const { document, recurringSalesCodes } = await createDocumentWithRecurringLines(tx as Executor, documentType, body, context);
    return { view: await documentView(tx as Executor, document, context), recurringSalesCodes };
  });
  reply.header('etag', `"${created.view.version}"`);
  return reply.status(201).send(created.recurringSalesCodes ? { ...created.view, recurringSalesCodes: created.recurringSalesCodes } : created.view);
}

function registerLineRoutes({ routes, getDb, documentType, entity, base, config, tags, run, versionOf }: DocumentRoutes) {
  registerLineReadRoutes(routes, { base, config, tags, entity, lineEntity: 'Sales Line', lineSchema, load: (no) => loadDocument(getDb(), documentType, no) });

  routes.post(`${base}/:no/lines`, { config, schema: { tags, summary: `Add a line to a ${entity}`, params: noParam, body: salesLineCreate, response: { 201: documentSchema } } },
    async (request, reply) => run(request, reply, (tx, context) => addLine(tx, documentType, documentNo(request), request.body, versionOf(request), context), 201));

  routes.patch(`${base}/:no/lines/:lineNo`, { config, schema: { tags, summary: `Change a line of a ${entity}`, params: lineParams, body: salesLineUpdate, response: { 200: documentSchema } } },
    async (request, reply) => run(request, reply, (tx, context) =>
      updateLine(tx, documentType, documentNo(request), lineNoOf(request), request.body, versionOf(request), context)));

  routes.delete(`${base}/:no/lines/:lineNo`, { config, schema: { tags, summary: `Delete a line of a ${entity}`, params: lineParams, response: { 200: documentSchema } } },
    async (request, reply) => run(request, reply, (tx, context) =>
      deleteLine(tx, documentType, documentNo(request), lineNoOf(request), versionOf(request), context)));
}

/** Release, Reopen and Calculate Invoice Discount: a POST each, no body, the document in answer. */
function registerDocumentActions({ routes, documentType, entity, base, config, tags, run, versionOf }: DocumentRoutes) {
  const action = (name: string, summary: string, command: (tx: Executor, no: string, version: number | undefined, context: SalesContext) => Promise<SalesDocument>) =>
    routes.post(`${base}/:no/${name}`, { config, schema: { tags, summary, params: noParam, response: { 200: documentSchema } } },
      async (request, reply) => run(request, reply, (tx, context) => command(tx, documentNo(request), versionOf(request), context)));

  action('release', `Release the ${entity} (checks it and fixes its amounts)`, (tx, no, version, context) => releaseDocument(tx, documentType, no, version, context));
  action('reopen', `Reopen the ${entity} for changes`, (tx, no, version) => reopenDocument(tx, documentType, no, version));
  action('calculateInvoiceDiscount', "Calculate the invoice discount from the customer's terms", (tx, no, version, context) => calculateInvoiceDiscountOn(tx, documentType, no, version, context));
}

function registerCopyAndStatistics({ routes, getDb, documentType, entity, base, config, tags }: DocumentRoutes) {
  routes.post(`${base}/:no/copyDocument`, {
    config, schema: { tags, summary: `Copy another document into this ${entity}`, params: noParam, body: copyDocumentInput, response: { 200: documentSchema } },
  }, async (request, reply) => {
    let copyWarnings: unknown[] = [];
    const view = await getDb().transaction(async (tx) => {
      const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
      const result = await copyDocument(tx as Executor, documentType, documentNo(request), request.body, context);
      copyWarnings = result.warnings;
      return documentView(tx as Executor, result.document, context);
    });
    return reply.header('etag', `"${view.version}"`).send({ ...view, warnings: [...copyWarnings, ...view.warnings] });
  });

  routes.get(`${base}/:no/statistics`, { config, schema: { tags, summary: `Totals, VAT breakdown and profit of the ${entity}`, params: noParam } },
    async (request) => {
      const db = getDb();
      return documentStatistics(db, await loadDocument(db, documentType, documentNo(request)), await loadSalesContext(db, request.workDate));
    });
}

/** Make Order, Make Invoice and Delete Expired Sales Quotes. */
function registerQuoteRoutes({ routes, getDb, base, config, tags, run }: DocumentRoutes) {
  for (const target of ['order', 'invoice'] as const) {
    routes.post(`${base}/:no/make${target === 'order' ? 'Order' : 'Invoice'}`, {
      config,
      schema: {
        tags, summary: `Turn the quote into a sales ${target} (the quote is deleted; archived first if Archive Quotes is Always, or Question and archiveQuote is true)`,
        params: noParam, body: z.strictObject({ archiveQuote: z.boolean().optional() }).nullish(), response: { 201: documentSchema },
      },
    }, async (request, reply) => {
      const options = request.body ?? {};
      return run(request, reply, (tx, context) => makeDocumentFromQuote(tx, documentNo(request), target, context, options), 201);
    });
  }
  routes.post(`${base}/deleteExpired`, {
    config,
    schema: {
      tags, summary: 'Delete Expired Sales Quotes: every quote valid until a date before `before` (archived if the setup says Always)',
      body: z.strictObject({ before: isoDate() }), response: { 200: z.object({ deleted: z.array(z.string()) }) },
    },
  }, async (request) => ({
    deleted: await getDb().transaction(async (tx) =>
      deleteExpiredQuotes(tx as Executor, request.body.before, await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username))),
  }));
}
