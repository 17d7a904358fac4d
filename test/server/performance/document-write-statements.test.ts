import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/server/http/app.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { created } from '../../support/given.ts';
import { givenPurchasingCompany } from '../../support/given-purchasing.ts';
import { countingDatabase } from '../../support/statement-counter.ts';

/**
 * Issue 21, point 1: creating a document with N lines reads items, units, prices, discounts and VAT
 * setups for all lines in a fixed number of statements and writes the lines in one, so the count
 * does not depend on N. Counted on a second app on the same database whose driver logs every statement.
 */
let api: TestApi;
let counted: ReturnType<typeof countingDatabase>;
let app: FastifyInstance;
const token = () => (inject('apiTokens') as Record<string, string>).admin!;

beforeEach(async () => {
  api = await testApi();
  const admin = await givenPurchasingCompany(api);
  // Customer and vendor prices and line discounts, so pricing has agreements to read.
  await created(admin, '/api/v1/purchasePrices', { itemNo: 'A', vendorNo: 'V', directUnitCost: '41', startingDate: '2020-01-01' });
  await created(admin, '/api/v1/salesPrices', { itemNo: 'A', salesType: 'customer', salesCode: 'C', unitPrice: '90', startingDate: '2020-01-01' });
  await created(admin, '/api/v1/salesLineDiscounts', { type: 'itemDiscountGroup', code: 'FURN', salesType: 'allCustomers', lineDiscountPercent: '10' });
  counted = countingDatabase({ db: api.db, kind: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' });
  app = await buildApp({ db: counted.db });
  await app.ready();
});
afterEach(async () => {
  await app.close();
  await api.close();
});

const items = ['1000', 'A', 'B'];
const lines = (count: number) => Array.from({ length: count }, (_, index) => ({ type: 'item', no: items[index % items.length], quantity: String(index + 1) }));

async function send(method: 'POST' | 'PATCH', url: string, body: unknown) {
  let response: Awaited<ReturnType<FastifyInstance['inject']>> | undefined;
  const statements = await counted.during(async () => {
    response = await app.inject({ method, url, headers: { authorization: `Bearer ${token()}` }, payload: body as object });
  });
  expect(response!.statusCode, response!.body).toBeLessThan(300);
  return { statements, document: response!.json() };
}

describe('statements per document write', () => {
  it('creates an invoice of 30 lines with as many statements as one of 3 lines', async () => {
    // The first write reads the setup rows the process then keeps (db/setup-cache.ts): both counted writes come after it.
    await send('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: lines(1) });
    const three = await send('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: lines(3) });
    const thirty = await send('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: lines(30) });
    expect(thirty.document.lines).toHaveLength(30);
    // The prices found are the same as one line at a time would find.
    expect(thirty.document.lines.slice(0, 3).map((line: { unitPrice: string; lineDiscountPercent: string }) => [line.unitPrice, line.lineDiscountPercent]))
      .toEqual([['100.00000', '0.00000'], ['90.00000', '0.00000'], ['50.00000', '10.00000']]);
    if (thirty.statements.length !== three.statements.length) console.log(shapes(three.statements), shapes(thirty.statements));
    expect(thirty.statements.length).toBe(three.statements.length);
  });

  it('creates an order (prepayment percentages read too) and re-prices its lines on a new customer with statements independent of the lines', async () => {
    await created(api.as('admin'), '/api/v1/customers', { no: 'D', name: 'Customer D', customerPostingGroup: 'DOMESTIC', genBusPostingGroup: 'DOMESTIC', vatBusPostingGroup: 'DOMESTIC' });
    const withGlLine = (count: number) => [...lines(count), { type: 'glAccount', no: '6100', quantity: '1', unitPrice: '15' }];
    const small = await send('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: withGlLine(3) });
    const large = await send('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: withGlLine(30) });
    expect(large.statements.length).toBe(small.statements.length);
    // Customer C's price for A is gone with customer D: the lines are priced again, all in one write.
    const smallChange = await send('PATCH', `/api/v1/salesOrders/${small.document.no}`, { sellToCustomerNo: 'D' });
    const largeChange = await send('PATCH', `/api/v1/salesOrders/${large.document.no}`, { sellToCustomerNo: 'D' });
    expect(largeChange.document.lines[1]).toMatchObject({ no: 'A', unitPrice: '100.00000' });
    expect(largeChange.document.lines.at(-1)).toMatchObject({ type: 'glAccount', unitPrice: '15.00000' });
    expect(largeChange.statements.length).toBe(smallChange.statements.length);
  });
  it('creates a purchase order and re-costs its lines for Prices Including VAT with statements independent of the lines', async () => {
    const small = await send('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', lines: lines(3) });
    const large = await send('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V', lines: lines(30) });
    expect(large.document.lines[1]).toMatchObject({ no: 'A', directUnitCost: '41.00000' });
    expect(large.statements.length).toBe(small.statements.length);
    const smallChange = await send('PATCH', `/api/v1/purchaseOrders/${small.document.no}`, { pricesIncludingVat: true });
    const largeChange = await send('PATCH', `/api/v1/purchaseOrders/${large.document.no}`, { pricesIncludingVat: true });
    expect(largeChange.document.lines[1]).toMatchObject({ no: 'A', directUnitCost: '51.25000' });
    expect(largeChange.statements.length).toBe(smallChange.statements.length);
  });

  it('posts an invoice of 30 lines with the statements of one of 3 lines: eight, whatever the lines', async () => {
    const invoice = async (count: number) => (await send('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: lines(count) })).document.no as string;
    const numbers = [await invoice(1), await invoice(3), await invoice(30)];
    // The first posting reads the setup rows and accounts the process then keeps (db/setup-cache.ts).
    await send('POST', `/api/v1/salesInvoices/${numbers[0]}/post`, {});
    const three = await send('POST', `/api/v1/salesInvoices/${numbers[1]}/post`, {});
    const thirty = await send('POST', `/api/v1/salesInvoices/${numbers[2]}/post`, {});
    expect(thirty.document).toMatchObject({ documentDeleted: true, invoiceNo: expect.any(String) });
    // The item entries belong to the shipment the invoice posts with (Shipment on Invoice).
    const ledger = await api.as('admin')('GET', `/api/v1/itemLedgerEntries?documentNo=${thirty.document.shipmentNo ?? thirty.document.invoiceNo}&limit=100`);
    expect(ledger.json().items).toHaveLength(30);
    // Besides the request's token: the setup's version; the header (locked); the lines; their items (locked, as the
    // item plan reads them) with the customers; the inventory reservations of the items shipped; the item entries
    // with their value sums; the entry numbers with the number series (locked); one statement writing it all.
    // node-postgres also sends BEGIN and COMMIT through the logger; PGlite does not.
    const posting = (statements: string[]) => statements.filter((statement) => !/from "api_token"/.test(statement));
    if (posting(three.statements).length !== 8 + (process.env.TEST_DATABASE_URL ? 2 : 0)) console.log(shapes(three.statements));
    expect(posting(three.statements)).toHaveLength(8 + (process.env.TEST_DATABASE_URL ? 2 : 0));
    expect(thirty.statements).toHaveLength(three.statements.length);
  });
});

function shapes(statements: string[]) {
  const counts = new Map<string, number>();
  for (const statement of statements) {
    const text = statement.replace(/\s+/g, ' ').toLowerCase();
    const shape = /^(insert into|update|delete from) "?(\w+)"?/.exec(text)?.slice(1).join(' ') ?? /^select .*? from "?(\w+)"?/.exec(text)?.[1] ?? text.slice(0, 30);
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  return Object.fromEntries(counts);
}
