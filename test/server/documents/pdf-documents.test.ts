import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/server/cli/program.ts';
import type { DatabaseHandle } from '../../../src/server/db/connection.ts';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { givenCustomer } from '../../support/given.ts';
import { givenPostingCompany } from '../../support/given-posting.ts';
import { pdfPageTexts } from '../../support/pdf-text.ts';

const workDate = { 'x-work-date': '2026-01-15' };

describe('PDF documents (spec §21, issue 17)', () => {
  let api: TestApi;

  beforeEach(async () => {
    api = await testApi();
    const admin = await givenPostingCompany(api);
    const company = await admin('PATCH', '/api/v1/companyInformation', {
      name: 'Ledgerline Trading BV', address: 'Keizersgracht 1', postCode: '1015 AA', city: 'Amsterdam', vatRegistrationNo: 'NL123456789B01',
      iban: 'NL91ABNA0417164300', swiftCode: 'ABNANL2A',
    });
    expect(company.statusCode, company.body).toBe(200);
    await givenCustomer(admin, 'NL', { name: 'Fietsen de Vries', languageCode: 'NLD', paymentTermsCode: '1M(8D)', address: 'Dorpsstraat 5', city: 'Utrecht' });
  });
  afterEach(async () => api.close());

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);

  async function postedInvoice(customerNo: string, lines: unknown[], fields: Record<string, unknown> = {}) {
    const invoice = await send('POST', '/api/v1/salesInvoices', { sellToCustomerNo: customerNo, lines, ...fields });
    expect(invoice.statusCode, invoice.body).toBe(201);
    const posted = await send('POST', `/api/v1/salesInvoices/${invoice.json().no}/post`);
    expect(posted.statusCode, posted.body).toBe(201);
    return posted.json().invoiceNo as string;
  }

  async function downloadPdf(url: string, timing?: { milliseconds: number }) {
    const started = performance.now();
    const response = await api.as('viewer')('GET', url);
    if (timing) timing.milliseconds = performance.now() - started;
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const bytes = response.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return { disposition: String(response.headers['content-disposition']), pages: await pdfPageTexts(bytes) };
  }

  it('prints a posted invoice whose totals are the posted amounts and the customer ledger entry', async () => {
    const no = await postedInvoice('C', [
      { type: 'glAccount', no: '6100', description: 'Freight to Utrecht', quantity: '3', unitPrice: '33.33', lineDiscountPercent: '10' },
      { type: 'glAccount', no: '6100', quantity: '1', unitPrice: '1234.56' },
    ], { yourReference: 'REF-42', externalDocumentNo: 'PO-7781' });
    const { disposition, pages } = await downloadPdf(`/api/v1/postedSalesInvoices/${no.toLowerCase()}/pdf`);
    expect(disposition).toContain(`filename="Sales Invoice ${no}.pdf"`);
    const text = pages.join('\n');
    const invoice = (await send('GET', `/api/v1/postedSalesInvoices/${no}`)).json();
    const entry = (await send('GET', `/api/v1/navigate?documentNo=${no}`)).json().entries.customerLedgerEntries[0];
    expect(invoice.amountIncludingVat).toBe(entry.amount);
    // 3 × 33.33 − 10 % = 89.99, + 1,234.56 = 1,324.55; VAT 25 % = 331.14; incl. VAT 1,655.69.
    expect(invoice).toMatchObject({ amount: '1324.55', amountIncludingVat: '1655.69' });
    const amountLine = (caption: string) => text.split('\n').indexOf(caption);
    for (const expected of [no, 'Customer C', 'Ledgerline Trading BV', 'NL91ABNA0417164300', 'REF-42', 'PO-7781', 'Invoice', 'Freight to Utrecht', 'Page 1 of 1']) {
      expect(text).toContain(expected);
    }
    const lines = text.split('\n');
    expect(lines[amountLine('Total EUR Excl. VAT') + 1]).toBe('1,324.55');
    expect(lines[amountLine('Total EUR Incl. VAT') + 1]).toBe('1,655.69');
    expect(lines[amountLine('VAT') + 1]).toBe('331.14');
    // The VAT breakdown row (VAT25, 25 %, base, VAT, total) is what the VAT entries hold, sign turned for the customer.
    const vatEntries = (await send('GET', `/api/v1/navigate?documentNo=${no}`)).json().entries.vatEntries as Array<{ base: string; amount: string }>;
    expect(sum(vatEntries.map((row) => dec(row.base))).neg().toFixed(2)).toBe('1324.55');
    expect(sum(vatEntries.map((row) => dec(row.amount))).neg().toFixed(2)).toBe('331.14');
    const breakdown = lines.indexOf('VAT25');
    expect(lines.slice(breakdown, breakdown + 5)).toEqual(['VAT25', '25', '1,324.55', '331.14', '1,655.69']);
  });

  it('saves a posted invoice as PDF from the command line', async () => {
    const no = await postedInvoice('C', [{ type: 'glAccount', no: '6100', quantity: '2', unitPrice: '40' }]);
    const directory = mkdtempSync(join(tmpdir(), 'ledgerline-pdf-'));
    const out = join(directory, 'invoice.pdf');
    const stdout: string[] = [];
    const stderr: string[] = [];
    const database: DatabaseHandle = { db: api.db, kind: 'pglite', location: 'test', migrate: async () => undefined, close: async () => undefined };
    const io = { stdout: { write: (text: string) => stdout.push(text) }, stderr: { write: (text: string) => stderr.push(text) }, env: {}, openDatabase: async () => database };
    try {
      expect(await runCli(['pdf', 'postedInvoice', no, '--out', out], io), stderr.join('')).toBe(0);
      expect(stdout.join('')).toContain(out);
      const text = (await pdfPageTexts(readFileSync(out))).join('\n');
      expect(text).toContain(no);
      expect(text).toContain('100.00');
      expect(await runCli(['pdf', 'packingList', no], io)).toBe(1);
      expect(stderr.join('')).toContain("Unknown document 'packingList'");
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('prints Dutch captions, number and date formats and the payment discount for a Dutch customer', async () => {
    const no = await postedInvoice('NL', [{ type: 'glAccount', no: '6100', description: 'Fietsonderhoud', quantity: '2', unitPrice: '1000' }]);
    const { pages } = await downloadPdf(`/api/v1/postedSalesInvoices/${no}/pdf`);
    const text = pages.join('\n');
    for (const expected of ['Factuur', 'Fietsen de Vries', 'Totaal EUR incl. btw', 'Btw-specificatie', 'Pagina 1 van 1', '2.500,00', '15-01-2026']) {
      expect(text).toContain(expected);
    }
    // 1M(8D): 2 % payment discount of 2,500.00 until 23-01-2026.
    expect(text).toContain('2% (50,00) bij betaling vóór 23-01-2026');
    expect(text).not.toContain('Invoice');
  });

  it('prints a posted credit memo, an order confirmation and a Dutch quote', async () => {
    const memo = await send('POST', '/api/v1/salesCreditMemos', { sellToCustomerNo: 'C', lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '80' }] });
    expect(memo.statusCode, memo.body).toBe(201);
    const posted = await send('POST', `/api/v1/salesCreditMemos/${memo.json().no}/post`);
    expect(posted.statusCode, posted.body).toBe(201);
    const memoNo = posted.json().creditMemoNo as string;
    const credit = await downloadPdf(`/api/v1/postedSalesCreditMemos/${memoNo}/pdf`);
    expect(credit.disposition).toContain(`Sales Credit Memo ${memoNo}.pdf`);
    expect(credit.pages.join('\n')).toContain('100.00');

    const order = await send('POST', '/api/v1/salesOrders', { sellToCustomerNo: 'C', lines: [{ type: 'glAccount', no: '6100', quantity: '4', unitPrice: '12.5' }] });
    const confirmation = await downloadPdf(`/api/v1/salesOrders/${order.json().no}/pdf`);
    expect(confirmation.pages.join('\n')).toMatch(/Order Confirmation[\s\S]*62\.50/);
    const quote = await send('POST', '/api/v1/salesQuotes', { sellToCustomerNo: 'NL', lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '10' }] });
    const offer = await downloadPdf(`/api/v1/salesQuotes/${quote.json().no}/pdf`);
    // Quote Validity Calculation 30D from the work date 15-01-2026.
    expect(offer.pages.join('\n')).toMatch(/Offerte[\s\S]*Geldig tot\n14-02-2026[\s\S]*12,50/);
    expect((await api.as('viewer')('GET', '/api/v1/postedSalesInvoices/NOPE/pdf')).statusCode).toBe(404);
  });

  it('renders a 1,000-line invoice over several pages with the column captions repeated', async () => {
    const lines = Array.from({ length: 1000 }, (_, index) => ({ type: 'glAccount', no: '6100', description: `Service ${index + 1}`, quantity: '1', unitPrice: '1.01' }));
    const no = await postedInvoice('C', lines);
    const timing = { milliseconds: 0 };
    const { pages } = await downloadPdf(`/api/v1/postedSalesInvoices/${no}/pdf`, timing);
    console.log(`1,000-line invoice: ${pages.length} pages, loaded and rendered by GET …/pdf in ${Math.round(timing.milliseconds)} ms`);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]).toContain('Description');
    expect(pages[1]).toContain('Unit Price');
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(pages.join('\n')).toContain('Service 1000');
    expect(pages.join('\n')).toContain('1,262.50');
  });
});
