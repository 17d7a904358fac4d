import { expect } from 'vitest';
import type { TestApi } from './api.ts';
import { withFixtureCache } from './fixture-cache.ts';

type Send = ReturnType<TestApi['as']>;

/** Posts through the API and insists it worked, so a broken setup fails at the line that broke it. */
export async function created(send: Send, url: string, body: unknown) {
  const response = await send('POST', url, body);
  expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
  return response.json();
}

/**
 * The small company of the spec's worked examples (§7.11, §7.12, §10): VAT 25 % (identifier VAT25),
 * customer C on 14 days, items 1000 (100.00), A (100.00) and B (50.00, item discount group FURN),
 * G/L account 6100 Freight, and number series for every sales document type.
 */
export async function givenSalesCompany(api: TestApi) {
  const admin = api.as('admin');
  await withFixtureCache(api.db, 'sales', () => buildSalesCompany(admin));
  return admin;
}

async function buildSalesCompany(admin: Send) {
  for (const [code, start] of [['S-QUO', 'SQ0001'], ['S-ORD', 'SO0001'], ['S-INV', 'SI0001'], ['S-CR', 'SC0001'], ['S-RO', 'SR0001']] as const) {
    await created(admin, '/api/v1/noSeries', { code, manualNos: true });
    await created(admin, `/api/v1/noSeries/${code}/lines`, { startingNo: start });
  }
  await admin('PATCH', '/api/v1/salesReceivablesSetup', {
    quoteNos: 'S-QUO', orderNos: 'S-ORD', invoiceNos: 'S-INV', creditMemoNos: 'S-CR', returnOrderNos: 'S-RO', quoteValidityCalculation: '30D',
  });
  await created(admin, '/api/v1/vatBusinessPostingGroups', { code: 'DOMESTIC' });
  await created(admin, '/api/v1/vatProductPostingGroups', { code: 'VAT25' });
  await created(admin, '/api/v1/genBusinessPostingGroups', { code: 'DOMESTIC', defaultVatBusPostingGroup: 'DOMESTIC' });
  await created(admin, '/api/v1/genProductPostingGroups', { code: 'RETAIL', defaultVatProdPostingGroup: 'VAT25' });
  await created(admin, '/api/v1/glAccounts', { no: '2310', name: 'Sales VAT', incomeBalance: 'balanceSheet' });
  await created(admin, '/api/v1/glAccounts', { no: '8000', name: 'Sales', incomeBalance: 'incomeStatement' });
  await created(admin, '/api/v1/glAccounts', {
    no: '6100', name: 'Freight', incomeBalance: 'incomeStatement', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'VAT25',
  });
  await created(admin, '/api/v1/vatPostingSetups', {
    vatBusPostingGroup: 'DOMESTIC', vatProdPostingGroup: 'VAT25', vatPercent: '25', vatIdentifier: 'VAT25', salesVatAccount: '2310',
  });
  await created(admin, '/api/v1/generalPostingSetups', { genBusPostingGroup: 'DOMESTIC', genProdPostingGroup: 'RETAIL', salesAccount: '8000' });
  await created(admin, '/api/v1/customerPostingGroups', { code: 'DOMESTIC' });
  await created(admin, '/api/v1/paymentTerms', { code: '14D', dueDateCalculation: '14D' });
  await created(admin, '/api/v1/paymentTerms', { code: '1M(8D)', dueDateCalculation: '1M', discountDateCalculation: '8D', discountPercent: '2' });
  await created(admin, '/api/v1/unitsOfMeasure', { code: 'PCS' });
  await created(admin, '/api/v1/unitsOfMeasure', { code: 'BOX' });
  await created(admin, '/api/v1/itemDiscountGroups', { code: 'FURN' });
  const item = { baseUnitOfMeasure: 'PCS', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'VAT25' };
  await created(admin, '/api/v1/items', { no: '1000', description: 'Bicycle', unitPrice: '100', unitCost: '60', ...item });
  await created(admin, '/api/v1/items', { no: 'A', description: 'Item A', unitPrice: '100', unitCost: '55', ...item });
  await created(admin, '/api/v1/items', { no: 'B', description: 'Item B', unitPrice: '50', unitCost: '30', itemDiscountGroup: 'FURN', ...item });
  await created(admin, '/api/v1/customers', {
    no: 'C', name: 'Customer C', customerPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC', paymentTermsCode: '14D',
  });
}

/** Another customer on the same posting groups. */
export async function givenCustomer(admin: Send, no: string, fields: Record<string, unknown> = {}) {
  return created(admin, '/api/v1/customers', {
    no, name: `Customer ${no}`, customerPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC', paymentTermsCode: '14D', ...fields,
  });
}

/** The three posting groups every new customer must have (issue 19: a customer without them is refused). */
export const customerGroups = { customerPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC' } as const;

/** Just those groups, coded DOMESTIC, for tests of an otherwise empty company that create customers. */
export async function givenCustomerGroups(admin: Send) {
  await created(admin, '/api/v1/vatBusinessPostingGroups', { code: 'DOMESTIC' });
  await created(admin, '/api/v1/genBusinessPostingGroups', { code: 'DOMESTIC' });
  await created(admin, '/api/v1/customerPostingGroups', { code: 'DOMESTIC' });
}
