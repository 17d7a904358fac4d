/**
 * BC's Navigate ("Find entries"): for a document number, and optionally its posting date, the posted
 * documents of that number and the entries every ledger holds for it, with the count per ledger.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { and, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { isoDate } from '../../core/master-data/fields.ts';
import type { Executor } from '../db/connection.ts';
import type { ResourceDefinition, Row } from '../master-data/resource.ts';
import { columnOf, listRecords } from '../master-data/resource.queries.ts';
import { recordSchema } from '../master-data/record-schema.ts';
import { postedDocumentsNumbered, postedDocumentTypes, type PostedDocumentReference } from '../sales/posted-sales-document.queries.ts';
import {
  customerLedgerEntryResource, detailedCustomerLedgerEntryResource, glEntryResource, itemLedgerEntryResource, valueEntryResource, vatEntryResource,
} from './ledger.resources.ts';

/** The ledgers Navigate looks in, in BC's order; each is listed in full up to this many entries (the count is always exact). */
const navigatedLedgers = [
  glEntryResource, vatEntryResource, customerLedgerEntryResource, detailedCustomerLedgerEntryResource, itemLedgerEntryResource, valueEntryResource,
];
export const navigateEntryLimit = 1000;

type LedgerName = 'glEntries' | 'vatEntries' | 'customerLedgerEntries' | 'detailedCustomerLedgerEntries' | 'itemLedgerEntries' | 'valueEntries';

export interface NavigateResult {
  documentNo: string;
  postingDate: string | null;
  postedDocuments: PostedDocumentReference[];
  counts: Record<LedgerName, number>;
  entries: Record<LedgerName, Row[]>;
}

async function ledgerEntries(tx: Executor, definition: ResourceDefinition, documentNo: string, postingDate: string | undefined) {
  const range = postingDate === undefined ? undefined : { from: postingDate, to: postingDate };
  const page = await listRecords(tx, definition, undefined, { limit: navigateEntryLimit, filters: { documentNo }, dateRange: range });
  const [counted] = (await tx.select({ entries: count() }).from(definition.table as never).where(and(
    eq(columnOf(definition, 'documentNo'), documentNo),
    postingDate === undefined ? undefined : eq(columnOf(definition, 'postingDate'), postingDate),
  ))) as { entries: number }[];
  const items = definition.flowFields ? await definition.flowFields.calculate(tx, page.items) : page.items;
  return { items, count: counted!.entries };
}

/** Everything posted under a document number (and posting date, when given). */
export async function navigate(tx: Executor, documentNo: string, postingDate?: string): Promise<NavigateResult> {
  const counts = {} as Record<LedgerName, number>;
  const entries = {} as Record<LedgerName, Row[]>;
  for (const definition of navigatedLedgers) {
    const found = await ledgerEntries(tx, definition, documentNo, postingDate);
    counts[definition.name as LedgerName] = found.count;
    entries[definition.name as LedgerName] = found.items;
  }
  return { documentNo, postingDate: postingDate ?? null, postedDocuments: await postedDocumentsNumbered(tx, documentNo, postingDate), counts, entries };
}

const ledgerShape = (build: (definition: ResourceDefinition) => z.ZodType) =>
  z.object(Object.fromEntries(navigatedLedgers.map((definition) => [definition.name, build(definition)])));

const navigateSchema = z.object({
  documentNo: z.string(),
  postingDate: z.string().nullable(),
  postedDocuments: z.array(z.object({ documentType: z.enum(postedDocumentTypes), resource: z.string(), no: z.string(), postingDate: z.string() })),
  counts: ledgerShape(() => z.number().int()),
  entries: ledgerShape((definition) => z.array(recordSchema(definition.table).extend(definition.flowFields?.shape ?? {}))),
});

export function registerNavigateRoutes(app: FastifyInstance, getDb: () => Executor) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/navigate', {
    config: { area: 'posting' },
    schema: {
      tags: ['navigate'],
      summary: `Find entries: the posted documents and ledger entries of a document number (each ledger lists up to ${navigateEntryLimit} entries; counts are exact)`,
      querystring: z.strictObject({ documentNo: z.string().trim().min(1).transform((value) => value.toUpperCase()), postingDate: isoDate().optional() }),
      response: { 200: navigateSchema },
    },
  }, async (request) => {
    const { documentNo, postingDate } = request.query;
    return navigate(getDb(), documentNo, postingDate);
  });
}
