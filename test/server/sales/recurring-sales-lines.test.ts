import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../support/api.ts';
import type { givenSalesCompany } from '../../support/given.ts';
import { customerCodeId, givenRecurringCodes } from './recurring-sales-lines-fixture.ts';

// Issue 15 point 5, spec §9.1–9.3: standard sales codes and their lines, customer codes, Get
// Recurring Sales Lines and the insert modes of new documents. The batch (§9.4) is in
// recurring-sales-lines-batch.test.ts.

let api: TestApi;
let admin: Awaited<ReturnType<typeof givenSalesCompany>>;
const workDate = { 'x-work-date': '2026-03-02' };
const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);
async function ok(method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) {
  const response = await send(method, url, body);
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.json();
}
async function refused(method: 'POST' | 'PATCH', url: string, body: unknown, status: number, code: string) {
  const response = await send(method, url, body);
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json().code).toBe(code);
  return response.json();
}

beforeEach(async () => { api = await testApi(); admin = await givenRecurringCodes(api); });
afterEach(() => api.close());

type Line = { type: string; no: string; description: string; quantity: string; unitOfMeasureCode: string | null; unitPrice: string; lineDiscountPercent: string; lineAmount: string };
const shape = (line: Line) => [line.type, line.no, line.description, line.quantity, line.unitOfMeasureCode, line.unitPrice, line.lineDiscountPercent, line.lineAmount];

describe('standard sales codes and their lines (spec §9.1)', () => {
  it('numbers lines by 10000 and fills description and unit from the item or account; no prices', async () => {
    const lines = (await ok('GET', '/api/v1/standardSalesCodes/MONTHLY/lines')).items;
    expect(lines.map((line: Line & { lineNo: number; amountExcludingVat: string }) => [line.lineNo, line.type, line.no, line.description, line.unitOfMeasureCode, line.quantity, line.amountExcludingVat])).toEqual([
      [10000, 'comment', '', 'Monthly delivery', null, '0.00000', '0.00'],
      [20000, 'item', 'A', 'Item A', 'PCS', '8.00000', '0.00'],
      [30000, 'item', 'B', 'Item B', 'PCS', '5.00000', '0.00'],
      [40000, 'glAccount', '6100', 'Freight', null, '0.00000', '49.90'],
    ]);
    await refused('POST', '/api/v1/standardSalesCodes/MONTHLY/lines', { type: 'item', no: 'A', unitPrice: '10' }, 400, 'INVALID_INPUT');
  });

  it('refuses what BC refuses on a line, and changes nothing', async () => {
    const url = '/api/v1/standardSalesCodes/MONTHLY/lines';
    const amountOnItem = await refused('POST', url, { type: 'item', no: 'A', amountExcludingVat: '5' }, 400, 'INVALID_INPUT');
    expect(amountOnItem.errors).toEqual([{ field: 'amountExcludingVat', message: expect.stringContaining('G/L account lines only: Type must not be item') }]);
    expect((await refused('POST', url, { type: 'comment', description: 'x', quantity: '2' }, 400, 'INVALID_INPUT')).errors[0].field).toBe('quantity');
    expect((await refused('POST', url, { type: 'item', quantity: '2' }, 400, 'INVALID_INPUT')).errors[0].field).toBe('no');
    await refused('POST', url, { type: 'item', no: 'NOPE', quantity: '1' }, 422, 'RELATED_RECORD_NOT_FOUND');
    await refused('POST', url, { type: 'item', no: 'A', unitOfMeasureCode: 'BOX' }, 422, 'ITEM_UNIT_OF_MEASURE_MISSING');
    await refused('POST', url, { type: 'item', no: 'A', variantCode: 'RED' }, 422, 'RELATED_RECORD_NOT_FOUND');
    await ok('PATCH', '/api/v1/glAccounts/6100', { directPosting: false });
    await refused('POST', url, { type: 'glAccount', no: '6100', amountExcludingVat: '1' }, 422, 'DIRECT_POSTING_NOT_ALLOWED');
    await ok('PATCH', '/api/v1/items/A', { blocked: true });
    await refused('PATCH', `${url}/30000`, { no: 'A' }, 422, 'ITEM_BLOCKED');
    expect((await ok('GET', url)).items).toHaveLength(4);
  });

  it('a new type clears the line; a new currency rounds the G/L amounts to its precision', async () => {
    const cleared = await ok('PATCH', '/api/v1/standardSalesCodes/MONTHLY/lines/20000', { type: 'glAccount', no: '6100', amountExcludingVat: '10' });
    expect(cleared).toMatchObject({ type: 'glAccount', no: '6100', description: 'Freight', unitOfMeasureCode: null, quantity: '0.00000', amountExcludingVat: '10.00' });
    await ok('POST', '/api/v1/currencies', { code: 'JPY', amountRoundingPrecision: '1' });
    await ok('PATCH', '/api/v1/standardSalesCodes/MONTHLY', { currencyCode: 'JPY' });
    const amounts = (await ok('GET', '/api/v1/standardSalesCodes/MONTHLY/lines?type=glAccount')).items.map((line: { amountExcludingVat: string }) => line.amountExcludingVat);
    expect(amounts).toEqual(['10.00', '50.00']);
    // The customers' codes read the currency from the code.
    expect((await ok('GET', `/api/v1/standardCustomerSalesCodes?customerNo=C&code=MONTHLY`)).items[0].currencyCode).toBe('JPY');
  });

  it('deleting a code deletes its lines and its customer assignments, as BC does', async () => {
    expect((await send('DELETE', '/api/v1/standardSalesCodes/MONTHLY')).statusCode).toBe(204);
    expect((await send('GET', '/api/v1/standardSalesCodes/MONTHLY')).statusCode).toBe(404);
    // A new code of that name starts with no lines of the old one.
    await ok('POST', '/api/v1/standardSalesCodes', { code: 'MONTHLY' });
    expect((await ok('GET', '/api/v1/standardSalesCodes/MONTHLY/lines')).items).toEqual([]);
    expect((await ok('GET', '/api/v1/standardCustomerSalesCodes?code=MONTHLY')).items).toEqual([]);
  });
});

