import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { givenPurchasingCompany } from '../../support/given-purchasing.ts';

/**
 * Issue 14, point 5 (spec §15.2): a catalog item (BC Nonstock Item) put on a sales line becomes an
 * item the first time, numbered by its Vendor Item No., and is then bought as a special order.
 */
const workDate = { 'x-work-date': '2026-01-15' };

describe('catalog items', () => {
  let api: TestApi;
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);

  beforeEach(async () => {
    api = await testApi();
    await givenPurchasingCompany(api);
    expect((await send('POST', '/api/v1/purchasingCodes', { code: 'SPEC ORDER', specialOrder: true })).statusCode).toBe(201);
  });
  afterEach(async () => api.close());

  it('makes the item when first sold, and the next line takes that item', async () => {
    const created = await send('POST', '/api/v1/catalogItems', {
      entryNo: 'NS1', vendorNo: 'V', vendorItemNo: 'lamp-77', description: 'Designer lamp', unitOfMeasureCode: 'PCS',
      publishedCost: '80', negotiatedCost: '72', unitPrice: '129', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'VAT25', inventoryPostingGroup: 'RESALE',
    });
    expect(created.statusCode, created.body).toBe(201);
    const order = await send('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', catalogItemEntryNo: 'ns1', quantity: '2', purchasingCode: 'SPEC ORDER' }] });
    expect(order.statusCode, order.body).toBe(201);
    expect(order.json().lines[0]).toMatchObject({ no: 'LAMP-77', description: 'Designer lamp', unitPrice: '129.00000', lineAmount: '258.00', specialOrder: true });
    expect((await send('GET', '/api/v1/items/LAMP-77')).json()).toMatchObject({ vendorNo: 'V', vendorItemNo: 'lamp-77', unitCost: '72.00000', lastDirectCost: '72.00000', baseUnitOfMeasure: 'PCS' });
    expect((await send('GET', '/api/v1/catalogItems/NS1')).json()).toMatchObject({ itemNo: 'LAMP-77' });
    const again = await send('POST', `/api/v1/salesOrders/${order.json().no}/lines`, { type: 'item', catalogItemEntryNo: 'NS1', quantity: '1' });
    expect(again.json().lines[1]).toMatchObject({ no: 'LAMP-77' });
    // One item, made once.
    const fromVendor = (await send('GET', '/api/v1/items?vendorNo=V')).json().items.map((row: { no: string }) => row.no);
    expect(fromVendor.filter((no: string) => no === 'LAMP-77')).toHaveLength(1);

    const purchase = await send('POST', '/api/v1/purchaseOrders', { buyFromVendorNo: 'V' });
    const linked = await send('POST', `/api/v1/purchaseOrders/${purchase.json().no}/getSalesOrders`, { salesOrderNo: order.json().no, kind: 'specialOrder' });
    expect(linked.json().lines).toEqual([expect.objectContaining({ no: 'LAMP-77', quantity: '2.00000', directUnitCost: '72.00000', specialOrder: true })]);
  });

  it('refuses an unknown catalog item and one without a unit of measure, naming the field; nothing is kept', async () => {
    const unknown = await send('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', catalogItemEntryNo: 'NOPE', quantity: '1' }] });
    expect(unknown.json()).toMatchObject({ code: 'RELATED_RECORD_NOT_FOUND', errors: [{ field: 'lines.0.catalogItemEntryNo' }] });
    await send('POST', '/api/v1/catalogItems', { entryNo: 'NS2', vendorNo: 'V', vendorItemNo: 'X-1' });
    const noUnit = await send('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', catalogItemEntryNo: 'NS2', quantity: '1' }] });
    expect(noUnit.json()).toMatchObject({ code: 'FIELD_REQUIRED', errors: [{ field: 'lines.0.catalogItemEntryNo' }] });
    expect((await send('GET', '/api/v1/items/X-1')).statusCode).toBe(404);
    expect((await send('GET', '/api/v1/salesOrders')).json().items).toEqual([]);
  });
});
