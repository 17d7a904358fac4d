/** What the routes of sales and purchase documents share: path parameters, and reading lines. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { and, eq, inArray, sum } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import type { Area } from '../../core/access/roles.ts';
import type { Executor } from '../db/connection.ts';
import type { purchaseLine, salesLine } from '../db/schema/index.ts';
import type { ResourceDefinition, Row } from '../master-data/resource.ts';
import { listRecords } from '../master-data/resource.queries.ts';
import { parseFilters, sortQuery } from '../master-data/resource.routes.ts';

export const noParam = z.object({ no: z.string() });
export const lineParams = z.object({ no: z.string(), lineNo: z.coerce.number().int().min(1).max(2_147_483_647) });
export const documentNo = (request: FastifyRequest) => (request.params as { no: string }).no.trim().toUpperCase();
export const lineNoOf = (request: FastifyRequest) => (request.params as { lineNo: number }).lineNo;

/** GET …/{no}/lines and …/{no}/lines/{lineNo}. */
export function registerLineReadRoutes<L extends { lineNo: number }>(app: Pick<FastifyInstance, 'withTypeProvider'>, options: {
  base: string; config: { area: Area }; tags: string[]; entity: string; lineEntity: string; lineSchema: z.ZodType;
  load: (no: string) => Promise<{ lines: L[] }>;
}) {
  const { base, config, tags, entity, lineEntity, lineSchema, load } = options;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(`${base}/:no/lines`, { config, schema: { tags, summary: `The lines of a ${entity}`, params: noParam, response: { 200: z.object({ items: z.array(lineSchema) }) } } },
    async (request) => ({ items: (await load(documentNo(request))).lines }));

  routes.get(`${base}/:no/lines/:lineNo`, { config, schema: { tags, summary: `One line of a ${entity}`, params: lineParams, response: { 200: lineSchema } } },
    async (request) => {
      const lineNo = lineNoOf(request);
      const line = (await load(documentNo(request))).lines.find((candidate) => candidate.lineNo === lineNo);
      if (!line) throw new DomainError('NOT_FOUND', { entity: lineEntity, key: `${documentNo(request)} ${lineNo}` });
      return line;
    });
}

/** GET the list of one document type: a page of headers, filtered and searched, each with its Amount and Amount Including VAT. */
export function registerDocumentListRoute(app: Pick<FastifyInstance, 'withTypeProvider'>, options: {
  base: string; config: { area: Area }; tags: string[]; entity: string; documentType: string; getDb: () => Executor;
  definition: ResourceDefinition; listItemSchema: z.ZodType; lineTable: typeof salesLine | typeof purchaseLine;
  /** What the list adds to a page of headers from their lines (one grouped query); Amount and Amount Including VAT by default. */
  summarize?: (db: Executor, headers: Row[]) => Promise<Row[]>;
}) {
  const { base, config, tags, entity, documentType, getDb, definition, listItemSchema, lineTable } = options;
  const summarize = options.summarize ?? ((db: Executor, headers: Row[]) => withAmounts(db, lineTable, documentType, headers));
  app.withTypeProvider<ZodTypeProvider>().get(base, {
    config,
    schema: {
      tags, summary: `List ${entity}s`,
      querystring: z.strictObject({
        limit: z.coerce.number().int().min(1).max(1000).default(100), cursor: z.string().optional(), search: z.string().optional(),
        ...Object.fromEntries(definition.filters.map((field) => [field, z.string().optional()])),
        ...sortQuery(definition),
      }),
      response: { 200: z.object({ items: z.array(listItemSchema), nextCursor: z.string().nullable() }) },
    },
  }, async (request) => {
    const query = request.query as Record<string, string | undefined> & { limit: number };
    const page = await listRecords(getDb(), definition, documentType, {
      limit: query.limit, cursor: query.cursor, search: query.search, filters: parseFilters(definition, query), sort: query.sort,
    });
    return { items: await summarize(getDb(), page.items), nextCursor: page.nextCursor };
  });
}

/** Document totals for a page of headers, in one grouped query. */
async function withAmounts(db: Executor, lines: typeof salesLine | typeof purchaseLine, documentType: string, headers: Row[]) {
  const numbers = headers.map((header) => header.no as string);
  const table = lines as typeof salesLine;
  const sums = numbers.length === 0 ? [] : await db.select({ no: table.documentNo, amount: sum(table.amount), amountIncludingVat: sum(table.amountIncludingVat) })
    .from(table).where(and(eq(table.documentType, documentType), inArray(table.documentNo, numbers))).groupBy(table.documentNo);
  return headers.map((header) => {
    const found = sums.find((row) => row.no === header.no);
    return { ...header, amount: found?.amount ?? '0.00', amountIncludingVat: found?.amountIncludingVat ?? '0.00' };
  });
}
