import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import { runCli } from '../../../src/server/cli/program.ts';
import type { DatabaseHandle } from '../../../src/server/db/connection.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { created, givenCustomer } from '../../support/given.ts';
import { givenInventory, givenPostingCompany } from '../../support/given-posting.ts';
import { pdfPageTexts } from '../../support/pdf-text.ts';

/**
 * Issue 17 part 1 over HTTP: the packing slips of a posted shipment and return receipt (quantities,
 * no prices), the pro forma invoice of an unposted order or invoice, and the customer statement with
 * its per-currency sections and aging, each read back from the PDF's text.
 *
 * Set up once, every test only reads: company letterhead; customer C (English, LCY), NL (Dutch);
 * NL has an invoice of 3 Feb (1,000 + VAT);
 * ST (LCY: invoices of 10 Jan (100 + VAT) and 5 Feb (200 + VAT), payment of 125.00 on 10 Feb applied
 * to the first, invoice of 1 Mar); MC (an LCY invoice and a USD invoice of 10 Feb).
 */
let api: TestApi;
let admin: ReturnType<TestApi['as']>;
const documents: Record<string, string> = {};

type Send = ReturnType<TestApi['as']>;
const at = (date: string): Send => (method, url, body) => admin(method, url, body, { 'x-work-date': date });

async function postInvoice(customerNo: string, date: string, unitPrice: string, fields: Record<string, unknown> = {}): Promise<string> {
  const invoice = await created(at(date), '/api/v1/salesInvoices', { sellToCustomerNo: customerNo, lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice }], ...fields });
  return (await created(at(date), `/api/v1/salesInvoices/${invoice.no}/post`, undefined)).invoiceNo;
}

beforeAll(async () => {
  api = await testApi();
  admin = await givenPostingCompany(api);
  const company = await admin('PATCH', '/api/v1/companyInformation', { name: 'Ledgerline Trading BV', address: 'Keizersgracht 1', postCode: '1015 AA', city: 'Amsterdam' });
  expect(company.statusCode, company.body).toBe(200);
  await givenInventory(admin, '2026-01-02', [{ itemNo: '1000', quantity: '100', unitCost: '60' }]);
  await givenCustomer(admin, 'NL', { name: 'Fietsen de Vries', languageCode: 'NLD', address: 'Dorpsstraat 5', city: 'Utrecht' });
  await givenCustomer(admin, 'ST', { name: 'Statement Customer' });
  await givenCustomer(admin, 'MC', { name: 'Multi Currency Ltd' });

  await created(admin, '/api/v1/customers/C/shipToAddresses', { code: 'NORTH', name: 'Warehouse North', address: 'Havenweg 12', city: 'Rotterdam' });
  const order = await created(at('2026-01-15'), '/api/v1/salesOrders', {
    sellToCustomerNo: 'C', externalDocumentNo: 'PO-555', shipToCode: 'NORTH',
    lines: [{ type: 'item', no: '1000', quantity: '7', unitPrice: '123.45' }, { type: 'item', no: 'A', quantity: '3', unitPrice: '98.76' }],
  });
  documents.order = order.no;
  documents.shipment = (await created(at('2026-01-15'), `/api/v1/salesOrders/${order.no}/post`, { ship: true })).shipmentNo;

  const returnOrder = await created(at('2026-01-20'), '/api/v1/salesReturnOrders', {
    sellToCustomerNo: 'NL', lines: [{ type: 'item', no: '1000', quantity: '2', unitPrice: '123.45' }],
  });
  documents.returnOrder = returnOrder.no;
  documents.returnReceipt = (await created(at('2026-01-20'), `/api/v1/salesReturnOrders/${returnOrder.no}/post`, { receive: true })).returnReceiptNo;

  documents.dutchOrder = (await created(at('2026-01-15'), '/api/v1/salesOrders', {
    sellToCustomerNo: 'NL', lines: [{ type: 'glAccount', no: '6100', description: 'Fietsonderhoud', quantity: '3', unitPrice: '100' }],
  })).no;
  documents.draftInvoice = (await created(at('2026-01-15'), '/api/v1/salesInvoices', {
    sellToCustomerNo: 'C', lines: [{ type: 'glAccount', no: '6100', description: 'Consulting', quantity: '4', unitPrice: '12.5' }],
  })).no;

  await created(admin, '/api/v1/glAccounts', { no: '2900', name: 'Cash', incomeBalance: 'balanceSheet' });
  documents.st1 = await postInvoice('ST', '2026-01-10', '100');
  documents.st2 = await postInvoice('ST', '2026-02-05', '200', { externalDocumentNo: 'EXT-2' });
  await created(at('2026-02-10'), '/api/v1/generalJournal/post', {
    lines: [{
      postingDate: '2026-02-10', documentType: 'payment', documentNo: 'PAY-ST', accountType: 'customer', accountNo: 'ST', amount: '-125',
      balAccountType: 'glAccount', balAccountNo: '2900', appliesToDocType: 'invoice', appliesToDocNo: documents.st1,
    }],
  });
  documents.st3 = await postInvoice('ST', '2026-03-01', '40');
  documents.nl1 = await postInvoice('NL', '2026-02-03', '1000');

  await created(admin, '/api/v1/currencies', { code: 'USD' });
  await created(admin, '/api/v1/currencies/USD/exchangeRates', { startingDate: '2026-01-01', exchangeRateAmount: '125', relationalExchangeRateAmount: '100' });
  documents.mcLcy = await postInvoice('MC', '2026-02-10', '80');
  documents.mcUsd = await postInvoice('MC', '2026-02-10', '1000', { currencyCode: 'USD' });
}, 120_000);
afterAll(() => api.close());

