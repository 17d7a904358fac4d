import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, testPassword, type TestApi } from '../../support/api.ts';

let api: TestApi;
beforeEach(async () => { api = await testApi(); });
afterEach(() => api.close());

describe('signing in', () => {
  it('exchanges a username and password for a bearer token that opens the API', async () => {
    const response = await api.as('none')('POST', '/api/v1/auth/token', { username: 'salesclerk-user', password: testPassword });
    expect(response.statusCode).toBe(200);
    const { token } = response.json();
    expect(token).toMatch(/^[\w-]{40,}$/);
    const me = await api.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json()).toEqual({ username: 'salesclerk-user', role: 'salesClerk' });
  });

  it('refuses a wrong password and an unknown user alike, with 401', async () => {
    for (const body of [{ username: 'admin-user', password: 'wrong' }, { username: 'nobody', password: testPassword }]) {
      const response = await api.as('none')('POST', '/api/v1/auth/token', body);
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('INVALID_CREDENTIALS');
    }
  });

  it('answers a token request without a password with 400 naming the field', async () => {
    const response = await api.as('none')('POST', '/api/v1/auth/token', { username: 'admin-user' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { field: string }) => error.field)).toEqual(['password']);
  });

  it('refuses a blocked user a token and stops the tokens it already has', async () => {
    const clerk = await api.as('none')('POST', '/api/v1/auth/token', { username: 'salesclerk-user', password: testPassword });
    const headers = { authorization: `Bearer ${clerk.json().token}` };
    expect((await api.as('admin')('PATCH', '/api/v1/users/salesclerk-user', { blocked: true })).statusCode).toBe(200);
    const again = await api.as('none')('POST', '/api/v1/auth/token', { username: 'salesclerk-user', password: testPassword });
    expect(again.statusCode).toBe(403);
    expect(again.json().code).toBe('USER_BLOCKED');
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/customers', headers })).statusCode).toBe(401);
  });

  it('signs out: the token stops working', async () => {
    const token = (await api.as('none')('POST', '/api/v1/auth/token', { username: 'viewer-user', password: testPassword })).json().token;
    const headers = { authorization: `Bearer ${token}` };
    expect((await api.app.inject({ method: 'POST', url: '/api/v1/auth/signOut', headers })).statusCode).toBe(204);
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/customers', headers })).statusCode).toBe(401);
  });
});

describe('every route needs a token', () => {
  it('answers 401 without a token or with a made-up one, and the docs stay public', async () => {
    const none = await api.as('none')('GET', '/api/v1/customers');
    expect(none.statusCode).toBe(401);
    expect(none.headers['content-type']).toContain('application/problem+json');
    const forged = await api.app.inject({ method: 'GET', url: '/api/v1/items', headers: { authorization: 'Bearer not-a-token' } });
    expect(forged.statusCode).toBe(401);
    expect((await api.as('none')('GET', '/api/v1/openapi.json')).statusCode).toBe(200);
    expect((await api.as('none')('GET', '/api/docs/')).statusCode).toBe(200);
  });
});

describe('roles', () => {
  it('lets a viewer read but not change anything, and the refusal changes nothing', async () => {
    const viewer = api.as('viewer');
    expect((await viewer('GET', '/api/v1/customers')).statusCode).toBe(200);
    const created = await viewer('POST', '/api/v1/unitsOfMeasure', { code: 'PCS' });
    expect(created.statusCode).toBe(403);
    expect(created.json().code).toBe('FORBIDDEN');
    expect((await viewer('PATCH', '/api/v1/companyInformation', { name: 'Hijacked' })).statusCode).toBe(403);
    expect((await api.as('admin')('GET', '/api/v1/companyInformation')).json().name).toBe('');
    expect((await api.as('admin')('GET', '/api/v1/unitsOfMeasure')).json().items).toEqual([]);
  });

  it.each([
    ['salesClerk', '/api/v1/unitsOfMeasure', { code: 'PCS' }, 403],
    ['salesClerk', '/api/v1/customerDiscountGroups', { code: 'BIG' }, 201],
    ['salesManager', '/api/v1/itemDiscountGroups', { code: 'BIG' }, 201],
    ['salesManager', '/api/v1/glAccounts', { no: '1000', name: 'Bank', incomeBalance: 'balanceSheet' }, 403],
    ['accountant', '/api/v1/glAccounts', { no: '1000', name: 'Bank', incomeBalance: 'balanceSheet' }, 201],
    ['accountant', '/api/v1/users', { username: 'newbie', role: 'viewer', password: 'long enough' }, 403],
    ['admin', '/api/v1/users', { username: 'newbie', role: 'viewer', password: 'long enough' }, 201],
  ] as const)('%s creating at %s with %o answers %i', async (role, url, body, status) => {
    expect((await api.as(role)('POST', url, body)).statusCode).toBe(status);
  });
});

describe('users', () => {
  it('never returns password hashes, and new users can sign in', async () => {
    const created = await api.as('admin')('POST', '/api/v1/users', { username: 'Jan.Jansen', role: 'salesClerk', password: 'geheim wachtwoord', fullName: 'Jan Jansen' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'jan.jansen', role: 'salesClerk', fullName: 'Jan Jansen' });
    expect(JSON.stringify(created.json())).not.toMatch(/password/i);
    expect(JSON.stringify((await api.as('admin')('GET', '/api/v1/users')).json())).not.toMatch(/passwordHash|scrypt/);
    const token = await api.as('none')('POST', '/api/v1/auth/token', { username: 'jan.jansen', password: 'geheim wachtwoord' });
    expect(token.statusCode).toBe(200);
  });

  it('refuses short passwords and unknown roles with the fields named', async () => {
    const response = await api.as('admin')('POST', '/api/v1/users', { username: 'x', role: 'boss', password: 'short' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { field: string }) => error.field).sort()).toEqual(['password', 'role']);
  });

  it('keeps at least one active admin', async () => {
    const admin = api.as('admin');
    const demote = await admin('PATCH', '/api/v1/users/admin-user', { role: 'viewer' });
    expect(demote.statusCode).toBe(422);
    expect(demote.json().code).toBe('LAST_ADMIN');
    expect((await admin('DELETE', '/api/v1/users/admin-user')).json().code).toBe('LAST_ADMIN');
    expect((await admin('GET', '/api/v1/users/admin-user')).json().role).toBe('admin');
    expect((await admin('POST', '/api/v1/users', { username: 'second', role: 'admin', password: 'long enough' })).statusCode).toBe(201);
    expect((await admin('PATCH', '/api/v1/users/admin-user', { role: 'viewer' })).statusCode).toBe(200);
  });
});
