import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { blanketRequests, givenBlanketCompany } from '../../support/given-blanket.ts';
import { created, givenCustomer } from '../../support/given.ts';

/**
 * Issue 15, points 1–4: blanket sales orders (spec §14, worked example 5) over HTTP — the document,
 * Make Order with its checks, linking by hand, posting linked lines, and the delete rules.
 * Item X sells at 20.00 per PCS and comes in BOX of 12; 3,000 PCS are on hand.
 */
const workDate = { 'x-work-date': '2026-01-02' };

type Line = { lineNo: number; type: string; no: string; [field: string]: unknown };
type Document = { no: string; lines: Line[]; totals: Record<string, string>; [field: string]: unknown };

let api: TestApi;

beforeEach(async () => {
  api = await testApi();
  await givenBlanketCompany(api);
});
afterEach(async () => api.close());

const { send, get, ok, refused } = blanketRequests(() => api, workDate);
const lineOf = (document: Document, lineNo: number) => document.lines.find((line) => line.lineNo === lineNo)!;
const blanketOrders = '/api/v1/salesBlanketOrders';

/** BO-1 of worked example 5: four lines of 250 PCS of X at 20.00, shipment dates Jan 5/12/19/26. */
function blanketOf(lines: Array<Record<string, unknown>>, customerNo = 'C'): Promise<Document> {
  return ok('POST', blanketOrders, { sellToCustomerNo: customerNo, lines: lines.map((line) => ({ type: 'item', no: 'X', ...line })) });
}
const workedExample5 = () => blanketOf(['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26'].map((shipmentDate) => ({ quantity: '250', shipmentDate })));

describe('a blanket sales order (§14.1)', () => {
  it('is a sales document with lines, release and reopen, whose Qty. to Ship defaults to outstanding; it never posts', async () => {
    const blanket = await workedExample5();
    expect(blanket).toMatchObject({ no: 'BO0001', documentType: 'blanketOrder', postingDate: null, status: 'open' });
    expect(lineOf(blanket, 10000)).toMatchObject({
      quantity: '250.00000', quantityToShip: '250.00000', quantityShipped: '0.00000', quantityInvoiced: '0.00000', outstandingQuantity: '250.00000',
      unitPrice: '20.00000', lineAmount: '5000.00', shipmentDate: '2026-01-05', blanketOrderNo: null,
    });
    expect(blanket.totals).toMatchObject({ amount: '20000.00', amountIncludingVat: '25000.00' });
    expect((await get(blanketOrders)).items).toEqual([expect.objectContaining({ no: 'BO0001', amount: '20000.00' })]);
    expect((await ok('POST', `${blanketOrders}/BO0001/release`)).status).toBe('released');
    expect((await ok('POST', `${blanketOrders}/BO0001/reopen`)).status).toBe('open');
    const changed = await ok('PATCH', `${blanketOrders}/BO0001/lines/40000`, { quantity: '200' });
    expect(lineOf(changed, 40000)).toMatchObject({ quantity: '200.00000', quantityToShip: '200.00000', lineAmount: '4000.00' });
    expect(await get(`${blanketOrders}/BO0001/statistics`)).toMatchObject({ quantity: '950.00000', quantityShipped: '0.00000', outstandingQuantity: '950.00000' });
    expect((await send('POST', `${blanketOrders}/BO0001/post`, {})).statusCode).toBe(404);
  });

  it('is no demand: an order for what the stock holds warns of no stockout, whatever blanket orders say', async () => {
    await blanketOf([{ quantity: '2500' }]);
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'X', quantity: '2900' }] });
    expect(order.warnings.map((warning: { code: string }) => warning.code)).not.toContain('STOCKOUT');
    const second = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'X', quantity: '200' }] });
    expect(second.warnings).toContainEqual(expect.objectContaining({ code: 'STOCKOUT', details: expect.objectContaining({ availableQuantity: '100' }) }));
  });
});

