import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import { created, givenCustomer, givenSalesCompany } from '../../support/given.ts';

let api: TestApi;
let admin: Awaited<ReturnType<typeof givenSalesCompany>>;
beforeEach(async () => { api = await testApi(); admin = await givenSalesCompany(api); });
afterEach(() => api.close());

const fields = (response: { json(): { errors?: { field: string }[] } }) => response.json().errors?.map((error) => error.field);

describe('worked example 1 (§7.11): order line amounts and quantities before posting', () => {
  it('computes the discount, amount, VAT and quantities to handle to the cent', async () => {
    const order = await created(admin, '/api/v1/salesOrders', {
      sellToCustomerNo: 'C', orderDate: '2026-03-02', postingDate: '2026-03-02', documentDate: '2026-03-02',
      lines: [{ type: 'item', no: '1000', quantity: '10', unitPrice: '100', lineDiscountPercent: '10' }],
    });
    expect(order.no).toBe('SO0001');
    expect(order.dueDate).toBe('2026-03-16');
    const [line] = order.lines;
    expect(line).toMatchObject({
      lineNo: 10000, description: 'Bicycle', unitOfMeasureCode: 'PCS', lineDiscountAmount: '100.00', lineAmount: '900.00',
      amount: '900.00', amountIncludingVat: '1125.00', vatPercent: '25.00000', vatIdentifier: 'VAT25',
      quantityToShip: '10.00000', quantityToInvoice: '10.00000', outstandingQuantity: '10.00000',
    });
    expect(order.totals).toMatchObject({ amount: '900.00', vatAmount: '225.00', amountIncludingVat: '1125.00' });
    const partial = await admin('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantityToShip: '6' });
    expect(partial.statusCode).toBe(200);
    // Qty. to Invoice follows: at most what is shipped now or before and not yet invoiced (6 + 0 − 0).
    expect(partial.json().lines[0]).toMatchObject({ quantityToShip: '6.00000', quantityToInvoice: '6.00000' });
    const invoiceLess = await admin('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantityToInvoice: '7' });
    expect(invoiceLess.json().code).toBe('INVOICE_MORE_THAN_SHIPPED');
  });
});

describe('worked example 2 (§7.12): invoice with an item line and a G/L account line', () => {
  it('totals 850.00 + 212.50 VAT = 1062.50', async () => {
    const invoice = await created(admin, '/api/v1/salesInvoices', {
      sellToCustomerNo: 'C',
      lines: [{ type: 'item', no: 'A', quantity: '8' }, { type: 'glAccount', no: '6100', quantity: '1', unitPrice: '50' }],
    });
    expect(invoice.lines.map((line: { lineAmount: string }) => line.lineAmount)).toEqual(['800.00', '50.00']);
    expect(invoice.lines[1]).toMatchObject({ description: 'Freight', vatIdentifier: 'VAT25', quantityToShip: '1.00000', quantityToInvoice: '1.00000' });
    expect(invoice.totals).toMatchObject({ amount: '850.00', vatAmount: '212.50', amountIncludingVat: '1062.50' });
  });
});

describe('invoice discount (§10.4, worked example 3)', () => {
  beforeEach(async () => {
    await created(admin, '/api/v1/customerInvoiceDiscounts', { code: 'C', minimumAmount: '0', discountPercent: '0' });
    await created(admin, '/api/v1/customerInvoiceDiscounts', { code: 'C', minimumAmount: '1000', discountPercent: '5' });
  });

  it('gives 5 % on a base of 1050.00, split 40.00 / 12.50, total 1246.88', async () => {
    const invoice = await created(admin, '/api/v1/salesInvoices', {
      sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '8' }, { type: 'item', no: 'B', quantity: '5' }],
    });
    const calculated = (await admin('POST', `/api/v1/salesInvoices/${invoice.no}/calculateInvoiceDiscount`)).json();
    expect(calculated.lines.map((line: { invoiceDiscountAmount: string }) => line.invoiceDiscountAmount)).toEqual(['40.00', '12.50']);
    expect(calculated).toMatchObject({ invoiceDiscountCalculation: 'percent', invoiceDiscountValue: '5.00000' });
    expect(calculated.totals).toMatchObject({ invoiceDiscountAmount: '52.50', amount: '997.50', vatAmount: '249.38', amountIncludingVat: '1246.88' });
    const statistics = (await admin('GET', `/api/v1/salesInvoices/${invoice.no}/statistics`)).json();
    expect(statistics.vatBreakdown).toEqual([expect.objectContaining({ vatIdentifier: 'VAT25', vatBaseAmount: '997.50', vatAmount: '249.38', amountIncludingVat: '1246.88' })]);
    expect(statistics).toMatchObject({ costLcy: '590.00', amountLcy: '997.50', profitLcy: '407.50' });
  });

  it('gives nothing when line B does not allow the discount (base 800.00 < 1000)', async () => {
    const invoice = await created(admin, '/api/v1/salesInvoices', {
      sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '8' }, { type: 'item', no: 'B', quantity: '5', allowInvoiceDiscount: false }],
    });
    const calculated = (await admin('POST', `/api/v1/salesInvoices/${invoice.no}/calculateInvoiceDiscount`)).json();
    expect(calculated.totals).toMatchObject({ invoiceDiscountAmount: '0.00', amountIncludingVat: '1312.50' });
  });

  it('takes a discount amount typed on the header and refuses one larger than the base', async () => {
    const invoice = await created(admin, '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '8' }, { type: 'item', no: 'B', quantity: '5' }] });
    const typed = (await admin('PATCH', `/api/v1/salesInvoices/${invoice.no}`, { invoiceDiscountAmount: '100' })).json();
    expect(typed.totals).toMatchObject({ invoiceDiscountAmount: '100.00', amount: '950.00' });
    const tooMuch = await admin('PATCH', `/api/v1/salesInvoices/${invoice.no}`, { invoiceDiscountAmount: '2000' });
    expect(tooMuch.statusCode).toBe(422);
    expect((await admin('GET', `/api/v1/salesInvoices/${invoice.no}`)).json().totals.invoiceDiscountAmount).toBe('100.00');
  });
});

