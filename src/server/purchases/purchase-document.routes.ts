/**
 * /api/v1/purchaseOrders, purchaseInvoices, purchaseCreditMemos, purchaseReturnOrders: the documents, their lines, Release,
 * Reopen, Copy Document; Get Receipt Lines on invoices, Get Sales Orders on orders.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { purchaseDescriptor } from '../../core/documents/document-descriptors.ts';
import { documentNo, lineNoOf, lineParams, noParam, registerDocumentListRoute, registerLineReadRoutes } from '../documents/document-routes.shared.ts';
import { documentAmountSorts } from '../documents/document-list.queries.ts';
import {
  getReceiptLinesInput, purchaseCopyDocumentInput, purchaseDocumentCreate, purchaseDocumentUpdate, purchaseLineCreate, purchaseLineUpdate,
} from '../../core/purchases/purchase-document.schemas.ts';
import type { Warning } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { purchaseHeader, purchaseLine } from '../db/schema/index.ts';
import { actorOf } from '../http/auth.ts';
import { recordSchema } from '../master-data/record-schema.ts';
import type { ResourceDefinition } from '../master-data/resource.ts';
import { expectedVersion } from '../master-data/resource.routes.ts';
import { loadPurchaseContext, type PurchaseContext } from './purchase-context.ts';
import {
  addPurchaseLine, createPurchaseDocument, deletePurchaseDocument, deletePurchaseLine, releasePurchaseDocument, reopenPurchaseDocument,
  updatePurchaseHeader, updatePurchaseLine,
} from './purchase-document.commands.ts';
import { loadPurchaseDocument } from './purchase-document.queries.ts';
import { type PurchaseDocument } from './purchase-document.types.ts';
import { editablePurchaseDocumentTypes, type EditablePurchaseDocumentType } from '../../core/documents/document-types.ts';
import { purchaseDocumentView } from './purchase-document.view.ts';
import { getSalesOrders } from './get-sales-orders.ts';
import { copyPurchaseDocument } from './purchase-document.convert.ts';
import { getReceiptLines, receiptLinesToInvoice } from './purchase-receipt-lines.ts';
import { code } from '../../core/master-data/fields.ts';
import { noContentResponse } from '../http/response-schemas.ts';

const lineSchema = recordSchema(purchaseLine).loose();
const totalsSchema = z.object({ lineAmount: z.string(), lineDiscountAmount: z.string(), invoiceDiscountAmount: z.string(), amount: z.string(), vatAmount: z.string(), amountIncludingVat: z.string() });
const documentSchema = recordSchema(purchaseHeader).extend({ lines: z.array(lineSchema), totals: totalsSchema }).loose();
const listItemSchema = recordSchema(purchaseHeader).extend({ amount: z.string(), amountIncludingVat: z.string() });
const headerFilters = ['buyFromVendorNo', 'payToVendorNo', 'status', 'vendorInvoiceNo', 'vendorOrderNo', 'purchaserCode', 'locationCode', 'currencyCode', 'sellToCustomerNo'];

const config = { area: 'purchases' as const };

export function registerPurchaseDocumentRoutes(app: FastifyInstance, getDb: () => Executor) {
  for (const documentType of editablePurchaseDocumentTypes) registerDocumentType(app, getDb, documentType);
}

function listDefinition(documentType: EditablePurchaseDocumentType): ResourceDefinition {
  const { resource, caption } = purchaseDescriptor(documentType);
  return {
    name: resource, entity: caption, table: purchaseHeader, area: 'purchases',
    parent: { resource: '', entity: '', param: '', field: 'documentType', table: purchaseHeader, parentField: 'documentType' },
    key: { param: 'no', field: 'no', kind: 'code' },
    createSchema: purchaseDocumentCreate, updateSchema: purchaseDocumentUpdate,
    filters: headerFilters, search: ['buyFromName', 'payToName', 'vendorInvoiceNo', 'vendorOrderNo', 'yourReference'],
    computedSorts: documentAmountSorts(purchaseHeader, purchaseLine),
  };
}

/** What every route of one document type shares: its path, tags and the way a command runs. */
function documentRoutes(app: FastifyInstance, getDb: () => Executor, documentType: EditablePurchaseDocumentType) {
  const { resource, caption: entity } = purchaseDescriptor(documentType);

  /** One transaction per request; the response is the document as it stands after the command. */
  async function run(
    request: FastifyRequest, reply: FastifyReply, command: (tx: Executor, context: PurchaseContext) => Promise<PurchaseDocument>, status = 200,
    extra: () => Record<string, unknown> = () => ({}),
  ) {
    const view = await getDb().transaction(async (tx) => {
      const context = await loadPurchaseContext(tx as Executor, request.workDate, actorOf(request).username);
      return purchaseDocumentView(await command(tx as Executor, context));
    });
    reply.header('etag', `"${view.version}"`);
    return reply.status(status).send({ ...view, ...extra() });
  }

  return {
    routes: app.withTypeProvider<ZodTypeProvider>(), getDb, documentType, entity, base: `/api/v1/${resource}`, tags: [resource], run,
    versionOf: (request: FastifyRequest, bodyVersion?: number) => expectedVersion(request.headers['if-match'], bodyVersion),
  };
}

