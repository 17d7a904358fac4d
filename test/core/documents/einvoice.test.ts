import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/core/errors.ts';
import { buildPeppolDocument, type EInvoiceLineSource, type EInvoiceSource } from '../../../src/core/documents/einvoice/peppol-document.ts';
import { base64, peppolXml } from '../../../src/core/documents/einvoice/peppol-invoice.ts';
import { dec } from '../../../src/core/money/decimal.ts';
import { describeValidation, validateEInvoices } from '../../support/einvoice-validation.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', removeNSPrefix: true, parseTagValue: false, isArray: (name) => ['InvoiceLine', 'CreditNoteLine', 'TaxSubtotal', 'TaxTotal', 'AllowanceCharge'].includes(name) });
type Xml = Record<string, any>;
const text = (node: unknown): string => (typeof node === 'object' && node !== null ? String((node as Xml)['#text']) : String(node));

const party = (prefix: 'billTo' | 'shipTo', fields: Record<string, string>) => Object.fromEntries(
  ['Name', 'Name2', 'Address', 'Address2', 'PostCode', 'City', 'County', 'CountryRegionCode', 'Contact'].map((name) => [`${prefix}${name}`, fields[name] ?? '']),
);

const vatSetups = [
  { vatBusPostingGroup: 'DOM', vatProdPostingGroup: 'HIGH', vatCalculationType: 'normal', vatPercent: '21', taxCategory: 'S', vatExemptionReasonCode: '', vatExemptionReason: '' },
  { vatBusPostingGroup: 'DOM', vatProdPostingGroup: 'LOW', vatCalculationType: 'normal', vatPercent: '9', taxCategory: 'S', vatExemptionReasonCode: '', vatExemptionReason: '' },
  { vatBusPostingGroup: 'DOM', vatProdPostingGroup: 'ZERO', vatCalculationType: 'normal', vatPercent: '0', taxCategory: 'S', vatExemptionReasonCode: '', vatExemptionReason: '' },
  { vatBusPostingGroup: 'DOM', vatProdPostingGroup: 'EXEMPT', vatCalculationType: 'normal', vatPercent: '0', taxCategory: 'E', vatExemptionReasonCode: '', vatExemptionReason: 'Exempt based on article 132 of Council Directive 2006/112/EC' },
  { vatBusPostingGroup: 'EU', vatProdPostingGroup: 'HIGH', vatCalculationType: 'reverseCharge', vatPercent: '21', taxCategory: 'K', vatExemptionReasonCode: '', vatExemptionReason: '' },
  { vatBusPostingGroup: 'RC', vatProdPostingGroup: 'HIGH', vatCalculationType: 'reverseCharge', vatPercent: '21', taxCategory: 'S', vatExemptionReasonCode: '', vatExemptionReason: '' },
  { vatBusPostingGroup: 'EXP', vatProdPostingGroup: 'HIGH', vatCalculationType: 'normal', vatPercent: '0', taxCategory: 'G', vatExemptionReasonCode: '', vatExemptionReason: '' },
  { vatBusPostingGroup: 'OUT', vatProdPostingGroup: 'HIGH', vatCalculationType: 'normal', vatPercent: '0', taxCategory: 'O', vatExemptionReasonCode: 'VATEX-EU-O', vatExemptionReason: '' },
];
const rates: Record<string, string> = Object.fromEntries(vatSetups.map((setup) => [`${setup.vatBusPostingGroup}/${setup.vatProdPostingGroup}`, setup.vatPercent]));

