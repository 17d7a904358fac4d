import { describe, expect, it } from 'vitest';
import { documentLanguageOf } from '../../../src/core/documents/document-captions.ts';
import { documentFormatter } from '../../../src/core/documents/document-format.ts';
import { buildPrintableDocument, type PrintableLineSource, type PrintableSource } from '../../../src/core/documents/printable-document.ts';

const blankParty = { Name: '', Name2: '', Address: '', Address2: '', PostCode: '', City: '', County: '', CountryRegionCode: '', Contact: '' };
const party = (prefix: 'billTo' | 'shipTo', fields: Partial<typeof blankParty>) =>
  Object.fromEntries(Object.entries({ ...blankParty, ...fields }).map(([key, value]) => [`${prefix}${key}`, value]));

const line = (fields: Partial<PrintableLineSource>): PrintableLineSource => ({
  type: 'item', no: '1000', description: 'Bicycle', description2: '', quantity: '1', unitOfMeasureCode: 'PCS', unitPrice: '100',
  lineDiscountPercent: '0', lineAmount: '100', amount: '100', amountIncludingVat: '125', vatIdentifier: 'VAT25', vatPercent: '25', ...fields,
});

const source = (overrides: Partial<PrintableSource['header']> = {}, lines: PrintableLineSource[] = [line({})]): PrintableSource => ({
  kind: 'invoice', lcyCode: 'EUR', lines,
  company: {
    name: 'Ledgerline BV', address: 'Keizersgracht 1', address2: '', postCode: '1015 AA', city: 'Amsterdam', countryRegionCode: 'NL', phoneNo: '',
    email: '', homePage: '', vatRegistrationNo: 'NL1B01', registrationNo: '', bankName: '', iban: 'NL91ABNA0417164300', swiftCode: 'ABNANL2A',
  },
  header: {
    no: 'PI0001', billToCustomerNo: 'C', documentDate: '2026-01-15', postingDate: '2026-01-15', dueDate: '2026-01-29', paymentDiscountDate: null,
    paymentDiscountPercent: '0', paymentTermsCode: '14D', externalDocumentNo: '', yourReference: '', vatRegistrationNo: '', languageCode: '',
    currencyCode: null, pricesIncludingVat: false, amount: '100', amountIncludingVat: '125', invoiceDiscountAmount: '0',
    ...party('billTo', { Name: 'Customer C', Address: 'Main St 1', PostCode: '1000', City: 'Brussels' }),
    ...party('shipTo', { Name: 'Customer C', Address: 'Main St 1', PostCode: '1000', City: 'Brussels' }),
    ...overrides,
  } as PrintableSource['header'],
});

describe('printable sales documents (spec §21)', () => {
  it.each([['NLD', 'nl'], ['nl', 'nl'], ['NL-BE', 'nl'], ['ENU', 'en'], ['', 'en'], ['DEU', 'en']] as const)('language code %s prints in %s', (code, language) => {
    expect(documentLanguageOf(code)).toBe(language);
  });

  it('formats amounts, quantities and dates per language without floats', () => {
    const nl = documentFormatter('nl');
    const en = documentFormatter('en');
    expect([nl.amount('1234567.5'), en.amount('1234567.5'), en.amount('0.005'), en.amount('-0.001')]).toEqual(['1.234.567,50', '1,234,567.50', '0.01', '0.00']);
    expect([nl.quantity('2.50000'), en.unitPrice('33.33333'), en.unitPrice('12')]).toEqual(['2,5', '33.33333', '12.00']);
    expect([nl.date('2026-01-05'), en.date('2026-01-05'), en.date(null)]).toEqual(['05-01-2026', '01/05/2026', '']);
    expect(documentFormatter('en', 0).amount('1234.5')).toBe('1,235');
  });

  it('sums the VAT breakdown per VAT identifier and rate from the stored line amounts, prepayment deductions included', () => {
    const document = buildPrintableDocument(source({ amount: '150.10', amountIncludingVat: '180.14' }, [
      line({ amount: '100.10', amountIncludingVat: '125.13' }),
      line({ type: 'comment', no: '', description: 'Delivered on Monday', quantity: '0', amount: '0', amountIncludingVat: '0' }),
      line({ no: 'B', amount: '80', amountIncludingVat: '86.40', vatIdentifier: 'VAT8', vatPercent: '8' }),
      line({ type: 'glAccount', no: '2400', description: 'Prepayment', quantity: '1', amount: '-30', amountIncludingVat: '-31.39', lineAmount: '-30',
        vatIdentifier: 'VAT25', vatPercent: '25', prepaymentLine: true }),
    ]));
    expect(document.vatRows).toEqual([
      { vatIdentifier: 'VAT25', vatPercent: '25', base: '70.10', vatAmount: '23.64', amountIncludingVat: '93.74' },
      { vatIdentifier: 'VAT8', vatPercent: '8', base: '80.00', vatAmount: '6.40', amountIncludingVat: '86.40' },
    ]);
    expect(document.lines[1]).toMatchObject({ comment: true, description: 'Delivered on Monday', lineAmount: '' });
    expect(document.lines[3]).toMatchObject({ no: '2400', lineAmount: '-30.00' });
    expect(document.totals).toEqual([
      { caption: 'Total EUR Excl. VAT', value: '150.10' }, { caption: 'VAT', value: '30.04' }, { caption: 'Total EUR Incl. VAT', value: '180.14' },
    ]);
  });

  it('prints Dutch captions, the payment discount, references and a ship-to only when it differs', () => {
    const document = buildPrintableDocument({
      ...source({
        languageCode: 'NLD', currencyCode: 'USD', paymentDiscountPercent: '2', paymentDiscountDate: '2026-01-23', yourReference: 'REF-1',
        invoiceDiscountAmount: '10', ...party('shipTo', { Name: 'Warehouse', City: 'Gent' }),
      }),
      paymentTermsDescription: '1 maand, 2% 8 dagen', paymentDiscountAmount: '-2.50',
    });
    expect(document.title).toBe('Factuur');
    expect(document.fileName).toBe('Sales Invoice PI0001.pdf');
    expect(document.shipTo?.lines).toEqual(['Warehouse', 'Gent']);
    expect(document.fields).toContainEqual({ caption: 'Uw referentie', value: 'REF-1' });
    expect(document.totals.map((field) => field.caption)).toEqual(['Factuurkorting', 'Totaal USD excl. btw', 'Btw', 'Totaal USD incl. btw']);
    expect(document.totals[0]!.value).toBe('-10,00');
    expect(document.paymentLines).toEqual([
      { caption: 'Betalingscondities', value: '1 maand, 2% 8 dagen' }, { caption: 'Vervaldatum', value: '29-01-2026' },
      { caption: 'Betalingskorting', value: '2% (2,50) bij betaling vóór 23-01-2026' },
    ]);
    expect(document.company.contactLines).toEqual(['Btw-nummer NL1B01', 'IBAN NL91ABNA0417164300', 'BIC ABNANL2A']);
    expect(buildPrintableDocument(source()).shipTo).toBeNull();
  });
});
