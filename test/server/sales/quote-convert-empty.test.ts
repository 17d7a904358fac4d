import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { created, givenSalesCompany } from '../../support/given.ts';

let api: TestApi;
let admin: Awaited<ReturnType<typeof givenSalesCompany>>;
beforeEach(async () => { api = await testApi(); admin = await givenSalesCompany(api); });
afterEach(() => api.close());

describe('Make Order / Make Invoice of a quote with nothing on it (§7.1)', () => {
  it('refuses an empty quote with QUOTE_HAS_NO_LINES, makes no invoice and keeps the quote', async () => {
    const quote = await created(admin, '/api/v1/salesQuotes', { sellToCustomerNo: 'C' });
    const refused = await admin('POST', `/api/v1/salesQuotes/${quote.no}/makeInvoice`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'QUOTE_HAS_NO_LINES',
      detail: `There is nothing to convert: quote ${quote.no} has no item or G/L account line to make an invoice of.`,
    });
    expect((await admin('GET', `/api/v1/salesQuotes/${quote.no}`)).statusCode).toBe(200);
    expect((await admin('GET', '/api/v1/salesInvoices')).json().items).toEqual([]);
  });

  it('refuses a quote of comment lines only for an order too, and converts once it has a line', async () => {
    const quote = await created(admin, '/api/v1/salesQuotes', { sellToCustomerNo: 'C', lines: [{ type: 'comment', description: 'Call before delivery' }] });
    const refused = await admin('POST', `/api/v1/salesQuotes/${quote.no}/makeOrder`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toBe(`There is nothing to convert: quote ${quote.no} has no item or G/L account line to make an order of.`);
    expect((await admin('GET', '/api/v1/salesOrders')).json().items).toEqual([]);

    expect((await admin('POST', `/api/v1/salesQuotes/${quote.no}/lines`, { type: 'item', no: 'A', quantity: '2' })).statusCode).toBe(201);
    const order = await admin('POST', `/api/v1/salesQuotes/${quote.no}/makeOrder`);
    expect(order.statusCode).toBe(201);
    expect(order.json().lines.map((line: { type: string; quantity: string }) => [line.type, line.quantity]))
      .toEqual([['comment', '0.00000'], ['item', '2.00000']]);
  });
});

describe('the ship-to block of a document header', () => {
  it("takes a custom ship-to address and the sell-to contact; clearing the ship-to code puts the customer's address back", async () => {
    const order = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'C' });
    const custom = {
      shipToName: 'Site office', shipToAddress: 'Havenweg 3', shipToPostCode: '1234 AB', shipToCity: 'Delft',
      shipToCountryRegionCode: 'nl', shipToContact: 'J. Bakker', sellToContact: 'Anna de Wit',
    };
    const changed = await admin('PATCH', `/api/v1/salesOrders/${order.no}`, custom);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ ...custom, shipToCountryRegionCode: 'NL', shipToCode: null });
    expect((await admin('GET', `/api/v1/salesOrders/${order.no}`)).json()).toMatchObject({ shipToName: 'Site office', shipToCity: 'Delft' });

    expect((await admin('PATCH', `/api/v1/salesOrders/${order.no}`, { shipToCountryRegionCode: 'Netherlands' })).statusCode).toBe(400);
    const reset = (await admin('PATCH', `/api/v1/salesOrders/${order.no}`, { shipToCode: null })).json();
    expect(reset).toMatchObject({ shipToName: 'Customer C', shipToAddress: '', shipToCity: '' });
  });
});