/** A posted line as the posting stores it: line amount, invoice discount, VAT rounded per line. */
function postedLine(lineNo: number, bus: string, product: string, quantity: string, unitPrice: string, options: { discountPercent?: string; invoiceDiscount?: string; description?: string } = {}): EInvoiceLineSource {
  const setup = vatSetups.find((row) => row.vatBusPostingGroup === bus && row.vatProdPostingGroup === product)!;
  const gross = dec(quantity).times(unitPrice).toDecimalPlaces(2);
  const lineDiscount = gross.times(options.discountPercent ?? '0').div(100).toDecimalPlaces(2);
  const lineAmount = gross.minus(lineDiscount);
  const amount = lineAmount.minus(options.invoiceDiscount ?? '0');
  const vat = setup.vatCalculationType === 'reverseCharge' ? dec('0') : amount.times(rates[`${bus}/${product}`]!).div(100).toDecimalPlaces(2);
  return {
    lineNo, type: 'glAccount', no: '8000', description: options.description ?? `Service ${lineNo}`, description2: '', quantity, unitOfMeasureCode: 'PCS',
    unitPrice, lineDiscountPercent: options.discountPercent ?? '0', lineDiscountAmount: lineDiscount.toFixed(2), lineAmount: lineAmount.toFixed(2),
    invoiceDiscountAmount: options.invoiceDiscount ?? '0', amount: amount.toFixed(2), amountIncludingVat: amount.plus(vat).toFixed(2),
    vatIdentifier: product, vatPercent: setup.vatPercent, vatCalculationType: setup.vatCalculationType, vatBusPostingGroup: bus, vatProdPostingGroup: product,
  };
}

function source(lines: EInvoiceLineSource[], overrides: Partial<EInvoiceSource> = {}, header: Record<string, unknown> = {}): EInvoiceSource {
  const amount = lines.reduce((total, line) => total.plus(line.amount), dec('0'));
  const including = lines.reduce((total, line) => total.plus(line.amountIncludingVat), dec('0'));
  return {
    kind: 'invoice',
    header: {
      no: 'PSI000001', billToCustomerNo: 'C1', documentDate: '2026-01-15', postingDate: '2026-01-15', dueDate: '2026-02-14', shipmentDate: null,
      paymentDiscountDate: null, paymentDiscountPercent: '0', paymentTermsCode: '30D', externalDocumentNo: 'PO-1', yourReference: '',
      vatRegistrationNo: 'NL987654321B01', languageCode: '', currencyCode: null, pricesIncludingVat: false,
      amount: amount.toFixed(2), amountIncludingVat: including.toFixed(2),
      invoiceDiscountAmount: lines.reduce((total, line) => total.plus(line.invoiceDiscountAmount), dec('0')).toFixed(2),
      correctedInvoiceNo: null, appliesToDocumentType: null, appliesToDocumentNo: null,
      ...party('billTo', { Name: 'Fietsen de Vries BV', Address: 'Dorpsstraat 5', PostCode: '3511 AA', City: 'Utrecht', CountryRegionCode: 'NL' }),
      ...party('shipTo', {}),
      ...header,
    } as EInvoiceSource['header'],
    lines, vatSetups, unitCodes: {},
    company: {
      name: 'Ledgerline Trading BV', address: 'Keizersgracht 1', address2: '', postCode: '1015 AA', city: 'Amsterdam', countryRegionCode: 'NL',
      phoneNo: '', email: 'billing@ledgerline.example', homePage: '', vatRegistrationNo: 'NL123456789B01', registrationNo: '12345678',
      bankName: '', iban: 'NL91ABNA0417164300', swiftCode: 'ABNANL2A', electronicAddress: '12345678', electronicAddressScheme: '0106',
    },
    customer: { no: 'C1', electronicAddress: '87654321', electronicAddressScheme: '0106', gln: '', email: '', phoneNo: '' },
    lcyCode: 'EUR',
    paymentTermsDescription: '30 days net',
    pdf: { fileName: 'Sales Invoice PSI000001.pdf', content: new TextEncoder().encode('%PDF-1.4 test') },
    ...overrides,
  };
}

const belgian = { ...party('billTo', { Name: 'Vélo Bruxelles SA', Address: 'Rue Neuve 10', PostCode: '1000', City: 'Brussel', CountryRegionCode: 'BE' }), vatRegistrationNo: 'BE0123456749' };
const belgianCustomer = { no: 'BE1', electronicAddress: '0123456749', electronicAddressScheme: '0208', gln: '', email: '', phoneNo: '' };

