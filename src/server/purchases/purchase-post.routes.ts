/**
 * POST /api/v1/purchaseOrders/:no/post (and the other purchase documents): Receive (Ship back),
 * Invoice or both, and …/preview (the same plan, appended nowhere); Undo Receipt; and, registered
 * from posted-purchase-document.routes.ts, the posted purchase documents' lists and pages.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { purchaseDescriptor } from '../../core/documents/document-descriptors.ts';
import { postRequest } from '../../core/posting/posting-result.schemas.ts';
import type { Executor } from '../db/connection.ts';
import { actorOf } from '../http/auth.ts';
import { expectedVersion } from '../master-data/resource.routes.ts';
import { whilePosting } from '../sales/posting-guard.ts';
import { loadPurchaseContext } from './purchase-context.ts';
import { findPurchaseDocument } from './purchase-document.queries.ts';
import { editablePurchaseDocumentTypes } from '../../core/documents/document-types.ts';
import { purchaseDocumentView } from './purchase-document.view.ts';
import { postPurchaseDocument, type PurchasePostRequest } from './purchase-post.ts';
import { previewPurchasePosting } from './purchase-post.preview.ts';
import { inRolledBackTransaction } from '../ledger/rolled-back-transaction.ts';
import { undoReceiptLines } from './purchase-undo.ts';
import { createdResponse } from '../http/response-schemas.ts';
import { registerPostedPurchaseDocumentRoutes } from './posted-purchase-document.routes.ts';

const params = z.object({ no: z.string() });
const documentNo = (request: FastifyRequest) => (request.params as { no: string }).no.trim().toUpperCase();

/** No options: an order receives (a return order ships) and invoices. */
const postWhat = (body: PurchasePostRequest): PurchasePostRequest =>
  (body.receive === undefined && body.ship === undefined && body.invoice === undefined ? { receive: true, ship: true, invoice: true } : body);

export function registerPurchasePostRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  for (const documentType of editablePurchaseDocumentTypes) {
    const descriptor = purchaseDescriptor(documentType);
    const { resource, caption: entity } = descriptor;
    routes.post(`/api/v1/${resource}/:no/post`, {
      config: { area: 'posting' },
      schema: {
        tags: [resource], params, body: postRequest.nullish(), response: createdResponse('The posted documents\' numbers, the G/L transaction no. and the document as it remains (null when posted in full)'),
        summary: `Post the ${entity}${descriptor.postsInFull ? '' : ` (${descriptor.lineHandling.verb}, invoice or both)`}`,
      },
    }, async (request, reply) => {
      const no = documentNo(request);
      const response = await whilePosting(entity, `purchase:${documentType}`, no, () => getDb().transaction(async (tx) => {
        const context = await loadPurchaseContext(tx as Executor, request.workDate, actorOf(request).username);
        const result = await postPurchaseDocument(tx as Executor, documentType, no, postWhat((request.body ?? {}) as PurchasePostRequest), context, { expectedVersion: expectedVersion(request.headers['if-match'], undefined) });
        const remaining = result.documentDeleted ? undefined : await findPurchaseDocument(tx as Executor, documentType, no);
        return { ...result, document: remaining ? purchaseDocumentView(remaining) : null };
      }));
      return reply.status(201).send(response);
    });

    routes.post(`/api/v1/${resource}/:no/preview`, {
      config: { area: 'posting' },
      schema: { tags: [resource], params, body: postRequest.nullish(), summary: `Preview posting the ${entity}: every entry it would write; nothing is kept` },
    }, async (request) => {
      const no = documentNo(request);
      // Rolled back: releasing an open document is the only write a preview makes.
      return inRolledBackTransaction(getDb(), async (tx) => {
        const context = await loadPurchaseContext(tx, request.workDate, actorOf(request).username);
        return previewPurchasePosting(tx, documentType, no, postWhat((request.body ?? {}) as PurchasePostRequest), context);
      });
    });
  }

  routes.post('/api/v1/postedPurchaseReceipts/:no/undo', {
    config: { area: 'posting' },
    schema: { tags: ['postedPurchaseReceipts'], params, summary: 'Undo Receipt: take received, not yet invoiced lines back', body: z.strictObject({ lineNos: z.array(z.number().int().min(1)).min(1) }) },
  }, async (request) => getDb().transaction(async (tx) =>
    undoReceiptLines(tx as Executor, documentNo(request), request.body.lineNos, await loadPurchaseContext(tx as Executor, request.workDate, actorOf(request).username))));

  registerPostedPurchaseDocumentRoutes(app, getDb);
}
