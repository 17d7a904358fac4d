import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { givenInventory, givenPostingCompany } from '../../support/given-posting.ts';
import { givenCustomer } from '../../support/given.ts';
import { claimJob, runJob, type Job } from '../../../src/server/jobs/job-queue.ts';
import '../../../src/server/sales/combine-shipments.ts';

const workDate = { 'x-work-date': '2026-01-15' };

/** Issue 9 point 4: a Combine Shipments job never reports success while it left shipments out. */
describe('Combine Shipments reports what it left out', () => {
  let api: TestApi;
  let admin: Awaited<ReturnType<typeof givenPostingCompany>>;

  beforeEach(async () => {
    api = await testApi();
    admin = await givenPostingCompany(api);
    await givenInventory(admin, '2026-01-01', [{ itemNo: 'A', quantity: '10', unitCost: '55' }, { itemNo: 'B', quantity: '10', unitCost: '30' }]);
    await api.as('admin')('PATCH', '/api/v1/customers/C', { combineShipments: true }, workDate);
  });
  afterEach(async () => api.close());

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);
  async function ok(method: 'POST' | 'PATCH', url: string, body?: unknown) {
    const response = await send(method, url, body);
    expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  }
  async function shippedOrder(customerNo: string, itemNo: string) {
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: customerNo, lines: [{ type: 'item', no: itemNo, quantity: '2', unitPrice: '100' }] });
    return (await ok('POST', `/api/v1/salesOrders/${order.no}/post`, { ship: true })).shipmentNo as string;
  }
  async function combine(): Promise<Job> {
    const accepted = await send('POST', '/api/v1/combineShipments', { postingDate: '2026-01-31', documentDate: '2026-01-31', postInvoices: true });
    expect(accepted.statusCode, accepted.body).toBe(202);
    return runJob(api.db, (await claimJob(api.db, accepted.json().job.id, 'test'))!);
  }

  it('ends incomplete when an invoice cannot be posted, and keeps that invoice open with its shipment lines', async () => {
    const shipmentNo = await shippedOrder('C', 'A');
    await ok('PATCH', '/api/v1/salesReceivablesSetup', { externalDocumentNoMandatory: true });
    const job = await combine();
    expect(job.status).toBe('incomplete');
    expect(job.error).toMatchObject({ code: 'COMBINE_SHIPMENTS_INCOMPLETE' });
    const result = job.result as { invoicesCreated: number; invoicesPosted: number; invoiceNos: string[]; errors: Array<{ invoiceNo: string; code: string; message: string }> };
    expect(result).toMatchObject({ invoicesCreated: 1, invoicesPosted: 0 });
    expect(result.errors).toEqual([{ invoiceNo: result.invoiceNos[0], code: 'EXTERNAL_DOC_NO_REQUIRED', message: expect.stringContaining('External Document No.') }]);
    // The invoice waits for the user, billing the shipment: a re-run does not bill it again.
    const invoice = (await send('GET', `/api/v1/salesInvoices/${result.invoiceNos[0]}`)).json();
    expect(invoice.lines.some((line: { shipmentNo: string | null }) => line.shipmentNo === shipmentNo)).toBe(true);
    expect((await send('GET', '/api/v1/postedSalesInvoices')).json().items).toHaveLength(0);
    const again = await combine();
    expect(again.status).toBe('succeeded');
    expect(again.result).toMatchObject({ invoicesCreated: 0, invoicesPosted: 0, skipped: [], errors: [] });
  });

  it('lists the shipments of a blocked customer as skipped, with the reason, and ends incomplete', async () => {
    await givenCustomer(admin, 'BLK', { combineShipments: true });
    const blockedShipment = await shippedOrder('BLK', 'B');
    await shippedOrder('C', 'A');
    await ok('PATCH', '/api/v1/customers/BLK', { blocked: 'invoice' });
    const job = await combine();
    expect(job.status).toBe('incomplete');
    expect(job.result).toMatchObject({
      invoicesCreated: 1, invoicesPosted: 1, skippedBlocked: 1,
      skipped: [{ shipmentNo: blockedShipment, customerNo: 'BLK', code: 'CUSTOMER_BLOCKED', message: expect.stringContaining('BLK') }],
      errors: [],
    });
    expect((job.error as { message: string }).message).toContain('1 shipment(s) were not invoiced');
  });

  it('succeeds when everything asked was invoiced and posted', async () => {
    await shippedOrder('C', 'A');
    await shippedOrder('C', 'B');
    const job = await combine();
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result).toMatchObject({ invoicesCreated: 1, invoicesPosted: 1, skipped: [], errors: [] });
    expect((await send('GET', '/api/v1/salesInvoices')).json().items).toHaveLength(0);
  });
});