describe('best price and line discount (§10.3 example)', () => {
  beforeEach(async () => {
    await created(admin, '/api/v1/customerPriceGroups', { code: 'RETAIL' });
    await created(admin, '/api/v1/customerDiscountGroups', { code: 'LARGE' });
    await givenCustomer(admin, 'R', { customerPriceGroup: 'RETAIL', customerDiscountGroup: 'LARGE' });
    await created(admin, '/api/v1/salesPrices', { itemNo: 'B', salesType: 'allCustomers', minimumQuantity: '10', unitPrice: '45' });
    await created(admin, '/api/v1/salesPrices', { itemNo: 'B', salesType: 'customerPriceGroup', salesCode: 'RETAIL', unitPrice: '48' });
    await created(admin, '/api/v1/salesLineDiscounts', { type: 'itemDiscountGroup', code: 'FURN', salesType: 'customerDiscountGroup', salesCode: 'LARGE', lineDiscountPercent: '5' });
    await created(admin, '/api/v1/salesLineDiscounts', { type: 'item', code: 'B', salesType: 'customer', salesCode: 'R', minimumQuantity: '20', lineDiscountPercent: '8' });
  });

  it('picks the lowest price and the highest discount for the quantity, and re-prices when it changes', async () => {
    const order = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'R', lines: [{ type: 'item', no: 'B', quantity: '5' }] });
    expect(order.lines[0]).toMatchObject({ unitPrice: '48.00000', lineDiscountPercent: '5.00000' });
    const twelve = (await admin('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantity: '12' })).json();
    expect(twelve.lines[0]).toMatchObject({ unitPrice: '45.00000', lineDiscountPercent: '5.00000', lineAmount: '513.00' });
    const twenty = (await admin('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantity: '20' })).json();
    expect(twenty.lines[0]).toMatchObject({ unitPrice: '45.00000', lineDiscountPercent: '8.00000', lineAmount: '828.00' });
  });

  it('keeps a price the user typed, and gives the card price to a customer without agreements', async () => {
    const order = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'B', quantity: '5' }, { type: 'item', no: 'B', quantity: '5', unitPrice: '39.99' }] });
    expect(order.lines.map((line: { unitPrice: string }) => line.unitPrice)).toEqual(['50.00000', '39.99000']);
  });
});

