import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { normalizeUrl } from '../../../src/server/http/url-normalization.ts';

// Over a real port: an HTTP client sends the path as written, where `inject` would resolve dot segments first.
let api: TestApi;
let port: number;
const tokens = new Map<string, string>();

beforeAll(async () => {
  api = await testApi();
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  port = (api.app.server.address() as AddressInfo).port;
  for (const role of ['viewer', 'salesClerk'] as const) {
    const response = await api.as('none')('POST', '/api/v1/auth/token', { username: `${role.toLowerCase()}-user`, password: 'correct horse battery' });
    tokens.set(role, response.json().token);
  }
});
afterAll(() => api.close());

function send(method: string, path: string, token?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const hasBody = method !== 'GET' && method !== 'DELETE';
    const req = httpRequest({
      host: '127.0.0.1', port, method, path,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
    }, (res) => {
      let body = '';
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(hasBody ? '{}' : undefined);
  });
}

const sampleParameter: Record<string, string> = { lineNo: '10000', id: '00000000-0000-4000-8000-000000000000', entryNo: '1' };

/** An OpenAPI path with its parameters filled in (`{no}` → `X10`). */
function concrete(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => sampleParameter[name] ?? 'X10');
}

const encodeFirstLetter = (segment: string) => segment.replace(/[a-z]/i, (letter) => `%${letter.charCodeAt(0).toString(16)}`);
const alternateCase = (segment: string) => [...segment].map((character, index) => (index % 2 ? character.toUpperCase() : character.toLowerCase())).join('');

/** The same route, spelled as an attacker might: only the fixed segments change, the parameters stay. */
function variants(path: string): Record<string, string> {
  const segments = path.split('/').slice(1);
  const fixed = (transform: (segment: string) => string) =>
    `/${segments.map((segment) => (segment.startsWith('{') ? concrete(segment) : transform(segment))).join('/')}`;
  const plain = concrete(path);
  return {
    plain,
    percentEncodedLetters: fixed(encodeFirstLetter),
    encodedVersion: plain.replace('/api/v1/', '/api/%761/'),
    doubleSlashes: plain.replaceAll('/', '//'),
    dotSegment: plain.replace('/api/', '/api/./'),
    dotDotSegment: plain.replace('/api/', '/api/x/../'),
    encodedDotSegment: plain.replace('/api/', '/api/%2e/'),
    trailingSlash: `${plain}/`,
    mixedCase: fixed(alternateCase),
    allAtOnce: fixed((segment) => alternateCase(encodeFirstLetter(segment))).replaceAll('/', '//').replace('//', '/./'),
  };
}

interface Operation { method: string; path: string; public: boolean }

async function operations(): Promise<Operation[]> {
  const document = (await api.as('none')('GET', '/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { security?: unknown[] }>> };
  return Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({
    method: method.toUpperCase(),
    path,
    // Sign-in, and PayPal's payment notification (issue 17), which authenticates by the invoice's token instead.
    public: path === '/api/v1/auth/token' || path === '/api/v1/paymentServices/paypal/notify',
  })));
}

describe('authentication is decided on the matched route', () => {
  it('normalizes dot segments, plain and percent-encoded, and keeps the query', () => {
    expect(normalizeUrl('/api/./v1/users?x=/./')).toBe('/api/v1/users?x=/./');
    expect(normalizeUrl('/api/x/../v1/users')).toBe('/api/v1/users');
    expect(normalizeUrl('/api/%2E/v1/users')).toBe('/api/v1/users');
    expect(normalizeUrl('/../../api/v1/users')).toBe('/api/v1/users');
    expect(normalizeUrl('/api/v1/customers/C.10')).toBe('/api/v1/customers/C.10');
  });

  it('answers 401 without a token on every operation of the OpenAPI document, however its path is spelled', async () => {
    const all = await operations();
    expect(all.length).toBeGreaterThan(100);
    const failures: string[] = [];
    for (const operation of all.filter((candidate) => !candidate.public)) {
      for (const [name, path] of Object.entries(variants(operation.path))) {
        const response = await send(operation.method, path);
        if (response.status !== 401) failures.push(`${operation.method} ${path} (${name}): ${response.status} ${response.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 to a viewer on every changing operation, however its path is spelled', async () => {
    const changing = (await operations()).filter((operation) => !operation.public && operation.method !== 'GET' && operation.path !== '/api/v1/auth/signOut');
    expect(changing.length).toBeGreaterThan(50);
    const failures: string[] = [];
    for (const operation of changing) {
      for (const [name, path] of Object.entries(variants(operation.path))) {
        const response = await send(operation.method, path, tokens.get('viewer'));
        if (response.status !== 403) failures.push(`${operation.method} ${path} (${name}): ${response.status} ${response.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets only an administrator read or change users, however the path is spelled', async () => {
    const userOperations = (await operations()).filter((operation) => operation.path.startsWith('/api/v1/users'));
    expect(userOperations.length).toBeGreaterThanOrEqual(4);
    const failures: string[] = [];
    for (const operation of userOperations) {
      for (const [name, path] of Object.entries(variants(operation.path))) {
        const response = await send(operation.method, path, tokens.get('salesClerk'));
        if (response.status !== 403) failures.push(`${operation.method} ${path} (${name}): ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect((await api.as('admin')('GET', '/api/v1/users')).statusCode).toBe(200);
  });

  it('keeps the allow-list open: sign-in, the API docs, the OpenAPI document, health and the web app', async () => {
    expect((await send('GET', '/api/v1/openapi.json')).status).toBe(200);
    expect((await send('GET', '/api/docs/')).status).toBe(200);
    expect((await send('GET', '/health')).status).toBe(200);
    expect((await send('POST', '/api/v1/auth/token')).status).toBe(400);
    // Open to PayPal, but a notification without the invoice's token is refused and changes nothing.
    expect((await send('POST', '/api/v1/paymentServices/paypal/notify')).status).toBe(403);
    expect([200, 503]).toContain((await send('GET', '/')).status);
  });

  it('does not let an unknown API path through to data: 404 problem, never a record', async () => {
    const response = await send('GET', '/%61pi/v1/no-such-thing');
    expect(response.status).toBe(404);
  });
});
