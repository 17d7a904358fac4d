import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { givenCustomer, givenSalesCompany } from '../../support/given.ts';
import {
  givenItemEntryInvoiced, givenLedgerAccounts, givenPayment, givenPostedInvoice, givenPostedShipment, receivablesAccount,
} from '../../support/ledger-rows.ts';

let api: TestApi;
let entries: { invoice1: number; itemEntry: number; invoice3Transaction: number; payment: number };
beforeEach(async () => {
  api = await testApi();
  const admin = await givenSalesCompany(api);
  await givenCustomer(admin, 'D');
  await givenLedgerAccounts(api.db);
  const invoice1 = await givenPostedInvoice(api.db, { no: 'PI0001', customerNo: 'C', postingDate: '2026-01-15', dueDate: '2026-01-29', amount: '100' });
  await givenPostedInvoice(api.db, { no: 'PI0002', customerNo: 'D', postingDate: '2026-02-10', amount: '200', externalDocumentNo: 'D-77' });
  const shipment = await givenPostedShipment(api.db, {
    no: 'PS0001', customerNo: 'C', postingDate: '2026-02-01', orderNo: 'SO0001', itemNo: '1000', quantity: '2', unitCost: '60', unitPrice: '100',
  });
  const invoice3 = await givenPostedInvoice(api.db, {
    no: 'PI0003', customerNo: 'C', postingDate: '2026-02-05', amount: '200', orderNo: 'SO0001', lines: [{ no: '1000', quantity: '2', unitPrice: '100' }],
  });
  await givenItemEntryInvoiced(api.db, {
    itemLedgerEntryNo: shipment.itemLedgerEntryNo, transactionNo: invoice3.transactionNo, invoiceNo: 'PI0003', postingDate: '2026-02-05', unitCost: '60', unitPrice: '100',
  });
  const payment = await givenPayment(api.db, { no: 'PAY001', customerNo: 'C', postingDate: '2026-02-20', amount: '125', appliesTo: invoice1.customerLedgerEntryNo });
  entries = {
    invoice1: invoice1.customerLedgerEntryNo, itemEntry: shipment.itemLedgerEntryNo, invoice3Transaction: invoice3.transactionNo, payment: payment.customerLedgerEntryNo,
  };
});
afterEach(() => api.close());

const get = async (url: string) => {
  const response = await api.as('viewer')('GET', url);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json();
};
const documentNos = (items: Array<{ documentNo: string }>) => items.map((item) => item.documentNo);