describe('header defaults (§2.2, §11.1)', () => {
  it('invoices the bill-to customer and dates the terms from the document date', async () => {
    await givenCustomer(admin, 'HQ', { name: 'Head office', paymentTermsCode: '1M(8D)' });
    await givenCustomer(admin, 'BR', { name: 'Branch', billToCustomerNo: 'HQ', city: 'Delft' });
    const order = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'BR', documentDate: '2026-01-01' });
    expect(order).toMatchObject({
      sellToCustomerNo: 'BR', sellToName: 'Branch', shipToCity: 'Delft', billToCustomerNo: 'HQ', billToName: 'Head office',
      paymentTermsCode: '1M(8D)', dueDate: '2026-02-01', paymentDiscountDate: '2026-01-09', paymentDiscountPercent: '2.00000',
    });
    const moved = (await admin('PATCH', `/api/v1/salesOrders/${order.no}`, { documentDate: '2026-01-31' })).json();
    expect(moved).toMatchObject({ dueDate: '2026-02-28', paymentDiscountDate: '2026-02-08' });
  });

  it('takes the work date for new documents and the quote validity from the setup', async () => {
    const quote = (await admin('POST', '/api/v1/salesQuotes', { sellToCustomerNo: 'C' }, { 'x-work-date': '2026-05-10' })).json();
    // A quote is never posted: it has no posting date until it becomes an order or invoice.
    expect(quote).toMatchObject({ orderDate: '2026-05-10', postingDate: null, documentDate: '2026-05-10', quoteValidUntilDate: '2026-06-09' });
    const order = (await admin('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C' }, { 'x-work-date': '2026-05-10' })).json();
    expect(order).toMatchObject({ orderDate: '2026-05-10', postingDate: '2026-05-10', documentDate: '2026-05-10', quoteValidUntilDate: null });
  });
});

