/**
 * Bad input is a 400 naming the field, never a 500 (issue 9): one test per kind of input the
 * OpenAPI fuzz test (openapi-fuzz.test.ts) found reaching PostgreSQL and failing there.
 */
import { count } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customer, salesLine } from '../../../src/server/db/schema/index.ts';
import { problemFromError, refusedValueDetail } from '../../../src/server/http/problem.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { givenPostingCompany } from '../../support/given-posting.ts';
import { created } from '../../support/given.ts';

let api: TestApi;
let admin: ReturnType<TestApi['as']>;
beforeAll(async () => {
  api = await testApi();
  admin = await givenPostingCompany(api);
  await created(admin, '/api/v1/currencies', { code: 'USD' });
  await created(admin, '/api/v1/currencies/USD/exchangeRates', { startingDate: '2026-01-01', exchangeRateAmount: '100', relationalExchangeRateAmount: '92.50' });
});
afterAll(() => api.close());

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function expectRefused(response: LightMyRequestResponse, field: string, message?: string | RegExp) {
  expect(response.statusCode, response.body).toBe(400);
  const body = response.json();
  expect(body.code).toBe('INVALID_INPUT');
  expect(body.errors.map((error: { field: string }) => error.field)).toContain(field);
  if (message) expect(body.errors.find((error: { field: string }) => error.field === field).message).toMatch(message);
}

async function rows(table: typeof customer | typeof salesLine) {
  return (await api.db.select({ n: count() }).from(table))[0]!.n;
}

describe('NUL characters, which PostgreSQL cannot store in text', () => {
  it('are refused in a path parameter, a query parameter and a body, at any depth, naming where', async () => {
    const before = await rows(customer);
    expectRefused(await admin('GET', '/api/v1/customers/C%00'), 'params.no', /NUL/);
    expectRefused(await admin('DELETE', '/api/v1/paymentTerms/14D%00'), 'params.code');
    expectRefused(await admin('GET', '/api/v1/customers?search=a%00b'), 'query.search');
    expectRefused(await admin('POST', '/api/v1/customers', { no: 'N1', name: 'Nul\u0000Name' }), 'name');
    expectRefused(await admin('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '1', description: 'x\u0000' }] }),
      'lines.0.description');
    expectRefused(await admin('PATCH', '/api/v1/customers/C', { 'name\u0000': 'x' }), 'name\u0000');
    // Found however deep, without overflowing the stack, and named to ten levels.
    const deep = await api.app.inject({
      method: 'POST', url: '/api/v1/customers', headers: { 'content-type': 'application/json', authorization: await bearer() },
      payload: `{"name":${'['.repeat(100_000)}"\\u0000"${']'.repeat(100_000)}}`,
    });
    expectRefused(deep, `name${'.0'.repeat(9)}.…`);
    expect(await rows(customer)).toBe(before);
  });
});

async function bearer(): Promise<string> {
  const token = (await api.as('none')('POST', '/api/v1/auth/token', { username: 'admin-user', password: 'correct horse battery' })).json().token;
  return `Bearer ${token}`;
}

describe('list cursors', () => {
  it('page on with the cursor the API returned', async () => {
    const first = (await admin('GET', '/api/v1/glAccounts?limit=2')).json();
    const next = (await admin('GET', `/api/v1/glAccounts?limit=2&cursor=${first.nextCursor}`)).json();
    expect(next.items[0].no > first.items[1].no).toBe(true);
  });

  it('refuse a cursor that is not one the API returned, whatever the type of the key, with 400 query.cursor', async () => {
    const forged: [string, unknown][] = [
      ['/api/v1/customers', { no: 'C' }], ['/api/v1/customers', ['C']], ['/api/v1/customers', 'C\u0000'],
      ['/api/v1/salesPrices', 'C00010'], ['/api/v1/generalPostingSetups', 'not-a-uuid'],
      ['/api/v1/glEntries', 'x'], ['/api/v1/glEntries', 1e20], ['/api/v1/glEntries', 1.5],
      ['/api/v1/currencies/USD/exchangeRates', '2026-02-30'], ['/api/v1/currencies/USD/exchangeRates', 2],
      ['/api/v1/salesOrders', []], ['/api/v1/postedSalesInvoices', {}],
      ['/api/v1/jobs', ['2026-13-01 00:00:00+00', '00000000-0000-4000-8000-000000000000']], ['/api/v1/jobs', ['2026-01-01 00:00:00+00', 'x']],
    ];
    for (const [url, value] of forged) {
      expectRefused(await admin('GET', `${url}?cursor=${cursorOf(value)}`), 'query.cursor', /not one this API returned/);
    }
    expectRefused(await admin('GET', '/api/v1/customers?cursor=%25%25%25'), 'query.cursor');
  });
});

describe('dates in the path', () => {
  it('answer 400 for a date that does not exist or is not a date, 404 for one without a record', async () => {
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      for (const date of ['not-a-date', '2026-02-30', '20260101']) {
        expectRefused(await admin(method, `/api/v1/currencies/USD/exchangeRates/${date}`, method === 'PATCH' ? {} : undefined), 'params.startingDate', /YYYY-MM-DD/);
      }
    }
    expect((await admin('GET', '/api/v1/currencies/USD/exchangeRates/2025-01-01')).statusCode).toBe(404);
    expect((await admin('GET', '/api/v1/currencies/USD/exchangeRates/2026-01-01')).json().relationalExchangeRateAmount).toBe('92.500000');
  });
});

