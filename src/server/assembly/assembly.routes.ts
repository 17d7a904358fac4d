/**
 * Assembly documents over HTTP (spec §15.3, issue 20 items 1–2): /api/v1/assemblyOrders (also
 * assemblyQuotes and blanketAssemblyOrders, which exist only assembled to order) with their
 * component lines, Release / Reopen / Post of stand-alone orders, and /api/v1/postedAssemblyOrders.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { code, codeReference, integerField, optionalIsoDate, quantity, text } from '../../core/master-data/fields.ts';
import type { Executor } from '../db/connection.ts';
import { assemblyHeader, postedAssemblyHeader, postedAssemblyLine } from '../db/schema/index.ts';
import { actorOf } from '../http/auth.ts';
import { expectedVersion } from '../master-data/resource.routes.ts';
import { loadSalesContext } from '../sales/sales-context.ts';
import { loadAssemblyDocument, type AssemblyDocument } from './assembly-documents.ts';
import {
  addAssemblyLine, changeAssemblyLine, changeAssemblyOrder, createAssemblyOrder, deleteAssemblyLine, deleteAssemblyOrder, setAssemblyOrderStatus,
} from './assembly-order.commands.ts';
import { postAssemblyOrder } from './assembly-order.post.ts';

const collections = { assemblyOrders: 'order', assemblyQuotes: 'quote', blanketAssemblyOrders: 'blanketOrder' } as const;
const lineSchema = z.object({
  lineNo: z.number(), type: z.string(), no: z.string(), description: z.string(), locationCode: z.string().nullable(), unitOfMeasureCode: z.string().nullable(),
  quantityPer: z.string(), quantity: z.string(), quantityToConsume: z.string(), consumedQuantity: z.string(), remainingQuantity: z.string(), dueDate: z.string().nullable(),
}).loose();
const headerSchema = z.object({
  documentType: z.string(), no: z.string(), description: z.string(), itemNo: z.string(), locationCode: z.string().nullable(), unitOfMeasureCode: z.string().nullable(),
  quantity: z.string(), quantityToAssemble: z.string(), assembledQuantity: z.string(), remainingQuantity: z.string(),
  dueDate: z.string().nullable(), startingDate: z.string().nullable(), endingDate: z.string().nullable(), postingDate: z.string().nullable(), status: z.string(),
  assembleToOrder: z.boolean(), salesDocumentType: z.string().nullable(), salesDocumentNo: z.string().nullable(), salesLineNo: z.number().nullable(), version: z.number(),
}).loose();
const documentSchema = headerSchema.extend({ lines: z.array(lineSchema) });
const view = (document: AssemblyDocument) => ({ ...document.header, lines: document.lines });
const noParams = z.object({ no: z.string() });
const lineParams = z.object({ no: z.string(), lineNo: z.coerce.number().pipe(integerField({ min: 1 })) });
const headerChanges = z.strictObject({
  quantity: quantity(), quantityToAssemble: quantity(), dueDate: optionalIsoDate(), startingDate: optionalIsoDate(), endingDate: optionalIsoDate(),
  postingDate: optionalIsoDate(), locationCode: codeReference(10), unitOfMeasureCode: code(10), description: text(100),
}).partial();
const lineInput = z.strictObject({ no: code(), quantityPer: quantity(), unitOfMeasureCode: code(10), description: text(100) });

export function registerAssemblyRoutes(app: FastifyInstance, getDb: () => Executor) {
  for (const [path, documentType] of Object.entries(collections)) registerDocumentRoutes(app, getDb, path, documentType);
  registerStandAloneRoutes(app, getDb);
  registerPostedRoutes(app, getDb);
}

function registerDocumentRoutes(app: FastifyInstance, getDb: () => Executor, path: string, documentType: string) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const config = { area: 'items' as const };
  const tags = ['assembly'];
  const base = `/api/v1/${path}`;
  const inTransaction = <T>(work: (tx: Executor) => Promise<T>) => getDb().transaction((tx) => work(tx as Executor));
  routes.get(base, {
    config,
    schema: {
      tags, summary: `Assembly ${documentType === 'blanketOrder' ? 'blanket orders' : `${documentType}s`}, due date first; filter by item or by the sales document they are assembled to order for`,
      querystring: z.strictObject({ itemNo: z.string().optional(), salesDocumentNo: z.string().optional(), salesLineNo: z.coerce.number().pipe(integerField({ min: 1 })).optional() }),
      response: { 200: z.object({ items: z.array(headerSchema) }) },
    },
  }, async (request) => {
    const filters: SQL[] = [eq(assemblyHeader.documentType, documentType)];
    if (request.query.itemNo) filters.push(eq(assemblyHeader.itemNo, request.query.itemNo.toUpperCase()));
    if (request.query.salesDocumentNo) filters.push(eq(assemblyHeader.salesDocumentNo, request.query.salesDocumentNo.toUpperCase()));
    if (request.query.salesLineNo) filters.push(eq(assemblyHeader.salesLineNo, request.query.salesLineNo));
    return { items: await getDb().select().from(assemblyHeader).where(and(...filters)).orderBy(asc(assemblyHeader.dueDate), asc(assemblyHeader.no)) };
  });
  routes.get(`${base}/:no`, { config, schema: { tags, params: noParams, summary: 'An assembly document with its component lines', response: { 200: documentSchema } } },
    async (request) => view(await loadAssemblyDocument(getDb(), documentType, request.params.no.toUpperCase())));
  routes.patch(`${base}/:no`, {
    config, schema: { tags, params: noParams, body: headerChanges, summary: 'Change the header; assembled to order only Starting Date and Quantity to Assemble (the rest follows the sales line)', response: { 200: documentSchema } },
  }, async (request) => view(await inTransaction((tx) => changeAssemblyOrder(tx, documentType, request.params.no.toUpperCase(), request.body, expectedVersion(request.headers['if-match'], undefined)))));
  routes.post(`${base}/:no/lines`, {
    config, schema: { tags, params: noParams, body: lineInput.partial({ unitOfMeasureCode: true, description: true }), summary: 'Add a component (customise an assembly made to order)', response: { 201: lineSchema } },
  }, async (request, reply) => reply.status(201).send(await inTransaction((tx) => addAssemblyLine(tx, documentType, request.params.no.toUpperCase(), request.body))));
  routes.patch(`${base}/:no/lines/:lineNo`, {
    config, schema: { tags, params: lineParams, body: lineInput.partial(), summary: 'Change a component: item, Quantity per, unit', response: { 200: lineSchema } },
  }, async (request) => inTransaction((tx) => changeAssemblyLine(tx, documentType, request.params.no.toUpperCase(), request.params.lineNo, request.body)));
  routes.delete(`${base}/:no/lines/:lineNo`, { config, schema: { tags, params: lineParams, summary: 'Remove a component', response: { 204: z.null() } } },
    async (request, reply) => {
      await inTransaction((tx) => deleteAssemblyLine(tx, documentType, request.params.no.toUpperCase(), request.params.lineNo));
      return reply.status(204).send(null);
    });
}

function registerStandAloneRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assembly'];
  const inTransaction = <T>(work: (tx: Executor) => Promise<T>) => getDb().transaction((tx) => work(tx as Executor));
  routes.post('/api/v1/assemblyOrders', {
    config: { area: 'items' as const },
    schema: {
      tags, summary: 'A stand-alone assembly order: its lines are the item\'s Assembly BOM × the quantity',
      body: z.strictObject({ itemNo: code(), quantity: quantity(), dueDate: optionalIsoDate().optional(), locationCode: codeReference(10).optional(), unitOfMeasureCode: code(10).optional(), postingDate: optionalIsoDate().optional(), description: text(100).optional() }),
      response: { 201: documentSchema },
    },
  }, async (request, reply) => {
    const document = await inTransaction(async (tx) => createAssemblyOrder(tx, { ...request.body, itemNo: request.body.itemNo.toUpperCase(), dueDate: request.body.dueDate ?? undefined, postingDate: request.body.postingDate ?? undefined },
      await loadSalesContext(tx, request.workDate, actorOf(request).username)));
    return reply.status(201).send(view(document));
  });
  routes.delete('/api/v1/assemblyOrders/:no', { config: { area: 'items' as const }, schema: { tags, params: noParams, summary: 'Delete a stand-alone assembly order', response: { 204: z.null() } } },
    async (request, reply) => {
      await inTransaction((tx) => deleteAssemblyOrder(tx, request.params.no.toUpperCase()));
      return reply.status(204).send(null);
    });
  for (const [action, status] of [['release', 'released'], ['reopen', 'open']] as const) {
    routes.post(`/api/v1/assemblyOrders/:no/${action}`, { config: { area: 'items' as const }, schema: { tags, params: noParams, summary: `${action === 'release' ? 'Release' : 'Reopen'} an assembly order`, response: { 200: documentSchema } } },
      async (request) => view(await inTransaction((tx) => setAssemblyOrderStatus(tx, request.params.no.toUpperCase(), status))));
  }
  routes.post('/api/v1/assemblyOrders/:no/post', {
    config: { area: 'posting' as const },
    schema: {
      tags, params: noParams, summary: 'Post: consumption of the components and output of Quantity to Assemble at actual cost, in one transaction',
      response: { 200: z.object({ no: z.string(), postedAssemblyNo: z.string(), transactionNo: z.number(), quantity: z.string(), costAmount: z.string(), documentDeleted: z.boolean() }) },
    },
  }, async (request) => inTransaction(async (tx) => postAssemblyOrder(tx, request.params.no.toUpperCase(),
    await loadSalesContext(tx, request.workDate, actorOf(request).username), expectedVersion(request.headers['if-match'], undefined))));
}

function registerPostedRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const config = { area: 'items' as const };
  const tags = ['assembly'];
  const posted = z.object({ no: z.string(), orderNo: z.string(), itemNo: z.string(), quantity: z.string(), costAmount: z.string(), postingDate: z.string(), assembleToOrder: z.boolean(), reversed: z.boolean() }).loose();
  routes.get('/api/v1/postedAssemblyOrders', {
    config, schema: { tags, summary: 'Posted assembly orders, newest first', querystring: z.strictObject({ itemNo: z.string().optional(), salesShipmentNo: z.string().optional() }), response: { 200: z.object({ items: z.array(posted) }) } },
  }, async (request) => {
    const filters: SQL[] = [];
    if (request.query.itemNo) filters.push(eq(postedAssemblyHeader.itemNo, request.query.itemNo.toUpperCase()));
    if (request.query.salesShipmentNo) filters.push(eq(postedAssemblyHeader.salesShipmentNo, request.query.salesShipmentNo.toUpperCase()));
    return { items: await getDb().select().from(postedAssemblyHeader).where(and(...filters)).orderBy(desc(postedAssemblyHeader.createdAt), desc(postedAssemblyHeader.no)) };
  });
  routes.get('/api/v1/postedAssemblyOrders/:no', {
    config, schema: { tags, params: noParams, summary: 'A posted assembly order with its consumed components', response: { 200: posted.extend({ lines: z.array(z.object({ lineNo: z.number(), no: z.string(), quantity: z.string(), costAmount: z.string() }).loose()) }) } },
  }, async (request) => {
    const no = request.params.no.toUpperCase();
    const [header] = await getDb().select().from(postedAssemblyHeader).where(eq(postedAssemblyHeader.no, no));
    if (!header) throw new DomainError('NOT_FOUND', { entity: 'Posted Assembly Order', key: no });
    return { ...header, lines: await getDb().select().from(postedAssemblyLine).where(eq(postedAssemblyLine.documentNo, no)).orderBy(asc(postedAssemblyLine.lineNo)) };
  });
}
