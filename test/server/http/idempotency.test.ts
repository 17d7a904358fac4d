import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { customer, idempotencyKey } from '../../../src/server/db/schema/index.ts';
import { canonicalJson, registerIdempotency } from '../../../src/server/http/idempotency.ts';
import { sendProblem } from '../../../src/server/http/problem.ts';
import { testApi, testPassword, type TestApi } from '../../support/api.ts';
import { customerGroups, givenCustomerGroups } from '../../support/given.ts';

let api: TestApi;
// Every new customer needs its posting groups (issue 19): the empty company gets the DOMESTIC ones.
beforeEach(async () => { api = await testApi(); await givenCustomerGroups(api.as('admin')); });
afterEach(() => api.close());

const withKey = (key: string) => ({ 'idempotency-key': key });

async function bearer(role: 'admin') {
  const response = await api.as('none')('POST', '/api/v1/auth/token', { username: `${role}-user`, password: testPassword });
  return { authorization: `Bearer ${response.json().token}` };
}

async function customerCount() {
  const [row] = await api.db.select({ n: count() }).from(customer);
  return row!.n;
}

describe('Idempotency-Key', () => {
  it('creates a customer once and replays the first answer, headers and all, to a retry', async () => {
    const admin = api.as('admin');
    const first = await admin('POST', '/api/v1/customers', { ...customerGroups, no: 'K1', name: 'Kept Once' }, withKey('create-k1'));
    const retry = await admin('POST', '/api/v1/customers', { ...customerGroups, no: 'K1', name: 'Kept Once' }, withKey('create-k1'));
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    for (const header of ['content-type', 'etag', 'location']) expect(retry.headers[header], header).toBe(first.headers[header]);
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(await customerCount()).toBe(1);
  });

  it('refuses the same key with another body with 409 IDEMPOTENCY_KEY_REUSED, changing nothing', async () => {
    const admin = api.as('admin');
    await admin('POST', '/api/v1/customers', { ...customerGroups, no: 'K1', name: 'First' }, withKey('shared'));
    const other = await admin('POST', '/api/v1/customers', { ...customerGroups, no: 'K2', name: 'Second' }, withKey('shared'));
    expect(other.statusCode).toBe(409);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await customerCount()).toBe(1);
  });

  it('replays a 422 refusal too, even after the cause is gone', async () => {
    const admin = api.as('admin');
    // No number series for customers yet: a customer without a number is refused.
    const refused = await admin('POST', '/api/v1/customers', { ...customerGroups, name: 'No Number' }, withKey('no-number'));
    expect(refused.statusCode).toBe(422);
    await admin('POST', '/api/v1/noSeries', { code: 'CUST' });
    await admin('POST', '/api/v1/noSeries/CUST/lines', { startingNo: 'C0001' });
    await admin('PATCH', '/api/v1/salesReceivablesSetup', { customerNos: 'CUST' });
    const retry = await admin('POST', '/api/v1/customers', { ...customerGroups, name: 'No Number' }, withKey('no-number'));
    expect(retry.statusCode).toBe(422);
    expect(retry.body).toBe(refused.body);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(await customerCount()).toBe(0);
    // A new key is a new request, which now succeeds.
    expect((await admin('POST', '/api/v1/customers', { ...customerGroups, name: 'No Number' }, withKey('no-number-2'))).statusCode).toBe(201);
  });

  it('keeps keys per user: the same key from two users is two requests', async () => {
    const body = (no: string) => ({ ...customerGroups, no, name: `Customer ${no}` });
    const byAdmin = await api.as('admin')('POST', '/api/v1/customers', body('U1'), withKey('same-key'));
    const byClerk = await api.as('salesClerk')('POST', '/api/v1/customers', body('U2'), withKey('same-key'));
    expect(byAdmin.statusCode).toBe(201);
    expect(byClerk.statusCode).toBe(201);
    expect(byClerk.headers['idempotency-replayed']).toBeUndefined();
    expect(await customerCount()).toBe(2);
  });

  it('changes nothing without a key: a second create is refused as a duplicate', async () => {
    const admin = api.as('admin');
    expect((await admin('POST', '/api/v1/customers', { ...customerGroups, no: 'N1', name: 'No Key' })).statusCode).toBe(201);
    expect((await admin('POST', '/api/v1/customers', { ...customerGroups, no: 'N1', name: 'No Key' })).json().code).toBe('ALREADY_EXISTS');
    const [stored] = await api.db.select({ n: count() }).from(idempotencyKey);
    expect(stored!.n).toBe(0);
  });

  it('ignores the key on GET', async () => {
    const admin = api.as('admin');
    await admin('POST', '/api/v1/customers', { ...customerGroups, no: 'G1', name: 'Before' });
    const first = await admin('GET', '/api/v1/customers/G1', undefined, withKey('read'));
    await admin('PATCH', '/api/v1/customers/G1', { name: 'After' });
    const second = await admin('GET', '/api/v1/customers/G1', undefined, withKey('read'));
    expect(first.json().name).toBe('Before');
    expect(second.json().name).toBe('After');
    expect(second.headers['idempotency-replayed']).toBeUndefined();
  });

  it('is never stuck on a key an earlier version left without an answer: the retry runs the command', async () => {
    const body = { ...customerGroups, no: 'R1', name: 'Retried' };
    // What the earlier version left after a crash: a key claimed outside the command, no answer, no effect.
    const requestHash = createHash('sha256').update('POST\n/api/v1/customers\n').update(canonicalJson(body)).digest('hex');
    await api.db.insert(idempotencyKey).values({ username: 'admin-user', key: 'left-over', method: 'POST', path: '/api/v1/customers', requestHash });
    const response = await api.as('admin')('POST', '/api/v1/customers', body, withKey('left-over'));
    expect(response.statusCode).toBe(201);
    expect(await customerCount()).toBe(1);
    expect((await api.as('admin')('POST', '/api/v1/customers', body, withKey('left-over'))).headers['idempotency-replayed']).toBe('true');
  });

  it('lets only one of two simultaneous requests with one key run; the other gets its answer', async () => {
    const send = () => api.as('admin')('POST', '/api/v1/customers', { ...customerGroups, no: 'S1', name: 'Simultaneous' }, withKey('race'));
    const responses = await Promise.all([send(), send()]);
    expect(responses.map((response) => response.statusCode)).toEqual([201, 201]);
    expect(responses.filter((response) => response.headers['idempotency-replayed'] === 'true')).toHaveLength(1);
    expect(responses[0]!.body).toBe(responses[1]!.body);
    expect(await customerCount()).toBe(1);
  });

  it('compares bodies as JSON: the same fields in another order or spacing are the same request', async () => {
    const admin = api.as('admin');
    const first = await api.app.inject({ method: 'POST', url: '/api/v1/customers', headers: { ...(await bearer('admin')), 'content-type': 'application/json', ...withKey('canonical') }, payload: '{"no":"J1","name":"Json","customerPostingGroup":"DOMESTIC","genBusPostingGroup":"DOMESTIC","vatBusPostingGroup":"DOMESTIC"}' });
    const retry = await api.app.inject({ method: 'POST', url: '/api/v1/customers', headers: { ...(await bearer('admin')), 'content-type': 'application/json', ...withKey('canonical') }, payload: '{ "vatBusPostingGroup": "DOMESTIC", "name": "Json",\n  "genBusPostingGroup": "DOMESTIC", "no": "J1", "customerPostingGroup": "DOMESTIC" }' });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect((await admin('POST', '/api/v1/customers', { ...customerGroups, no: 'J1', name: 'Other' }, withKey('canonical'))).json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await customerCount()).toBe(1);
  });

  it('keeps the key with the effect: a refused command leaves no effect, and the key and effect commit together', async () => {
    const admin = api.as('admin');
    await admin('POST', '/api/v1/customers', { ...customerGroups, no: 'T1', name: 'Taken' });
    const duplicate = await admin('POST', '/api/v1/customers', { ...customerGroups, no: 'T1', name: 'Taken' }, withKey('dup'));
    expect(duplicate.statusCode).toBe(409);
    // A 409 may be transient (a posting in progress): it is not kept, the retry runs again.
    const [kept] = await api.db.select({ n: count() }).from(idempotencyKey);
    expect(kept!.n).toBe(0);
    const created = await admin('POST', '/api/v1/customers', { ...customerGroups, no: 'T2', name: 'Second' }, withKey('ok'));
    expect(created.statusCode).toBe(201);
    const rows = await api.db.select().from(idempotencyKey);
    expect(rows.map((row) => [row.key, row.statusCode])).toEqual([['ok', 201]]);
    expect(rows[0]!.responseBody).toBe(created.body);
  });

  it('refuses an empty or overlong key with 400', async () => {
    for (const key of ['', 'k'.repeat(201)]) {
      const response = await api.as('admin')('POST', '/api/v1/customers', { ...customerGroups, no: 'X1', name: 'X' }, withKey(key));
      expect(response.statusCode, key).toBe(400);
      expect(response.json().errors[0].field).toBe('Idempotency-Key');
    }
    expect(await customerCount()).toBe(0);
  });

  it('replays a 204 delete', async () => {
    const admin = api.as('admin');
    await admin('POST', '/api/v1/customers', { ...customerGroups, no: 'D1', name: 'Doomed' });
    const first = await admin('DELETE', '/api/v1/customers/D1', undefined, withKey('delete-d1'));
    const retry = await admin('DELETE', '/api/v1/customers/D1', undefined, withKey('delete-d1'));
    expect(first.statusCode).toBe(204);
    expect(retry.statusCode).toBe(204);
    expect(retry.headers['idempotency-replayed']).toBe('true');
  });
});

describe('Idempotency-Key after a server error', () => {
  it('releases the key on a 5xx, so the retry runs again', async () => {
    // A route of its own that fails once: the real routes do not fail on demand.
    const app = Fastify();
    app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
    app.addHook('onRequest', async (request) => { request.actor = { username: 'someone', role: 'admin' }; });
    registerIdempotency(app, () => api.db);
    let calls = 0;
    app.post('/api/v1/flaky', async () => {
      calls += 1;
      if (calls === 1) throw new Error('database went away');
      return { calls };
    });
    const send = () => app.inject({ method: 'POST', url: '/api/v1/flaky', payload: { a: 1 }, headers: withKey('flaky') });
    expect((await send()).statusCode).toBe(500);
    const retry = await send();
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual({ calls: 2 });
    expect((await send()).headers['idempotency-replayed']).toBe('true');
    expect(calls).toBe(2);
    await app.close();
  });
});