describe('G/L entries', () => {
  it('filters by document, account and transaction, and every document balances', async () => {
    const invoice = (await get('/api/v1/glEntries?documentNo=pi0001')).items;
    expect(invoice).toHaveLength(3);
    expect(sum(invoice.map((entry: { amount: string }) => dec(entry.amount))).isZero()).toBe(true);
    expect(invoice[0]).toMatchObject({ glAccountNo: receivablesAccount, amount: '125.00', debitAmount: '125.00', creditAmount: '0.00', documentType: 'invoice' });
    const receivables = (await get(`/api/v1/glEntries?glAccountNo=${receivablesAccount}`)).items;
    expect(documentNos(receivables)).toEqual(['PI0001', 'PI0002', 'PI0003', 'PAY001']);
    const transaction = (await get(`/api/v1/glEntries?transactionNo=${entries.invoice3Transaction}`)).items;
    expect(new Set(documentNos(transaction))).toEqual(new Set(['PI0003']));
  });

  it('filters a posting date range, both ends inclusive', async () => {
    expect(documentNos((await get('/api/v1/glEntries?postingDateTo=2026-01-15')).items)).toEqual(['PI0001', 'PI0001', 'PI0001']);
    const february = (await get('/api/v1/glEntries?postingDateFrom=2026-02-05&postingDateTo=2026-02-10')).items;
    expect(new Set(documentNos(february))).toEqual(new Set(['PI0002', 'PI0003']));
    expect(february).toHaveLength(6);
    expect((await get('/api/v1/glEntries?postingDateFrom=2026-02-21')).items).toEqual([]);
    const combined = (await get(`/api/v1/glEntries?postingDateFrom=2026-02-01&glAccountNo=${receivablesAccount}`)).items;
    expect(documentNos(combined)).toEqual(['PI0002', 'PI0003', 'PAY001']);
  });

  it('pages in entry order with a cursor, each entry once', async () => {
    const all = (await get('/api/v1/glEntries?limit=1000')).items.map((entry: { entryNo: number }) => entry.entryNo);
    expect(all).toHaveLength(11);
    const seen: number[] = [];
    let url = '/api/v1/glEntries?limit=4';
    for (;;) {
      const page = await get(url);
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((entry: { entryNo: number }) => entry.entryNo));
      if (!page.nextCursor) break;
      url = `/api/v1/glEntries?limit=4&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual(all);
    expect([...all].sort((left, right) => left - right)).toEqual(all);
  });

  it('reads one entry by number, and answers unknown or malformed numbers with 404', async () => {
    const [first] = (await get('/api/v1/glEntries?limit=1')).items;
    expect(await get(`/api/v1/glEntries/${first.entryNo}`)).toEqual(first);
    for (const key of ['999999', 'abc', '-1']) {
      const response = await api.as('viewer')('GET', `/api/v1/glEntries/${key}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('NOT_FOUND');
    }
  });

  it('answers malformed filters with 400 naming the field, not a database error', async () => {
    for (const [query, field] of [
      ['transactionNo=abc', 'query.transactionNo'], ['postingDateFrom=2026-13-01', 'querystring.postingDateFrom'], ['postingDateTo=yesterday', 'querystring.postingDateTo'],
    ] as const) {
      const response = await api.as('viewer')('GET', `/api/v1/glEntries?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    const open = await api.as('viewer')('GET', '/api/v1/customerLedgerEntries?open=maybe');
    expect(open.statusCode).toBe(400);
    expect((await api.as('viewer')('GET', '/api/v1/glEntries?notAFilter=1')).statusCode).toBe(400);
  });

  it('is read by every role, needs a token and has no write routes', async () => {
    for (const role of ['viewer', 'salesClerk', 'accountant'] as const) {
      expect((await api.as(role)('GET', '/api/v1/glEntries')).statusCode).toBe(200);
    }
    expect((await api.as('none')('GET', '/api/v1/glEntries')).statusCode).toBe(401);
    expect((await api.as('none')('GET', '/api/v1/customerLedgerEntries/1')).statusCode).toBe(401);
    expect((await api.as('admin')('POST', '/api/v1/glEntries', {})).statusCode).toBe(404);
    expect((await api.as('admin')('DELETE', '/api/v1/glEntries/1')).statusCode).toBe(404);
  });
});

describe('customer ledger entries', () => {
  it('filters by customer (any case), open and document type, and searches the document number', async () => {
    expect(documentNos((await get('/api/v1/customerLedgerEntries?customerNo=c')).items)).toEqual(['PI0001', 'PI0003', 'PAY001']);
    const open = (await get('/api/v1/customerLedgerEntries?customerNo=C&open=true')).items;
    expect(documentNos(open)).toEqual(['PI0003']);
    expect(open[0]).toMatchObject({ remainingAmount: '250.00', amount: '250.00', salesLcy: '200.00' });
    const closed = (await get('/api/v1/customerLedgerEntries?open=false')).items;
    expect(closed.find((entry: { documentNo: string }) => entry.documentNo === 'PI0001')).toMatchObject({ remainingAmount: '0.00', closedByEntryNo: entries.payment });
    expect(documentNos((await get('/api/v1/customerLedgerEntries?documentType=payment')).items)).toEqual(['PAY001']);
    expect(documentNos((await get('/api/v1/customerLedgerEntries?search=pay')).items)).toEqual(['PAY001']);
    expect(documentNos((await get('/api/v1/customerLedgerEntries?externalDocumentNo=D-77')).items)).toEqual(['PI0002']);
  });

  it('lists the detailed entries of an entry: the initial entry and the application', async () => {
    const detailed = (await get(`/api/v1/detailedCustomerLedgerEntries?customerLedgerEntryNo=${entries.invoice1}`)).items;
    expect(detailed.map((entry: { entryType: string; amount: string }) => [entry.entryType, entry.amount])).toEqual([['initialEntry', '125.00'], ['application', '-125.00']]);
    expect((await get('/api/v1/detailedCustomerLedgerEntries?entryType=application&customerNo=C')).items).toHaveLength(2);
  });
});

describe('item ledger entries', () => {
  it('return their cost and sales amounts summed from the value entries (BC FlowFields), listed and read one by one', async () => {
    const [entry] = (await get('/api/v1/itemLedgerEntries?itemNo=1000')).items;
    const amounts = { costAmountActual: '-120.00', costAmountExpected: '0.00', salesAmountActual: '200.00', salesAmountExpected: '0.00' };
    expect(entry).toMatchObject({ entryNo: entries.itemEntry, documentNo: 'PS0001', quantity: '-2.00000', invoicedQuantity: '-2.00000', ...amounts });
    expect(await get(`/api/v1/itemLedgerEntries/${entries.itemEntry}`)).toMatchObject(amounts);
    expect((await get('/api/v1/itemLedgerEntries?itemNo=A')).items).toEqual([]);
    expect((await get('/api/v1/itemLedgerEntries?entryType=sale&documentType=salesShipment')).items).toHaveLength(1);
  });

  it('has value entries by item entry and document, and application entries to list', async () => {
    const values = (await get(`/api/v1/valueEntries?itemLedgerEntryNo=${entries.itemEntry}`)).items;
    expect(values.map((value: { documentNo: string; costAmountExpected: string }) => [value.documentNo, value.costAmountExpected])).toEqual([['PS0001', '-120.00'], ['PI0003', '120.00']]);
    expect(documentNos((await get('/api/v1/valueEntries?documentNo=PI0003&itemNo=1000')).items)).toEqual(['PI0003']);
    expect((await get('/api/v1/itemApplicationEntries')).items).toEqual([]);
  });
});

describe('VAT entries and registers', () => {
  it('filter by document, bill-to customer and posting date', async () => {
    const vat = (await get('/api/v1/vatEntries?billToPayToNo=D')).items;
    expect(vat).toHaveLength(1);
    expect(vat[0]).toMatchObject({ documentNo: 'PI0002', base: '-200.00', amount: '-50.00', type: 'sale' });
    expect(documentNos((await get('/api/v1/vatEntries?postingDateFrom=2026-02-01')).items)).toEqual(['PI0002', 'PI0003']);
    const [register] = (await get('/api/v1/glRegisters?documentNo=PAY001')).items;
    expect(register).toMatchObject({ sourceCode: 'CASHRECJNL', postingDate: '2026-02-20' });
    expect(await get(`/api/v1/glRegisters/${register.no}`)).toEqual(register);
    expect((await get('/api/v1/glRegisters?postingDateFrom=2026-02-01&postingDateTo=2026-02-05')).items).toHaveLength(2);
  });
});

describe('navigate (find entries)', () => {
  it('finds the posted invoice and every ledger entry of its number, with counts', async () => {
    const found = await get('/api/v1/navigate?documentNo=pi0003');
    expect(found.documentNo).toBe('PI0003');
    expect(found.postedDocuments).toEqual([{ documentType: 'invoice', resource: 'postedSalesInvoices', no: 'PI0003', postingDate: '2026-02-05' }]);
    expect(found.counts).toEqual({
      glEntries: 3, vatEntries: 1, customerLedgerEntries: 1, detailedCustomerLedgerEntries: 1, vendorLedgerEntries: 0, detailedVendorLedgerEntries: 0,
      bankAccountLedgerEntries: 0, itemLedgerEntries: 0, valueEntries: 1,
    });
    for (const [ledger, count] of Object.entries(found.counts)) expect(found.entries[ledger], ledger).toHaveLength(count as number);
    expect(found.entries.valueEntries[0]).toMatchObject({ documentNo: 'PI0003', costAmountActual: '-120.00' });
  });

  it('finds a shipment and its item entry with the summed amounts, and narrows by posting date', async () => {
    const shipment = await get('/api/v1/navigate?documentNo=PS0001&postingDate=2026-02-01');
    expect(shipment.postedDocuments.map((document: { documentType: string }) => document.documentType)).toEqual(['shipment']);
    expect(shipment.counts).toMatchObject({ glEntries: 0, itemLedgerEntries: 1, valueEntries: 1 });
    expect(shipment.entries.itemLedgerEntries[0]).toMatchObject({ documentNo: 'PS0001', costAmountActual: '-120.00', salesAmountActual: '200.00' });
    const otherDay = await get('/api/v1/navigate?documentNo=PS0001&postingDate=2026-02-02');
    expect(otherDay.postedDocuments).toEqual([]);
    expect(Object.values(otherDay.counts).every((count) => count === 0)).toBe(true);
    const payment = await get('/api/v1/navigate?documentNo=PAY001');
    expect(payment.postedDocuments).toEqual([]);
    expect(payment.counts).toMatchObject({ glEntries: 2, customerLedgerEntries: 1, detailedCustomerLedgerEntries: 3 });
  });

  it('needs a document number and a token', async () => {
    expect((await api.as('viewer')('GET', '/api/v1/navigate')).statusCode).toBe(400);
    expect((await api.as('viewer')('GET', '/api/v1/navigate?documentNo=PI0001&postingDate=2026-02-30')).statusCode).toBe(400);
    expect((await api.as('none')('GET', '/api/v1/navigate?documentNo=PI0001')).statusCode).toBe(401);
    expect((await get('/api/v1/navigate?documentNo=NOTHING')).counts.glEntries).toBe(0);
  });
});