describe('standard customer sales codes (spec §9.1)', () => {
  it('take the description from the code, show its currency, and default every insert mode to manual', async () => {
    const [euro] = (await ok('GET', '/api/v1/standardCustomerSalesCodes?customerNo=E')).items;
    expect(euro).toMatchObject({
      customerNo: 'E', code: 'EURO', description: 'Euro fee', currencyCode: 'EUR', blocked: false, validFromDate: null, validToDate: null,
      insertRecurringLinesOnQuotes: 'manual', insertRecurringLinesOnOrders: 'manual', insertRecurringLinesOnInvoices: 'manual', insertRecurringLinesOnCreditMemos: 'manual',
    });
    const monthly = (await ok('GET', '/api/v1/standardCustomerSalesCodes?customerNo=C&code=MONTHLY')).items[0];
    expect(monthly).toMatchObject({ paymentMethodCode: 'DD', paymentTermsCode: '1M(8D)', directDebitMandateId: 'MANDATE-1' });
  });

  it('refuse a second assignment, dates out of order, an unknown code or mode, and renaming', async () => {
    await refused('POST', '/api/v1/standardCustomerSalesCodes', { customerNo: 'C', code: 'MONTHLY' }, 409, 'ALREADY_EXISTS');
    await refused('POST', '/api/v1/standardCustomerSalesCodes', { customerNo: 'E', code: 'NOPE' }, 422, 'RELATED_RECORD_NOT_FOUND');
    await refused('POST', '/api/v1/standardCustomerSalesCodes', { customerNo: 'E', code: 'EXTRA', insertRecurringLinesOnOrders: 'sometimes' }, 400, 'INVALID_INPUT');
    const id = await customerCodeId(admin, 'C', 'EXTRA');
    const order = await refused('PATCH', `/api/v1/standardCustomerSalesCodes/${id}`, { validToDate: '2026-05-01' }, 400, 'INVALID_INPUT');
    expect(order.errors[0].field).toBe('validToDate');
    await refused('PATCH', `/api/v1/standardCustomerSalesCodes/${id}`, { code: 'EURO' }, 400, 'INVALID_INPUT');
  });
});

