import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { allPages as everyPage } from '../../support/list-pages.ts';
import { created, givenCustomer, givenSalesCompany } from '../../support/given.ts';
import { givenPurchasingCompany } from '../../support/given-purchasing.ts';
import { givenCancellation, givenLedgerAccounts, givenPayment, givenPostedHeader, givenPostedInvoice } from '../../support/ledger-rows.ts';

let api: TestApi;
let admin: ReturnType<TestApi['as']>;
beforeEach(async () => { api = await testApi(); admin = api.as('admin'); });
afterEach(() => api.close());

type Item = Record<string, unknown>;

/** Every page of a list as admin, with the headers given. */
const allPages = (url: string, limit: number, headers: Record<string, string> = {}) => everyPage(admin, url, limit, headers);

const numbers = (items: Item[]) => items.map((row) => row.no);

describe('sorting document lists on the amounts summed from their lines (issue 19)', () => {
  // Amounts whose text order (10.50 < 120 < 300 < 50 …) and number order both differ from the amount order; two ties; one order without lines.
  const unitPrices = ['300', '50', '120', '50', '999.99', null, '10.50'];
  let orderNos: string[];
  beforeEach(async () => {
    const send = await givenSalesCompany(api);
    orderNos = [];
    for (const unitPrice of unitPrices) {
      const lines = unitPrice === null ? [] : [{ type: 'item', no: '1000', quantity: '2', unitPrice }, { type: 'comment', description: 'Note' }];
      orderNos.push((await created(send, '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines })).no as string);
    }
  });
  const byPrice = (...indexes: number[]) => indexes.map((index) => orderNos[index]);

  it('orders all sales orders by Amount across pages of three, ties by number, none lost or repeated', async () => {
    const ascending = await allPages('/api/v1/salesOrders?sort=amount', 3);
    expect(ascending.pages).toBe(3);
    expect(numbers(ascending.items)).toEqual(byPrice(5, 6, 1, 3, 2, 0, 4));
    expect(ascending.items.map((row) => row.amount)).toEqual(['0.00', '21.00', '100.00', '100.00', '240.00', '600.00', '1999.98']);
    const descending = await allPages('/api/v1/salesOrders?sort=-amount', 3);
    expect(numbers(descending.items)).toEqual(byPrice(4, 0, 2, 3, 1, 6, 5));
    for (const limit of [1, 2, 4, 100]) {
      expect(numbers((await allPages('/api/v1/salesOrders?sort=amount', limit)).items), `limit ${limit}`).toEqual(byPrice(5, 6, 1, 3, 2, 0, 4));
    }
  });

  it('orders by Amount Including VAT, with a search applied to the sorted list', async () => {
    const byTotal = await allPages('/api/v1/salesOrders?sort=-amountIncludingVat', 2);
    expect(byTotal.items.map((row) => row.amountIncludingVat)).toEqual(['2499.98', '750.00', '300.00', '125.00', '125.00', '26.25', '0.00']);
    await givenCustomer(admin, 'D', { name: 'Dakwerk Noord' });
    const other = (await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'D', lines: [{ type: 'item', no: '1000', quantity: '1', unitPrice: '5000' }] })).no;
    expect(numbers((await allPages('/api/v1/salesOrders?sort=-amount&search=dakwerk', 1)).items)).toEqual([other]);
    expect(numbers((await allPages('/api/v1/salesOrders?sort=-amount', 4)).items)[0]).toBe(other);
  });

  it('orders sales orders by what has shipped and not been invoiced, and refuses a cursor edited to another kind of value', async () => {
    const byNotInvoiced = await allPages('/api/v1/salesOrders?sort=amountShippedNotInvoiced', 4);
    expect(byNotInvoiced.items.every((row) => row.amountShippedNotInvoiced === '0.00')).toBe(true);
    expect(numbers(byNotInvoiced.items)).toEqual([...orderNos].sort());
    const cursor = Buffer.from(JSON.stringify({ value: 'much', key: orderNos[0] })).toString('base64url');
    const refused = await admin('GET', `/api/v1/salesOrders?sort=amount&limit=2&cursor=${cursor}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toBe('The cursor is not one this API returned.');
  });

  it('names the summed fields among the sortable ones in the OpenAPI document', async () => {
    const document = (await admin('GET', '/api/v1/openapi.json')).json();
    const sortOf = (path: string) => (document.paths[path].get.parameters as Array<{ name: string; description?: string }>)
      .find((parameter) => parameter.name === 'sort')?.description;
    expect(sortOf('/api/v1/salesOrders')).toMatch(/\bamount, amountIncludingVat\b/);
    expect(sortOf('/api/v1/purchaseInvoices')).toMatch(/\bamount, amountIncludingVat\b/);
    expect(sortOf('/api/v1/postedSalesInvoices')).toContain('status (Overdue, Open, Partly paid, Paid, Cancelled');
    expect(sortOf('/api/v1/postedSalesShipments')).not.toContain('status');
  });
});

describe('sorting purchase document lists on their summed amounts', () => {
  it('orders purchase invoices by Amount across pages', async () => {
    const send = await givenPurchasingCompany(api);
    const costs = ['35', '400', '35', '7.25'];
    const invoiceNos: string[] = [];
    for (const directUnitCost of costs) {
      invoiceNos.push((await created(send, '/api/v1/purchaseInvoices', { buyFromVendorNo: 'V', lines: [{ type: 'item', no: 'A', quantity: '4', directUnitCost }] })).no as string);
    }
    const ascending = await allPages('/api/v1/purchaseInvoices?sort=amount', 3);
    expect(ascending.pages).toBe(2);
    expect(numbers(ascending.items)).toEqual([invoiceNos[3], invoiceNos[0], invoiceNos[2], invoiceNos[1]]);
    expect(numbers((await allPages('/api/v1/purchaseInvoices?sort=-amount', 3)).items)).toEqual([invoiceNos[1], invoiceNos[2], invoiceNos[0], invoiceNos[3]]);
  });
});

describe('sorting posted sales invoices on Remaining Amount and status', () => {
  const workDate = { 'x-work-date': '2026-03-01' };
  beforeEach(async () => {
    await givenSalesCompany(api);
    await givenLedgerAccounts(api.db);
    const invoice = (no: string, amount: string, dueDate: string) => givenPostedInvoice(api.db, { no, customerNo: 'C', postingDate: '2026-01-10', dueDate, amount });
    // Amounts excl. VAT; the entries hold them incl. 25 % VAT.
    const paid = await invoice('PI0001', '100', '2026-04-01');
    await givenPayment(api.db, { no: 'PAY1', customerNo: 'C', postingDate: '2026-01-20', amount: '125', appliesTo: paid.customerLedgerEntryNo });
    await invoice('PI0002', '200', '2026-04-01');
    const partly = await invoice('PI0003', '400', '2026-04-01');
    await givenPayment(api.db, { no: 'PAY2', customerNo: 'C', postingDate: '2026-01-20', amount: '100', appliesTo: partly.customerLedgerEntryNo });
    await invoice('PI0004', '80', '2026-02-01');
    await invoice('PI0005', '60', '2026-04-01');
    await givenPostedInvoice(api.db, { documentType: 'creditMemo', no: 'PCM0001', customerNo: 'C', postingDate: '2026-01-12', amount: '60' });
    await givenCancellation(api.db, 'PI0005', 'PCM0001');
    const overduePartly = await invoice('PI0006', '40', '2026-02-15');
    await givenPayment(api.db, { no: 'PAY3', customerNo: 'C', postingDate: '2026-01-20', amount: '10', appliesTo: overduePartly.customerLedgerEntryNo });
    // A posted invoice without a customer ledger entry (a zero document): no status, sorted last.
    await givenPostedHeader(api.db, {
      documentType: 'invoice', no: 'PI0007', customerNo: 'C', postingDate: '2026-01-10', sourceDocumentType: 'invoice', sourceDocumentNo: 'SI9',
      lines: [{ no: '1000', quantity: '1', unitPrice: '0' }],
    });
  });

  it('orders by status: overdue, open, partly paid, paid, cancelled, then none, across pages of two', async () => {
    const ascending = await allPages('/api/v1/postedSalesInvoices?sort=status', 2, workDate);
    expect(ascending.pages).toBe(4);
    expect(numbers(ascending.items)).toEqual(['PI0004', 'PI0006', 'PI0002', 'PI0003', 'PI0001', 'PI0005', 'PI0007']);
    const descending = await allPages('/api/v1/postedSalesInvoices?sort=-status', 2, workDate);
    expect(numbers(descending.items)).toEqual(['PI0005', 'PI0001', 'PI0003', 'PI0002', 'PI0006', 'PI0004', 'PI0007']);
    // Before their due dates nothing is overdue: PI0004 is open, PI0006 partly paid.
    const earlier = await allPages('/api/v1/postedSalesInvoices?sort=status', 3, { 'x-work-date': '2026-01-31' });
    expect(numbers(earlier.items)).toEqual(['PI0002', 'PI0004', 'PI0003', 'PI0006', 'PI0001', 'PI0005', 'PI0007']);
  });

  it('orders by Remaining Amount from the customer ledger entry, as a number, without an entry last', async () => {
    const ascending = await allPages('/api/v1/postedSalesInvoices?sort=remainingAmount', 3, workDate);
    expect(ascending.items.map((row) => [row.no, row.remainingAmount])).toEqual([
      ['PI0001', '0.00'], ['PI0006', '40.00'], ['PI0005', '75.00'], ['PI0004', '100.00'], ['PI0002', '250.00'], ['PI0003', '400.00'], ['PI0007', null],
    ]);
    const descending = await allPages('/api/v1/postedSalesInvoices?sort=-remainingAmount', 3, workDate);
    expect(numbers(descending.items)).toEqual(['PI0003', 'PI0002', 'PI0004', 'PI0005', 'PI0006', 'PI0001', 'PI0007']);
    // The credit memo list sorts on its own entries (negative remaining amounts).
    expect(numbers((await allPages('/api/v1/postedSalesCreditMemos?sort=remainingAmount', 1)).items)).toEqual(['PCM0001']);
  });

  it('keeps shipments to their stored fields', async () => {
    const refused = await admin('GET', '/api/v1/postedSalesShipments?sort=status');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toContain('cannot be sorted on "status"');
  });
});
