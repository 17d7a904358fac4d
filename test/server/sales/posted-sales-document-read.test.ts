import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPostedDocument } from '../../../src/server/sales/posted-sales-document.queries.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { givenCustomer, givenSalesCompany } from '../../support/given.ts';
import {
  givenCancellation, givenLedgerAccounts, givenPayment, givenPostedHeader, givenPostedInvoice, givenPostedShipment,
} from '../../support/ledger-rows.ts';

let api: TestApi;
beforeEach(async () => {
  api = await testApi();
  const admin = await givenSalesCompany(api);
  await givenCustomer(admin, 'D', { name: 'Dolphin Traders' });
  await givenLedgerAccounts(api.db);
  const paid = await givenPostedInvoice(api.db, { no: 'PI0001', customerNo: 'C', postingDate: '2026-01-15', amount: '100', externalDocumentNo: 'PO-1' });
  await givenPayment(api.db, { no: 'PAY001', customerNo: 'C', postingDate: '2026-01-20', amount: '125', appliesTo: paid.customerLedgerEntryNo });
  await givenPostedInvoice(api.db, { no: 'PI0002', customerNo: 'D', postingDate: '2026-02-10', amount: '200' });
  await givenPostedShipment(api.db, {
    no: 'PS0001', customerNo: 'C', postingDate: '2026-02-01', orderNo: 'SO0001', itemNo: '1000', quantity: '2', unitCost: '60', unitPrice: '100',
  });
  await givenPostedInvoice(api.db, {
    no: 'PI0003', customerNo: 'C', postingDate: '2026-02-05', amount: '250', orderNo: 'SO0001',
    lines: [{ no: '1000', quantity: '2', unitPrice: '100' }, { no: 'B', quantity: '1', unitPrice: '50' }],
  });
});
afterEach(() => api.close());

const get = async (url: string) => {
  const response = await api.as('viewer')('GET', url);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json();
};
const numbers = (page: { items: Array<{ no: string }> }) => page.items.map((item) => item.no);

describe('posted sales invoices', () => {
  it('list with remaining amount and closed (paid) from the customer ledger entry, not cancelled', async () => {
    const page = await get('/api/v1/postedSalesInvoices');
    expect(numbers(page)).toEqual(['PI0001', 'PI0002', 'PI0003']);
    expect(page.items[0]).toMatchObject({
      documentType: 'invoice', amount: '100.00', amountIncludingVat: '125.00', remainingAmount: '0.00', closed: true, cancelled: false, cancelledBy: null, corrective: false,
    });
    expect(page.items[2]).toMatchObject({ remainingAmount: '312.50', closed: false, sourceDocumentNo: 'SO0001' });
    expect(page.items[0]).not.toHaveProperty('lines');
    expect(page.items[0]).not.toHaveProperty('correctsInvoiceNo');
  });

  it('filter by customer, order, external document no. and posting date range; search number and name', async () => {
    expect(numbers(await get('/api/v1/postedSalesInvoices?billToCustomerNo=d'))).toEqual(['PI0002']);
    expect(numbers(await get('/api/v1/postedSalesInvoices?sellToCustomerNo=C'))).toEqual(['PI0001', 'PI0003']);
    expect(numbers(await get('/api/v1/postedSalesInvoices?sourceDocumentNo=so0001'))).toEqual(['PI0003']);
    expect(numbers(await get('/api/v1/postedSalesInvoices?externalDocumentNo=PO-1'))).toEqual(['PI0001']);
    expect(numbers(await get('/api/v1/postedSalesInvoices?postingDateFrom=2026-02-05&postingDateTo=2026-02-10'))).toEqual(['PI0002', 'PI0003']);
    expect(numbers(await get('/api/v1/postedSalesInvoices?postingDateTo=2026-01-15'))).toEqual(['PI0001']);
    expect(numbers(await get('/api/v1/postedSalesInvoices?search=dolphin'))).toEqual(['PI0002']);
    expect(numbers(await get('/api/v1/postedSalesInvoices?search=pi0003'))).toEqual(['PI0003']);
    expect((await api.as('viewer')('GET', '/api/v1/postedSalesInvoices?postingDateFrom=soon')).statusCode).toBe(400);
    expect((await api.as('viewer')('GET', '/api/v1/postedSalesInvoices?status=open')).statusCode).toBe(400);
  });

  it('page by number with a cursor', async () => {
    const first = await get('/api/v1/postedSalesInvoices?limit=2');
    expect(numbers(first)).toEqual(['PI0001', 'PI0002']);
    const second = await get(`/api/v1/postedSalesInvoices?limit=2&cursor=${first.nextCursor}`);
    expect(numbers(second)).toEqual(['PI0003']);
    expect(second.nextCursor).toBeNull();
  });

  it('read one with its lines in line order', async () => {
    const invoice = await get('/api/v1/postedSalesInvoices/pi0003');
    expect(invoice).toMatchObject({ no: 'PI0003', billToCustomerNo: 'C', remainingAmount: '312.50', closed: false, cancelled: false });
    expect(invoice.lines.map((line: { lineNo: number; no: string }) => [line.lineNo, line.no])).toEqual([[10000, '1000'], [20000, 'B']]);
    expect(invoice.lines[0]).toMatchObject({ quantity: '2.00000', amount: '200.00', sourceDocumentNo: 'SO0001' });
  });

  it('answer an unknown number, or a number of another document type, with 404', async () => {
    for (const url of ['/api/v1/postedSalesInvoices/NOPE', '/api/v1/postedSalesInvoices/PS0001', '/api/v1/postedSalesShipments/PI0001']) {
      const response = await api.as('viewer')('GET', url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().code).toBe('NOT_FOUND');
    }
  });
});