describe('worked example 5 (§14.5)', () => {
  it('makes SO-10 of line 1, posts it, refuses 10 more on line 1 and 300 on line 2, then makes an order of 250', async () => {
    await workedExample5();
    for (const lineNo of [20000, 30000, 40000]) await ok('PATCH', `${blanketOrders}/BO0001/lines/${lineNo}`, { quantityToShip: '0' });
    const order = await ok('POST', `${blanketOrders}/BO0001/makeOrder`);
    expect(order).toMatchObject({ no: 'SO0001', documentType: 'order', status: 'open', orderDate: '2026-01-02', postingDate: '2026-01-02' });
    expect(order.lines).toEqual([expect.objectContaining({
      lineNo: 10000, type: 'item', no: 'X', quantity: '250.00000', quantityToShip: '250.00000', unitPrice: '20.00000', lineAmount: '5000.00',
      shipmentDate: '2026-01-05', blanketOrderNo: 'BO0001', blanketOrderLineNo: 10000,
    })]);
    expect(order.totals).toMatchObject({ amount: '5000.00', vatAmount: '1250.00', amountIncludingVat: '6250.00' });
    const kept = await get(`${blanketOrders}/BO0001`);
    expect(kept.lines.map((line: Line) => line.quantityToShip)).toEqual(['0.00000', '0.00000', '0.00000', '0.00000']);

    const posted = await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true, invoice: true });
    expect(posted).toMatchObject({ documentDeleted: true, shipmentNo: 'PS0001', invoiceNo: 'PI0001' });
    expect(lineOf(await get(`${blanketOrders}/BO0001`), 10000)).toMatchObject({
      quantity: '250.00000', quantityShipped: '250.00000', quantityInvoiced: '250.00000', outstandingQuantity: '0.00000', quantityToShip: '0.00000',
    });
    const invoice = await get('/api/v1/postedSalesInvoices/PI0001');
    expect(invoice).toMatchObject({ amount: '5000.00', amountIncludingVat: '6250.00' });
    expect(invoice.lines[0]).toMatchObject({ quantity: '250.00000', blanketOrderNo: 'BO0001', blanketOrderLineNo: 10000 });

    const tenMore = await refused('PATCH', `${blanketOrders}/BO0001/lines/10000`, { quantityToShip: '10' }, 'BLANKET_QTY_EXCEEDED');
    expect(tenMore.detail).toContain('Qty. to Ship (Base) 10 of item X in line 10000 of blanket order BO0001 cannot be more than 0');
    expect(tenMore.errors).toEqual([expect.objectContaining({ field: 'quantityToShip' })]);
    await refused('POST', `${blanketOrders}/BO0001/makeOrder`, undefined, 'NOTHING_TO_CREATE');
    const tooMuch = await refused('PATCH', `${blanketOrders}/BO0001/lines/20000`, { quantityToShip: '300' }, 'BLANKET_QTY_EXCEEDED');
    expect(tooMuch.detail).toContain('cannot be more than 250');
    await ok('PATCH', `${blanketOrders}/BO0001/lines/20000`, { quantityToShip: '250' });
    const second = await ok('POST', `${blanketOrders}/BO0001/makeOrder`);
    expect(second.no).toBe('SO0002');
    expect(second.lines).toEqual([expect.objectContaining({ quantity: '250.00000', shipmentDate: '2026-01-12', blanketOrderLineNo: 20000, lineAmount: '5000.00' })]);
  });

  it('navigates from a blanket line to every linked line, posted or not', async () => {
    await workedExample5();
    await ok('PATCH', `${blanketOrders}/BO0001/lines/10000`, { quantityToShip: '100' });
    for (const lineNo of [20000, 30000, 40000]) await ok('PATCH', `${blanketOrders}/BO0001/lines/${lineNo}`, { quantityToShip: '0' });
    await ok('POST', `${blanketOrders}/BO0001/makeOrder`);
    await ok('POST', '/api/v1/salesOrders/SO0001/post', { ship: true, invoice: true });
    await ok('PATCH', `${blanketOrders}/BO0001/lines/10000`, { quantityToShip: '30' });
    await ok('POST', `${blanketOrders}/BO0001/makeOrder`);
    const links = await get(`${blanketOrders}/BO0001/lines/10000/linkedDocuments`);
    expect(links).toMatchObject({
      quantity: '250.00000', quantityShipped: '100.00000', quantityInvoiced: '100.00000', outstandingQuantity: '150.00000',
      quantityOnOrdersBase: '30.00000', possibleQuantityToShip: '120.00000',
    });
    expect(links.items.map((item: Record<string, unknown>) => [item.posted, item.documentType, item.resource, item.documentNo, item.quantity])).toEqual([
      [false, 'order', 'salesOrders', 'SO0002', '30.00000'],
      [true, 'shipment', 'postedSalesShipments', 'PS0001', '100.00000'],
      [true, 'invoice', 'postedSalesInvoices', 'PI0001', '100.00000'],
    ]);
    expect((await send('GET', `${blanketOrders}/BO0001/lines/90000/linkedDocuments`)).statusCode).toBe(404);
  });
});

