import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { accountTotals, givenInventory, givenPostingCompany } from '../../support/given-posting.ts';
import { givenCustomer } from '../../support/given.ts';
import { claimJob, runJob } from '../../../src/server/jobs/job-queue.ts';
import '../../../src/server/sales/combine-shipments.ts';

const workDate = { 'x-work-date': '2026-01-15' };

describe('returns, corrections and combined invoicing (spec §7.10, §13, §17, §18)', () => {
  let api: TestApi;
  let admin: Awaited<ReturnType<typeof givenPostingCompany>>;

  beforeEach(async () => {
    api = await testApi();
    admin = await givenPostingCompany(api);
    await givenInventory(admin, '2026-01-01', [{ itemNo: '1000', quantity: '20', unitCost: '60' }, { itemNo: 'A', quantity: '10', unitCost: '55' }, { itemNo: 'B', quantity: '10', unitCost: '30' }]);
  });
  afterEach(async () => api.close());

  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);
  const get = async (url: string) => (await send('GET', url)).json();
  const navigate = async (documentNo: string) => (await get(`/api/v1/navigate?documentNo=${documentNo}`)).entries;
  async function ok(method: 'POST' | 'PATCH', url: string, body?: unknown) {
    const response = await send(method, url, body);
    expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  }
  async function postedInvoiceOf1000(quantity: string) {
    const invoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity, unitPrice: '100' }] });
    return (await ok('POST', `/api/v1/salesInvoices/${invoice.no}/post`)).invoiceNo as string;
  }

  it('worked example 10: partial return with exact cost, applied to the invoice', async () => {
    const invoiceNo = await postedInvoiceOf1000('10');
    // The item's cost rises afterwards; the return must still come back at 60.00.
    await givenInventory(admin, '2026-01-10', [{ itemNo: '1000', quantity: '10', unitCost: '80' }]);
    const returnOrder = await ok('POST', '/api/v1/salesReturnOrders', { sellToCustomerNo: 'C', appliesToDocumentType: 'invoice', appliesToDocumentNo: invoiceNo });
    const offered = (await get(`/api/v1/salesReturnOrders/${returnOrder.no}/postedDocumentLines?documentType=invoice`)).items;
    expect(offered[0]).toMatchObject({ documentNo: invoiceNo, reversibleQuantity: '10.00000' });
    const withLines = await ok('POST', `/api/v1/salesReturnOrders/${returnOrder.no}/getPostedDocumentLinesToReverse`, {
      lines: [{ documentType: 'invoice', documentNo: invoiceNo, lineNo: 10000, quantity: '3' }],
    });
    const itemLine = withLines.lines.find((line: { type: string }) => line.type === 'item');
    expect(itemLine).toMatchObject({ quantity: '3.00000', unitPrice: '100.00000' });
    expect(itemLine.applFromItemEntry).toBeGreaterThan(0);
    const posted = await ok('POST', `/api/v1/salesReturnOrders/${returnOrder.no}/post`, { receive: true, invoice: true });
    expect(posted).toMatchObject({ returnReceiptNo: 'RR0001', creditMemoNo: 'PCM0001', documentDeleted: true });
    const entries = await navigate('PCM0001');
    expect(entries.customerLedgerEntries[0]).toMatchObject({ amount: '-375.00', remainingAmount: '0.00', open: false });
    expect(accountTotals(entries.glEntries, '8100').debit).toBe('300.00');
    expect(accountTotals(entries.glEntries, '2310').debit).toBe('75.00');
    expect(accountTotals(entries.glEntries, '1300').credit).toBe('375.00');
    expect(accountTotals(entries.glEntries, '3000').debit).toBe('180.00');
    expect(accountTotals(entries.glEntries, '7000').credit).toBe('180.00');
    const invoiceEntry = (await get(`/api/v1/customerLedgerEntries?documentNo=${invoiceNo}`)).items[0];
    expect(invoiceEntry).toMatchObject({ remainingAmount: '875.00', open: true });
    const again = (await get(`/api/v1/salesReturnOrders/${(await ok('POST', '/api/v1/salesReturnOrders', { sellToCustomerNo: 'C' })).no}/postedDocumentLines?documentType=invoice`)).items;
    expect(again[0].reversibleQuantity).toBe('7.00000');
  });

  it('worked example 11: cancel an unpaid invoice, and not twice', async () => {
    await ok('PATCH', '/api/v1/salesReceivablesSetup', { creditMemoNos: 'S-CR' });
    const invoice = await ok('POST', '/api/v1/salesInvoices', {
      sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '2', unitPrice: '250' }, { type: 'glAccount', no: '6100', quantity: '1', unitPrice: '100' }],
    });
    const { invoiceNo } = await ok('POST', `/api/v1/salesInvoices/${invoice.no}/post`);
    const cancelled = await ok('POST', `/api/v1/postedSalesInvoices/${invoiceNo}/cancel`);
    expect(cancelled.postedCreditMemoNo).toBe('PCM0001');
    const entries = await navigate('PCM0001');
    expect(entries.customerLedgerEntries[0]).toMatchObject({ amount: '-750.00', open: false });
    expect(entries.vatEntries[0]).toMatchObject({ base: '600.00', amount: '150.00' });
    expect(accountTotals(entries.glEntries, '3000').debit).toBe('110.00');
    const invoiceView = await get(`/api/v1/postedSalesInvoices/${invoiceNo}`);
    expect(invoiceView).toMatchObject({ cancelled: true });
    expect((await get(`/api/v1/customerLedgerEntries?documentNo=${invoiceNo}`)).items[0]).toMatchObject({ remainingAmount: '0.00', open: false });
    const twice = await send('POST', `/api/v1/postedSalesInvoices/${invoiceNo}/cancel`);
    expect(twice.json().code).toBe('INVOICE_ALREADY_CANCELLED');
    expect((await get('/api/v1/items/A/inventory')).inventory).toMatch(/^10(\.0+)?$/);
  });

  it('correct and create corrective credit memo; an invoice no longer unpaid cannot be cancelled', async () => {
    const first = await postedInvoiceOf1000('2');
    const corrected = await ok('POST', `/api/v1/postedSalesInvoices/${first}/correct`);
    expect(corrected.newInvoiceNo).toBeTruthy();
    const newInvoice = await get(`/api/v1/salesInvoices/${corrected.newInvoiceNo}`);
    expect(newInvoice.lines[0]).toMatchObject({ no: '1000', quantity: '2.00000', unitPrice: '100.00000' });

    const second = await postedInvoiceOf1000('1');
    const memo = await ok('POST', `/api/v1/postedSalesInvoices/${second}/createCorrectiveCreditMemo`);
    const creditMemo = await get(`/api/v1/salesCreditMemos/${memo.creditMemoNo}`);
    expect(creditMemo).toMatchObject({ appliesToDocumentType: 'invoice', appliesToDocumentNo: second });
    await ok('PATCH', `/api/v1/salesCreditMemos/${memo.creditMemoNo}/lines/10000`, { quantity: '1' });
    // The corrective credit memo, posted, closes the invoice: it is no longer unpaid.
    await ok('POST', `/api/v1/salesCreditMemos/${memo.creditMemoNo}/post`);
    const refused = await send('POST', `/api/v1/postedSalesInvoices/${second}/cancel`);
    expect(refused.json().code).toBe('INVOICE_PAID');
  });

  it('undo shipment gives the stock back and lets the order ship again', async () => {
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '5', unitPrice: '100' }] });
    const { shipmentNo } = await ok('POST', `/api/v1/salesOrders/${order.no}/post`, { ship: true });
    expect((await get('/api/v1/items/1000/inventory')).inventory).toMatch(/^15(\.0+)?$/);
    const undone = await ok('POST', `/api/v1/postedSalesShipments/${shipmentNo}/undo`, { lineNos: [10000] });
    expect(undone.undoneLines).toEqual([10000]);
    expect((await get('/api/v1/items/1000/inventory')).inventory).toMatch(/^20(\.0+)?$/);
    const shipment = await get(`/api/v1/postedSalesShipments/${shipmentNo}`);
    expect(shipment.lines.map((line: { quantity: string; correction: boolean }) => [line.quantity, line.correction])).toEqual([['5.00000', true], ['-5.00000', true]]);
    const line = (await get(`/api/v1/salesOrders/${order.no}`)).lines[0];
    expect(line).toMatchObject({ quantityShipped: '0.00000', quantityToShip: '5.00000' });
    expect((await send('POST', `/api/v1/postedSalesShipments/${shipmentNo}/undo`, { lineNos: [10000] })).json().code).toBe('UNDO_NOT_ALLOWED');
    const posted = await ok('POST', `/api/v1/salesOrders/${order.no}/post`, { ship: true, invoice: true });
    expect(posted.documentDeleted).toBe(true);
  });

  it('worked example 4: Combine Shipments makes one invoice of two shipments and posts it', async () => {
    await ok('PATCH', '/api/v1/customers/C', { combineShipments: true });
    const so1 = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '5', unitPrice: '100' }] });
    const so2 = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'B', quantity: '2', unitPrice: '300' }] });
    await givenCustomer(admin, 'OTHER', { combineShipments: false });
    const other = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'OTHER', lines: [{ type: 'item', no: 'A', quantity: '1', unitPrice: '100' }] });
    for (const order of [so1, so2, other]) await ok('POST', `/api/v1/salesOrders/${order.no}/post`, { ship: true });
    const accepted = await send('POST', '/api/v1/combineShipments', { postingDate: '2026-01-31', documentDate: '2026-01-31', postInvoices: true });
    expect(accepted.statusCode, accepted.body).toBe(202);
    const claimed = await claimJob(api.db, accepted.json().job.id, 'test');
    const job = await runJob(api.db, claimed!);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result).toMatchObject({ invoicesCreated: 1, invoicesPosted: 1 });
    const invoiceNo = (job.result as { postedInvoiceNos: string[] }).postedInvoiceNos[0]!;
    const invoice = await get(`/api/v1/postedSalesInvoices/${invoiceNo}`);
    expect(invoice).toMatchObject({ amount: '1100.00', amountIncludingVat: '1375.00', postingDate: '2026-01-31' });
    expect(invoice.lines.map((line: { type: string; description: string }) => (line.type === 'comment' ? line.description : line.type)))
      .toEqual(['Shipment No. PS0001:', 'item', 'Shipment No. PS0002:', 'item']);
    const entries = await navigate(invoiceNo);
    expect(entries.customerLedgerEntries).toHaveLength(1);
    expect(entries.itemLedgerEntries).toHaveLength(0);
    for (const order of [so1, so2]) {
      const line = (await get(`/api/v1/salesOrders/${order.no}`)).lines[0];
      expect(line.quantityInvoiced).toBe(line.quantity);
    }
    expect((await get(`/api/v1/salesOrders/${other.no}`)).lines[0].quantityInvoiced).toBe('0.00000');
    // Delete Invoiced Sales Orders removes the two billed orders and keeps the other.
    const deleted = await ok('POST', '/api/v1/salesOrders/deleteInvoiced');
    expect(deleted.deleted).toEqual([so1.no, so2.no]);
    expect((await send('GET', `/api/v1/salesOrders/${other.no}`)).statusCode).toBe(200);
  });

  it('get shipment lines on an invoice bills a shipment once', async () => {
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '4', unitPrice: '100', lineDiscountPercent: '5' }] });
    const { shipmentNo } = await ok('POST', `/api/v1/salesOrders/${order.no}/post`, { ship: true });
    const invoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C' });
    const candidates = (await get(`/api/v1/salesInvoices/${invoice.no}/shipmentLines`)).items;
    expect(candidates.map((line: { documentNo: string }) => line.documentNo)).toEqual([shipmentNo]);
    const filled = await ok('POST', `/api/v1/salesInvoices/${invoice.no}/getShipmentLines`, { lines: [{ documentNo: shipmentNo, lineNo: 10000 }] });
    expect(filled.totals.amount).toBe('380.00');
    expect((await get(`/api/v1/salesInvoices/${(await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C' })).no}/shipmentLines`)).items).toHaveLength(0);
    const posted = await ok('POST', `/api/v1/salesInvoices/${invoice.no}/post`);
    expect(posted.shipmentNo).toBeNull();
    const shipment = await get(`/api/v1/postedSalesShipments/${shipmentNo}`);
    expect(shipment.lines[0]).toMatchObject({ quantityInvoiced: '4.00000', quantityNotInvoiced: '0.00000' });
    expect((await get(`/api/v1/salesOrders/${order.no}`)).lines[0].quantityInvoiced).toBe('4.00000');
  });

  it('Copy Document from a posted invoice into a credit memo reverses at exact cost (spec §8)', async () => {
    const invoiceNo = await postedInvoiceOf1000('4');
    await givenInventory(admin, '2026-01-10', [{ itemNo: '1000', quantity: '10', unitCost: '90' }]);
    const creditMemo = await ok('POST', '/api/v1/salesCreditMemos', { sellToCustomerNo: 'C' });
    const copied = await ok('POST', `/api/v1/salesCreditMemos/${creditMemo.no}/copyDocument`, { sourceDocumentType: 'postedInvoice', sourceNo: invoiceNo, includeHeader: true });
    expect(copied.lines[0]).toMatchObject({ no: '1000', quantity: '4.00000', unitPrice: '100.00000' });
    expect(copied.lines[0].applFromItemEntry).toBeGreaterThan(0);
    const posted = await ok('POST', `/api/v1/salesCreditMemos/${creditMemo.no}/post`);
    const entries = await navigate(posted.creditMemoNo);
    expect(accountTotals(entries.glEntries, '3000').debit).toBe('240.00');
    expect(entries.customerLedgerEntries[0].amount).toBe('-500.00');
  });
});
