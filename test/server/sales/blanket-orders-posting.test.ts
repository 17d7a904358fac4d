import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApi, type TestApi } from '../../support/api.ts';
import { blanketRequests, givenBlanketCompany } from '../../support/given-blanket.ts';

/**
 * Issue 15, points 3–4: posting lines linked to a blanket order (spec §14.3) — Quantity Shipped and
 * Quantity Invoiced of the blanket line follow the postings, in base units; posting more than the
 * blanket line holds is refused, also for lines copied from a posted invoice — and the delete rules
 * (§14.4). Item X: 20.00 per PCS, BOX of 12; 3,000 PCS on hand.
 */
const workDate = { 'x-work-date': '2026-01-02' };

type Line = { lineNo: number; [field: string]: unknown };
type Document = { no: string; lines: Line[]; [field: string]: unknown };

let api: TestApi;

beforeEach(async () => {
  api = await testApi();
  await givenBlanketCompany(api);
});
afterEach(async () => api.close());

const { send, get, ok, refused } = blanketRequests(() => api, workDate);
const blanketOrders = '/api/v1/salesBlanketOrders';
const blanketLine = async (lineNo = 10000) => ((await get(`${blanketOrders}/BO0001`)) as Document).lines.find((line) => line.lineNo === lineNo)!;
const quantities = (line: Line) => ({ quantityShipped: line.quantityShipped, quantityInvoiced: line.quantityInvoiced, quantityToShip: line.quantityToShip, outstandingQuantity: line.outstandingQuantity });

/** BO0001 with one line of X (250 PCS unless said otherwise), and an order SO0001 made of `take` of it. */
async function blanketAndOrder(take: string, line: Record<string, unknown> = { quantity: '250' }): Promise<Document> {
  await ok('POST', blanketOrders, { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'X', ...line }] });
  await ok('PATCH', `${blanketOrders}/BO0001/lines/10000`, { quantityToShip: take });
  return ok('POST', `${blanketOrders}/BO0001/makeOrder`);
}

