import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { postedPurchaseDocumentTypes, type PostedPurchaseDocumentType } from '../../core/documents/document-types.ts';
import { postedPurchaseDescriptors } from '../../core/documents/posted-document-descriptors.ts';
import type { Executor } from '../db/connection.ts';
import { postedPurchaseHeader } from '../db/schema/index.ts';
import { recordSchema } from '../master-data/record-schema.ts';
import { dateRangeOf, dateRangeQuery, parseFilters, sortQuery } from '../master-data/resource.routes.ts';
import {
  listPostedPurchaseDocuments, postedPurchaseDocumentFilters, postedPurchaseDocumentView, postedPurchaseListDefinitions, postedPurchaseStatusShape,
} from './posted-purchase-document.queries.ts';

/** The GET routes of the four posted purchase document types: `/api/v1/postedPurchaseInvoices[/{no}]` and so on. */
export function registerPostedPurchaseDocumentRoutes(app: FastifyInstance, getDb: () => Executor) {
  for (const documentType of postedPurchaseDocumentTypes) registerPostedPurchaseDocumentType(app, getDb, documentType);
}

function registerPostedPurchaseDocumentType(app: FastifyInstance, getDb: () => Executor, documentType: PostedPurchaseDocumentType) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { resource, caption } = postedPurchaseDescriptors[documentType];
  const definition = postedPurchaseListDefinitions[documentType];
  const base = `/api/v1/${resource}`;
  const tags = [resource];
  const headerSchema = recordSchema(postedPurchaseHeader).extend(postedPurchaseStatusShape(documentType));
  const listQuery = z.strictObject({
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    cursor: z.string().optional(),
    search: z.string().optional().describe('Searched, case-insensitively, in the number, the buy-from and pay-to names and the vendor\'s invoice, credit memo and shipment numbers.'),
    ...Object.fromEntries(postedPurchaseDocumentFilters.map((field) => [field, z.string().optional()])),
    ...dateRangeQuery('postingDate'),
    ...sortQuery(definition),
  });

  routes.get(base, {
    schema: {
      tags, summary: `List ${caption}s (filter by vendor, order, vendor's document no., posting date range; search number, names and vendor's numbers)`,
      querystring: listQuery, response: { 200: z.object({ items: z.array(headerSchema), nextCursor: z.string().nullable() }) },
    },
  }, async (request) => {
    const query = request.query as Record<string, string | undefined> & { limit: number };
    return listPostedPurchaseDocuments(getDb(), documentType, {
      limit: query.limit, cursor: query.cursor, search: query.search, filters: parseFilters(definition, query),
      dateRange: dateRangeOf('postingDate', query), sort: query.sort, workDate: request.workDate,
    });
  });

  routes.get(`${base}/:no`, { schema: { tags, summary: `Get a ${caption} with its lines`, params: z.object({ no: z.string() }) } }, async (request) =>
    postedPurchaseDocumentView(getDb(), documentType, request.params.no.trim().toUpperCase()));
}
