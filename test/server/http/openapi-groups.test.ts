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
    const initializer = (await api.as('none')('GET', '/api/docs/try/static/swagger-initializer.js')).body;
    expect(initializer).toContain('/api/v1/openapi/sales.json');
    expect(initializer).toContain('/api/v1/openapi.json');
  });

  it('the docs page shows an area as plain HTML: every operation with its status codes, and every link lands on the page', async () => {
    const send = api.as('none');
    for (const group of docsGroups) {
      const response = await send('GET', `/api/docs?area=${group.key}`);
      expect(response.statusCode, group.key).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      const page = response.body;
      const operations = operationsOf(groups.get(group.key)!);
      expect(page.match(/<details class="op"/g)?.length, group.key).toBe(operations.length);
      const ids = new Set([...page.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]!));
      const targets = [...new Set([...page.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]!))];
      expect(targets.filter((target) => !ids.has(target)), group.key).toEqual([]);
      expect(page).not.toContain('<script');
    }
  });

  it('the docs page opens on sales documents, says what posting an order answers, and refuses an unknown area', async () => {
    const send = api.as('none');
    const page = (await send('GET', '/api/docs/')).body;
    const post = page.slice(page.indexOf('id="op-post-_api_v1_salesOrders__no__post"'));
    const operation = post.slice(0, post.indexOf('</details>'));
    expect(operation).toContain('Post the Sales Order (ship, invoice or both)');
    expect(operation).toContain('<code>ship</code>');
    expect([...operation.matchAll(/class="status s\d">(\d{3})</g)].map((match) => match[1])).toEqual(['201', '400', '401', '403', '404', '409', '422']);
    expect(page).toContain('<a href="/api/docs/try/">');
    expect(page).toContain('aria-current="page">Sales documents and posting<');
    const unknown = await send('GET', '/api/docs?area=nope');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });
});