type DocumentRoutes = ReturnType<typeof documentRoutes>;

function registerDocumentType(app: FastifyInstance, getDb: () => Executor, documentType: EditablePurchaseDocumentType) {
  const shared = documentRoutes(app, getDb, documentType);
  registerListAndDocument(shared);
  registerLineRoutes(shared);
  registerActions(shared);
}

function registerListAndDocument({ routes, getDb, documentType, entity, base, tags, run, versionOf }: DocumentRoutes) {
  registerDocumentListRoute(routes, { base, config, tags, entity, documentType, getDb, definition: listDefinition(documentType), listItemSchema, lineTable: purchaseLine });

  routes.post(base, { config, schema: { tags, summary: `Create a ${entity} (with lines, optionally)`, body: purchaseDocumentCreate, response: { 201: documentSchema } } },
    async (request, reply) => run(request, reply, (tx, context) => createPurchaseDocument(tx, documentType, request.body, context), 201));

  routes.get(`${base}/:no`, { config, schema: { tags, summary: `Get a ${entity} with its lines and totals`, params: noParam, response: { 200: documentSchema } } },
    async (request, reply) => {
      const view = purchaseDocumentView(await loadPurchaseDocument(getDb(), documentType, documentNo(request)));
      reply.header('etag', `"${view.version}"`);
      return view;
    });

  routes.patch(`${base}/:no`, {
    config, schema: { tags, summary: `Change the header of a ${entity}`, params: noParam, body: purchaseDocumentUpdate.extend({ version: z.number().int().optional() }), response: { 200: documentSchema } },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    return run(request, reply, (tx, context) => updatePurchaseHeader(tx, documentType, documentNo(request), changes, versionOf(request, version), context));
  });

  routes.delete(`${base}/:no`, { config, schema: { tags, summary: `Delete a ${entity}`, params: noParam, response: noContentResponse } }, async (request, reply) => {
    await getDb().transaction(async (tx) => deletePurchaseDocument(tx as Executor, documentType, documentNo(request), versionOf(request)));
    return reply.status(204).send(null);
  });
}