describe('status (§3)', () => {
  it('refuses to release a document with nothing on it', async () => {
    const order = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'comment', description: 'Call before delivery' }] });
    const response = await admin('POST', `/api/v1/salesOrders/${order.no}/release`);
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('NOTHING_TO_RELEASE');
  });

  it('locks amounts while released, keeps shipping fields editable, and opens again on reopen', async () => {
    const order = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '10' }] });
    const released = await admin('POST', `/api/v1/salesOrders/${order.no}/release`);
    expect(released.json().status).toBe('released');
    for (const [method, url, body] of [
      ['PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantity: '11' }],
      ['PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { unitPrice: '1' }],
      ['POST', `/api/v1/salesOrders/${order.no}/lines`, { type: 'item', no: 'A', quantity: '1' }],
      ['DELETE', `/api/v1/salesOrders/${order.no}/lines/10000`, undefined],
      ['PATCH', `/api/v1/salesOrders/${order.no}`, { currencyCode: null, pricesIncludingVat: true }],
    ] as const) {
      const refused = await admin(method, url, body);
      expect(refused.statusCode, `${method} ${url}`).toBe(422);
      expect(refused.json().code).toBe('STATUS_MUST_BE_OPEN');
    }
    expect((await admin('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantityToShip: '4' })).json().lines[0].quantityToShip).toBe('4.00000');
    expect((await admin('PATCH', `/api/v1/salesOrders/${order.no}`, { externalDocumentNo: 'PO-77' })).json().externalDocumentNo).toBe('PO-77');
    expect((await admin('POST', `/api/v1/salesOrders/${order.no}/reopen`)).json().status).toBe('open');
    expect((await admin('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantity: '11' })).json().lines[0].quantity).toBe('11.00000');
  });
});

describe('quantities (§4.1)', () => {
  it('refuses shipping more than is outstanding, the wrong sign, and partial quantities on an invoice', async () => {
    const order = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '5' }] });
    const tooMany = await admin('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantityToShip: '6' });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().code).toBe('SHIP_MORE_THAN_OUTSTANDING');
    const wrongSign = await admin('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantityToShip: '-1' });
    expect(wrongSign.statusCode).toBe(422);
    const invoice = await created(admin, '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '5' }] });
    expect((await admin('PATCH', `/api/v1/salesInvoices/${invoice.no}/lines/10000`, { quantityToShip: '2' })).statusCode).toBe(422);
    expect((await admin('GET', `/api/v1/salesOrders/${order.no}`)).json().lines[0].quantityToShip).toBe('5.00000');
  });
});

describe('refusals (§12)', () => {
  it.each([
    ['ship', 'salesOrders', 422], ['ship', 'salesInvoices', 201], ['invoice', 'salesInvoices', 422], ['invoice', 'salesCreditMemos', 201],
    ['all', 'salesCreditMemos', 422], ['all', 'salesQuotes', 422], ['ship', 'salesQuotes', 422], ['none', 'salesQuotes', 201],
  ] as const)('a customer blocked for %s: creating %s answers %i', async (blocked, resource, status) => {
    await givenCustomer(admin, 'X', { blocked });
    const response = await admin('POST', `/api/v1/${resource}`, { sellToCustomerNo: 'X' });
    expect(response.statusCode).toBe(status);
    if (status === 422) expect(response.json().code).toBe('CUSTOMER_BLOCKED');
  });

  it('refuses blocked and unknown items and unknown customers, changing nothing', async () => {
    await admin('PATCH', '/api/v1/items/B', { blocked: true });
    const blocked = await admin('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '1' }, { type: 'item', no: 'B', quantity: '1' }] });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json()).toMatchObject({ code: 'ITEM_BLOCKED', errors: [{ field: 'lines.1.no' }] });
    const unknown = await admin('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'NOPE', quantity: '1' }] });
    expect(unknown.json().code).toBe('RELATED_RECORD_NOT_FOUND');
    const nobody = await admin('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'NOBODY' });
    expect(nobody.json()).toMatchObject({ code: 'RELATED_RECORD_NOT_FOUND', errors: [{ field: 'sellToCustomerNo' }] });
    expect((await admin('GET', '/api/v1/salesOrders')).json().items).toEqual([]);
    expect((await admin('GET', '/api/v1/noSeries/S-ORD/nextNumber')).json().number).toBe('SO0001');
  });

  it('answers bad line input with 400 and the field path', async () => {
    const response = await admin('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: 'ten' }, { type: 'thing' }] });
    expect(response.statusCode).toBe(400);
    expect(fields(response)).toEqual(['lines.0.quantity', 'lines.1.type']);
  });

  it('warns, without refusing, when the credit limit is exceeded and stock is short', async () => {
    await givenCustomer(admin, 'L', { creditLimitLcy: '1000' });
    const order = await admin('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'L', lines: [{ type: 'item', no: '1000', quantity: '10' }] });
    expect(order.statusCode).toBe(201);
    const codes = order.json().warnings.map((warning: { code: string }) => warning.code);
    expect(codes).toContain('CREDIT_LIMIT_EXCEEDED');
    expect(codes).toContain('STOCKOUT');
    const small = (await admin('POST', '/api/v1/salesQuotes', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '1' }] })).json();
    expect(small.warnings).toEqual([]);
  });
});

describe('concurrent edits', () => {
  it('answers the later write made on a stale version with 409 and keeps the first', async () => {
    const order = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '1' }] });
    const first = await admin('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantity: '2' }, { 'if-match': `"${order.version}"` });
    expect(first.statusCode).toBe(200);
    const second = await admin('PATCH', `/api/v1/salesOrders/${order.no}/lines/10000`, { quantity: '3' }, { 'if-match': `"${order.version}"` });
    expect(second.statusCode).toBe(409);
    expect((await admin('GET', `/api/v1/salesOrders/${order.no}`)).json().lines[0].quantity).toBe('2.00000');
  });
});

describe('quote conversions (§7.1)', () => {
  async function quoteWithTwoLines() {
    return created(admin, '/api/v1/salesQuotes', {
      sellToCustomerNo: 'C', documentDate: '2026-04-01', externalDocumentNo: 'RFQ-9',
      lines: [{ type: 'item', no: 'A', quantity: '3', unitPrice: '95', lineDiscountPercent: '2' }, { type: 'comment', description: 'Delivery in May' }, { type: 'glAccount', no: '6100', quantity: '1', unitPrice: '25' }],
    });
  }

  it('makes an order with the quote number, same lines and prices, and deletes the quote', async () => {
    const quote = await quoteWithTwoLines();
    const response = await admin('POST', `/api/v1/salesQuotes/${quote.no}/makeOrder`, undefined, { 'x-work-date': '2026-04-15' });
    expect(response.statusCode).toBe(201);
    const order = response.json();
    expect(order).toMatchObject({ documentType: 'order', no: 'SO0001', quoteNo: quote.no, externalDocumentNo: 'RFQ-9', status: 'open', quoteValidUntilDate: null });
    expect(order.lines.map((line: { lineNo: number; unitPrice: string; lineAmount: string }) => [line.lineNo, line.unitPrice, line.lineAmount]))
      .toEqual(quote.lines.map((line: { lineNo: number; unitPrice: string; lineAmount: string }) => [line.lineNo, line.unitPrice, line.lineAmount]));
    expect(order.totals).toEqual(quote.totals);
    expect((await admin('GET', `/api/v1/salesQuotes/${quote.no}`)).statusCode).toBe(404);
  });

  it('makes an invoice the same way', async () => {
    const quote = await quoteWithTwoLines();
    const invoice = (await admin('POST', `/api/v1/salesQuotes/${quote.no}/makeInvoice`, undefined, { 'x-work-date': '2026-04-15' })).json();
    expect(invoice).toMatchObject({ documentType: 'invoice', no: 'SI0001', quoteNo: quote.no });
    expect(invoice.lines[0]).toMatchObject({ quantityToShip: '3.00000', quantityToInvoice: '3.00000' });
  });

  it('refuses an expired quote and keeps it', async () => {
    const quote = await quoteWithTwoLines();
    expect(quote.quoteValidUntilDate).toBe('2026-05-01');
    const expired = await admin('POST', `/api/v1/salesQuotes/${quote.no}/makeOrder`, undefined, { 'x-work-date': '2026-05-02' });
    expect(expired.statusCode).toBe(422);
    expect(expired.json().code).toBe('QUOTE_EXPIRED');
    expect((await admin('GET', `/api/v1/salesQuotes/${quote.no}`)).statusCode).toBe(200);
    expect((await admin('GET', '/api/v1/salesOrders')).json().items).toEqual([]);
  });
});

describe('copy document (§8)', () => {
  it('copies header and lines with their prices, or re-derives the prices on request', async () => {
    const source = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'C', externalDocumentNo: 'PO-1', lines: [{ type: 'item', no: 'A', quantity: '2', unitPrice: '80' }] });
    await givenCustomer(admin, 'D');
    const target = await created(admin, '/api/v1/salesInvoices', { sellToCustomerNo: 'D', lines: [{ type: 'item', no: 'B', quantity: '1' }] });
    const copied = (await admin('POST', `/api/v1/salesInvoices/${target.no}/copyDocument`, { sourceDocumentType: 'order', sourceNo: source.no })).json();
    expect(copied).toMatchObject({ no: target.no, documentType: 'invoice', sellToCustomerNo: 'C', externalDocumentNo: 'PO-1' });
    expect(copied.lines.map((line: { no: string; unitPrice: string }) => [line.no, line.unitPrice])).toEqual([['A', '80.00000']]);
    const again = (await admin('POST', `/api/v1/salesInvoices/${target.no}/copyDocument`, { sourceDocumentType: 'order', sourceNo: source.no, includeHeader: false })).json();
    expect(again.lines.map((line: { lineNo: number; unitPrice: string }) => [line.lineNo, line.unitPrice])).toEqual([[10000, '80.00000'], [20000, '100.00000']]);
  });

  it('refuses to copy into a released document or from a missing one', async () => {
    const target = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '1' }] });
    expect((await admin('POST', `/api/v1/salesOrders/${target.no}/copyDocument`, { sourceDocumentType: 'quote', sourceNo: 'NOPE' })).statusCode).toBe(404);
    await admin('POST', `/api/v1/salesOrders/${target.no}/release`);
    const refused = await admin('POST', `/api/v1/salesOrders/${target.no}/copyDocument`, { sourceDocumentType: 'order', sourceNo: target.no });
    expect(refused.json().code).toBe('COPY_TARGET_NOT_OPEN');
  });
});

