import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { salesLine } from '../../../src/server/db/schema/index.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { givenInventory, givenPostingCompany } from '../../support/given-posting.ts';

/**
 * Issue 14, point 3 (spec §15.1–15.2), the sales side: a Purchasing Code on an order line makes it a
 * drop shipment or a special order (item lines of orders only; the item's code is the default), an
 * unlinked drop shipment cannot ship, and a line linked to a purchase order keeps what was bought.
 */
const workDate = { 'x-work-date': '2026-01-15' };

describe('drop shipment and special order on sales order lines', () => {
  let api: TestApi;
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);

  beforeEach(async () => {
    api = await testApi();
    const admin = await givenPostingCompany(api);
    await givenInventory(admin, '2026-01-01', [{ itemNo: '1000', quantity: '30', unitCost: '60' }]);
    for (const code of [{ code: 'DROP SHIP', dropShipment: true }, { code: 'SPEC ORDER', specialOrder: true }]) {
      expect((await send('POST', '/api/v1/purchasingCodes', code)).statusCode).toBe(201);
    }
  });
  afterEach(async () => api.close());

  async function order(lines: Record<string, unknown>[]) {
    const response = await send('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', externalDocumentNo: 'REF', lines });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  it('sets Drop Shipment or Special Order from the code, clears both without one, and takes the item\'s own code', async () => {
    const created = await order([{ type: 'item', no: '1000', quantity: '2', purchasingCode: 'drop ship' }]);
    expect(created.lines[0]).toMatchObject({ purchasingCode: 'DROP SHIP', dropShipment: true, specialOrder: false, purchaseOrderNo: null });
    const special = await send('PATCH', `/api/v1/salesOrders/${created.no}/lines/${created.lines[0].lineNo}`, { purchasingCode: 'SPEC ORDER' });
    expect(special.json().lines[0]).toMatchObject({ purchasingCode: 'SPEC ORDER', dropShipment: false, specialOrder: true });
    const none = await send('PATCH', `/api/v1/salesOrders/${created.no}/lines/${created.lines[0].lineNo}`, { purchasingCode: null });
    expect(none.json().lines[0]).toMatchObject({ purchasingCode: null, dropShipment: false, specialOrder: false });

    await send('PATCH', '/api/v1/items/A', { purchasingCode: 'DROP SHIP' });
    const fromItem = await order([{ type: 'item', no: 'A', quantity: '1' }]);
    expect(fromItem.lines[0]).toMatchObject({ purchasingCode: 'DROP SHIP', dropShipment: true });
    // An invoice takes no purchasing code, not even the item's.
    const invoice = await send('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '1' }] });
    expect(invoice.json().lines[0]).toMatchObject({ purchasingCode: null, dropShipment: false });
  });

  it('refuses a code on an invoice, on a G/L account line and an unknown code, naming the field', async () => {
    const onInvoice = await send('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '1', purchasingCode: 'DROP SHIP' }] });
    expect(onInvoice.statusCode).toBe(422);
    expect(onInvoice.json()).toMatchObject({ code: 'PURCHASING_CODE_NOT_ALLOWED' });
    expect(onInvoice.json().detail).toContain('sales invoice line');
    const created = await order([{ type: 'item', no: '1000', quantity: '1' }]);
    const onAccount = await send('POST', `/api/v1/salesOrders/${created.no}/lines`, { type: 'glAccount', no: '8100', quantity: '1', unitPrice: '5', purchasingCode: 'DROP SHIP' });
    expect(onAccount.json()).toMatchObject({ code: 'PURCHASING_CODE_NOT_ALLOWED', errors: [{ field: 'purchasingCode' }] });
    const unknown = await send('PATCH', `/api/v1/salesOrders/${created.no}/lines/${created.lines[0].lineNo}`, { purchasingCode: 'NOPE' });
    expect(unknown.json()).toMatchObject({ code: 'RELATED_RECORD_NOT_FOUND', errors: [{ field: 'purchasingCode' }] });
  });

  it('an unlinked drop shipment cannot ship: nothing is posted, the ordinary line of the same order neither', async () => {
    const created = await order([{ type: 'item', no: '1000', quantity: '2' }, { type: 'item', no: '1000', quantity: '1', purchasingCode: 'DROP SHIP' }]);
    const refused = await send('POST', `/api/v1/salesOrders/${created.no}/post`, { ship: true });
    expect(refused.statusCode).toBe(422);
    const dropLine = created.lines[1].lineNo;
    expect(refused.json()).toMatchObject({ code: 'DROP_SHIPMENT_NOT_LINKED', errors: [{ field: `lines.${dropLine}.purchaseOrderNo` }] });
    expect((await send('GET', `/api/v1/salesOrders/${created.no}`)).json().lines.map((line: { quantityShipped: string }) => line.quantityShipped)).toEqual(['0.00000', '0.00000']);
    // A special order ships from stock like any line once it is here.
    await send('PATCH', `/api/v1/salesOrders/${created.no}/lines/${dropLine}`, { purchasingCode: 'SPEC ORDER' });
    expect((await send('POST', `/api/v1/salesOrders/${created.no}/post`, { ship: true })).statusCode).toBe(201);
  });

  it('a line linked to a purchase order keeps its item, unit, quantity and code, and neither it nor its order can be deleted', async () => {
    const created = await order([{ type: 'item', no: '1000', quantity: '2', purchasingCode: 'DROP SHIP' }]);
    const lineNo = created.lines[0].lineNo;
    // The link a purchase order makes (Get Sales Orders, Carry Out Action Message), set here directly.
    await api.db.update(salesLine).set({ purchaseOrderNo: 'PO000001', purchaseOrderLineNo: 10000 }).where(eq(salesLine.documentNo, created.no));
    const url = `/api/v1/salesOrders/${created.no}/lines/${lineNo}`;
    for (const [field, value] of [['quantity', '3'], ['no', 'A'], ['purchasingCode', null]] as const) {
      const refused = await send('PATCH', url, { [field]: value });
      expect(refused.json(), field).toMatchObject({ code: 'SALES_LINE_LINKED_TO_PURCHASE', errors: [{ field }] });
      expect(refused.json().detail).toContain('purchase order PO000001');
    }
    expect((await send('PATCH', url, { description: 'Delivered by the vendor' })).statusCode).toBe(200);
    expect((await send('DELETE', url)).json()).toMatchObject({ code: 'SALES_LINE_LINKED_TO_PURCHASE_DELETE' });
    expect((await send('DELETE', `/api/v1/salesOrders/${created.no}`)).json()).toMatchObject({ code: 'SALES_LINE_LINKED_TO_PURCHASE_DELETE' });
    expect((await send('GET', `/api/v1/salesOrders/${created.no}`)).json().lines[0]).toMatchObject({ quantity: '2.00000', purchaseOrderNo: 'PO000001' });
  });
});
