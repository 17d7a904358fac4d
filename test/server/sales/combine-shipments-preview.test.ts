import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { givenInventory, givenPostingCompany } from '../../support/given-posting.ts';
import { givenCustomer } from '../../support/given.ts';
import { claimJob, runJob } from '../../../src/server/jobs/job-queue.ts';
import '../../../src/server/sales/combine-shipments.ts';

const workDate = { 'x-work-date': '2026-01-15' };

/** Issue 19 point 5: a preview of what Combine Shipments would invoice, written nowhere. */
describe('Combine Shipments dry run', () => {
  let api: TestApi;
  let admin: Awaited<ReturnType<typeof givenPostingCompany>>;

  beforeEach(async () => {
    api = await testApi();
    admin = await givenPostingCompany(api);
    await givenInventory(admin, '2026-01-01', [{ itemNo: 'A', quantity: '20', unitCost: '55' }, { itemNo: 'B', quantity: '20', unitCost: '30' }]);
    await api.as('admin')('PATCH', '/api/v1/customers/C', { combineShipments: true }, workDate);
  });
  afterEach(async () => api.close());

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);
  async function ok(method: 'POST' | 'PATCH', url: string, body?: unknown) {
    const response = await send(method, url, body);
    expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  }
  async function shippedOrder(customerNo: string, lines: Array<{ no: string; quantity: string; unitPrice: string; lineDiscountPercent?: string }>, shipNow?: string) {
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: customerNo, lines: lines.map((line) => ({ type: 'item', ...line })) });
    if (shipNow) await ok('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantityToShip: shipNow });
    return (await ok('POST', `/api/v1/salesOrders/${order.no}/post`, { ship: true })).shipmentNo as string;
  }
  const options = { postingDate: '2026-01-31', documentDate: '2026-01-31' };

  it('lists the invoices per customer with their shipments and amounts, and writes nothing', async () => {
    await givenCustomer(admin, 'D', { name: 'Customer D', combineShipments: true });
    await givenCustomer(admin, 'BLK', { combineShipments: true });
    const first = await shippedOrder('C', [{ no: 'A', quantity: '4', unitPrice: '100' }, { no: 'B', quantity: '2', unitPrice: '50', lineDiscountPercent: '10' }]);
    const second = await shippedOrder('C', [{ no: 'A', quantity: '10', unitPrice: '100' }], '3');
    const forD = await shippedOrder('D', [{ no: 'B', quantity: '1', unitPrice: '80' }]);
    const blocked = await shippedOrder('BLK', [{ no: 'B', quantity: '1', unitPrice: '50' }]);
    await ok('PATCH', '/api/v1/customers/BLK', { blocked: 'invoice' });

    const preview = await send('POST', '/api/v1/combineShipments', { ...options, postInvoices: true, dryRun: true });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toEqual({
      invoices: [
        // 4 × 100 + 2 × 50 less 10 % + 3 × 100 (of 10 ordered, 3 shipped).
        { sellToCustomerNo: 'C', billToCustomerNo: 'C', billToName: 'Customer C', currencyCode: '', shipmentNos: [first, second], lineCount: 3, lineAmount: '790.00' },
        { sellToCustomerNo: 'D', billToCustomerNo: 'D', billToName: 'Customer D', currencyCode: '', shipmentNos: [forD], lineCount: 1, lineAmount: '80.00' },
      ],
      blocked: [{ shipmentNo: blocked, customerNo: 'BLK', blocked: 'invoice' }],
    });
    // Nothing queued, created or posted.
    expect((await send('GET', '/api/v1/salesInvoices')).json().items).toHaveLength(0);
    expect((await send('GET', '/api/v1/postedSalesInvoices')).json().items).toHaveLength(0);
    const onlyD = await send('POST', '/api/v1/combineShipments', { ...options, sellToCustomerNo: 'D', dryRun: true });
    expect(onlyD.json().invoices.map((invoice: { sellToCustomerNo: string }) => invoice.sellToCustomerNo)).toEqual(['D']);

    // The job then makes what the preview said.
    const accepted = await send('POST', '/api/v1/combineShipments', options);
    expect(accepted.statusCode, accepted.body).toBe(202);
    const job = await runJob(api.db, (await claimJob(api.db, accepted.json().job.id, 'test'))!);
    const made = (job.result as { invoiceNos: string[] }).invoiceNos;
    expect(made).toHaveLength(2);
    const amounts = await Promise.all(made.map(async (no) => (await send('GET', `/api/v1/salesInvoices/${no}`)).json().totals.amount));
    expect(amounts).toEqual(['790.00', '80.00']);
    expect((await send('POST', '/api/v1/combineShipments', { ...options, dryRun: true })).json().invoices).toEqual([]);
  });
});