describe('prices including VAT', () => {
  it('converts unit prices when the document switches and computes VAT out of the amount', async () => {
    const invoice = await created(admin, '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '1' }] });
    const switched = (await admin('PATCH', `/api/v1/salesInvoices/${invoice.no}`, { pricesIncludingVat: true })).json();
    expect(switched.lines[0]).toMatchObject({ unitPrice: '125.00000', lineAmount: '125.00', amount: '100.00', amountIncludingVat: '125.00' });
  });
});

describe('lists and deletion', () => {
  it('lists documents of one type with their totals, filters them, and deletes one with its lines', async () => {
    const first = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '1' }] });
    await givenCustomer(admin, 'D');
    await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'D' });
    await created(admin, '/api/v1/salesQuotes', { sellToCustomerNo: 'C' });
    const orders = (await admin('GET', '/api/v1/salesOrders')).json().items;
    expect(orders.map((order: { no: string; amountIncludingVat: string }) => [order.no, order.amountIncludingVat])).toEqual([['SO0001', '125.00'], ['SO0002', '0.00']]);
    expect((await admin('GET', '/api/v1/salesOrders?sellToCustomerNo=d')).json().items.map((order: { no: string }) => order.no)).toEqual(['SO0002']);
    expect((await admin('DELETE', `/api/v1/salesOrders/${first.no}`)).statusCode).toBe(204);
    expect((await admin('GET', `/api/v1/salesOrders/${first.no}/lines`)).statusCode).toBe(404);
    expect((await api.as('viewer')('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C' })).statusCode).toBe(403);
    expect((await api.as('salesClerk')('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C' })).statusCode).toBe(201);
  });
});