describe('cancelled invoices and corrective credit memos (§18.3)', () => {
  it('show who cancelled whom', async () => {
    await givenPostedInvoice(api.db, { documentType: 'creditMemo', no: 'PCM0001', customerNo: 'C', postingDate: '2026-02-06', amount: '250' });
    await givenCancellation(api.db, 'PI0003', 'PCM0001');
    expect(await get('/api/v1/postedSalesInvoices/PI0003')).toMatchObject({ cancelled: true, cancelledBy: 'PCM0001', corrective: false });
    const creditMemo = await get('/api/v1/postedSalesCreditMemos/PCM0001');
    expect(creditMemo).toMatchObject({
      documentType: 'creditMemo', cancelled: false, cancelledBy: null, corrective: true, correctsInvoiceNo: 'PI0003', remainingAmount: '-312.50', closed: false,
    });
    expect(creditMemo.lines).toHaveLength(1);
    expect(numbers(await get('/api/v1/postedSalesCreditMemos'))).toEqual(['PCM0001']);
    expect((await get('/api/v1/postedSalesInvoices?limit=1&billToCustomerNo=C&postingDateFrom=2026-02-01')).items[0]).toMatchObject({ no: 'PI0003', cancelled: true });
  });
});

describe('posted shipments and return receipts', () => {
  it('list only their own type, without the invoice fields, and read one with lines', async () => {
    const shipments = await get('/api/v1/postedSalesShipments?sourceDocumentNo=SO0001');
    expect(numbers(shipments)).toEqual(['PS0001']);
    expect(shipments.items[0]).not.toHaveProperty('cancelled');
    expect(shipments.items[0]).not.toHaveProperty('remainingAmount');
    const shipment = await get('/api/v1/postedSalesShipments/PS0001');
    expect(shipment.lines).toEqual([expect.objectContaining({ lineNo: 10000, no: '1000', quantity: '2.00000', quantityNotInvoiced: '2.00000', itemLedgerEntryNo: expect.any(Number) })]);
    expect((await get('/api/v1/postedReturnReceipts')).items).toEqual([]);
    await givenPostedHeader(api.db, {
      documentType: 'returnReceipt', no: 'RR0001', customerNo: 'D', postingDate: '2026-03-01', sourceDocumentType: 'returnOrder', sourceDocumentNo: 'SR0001',
      lines: [{ no: 'A', quantity: '1', unitPrice: '100' }],
    });
    expect(numbers(await get('/api/v1/postedReturnReceipts?sellToCustomerNo=D'))).toEqual(['RR0001']);
    expect((await get('/api/v1/postedReturnReceipts/RR0001')).lines[0]).toMatchObject({ no: 'A', sourceDocumentNo: 'SR0001' });
  });

  it('are read by every role with a token, and there is nothing to write', async () => {
    expect((await api.as('viewer')('GET', '/api/v1/postedSalesShipments/PS0001')).statusCode).toBe(200);
    expect((await api.as('none')('GET', '/api/v1/postedSalesShipments')).statusCode).toBe(401);
    expect((await api.as('none')('GET', '/api/v1/postedSalesInvoices/PI0001')).statusCode).toBe(401);
    expect((await api.as('admin')('DELETE', '/api/v1/postedSalesInvoices/PI0001')).statusCode).toBe(404);
    expect((await api.as('admin')('PATCH', '/api/v1/postedSalesInvoices/PI0001', {})).statusCode).toBe(404);
  });
});

describe('loadPostedDocument', () => {
  it('loads header and lines in line order, and refuses another type with NOT_FOUND', async () => {
    const { header, lines } = await loadPostedDocument(api.db, 'invoice', 'PI0003');
    expect(header).toMatchObject({ no: 'PI0003', documentType: 'invoice', customerLedgerEntryNo: expect.any(Number) });
    expect(lines.map((line) => line.lineNo)).toEqual([10000, 20000]);
    await expect(loadPostedDocument(api.db, 'shipment', 'PI0003')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