/** An order of `quantity` linked by hand to BO0001 line 10000. */
async function linkedOrder(quantity: string): Promise<Document> {
  const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'X', quantity: '1' }] });
  await ok('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { blanketOrderNo: 'BO0001', blanketOrderLineNo: 10000 });
  return ok('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantity });
}

describe('posting a linked order (§14.3)', () => {
  it('ships and invoices a linked order in parts: the blanket line follows each posting', async () => {
    await blanketAndOrder('100');
    expect(quantities(await blanketLine())).toEqual({ quantityShipped: '0.00000', quantityInvoiced: '0.00000', quantityToShip: '0.00000', outstandingQuantity: '250.00000' });
    await ok('PATCH', '/api/v1/salesOrders/SO0001/lines/10000', { quantityToShip: '40' });
    await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true });
    // Qty. to Ship is defaulted again, but only to what the order's 60 still to ship leave: 210 − 60.
    expect(quantities(await blanketLine())).toEqual({ quantityShipped: '40.00000', quantityInvoiced: '0.00000', quantityToShip: '150.00000', outstandingQuantity: '210.00000' });
    await ok('PATCH', '/api/v1/salesOrders/SO0001/lines/10000', { quantityToInvoice: '40' });
    await ok('POST', '/api/v1/salesOrders/SO0001/post', { invoice: true });
    expect(quantities(await blanketLine())).toEqual({ quantityShipped: '40.00000', quantityInvoiced: '40.00000', quantityToShip: '150.00000', outstandingQuantity: '210.00000' });
    const last = await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true, invoice: true });
    expect(last).toMatchObject({ documentDeleted: true, shipmentNo: 'PS0002', invoiceNo: 'PI0002' });
    expect(quantities(await blanketLine())).toEqual({ quantityShipped: '100.00000', quantityInvoiced: '100.00000', quantityToShip: '150.00000', outstandingQuantity: '150.00000' });
    const links = await get(`${blanketOrders}/BO0001/lines/10000/linkedDocuments`);
    expect(links.items.map((item: Record<string, unknown>) => `${item.documentType} ${item.documentNo} ${item.quantity}`)).toEqual([
      'shipment PS0001 40.00000', 'invoice PI0001 40.00000', 'shipment PS0002 60.00000', 'invoice PI0002 60.00000',
    ]);
  });

  it('refuses to ship more than the blanket line holds, and the blanket line cannot drop below what shipped', async () => {
    await blanketAndOrder('100');
    await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true, invoice: true });
    const order = await linkedOrder('200');
    const exceeded = await refused('POST', `/api/v1/salesOrders/${order.no}/post`, { ship: true }, 'BLANKET_SHIPPED_EXCEEDED');
    expect(exceeded.detail).toBe(`Quantity Shipped in the associated blanket order BO0001 (line 10000) must not be greater than Quantity 250: posting sales order ${order.no} would make it 300.`);
    // Nothing was posted: no shipment, the order as it was, the blanket line as it was.
    expect((await send('GET', '/api/v1/postedSalesShipments/PS0002')).statusCode).toBe(404);
    expect((await get(`/api/v1/salesOrders/${order.no}`)).lines[0]).toMatchObject({ quantityShipped: '0.00000', quantityToShip: '200.00000' });
    expect(quantities(await blanketLine())).toMatchObject({ quantityShipped: '100.00000', quantityInvoiced: '100.00000' });
    await ok('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantity: '150' });
    await ok('POST', `/api/v1/salesOrders/${order.no}/post`, { ship: true });
    expect(quantities(await blanketLine())).toMatchObject({ quantityShipped: '250.00000', outstandingQuantity: '0.00000', quantityToShip: '0.00000' });
    await refused('PATCH', `${blanketOrders}/BO0001/lines/10000`, { quantity: '240' }, 'QUANTITY_BELOW_SHIPPED');
  });

  it('counts in base units when the blanket line is in boxes', async () => {
    await blanketAndOrder('4', { quantity: '10', unitOfMeasureCode: 'BOX' });
    const order = await get('/api/v1/salesOrders/SO0001');
    expect(order.lines[0]).toMatchObject({ unitOfMeasureCode: 'BOX', quantity: '4.00000', quantityBase: '48.00000', unitPrice: '240.00000', lineAmount: '960.00' });
    const posted = await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true, invoice: true });
    expect((await get(`/api/v1/postedSalesShipments/${posted.shipmentNo}`)).lines[0]).toMatchObject({ quantity: '4.00000', quantityBase: '48.00000', blanketOrderNo: 'BO0001' });
    expect(quantities(await blanketLine())).toEqual({ quantityShipped: '4.00000', quantityInvoiced: '4.00000', quantityToShip: '6.00000', outstandingQuantity: '6.00000' });
    await linkedOrder('3');
    const exceeded = await refused('PATCH', `${blanketOrders}/BO0001/lines/10000`, { quantityToShip: '4' }, 'BLANKET_QTY_EXCEEDED');
    expect(exceeded.detail).toContain('Qty. to Ship (Base) 48 of item X in line 10000 of blanket order BO0001 cannot be more than 36: Outstanding Qty. (Base) 72 − Unposted Qty. on orders (Base) 36 = 36');
    expect(await get(`${blanketOrders}/BO0001/lines/10000/linkedDocuments`)).toMatchObject({ quantityOnOrdersBase: '36.00000', possibleQuantityToShip: '3.00000' });
    await refused('POST', `${blanketOrders}/BO0001/makeOrder`, undefined, 'BLANKET_QTY_EXCEEDED');
    await ok('PATCH', `${blanketOrders}/BO0001/lines/10000`, { quantityToShip: '3' });
    expect((await ok('POST', `${blanketOrders}/BO0001/makeOrder`)).lines[0]).toMatchObject({ quantity: '3.00000', quantityBase: '36.00000' });
  });

  it('takes an undone shipment off the blanket line', async () => {
    await blanketAndOrder('100');
    const posted = await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true });
    expect(quantities(await blanketLine())).toMatchObject({ quantityShipped: '100.00000', quantityToShip: '150.00000' });
    await ok('POST', `/api/v1/postedSalesShipments/${posted.shipmentNo}/undo`, { lineNos: [10000] });
    expect(quantities(await blanketLine())).toEqual({ quantityShipped: '0.00000', quantityInvoiced: '0.00000', quantityToShip: '150.00000', outstandingQuantity: '250.00000' });
  });
});

