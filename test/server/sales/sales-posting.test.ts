import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/money/decimal.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { accountTotals, givenInventory, givenPostingCompany } from '../../support/given-posting.ts';

const workDate = { 'x-work-date': '2026-01-15' };

describe('posting sales orders and invoices (spec §7.11, §7.12, §23.5)', () => {
  let api: TestApi;
  let admin: Awaited<ReturnType<typeof givenPostingCompany>>;

  beforeEach(async () => {
    api = await testApi();
    admin = await givenPostingCompany(api);
    await givenInventory(admin, '2026-01-01', [{ itemNo: '1000', quantity: '20', unitCost: '60' }]);
  });
  afterEach(async () => api.close());

  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);
  const get = async (url: string) => (await send('GET', url)).json();
  const navigate = async (documentNo: string) => (await get(`/api/v1/navigate?documentNo=${documentNo}`)).entries;

  async function orderSo1() {
    const order = (await send('POST', '/api/v1/salesOrders', {
      sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '10', unitPrice: '100', lineDiscountPercent: '10' }],
    })).json();
    expect(order.totals.amountIncludingVat).toBe('1125.00');
    return order.no as string;
  }

  it('worked example 1: ship 6, invoice 4, then ship and invoice the rest', async () => {
    const no = await orderSo1();
    await send('PATCH', `/api/v1/salesOrders/${no}/lines/10000`, { quantityToShip: '6' });

    // Step 1: Ship.
    const step1 = await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true });
    expect(step1.statusCode, step1.body).toBe(201);
    const shipped = step1.json();
    expect(shipped).toMatchObject({ shipmentNo: 'PS0001', invoiceNo: null, documentDeleted: false });
    const shipment = await get('/api/v1/postedSalesShipments/PS0001');
    expect(shipment.lines[0]).toMatchObject({ quantity: '6.00000', quantityNotInvoiced: '6.00000' });
    const afterShip = shipped.document.lines[0];
    expect(afterShip).toMatchObject({ quantityShipped: '6.00000', quantityToShip: '4.00000', quantityToInvoice: '10.00000', quantityInvoiced: '0.00000' });
    const shipEntries = await navigate('PS0001');
    expect(shipEntries.glEntries).toHaveLength(0);
    expect(shipEntries.customerLedgerEntries).toHaveLength(0);
    expect(shipEntries.itemLedgerEntries).toHaveLength(1);
    expect(shipEntries.itemLedgerEntries[0]).toMatchObject({ quantity: '-6.00000', invoicedQuantity: '0.00000' });
    expect(shipEntries.valueEntries[0]).toMatchObject({ costAmountExpected: '-360.00', salesAmountExpected: '540.00' });

    // Step 2: Invoice 4.
    await send('PATCH', `/api/v1/salesOrders/${no}/lines/10000`, { quantityToShip: '0', quantityToInvoice: '4' });
    const step2 = await send('POST', `/api/v1/salesOrders/${no}/post`, { invoice: true });
    expect(step2.statusCode, step2.body).toBe(201);
    expect(step2.json()).toMatchObject({ shipmentNo: null, invoiceNo: 'PI0001' });
    const invoice = await get('/api/v1/postedSalesInvoices/PI0001');
    expect(invoice).toMatchObject({ amount: '360.00', amountIncludingVat: '450.00' });
    expect(invoice.lines[0]).toMatchObject({ quantity: '4.00000', amount: '360.00', amountIncludingVat: '450.00' });
    const invoiceEntries = await navigate('PI0001');
    expect(invoiceEntries.customerLedgerEntries[0]).toMatchObject({ amount: '450.00', remainingAmount: '450.00', salesLcy: '360.00', dueDate: '2026-01-29', open: true });
    // Worked example 16 (§23.5): the full G/L picture of this step.
    const gl = invoiceEntries.glEntries;
    expect(accountTotals(gl, '1300')).toEqual({ debit: '450.00', credit: '0.00' });
    expect(accountTotals(gl, '8000')).toEqual({ debit: '0.00', credit: '360.00' });
    expect(accountTotals(gl, '2310')).toEqual({ debit: '0.00', credit: '90.00' });
    expect(accountTotals(gl, '7000')).toEqual({ debit: '240.00', credit: '0.00' });
    expect(accountTotals(gl, '3000')).toEqual({ debit: '0.00', credit: '240.00' });
    expect(invoiceEntries.vatEntries[0]).toMatchObject({ base: '-360.00', amount: '-90.00' });
    const invoicedValue = invoiceEntries.valueEntries[0];
    expect(invoicedValue).toMatchObject({ invoicedQuantity: '-4.00000', costAmountActual: '-240.00', salesAmountActual: '360.00', costAmountExpected: '240.00', salesAmountExpected: '-360.00' });
    expect((await get('/api/v1/postedSalesShipments/PS0001')).lines[0]).toMatchObject({ quantityInvoiced: '4.00000', quantityNotInvoiced: '2.00000' });
    const afterInvoice = (await get(`/api/v1/salesOrders/${no}`)).lines[0];
    expect(afterInvoice).toMatchObject({ quantityInvoiced: '4.00000', quantityToShip: '4.00000', quantityToInvoice: '6.00000' });

    // Step 3: Ship and Invoice with the defaults.
    const step3 = await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true });
    expect(step3.statusCode, step3.body).toBe(201);
    expect(step3.json()).toMatchObject({ shipmentNo: 'PS0002', invoiceNo: 'PI0002', documentDeleted: true, document: null });
    expect((await get('/api/v1/postedSalesShipments/PS0002')).lines[0]).toMatchObject({ quantity: '4.00000', quantityNotInvoiced: '0.00000' });
    expect(await get('/api/v1/postedSalesInvoices/PI0002')).toMatchObject({ amount: '540.00', amountIncludingVat: '675.00' });
    const step3Gl = (await navigate('PI0002')).glEntries;
    expect(accountTotals(step3Gl, '1300').debit).toBe('675.00');
    expect(accountTotals(step3Gl, '8000').credit).toBe('540.00');
    expect(accountTotals(step3Gl, '2310').credit).toBe('135.00');
    expect(accountTotals(step3Gl, '7000').debit).toBe('360.00');
    expect((await send('GET', `/api/v1/salesOrders/${no}`)).statusCode).toBe(404);
    expect((await get('/api/v1/items/1000/inventory')).inventory).toMatch(/^10(\.0+)?$/);
    const customerEntries = (await get('/api/v1/customerLedgerEntries?customerNo=C')).items;
    expect(customerEntries.map((entry: { amount: string }) => entry.amount)).toEqual(['450.00', '675.00']);
  });

  it('Discount Posting = Line Discounts credits Sales gross and debits the line discount account', async () => {
    await send('PATCH', '/api/v1/salesReceivablesSetup', { discountPosting: 'lineDiscounts' });
    const no = await orderSo1();
    await send('PATCH', `/api/v1/salesOrders/${no}/lines/10000`, { quantityToShip: '4', quantityToInvoice: '4' });
    const posted = await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true });
    expect(posted.statusCode, posted.body).toBe(201);
    const gl = (await navigate(posted.json().invoiceNo)).glEntries;
    expect(accountTotals(gl, '8000').credit).toBe('400.00');
    expect(accountTotals(gl, '8200').debit).toBe('40.00');
    expect(accountTotals(gl, '1300').debit).toBe('450.00');
  });

  it('worked example 2: an invoice with an item and a G/L line', async () => {
    await givenInventory(admin, '2026-01-01', [{ itemNo: 'A', quantity: '10', unitCost: '55' }]);
    const invoice = (await send('POST', '/api/v1/salesInvoices', {
      sellToCustomerNo: 'C', lines: [{ type: 'item', no: 'A', quantity: '8', unitPrice: '100' }, { type: 'glAccount', no: '6100', quantity: '1', unitPrice: '50' }],
    })).json();
    const posted = await send('POST', `/api/v1/salesInvoices/${invoice.no}/post`);
    expect(posted.statusCode, posted.body).toBe(201);
    const result = posted.json();
    expect(result).toMatchObject({ invoiceNo: 'PI0001', documentDeleted: true });
    const entries = await navigate(result.invoiceNo);
    expect(entries.customerLedgerEntries[0].amount).toBe('1062.50');
    expect(accountTotals(entries.glEntries, '1300').debit).toBe('1062.50');
    expect(accountTotals(entries.glEntries, '8000').credit).toBe('800.00');
    expect(accountTotals(entries.glEntries, '6100').credit).toBe('50.00');
    expect(accountTotals(entries.glEntries, '2310').credit).toBe('212.50');
    expect(accountTotals(entries.glEntries, '7000').debit).toBe('440.00');
    expect((await send('GET', `/api/v1/salesInvoices/${invoice.no}`)).statusCode).toBe(404);
    // Shipment on Invoice is on by default: a posted shipment carries the item entry, fully invoiced.
    const shipment = await get(`/api/v1/postedSalesShipments/${result.shipmentNo}`);
    expect(shipment.lines[0]).toMatchObject({ quantity: '8.00000', quantityNotInvoiced: '0.00000' });
    const itemEntries = (await get('/api/v1/itemLedgerEntries?itemNo=A')).items;
    expect(itemEntries.at(-1)).toMatchObject({ quantity: '-8.00000', invoicedQuantity: '-8.00000', completelyInvoiced: true });
  });

  it('refuses what cannot be posted and writes nothing', async () => {
    const no = await orderSo1();
    await send('PATCH', `/api/v1/salesOrders/${no}/lines/10000`, { quantityToShip: '0', quantityToInvoice: '0' });
    const nothing = await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true });
    expect(nothing.statusCode).toBe(422);
    expect(nothing.json().code).toBe('NOTHING_TO_POST');

    await send('PATCH', '/api/v1/generalLedgerSetup', { allowPostingFrom: '2026-02-01' });
    await send('PATCH', `/api/v1/salesOrders/${no}/lines/10000`, { quantityToShip: '10' });
    const closed = await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true });
    expect(closed.json().code).toBe('POSTING_DATE_NOT_ALLOWED');
    await send('PATCH', '/api/v1/generalLedgerSetup', { allowPostingFrom: null });

    await send('PATCH', '/api/v1/customers/C', { blocked: 'ship' });
    const blocked = await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true });
    expect(blocked.json().code).toBe('CUSTOMER_BLOCKED');
    await send('PATCH', '/api/v1/customers/C', { blocked: 'none' });

    // A missing account stops the posting after the numbers were drawn: the number comes back.
    await send('PATCH', '/api/v1/customerPostingGroups/DOMESTIC', { receivablesAccount: null });
    const missing = await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true });
    expect(missing.json().code).toBe('POSTING_SETUP_MISSING');
    expect((await get('/api/v1/postedSalesShipments')).items).toHaveLength(0);
    expect((await get('/api/v1/itemLedgerEntries?itemNo=1000')).items).toHaveLength(1);
    await send('PATCH', '/api/v1/customerPostingGroups/DOMESTIC', { receivablesAccount: '1300' });
    const posted = await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true });
    expect(posted.json()).toMatchObject({ shipmentNo: 'PS0001', invoiceNo: 'PI0001' });
  });

  it('preview returns the entries and keeps nothing', async () => {
    const no = await orderSo1();
    const preview = await send('POST', `/api/v1/salesOrders/${no}/preview`, { ship: true, invoice: true });
    expect(preview.statusCode, preview.body).toBe(200);
    const entries = preview.json();
    expect(entries.customerLedgerEntries[0].amount).toBe('1125.00');
    expect(accountTotals(entries.glEntries, '1300').debit).toBe('1125.00');
    expect(entries.itemLedgerEntries[0].quantity).toBe('-10.00000');
    expect((await get('/api/v1/glEntries?sourceCode=SALES')).items).toHaveLength(0);
    expect((await get('/api/v1/customerLedgerEntries')).items).toHaveLength(0);
    expect((await get(`/api/v1/salesOrders/${no}`)).lines[0].quantityShipped).toBe('0.00000');
    const posted = await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true });
    expect(posted.json().invoiceNo).toBe('PI0001');
  });

  it('a clerk may post; a viewer may not', async () => {
    const no = await orderSo1();
    expect((await api.as('viewer')('POST', `/api/v1/salesOrders/${no}/post`, { ship: true }, workDate)).statusCode).toBe(403);
    expect((await api.as('salesClerk')('POST', `/api/v1/salesOrders/${no}/post`, { ship: true }, workDate)).statusCode).toBe(201);
  });

  it('two posts of the same order at once: one posts, the other is refused with 409', async () => {
    const no = await orderSo1();
    const [first, second] = await Promise.all([
      send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true }),
      send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    expect((await get('/api/v1/postedSalesInvoices')).items).toHaveLength(1);
  });

  it('every transaction balances and the register numbers them', async () => {
    const no = await orderSo1();
    await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true });
    const entries = (await get('/api/v1/glEntries?limit=1000')).items as Array<{ transactionNo: number; amount: string }>;
    const byTransaction = new Map<number, bigint>();
    for (const entry of entries) byTransaction.set(entry.transactionNo, (byTransaction.get(entry.transactionNo) ?? 0n) + BigInt(entry.amount.replace('.', '')));
    expect([...byTransaction.values()].every((total) => total === 0n)).toBe(true);
    expect(byTransaction.size).toBe(2);
  });

  it('a retried post with the same Idempotency-Key returns the first result and posts once', async () => {
    const no = await orderSo1();
    const headers = { ...workDate, 'idempotency-key': 'post-so1-once' };
    const first = await api.as('admin')('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true }, headers);
    const retry = await api.as('admin')('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true }, headers);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(retry.json().invoiceNo).toBe(first.json().invoiceNo);
    expect((await get('/api/v1/postedSalesInvoices')).items).toHaveLength(1);
  });

  it('Expected Cost Posting to G/L: the shipment posts interim cost, the invoice reverses it (spec §23.3)', async () => {
    await send('PATCH', '/api/v1/inventorySetup', { expectedCostPostingToGl: true });
    const no = await orderSo1();
    await send('PATCH', `/api/v1/salesOrders/${no}/lines/10000`, { quantityToShip: '6' });
    const shipped = (await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true })).json();
    const shipGl = (await navigate(shipped.shipmentNo)).glEntries;
    expect(accountTotals(shipGl, '7010')).toEqual({ debit: '360.00', credit: '0.00' });
    expect(accountTotals(shipGl, '3010')).toEqual({ debit: '0.00', credit: '360.00' });
    await send('PATCH', `/api/v1/salesOrders/${no}/lines/10000`, { quantityToShip: '0', quantityToInvoice: '4' });
    const invoiced = (await send('POST', `/api/v1/salesOrders/${no}/post`, { invoice: true })).json();
    const invoiceGl = (await navigate(invoiced.invoiceNo)).glEntries;
    expect(accountTotals(invoiceGl, '7000').debit).toBe('240.00');
    expect(accountTotals(invoiceGl, '3000').credit).toBe('240.00');
    expect(accountTotals(invoiceGl, '7010').credit).toBe('240.00');
    expect(accountTotals(invoiceGl, '3010').debit).toBe('240.00');
  });

  it('a return order received first and credited later; the credit memo bills the receipt', async () => {
    const invoice = (await send('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '5', unitPrice: '100' }] })).json();
    await send('POST', `/api/v1/salesInvoices/${invoice.no}/post`);
    const returnOrder = (await send('POST', '/api/v1/salesReturnOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '2', unitPrice: '100' }] })).json();
    const received = await send('POST', `/api/v1/salesReturnOrders/${returnOrder.no}/post`, { receive: true });
    expect(received.statusCode, received.body).toBe(201);
    expect(received.json()).toMatchObject({ returnReceiptNo: 'RR0001', creditMemoNo: null, documentDeleted: false });
    expect((await get('/api/v1/items/1000/inventory')).inventory).toMatch(/^17(\.0+)?$/);
    expect((await navigate('RR0001')).customerLedgerEntries).toHaveLength(0);
    const credited = await send('POST', `/api/v1/salesReturnOrders/${returnOrder.no}/post`, { invoice: true });
    expect(credited.statusCode, credited.body).toBe(201);
    expect(credited.json()).toMatchObject({ creditMemoNo: 'PCM0001', documentDeleted: true });
    const entries = await navigate('PCM0001');
    expect(entries.customerLedgerEntries[0].amount).toBe('-250.00');
    expect(accountTotals(entries.glEntries, '8100').debit).toBe('200.00');
    expect(accountTotals(entries.glEntries, '3000').debit).toBe('120.00');
    expect((await get('/api/v1/postedReturnReceipts/RR0001')).lines[0]).toMatchObject({ quantityInvoiced: '2.00000', quantityNotInvoiced: '0.00000' });
  });

  it.each([
    ['noDiscounts', { '8000': '810.00' }],
    ['invoiceDiscounts', { '8000': '900.00', '8300': '-90.00' }],
    ['lineDiscounts', { '8000': '910.00', '8200': '-100.00' }],
    ['allDiscounts', { '8000': '1000.00', '8200': '-100.00', '8300': '-90.00' }],
  ] as const)('Discount Posting = %s posts revenue and discounts as spec §23.2 says', async (discountPosting, credits) => {
    await send('PATCH', '/api/v1/salesReceivablesSetup', { discountPosting });
    const invoice = (await send('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '10', unitPrice: '100', lineDiscountPercent: '10' }] })).json();
    await send('PATCH', `/api/v1/salesInvoices/${invoice.no}`, { invoiceDiscountAmount: '90' });
    const posted = await send('POST', `/api/v1/salesInvoices/${invoice.no}/post`);
    expect(posted.statusCode, posted.body).toBe(201);
    const gl = (await navigate(posted.json().invoiceNo)).glEntries as Array<{ glAccountNo: string; amount: string; debitAmount: string; creditAmount: string }>;
    for (const [account, credit] of Object.entries(credits)) {
      const net = gl.filter((entry) => entry.glAccountNo === account).reduce((total, entry) => total.minus(entry.amount), dec('0'));
      expect(net.toFixed(2), account).toBe(credit);
    }
    expect(accountTotals(gl, '1300').debit).toBe('1012.50');
    expect(accountTotals(gl, '2310').credit).toBe('202.50');
  });

  it('an invoice in a foreign currency posts LCY to the G/L and keeps the currency on the customer entry', async () => {
    await send('POST', '/api/v1/currencies', { code: 'USD' });
    const rate = await send('POST', '/api/v1/currencies/USD/exchangeRates', { startingDate: '2026-01-01', exchangeRateAmount: '125', relationalExchangeRateAmount: '100' });
    expect(rate.statusCode, rate.body).toBe(201);
    const invoice = (await send('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', currencyCode: 'USD', lines: [{ type: 'item', no: '1000', quantity: '10', unitPrice: '100' }] })).json();
    expect(invoice.totals.amountIncludingVat).toBe('1250.00');
    const posted = await send('POST', `/api/v1/salesInvoices/${invoice.no}/post`);
    expect(posted.statusCode, posted.body).toBe(201);
    const entries = await navigate(posted.json().invoiceNo);
    expect(entries.customerLedgerEntries[0]).toMatchObject({ currencyCode: 'USD', amount: '1250.00', amountLcy: '1000.00', salesLcy: '800.00' });
    expect(accountTotals(entries.glEntries, '1300').debit).toBe('1000.00');
    expect(accountTotals(entries.glEntries, '8000').credit).toBe('800.00');
    expect(accountTotals(entries.glEntries, '2310').credit).toBe('200.00');
    expect(entries.vatEntries[0]).toMatchObject({ base: '-800.00', amount: '-200.00' });
    expect(entries.valueEntries[0].salesAmountActual).toBe('800.00');
  });

  it('a posted number handed out twice is refused and nothing is posted (spec §5.4)', async () => {
    const first = await orderSo1();
    expect((await send('POST', `/api/v1/salesOrders/${first}/post`, { ship: true, invoice: true })).json().invoiceNo).toBe('PI0001');
    const line = (await get('/api/v1/noSeries/S-PINV/lines')).items[0];
    const reset = await send('PATCH', `/api/v1/noSeries/S-PINV/lines/${line.lineNo}`, { lastNoUsed: null });
    expect(reset.statusCode, reset.body).toBe(200);
    const second = await orderSo1();
    const refused = await send('POST', `/api/v1/salesOrders/${second}/post`, { ship: true, invoice: true });
    expect(refused.json().code).toBe('NO_SERIES_POSTED_NUMBER_EXISTS');
    expect((await get(`/api/v1/salesOrders/${second}`)).lines[0].quantityShipped).toBe('0.00000');
    expect((await get('/api/v1/postedSalesShipments')).items).toHaveLength(1);
  });

  it('refuses a missing External Document No., negative inventory when prevented, and a negative invoice total (spec §7.4)', async () => {
    await send('PATCH', '/api/v1/salesReceivablesSetup', { externalDocumentNoMandatory: true });
    const no = await orderSo1();
    const withoutReference = await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true, invoice: true });
    expect(withoutReference.json()).toMatchObject({ code: 'EXTERNAL_DOC_NO_REQUIRED', errors: [{ field: 'externalDocumentNo' }] });
    // Shipping alone needs no reference.
    await send('PATCH', `/api/v1/salesOrders/${no}/lines/10000`, { quantityToShip: '1' });
    expect((await send('POST', `/api/v1/salesOrders/${no}/post`, { ship: true })).statusCode).toBe(201);
    await send('PATCH', '/api/v1/salesReceivablesSetup', { externalDocumentNoMandatory: false });

    await send('PATCH', '/api/v1/inventorySetup', { preventNegativeInventory: true });
    // Exactly what is in stock may go: no shortage is no shortage.
    const enough = (await send('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '4', unitPrice: '100' }] })).json();
    expect((await send('POST', `/api/v1/salesInvoices/${enough.no}/post`)).statusCode).toBe(201);
    const tooMuch = (await send('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '25', unitPrice: '100' }] })).json();
    const short = await send('POST', `/api/v1/salesInvoices/${tooMuch.no}/post`);
    expect(short.json()).toMatchObject({ code: 'INSUFFICIENT_INVENTORY' });
    await send('PATCH', '/api/v1/inventorySetup', { preventNegativeInventory: false });
    const allowed = await send('POST', `/api/v1/salesInvoices/${tooMuch.no}/post`);
    expect(allowed.statusCode, allowed.body).toBe(201);
    expect((await get('/api/v1/items/1000/inventory')).inventory).toMatch(/^-10(\.0+)?$/);

    const negative = (await send('POST', '/api/v1/salesInvoices', {
      sellToCustomerNo: 'C', lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '10' }, { type: 'glAccount', no: '6100', quantity: '-1', unitPrice: '50' }],
    })).json();
    expect((await send('POST', `/api/v1/salesInvoices/${negative.no}/post`)).json().code).toBe('NEGATIVE_INVOICE_TOTAL');
  });

  it('a location that requires warehouse shipments cannot ship by posting the order (spec §7.9)', async () => {
    const location = await send('POST', '/api/v1/locations', { code: 'WH', name: 'Warehouse', requireShipment: true });
    expect(location.statusCode, location.body).toBe(201);
    const order = (await send('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'item', no: '1000', quantity: '1', unitPrice: '100', locationCode: 'WH' }] })).json();
    const refused = await send('POST', `/api/v1/salesOrders/${order.no}/post`, { ship: true });
    expect(refused.json()).toMatchObject({ code: 'WAREHOUSE_HANDLING_REQUIRED', errors: [{ field: 'lines.10000.locationCode' }] });
  });
});
