import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/server/cli/program.ts';
import type { DatabaseHandle } from '../../../src/server/db/connection.ts';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { describeValidation, validateEInvoices } from '../../support/einvoice-validation.ts';
import { created, givenCustomer } from '../../support/given.ts';
import { givenPostingCompany } from '../../support/given-posting.ts';

const workDate = { 'x-work-date': '2026-01-15' };
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', removeNSPrefix: true, parseTagValue: false, isArray: (name) => ['InvoiceLine', 'CreditNoteLine', 'TaxSubtotal', 'TaxTotal', 'AllowanceCharge', 'AdditionalDocumentReference'].includes(name) });

type Xml = Record<string, any>;
const text = (node: unknown): string => (typeof node === 'object' && node !== null ? String((node as Xml)['#text']) : String(node));

/**
 * Peppol BIS Billing 3.0 e-invoices of posted invoices and credit memos (issue 17 items 4–6): a corpus
 * of posted documents covering every VAT category, a foreign currency, invoice discount, invoice
 * rounding, several VAT rates, a credit memo with its billing reference and a 500-line invoice, each
 * downloaded over HTTP and valid against the UBL 2.1 XSD and both official rule sets.
 */
describe('Peppol e-invoices of posted documents (issue 17)', () => {
  let api: TestApi;
  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => api.as('admin')(method, url, body, workDate);
  const corpus = new Map<string, { no: string; resource: string; xml: string }>();

  async function ok(method: 'POST' | 'PATCH', url: string, body: unknown) {
    const response = await send(method, url, body);
    expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  }

  async function postedInvoice(customerNo: string, lines: unknown[], fields: Record<string, unknown> = {}, header: Record<string, unknown> = {}) {
    const invoice = await ok('POST', '/api/v1/salesInvoices', { sellToCustomerNo: customerNo, lines, ...fields });
    if (Object.keys(header).length > 0) await ok('PATCH', `/api/v1/salesInvoices/${invoice.no}`, header);
    return (await ok('POST', `/api/v1/salesInvoices/${invoice.no}/post`, {})).invoiceNo as string;
  }

  async function eInvoice(resource: string, no: string) {
    const response = await api.as('viewer')('GET', `/api/v1/${resource}/${no}/eInvoice`);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/xml/);
    return { xml: response.body, disposition: String(response.headers['content-disposition']) };
  }

  const line = (no: string, quantity: string, unitPrice: string, extra: Record<string, unknown> = {}) => ({ type: 'glAccount', no, quantity, unitPrice, ...extra });

  beforeAll(async () => {
    api = await testApi();
    const admin = await givenPostingCompany(api);
    await ok('PATCH', '/api/v1/companyInformation', {
      name: 'Ledgerline Trading BV', address: 'Keizersgracht 1', postCode: '1015 AA', city: 'Amsterdam', countryRegionCode: 'NL',
      vatRegistrationNo: 'NL123456789B01', registrationNo: '12345678', iban: 'NL91 ABNA 0417 1643 00', swiftCode: 'ABNANL2A',
      electronicAddress: '12345678', electronicAddressScheme: '0106', email: 'billing@ledgerline.example',
    });
    // VAT: 25 % and 9 % (S), 0 % (Z by default), exempt (E), intra-EU (K), reverse charge (AE by default), export (G), outside scope (O).
    for (const code of ['VAT9', 'ZERO', 'EXEMPT']) await created(admin, '/api/v1/vatProductPostingGroups', { code });
    for (const code of ['EU', 'EURC', 'EXPORT', 'NOTAX']) {
      await created(admin, '/api/v1/vatBusinessPostingGroups', { code });
      await created(admin, '/api/v1/genBusinessPostingGroups', { code, defaultVatBusPostingGroup: code });
      await created(admin, '/api/v1/generalPostingSetups', { genBusPostingGroup: code, genProdPostingGroup: 'RETAIL', salesAccount: '8000' });
    }
    const vat = (vatBusPostingGroup: string, vatProdPostingGroup: string, fields: Record<string, unknown>) =>
      created(admin, '/api/v1/vatPostingSetups', { vatBusPostingGroup, vatProdPostingGroup, salesVatAccount: '2310', reverseChargeVatAccount: '2310', ...fields });
    await vat('DOMESTIC', 'VAT9', { vatPercent: '9', vatIdentifier: 'VAT9' });
    await vat('DOMESTIC', 'ZERO', { vatPercent: '0', vatIdentifier: 'VAT0' });
    await vat('DOMESTIC', 'EXEMPT', { vatPercent: '0', vatIdentifier: 'EXEMPT', taxCategory: 'E', vatExemptionReasonCode: 'vatex-eu-132-1i', vatExemptionReason: 'Exempt financial services' });
    await vat('EU', 'VAT25', { vatPercent: '25', vatIdentifier: 'EU25', vatCalculationType: 'reverseCharge', taxCategory: 'K' });
    await vat('EURC', 'VAT25', { vatPercent: '25', vatIdentifier: 'RC25', vatCalculationType: 'reverseCharge' });
    await vat('EXPORT', 'VAT25', { vatPercent: '0', vatIdentifier: 'EXP0', taxCategory: 'G' });
    await vat('NOTAX', 'VAT25', { vatPercent: '0', vatIdentifier: 'NOTAX', taxCategory: 'O' });
    for (const [no, group] of [['6109', 'VAT9'], ['6190', 'ZERO'], ['6180', 'EXEMPT'], ['9310', 'ZERO']] as const) {
      await created(admin, '/api/v1/glAccounts', { no, name: `Services ${group}`, incomeBalance: 'incomeStatement', genProdPostingGroup: 'RETAIL', vatProdPostingGroup: group });
    }
    await ok('PATCH', '/api/v1/customerPostingGroups/DOMESTIC', { invoiceRoundingAccount: '9310' });
    await created(admin, '/api/v1/currencies', { code: 'USD' });
    await created(admin, '/api/v1/currencies/USD/exchangeRates', { startingDate: '2026-01-01', exchangeRateAmount: '1.0837', relationalExchangeRateAmount: '1' });
    const dutch = { address: 'Dorpsstraat 5', postCode: '3511 AA', city: 'Utrecht', countryRegionCode: 'NL' };
    await givenCustomer(admin, 'NL', { name: 'Fietsen de Vries BV', ...dutch, vatRegistrationNo: 'NL987654321B01', electronicAddress: '87654321', electronicAddressScheme: '0106' });
    await givenCustomer(admin, 'NLUSD', { name: 'Dollar Trading BV', ...dutch, vatRegistrationNo: 'NL111222333B01', gln: '8712345678906', currencyCode: 'USD' });
    await givenCustomer(admin, 'BE', {
      name: 'Vélo Bruxelles SA', address: 'Rue Neuve 10', postCode: '1000', city: 'Brussel', countryRegionCode: 'BE', vatRegistrationNo: 'BE0123456749',
      electronicAddress: '0123456749', electronicAddressScheme: '0208', genBusPostingGroup: 'EU', vatBusPostingGroup: 'EU',
    });
    await givenCustomer(admin, 'DE', {
      name: 'Fahrrad Berlin GmbH', address: 'Unter den Linden 1', postCode: '10117', city: 'Berlin', countryRegionCode: 'DE', vatRegistrationNo: 'DE123456789',
      electronicAddress: 'DE123456789', electronicAddressScheme: '9930', genBusPostingGroup: 'EURC', vatBusPostingGroup: 'EURC',
    });
    await givenCustomer(admin, 'US', {
      name: 'Bikes of Boston Inc.', address: '1 Main Street', postCode: '02108', city: 'Boston', countryRegionCode: 'US', currencyCode: 'USD',
      gln: '0614141000012', genBusPostingGroup: 'EXPORT', vatBusPostingGroup: 'EXPORT',
    });
    await givenCustomer(admin, 'NT', { name: 'Stichting Buiten Scope', ...dutch, electronicAddress: '55554444', electronicAddressScheme: '0106', genBusPostingGroup: 'NOTAX', vatBusPostingGroup: 'NOTAX' });
    await givenCustomer(admin, 'NOADDR', { name: 'No Endpoint BV', ...dutch, vatRegistrationNo: 'NL444555666B01' });

    const invoices: Array<[string, () => Promise<string>]> = [
      ['standard rates, line discount', () => postedInvoice('NL', [
        line('6100', '3', '33.33', { description: 'Freight to Utrecht', lineDiscountPercent: '10' }), line('6109', '2', '19.99', { description: 'Repair service' }),
      ], { yourReference: 'REF-42', externalDocumentNo: 'PO-7781' })],
      ['invoice discount over two rates', () => postedInvoice('NL', [line('6100', '4', '100'), line('6109', '7', '12.345')], { externalDocumentNo: 'PO-7782' }, { invoiceDiscountAmount: '50' })],
      ['zero-rated and exempt', () => postedInvoice('NL', [line('6190', '1', '200', { description: 'Books' }), line('6180', '1', '300', { description: 'Insurance' }), line('6100', '1', '10')])],
      ['intra-community supply', () => postedInvoice('BE', [line('6100', '5', '80', { description: 'Bicycles' })], { externalDocumentNo: 'BE-PO-1' })],
      ['reverse charge', () => postedInvoice('DE', [line('6100', '2', '450', { description: 'Installation works' })], { yourReference: 'Einkauf 7' })],
      ['export in USD', () => postedInvoice('US', [line('6100', '3', '125.5', { description: 'Export bikes' })])],
      ['domestic in USD', () => postedInvoice('NLUSD', [line('6100', '3', '33.37'), line('6109', '1', '10.01')])],
      ['outside the scope of VAT', () => postedInvoice('NT', [line('6100', '1', '99.99', { description: 'Donation handling' })])],
    ];
    for (const [name, post] of invoices) {
      const no = await post();
      corpus.set(name, { no, resource: 'postedSalesInvoices', xml: '' });
    }
    // Invoice rounding to whole euros (spec §4.7), on the Invoice Rounding Account 9310 at 0 % VAT.
    await ok('PATCH', '/api/v1/salesReceivablesSetup', { invoiceRounding: true });
    await ok('PATCH', '/api/v1/generalLedgerSetup', { invoiceRoundingPrecisionLcy: '1' });
    corpus.set('invoice rounding', { no: await postedInvoice('NL', [line('6100', '1', '10.33'), line('6109', '1', '5.55')]), resource: 'postedSalesInvoices', xml: '' });
    await ok('PATCH', '/api/v1/salesReceivablesSetup', { invoiceRounding: false });
    // A credit memo applied to the first invoice: its billing reference.
    const first = corpus.get('standard rates, line discount')!.no;
    const memo = await ok('POST', '/api/v1/salesCreditMemos', {
      sellToCustomerNo: 'NL', externalDocumentNo: 'RMA-1', appliesToDocumentType: 'invoice', appliesToDocumentNo: first,
      lines: [line('6100', '1', '29.99', { description: 'Freight refund' })],
    });
    corpus.set('credit memo', { no: (await ok('POST', `/api/v1/salesCreditMemos/${memo.no}/post`, {})).creditMemoNo, resource: 'postedSalesCreditMemos', xml: '' });
    corpus.set('500 lines', {
      no: await postedInvoice('NL', Array.from({ length: 500 }, (_, index) => line(index % 2 ? '6109' : '6100', String(1 + (index % 3)), '1.01', { description: `Service ${index + 1}` })), { externalDocumentNo: 'PO-500' }),
      resource: 'postedSalesInvoices', xml: '',
    });
    for (const entry of corpus.values()) entry.xml = (await eInvoice(entry.resource, entry.no)).xml;
    if (process.env.EINVOICE_DUMP) {
      const { mkdirSync, writeFileSync } = await import('node:fs');
      mkdirSync(process.env.EINVOICE_DUMP, { recursive: true });
      for (const [name, entry] of corpus) writeFileSync(join(process.env.EINVOICE_DUMP, `${name}.xml`), entry.xml);
    }
  }, 240_000);
  afterAll(async () => api?.close());

  it('generates every document of the corpus valid against the UBL 2.1 XSD and both rule sets, with no fatal failed assert', async () => {
    const names = [...corpus.keys()];
    const started = performance.now();
    const results = await validateEInvoices(names.map((name) => corpus.get(name)!.xml));
    console.log(`${names.length} e-invoices validated (XSD, EN 16931, Peppol) in ${Math.round(performance.now() - started)} ms`);
    for (const [index, name] of names.entries()) {
      const result = results[index]!;
      expect(result.schemaErrors, `${name}\n${describeValidation(result)}`).toEqual([]);
      expect(result.fatal, `${name}\n${describeValidation(result)}`).toEqual([]);
    }
  }, 240_000);

  const parsed = (name: string) => {
    const root = parser.parse(corpus.get(name)!.xml) as Xml;
    return (root.Invoice ?? root.CreditNote) as Xml;
  };
  const lineCategories = (document: Xml) => ((document.InvoiceLine ?? document.CreditNoteLine) as Xml[]).map((entry) => String(entry.Item.ClassifiedTaxCategory.ID));
  const navigate = async (no: string) => (await send('GET', `/api/v1/navigate?documentNo=${no}`)).json().entries;

  it('states the posted totals, the VAT entries and the customer ledger entry', async () => {
    const no = corpus.get('standard rates, line discount')!.no;
    const document = parsed('standard rates, line discount');
    const invoice = (await send('GET', `/api/v1/postedSalesInvoices/${no}`)).json();
    const entries = await navigate(no);
    expect(text(document.LegalMonetaryTotal.PayableAmount)).toBe(invoice.amountIncludingVat);
    expect(text(document.LegalMonetaryTotal.PayableAmount)).toBe(entries.customerLedgerEntries[0].amount);
    expect(text(document.LegalMonetaryTotal.TaxExclusiveAmount)).toBe(invoice.amount);
    // 3 × 33.33 − 10 % = 89.99 at 25 %, 2 × 19.99 = 39.98 at 9 %.
    expect(invoice).toMatchObject({ amount: '129.97', amountIncludingVat: '156.07' });
    const vatEntries = entries.vatEntries as Array<{ base: string; amount: string }>;
    expect(text(document.TaxTotal[0].TaxAmount)).toBe(sum(vatEntries.map((row) => dec(row.amount))).neg().toFixed(2));
    expect((document.TaxTotal[0].TaxSubtotal as Xml[]).map((row) => [row.TaxCategory.ID, row.TaxCategory.Percent, text(row.TaxableAmount), text(row.TaxAmount)]))
      .toEqual([['S', '25', '89.99', '22.50'], ['S', '9', '39.98', '3.60']]);
    expect(document.BuyerReference).toBe('REF-42');
    expect(document.OrderReference.ID).toBe('PO-7781');
    expect(document.AccountingSupplierParty.Party.EndpointID).toEqual({ '#text': '12345678', '@_schemeID': '0106' });
    expect(document.AccountingCustomerParty.Party.EndpointID).toEqual({ '#text': '87654321', '@_schemeID': '0106' });
    expect(document.PaymentMeans.PayeeFinancialAccount.ID).toBe('NL91ABNA0417164300');
    expect(document.PaymentTerms.Note).toBe('14D');
    expect((document.InvoiceLine as Xml[])[0]!.AllowanceCharge.map((entry: Xml) => text(entry.Amount))).toEqual(['10.00']);
    // The PDF of the same invoice is embedded.
    const attachment = document.AdditionalDocumentReference[0].Attachment.EmbeddedDocumentBinaryObject;
    expect(attachment['@_filename']).toBe(`Sales Invoice ${no}.pdf`);
    expect(Buffer.from(attachment['#text'], 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { disposition } = await eInvoice('postedSalesInvoices', no.toLowerCase());
    expect(disposition).toContain(`filename="Sales Invoice ${no}.xml"`);
  });

  it('derives each line VAT category from the VAT posting setup and states the exemption reasons', () => {
    expect(lineCategories(parsed('zero-rated and exempt'))).toEqual(['Z', 'E', 'S']);
    expect(lineCategories(parsed('intra-community supply'))).toEqual(['K']);
    expect(lineCategories(parsed('reverse charge'))).toEqual(['AE']);
    expect(lineCategories(parsed('export in USD'))).toEqual(['G']);
    expect(lineCategories(parsed('outside the scope of VAT'))).toEqual(['O']);
    const exempt = (parsed('zero-rated and exempt').TaxTotal[0].TaxSubtotal as Xml[]).find((row) => row.TaxCategory.ID === 'E')!;
    expect(exempt.TaxCategory).toMatchObject({ TaxExemptionReasonCode: 'VATEX-EU-132-1I', TaxExemptionReason: 'Exempt financial services' });
    expect(parsed('reverse charge').TaxTotal[0].TaxSubtotal[0].TaxCategory.TaxExemptionReasonCode).toBe('VATEX-EU-AE');
    expect(parsed('intra-community supply').AccountingCustomerParty.Party.PartyTaxScheme.CompanyID).toBe('BE0123456749');
  });

  it('states the invoice discount as document allowances, and a foreign-currency document VAT in the local currency', async () => {
    const discounted = parsed('invoice discount over two rates');
    expect(sum((discounted.AllowanceCharge as Xml[]).map((entry) => dec(text(entry.Amount)))).toFixed(2)).toBe('50.00');
    expect(text(discounted.LegalMonetaryTotal.AllowanceTotalAmount)).toBe('50.00');
    const usd = parsed('domestic in USD');
    const no = corpus.get('domestic in USD')!.no;
    const vatEntries = (await navigate(no)).vatEntries as Array<{ amount: string }>;
    expect(usd.DocumentCurrencyCode).toBe('USD');
    expect(usd.TaxCurrencyCode).toBe('EUR');
    expect(text(usd.TaxTotal[1].TaxAmount)).toBe(sum(vatEntries.map((row) => dec(row.amount))).neg().toFixed(2));
    expect(usd.TaxTotal[1].TaxAmount['@_currencyID']).toBe('EUR');
    expect(usd.AccountingCustomerParty.Party.EndpointID).toEqual({ '#text': '8712345678906', '@_schemeID': '0088' });
  });

  it('states the invoice rounding as the payable rounding amount of the customer ledger entry', async () => {
    const no = corpus.get('invoice rounding')!.no;
    const document = parsed('invoice rounding');
    const entry = (await navigate(no)).customerLedgerEntries[0];
    // 10.33 at 25 % = 12.91, 5.55 at 9 % = 6.05: 18.96, rounded to 19.
    expect(text(document.LegalMonetaryTotal.TaxInclusiveAmount)).toBe('18.96');
    expect(text(document.LegalMonetaryTotal.PayableRoundingAmount)).toBe('0.04');
    expect(text(document.LegalMonetaryTotal.PayableAmount)).toBe(dec(entry.amount).toFixed(2));
    expect(entry.amount).toMatch(/^19(\.00)?$/);
  });

  it('writes the credit memo as a credit note referring to the invoice it is applied to', async () => {
    const document = parsed('credit memo');
    const invoiceNo = corpus.get('standard rates, line discount')!.no;
    expect(document.CreditNoteTypeCode).toBe('381');
    expect(document.BillingReference.InvoiceDocumentReference).toEqual({ ID: invoiceNo, IssueDate: '2026-01-15' });
    expect(text(document.LegalMonetaryTotal.PayableAmount)).toBe('37.49');
    expect((document.CreditNoteLine as Xml[]).map((entry) => text(entry.CreditedQuantity))).toEqual(['1']);
    const { disposition } = await eInvoice('postedSalesCreditMemos', corpus.get('credit memo')!.no);
    expect(disposition).toContain(`Sales Credit Memo ${corpus.get('credit memo')!.no}.xml`);
  });

  it('writes the 500-line invoice with every line and the posted total', async () => {
    const document = parsed('500 lines');
    const no = corpus.get('500 lines')!.no;
    const invoice = (await send('GET', `/api/v1/postedSalesInvoices/${no}`)).json();
    expect(document.InvoiceLine).toHaveLength(500);
    expect(text(document.LegalMonetaryTotal.PayableAmount)).toBe(invoice.amountIncludingVat);
    expect(text(document.LegalMonetaryTotal.LineExtensionAmount)).toBe(invoice.amount);
  });

  it('refuses the e-invoice of a customer without an electronic address, naming the field', async () => {
    const no = await postedInvoice('NOADDR', [line('6100', '1', '10')]);
    const response = await api.as('viewer')('GET', `/api/v1/postedSalesInvoices/${no}/eInvoice`);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'EINVOICE_FIELD_MISSING' });
    expect(response.json().detail).toContain('Electronic Address (endpoint ID) is missing (customer NOADDR)');
    expect((await api.as('viewer')('GET', '/api/v1/postedSalesInvoices/NOPE/eInvoice')).statusCode).toBe(404);
  });

  it('saves an e-invoice from the command line', async () => {
    const no = corpus.get('credit memo')!.no;
    const directory = mkdtempSync(join(tmpdir(), 'ledgerline-einvoice-'));
    const out = join(directory, 'credit.xml');
    const stdout: string[] = [];
    const stderr: string[] = [];
    const database: DatabaseHandle = { db: api.db, kind: 'pglite', location: 'test', migrate: async () => undefined, close: async () => undefined };
    const io = { stdout: { write: (chunk: string) => stdout.push(chunk) }, stderr: { write: (chunk: string) => stderr.push(chunk) }, env: {}, openDatabase: async () => database };
    try {
      expect(await runCli(['einvoice', 'postedCreditMemo', no, '--out', out], io), stderr.join('')).toBe(0);
      expect(stdout.join('')).toContain(out);
      // The same document as the download, but for the embedded PDF's creation time.
      const withoutPdf = (xml: string) => xml.replace(/(<cbc:EmbeddedDocumentBinaryObject[^>]*>)[^<]*</, '$1<');
      const saved = readFileSync(out, 'utf8');
      expect(saved).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<CreditNote /);
      expect(withoutPdf(saved)).toBe(withoutPdf(corpus.get('credit memo')!.xml));
      expect(await runCli(['einvoice', 'quote', no], io)).toBe(1);
      expect(stderr.join('')).toContain("Unknown document 'quote'");
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

