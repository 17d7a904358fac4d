import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { created, givenSalesCompany } from '../../support/given.ts';

/**
 * Issue 10, point 5: Quantity and Qty. to Ship (Return Qty. to Receive) sent together behave as if
 * entered one after the other (spec §4.1): Qty. to Invoice follows the quantity to ship sent.
 */
let api: TestApi;
let admin: Awaited<ReturnType<typeof givenSalesCompany>>;
beforeEach(async () => { api = await testApi(); admin = await givenSalesCompany(api); });
afterEach(() => api.close());

async function ok(method: 'POST' | 'PATCH', url: string, body: unknown) {
  const response = await admin(method, url, body);
  expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
  return response.json();
}

describe('quantity and quantity to ship in one request', () => {
  it('adds an order line with both: Qty. to Invoice follows Qty. to Ship', async () => {
    const order = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'C' });
    const withLine = await ok('POST', `/api/v1/salesOrders/${order.no}/lines`, { type: 'item', no: '1000', quantity: '10', quantityToShip: '4' });
    expect(withLine.lines[0]).toMatchObject({ quantity: '10.00000', quantityToShip: '4.00000', quantityToInvoice: '4.00000' });
  });

  it('accepts both on lines sent with the new order', async () => {
    const order = await ok('POST', '/api/v1/salesOrders', {
      sellToCustomerNo: 'C',
      lines: [{ type: 'item', no: '1000', quantity: '10', quantityToShip: '4' }, { type: 'item', no: 'A', quantity: '3', quantityToShip: '0' }],
    });
    expect(order.lines.map((line: { quantityToShip: string; quantityToInvoice: string }) => [line.quantityToShip, line.quantityToInvoice]))
      .toEqual([['4.00000', '4.00000'], ['0.00000', '0.00000']]);
  });

  it('changes both of a line in one PATCH', async () => {
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '5' }] });
    const changed = await ok('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantity: '8', quantityToShip: '2' });
    expect(changed.lines[0]).toMatchObject({ quantity: '8.00000', quantityToShip: '2.00000', quantityToInvoice: '2.00000' });
  });

  it('keeps a Qty. to Invoice sent with them, and refuses one above what is shipped', async () => {
    const order = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'C' });
    const lower = await ok('POST', `/api/v1/salesOrders/${order.no}/lines`, { type: 'item', no: '1000', quantity: '10', quantityToShip: '4', quantityToInvoice: '3' });
    expect(lower.lines[0]).toMatchObject({ quantityToShip: '4.00000', quantityToInvoice: '3.00000' });
    const tooMuch = await admin('POST', `/api/v1/salesOrders/${order.no}/lines`, { type: 'item', no: 'A', quantity: '10', quantityToShip: '4', quantityToInvoice: '5' });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json()).toMatchObject({ code: 'INVOICE_MORE_THAN_SHIPPED', errors: [{ field: 'quantityToInvoice' }] });
  });

  it('does the same with Return Qty. to Receive on a return order (line, document body and PATCH)', async () => {
    const returnOrder = await created(admin, '/api/v1/salesReturnOrders', { sellToCustomerNo: 'C' });
    const withLine = await ok('POST', `/api/v1/salesReturnOrders/${returnOrder.no}/lines`, { type: 'item', no: '1000', quantity: '6', returnQuantityToReceive: '2' });
    expect(withLine.lines[0]).toMatchObject({ quantity: '6.00000', returnQuantityToReceive: '2.00000', quantityToInvoice: '2.00000' });
    const changed = await ok('PATCH', `/api/v1/salesReturnOrders/${returnOrder.no}/lines/10000`, { quantity: '9', returnQuantityToReceive: '5' });
    expect(changed.lines[0]).toMatchObject({ quantity: '9.00000', returnQuantityToReceive: '5.00000', quantityToInvoice: '5.00000' });
    const inBody = await ok('POST', '/api/v1/salesReturnOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '4', returnQuantityToReceive: '1' }] });
    expect(inBody.lines[0]).toMatchObject({ returnQuantityToReceive: '1.00000', quantityToInvoice: '1.00000' });
  });

  it('still refuses a quantity to ship above the quantity, naming that field', async () => {
    const order = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'C' });
    const refused = await admin('POST', `/api/v1/salesOrders/${order.no}/lines`, { type: 'item', no: '1000', quantity: '3', quantityToShip: '4' });
    expect(refused.json()).toMatchObject({ code: 'SHIP_MORE_THAN_OUTSTANDING', errors: [{ field: 'quantityToShip' }] });
  });
});