async function downloadPdf(url: string) {
  const response = await api.as('viewer')('GET', url);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  const pages = await pdfPageTexts(response.rawPayload);
  return { disposition: String(response.headers['content-disposition']), pages, text: pages.join('\n'), lines: pages.join('\n').split('\n') };
}

/** The text runs after a caption (a field's value, a table row's cells). */
const after = (lines: readonly string[], caption: string, count = 1, from = 0) => {
  const index = lines.indexOf(caption, from);
  expect(index, `"${caption}" in the PDF`).toBeGreaterThanOrEqual(0);
  return lines.slice(index + 1, index + 1 + count);
};

/** Any amount written with two decimals, in either language ("1,234.50", "864,15"). */
const anyAmount = /\d[.,]\d\d(?!\d)/;

describe('packing slips', () => {
  it('prints a posted shipment as a packing slip: quantities shipped, order, ship-to, and no price or amount at all', async () => {
    const { disposition, text, lines, pages } = await downloadPdf(`/api/v1/postedSalesShipments/${documents.shipment!.toLowerCase()}/pdf`);
    expect(disposition).toContain(`filename="Sales Shipment ${documents.shipment}.pdf"`);
    expect(after(lines, 'Document No.')).toEqual([documents.shipment]);
    expect(after(lines, 'Shipment Date')).toEqual(['01/15/2026']);
    expect(after(lines, 'Order No.')).toEqual([documents.order]);
    expect(after(lines, 'External Document No.')).toEqual(['PO-555']);
    expect(after(lines, 'Ship-to', 3)).toEqual(['Warehouse North', 'Havenweg 12', 'Rotterdam']);
    expect(after(lines, 'Quantity Shipped', 1)).toEqual(['Unit']);
    expect(after(lines, '1000', 4)).toEqual(['Bicycle', '7', 'PCS', 'A']);
    expect(after(lines, 'A', 3, lines.indexOf('1000'))).toEqual(['Item A', '3', 'PCS']);
    for (const expected of ['Packing Slip', 'Ledgerline Trading BV', 'Customer C', 'Page 1 of 1']) expect(text).toContain(expected);
    expect(pages).toHaveLength(1);
    expect(text).not.toMatch(anyAmount);
    for (const priceCaption of ['Unit Price', 'Amount', 'VAT', 'Total', '123', '98']) expect(text).not.toContain(priceCaption);
  });

  it('prints a Dutch customer\'s return receipt in Dutch: quantities received, the return order, no amounts', async () => {
    const { disposition, text, lines } = await downloadPdf(`/api/v1/postedReturnReceipts/${documents.returnReceipt}/pdf`);
    expect(disposition).toContain(`Sales Return Receipt ${documents.returnReceipt}.pdf`);
    expect(after(lines, 'Documentnr.')).toEqual([documents.returnReceipt]);
    expect(after(lines, 'Retourordernr.')).toEqual([documents.returnOrder]);
    expect(after(lines, 'Ontvangstdatum')).toEqual(['20-01-2026']);
    expect(after(lines, '1000', 3)).toEqual(['Bicycle', '2', 'PCS']);
    for (const expected of ['Retourontvangst', 'Ontvangen aantal', 'Fietsen de Vries', 'Pagina 1 van 1']) expect(text).toContain(expected);
    expect(text).not.toMatch(anyAmount);
    expect(text).not.toContain('Quantity');
    expect((await api.as('viewer')('GET', '/api/v1/postedSalesShipments/NOPE/pdf')).statusCode).toBe(404);
  });
});

