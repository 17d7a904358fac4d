/**
 * PDF downloads of sales documents (spec §21): `GET /api/v1/postedSalesInvoices/{no}/pdf`, the same
 * for posted credit memos, sales quotes and orders (the order confirmation). Each answers
 * application/pdf as an attachment named like the email attachment, "Sales Invoice PSI000001.pdf".
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import type { PrintableDocument } from '../../core/documents/printable-document.ts';
import type { Executor } from '../db/connection.ts';
import { renderPdf } from './pdf-render.ts';
import { loadPrintablePostedDocument, loadPrintableSalesDocument, type PostedPrintableType, type UnpostedPrintableType } from './printable-document.queries.ts';

const printableResources: ReadonlyArray<{ resource: string; entity: string; load: (tx: Executor, no: string) => Promise<PrintableDocument> }> = [
  { resource: 'postedSalesInvoices', entity: 'posted sales invoice', load: postedLoader('invoice') },
  { resource: 'postedSalesCreditMemos', entity: 'posted sales credit memo', load: postedLoader('creditMemo') },
  { resource: 'salesQuotes', entity: 'sales quote', load: unpostedLoader('quote') },
  { resource: 'salesOrders', entity: 'sales order (order confirmation)', load: unpostedLoader('order') },
];

function postedLoader(documentType: PostedPrintableType) {
  return (tx: Executor, no: string) => loadPrintablePostedDocument(tx, documentType, no);
}

function unpostedLoader(documentType: UnpostedPrintableType) {
  return (tx: Executor, no: string) => loadPrintableSalesDocument(tx, documentType, no);
}

/** The file name as a quoted header value, and the exact name (RFC 5987) for names with other characters. */
export function attachmentDisposition(fileName: string): string {
  const safeName = fileName.replace(/[^A-Za-z0-9 ._-]/g, '_');
  return `attachment; filename="${safeName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function sendPdf(reply: FastifyReply, document: PrintableDocument) {
  const pdf = await renderPdf(document);
  return reply.header('content-disposition', attachmentDisposition(document.fileName)).type('application/pdf').send(pdf);
}

export function registerPdfDocumentRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  for (const { resource, entity, load } of printableResources) {
    routes.get(`/api/v1/${resource}/:no/pdf`, {
      // Printing needs only a signed-in user who may read sales documents.
      config: { area: 'sales' as const },
      schema: {
        tags: [resource], summary: `Download the ${entity} as a PDF document (application/pdf, A4, captions in the customer's language)`,
        params: z.object({ no: z.string() }),
      },
    }, async (request, reply) => sendPdf(reply, await load(getDb(), (request.params as { no: string }).no.trim().toUpperCase())));
  }
}