const cases: Record<string, EInvoiceSource> = {
  'standard and reduced rate with a line discount': source([postedLine(10000, 'DOM', 'HIGH', '3', '33.33', { discountPercent: '10' }), postedLine(20000, 'DOM', 'LOW', '2', '19.99')]),
  'invoice discount over two rates': source([postedLine(10000, 'DOM', 'HIGH', '4', '100', { invoiceDiscount: '29.41' }), postedLine(20000, 'DOM', 'LOW', '7', '12.345', { invoiceDiscount: '20.59' })]),
  'zero rate and exempt': source([postedLine(10000, 'DOM', 'ZERO', '1', '200'), postedLine(20000, 'DOM', 'EXEMPT', '1', '300'), postedLine(30000, 'DOM', 'HIGH', '1', '10')]),
  'intra-community supply': source([postedLine(10000, 'EU', 'HIGH', '5', '80')], { customer: belgianCustomer }, { ...belgian, shipmentDate: '2026-01-14' }),
  'reverse charge': source([postedLine(10000, 'RC', 'HIGH', '2', '450')], { customer: belgianCustomer }, belgian),
  'export in a foreign currency': source([postedLine(10000, 'EXP', 'HIGH', '3', '125.5')], { vatAmountLcy: '0', customer: { ...belgianCustomer, electronicAddress: '0614141000012', electronicAddressScheme: '0088' } }, {
    ...party('billTo', { Name: 'Bikes of Boston Inc.', Address: '1 Main Street', PostCode: '02108', City: 'Boston', CountryRegionCode: 'US' }), vatRegistrationNo: '', currencyCode: 'USD',
  }),
  'standard rate in a foreign currency': source([postedLine(10000, 'DOM', 'HIGH', '3', '33.37')], { vatAmountLcy: '19.38' }, { currencyCode: 'USD' }),
  'outside the scope of VAT': source([postedLine(10000, 'OUT', 'HIGH', '1', '99.99')], {}, { vatRegistrationNo: '' }),
  'invoice rounding': source([postedLine(10000, 'DOM', 'HIGH', '1', '10.33'), postedLine(20000, 'DOM', 'LOW', '1', '5.55')], { payableAmount: '19.00' }),
  'prices including VAT and a negative line': source([
    { ...postedLine(10000, 'DOM', 'HIGH', '3', '12.10'), lineAmount: '36.30', amount: '30.00', amountIncludingVat: '36.30', unitPrice: '12.10' },
    { ...postedLine(20000, 'DOM', 'HIGH', '1', '-6.05'), lineAmount: '-6.05', amount: '-5.00', amountIncludingVat: '-6.05', unitPrice: '-6.05' },
  ], {}, { pricesIncludingVat: true }),
  'credit note with a billing reference': source([postedLine(10000, 'DOM', 'HIGH', '1', '29.99')], { kind: 'creditMemo', billingReference: { id: 'PSI000001', issueDate: '2026-01-15' } }, { no: 'PSCM000001', paymentTermsCode: null }),
};