describe('Make Order (§14.2)', () => {
  it('refuses a Qty. to Ship that the unposted linked orders no longer leave, creating nothing', async () => {
    await blanketOf([{ quantity: '250' }]);
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'X', quantity: '100' }] });
    await ok('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { blanketOrderNo: 'BO0001', blanketOrderLineNo: 10000 });
    const exceeded = await refused('POST', `${blanketOrders}/BO0001/makeOrder`, undefined, 'BLANKET_QTY_EXCEEDED');
    expect(exceeded.detail).toContain('Qty. to Ship (Base) 250 of item X in line 10000 of blanket order BO0001 cannot be more than 150');
    expect(exceeded.detail).toContain('Unposted Qty. on orders (Base) 100');
    expect((await get('/api/v1/salesOrders')).items).toHaveLength(1);
    expect(lineOf(await get(`${blanketOrders}/BO0001`), 10000).quantityToShip).toBe('250.00000');

    await refused('PATCH', `${blanketOrders}/BO0001/lines/10000`, { quantityToShip: '151' }, 'BLANKET_QTY_EXCEEDED');
    await ok('PATCH', `${blanketOrders}/BO0001/lines/10000`, { quantityToShip: '150' });
    expect((await ok('POST', `${blanketOrders}/BO0001/makeOrder`)).lines[0]).toMatchObject({ quantity: '150.00000' });
    // Raising the blanket quantity defaults Qty. to Ship to what the two orders leave, not to the whole outstanding quantity.
    const raised = await ok('PATCH', `${blanketOrders}/BO0001/lines/10000`, { quantity: '300' });
    expect(lineOf(raised, 10000)).toMatchObject({ outstandingQuantity: '300.00000', quantityToShip: '50.00000' });
  });

  it('copies prices and discounts as they are, and prorates the invoice discount to the quantity taken', async () => {
    await blanketOf([
      { quantity: '250', unitPrice: '18.5', lineDiscountPercent: '10' },
      { type: 'comment', no: undefined, description: 'Deliver to gate 4' },
      { quantity: '100', quantityToShip: '0' },
    ]);
    await ok('PATCH', `${blanketOrders}/BO0001`, { invoiceDiscountAmount: '500' });
    await ok('PATCH', `${blanketOrders}/BO0001/lines/10000`, { quantityToShip: '100' });
    const blanket = await get(`${blanketOrders}/BO0001`);
    // 500.00 spread over 4162.50 + 2000.00: 337.73 on line 1, of which 100/250 go to the order.
    expect(lineOf(blanket, 10000)).toMatchObject({ lineAmount: '4162.50', invoiceDiscountAmount: '337.73' });
    // The item's price has changed since: the order keeps the blanket's.
    await ok('PATCH', '/api/v1/items/X', { unitPrice: '25' });
    const order = await ok('POST', `${blanketOrders}/BO0001/makeOrder`);
    expect(order.lines.map((line: Line) => [line.lineNo, line.type, line.quantity, line.blanketOrderLineNo])).toEqual([
      [10000, 'item', '100.00000', 10000], [20000, 'comment', '0.00000', 20000],
    ]);
    expect(lineOf(order, 10000)).toMatchObject({ unitPrice: '18.50000', lineDiscountPercent: '10.00000', lineAmount: '1665.00', invoiceDiscountAmount: '135.09' });
    expect(order).toMatchObject({ invoiceDiscountCalculation: 'amount', invoiceDiscountValue: '135.09000' });
    expect(order.totals).toMatchObject({ amount: '1529.91', vatAmount: '382.48', amountIncludingVat: '1912.39' });
  });

  it('calculates the invoice discount again when the setup calculates it', async () => {
    await created(api.as('admin'), '/api/v1/customerInvoiceDiscounts', { code: 'C', minimumAmount: '1000', discountPercent: '5' });
    await ok('PATCH', '/api/v1/salesReceivablesSetup', { calculateInvoiceDiscount: true });
    await blanketOf([{ quantity: '250' }]);
    await ok('PATCH', `${blanketOrders}/BO0001`, { invoiceDiscountAmount: '500' });
    await ok('PATCH', `${blanketOrders}/BO0001/lines/10000`, { quantityToShip: '100' });
    const order = await ok('POST', `${blanketOrders}/BO0001/makeOrder`);
    expect(order).toMatchObject({ invoiceDiscountCalculation: 'percent', invoiceDiscountValue: '5.00000' });
    expect(order.totals).toMatchObject({ lineAmount: '2000.00', invoiceDiscountAmount: '100.00', amount: '1900.00' });
  });

  it('is refused for a blocked customer or item, with nothing created', async () => {
    await blanketOf([{ quantity: '10' }]);
    await ok('PATCH', '/api/v1/items/X', { blocked: true });
    await refused('POST', `${blanketOrders}/BO0001/makeOrder`, undefined, 'ITEM_BLOCKED');
    await ok('PATCH', '/api/v1/items/X', { blocked: false });
    await ok('PATCH', '/api/v1/customers/C', { blocked: 'all' });
    await refused('POST', `${blanketOrders}/BO0001/makeOrder`, undefined, 'CUSTOMER_BLOCKED');
    expect((await get('/api/v1/salesOrders')).items).toEqual([]);
  });
});

