import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { databaseSnapshot } from '../../support/database-snapshot.ts';
import { givenInventory, givenPostingCompany } from '../../support/given-posting.ts';

const workDate = { 'x-work-date': '2026-01-15' };

// DESIGN §4, §5: preview and refused postings write nothing and draw no number (issue 11 item 6).
describe('preview and refused postings leave every table, sequence and number series as they were', () => {
  let api: TestApi;

  beforeEach(async () => {
    api = await testApi();
    const admin = await givenPostingCompany(api);
    await givenInventory(admin, '2026-01-01', [{ itemNo: '1000', quantity: '20', unitCost: '60' }]);
  });
  afterEach(async () => api.close());

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);
  const order = async (quantity: string) => (await send('POST', '/api/v1/salesOrders', {
    sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity, unitPrice: '100' }],
  })).json().no as string;

  it('preview of an open order (released in the preview only) shows the plan and changes nothing', async () => {
    const no = await order('4');
    const before = await databaseSnapshot(api.db);
    const preview = await send('POST', `/api/v1/salesOrders/${no}/preview`, { ship: true, invoice: true });
    expect(preview.statusCode, preview.body).toBe(200);
    const planned = preview.json();
    expect(planned.invoiceNo).toBe('PI0001');
    expect(planned.shipmentNo).toBe('PS0001');
    expect(planned.glEntries.reduce((total: number, entry: { amount: string }) => total + Math.round(Number(entry.amount) * 100), 0)).toBe(0);
    expect(planned.customerLedgerEntries[0]).toMatchObject({ amount: '500.00', documentNo: 'PI0001', documentType: 'invoice' });
    expect(planned.itemLedgerEntries[0]).toMatchObject({ quantity: '-4.00000', documentNo: 'PS0001' });
    expect(planned.postedDocuments.map((document: { no: string }) => document.no).sort()).toEqual(['PI0001', 'PS0001']);
    expect(await databaseSnapshot(api.db)).toEqual(before);

    const posted = await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true });
    expect(posted.json()).toMatchObject({ shipmentNo: 'PS0001', invoiceNo: 'PI0001', transactionNo: planned.transactionNo });
  });

  it('a posting refused by a check consumes no number, no sequence value and writes nothing', async () => {
    await send('PATCH', '/api/v1/inventorySetup', { preventNegativeInventory: true });
    const no = await order('500');
    await send('POST', `/api/v1/salesOrders/${no}/release`);
    const before = await databaseSnapshot(api.db);
    const refused = await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('INSUFFICIENT_INVENTORY');
    expect(await databaseSnapshot(api.db)).toEqual(before);
  });
});