describe('pro forma invoice', () => {
  it('prints an unposted order as a Dutch pro forma invoice with prices, VAT and totals, and posts nothing', async () => {
    const { disposition, text, lines } = await downloadPdf(`/api/v1/salesOrders/${documents.dutchOrder}/proForma/pdf`);
    expect(disposition).toContain(`Pro Forma Invoice ${documents.dutchOrder}.pdf`);
    expect(after(lines, 'Documentnr.')).toEqual([documents.dutchOrder]);
    expect(after(lines, 'Totaal EUR excl. btw')).toEqual(['300,00']);
    expect(after(lines, 'Btw')).toEqual(['75,00']);
    expect(after(lines, 'Totaal EUR incl. btw')).toEqual(['375,00']);
    expect(after(lines, 'VAT25', 4)).toEqual(['25', '300,00', '75,00', '375,00']);
    for (const expected of ['Pro-formafactuur', 'Fietsonderhoud', 'Prijs per eenheid', 'Dit is geen factuur']) expect(text).toContain(expected);
    expect(text).not.toContain('Orderbevestiging');
    // Still an open order: nothing was posted.
    const order = (await admin('GET', `/api/v1/salesOrders/${documents.dutchOrder}`)).json();
    expect(order.status).toBe('open');
    expect((await admin('GET', `/api/v1/customerLedgerEntries?documentNo=${documents.dutchOrder}`)).json().items).toEqual([]);
  });

  it('prints an unposted invoice as a pro forma invoice; an unknown document is 404', async () => {
    const { text, lines } = await downloadPdf(`/api/v1/salesInvoices/${documents.draftInvoice}/proForma/pdf`);
    expect(text).toContain('Pro Forma Invoice');
    expect(after(lines, 'Consulting', 3)).toEqual(['4', '12.50', '50.00']);
    expect(after(lines, 'Total EUR Incl. VAT')).toEqual(['62.50']);
    expect((await admin('GET', `/api/v1/salesInvoices/${documents.draftInvoice}`)).statusCode).toBe(200);
    expect((await api.as('viewer')('GET', '/api/v1/salesInvoices/NOPE/proForma/pdf')).statusCode).toBe(404);
  });
});

