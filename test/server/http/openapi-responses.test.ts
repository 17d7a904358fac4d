import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';

/**
 * Issue 19: the OpenAPI document lists the real status codes of every action, the refusals with
 * the problem body (src/server/http/problem.ts), and the answers keep their status and fields.
 */
let api: TestApi;
type Response = { $ref?: string; content?: Record<string, { schema?: { $ref?: string } }> };
type Responses = Record<string, Response>;
type Document = {
  paths: Record<string, Record<string, { responses: Responses; security?: unknown[] }>>;
  components: { schemas: Record<string, { required?: string[] }>; responses: Record<string, Response> };
};
let document: Document;
beforeAll(async () => {
  api = await testApi();
  document = (await api.as('none')('GET', '/api/v1/openapi.json')).json();
});
afterAll(() => api.close());

const statusesOf = (path: string, method: string) => Object.keys(document.paths[path]![method]!.responses).sort();
/** The problem schema a refusal's body refers to, through the shared response the operation refers to. */
const problemRef = (path: string, method: string, status: string) => {
  const shared = document.paths[path]![method]!.responses[status]!.$ref!;
  expect(shared).toMatch(/^#\/components\/responses\//);
  return document.components.responses[shared.split('/').at(-1)!]!.content?.['application/problem+json']?.schema?.$ref;
};

describe('the OpenAPI document', () => {
  it('has the problem body as a component and refers to it from the refusals', () => {
    expect(document.components.schemas.Problem!.required).toEqual(['type', 'title', 'status', 'code', 'detail']);
    expect(statusesOf('/api/v1/salesOrders/{no}/post', 'post')).toEqual(['201', '400', '401', '403', '404', '409', '422']);
    expect(problemRef('/api/v1/salesOrders/{no}/post', 'post', '422')).toBe('#/components/schemas/Problem');
    expect(problemRef('/api/v1/salesOrders/{no}/post', 'post', '409')).toBe('#/components/schemas/Problem');
    expect(problemRef('/api/v1/customers/{no}', 'get', '404')).toBe('#/components/schemas/Problem');
    expect(statusesOf('/api/v1/salesOrders/{no}', 'delete')).toEqual(['204', '400', '401', '403', '404', '409', '422']);
    expect(statusesOf('/api/v1/customers', 'post')).toEqual(['201', '400', '401', '403', '409', '422']);
    expect(statusesOf('/api/v1/combineShipments', 'post')).toEqual(['200', '202', '400', '401', '403', '409', '422']);
  });

  it('gives sign-in no bearer token and no 401/403', () => {
    expect(document.paths['/api/v1/auth/token']!.post!.security).toEqual([]);
    expect(statusesOf('/api/v1/auth/token', 'post')).not.toContain('401');
  });

  it('gives every change a success status, 409 and 422, and every keyed path 404', () => {
    const missing: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const statuses = Object.keys(operation.responses);
        if (!statuses.some((status) => status.startsWith('2'))) missing.push(`${method} ${path}: no 2xx`);
        if (method !== 'get' && !(statuses.includes('409') && statuses.includes('422'))) missing.push(`${method} ${path}: no 409/422`);
        if (path.includes('{') && !statuses.includes('404')) missing.push(`${method} ${path}: no 404`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the shared schemas', () => {
  it('names a schema used by several operations once and refers to it', () => {
    const schemaOf = (path: string, method: string) => (document.paths[path]![method]!.responses['200']!.content!['application/json']!.schema as { $ref: string }).$ref;
    const order = schemaOf('/api/v1/salesOrders/{no}', 'get');
    expect(order).toMatch(/^#\/components\/schemas\//);
    expect(schemaOf('/api/v1/salesOrders/{no}', 'patch')).toBe(order);
    const component = document.components.schemas[order.split('/').at(-1)!] as { properties?: Record<string, unknown> };
    expect(Object.keys(component.properties ?? {})).toEqual(expect.arrayContaining(['no', 'sellToCustomerNo', 'lines']));
    // 2.9 MB with every schema inline, 1.37 MB with every refusal written out; the docs page parses it on every visit.
    expect(JSON.stringify(document).length).toBeLessThan(1_000_000);
  });
});

describe('the answers match the document', () => {
  it('unlocking a user answers 204 without a body; an unknown order 404 with the problem body', async () => {
    // (Not sign-out: it would revoke the token the other tests of this worker share.)
    const unlock = await api.as('admin')('POST', '/api/v1/users/salesclerk-user/unlock');
    expect(unlock.statusCode).toBe(204);
    expect(unlock.body).toBe('');
    const unknown = await api.as('admin')('DELETE', '/api/v1/salesOrders/NO-SUCH-ORDER');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', title: 'Not Found' });
  });
});