describe('Get Recurring Sales Lines (spec §9.2)', () => {
  it('lists the customer\'s codes in the document currency, not blocked, with the mode for the document type', async () => {
    await ok('PATCH', `/api/v1/standardCustomerSalesCodes/${await customerCodeId(admin, 'C', 'EXTRA')}`, { insertRecurringLinesOnOrders: 'alwaysAsk' });
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C' });
    const offered = (await ok('GET', `/api/v1/salesOrders/${order.no}/recurringSalesCodes`)).items;
    expect(offered).toEqual([
      { code: 'EXTRA', description: 'Extra bicycle', mode: 'alwaysAsk', currencyCode: null, validFromDate: '2026-06-01', validToDate: null, paymentMethodCode: null },
      expect.objectContaining({ code: 'MONTHLY', mode: 'manual', paymentMethodCode: 'DD' }),
    ]);
    const euroInvoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'E' });
    expect((await ok('GET', `/api/v1/salesInvoices/${euroInvoice.no}/recurringSalesCodes`)).items.map((code: { code: string }) => code.code)).toEqual(['EURO']);
    const blocked = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'D' });
    expect((await ok('GET', `/api/v1/salesInvoices/${blocked.no}/recurringSalesCodes`)).items).toEqual([]);
  });

  it('adds the lines priced and discounted exactly as typed lines, the G/L amount as unit price, the comment as text', async () => {
    const invoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C' });
    const got = await ok('POST', `/api/v1/salesInvoices/${invoice.no}/getRecurringSalesLines`, { codes: ['MONTHLY'] });
    const typed = await ok('POST', '/api/v1/salesInvoices', {
      sellToCustomerNo: 'C', lines: [
        { type: 'comment', description: 'Monthly delivery' }, { type: 'item', no: 'A', quantity: '8' }, { type: 'item', no: 'B', quantity: '5' },
        { type: 'glAccount', no: '6100', quantity: '1', unitPrice: '49.90' },
      ],
    });
    expect(got.lines.map(shape)).toEqual(typed.lines.map(shape));
    expect(got.lines.map(shape)).toEqual([
      ['comment', '', 'Monthly delivery', '0.00000', null, '0.00000', '0.00000', '0.00'],
      ['item', 'A', 'Item A', '8.00000', 'PCS', '90.00000', '0.00000', '720.00'],
      ['item', 'B', 'Item B', '5.00000', 'PCS', '50.00000', '10.00000', '225.00'],
      ['glAccount', '6100', 'Freight', '1.00000', null, '49.90000', '0.00000', '49.90'],
    ]);
    expect(got.totals).toMatchObject({ amount: '994.90', amountIncludingVat: '1243.63' });
    // Lines from several codes go in the order asked, after the lines already there.
    const again = await ok('POST', `/api/v1/salesInvoices/${invoice.no}/getRecurringSalesLines`, { codes: ['EXTRA', 'MONTHLY'] });
    expect(again.lines.map((line: { lineNo: number; no: string }) => [line.lineNo, line.no]).slice(4, 6)).toEqual([[50000, '1000'], [60000, '']]);
  });

  it('grosses the G/L amount up on a document with Prices Including VAT; works on quotes, orders and credit memos', async () => {
    const invoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', pricesIncludingVat: true });
    const got = await ok('POST', `/api/v1/salesInvoices/${invoice.no}/getRecurringSalesLines`, { codes: ['MONTHLY'] });
    expect(got.lines[3]).toMatchObject({ unitPrice: '62.37500', lineAmount: '62.38' });
    for (const resource of ['salesQuotes', 'salesOrders', 'salesCreditMemos']) {
      const document = await ok('POST', `/api/v1/${resource}`, { sellToCustomerNo: 'C' });
      const filled = await ok('POST', `/api/v1/${resource}/${document.no}/getRecurringSalesLines`, { codes: ['EXTRA'] });
      expect(filled.lines.map(shape), resource).toEqual([['item', '1000', 'Bicycle', '1.00000', 'PCS', '100.00000', '0.00000', '100.00']]);
    }
  });

  it('refuses a released document, an unknown code, a code not the customer\'s, a blocked code and a currency mismatch, changing nothing', async () => {
    const invoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '1' }] });
    const url = `/api/v1/salesInvoices/${invoice.no}/getRecurringSalesLines`;
    const unknown = await refused('POST', url, { codes: ['MONTHLY', 'NOPE'] }, 422, 'RELATED_RECORD_NOT_FOUND');
    expect(unknown.errors).toEqual([{ field: 'codes.1', message: expect.stringContaining('Standard Sales Code \'NOPE\' does not exist') }]);
    await refused('POST', url, { codes: ['EURO'] }, 422, 'RECURRING_SALES_CODE_CURRENCY');
    await refused('POST', url, { codes: ['MONTHLY', 'MONTHLY'] }, 400, 'INVALID_INPUT');
    const euroInvoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'E' });
    const notHers = await refused('POST', `/api/v1/salesInvoices/${euroInvoice.no}/getRecurringSalesLines`, { codes: ['EXTRA'] }, 422, 'RECURRING_SALES_CODE_NOT_ASSIGNED');
    expect(notHers.detail).toContain('not a recurring sales code of customer E');
    const blocked = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'D' });
    await refused('POST', `/api/v1/salesOrders/${blocked.no}/getRecurringSalesLines`, { codes: ['MONTHLY'] }, 422, 'RECURRING_SALES_CODE_BLOCKED');
    await ok('POST', `/api/v1/salesInvoices/${invoice.no}/release`);
    await refused('POST', url, { codes: ['MONTHLY'] }, 422, 'STATUS_MUST_BE_OPEN');
    expect((await ok('GET', `/api/v1/salesInvoices/${invoice.no}`)).lines).toHaveLength(1);
  });
});

