import type { FastifyInstance } from 'fastify';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { apiReferencePage, type ReferenceDocument } from './api-reference-page.ts';
import { docsGroups, openApiGroup } from './openapi-groups.ts';
import { problem } from './problem.ts';

/**
 * The API's documentation, public like the sign-in: the OpenAPI document whole and by area, the
 * reference page at /api/docs (plain HTML by area, in under a second: issue 19) and Swagger UI at
 * /api/docs/try for trying requests out. The document does not change while the server runs, so
 * each area's document and page are built once, on first request.
 */
export async function registerApiDocs(app: FastifyInstance) {
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => { route.config = { ...route.config, public: true }; });
    await docs.register(fastifySwaggerUi, {
      routePrefix: '/api/docs/try',
      uiConfig: {
        docExpansion: 'none', defaultModelsExpandDepth: -1,
        urls: [...docsGroups.map((group) => ({ name: group.name, url: `/api/v1/openapi/${group.key}.json` })), { name: 'Everything (one large document)', url: '/api/v1/openapi.json' }],
        'urls.primaryName': docsGroups[0]!.name,
      } as never,
    });
  });
  const documents = new Map<string, ReferenceDocument>();
  const documentOf = (key: string) => {
    if (!documents.has(key)) {
      const document = openApiGroup(app.swagger() as never, key);
      if (document) documents.set(key, document as unknown as ReferenceDocument);
    }
    return documents.get(key) ?? null;
  };
  const unknownArea = (key: string) => problem(404, 'ROUTE_NOT_FOUND', `There is no API docs area ${key}; the areas are ${docsGroups.map((group) => group.key).join(', ')}.`);

  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  app.get('/api/v1/openapi/:group.json', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const key = (request.params as { group: string }).group;
    return documentOf(key) ?? reply.status(404).type('application/problem+json').send(unknownArea(key));
  });
  const pages = new Map<string, string>();
  app.get('/api/docs', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const key = (request.query as { area?: string }).area ?? docsGroups[0]!.key;
    const group = docsGroups.find((candidate) => candidate.key === key);
    const document = documentOf(key);
    if (!group || !document) return reply.status(404).type('application/problem+json').send(unknownArea(key));
    if (!pages.has(key)) pages.set(key, apiReferencePage(document, docsGroups, group));
    return reply.type('text/html; charset=utf-8').send(pages.get(key));
  });
}
