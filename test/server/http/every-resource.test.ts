import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRead } from '../../../src/core/access/roles.ts';
import { resources, singletons } from '../../../src/server/master-data/registry.ts';
import type { ResourceDefinition } from '../../../src/server/master-data/resource.ts';
import { testApi, type TestApi } from '../../support/api.ts';

// One database for the sweep: every request below is refused, so none of them changes it.
let api: TestApi;
beforeAll(async () => { api = await testApi(); });
afterAll(() => api.close());

function collectionUrl(definition: ResourceDefinition): string {
  return definition.parent ? `/api/v1/${definition.parent.resource}/NOPARENT/${definition.name}` : `/api/v1/${definition.name}`;
}

function unknownKey(definition: ResourceDefinition): string {
  return { code: 'NO-SUCH-KEY', username: 'no-such-user', uuid: '00000000-0000-4000-8000-000000000000', integer: '999999', date: '1999-01-01' }[definition.key.kind];
}

const topLevel = resources.filter((definition) => !definition.parent);

describe.each(topLevel.map((definition) => [definition.name, definition] as const))('%s', (_name, definition) => {
  const collection = collectionUrl(definition);
  const item = `${collection}/${unknownKey(definition)}`;

  it('answers an unknown record with 404 on read, change and delete', async () => {
    for (const [method, body] of [['GET', undefined], ['PATCH', {}], ['DELETE', undefined]] as const) {
      if (definition.readOnly && method !== 'GET') continue;
      const response = await api.as('admin')(method, item, body);
      expect(response.statusCode, `${method} ${item}`).toBe(404);
      expect(response.json().code).toBe('NOT_FOUND');
    }
  });

  it.skipIf(definition.readOnly)('answers an unknown field with 400 naming it, on create and on change', async () => {
    for (const method of ['POST', 'PATCH'] as const) {
      const response = await api.as('admin')(method, method === 'POST' ? collection : item, { notAField: 1 });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toContainEqual({ field: 'notAField', message: 'is not a field of this record' });
    }
  });

  it('answers a body that is not an object with 400, and has no writes at all when read-only', async () => {
    const response = await api.as('admin')('POST', collection, [1, 2]);
    expect(response.statusCode).toBe(definition.readOnly ? 404 : 400);
  });

  // Users are the administrator's to read; everything else every role may read.
  const reader = canRead('viewer', definition.area) ? 'viewer' : 'admin';

  it('needs a token (401), a role that may read it and a role that may write (403)', async () => {
    expect((await api.as('none')('GET', collection)).statusCode).toBe(401);
    expect((await api.as('viewer')('GET', collection)).statusCode).toBe(reader === 'viewer' ? 200 : 403);
    if (!definition.readOnly) {
      expect((await api.as('viewer')('POST', collection, {})).statusCode).toBe(403);
      expect((await api.as('viewer')('DELETE', item)).statusCode).toBe(403);
    }
  });

  it('lists an empty first page', async () => {
    const page = (await api.as(reader)('GET', collection)).json();
    expect(page.nextCursor).toBeNull();
    expect(Array.isArray(page.items)).toBe(true);
  });
});

describe.each(singletons.map((definition) => [definition.name, definition] as const))('%s', (name) => {
  it('reads the one record, refuses unknown fields and viewers', async () => {
    expect((await api.as('viewer')('GET', `/api/v1/${name}`)).json().version).toBe(1);
    const bad = await api.as('admin')('PATCH', `/api/v1/${name}`, { notAField: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toContainEqual({ field: 'notAField', message: 'is not a field of this record' });
    expect((await api.as('viewer')('PATCH', `/api/v1/${name}`, {})).statusCode).toBe(403);
  });
});

describe('nested resources', () => {
  it.each(resources.filter((definition) => definition.parent).map((definition) => [definition.parent!.resource, definition.name, definition] as const))(
    '%s/…/%s answers 404 for an unknown parent', async (_parent, _name, definition) => {
      const response = await api.as('admin')('GET', `${collectionUrl(definition)}/${unknownKey(definition)}`);
      expect(response.statusCode).toBe(404);
    });
});

describe('the OpenAPI document', () => {
  it('describes every resource and the bearer sign-in', async () => {
    const document = (await api.as('none')('GET', '/api/v1/openapi.json')).json();
    const paths = Object.keys(document.paths);
    for (const definition of topLevel) expect(paths).toContain(`/api/v1/${definition.name}`);
    for (const definition of singletons) expect(paths).toContain(`/api/v1/${definition.name}`);
    expect(paths).toContain('/api/v1/auth/token');
    expect(document.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
    const customerCreate = document.paths['/api/v1/customers'].post.requestBody.content['application/json'].schema;
    expect(customerCreate.required).toEqual(['name']);
    expect(Object.keys(customerCreate.properties)).toContain('creditLimitLcy');
  });
});
