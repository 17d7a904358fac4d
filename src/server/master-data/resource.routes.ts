import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { getTableColumns } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { isIsoDate } from '../../core/dates/calendar-date.ts';
import type { Executor } from '../db/connection.ts';
import type { ResourceDefinition, Row, SingletonDefinition } from './resource.ts';
import { getRecord, getSingleton, listRecords, lookupsOf, sortableFields, uuidPattern, withoutHidden, type DateRange } from './resource.queries.ts';
import { createRecord, deleteRecord, updateRecord, updateSingleton } from './resource.commands.ts';
import { recordSchema } from './record-schema.ts';
import { actorOf } from '../http/auth.ts';
import { isoDate } from '../../core/master-data/fields.ts';

/** `If-Match: "3"` (or W/"3"), else a `version` in the body: the version the client last read. */
export function expectedVersion(ifMatch: string | undefined, bodyVersion: unknown): number | undefined {
  const text = ifMatch?.replace(/^W\//, '').replace(/"/g, '').trim();
  if (text) {
    if (!/^\d+$/.test(text)) throw new DomainError('INVALID_INPUT', { detail: 'If-Match must be the ETag this API returned, e.g. "3".' }, 'If-Match');
    return Number.parseInt(text, 10);
  }
  return typeof bodyVersion === 'number' ? bodyVersion : undefined;
}

function sendRecord(reply: FastifyReply, record: Row, status = 200) {
  if (typeof record.version === 'number') reply.header('etag', `"${record.version}"`);
  return reply.status(status).send(record);
}

function parseKey(definition: ResourceDefinition, raw: string): unknown {
  const entityKey = { entity: definition.entity, key: raw };
  switch (definition.key.kind) {
    case 'code': return raw.trim().toUpperCase();
    case 'username': return raw.trim().toLowerCase();
    case 'uuid': if (!uuidPattern.test(raw)) throw new DomainError('NOT_FOUND', entityKey); return raw.toLowerCase();
    case 'integer': if (!/^\d{1,9}$/.test(raw)) throw new DomainError('NOT_FOUND', entityKey); return Number.parseInt(raw, 10);
    // A date that does not exist would reach SQL and fail there (22008): say so instead.
    case 'date':
      if (!isIsoDate(raw)) throw new DomainError('INVALID_INPUT', { detail: `${definition.key.param} must be a date in the form YYYY-MM-DD.` }, `params.${definition.key.param}`);
      return raw;
  }
}

/** Query-string values are text: booleans and codes are brought to the type the column holds. */
export function parseFilters(definition: ResourceDefinition, query: Record<string, string | undefined>): Record<string, unknown> {
  const columns = getTableColumns(definition.table);
  const filters: Record<string, unknown> = {};
  for (const field of definition.filters) {
    const raw = query[field];
    if (raw === undefined) continue;
    if (raw === '') { filters[field] = null; continue; }
    const column = columns[field]!;
    if (column.dataType === 'boolean') {
      if (raw !== 'true' && raw !== 'false') throw new DomainError('INVALID_INPUT', { detail: `${field} must be true or false.` }, `query.${field}`);
      filters[field] = raw === 'true';
      continue;
    }
    // The database would refuse a malformed number or date with a 500; say what is wrong instead.
    if (column.dataType === 'number') {
      if (!/^-?\d{1,9}$/.test(raw)) throw new DomainError('INVALID_INPUT', { detail: `${field} must be a whole number.` }, `query.${field}`);
      filters[field] = Number.parseInt(raw, 10);
      continue;
    }
    if (column.columnType === 'PgDateString' && !isIsoDate(raw)) {
      throw new DomainError('INVALID_INPUT', { detail: `${field} must be a date in the form YYYY-MM-DD.` }, `query.${field}`);
    }
    const fieldSchema = definition.createSchema.shape[field] as z.ZodType | undefined;
    const parsed = fieldSchema?.safeParse(raw);
    filters[field] = parsed?.success ? parsed.data : raw;
  }
  return filters;
}

/** `?<field>From=&<field>To=` (inclusive) for a resource that declares a dateRangeField. */
export function dateRangeQuery(field: string | undefined): Record<string, z.ZodOptional<ReturnType<typeof isoDate>>> {
  return field ? { [`${field}From`]: isoDate().optional(), [`${field}To`]: isoDate().optional() } : {};
}

export function dateRangeOf(field: string | undefined, query: Record<string, string | undefined>): DateRange | undefined {
  return field ? { from: query[`${field}From`], to: query[`${field}To`] } : undefined;
}

/**
 * `?sort=field` or `?sort=-field` (descending), ties broken by the key; the OpenAPI description names
 * the fields, and an unknown one is refused (400) with the same list.
 */
export function sortQuery(definition: ResourceDefinition) {
  const beyondStored = [
    ...(definition.lookups ?? []).map((lookup) => lookup.field),
    ...(definition.computedSorts ?? []).map((computed) => (computed.order ? `${computed.field} (${computed.order})` : computed.field)),
  ];
  // The full list for a resource of many columns would weigh on the OpenAPI document; the 400 names them.
  const fields = definition.sortFields
    ? `one of: ${sortableFields(definition).join(', ')}`
    : `any stored field of the record${beyondStored.length ? `, or ${beyondStored.join(', ')}` : ' (not the calculated ones)'}`;
  return {
    sort: z.string().max(100).optional().describe(
      `Sort on one field, ascending, or descending with a leading - (e.g. -${definition.key.field}); ties are ordered by the key, and nextCursor pages on under the same sort. Sortable: ${fields}.`,
    ),
  };
}

/** What every route of one resource shares: its paths, parameters, response shape, tags and area. */
function resourceRoutes(app: FastifyInstance, getDb: () => Executor, definition: ResourceDefinition) {
  const collection = definition.parent
    ? `/api/v1/${definition.parent.resource}/:${definition.parent.param}/${definition.name}`
    : `/api/v1/${definition.name}`;
  const parentParams = definition.parent ? { [definition.parent.param]: z.string() } : {};
  return {
    routes: app.withTypeProvider<ZodTypeProvider>(),
    getDb,
    definition,
    collection,
    item: `${collection}/:${definition.key.param}`,
    parentParams: z.object(parentParams),
    itemParams: z.object({ ...parentParams, [definition.key.param]: z.string() }),
    /** The record with its FlowFields and the names joined in beside numbers (lookups). */
    record: recordSchema(definition.table, definition.hiddenFields).extend(definition.flowFields?.shape ?? {})
      .extend(Object.fromEntries((definition.lookups ?? []).map((lookup) => [lookup.field, z.string().nullable()])) as z.ZodRawShape),
    tags: [definition.parent ? definition.parent.resource : definition.name],
    config: { area: definition.area },
    withFlowFields: async (db: Executor, rows: Row[]) => (definition.flowFields ? definition.flowFields.calculate(db, rows) : rows),
    parentKeyOf: (params: Record<string, string>) => (definition.parent ? params[definition.parent.param]!.trim().toUpperCase() : undefined),
    keyOf: (params: Record<string, string>) => parseKey(definition, params[definition.key.param]!),
  };
}

type ResourceRoutes = ReturnType<typeof resourceRoutes>;

/** The routes of a resource, each registered by its own function below; read-only resources get the GETs only. */
export function registerResource(app: FastifyInstance, getDb: () => Executor, definition: ResourceDefinition) {
  const shared = resourceRoutes(app, getDb, definition);
  registerList(shared);
  registerGet(shared);
  if (definition.readOnly) return;
  registerCreate(shared);
  registerUpdate(shared);
  registerDelete(shared);
}

function registerList(shared: ResourceRoutes) {
  const { routes, getDb, definition, tags, config, record } = shared;
  const listQuery = z.strictObject({
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    cursor: z.string().optional(),
    ...(definition.search ? { search: z.string().optional() } : {}),
    ...Object.fromEntries(definition.filters.map((field) => [field, z.string().optional()])),
    ...dateRangeQuery(definition.dateRangeField),
    ...sortQuery(definition),
  });
  routes.get(shared.collection, {
    config,
    schema: {
      tags, summary: `List ${definition.entity} records`, querystring: listQuery, params: shared.parentParams,
      response: { 200: z.object({ items: z.array(record), nextCursor: z.string().nullable() }) },
    },
  }, async (request) => {
    const query = request.query as Record<string, string | undefined> & { limit: number };
    const page = await listRecords(getDb(), definition, shared.parentKeyOf(request.params as Record<string, string>), {
      limit: query.limit, cursor: query.cursor, search: query.search, filters: parseFilters(definition, query),
      dateRange: dateRangeOf(definition.dateRangeField, query), sort: query.sort,
    });
    return { items: await shared.withFlowFields(getDb(), page.items), nextCursor: page.nextCursor };
  });
}

function registerGet(shared: ResourceRoutes) {
  const { routes, getDb, definition, tags, config } = shared;
  routes.get(shared.item, {
    config,
    schema: { tags, summary: `Get one ${definition.entity}`, params: shared.itemParams, response: { 200: shared.record } },
  }, async (request, reply) => {
    const params = request.params as Record<string, string>;
    const parentKey = shared.parentKeyOf(params);
    const key = shared.keyOf(params);
    const row = { ...await getRecord(getDb(), definition, parentKey, key), ...await lookupsOf(getDb(), definition, parentKey, key) };
    const [calculated] = await shared.withFlowFields(getDb(), [withoutHidden(definition, row)]);
    return sendRecord(reply, calculated!);
  });
}

function registerCreate(shared: ResourceRoutes) {
  const { routes, getDb, definition, tags, config } = shared;
  routes.post(shared.collection, {
    config,
    schema: { tags, summary: `Create a ${definition.entity}`, params: shared.parentParams, body: definition.createSchema, response: { 201: shared.record } },
  }, async (request, reply) => {
    const parentKey = shared.parentKeyOf(request.params as Record<string, string>);
    const created = await getDb().transaction((tx) => createRecord(tx as Executor, definition, parentKey, request.body));
    reply.header('location', `${request.url.split('?')[0]}/${encodeURIComponent(String(created[definition.key.field]))}`);
    return sendRecord(reply, created, 201);
  });
}

function registerUpdate(shared: ResourceRoutes) {
  const { routes, getDb, definition, tags, config } = shared;
  routes.patch(shared.item, {
    config,
    schema: {
      tags, summary: `Change a ${definition.entity}`, params: shared.itemParams,
      body: definition.updateSchema.extend({ version: z.number().int().optional() }), response: { 200: shared.record },
    },
  }, async (request, reply) => {
    const params = request.params as Record<string, string>;
    const { version, ...changes } = request.body;
    const expected = expectedVersion(request.headers['if-match'], version);
    const updated = await getDb().transaction((tx) =>
      updateRecord(tx as Executor, definition, shared.parentKeyOf(params), shared.keyOf(params), changes, expected));
    return sendRecord(reply, updated);
  });
}

function registerDelete(shared: ResourceRoutes) {
  const { routes, getDb, definition, tags, config } = shared;
  routes.delete(shared.item, {
    config,
    schema: { tags, summary: `Delete a ${definition.entity}`, params: shared.itemParams },
  }, async (request, reply) => {
    const params = request.params as Record<string, string>;
    const expected = expectedVersion(request.headers['if-match'], undefined);
    await getDb().transaction((tx) => deleteRecord(
      tx as Executor, definition, shared.parentKeyOf(params), shared.keyOf(params), expected, actorOf(request)));
    return reply.status(204).send();
  });
}

export function registerSingleton(app: FastifyInstance, getDb: () => Executor, definition: SingletonDefinition) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const path = `/api/v1/${definition.name}`;
  // The response schema leaves hidden columns out, and the serializer sends only what the schema has.
  const record = recordSchema(definition.table, definition.hiddenFields);
  const tags = ['setup'];
  const config = { area: definition.area };

  routes.get(path, { config, schema: { tags, summary: `Get the ${definition.entity}`, response: { 200: record } } },
    async (_request, reply) => sendRecord(reply, await getSingleton(getDb(), definition)));

  routes.patch(path, {
    config,
    schema: { tags, summary: `Change the ${definition.entity}`, body: definition.updateSchema.extend({ version: z.number().int().optional() }), response: { 200: record } },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    const expected = expectedVersion(request.headers['if-match'], version);
    return sendRecord(reply, await getDb().transaction((tx) => updateSingleton(tx as Executor, definition, changes, expected)));
  });
}