describe('customers with documents (§12.2)', () => {
  it('refuses to delete a customer while a sales document for it is outstanding', async () => {
    await givenCustomer(admin, 'Q');
    const quote = await created(admin, '/api/v1/salesQuotes', { sellToCustomerNo: 'Q' });
    const refused = await admin('DELETE', '/api/v1/customers/Q');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('CUSTOMER_HAS_ACTIVITY');
    await admin('DELETE', `/api/v1/salesQuotes/${quote.no}`);
    expect((await admin('DELETE', '/api/v1/customers/Q')).statusCode).toBe(204);
  });
});

describe('acceptance scenario 8 (§25): line discount and Allow Line Disc.', () => {
  it('gives the group discount, and none to a customer that does not allow line discounts', async () => {
    await created(admin, '/api/v1/customerDiscountGroups', { code: 'LARGE' });
    await created(admin, '/api/v1/salesLineDiscounts', { type: 'itemDiscountGroup', code: 'FURN', salesType: 'customerDiscountGroup', salesCode: 'LARGE', lineDiscountPercent: '5' });
    await givenCustomer(admin, 'G', { customerDiscountGroup: 'LARGE' });
    await givenCustomer(admin, 'N', { customerDiscountGroup: 'LARGE', allowLineDiscount: false });
    const withDiscount = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'G', lines: [{ type: 'item', no: 'B', quantity: '5' }] });
    expect(withDiscount.lines[0].lineDiscountPercent).toBe('5.00000');
    const without = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'N', lines: [{ type: 'item', no: 'B', quantity: '5' }] });
    expect(without.lines[0].lineDiscountPercent).toBe('0.00000');
    const typed = await admin('PATCH', `/api/v1/salesOrders/${without.no}/lines/10000`, { lineDiscountPercent: '3' });
    expect(typed.json().code).toBe('LINE_DISCOUNT_NOT_ALLOWED');
  });
});

