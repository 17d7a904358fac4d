/**
 * PDF downloads of sales documents (spec §21): `GET /api/v1/postedSalesInvoices/{no}/pdf`, the same
 * for posted credit memos, sales quotes and orders (the order confirmation), posted shipments and
 * return receipts (the packing slip); `…/salesOrders/{no}/proForma/pdf` and the same for sales
 * invoices (the pro forma invoice); `GET /api/v1/customers/{no}/statement/pdf?from=…&to=…` (the
 * customer statement). Each answers application/pdf as an attachment named like the email
 * attachment, "Sales Invoice PSI000001.pdf".
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import type { PrintableDocument } from '../../core/documents/printable-document.ts';
import type { Executor } from '../db/connection.ts';
import { isoDate } from '../../core/master-data/fields.ts';
import { renderPdf } from './pdf-render.ts';
import {
  loadPrintablePostedDocument, loadPrintableSalesDocument, loadPrintableStatement, type PackingSlipType, type PostedPrintableType, type ProFormaSourceType,
  type UnpostedPrintableType,
} from './printable-document.queries.ts';

/** `/api/v1/{resource}/{no}/pdf`, or `…/{no}/proForma/pdf` for the pro forma invoice. */
const printableResources: ReadonlyArray<{ resource: string; layout?: 'proForma'; entity: string; load: (tx: Executor, no: string) => Promise<PrintableDocument> }> = [
  { resource: 'postedSalesInvoices', entity: 'posted sales invoice', load: postedLoader('invoice') },
  { resource: 'postedSalesCreditMemos', entity: 'posted sales credit memo', load: postedLoader('creditMemo') },
  { resource: 'postedSalesShipments', entity: 'posted sales shipment (packing slip: quantities shipped, no prices)', load: postedLoader('shipment') },
  { resource: 'postedReturnReceipts', entity: 'posted return receipt (quantities received, no prices)', load: postedLoader('returnReceipt') },
  { resource: 'salesQuotes', entity: 'sales quote', load: unpostedLoader('quote') },
  { resource: 'salesOrders', entity: 'sales order (order confirmation)', load: unpostedLoader('order') },
  { resource: 'salesOrders', layout: 'proForma', entity: 'pro forma invoice of the sales order (prices, VAT and totals; nothing is posted)', load: proFormaLoader('order') },
  { resource: 'salesInvoices', layout: 'proForma', entity: 'pro forma invoice of the sales invoice (prices, VAT and totals; nothing is posted)', load: proFormaLoader('invoice') },
];

function postedLoader(documentType: PostedPrintableType | PackingSlipType) {
  return (tx: Executor, no: string) => loadPrintablePostedDocument(tx, documentType, no);
}

function unpostedLoader(documentType: UnpostedPrintableType) {
  return (tx: Executor, no: string) => loadPrintableSalesDocument(tx, documentType, no);
}

function proFormaLoader(documentType: ProFormaSourceType) {
  return (tx: Executor, no: string) => loadPrintableSalesDocument(tx, documentType, no, 'proForma');
}

/** The statement's period; reports look back from it, so from 1900 on (as the statement report's). */
const statementPeriod = z.strictObject({
  from: isoDate().refine((value) => value >= '1900-01-01', 'must be a date from 1900-01-01 on').describe('First posting date of the period.'),
  to: isoDate().describe('Last posting date of the period: the statement date, as of which the open entries are aged.'),
}).superRefine((query, context) => {
  if (query.to < query.from) context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
});

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
  for (const { resource, layout, entity, load } of printableResources) {
    routes.get(`/api/v1/${resource}/:no/${layout ? `${layout}/` : ''}pdf`, {
      // Printing needs only a signed-in user who may read sales documents.
      config: { area: 'sales' as const },
      schema: {
        tags: [resource], summary: `Download the ${entity} as a PDF document (application/pdf, A4, captions in the customer's language)`,
        params: z.object({ no: z.string() }),
      },
    }, async (request, reply) => sendPdf(reply, await load(getDb(), (request.params as { no: string }).no.trim().toUpperCase())));
  }
  routes.get('/api/v1/customers/:no/statement/pdf', {
    // Read with the customer ledger entries' permission, as the statement report.
    config: { area: 'posting' as const },
    schema: {
      tags: ['receivables'],
      summary: 'Download the customer statement for a period as a PDF document (application/pdf, A4, captions in the customer\'s language)',
      description: 'Per currency the customer has entries in: the balance before the period, the entries posted in it (document type and number, '
        + 'posting and due date, amount, remaining amount at the end date, running balance), the closing balance and the aging of the open '
        + 'entries by due date as of the end date. Amounts are in the currency of the section.',
      params: z.object({ no: z.string() }),
      querystring: statementPeriod,
    },
  }, async (request, reply) => {
    const { from, to } = request.query;
    return sendPdf(reply, await loadPrintableStatement(getDb(), request.params.no.trim().toUpperCase(), from, to));
  });
}
