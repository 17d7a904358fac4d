import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import type { Executor } from '../db/connection.ts';
import { postedSalesHeaderRowView, postedSalesLineView } from '../../core/sales/posted-sales-document.views.ts';
import type { PostedSalesDocumentType } from '../db/schema/index.ts';
import { noPrinted } from '../email/email-outbox.ts';
import { dateRangeOf, dateRangeQuery, parseFilters, sortQuery } from '../master-data/resource.routes.ts';
import {
  listPostedDocuments, postedDocumentFilters, postedDocumentKinds, postedDocumentListDefinitions, postedDocumentStatusShape, postedDocumentTypes,
  postedDocumentView,
} from './posted-sales-document.queries.ts';

/** GET-only routes of the four posted document types: `/api/v1/postedSalesInvoices[/{no}]` and so on. */
export function registerPostedSalesDocumentRoutes(app: FastifyInstance, getDb: () => Executor) {
  for (const documentType of postedDocumentTypes) registerPostedDocumentType(app, getDb, documentType);
}

function registerPostedDocumentType(app: FastifyInstance, getDb: () => Executor, documentType: PostedSalesDocumentType) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { resource, entity } = postedDocumentKinds[documentType];
  const definition = postedDocumentListDefinitions[documentType];
  const base = `/api/v1/${resource}`;
  // Reading needs only a signed-in user; the area names who would write, and nobody does.
  const config = { area: 'sales' as const };
  const tags = [resource];
  const headerSchema = postedSalesHeaderRowView.extend(postedDocumentStatusShape(documentType));
  const listQuery = z.strictObject({
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    cursor: z.string().optional(),
    search: z.string().optional(),
    ...Object.fromEntries(postedDocumentFilters.map((field) => [field, z.string().optional()])),
    ...dateRangeQuery('postingDate'),
    ...sortQuery(definition),
  });

  routes.get(base, {
    config,
    schema: {
      tags, summary: `List ${entity}s (filter by customer, order, external document no., posting date range; search number and names)`,
      querystring: listQuery, response: { 200: z.object({ items: z.array(headerSchema), nextCursor: z.string().nullable() }) },
    },
  }, async (request) => {
    const query = request.query as Record<string, string | undefined> & { limit: number };
    return listPostedDocuments(getDb(), documentType, {
      limit: query.limit, cursor: query.cursor, search: query.search, filters: parseFilters(definition, query),
      dateRange: dateRangeOf('postingDate', query), sort: query.sort, workDate: request.workDate,
    });
  });

  routes.get(`${base}/:no`, {
    config,
    schema: {
      tags, summary: `Get a ${entity} with its lines`, params: z.object({ no: z.string() }),
      // No. Printed (spec §21.3): the PDFs generated to send it, counted (the posted document itself never changes).
      response: { 200: headerSchema.extend({ lines: z.array(postedSalesLineView), noPrinted: z.number().int() }) },
    },
  }, async (request) => {
    const no = (request.params as { no: string }).no.trim().toUpperCase();
    const view = await postedDocumentView(getDb(), documentType, no);
    return { ...view, noPrinted: await noPrinted(getDb(), `posted${documentType[0]!.toUpperCase()}${documentType.slice(1)}`, no) };
  });
}