describe('customer statement', () => {
  /** Σ of the customer's ledger entries' amounts posted in [from, to] (no payment discounts here: applications cancel out). */
  async function ledgerSum(customerNo: string, predicate: (postingDate: string) => boolean, field: 'amount' | 'amountLcy' = 'amount', currencyCode = '') {
    const entries = (await admin('GET', `/api/v1/customerLedgerEntries?customerNo=${customerNo}&limit=100`)).json().items as Array<Record<string, string>>;
    return sum(entries.filter((entry) => predicate(entry.postingDate!) && entry.currencyCode === currencyCode).map((entry) => dec(entry[field]!))).toFixed(2);
  }

  it('prints the opening balance, the entries with remaining amounts and running balance, the closing balance and the aging', async () => {
    const { disposition, text, lines } = await downloadPdf('/api/v1/customers/st/statement/pdf?from=2026-02-01&to=2026-02-28');
    expect(disposition).toContain('Customer Statement ST 2026-02-01 2026-02-28.pdf');
    const opening = await ledgerSum('ST', (date) => date < '2026-02-01');
    const closing = await ledgerSum('ST', (date) => date <= '2026-02-28');
    expect([opening, closing]).toEqual(['125.00', '250.00']);
    expect(after(lines, 'Opening Balance')).toEqual(['125.00']);
    expect(after(lines, 'Closing Balance')).toEqual(['250.00']);
    // The JSON statement (LCY) agrees.
    const json = (await admin('GET', '/api/v1/customers/ST/statement?from=2026-02-01&to=2026-02-28')).json();
    expect([json.openingBalanceLcy, json.closingBalanceLcy]).toEqual([opening, closing]);
    // Invoice of 5 Feb: 250.00, due 19 Feb, all open at the end; the payment of 10 Feb closes the January invoice.
    const invoiceRow = lines.indexOf(documents.st2!);
    expect(lines[invoiceRow - 2]).toBe('02/05/2026');
    expect(lines[invoiceRow - 1]).toBe('Invoice');
    expect(lines.slice(invoiceRow + 2, invoiceRow + 6)).toEqual(['02/19/2026', '250.00', '250.00', '375.00']);
    const paymentRow = lines.indexOf('PAY-ST');
    expect(lines[paymentRow - 1]).toBe('Payment');
    expect(lines.slice(paymentRow + 1).find((cell) => cell.startsWith('-'))).toBe('-125.00');
    expect(text).toContain('250.00');
    expect(text).not.toContain(documents.st3!);
    expect(text).not.toContain(documents.st1!);
    // Aging as of 28 Feb by due date: the 250.00 due 19 Feb is 9 days overdue.
    expect(after(lines, 'Aging of the open entries by due date on 02/28/2026', 6)).toEqual(['Not Due', '1–30 Days', '31–60 Days', '61–90 Days', 'Over 90 Days', 'Total']);
    expect(after(lines, 'Total', 6, lines.indexOf('Not Due'))).toEqual(['0.00', '250.00', '0.00', '0.00', '0.00', '250.00']);
    expect(text).toContain('Amounts in EUR');
    expect(text).not.toContain('Amounts in USD');
  });

  it('prints one section per currency with the balances in that currency', async () => {
    const { lines, text } = await downloadPdf('/api/v1/customers/MC/statement/pdf?from=2026-02-01&to=2026-02-28');
    const eur = lines.indexOf('Amounts in EUR');
    const usd = lines.indexOf('Amounts in USD');
    expect(eur).toBeGreaterThanOrEqual(0);
    expect(usd).toBeGreaterThan(eur);
    const lcyClosing = await ledgerSum('MC', (date) => date <= '2026-02-28');
    const usdClosing = await ledgerSum('MC', (date) => date <= '2026-02-28', 'amount', 'USD');
    expect([lcyClosing, usdClosing]).toEqual(['100.00', '1250.00']);
    expect(after(lines, 'Closing Balance', 1, eur)).toEqual(['100.00']);
    expect(after(lines, 'Closing Balance', 1, usd)).toEqual(['1,250.00']);
    expect(lines.slice(eur, usd)).toContain(documents.mcLcy);
    expect(lines.slice(eur, usd)).not.toContain(documents.mcUsd);
    expect(lines.slice(usd)).toContain(documents.mcUsd);
    expect(text).toContain('Multi Currency Ltd');
  });

  it('prints a Dutch customer\'s statement in Dutch and refuses a period that ends before it starts', async () => {
    const { text, lines } = await downloadPdf('/api/v1/customers/NL/statement/pdf?from=2026-01-01&to=2026-02-28');
    for (const expected of ['Rekeningoverzicht', 'Bedragen in EUR', 'Beginsaldo', 'Eindsaldo', 'Openstaand bedrag', 'Niet vervallen', 'Factuur', 'Fietsen de Vries']) {
      expect(text).toContain(expected);
    }
    expect(after(lines, 'Beginsaldo')).toEqual(['0,00']);
    expect(after(lines, 'Eindsaldo')).toEqual(['1.250,00']);
    expect(after(lines, 'Begindatum')).toEqual(['01-01-2026']);
    const refused = await api.as('viewer')('GET', '/api/v1/customers/NL/statement/pdf?from=2026-03-01&to=2026-02-01');
    expect(refused.statusCode).toBe(400);
    expect((await api.as('viewer')('GET', '/api/v1/customers/NOPE/statement/pdf?from=2026-01-01&to=2026-01-31')).statusCode).toBe(404);
  });
});

