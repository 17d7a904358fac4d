import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';

let api: TestApi;
beforeAll(async () => { api = await testApi(); });
afterAll(() => api.close());

function expectProtectiveHeaders(headers: Record<string, unknown>) {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('same-origin');
  const policy = String(headers['content-security-policy']);
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain('unsafe-eval');
}

describe('protective headers', () => {
  it.each([
    ['an API answer', 'admin', '/api/v1/customers', 200],
    ['a refusal without a token', 'none', '/api/v1/customers', 401],
    ['an unknown API route', 'admin', '/api/v1/no-such-thing', 404],
    ['the OpenAPI document', 'none', '/api/v1/openapi.json', 200],
  ] as const)('are on %s, which is never cached', async (_what, role, url, status) => {
    const response = await api.as(role)('GET', url);
    expect(response.statusCode).toBe(status);
    expectProtectiveHeaders(response.headers);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('are on the web application page, with a policy that loads only its own scripts', async () => {
    const response = await api.as('none')('GET', '/', undefined, { accept: 'text/html' });
    expect([200, 503]).toContain(response.statusCode);
    expectProtectiveHeaders(response.headers);
  });

  it('are on a changing request and its refusal', async () => {
    const response = await api.as('viewer')('POST', '/api/v1/customers', { name: 'X' });
    expect(response.statusCode).toBe(403);
    expectProtectiveHeaders(response.headers);
    expect(response.headers['cache-control']).toBe('no-store');
  });
});