describe('Peppol BIS Billing 3.0 builder (issue 17)', () => {
  it('writes every case valid against the UBL 2.1 XSD and both rule sets', async () => {
    const names = Object.keys(cases);
    const xmls = names.map((name) => peppolXml(buildPeppolDocument(cases[name]!)));
    const results = await validateEInvoices(xmls);
    for (const [index, name] of names.entries()) {
      expect(results[index]!.schemaErrors, `${name}\n${describeValidation(results[index]!)}`).toEqual([]);
      expect(results[index]!.fatal, `${name}\n${describeValidation(results[index]!)}`).toEqual([]);
    }
  }, 120_000);

  const parsed = (name: string) => {
    const xml = peppolXml(buildPeppolDocument(cases[name]!));
    const root = parser.parse(xml) as Xml;
    return { xml, document: (root.Invoice ?? root.CreditNote) as Xml };
  };
  const lineCategories = (document: Xml) => ((document.InvoiceLine ?? document.CreditNoteLine) as Xml[])
    .map((line) => `${line.Item.ClassifiedTaxCategory.ID}${line.Item.ClassifiedTaxCategory.Percent === undefined ? '' : ` ${line.Item.ClassifiedTaxCategory.Percent}`}`);
  const subtotals = (document: Xml) => (document.TaxTotal[0].TaxSubtotal as Xml[]).map((row) => ({
    category: row.TaxCategory.ID, percent: row.TaxCategory.Percent, taxable: text(row.TaxableAmount), tax: text(row.TaxAmount),
    reasonCode: row.TaxCategory.TaxExemptionReasonCode, reason: row.TaxCategory.TaxExemptionReason,
  }));

  it('states the posted amounts: line extension, line allowance, tax per rate and the payable total', () => {
    const { document } = parsed('standard and reduced rate with a line discount');
    // 3 × 33.33 = 99.99 − 10 % (10.00) = 89.99 at 21 % (18.90); 2 × 19.99 = 39.98 at 9 % (3.60).
    const [first] = document.InvoiceLine as Xml[];
    expect(text(first!.LineExtensionAmount)).toBe('89.99');
    expect(first!.AllowanceCharge.map((entry: Xml) => text(entry.Amount))).toEqual(['10.00']);
    expect(first!.Price.PriceAmount['#text']).toBe('33.33');
    expect(first!.InvoicedQuantity['@_unitCode']).toBe('H87');
    expect(subtotals(document)).toEqual([
      { category: 'S', percent: '21', taxable: '89.99', tax: '18.90', reasonCode: undefined, reason: undefined },
      { category: 'S', percent: '9', taxable: '39.98', tax: '3.60', reasonCode: undefined, reason: undefined },
    ]);
    expect(text(document.LegalMonetaryTotal.PayableAmount)).toBe(cases['standard and reduced rate with a line discount']!.header.amountIncludingVat);
    expect(text(document.LegalMonetaryTotal.PayableAmount)).toBe('152.47');
    expect(document.PaymentMeans.PayeeFinancialAccount.ID).toBe('NL91ABNA0417164300');
    expect(document.AdditionalDocumentReference.Attachment.EmbeddedDocumentBinaryObject['@_filename']).toBe('Sales Invoice PSI000001.pdf');
  });

  it('turns the invoice discount into one document allowance per VAT rate', () => {
    const { document } = parsed('invoice discount over two rates');
    expect(document.AllowanceCharge.map((entry: Xml) => [text(entry.Amount), entry.TaxCategory.Percent])).toEqual([['29.41', '21'], ['20.59', '9']]);
    expect(text(document.LegalMonetaryTotal.LineExtensionAmount)).toBe('486.42');
    expect(text(document.LegalMonetaryTotal.AllowanceTotalAmount)).toBe('50.00');
    expect(text(document.LegalMonetaryTotal.TaxExclusiveAmount)).toBe('436.42');
  });

  it('derives the VAT category of each line from its VAT posting setup, with the exemption reasons', () => {
    expect(lineCategories(parsed('zero rate and exempt').document)).toEqual(['Z 0', 'E 0', 'S 21']);
    expect(subtotals(parsed('zero rate and exempt').document)[1]).toMatchObject({ category: 'E', reason: 'Exempt based on article 132 of Council Directive 2006/112/EC' });
    expect(lineCategories(parsed('intra-community supply').document)).toEqual(['K 0']);
    expect(subtotals(parsed('intra-community supply').document)[0]).toMatchObject({ category: 'K', tax: '0.00', reasonCode: 'VATEX-EU-IC' });
    // Reverse charge with the default category S becomes AE.
    expect(subtotals(parsed('reverse charge').document)[0]).toMatchObject({ category: 'AE', percent: '0', taxable: '900.00', tax: '0.00', reasonCode: 'VATEX-EU-AE' });
    expect(subtotals(parsed('export in a foreign currency').document)[0]).toMatchObject({ category: 'G', reasonCode: 'VATEX-EU-G' });
    const outside = parsed('outside the scope of VAT').document;
    expect(lineCategories(outside)).toEqual(['O']);
    expect(outside.AccountingSupplierParty.Party.PartyTaxScheme).toBeUndefined();
  });

  it('states the VAT in the local currency for a foreign-currency document, and the invoice rounding', () => {
    const foreign = parsed('standard rate in a foreign currency').document;
    expect(foreign.DocumentCurrencyCode).toBe('USD');
    expect(foreign.TaxCurrencyCode).toBe('EUR');
    expect(foreign.TaxTotal.map((total: Xml) => [text(total.TaxAmount), total.TaxAmount['@_currencyID']])).toEqual([['21.02', 'USD'], ['19.38', 'EUR']]);
    const rounded = parsed('invoice rounding').document.LegalMonetaryTotal;
    // 12.50 + 6.05 = 18.55, rounded to 19.00.
    expect([text(rounded.TaxInclusiveAmount), text(rounded.PayableRoundingAmount), text(rounded.PayableAmount)]).toEqual(['18.55', '0.45', '19.00']);
  });

  it('writes a credit note with its billing reference', () => {
    const { document } = parsed('credit note with a billing reference');
    expect(document.CreditNoteTypeCode).toBe('381');
    expect(document.BillingReference.InvoiceDocumentReference).toEqual({ ID: 'PSI000001', IssueDate: '2026-01-15' });
    expect(document.CreditNoteLine).toHaveLength(1);
    expect(document.PaymentMeans).toBeUndefined();
  });

  it('states lines priced including VAT at their net price, and a negative line as a negative quantity', () => {
    const { document } = parsed('prices including VAT and a negative line');
    const lines = (document.InvoiceLine as Xml[]).map((entry) => [text(entry.InvoicedQuantity), text(entry.LineExtensionAmount), entry.Price.PriceAmount['#text']]);
    expect(lines).toEqual([['3', '30.00', '10'], ['-1', '-5.00', '5']]);
    expect(text(document.LegalMonetaryTotal.PayableAmount)).toBe('30.25');
  });

  it('refuses an e-invoice when a field Peppol requires is missing, naming the field', () => {
    const unreferenced = { ...cases['credit note with a billing reference']!, billingReference: null };
    expect(() => buildPeppolDocument(unreferenced)).toThrow('Applies-to Doc. No. (the invoice the credit memo credits) is missing (Sales credit memo PSCM000001)');
    const noEndpoint = source([postedLine(10000, 'DOM', 'HIGH', '1', '10')], { customer: { no: 'C9', electronicAddress: '', electronicAddressScheme: '', gln: '', email: '', phoneNo: '' } });
    expect(() => buildPeppolDocument(noEndpoint)).toThrow(DomainError);
    expect(() => buildPeppolDocument(noEndpoint)).toThrow('Sales invoice PSI000001 cannot be sent as a Peppol e-invoice: Electronic Address (endpoint ID) is missing (customer C9)');
    const withGln = { ...noEndpoint, customer: { ...noEndpoint.customer, gln: '8712345678906' } };
    expect(buildPeppolDocument(withGln).buyer).toMatchObject({ endpointId: '8712345678906', endpointScheme: '0088' });
    const noIban = source([postedLine(10000, 'DOM', 'HIGH', '1', '10')]);
    noIban.company = { ...noIban.company, iban: '' };
    expect(() => buildPeppolDocument(noIban)).toThrow('IBAN is missing (company information)');
    const exempt = source([postedLine(10000, 'DOM', 'EXEMPT', '1', '10')]);
    exempt.vatSetups = exempt.vatSetups.map((row) => ({ ...row, vatExemptionReason: '' }));
    expect(() => buildPeppolDocument(exempt)).toThrow('VAT Exemption Reason is missing (VAT posting setup DOM/EXEMPT)');
    const reverseWithoutVat = source([postedLine(10000, 'RC', 'HIGH', '1', '10')], {}, { vatRegistrationNo: '' });
    expect(() => buildPeppolDocument(reverseWithoutVat)).toThrow(/VAT Registration No\. is missing \(customer C1/);
  });

  it('embeds attachments as RFC 4648 base64', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', '%PDF-1.4 \u00ff\u0000 test']) {
      const bytes = new TextEncoder().encode(text);
      expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
    const binary = Uint8Array.from({ length: 1000 }, (_, index) => (index * 37) % 256);
    expect(base64(binary)).toBe(Buffer.from(binary).toString('base64'));
  });

  it('reports a tampered document as invalid: the validator does not pass everything', async () => {
    const { xml } = parsed('standard and reduced rate with a line discount');
    const tampered = xml.replace('<cbc:PayableAmount currencyID="EUR">152.47<', '<cbc:PayableAmount currencyID="EUR">152.48<');
    const misplaced = xml.replace('<cbc:DueDate>', '<cbc:Note>late</cbc:Note><cbc:DueDate>');
    expect(tampered).not.toBe(xml);
    const [payable, order] = await validateEInvoices([tampered, misplaced]);
    expect(payable!.fatal.map((entry) => entry.id)).toContain('BR-CO-16');
    expect(order!.schemaErrors.join('\n')).toMatch(/DueDate.*not expected|not expected/);
  }, 30_000);
});

