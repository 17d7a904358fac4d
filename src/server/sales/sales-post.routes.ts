/**
 * Posting actions on sales documents: post, and preview (the same plan, appended nowhere). Corrections,
 * undo and the "get lines" helpers register here too as they are the posting's companions.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { postRequest } from '../../core/posting/posting-result.schemas.ts';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { postableSalesDocumentTypes } from '../../core/documents/document-types.ts';
import type { Executor } from '../db/connection.ts';
import { actorOf } from '../http/auth.ts';
import { inRolledBackTransaction } from '../ledger/rolled-back-transaction.ts';
import { expectedVersion } from '../master-data/resource.routes.ts';
import { whilePosting } from './posting-guard.ts';
import { loadSalesContext, type SalesContext } from './sales-context.ts';
import { findDocument } from './sales-document.queries.ts';
import { documentView } from './sales-document.view.ts';
import { type PostableDocumentType, type PostRequest, postSalesDocument, previewSalesPosting } from './sales-post.ts';
import { createdResponse } from '../http/response-schemas.ts';

/** The body is optional: none posts everything (an order ships and invoices). */
export const postRequestSchema = postRequest.nullish();

export function registerSalesPostRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  for (const documentType of postableSalesDocumentTypes) {
    const descriptor = salesDescriptor(documentType);
    const { resource, caption: entity } = descriptor;
    const base = `/api/v1/${resource}/:no`;
    const config = { area: 'posting' as const };
    const tags = [resource];
    const params = z.object({ no: z.string() });
    const documentNo = (request: FastifyRequest) => (request.params as { no: string }).no.trim().toUpperCase();
    const postRequest = (request: FastifyRequest): PostRequest => {
      const body = (request.body ?? {}) as PostRequest;
      // An invoice or credit memo posts everything; an order without options ships and invoices.
      if (body.ship === undefined && body.receive === undefined && body.invoice === undefined) return { ship: true, receive: true, invoice: true };
      return body;
    };

    routes.post(`${base}/post`, {
      config,
      schema: {
        tags, params, body: postRequestSchema, response: createdResponse('The posted documents\' numbers, the G/L transaction no. and the document as it remains (null when posted in full)'),
        summary: `Post the ${entity}${descriptor.postsInFull ? '' : ` (${descriptor.lineHandling.verb}, invoice or both)`}`,
      },
    }, async (request, reply) => {
      const no = documentNo(request);
      const response = await whilePosting(entity, documentType, no, () => getDb().transaction(async (tx) => {
        const context = await loadSalesContext(tx as Executor, request.workDate, actorOf(request).username);
        const result = await postSalesDocument(tx as Executor, documentType, no, postRequest(request), context, { expectedVersion: expectedVersion(request.headers['if-match'], undefined) });
        return { ...result, document: result.documentDeleted ? null : await remainingDocument(tx as Executor, documentType, no, context) };
      }));
      return reply.status(201).send(response);
    });

    routes.post(`${base}/preview`, {
      config,
      schema: { tags, params, body: postRequestSchema, summary: `Preview posting the ${entity}: every entry it would write; nothing is kept` },
    }, async (request) => {
      const no = documentNo(request);
      // Rolled back: releasing an open document is the only write a preview makes.
      return inRolledBackTransaction(getDb(), async (tx) => {
        const context = await loadSalesContext(tx, request.workDate, actorOf(request).username);
        return previewSalesPosting(tx, documentType, no, postRequest(request), context);
      });
    });
  }
}

async function remainingDocument(tx: Executor, documentType: PostableDocumentType, no: string, context: SalesContext) {
  const document = await findDocument(tx, documentType, no);
  return document ? documentView(tx, document, context) : null;
}