function registerLineRoutes({ routes, getDb, documentType, entity, base, tags, run, versionOf }: DocumentRoutes) {
  registerLineReadRoutes(routes, { base, config, tags, entity, lineEntity: 'Purchase Line', lineSchema, load: (no) => loadPurchaseDocument(getDb(), documentType, no) });

  routes.post(`${base}/:no/lines`, { config, schema: { tags, summary: `Add a line to a ${entity}`, params: noParam, body: purchaseLineCreate, response: { 201: documentSchema } } },
    async (request, reply) => run(request, reply, (tx, context) => addPurchaseLine(tx, documentType, documentNo(request), request.body, versionOf(request), context), 201));

  routes.patch(`${base}/:no/lines/:lineNo`, { config, schema: { tags, summary: `Change a line of a ${entity}`, params: lineParams, body: purchaseLineUpdate, response: { 200: documentSchema } } },
    async (request, reply) => run(request, reply, (tx, context) => updatePurchaseLine(tx, documentType, documentNo(request), lineNoOf(request), request.body, versionOf(request), context)));

  routes.delete(`${base}/:no/lines/:lineNo`, { config, schema: { tags, summary: `Delete a line of a ${entity}`, params: lineParams, response: { 200: documentSchema } } },
    async (request, reply) => run(request, reply, (tx, context) => deletePurchaseLine(tx, documentType, documentNo(request), lineNoOf(request), versionOf(request), context)));
}

function registerActions(shared: DocumentRoutes) {
  const { routes, documentType, entity, base, tags, run, versionOf } = shared;
  routes.post(`${base}/:no/release`, { config, schema: { tags, summary: `Release the ${entity}`, params: noParam, response: { 200: documentSchema } } },
    async (request, reply) => run(request, reply, (tx, context) => releasePurchaseDocument(tx, documentType, documentNo(request), versionOf(request), context)));

  routes.post(`${base}/:no/reopen`, { config, schema: { tags, summary: `Reopen the ${entity} for changes`, params: noParam, response: { 200: documentSchema } } },
    async (request, reply) => run(request, reply, (tx) => reopenPurchaseDocument(tx, documentType, documentNo(request), versionOf(request))));

  routes.post(`${base}/:no/copyDocument`, {
    config, schema: { tags, summary: `Copy another purchase document, unposted or posted, into this ${entity}`, params: noParam, body: purchaseCopyDocumentInput, response: { 200: documentSchema } },
  }, async (request, reply) => {
    let warnings: Warning[] = [];
    return run(request, reply, async (tx, context) => {
      const copied = await copyPurchaseDocument(tx, documentType, documentNo(request), request.body, context);
      warnings = copied.warnings;
      return copied.document;
    }, 200, () => ({ warnings }));
  });

  if (documentType === 'invoice') registerGetReceiptLines(shared);

  if (documentType === 'order') {
    routes.post(`${base}/:no/getSalesOrders`, {
      config,
      schema: {
        tags, params: noParam, response: { 200: documentSchema },
        summary: 'Drop Shipment / Special Order → Get Sales Orders: a purchase line for every such line of the sales order not yet linked',
        body: z.strictObject({ salesOrderNo: code(), kind: z.enum(['dropShipment', 'specialOrder']).default('dropShipment') }),
      },
    }, async (request, reply) => run(request, reply, (tx, context) =>
      getSalesOrders(tx, documentNo(request), request.body.salesOrderNo, request.body.kind, versionOf(request), context)));
  }
}

/** Get Receipt Lines on an invoice: the receipt lines it may bill, and adding the chosen ones. */
function registerGetReceiptLines({ routes, getDb, base, tags, run }: DocumentRoutes) {
  routes.get(`${base}/:no/receiptLinesToInvoice`, {
    config, schema: { tags, summary: "The pay-to vendor's posted receipt lines received and not yet invoiced, which this invoice may bill", params: noParam },
  }, async (request) => ({ items: await receiptLinesToInvoice(getDb(), documentNo(request)) }));

  routes.post(`${base}/:no/getReceiptLines`, {
    config, schema: { tags, summary: 'Get Receipt Lines: invoice lines billing the chosen posted receipt lines', params: noParam, body: getReceiptLinesInput, response: { 200: documentSchema } },
  }, async (request, reply) => run(request, reply, (tx, context) => getReceiptLines(tx, documentNo(request), request.body.lines, context)));
}