describe('acceptance scenario 9b (§25): service charge', () => {
  it('adds a system-created Service Charge line from the terms and removes it when the terms go', async () => {
    await created(admin, '/api/v1/glAccounts', { no: '8400', name: 'Service charges', incomeBalance: 'incomeStatement', directPosting: false, genProdPostingGroup: 'RETAIL', vatProdPostingGroup: 'VAT25' });
    await admin('PATCH', '/api/v1/customerPostingGroups/DOMESTIC', { serviceChargeAccount: '8400' });
    await givenCustomer(admin, 'C20000');
    const terms = await created(admin, '/api/v1/customerInvoiceDiscounts', { code: 'C20000', minimumAmount: '0', discountPercent: '0', serviceCharge: '10' });
    const invoice = await created(admin, '/api/v1/salesInvoices', { sellToCustomerNo: 'C20000', lines: [{ type: 'item', no: '1000', quantity: '1' }] });
    const charged = (await admin('POST', `/api/v1/salesInvoices/${invoice.no}/calculateInvoiceDiscount`)).json();
    expect(charged.lines[1]).toMatchObject({ type: 'glAccount', no: '8400', description: 'Service Charge', quantity: '1.00000', lineAmount: '10.00', systemCreatedEntry: true });
    expect(charged.totals).toMatchObject({ amount: '110.00', amountIncludingVat: '137.50' });
    const again = (await admin('POST', `/api/v1/salesInvoices/${invoice.no}/calculateInvoiceDiscount`)).json();
    expect(again.lines).toHaveLength(2);
    await admin('DELETE', `/api/v1/customerInvoiceDiscounts/${terms.id}`);
    const removed = (await admin('POST', `/api/v1/salesInvoices/${invoice.no}/calculateInvoiceDiscount`)).json();
    expect(removed.lines).toHaveLength(1);
    expect(removed.totals.amount).toBe('100.00');
  });
});

describe('changing the customer and the currency', () => {
  it('re-derives bill-to, terms and prices for a new customer', async () => {
    await created(admin, '/api/v1/customerPriceGroups', { code: 'VIP' });
    await created(admin, '/api/v1/salesPrices', { itemNo: 'A', salesType: 'customerPriceGroup', salesCode: 'VIP', unitPrice: '90' });
    await givenCustomer(admin, 'V', { name: 'Very important', customerPriceGroup: 'VIP', paymentTermsCode: '1M(8D)' });
    const order = await created(admin, '/api/v1/salesOrders', { sellToCustomerNo: 'C', documentDate: '2026-01-01', lines: [{ type: 'item', no: 'A', quantity: '2' }] });
    expect(order.lines[0].unitPrice).toBe('100.00000');
    const moved = (await admin('PATCH', `/api/v1/salesOrders/${order.no}`, { sellToCustomerNo: 'V' })).json();
    expect(moved).toMatchObject({ sellToCustomerNo: 'V', billToCustomerNo: 'V', billToName: 'Very important', paymentTermsCode: '1M(8D)', dueDate: '2026-02-01' });
    expect(moved.lines[0]).toMatchObject({ unitPrice: '90.00000', lineAmount: '180.00' });
  });

  it('prices a foreign-currency document at the exchange rate of its posting date', async () => {
    await created(admin, '/api/v1/currencies', { code: 'USD' });
    await created(admin, '/api/v1/currencies/USD/exchangeRates', { startingDate: '2026-01-01', exchangeRateAmount: '100', relationalExchangeRateAmount: '92.50' });
    await givenCustomer(admin, 'US', { currencyCode: 'USD' });
    const invoice = await created(admin, '/api/v1/salesInvoices', { sellToCustomerNo: 'US', postingDate: '2026-02-01', lines: [{ type: 'item', no: '1000', quantity: '1' }] });
    expect(invoice).toMatchObject({ currencyCode: 'USD', currencyFactor: '1.081081081081' });
    expect(invoice.lines[0].unitPrice).toBe('108.10811');
    const early = await admin('PATCH', `/api/v1/salesInvoices/${invoice.no}`, { postingDate: '2025-12-31' });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('EXCHANGE_RATE_MISSING');
    const statistics = (await admin('GET', `/api/v1/salesInvoices/${invoice.no}/statistics`)).json();
    expect(statistics).toMatchObject({ currencyCode: 'USD', amountLcy: '100.00' });
  });
});

