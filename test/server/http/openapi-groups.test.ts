import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsGroups } from '../../../src/server/http/openapi-groups.ts';
import { testApi, type TestApi } from '../../support/api.ts';

/**
 * Issue 19 (API docs in under a second): the docs page offers the operations by area, each group a
 * document of its own that holds every schema it refers to; together the groups hold every operation
 * of the whole document exactly once.
 */
type Document = { info: { title: string }; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown>; responses: Record<string, unknown> } };
let api: TestApi;
let whole: Document;
const groups = new Map<string, Document>();

beforeAll(async () => {
  api = await testApi();
  const send = api.as('none');
  whole = (await send('GET', '/api/v1/openapi.json')).json();
  for (const group of docsGroups) {
    const response = await send('GET', `/api/v1/openapi/${group.key}.json`);
    expect(response.statusCode).toBe(200);
    groups.set(group.key, response.json());
  }
});
afterAll(() => api.close());

const operationsOf = (document: Document) => Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));

describe('the API docs by area', () => {
  it('hold every operation of the whole document exactly once, sales documents in the first group', () => {
    const all = [...groups.values()].flatMap(operationsOf);
    expect(all.sort()).toEqual(operationsOf(whole).sort());
    expect(operationsOf(groups.get('sales')!)).toContain('post /api/v1/salesOrders/{no}/post');
    expect(operationsOf(groups.get('items')!)).toContain('post /api/v1/assemblyOrders/{no}/post');
    expect(groups.get('sales')!.info.title).toBe('Ledgerline API: Sales documents and posting');
  });

  it('resolve every schema reference inside their own document, and keep no schema none of their operations reaches', () => {
    for (const [key, document] of groups) {
      const text = JSON.stringify(document);
      const referenced = new Set([...text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]!));
      expect([...referenced].filter((name) => !(name in document.components.schemas)), key).toEqual([]);
      expect(Object.keys(document.components.schemas).filter((name) => !referenced.has(name)), key).toEqual([]);
    }
  });

  it('answers an unknown group with 404 and the page offers the groups and the whole document', async () => {
    expect((await api.as('none')('GET', '/api/v1/openapi/nope.json')).json()).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND' });
    const initializer = (await api.as('none')('GET', '/api/docs/static/swagger-initializer.js')).body;
    expect(initializer).toContain('/api/v1/openapi/sales.json');
    expect(initializer).toContain('/api/v1/openapi.json');
  });
});
