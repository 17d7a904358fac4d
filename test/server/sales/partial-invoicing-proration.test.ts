/**
 * Spec §4.5 (corrected): every invoice of an order line prorates the line as it is now. A unit price
 * or invoice discount changed between two invoices of a line applies to the second; nothing is
 * carried over from the first. The worked figures of §4.5 through the HTTP API, to the cent: posted
 * invoice lines, G/L, VAT, customer and value entries.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { accountTotals, givenInventory, givenPostingCompany } from '../../support/given-posting.ts';

const workDate = { 'x-work-date': '2026-01-15' };

type Entries = {
  glEntries: Array<{ glAccountNo: string; debitAmount: string; creditAmount: string }>;
  vatEntries: Array<{ base: string; amount: string }>;
  customerLedgerEntries: Array<{ amount: string; salesLcy: string; invoiceDiscountLcy?: string }>;
  valueEntries: Array<{ salesAmountActual: string; salesAmountExpected: string; discountAmount: string; invoicedQuantity: string }>;
};

describe('partial invoicing prorates the line as it is now (spec §4.5)', () => {
  let api: TestApi;

  beforeEach(async () => {
    api = await testApi();
    const admin = await givenPostingCompany(api);
    await givenInventory(admin, '2026-01-01', [{ itemNo: '1000', quantity: '30', unitCost: '60' }]);
  });
  afterEach(async () => api.close());

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);
  const ok = async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => {
    const response = await send(method, url, body);
    expect(response.statusCode, `${method} ${url} → ${response.body}`).toBeLessThan(300);
    return response.json();
  };
  const entriesOf = async (documentNo: string): Promise<Entries> => (await ok('GET', `/api/v1/navigate?documentNo=${documentNo}`)).entries;
  const total = (values: string[]) => sum(values.map((value) => dec(value))).toFixed(2);

  async function order(line: { quantity: string; unitPrice: string }) {
    return (await ok('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', ...line }] })).no as string;
  }
  /** Sets the line's quantities to ship and invoice and posts; returns the posting result. */
  async function post(no: string, quantities: { quantityToShip: string; quantityToInvoice: string }, mode = { ship: true, invoice: true }) {
    await ok('PATCH', `/api/v1/salesOrders/${no}/lines/10000`, quantities);
    return ok('POST', `/api/v1/salesOrders/${no}/post`, mode);
  }
  /** Reopens the (released) order and changes it: the line's price, the header's invoice discount amount. */
  async function change(no: string, changes: { unitPrice?: string; invoiceDiscountAmount?: string }) {
    await ok('POST', `/api/v1/salesOrders/${no}/reopen`);
    if (changes.unitPrice) await ok('PATCH', `/api/v1/salesOrders/${no}/lines/10000`, { unitPrice: changes.unitPrice });
    if (changes.invoiceDiscountAmount) await ok('PATCH', `/api/v1/salesOrders/${no}`, { invoiceDiscountAmount: changes.invoiceDiscountAmount });
  }

  it('8 × 50.00: ship and invoice 3 → 150.00; Unit Price 45.00, post the rest → 5 × 45.00 = 225.00 (not 360.00 − 150.00 = 210.00)', async () => {
    const no = await order({ quantity: '8', unitPrice: '50' });
    const first = await post(no, { quantityToShip: '3', quantityToInvoice: '3' });
    const firstInvoice = await ok('GET', `/api/v1/postedSalesInvoices/${first.invoiceNo}`);
    expect(firstInvoice).toMatchObject({ amount: '150.00', amountIncludingVat: '187.50' });

    await change(no, { unitPrice: '45' });
    const line = (await ok('GET', `/api/v1/salesOrders/${no}`)).lines[0];
    expect(line).toMatchObject({ unitPrice: '45.00000', lineAmount: '360.00', quantityInvoiced: '3.00000', quantityToInvoice: '5.00000' });
    const second = await post(no, { quantityToShip: '5', quantityToInvoice: '5' });
    expect(second.documentDeleted).toBe(true);

    const invoice = await ok('GET', `/api/v1/postedSalesInvoices/${second.invoiceNo}`);
    expect(invoice).toMatchObject({ amount: '225.00', amountIncludingVat: '281.25', invoiceDiscountAmount: '0.00' });
    expect(invoice.lines[0]).toMatchObject({
      quantity: '5.00000', unitPrice: '45.00000', lineAmount: '225.00', lineDiscountAmount: '0.00', invoiceDiscountAmount: '0.00',
      amount: '225.00', amountIncludingVat: '281.25', vatBaseAmount: '225.00',
    });
    const entries = await entriesOf(second.invoiceNo);
    expect(accountTotals(entries.glEntries, '1300')).toEqual({ debit: '281.25', credit: '0.00' });
    expect(accountTotals(entries.glEntries, '8000')).toEqual({ debit: '0.00', credit: '225.00' });
    expect(accountTotals(entries.glEntries, '2310')).toEqual({ debit: '0.00', credit: '56.25' });
    expect(entries.vatEntries.map((entry) => [entry.base, entry.amount])).toEqual([['-225.00', '-56.25']]);
    expect(entries.customerLedgerEntries).toHaveLength(1);
    expect(entries.customerLedgerEntries[0]).toMatchObject({ amount: '281.25', salesLcy: '225.00' });
    // The item entry of the 5 shipped now carries what the invoice says.
    expect(total(entries.valueEntries.map((entry) => entry.salesAmountActual))).toBe('225.00');
  });

  it('Inv. Discount Amount 80.00 on 10 units, invoice 4 → 32.00; raised to 90.00, the other 6 → 54.00 (not 58.00)', async () => {
    await ok('PATCH', '/api/v1/salesReceivablesSetup', { discountPosting: 'invoiceDiscounts' });
    const no = await order({ quantity: '10', unitPrice: '100' });
    await ok('PATCH', `/api/v1/salesOrders/${no}`, { invoiceDiscountAmount: '80' });
    expect((await ok('GET', `/api/v1/salesOrders/${no}`)).lines[0]).toMatchObject({ invoiceDiscountAmount: '80.00', amount: '920.00' });

    const first = await post(no, { quantityToShip: '4', quantityToInvoice: '4' });
    const firstInvoice = await ok('GET', `/api/v1/postedSalesInvoices/${first.invoiceNo}`);
    expect(firstInvoice).toMatchObject({ amount: '368.00', amountIncludingVat: '460.00', invoiceDiscountAmount: '32.00' });
    expect(firstInvoice.lines[0]).toMatchObject({ lineAmount: '400.00', invoiceDiscountAmount: '32.00', amount: '368.00' });
    const firstEntries = await entriesOf(first.invoiceNo);
    expect(accountTotals(firstEntries.glEntries, '8000').credit).toBe('400.00');
    expect(accountTotals(firstEntries.glEntries, '8300').debit).toBe('32.00');

    await change(no, { invoiceDiscountAmount: '90' });
    expect((await ok('GET', `/api/v1/salesOrders/${no}`)).lines[0]).toMatchObject({ invoiceDiscountAmount: '90.00', quantityToInvoice: '6.00000' });
    const second = await post(no, { quantityToShip: '6', quantityToInvoice: '6' });

    const invoice = await ok('GET', `/api/v1/postedSalesInvoices/${second.invoiceNo}`);
    expect(invoice).toMatchObject({ amount: '546.00', amountIncludingVat: '682.50', invoiceDiscountAmount: '54.00' });
    expect(invoice.lines[0]).toMatchObject({ quantity: '6.00000', lineAmount: '600.00', invoiceDiscountAmount: '54.00', amount: '546.00', amountIncludingVat: '682.50' });
    const entries = await entriesOf(second.invoiceNo);
    expect(accountTotals(entries.glEntries, '1300')).toEqual({ debit: '682.50', credit: '0.00' });
    expect(accountTotals(entries.glEntries, '8000')).toEqual({ debit: '0.00', credit: '600.00' });
    expect(accountTotals(entries.glEntries, '8300')).toEqual({ debit: '54.00', credit: '0.00' });
    expect(accountTotals(entries.glEntries, '2310')).toEqual({ debit: '0.00', credit: '136.50' });
    expect(entries.vatEntries.map((entry) => [entry.base, entry.amount])).toEqual([['-546.00', '-136.50']]);
    expect(entries.customerLedgerEntries[0]).toMatchObject({ amount: '682.50', salesLcy: '546.00' });
    expect(total(entries.valueEntries.map((entry) => entry.salesAmountActual))).toBe('546.00');
    expect(total(entries.valueEntries.map((entry) => entry.discountAmount))).toBe('54.00');
    // The two invoices are what each said: 368.00 + 546.00, not the order's last 910.00.
    const customerEntries = (await ok('GET', '/api/v1/customerLedgerEntries?customerNo=C')).items as Array<{ amount: string }>;
    expect(customerEntries.map((entry) => entry.amount)).toEqual(['460.00', '682.50']);
  });

  it('price and discount changed while shipments wait: each invoice bills the earlier shipments at the line as it is then, and its value entries add up to it', async () => {
    const no = await order({ quantity: '10', unitPrice: '100' });
    await ok('PATCH', `/api/v1/salesOrders/${no}`, { invoiceDiscountAmount: '80' });
    await post(no, { quantityToShip: '3', quantityToInvoice: '0' }, { ship: true, invoice: false });
    await post(no, { quantityToShip: '3', quantityToInvoice: '0' }, { ship: true, invoice: false });
    // Shipped 6 at 920.00 for 10: expected 276.00 + 276.00.
    const first = await post(no, { quantityToShip: '0', quantityToInvoice: '4' }, { ship: false, invoice: true });
    const firstEntries = await entriesOf(first.invoiceNo);
    expect(firstEntries.customerLedgerEntries[0]).toMatchObject({ amount: '460.00', salesLcy: '368.00' });
    // 4 billed: 3 of the first shipment, 1 of the second; 368.00 shared by quantity.
    expect(firstEntries.valueEntries.map((entry) => [entry.invoicedQuantity, entry.salesAmountActual, entry.salesAmountExpected]))
      .toEqual([['-3.00000', '276.00', '-276.00'], ['-1.00000', '92.00', '-92.00']]);

    await change(no, { unitPrice: '90', invoiceDiscountAmount: '90' });
    const second = await post(no, { quantityToShip: '4', quantityToInvoice: '6' });
    expect(second.documentDeleted).toBe(true);
    const invoice = await ok('GET', `/api/v1/postedSalesInvoices/${second.invoiceNo}`);
    // 6 × 90.00 = 540.00, less round(90.00 × 6 / 10) = 54.00: 486.00 + 121.50 VAT.
    expect(invoice.lines[0]).toMatchObject({ lineAmount: '540.00', invoiceDiscountAmount: '54.00', amount: '486.00', amountIncludingVat: '607.50' });
    const entries = await entriesOf(second.invoiceNo);
    expect(accountTotals(entries.glEntries, '8000').credit).toBe('486.00');
    expect(accountTotals(entries.glEntries, '2310').credit).toBe('121.50');
    expect(entries.customerLedgerEntries[0]).toMatchObject({ amount: '607.50', salesLcy: '486.00' });
    // Its value entries: the 4 shipped and invoiced now, the 2 left of the second shipment; 486.00 shared 4 : 2.
    expect(entries.valueEntries.map((entry) => [entry.invoicedQuantity, entry.salesAmountActual]).sort())
      .toEqual([['-2.00000', '162.00'], ['-4.00000', '324.00']]);
    // Everything shipped is invoiced: nothing is expected any more.
    const allValues = (await ok('GET', '/api/v1/valueEntries?itemNo=1000&limit=100')).items as Array<{ salesAmountActual: string; salesAmountExpected: string }>;
    expect(total(allValues.map((entry) => entry.salesAmountExpected))).toBe('0.00');
    expect(total(allValues.map((entry) => entry.salesAmountActual))).toBe('854.00');
  });

  it('a price lowered after a partial invoice invoices the rest at the new price (the old rule made it negative and refused it)', async () => {
    const no = await order({ quantity: '10', unitPrice: '100' });
    await post(no, { quantityToShip: '5', quantityToInvoice: '5' });
    await change(no, { unitPrice: '10' });
    const second = await post(no, { quantityToShip: '5', quantityToInvoice: '5' });
    const invoice = await ok('GET', `/api/v1/postedSalesInvoices/${second.invoiceNo}`);
    expect(invoice).toMatchObject({ amount: '50.00', amountIncludingVat: '62.50' });
    expect((await entriesOf(second.invoiceNo)).customerLedgerEntries[0]).toMatchObject({ amount: '62.50' });
  });

  it('the negative-total check (§4.8) weighs the part being invoiced and names its amount', async () => {
    const created = await ok('POST', '/api/v1/salesOrders', {
      sellToCustomerNo: 'C', lines: [
        { type: 'item', no: '1000', quantity: '10', unitPrice: '100' },
        { type: 'glAccount', no: '6100', quantity: '-1', unitPrice: '300' },
      ],
    });
    const no = created.no as string;
    expect(created.totals.amountIncludingVat).toBe('875.00');
    await ok('PATCH', `/api/v1/salesOrders/${no}/lines/10000`, { quantityToShip: '2', quantityToInvoice: '2' });
    // 2 × 100.00 − 300.00 = −100.00, −125.00 with VAT: the order is positive, this invoice is not.
    const refused = await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'NEGATIVE_INVOICE_TOTAL' });
    expect(refused.json().detail).toContain('-125.00');
    expect(refused.json().detail).toContain(`part of sales order ${no} being invoiced`);
    expect((await ok('GET', `/api/v1/navigate?documentNo=${no}`)).entries.glEntries ?? []).toHaveLength(0);
    expect((await ok('GET', '/api/v1/customerLedgerEntries?customerNo=C')).items).toHaveLength(0);
    // Invoicing 4 instead: 400.00 − 300.00 = 100.00 → 125.00, posted.
    await ok('PATCH', `/api/v1/salesOrders/${no}/lines/10000`, { quantityToShip: '4', quantityToInvoice: '4' });
    const posted = await ok('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true });
    expect(await ok('GET', `/api/v1/postedSalesInvoices/${posted.invoiceNo}`)).toMatchObject({ amount: '100.00', amountIncludingVat: '125.00' });
  });
});