describe('archiving and expired quotes (§7.1)', () => {
  it('archives a converted quote when Archive Quotes is Always, or when asked under Question', async () => {
    await admin('PATCH', '/api/v1/salesReceivablesSetup', { archiveQuotes: 'always' });
    const first = await created(admin, '/api/v1/salesQuotes', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '2' }] });
    await admin('POST', `/api/v1/salesQuotes/${first.no}/makeOrder`);
    const archives = (await admin('GET', `/api/v1/salesDocumentArchives?documentType=quote&no=${first.no}`)).json().items;
    expect(archives).toHaveLength(1);
    expect(archives[0]).toMatchObject({ versionNo: 1, reason: 'makeOrder', archivedBy: 'admin-user', header: expect.objectContaining({ no: first.no }) });
    expect(archives[0].lines[0]).toMatchObject({ no: 'A', quantity: '2.00000' });

    await admin('PATCH', '/api/v1/salesReceivablesSetup', { archiveQuotes: 'question' });
    const second = await created(admin, '/api/v1/salesQuotes', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '1' }] });
    await admin('POST', `/api/v1/salesQuotes/${second.no}/makeInvoice`);
    expect((await admin('GET', `/api/v1/salesDocumentArchives?no=${second.no}`)).json().items).toEqual([]);
    const third = await created(admin, '/api/v1/salesQuotes', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '1' }] });
    expect((await admin('POST', `/api/v1/salesQuotes/${third.no}/makeInvoice`, { archiveQuote: true })).statusCode).toBe(201);
    expect((await admin('GET', `/api/v1/salesDocumentArchives?no=${third.no}`)).json().items).toHaveLength(1);
    expect((await admin('POST', '/api/v1/salesDocumentArchives', {})).statusCode).toBe(404);
  });

  it('deletes the quotes that expired before a date and keeps the others', async () => {
    const old = await created(admin, '/api/v1/salesQuotes', { sellToCustomerNo: 'C', documentDate: '2026-01-01' });
    const fresh = await created(admin, '/api/v1/salesQuotes', { sellToCustomerNo: 'C', documentDate: '2026-03-01' });
    expect(old.quoteValidUntilDate).toBe('2026-01-31');
    const response = await admin('POST', '/api/v1/salesQuotes/deleteExpired', { before: '2026-02-15' });
    expect(response.json()).toEqual({ deleted: [old.no] });
    expect((await admin('GET', `/api/v1/salesQuotes/${old.no}`)).statusCode).toBe(404);
    expect((await admin('GET', `/api/v1/salesQuotes/${fresh.no}`)).statusCode).toBe(200);
    expect((await admin('POST', '/api/v1/salesQuotes/deleteExpired', {})).statusCode).toBe(400);
  });
});

describe('a released document keeps its prices', () => {
  it('takes a new posting date without re-pricing the lines', async () => {
    await created(admin, '/api/v1/salesPrices', { itemNo: 'A', salesType: 'allCustomers', startingDate: '2026-06-01', unitPrice: '70' });
    const invoice = await created(admin, '/api/v1/salesInvoices', { sellToCustomerNo: 'C', postingDate: '2026-05-20', lines: [{ type: 'item', no: 'A', quantity: '1' }] });
    expect(invoice.lines[0].unitPrice).toBe('100.00000');
    await admin('POST', `/api/v1/salesInvoices/${invoice.no}/release`);
    const moved = (await admin('PATCH', `/api/v1/salesInvoices/${invoice.no}`, { postingDate: '2026-06-05' })).json();
    expect(moved).toMatchObject({ postingDate: '2026-06-05', status: 'released' });
    expect(moved.lines[0].unitPrice).toBe('100.00000');
    await admin('POST', `/api/v1/salesInvoices/${invoice.no}/reopen`);
    const reopened = (await admin('PATCH', `/api/v1/salesInvoices/${invoice.no}`, { postingDate: '2026-06-06' })).json();
    expect(reopened.lines[0].unitPrice).toBe('70.00000');
  });
});