describe('lines that come to an invoice from elsewhere (§14.3, §13.1, §8)', () => {
  it('invoices a linked shipment through Get Shipment Lines as invoiced only, not shipped again', async () => {
    await blanketAndOrder('250');
    await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true });
    const invoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C' });
    const filled = await ok('POST', `/api/v1/salesInvoices/${invoice.no}/getShipmentLines`, { lines: [{ documentNo: 'PS0001', lineNo: 10000 }] });
    expect(filled.lines.find((line: Line) => line.shipmentNo === 'PS0001')).toMatchObject({ blanketOrderNo: 'BO0001', blanketOrderLineNo: 10000, quantity: '250.00000' });
    await ok('POST', `/api/v1/salesInvoices/${invoice.no}/post`);
    expect(quantities(await blanketLine())).toEqual({ quantityShipped: '250.00000', quantityInvoiced: '250.00000', quantityToShip: '0.00000', outstandingQuantity: '0.00000' });
    // The order, invoiced through the invoice, still links to the blanket order until Delete Invoiced Sales Orders removes it.
    expect((await ok('POST', `${blanketOrders}/deleteInvoiced`)).deleted).toEqual([]);
    expect((await ok('POST', '/api/v1/salesOrders/deleteInvoiced')).deleted).toEqual(['SO0001']);
    expect((await ok('POST', `${blanketOrders}/deleteInvoiced`)).deleted).toEqual(['BO0001']);
  });

  // Two connections: PGlite has one (its transactions take turns), so this runs on a server only.
  it.skipIf(!process.env.TEST_DATABASE_URL)('keeps a blanket order that a user raised while Delete Invoiced waited for it', async () => {
    await blanketAndOrder('250');
    await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true, invoice: true });
    expect((await ok('POST', '/api/v1/salesOrders/deleteInvoiced')).deleted).toEqual([]);
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let raised!: () => void;
    const lineRaised = new Promise<void>((resolve) => { raised = resolve; });
    // The user's change: the header locked, the line raised to 300 (50 left to ship), committed once Delete Invoiced waits.
    const change = api.db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from sales_header where document_type = 'blanketOrder' and no = 'BO0001' for update`);
      await tx.execute(sql`update sales_line set quantity = 300 where document_type = 'blanketOrder' and document_no = 'BO0001'`);
      raised();
      await held;
    });
    await lineRaised;
    const deleting = ok('POST', `${blanketOrders}/deleteInvoiced`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await change;
    expect((await deleting).deleted).toEqual([]);
    expect((await blanketLine()).quantity).toBe('300.00000');
  });

  it('refuses to post an invoice copied from a posted invoice when the blanket line is delivered already', async () => {
    await blanketAndOrder('250');
    await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true, invoice: true });
    const invoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C' });
    const copied = await ok('POST', `/api/v1/salesInvoices/${invoice.no}/copyDocument`, { sourceDocumentType: 'postedInvoice', sourceNo: 'PI0001' });
    expect(copied.lines[0]).toMatchObject({ quantity: '250.00000', blanketOrderNo: 'BO0001', blanketOrderLineNo: 10000 });
    const exceeded = await refused('POST', `/api/v1/salesInvoices/${invoice.no}/post`, undefined, 'BLANKET_SHIPPED_EXCEEDED');
    expect(exceeded.detail).toContain(`posting sales invoice ${invoice.no} would make it 500`);
    expect((await send('GET', '/api/v1/postedSalesInvoices/PI0002')).statusCode).toBe(404);
    expect(quantities(await blanketLine())).toMatchObject({ quantityShipped: '250.00000', quantityInvoiced: '250.00000' });
    // Fully invoiced, but the copied invoice still links to it: Delete Invoiced keeps it until that invoice goes.
    expect((await ok('POST', `${blanketOrders}/deleteInvoiced`)).deleted).toEqual([]);
    await ok('DELETE', `/api/v1/salesInvoices/${invoice.no}`);
    expect((await ok('POST', `${blanketOrders}/deleteInvoiced`)).deleted).toEqual(['BO0001']);
    expect((await send('GET', `${blanketOrders}/BO0001`)).statusCode).toBe(404);
  });
});

describe('what comes back (§14.3, §18.3)', () => {
  it('cancelling a posted invoice gives its quantity back to the blanket line, which can deliver it again', async () => {
    await blanketAndOrder('100');
    await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true, invoice: true });
    expect(quantities(await blanketLine())).toMatchObject({ quantityShipped: '100.00000', quantityInvoiced: '100.00000', quantityToShip: '150.00000' });
    const cancelled = await ok('POST', '/api/v1/postedSalesInvoices/PI0001/cancel');
    expect((await get(`/api/v1/postedSalesCreditMemos/${cancelled.postedCreditMemoNo}`)).lines[0]).toMatchObject({ quantity: '100.00000', blanketOrderNo: 'BO0001', blanketOrderLineNo: 10000 });
    expect(quantities(await blanketLine())).toEqual({ quantityShipped: '0.00000', quantityInvoiced: '0.00000', quantityToShip: '150.00000', outstandingQuantity: '250.00000' });
    await ok('PATCH', `${blanketOrders}/BO0001/lines/10000`, { quantityToShip: '250' });
    expect((await ok('POST', `${blanketOrders}/BO0001/makeOrder`)).lines[0]).toMatchObject({ quantity: '250.00000' });
  });
});

describe('delete rules (§14.4)', () => {
  it('refuses to delete a blanket order, or its line, while an unposted line is linked, naming it', async () => {
    await blanketAndOrder('100');
    const whole = await refused('DELETE', `${blanketOrders}/BO0001`, undefined, 'BLANKET_ORDER_LINE_LINKED');
    expect(whole.detail).toBe('Blanket order BO0001 cannot be deleted: line 10000 of blanket order BO0001 is linked to line 10000 of sales order SO0001; delete or post that line first.');
    await refused('DELETE', `${blanketOrders}/BO0001/lines/10000`, undefined, 'BLANKET_ORDER_LINE_LINKED');
    await refused('PATCH', `${blanketOrders}/BO0001/lines/10000`, { unitOfMeasureCode: 'BOX' }, 'BLANKET_ORDER_LINE_LINKED');
    // Only fully invoiced blanket orders go with Delete Invoiced.
    expect((await ok('POST', `${blanketOrders}/deleteInvoiced`)).deleted).toEqual([]);
    await ok('DELETE', '/api/v1/salesOrders/SO0001');
    await ok('DELETE', `${blanketOrders}/BO0001`);
    expect((await send('GET', `${blanketOrders}/BO0001`)).statusCode).toBe(404);
  });
});