describe('insert modes on new documents (spec §9.3)', () => {
  const setMode = async (customerNo: string, code: string, changes: Record<string, unknown>) =>
    ok('PATCH', `/api/v1/standardCustomerSalesCodes/${await customerCodeId(admin, customerNo, code)}`, changes);

  it('inserts the lines of the one Automatic code into an empty new document, and not into one sent with lines', async () => {
    await setMode('C', 'MONTHLY', { insertRecurringLinesOnInvoices: 'automatic' });
    const invoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C' });
    expect(invoice.lines.map((line: Line) => line.no)).toEqual(['', 'A', 'B', '6100']);
    expect(invoice).not.toHaveProperty('recurringSalesCodes');
    const withLines = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '1' }] });
    expect(withLines.lines).toHaveLength(1);
    // Other document types read their own mode.
    expect((await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C' })).lines).toEqual([]);
  });

  it('asks when several codes are Automatic or one is Always Ask, listing every code offered with its mode', async () => {
    await setMode('C', 'MONTHLY', { insertRecurringLinesOnOrders: 'automatic' });
    await setMode('C', 'EXTRA', { insertRecurringLinesOnOrders: 'automatic' });
    const order = await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C' });
    expect(order.lines).toEqual([]);
    expect(order.recurringSalesCodes).toEqual([
      { code: 'EXTRA', description: 'Extra bicycle', mode: 'automatic' }, { code: 'MONTHLY', description: 'Monthly supplies', mode: 'automatic' },
    ]);
    const chosen = await ok('POST', `/api/v1/salesOrders/${order.no}/getRecurringSalesLines`, { codes: ['EXTRA'] });
    expect(chosen.lines.map((line: Line) => line.no)).toEqual(['1000']);

    await setMode('C', 'EXTRA', { insertRecurringLinesOnCreditMemos: 'alwaysAsk' });
    const creditMemo = await ok('POST', '/api/v1/salesCreditMemos', { sellToCustomerNo: 'C' });
    expect(creditMemo.lines).toEqual([]);
    expect(creditMemo.recurringSalesCodes).toEqual([expect.objectContaining({ code: 'EXTRA', mode: 'alwaysAsk' }), expect.objectContaining({ code: 'MONTHLY', mode: 'manual' })]);
  });

  it('counts only unblocked codes in the document currency; manual codes do nothing', async () => {
    await setMode('C', 'MONTHLY', { insertRecurringLinesOnQuotes: 'automatic', blocked: true });
    await setMode('C', 'EURO', { insertRecurringLinesOnQuotes: 'automatic' });
    const quote = await ok('POST', '/api/v1/salesQuotes', { sellToCustomerNo: 'C' });
    expect(quote.lines).toEqual([]);
    expect(quote).not.toHaveProperty('recurringSalesCodes');
    const euroQuote = await ok('POST', '/api/v1/salesQuotes', { sellToCustomerNo: 'C', currencyCode: 'EUR', postingDate: '2026-03-02' });
    expect(euroQuote.lines.map(shape)).toEqual([['glAccount', '6100', 'Freight', '1.00000', null, '20.00000', '0.00000', '20.00']]);
    const returnOrder = await ok('POST', '/api/v1/salesReturnOrders', { sellToCustomerNo: 'C' });
    expect(returnOrder.lines).toEqual([]);
  });
});
