import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { created, givenSalesCompany } from '../../support/given.ts';

/**
 * Issue 19: a refusal of the catalogue (src/core/errors.ts) carries its structured parameters as
 * `params`, so the web app can format the amounts in the user's locale; other problems do not.
 */
let api: TestApi;
let admin: ReturnType<TestApi['as']>;
beforeAll(async () => {
  api = await testApi();
  admin = await givenSalesCompany(api);
});
afterAll(() => api.close());

describe('the problem body', () => {
  it('gives a business refusal its parameters, amounts as decimal strings, beside the English detail', async () => {
    // 50 × 100.01 = 5,000.50 of invoice discount base.
    const order = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '50', unitPrice: '100.01' }] });
    const refused = await admin('PATCH', `/api/v1/salesOrders/${order.no}`, { invoiceDiscountAmount: '6000' });
    expect(refused.statusCode).toBe(422);
    const body = refused.json();
    expect(body).toMatchObject({ code: 'INVOICE_DISCOUNT_TOO_LARGE', params: { discountAmount: '6000', base: '5000.5' } });
    expect(body.detail).toBe('The invoice discount 6000 must lie between 0 and the invoice discount base 5000.5.');
  });

  it('names the entity and key of an unknown record, and leaves out parameters that were not given', async () => {
    const unknown = await admin('DELETE', '/api/v1/salesOrders/NO-SUCH-ORDER');
    expect(unknown.statusCode).toBe(404);
    const body = unknown.json();
    expect(body.code).toBe('NOT_FOUND');
    expect(body.params.key).toBe('NO-SUCH-ORDER');
    expect(Object.values(body.params)).not.toContain(undefined);
    expect(body.detail).toBe(`${body.params.entity} NO-SUCH-ORDER does not exist.`);
  });

  it('has no params on a problem that is not a business refusal (bad input, unknown route)', async () => {
    const invalid = await admin('PATCH', '/api/v1/salesOrders/X', { invoiceDiscountAmount: 12 });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().code).toBe('INVALID_INPUT');
    expect(invalid.json()).not.toHaveProperty('params');
    const route = await admin('GET', '/api/v1/noSuchThing');
    expect(route.statusCode).toBe(404);
    expect(route.json()).not.toHaveProperty('params');
  });

  it('lists params in the OpenAPI Problem component', async () => {
    const document = (await api.as('none')('GET', '/api/v1/openapi.json')).json();
    expect(document.components.schemas.Problem.properties.params).toMatchObject({ type: 'object', additionalProperties: true });
    expect(document.components.schemas.Problem.required).not.toContain('params');
  });
});
