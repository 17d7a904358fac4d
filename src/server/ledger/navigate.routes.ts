/**
 * BC's Navigate ("Find entries") over HTTP: GET /api/v1/navigate?documentNo=…[&postingDate=…]
 * answers what navigate.queries.ts finds, the response schema listing every navigated ledger.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { navigatedDocumentTypes } from '../../core/documents/navigated-documents.ts';
import { isoDate } from '../../core/master-data/fields.ts';
import type { Executor } from '../db/connection.ts';
import type { ResourceDefinition } from '../master-data/resource.ts';
import { recordSchema } from '../master-data/record-schema.ts';
import { navigate, navigatedLedgers, navigateEntryLimit } from './navigate.queries.ts';

const ledgerShape = (build: (definition: ResourceDefinition) => z.ZodType) =>
  z.object(Object.fromEntries(navigatedLedgers.map((definition) => [definition.name, build(definition)])));

const navigateSchema = z.object({
  documentNo: z.string(),
  postingDate: z.string().nullable(),
  postedDocuments: z.array(z.object({ documentType: z.enum(navigatedDocumentTypes), resource: z.string(), no: z.string(), postingDate: z.string() })),
  counts: ledgerShape(() => z.number().int()),
  entries: ledgerShape((definition) => z.array(recordSchema(definition.table).extend(definition.flowFields?.shape ?? {}))),
});

export function registerNavigateRoutes(app: FastifyInstance, getDb: () => Executor) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/navigate', {
    config: { area: 'posting' },
    schema: {
      tags: ['navigate'],
      summary: `Find entries: the posted sales and purchase documents and the ledger entries of a document number (each ledger lists up to ${navigateEntryLimit} entries; counts are exact)`,
      querystring: z.strictObject({ documentNo: z.string().trim().min(1).transform((value) => value.toUpperCase()), postingDate: isoDate().optional() }),
      response: { 200: navigateSchema },
    },
  }, async (request) => {
    const { documentNo, postingDate } = request.query;
    return navigate(getDb(), documentNo, postingDate);
  });
}