describe('decimals with more digits than their column holds', () => {
  it('are refused naming the field and the digits allowed; the most a column holds is kept exactly', async () => {
    expectRefused(await admin('PATCH', '/api/v1/customers/C', { creditLimitLcy: '12345678901234567' }), 'creditLimitLcy',
      'must have at most 16 digits before the decimal point');
    expect((await admin('PATCH', '/api/v1/customers/C', { creditLimitLcy: '9999999999999999.99' })).json().creditLimitLcy).toBe('9999999999999999.99');
    expectRefused(await admin('PATCH', '/api/v1/items/1000', { unitPrice: '12345678901234' }), 'unitPrice', 'must have at most 13 digits before the decimal point');
    expectRefused(await admin('PATCH', '/api/v1/items/1000', { unitPrice: '1.123456' }), 'unitPrice', 'must have at most 5 decimal places');
    expectRefused(await admin('PATCH', '/api/v1/currencies/USD/exchangeRates/2026-01-01', { exchangeRateAmount: '1234567890123' }), 'exchangeRateAmount',
      'must have at most 12 digits before the decimal point');
    expectRefused(await admin('PATCH', '/api/v1/generalLedgerSetup', { maxPaymentToleranceAmount: '12345678901234' }), 'maxPaymentToleranceAmount',
      'must have at most 13 digits before the decimal point');
    expectRefused(await admin('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '99999999999999' }] }),
      'lines.0.quantity', 'must have at most 13 digits before the decimal point');
  });

  it('refuse a line whose Quantity × Unit Price would outgrow the Line Amount column, naming it', async () => {
    const before = await rows(salesLine);
    const order = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'C' });
    const response = await admin('POST', `/api/v1/salesOrders/${order.no}/lines`, { type: 'item', no: '1000', quantity: '9999999999999', unitPrice: '9999999999999' });
    expectRefused(response, 'lineAmount', /more than the 16 digits before the decimal point/);
    expect(response.json().detail).not.toContain(refusedValueDetail);
    expect(await rows(salesLine)).toBe(before);
  });

  it('refuse an item journal line whose Quantity × Unit Cost would outgrow the cost amount', async () => {
    const response = await admin('POST', '/api/v1/itemJournal/post', {
      lines: [{ postingDate: '2026-01-01', entryType: 'positiveAdjustment', itemNo: '1000', quantity: '9999999999999', unitCost: '9999999999999', documentNo: 'X' }],
    });
    expectRefused(response, 'lines.0.quantity', /larger than an amount can be \(16 digits/);
    expect((await admin('GET', '/api/v1/itemLedgerEntries')).json().items).toEqual([]);
  });
});

describe('JSON numbers for decimals', () => {
  it('are refused, asking for a string, even when the number would be exact, so that no digit is ever lost silently', async () => {
    const send = (payload: string) => api.app.inject({
      method: 'PATCH', url: '/api/v1/customers/C', payload, headers: { 'content-type': 'application/json', authorization: bearerToken },
    });
    const bearerToken = await bearer();
    const before = (await admin('GET', '/api/v1/customers/C')).json().creditLimitLcy;
    for (const number of ['12345678901234567.89', '0.30000000000000001', '1500.5', '5']) {
      expectRefused(await send(`{"creditLimitLcy":${number}}`), 'creditLimitLcy', 'must be a string such as "12.50": send decimals as JSON strings, not numbers, so that no digit is lost');
    }
    expectRefused(await admin('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: 2 }] }),
      'lines.0.quantity', /send decimals as JSON strings/);
    expect((await admin('GET', '/api/v1/customers/C')).json().creditLimitLcy).toBe(before);
  });
});

describe('the last line of defence', () => {
  it('answers a value the database refuses (SQLSTATE class 22) with 400, not 500', () => {
    const overflow = Object.assign(new Error('numeric field overflow'), { code: '22003' });
    expect(problemFromError(new Error('Failed query', { cause: overflow }))).toMatchObject({
      status: 400, code: 'INVALID_INPUT', detail: `${refusedValueDetail} numeric field overflow. Nothing was changed.`,
    });
    expect(problemFromError(Object.assign(new Error('duplicate'), { code: '23505' })).status).toBe(500);
  });
});
