import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { created, givenSalesCompany } from '../../support/given.ts';

let api: TestApi;
let admin: Awaited<ReturnType<typeof givenSalesCompany>>;
beforeEach(async () => {
  api = await testApi();
  admin = await givenSalesCompany(api);
  await created(admin, '/api/v1/customerTemplates', {
    code: 'domestic', description: 'Domestic business customer', countryRegionCode: 'nl',
    customerPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC',
    paymentTermsCode: '14D', creditLimitLcy: '5000', pricesIncludingVat: true, invoiceDiscountCode: 'BULK', languageCode: 'nld',
  });
});
afterEach(() => api.close());

describe('customer templates (BC Customer Templ.)', () => {
  it('keeps a template with its values, upper-casing its codes', async () => {
    const template = (await admin('GET', '/api/v1/customerTemplates/DOMESTIC')).json();
    expect(template).toMatchObject({
      code: 'DOMESTIC', countryRegionCode: 'NL', customerPostingGroup: 'DOMESTIC', paymentTermsCode: '14D', creditLimitLcy: '5000.00', languageCode: 'NLD',
    });
    const refused = await admin('POST', '/api/v1/customerTemplates', { code: 'BAD', customerPostingGroup: 'NOPE' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('RELATED_RECORD_NOT_FOUND');
  });

  it('fills a new customer from the template: posting groups, terms, credit limit and the rest', async () => {
    const customer = await created(admin, '/api/v1/customers', { no: 'T1', name: 'Templated BV', templateCode: 'domestic' });
    expect(customer).toMatchObject({
      no: 'T1', name: 'Templated BV', customerPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC',
      paymentTermsCode: '14D', creditLimitLcy: '5000.00', pricesIncludingVat: true, invoiceDiscountCode: 'BULK', countryRegionCode: 'NL',
      languageCode: 'NLD', searchName: 'TEMPLATED BV',
    });
    expect(customer).not.toHaveProperty('templateCode');
  });

  it('lets a field given explicitly win over the template, including a blank one', async () => {
    const customer = await created(admin, '/api/v1/customers', {
      no: 'T2', name: 'Own Terms', templateCode: 'DOMESTIC', paymentTermsCode: '1M(8D)', creditLimitLcy: '750', pricesIncludingVat: false, countryRegionCode: '',
    });
    expect(customer).toMatchObject({
      paymentTermsCode: '1M(8D)', creditLimitLcy: '750.00', pricesIncludingVat: false, countryRegionCode: '', customerPostingGroup: 'DOMESTIC',
    });
  });

  it('keeps the customer number as invoice discount code when the template has none', async () => {
    await created(admin, '/api/v1/customerTemplates', { code: 'PLAIN', customerPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC' });
    expect((await created(admin, '/api/v1/customers', { no: 'T3', name: 'Plain', templateCode: 'PLAIN' })).invoiceDiscountCode).toBe('T3');
  });

  it('refuses an unknown template and creates nothing', async () => {
    const refused = await admin('POST', '/api/v1/customers', { no: 'T4', name: 'Ghost', templateCode: 'NOSUCH' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'RELATED_RECORD_NOT_FOUND', errors: [{ field: 'templateCode' }] });
    expect(refused.json().detail).toBe("Customer Template 'NOSUCH' does not exist (field templateCode).");
    expect((await admin('GET', '/api/v1/customers/T4')).statusCode).toBe(404);
  });
});

describe('a customer without posting groups', () => {
  it('is refused at create, naming the first missing group, and nothing is created', async () => {
    const bare = await admin('POST', '/api/v1/customers', { no: 'B1', name: 'No Groups BV' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json()).toMatchObject({ code: 'CUSTOMER_POSTING_GROUP_MISSING', errors: [{ field: 'customerPostingGroup' }] });
    expect(bare.json().detail).toContain('Customer Posting Group must have a value on a new customer');
    expect((await admin('GET', '/api/v1/customers/B1')).statusCode).toBe(404);

    const noVat = await admin('POST', '/api/v1/customers', { no: 'B1', name: 'Half', customerPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC' });
    expect(noVat.json()).toMatchObject({ code: 'CUSTOMER_POSTING_GROUP_MISSING', errors: [{ field: 'vatBusPostingGroup' }] });
    expect(noVat.json().detail).toMatch(/^VAT Bus\. Posting Group must have a value/);
  });

  it('is refused when a template leaves a group blank and the request gives none', async () => {
    await created(admin, '/api/v1/customerTemplates', { code: 'NOGEN', customerPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC' });
    const refused = await admin('POST', '/api/v1/customers', { no: 'B2', name: 'Half Template', templateCode: 'NOGEN' });
    expect(refused.json()).toMatchObject({ code: 'CUSTOMER_POSTING_GROUP_MISSING', errors: [{ field: 'genBusPostingGroup' }] });
    expect((await created(admin, '/api/v1/customers', { no: 'B2', name: 'Completed', templateCode: 'NOGEN', genBusPostingGroup: 'DOMESTIC' })).genBusPostingGroup).toBe('DOMESTIC');
  });

  it('may not lose a posting group it has', async () => {
    const cleared = await admin('PATCH', '/api/v1/customers/C', { genBusPostingGroup: null });
    expect(cleared.statusCode).toBe(422);
    expect(cleared.json()).toMatchObject({ code: 'CUSTOMER_POSTING_GROUP_MISSING', errors: [{ field: 'genBusPostingGroup' }] });
    expect((await admin('GET', '/api/v1/customers/C')).json().genBusPostingGroup).toBe('DOMESTIC');
  });
});