describe('linking an order or invoice line by hand (§14.1)', () => {
  it('takes the blanket line\'s location, unit, price and discount, and keeps them', async () => {
    await blanketOf([{ quantity: '10', unitOfMeasureCode: 'BOX', locationCode: 'BLUE', unitPrice: '230', lineDiscountPercent: '5' }]);
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'X', quantity: '2' }] });
    expect(lineOf(order, 10000)).toMatchObject({ unitOfMeasureCode: 'PCS', unitPrice: '20.00000' });
    const linked = await ok('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { blanketOrderNo: 'bo0001', blanketOrderLineNo: 10000 });
    expect(lineOf(linked, 10000)).toMatchObject({
      blanketOrderNo: 'BO0001', blanketOrderLineNo: 10000, unitOfMeasureCode: 'BOX', quantityPerUnitOfMeasure: '12.00000', quantityBase: '24.00000',
      locationCode: 'BLUE', unitPrice: '230.00000', lineDiscountPercent: '5.00000', lineAmount: '437.00',
    });
    // A new quantity does not price the line again.
    expect(lineOf(await ok('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantity: '3' }), 10000)).toMatchObject({ unitPrice: '230.00000', lineAmount: '655.50' });
    await refused('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { unitOfMeasureCode: 'PCS' }, 'BLANKET_LINE_MISMATCH');
    await refused('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { no: '1000' }, 'BLANKET_LINE_MISMATCH');
    const unlinked = await ok('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { blanketOrderNo: null });
    expect(lineOf(unlinked, 10000)).toMatchObject({ blanketOrderNo: null, blanketOrderLineNo: null, unitPrice: '230.00000' });
  });

  it('requires the same type, item, unit and customers, on order and invoice lines only', async () => {
    await blanketOf([{ quantity: '10', unitOfMeasureCode: 'BOX' }]);
    await givenCustomer(api.as('admin'), 'D');
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'X', quantity: '2' }, { type: 'item', no: '1000', quantity: '1' }] });
    const url = `/api/v1/salesOrders/${order.no}/lines`;
    const link = { blanketOrderNo: 'BO0001', blanketOrderLineNo: 10000 };
    expect((await refused('PATCH', `${url}/20000`, link, 'BLANKET_LINE_MISMATCH')).errors).toEqual([expect.objectContaining({ field: 'no' })]);
    expect((await refused('PATCH', `${url}/10000`, { ...link, unitOfMeasureCode: 'PCS' }, 'BLANKET_LINE_MISMATCH')).detail).toContain('Unit of Measure Code (PCS) must be the blanket line\'s (BOX)');
    await refused('PATCH', `${url}/10000`, { ...link, blanketOrderLineNo: 20000 }, 'RELATED_RECORD_NOT_FOUND');
    await refused('PATCH', `${url}/10000`, { blanketOrderNo: 'BO0001' }, 'BLANKET_LINK_NOT_ALLOWED');
    const other = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'D', lines: [{ type: 'item', no: 'X', quantity: '2' }] });
    expect((await refused('PATCH', `/api/v1/salesOrders/${other.no}/lines/10000`, link, 'BLANKET_LINE_MISMATCH')).detail).toContain('Sell-to Customer No.');
    const quote = await ok('POST', '/api/v1/salesQuotes', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'X', quantity: '2' }] });
    await refused('PATCH', `/api/v1/salesQuotes/${quote.no}/lines/10000`, link, 'BLANKET_LINK_NOT_ALLOWED');
    await refused('PATCH', `${blanketOrders}/BO0001/lines/10000`, link, 'BLANKET_LINK_NOT_ALLOWED');
    // An invoice line, linked as it is inserted.
    const invoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'X', quantity: '1', ...link }] });
    expect(lineOf(invoice, 10000)).toMatchObject({ unitOfMeasureCode: 'BOX', blanketOrderNo: 'BO0001', quantityBase: '12.00000' });
  });
});