describe('the API description', () => {
  it('documents every new PDF route in OpenAPI, the statement with its period', async () => {
    const { paths } = (await api.as('none')('GET', '/api/v1/openapi.json')).json() as { paths: Record<string, { get?: { summary?: string; parameters?: Array<{ name: string; in: string; required?: boolean }> } }> };
    for (const path of ['postedSalesShipments/{no}/pdf', 'postedReturnReceipts/{no}/pdf', 'salesOrders/{no}/proForma/pdf', 'salesInvoices/{no}/proForma/pdf', 'customers/{no}/statement/pdf']) {
      expect(paths[`/api/v1/${path}`]?.get?.summary, path).toContain('PDF');
    }
    const query = paths['/api/v1/customers/{no}/statement/pdf']!.get!.parameters!.filter((parameter) => parameter.in === 'query');
    expect(query.map((parameter) => [parameter.name, parameter.required])).toEqual([['from', true], ['to', true]]);
  });
});

describe('the pdf command', () => {
  it('saves a packing slip, a pro forma invoice and a statement', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ledgerline-pdf-'));
    const stdout: string[] = [];
    const stderr: string[] = [];
    const database: DatabaseHandle = { db: api.db, kind: 'pglite', location: 'test', migrate: async () => undefined, close: async () => undefined };
    const io = { stdout: { write: (text: string) => stdout.push(text) }, stderr: { write: (text: string) => stderr.push(text) }, env: {}, openDatabase: async () => database };
    const textOf = async (file: string) => (await pdfPageTexts(readFileSync(file))).join('\n');
    try {
      const slip = join(directory, 'slip.pdf');
      expect(await runCli(['pdf', 'postedShipment', documents.shipment!, '--out', slip], io), stderr.join('')).toBe(0);
      expect(await textOf(slip)).toContain('Packing Slip');
      const proForma = join(directory, 'pro-forma.pdf');
      expect(await runCli(['pdf', 'proFormaOrder', documents.dutchOrder!, '--out', proForma], io), stderr.join('')).toBe(0);
      expect(await textOf(proForma)).toContain('Pro-formafactuur');
      const statement = join(directory, 'statement.pdf');
      expect(await runCli(['pdf', 'statement', 'ST', '--from', '2026-02-01', '--to', '2026-02-28', '--out', statement], io), stderr.join('')).toBe(0);
      expect(await textOf(statement)).toMatch(/Closing Balance\n250\.00/);
      expect(stdout.join('')).toContain(statement);
      expect(await runCli(['pdf', 'statement', 'ST', '--out', statement], io)).toBe(1);
      expect(stderr.join('')).toContain('--from');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
