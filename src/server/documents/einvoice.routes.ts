/**
 * Peppol BIS Billing 3.0 e-invoice downloads (issue 17): `GET /api/v1/postedSalesInvoices/{no}/eInvoice`
 * and the same for posted credit memos. Each answers application/xml (UBL 2.1 Invoice or CreditNote,
 * with the document's PDF embedded) as an attachment named "Sales Invoice PSI000001.xml".
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import type { Executor } from '../db/connection.ts';
import { renderEInvoice, type EInvoiceDocumentType } from './einvoice.queries.ts';
import { attachmentDisposition } from './pdf-document.routes.ts';

const eInvoiceResources: ReadonlyArray<{ resource: string; entity: string; documentType: EInvoiceDocumentType }> = [
  { resource: 'postedSalesInvoices', entity: 'posted sales invoice', documentType: 'invoice' },
  { resource: 'postedSalesCreditMemos', entity: 'posted sales credit memo', documentType: 'creditMemo' },
];

export function registerEInvoiceRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  for (const { resource, entity, documentType } of eInvoiceResources) {
    routes.get(`/api/v1/${resource}/:no/eInvoice`, {
      config: { area: 'sales' as const },
      schema: {
        tags: [resource],
        summary: `Download the ${entity} as a Peppol BIS Billing 3.0 e-invoice (UBL 2.1 XML, the PDF embedded)`,
        params: z.object({ no: z.string() }),
      },
    }, async (request, reply) => {
      const { fileName, xml } = await renderEInvoice(getDb(), documentType, (request.params as { no: string }).no.trim().toUpperCase());
      return reply.header('content-disposition', attachmentDisposition(fileName)).type('application/xml; charset=utf-8').send(xml);
    });
  }
}
