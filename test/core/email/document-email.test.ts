import { describe, expect, it } from 'vitest';
import { buildPayPalPaymentLink } from '../../../src/core/documents/payment-link.ts';
import { buildPrintableDocument, type PrintableLineSource, type PrintableSource } from '../../../src/core/documents/printable-document.ts';
import { attachmentFileName, documentEmailHtml, emailSubject } from '../../../src/core/email/document-email.ts';
import { escapeHtml } from '../../../src/core/text/escape-html.ts';

const blankParty = { Name: '', Name2: '', Address: '', Address2: '', PostCode: '', City: '', County: '', CountryRegionCode: '', Contact: '' };
const party = (prefix: 'billTo' | 'shipTo', fields: Partial<typeof blankParty>) =>
  Object.fromEntries(Object.entries({ ...blankParty, ...fields }).map(([key, value]) => [`${prefix}${key}`, value]));

const line = (fields: Partial<PrintableLineSource>): PrintableLineSource => ({
  type: 'glAccount', no: '6100', description: 'Consulting', description2: '', quantity: '8', unitOfMeasureCode: null, unitPrice: '125',
  lineDiscountPercent: '0', lineAmount: '1000', amount: '1000', amountIncludingVat: '1250', vatIdentifier: 'VAT25', vatPercent: '25', ...fields,
});

const source = (header: Partial<PrintableSource['header']> = {}, lines: PrintableLineSource[] = [line({})]): PrintableSource => ({
  kind: 'invoice', lcyCode: 'USD', lines,
  company: {
    name: 'Contoso Ltd', address: '', address2: '', postCode: '', city: '', countryRegionCode: '', phoneNo: '', email: '', homePage: '',
    vatRegistrationNo: '', registrationNo: '', bankName: '', iban: '', swiftCode: '',
  },
  header: {
    no: '103001', billToCustomerNo: 'C', documentDate: '2026-01-15', postingDate: '2026-01-15', dueDate: '2026-01-29', paymentDiscountDate: null,
    paymentDiscountPercent: '0', paymentTermsCode: '14D', externalDocumentNo: '', yourReference: '', vatRegistrationNo: '', languageCode: '',
    currencyCode: null, pricesIncludingVat: false, amount: '1000', amountIncludingVat: '1250', invoiceDiscountAmount: '0',
    ...party('billTo', { Name: 'Adatum Corporation' }), ...party('shipTo', { Name: 'Adatum Corporation' }), ...header,
  } as PrintableSource['header'],
});

// Worked example 14 (spec §21.4).
const example14 = buildPayPalPaymentLink({
  accountId: 'sales@contoso.com', targetUrl: 'https://www.paypal.com/cgi-bin/webscr?cmd=_xclick&charset=UTF-8&page_style=primary', sandbox: false,
  invoiceNo: '103001', amountIncludingVat: '1250.00', currencyCode: 'USD',
});

describe('document email content (spec §21.3)', () => {
  it('builds the subject and the attachment name of worked example 14', () => {
    expect(emailSubject('Contoso Ltd', 'invoice', '103001')).toBe('Contoso Ltd - Sales Invoice 103001');
    expect(attachmentFileName('invoice', '103001')).toBe('Sales Invoice 103001.pdf');
    expect(emailSubject('Contoso Ltd', 'creditMemo', 'PCM0001')).toBe('Contoso Ltd - Sales Credit Memo PCM0001');
    expect(emailSubject('Contoso Ltd', 'order', 'SO0001')).toBe('Contoso Ltd - Order Confirmation SO0001');
    expect(attachmentFileName('quote', 'SQ0001')).toBe('Sales Quote SQ0001.pdf');
    expect(emailSubject('  ', 'quote', 'SQ0001')).toBe('Sales Quote SQ0001');
  });

  it('renders greeting, number and dates, the line extract, the totals and the PayPal link, escaped', () => {
    const document = buildPrintableDocument(source({}, [line({ description: 'Design & <build>' }), line({ type: 'comment', description: 'Thank "you"', quantity: '0' })]));
    const html = documentEmailHtml({ kind: 'invoice', documentNo: '103001', document, companyName: 'Contoso Ltd', customerName: 'Adatum Corporation', paymentLinks: [example14] });
    expect(html).toContain('<p>Dear Adatum Corporation,</p><p>Please find attached Sales Invoice 103001.</p>');
    expect(html).toMatch(/>Document No.<\/th><td[^>]*>103001</);
    expect(html).toMatch(/>Document Date<\/th><td[^>]*>01\/15\/2026</);
    expect(html).toMatch(/>Due Date<\/th><td[^>]*>01\/29\/2026</);
    expect(html).toMatch(/<td[^>]*>Design &amp; &lt;build&gt;<\/td><td[^>]*>8<\/td><td[^>]*>125.00<\/td><td[^>]*>1,000.00<\/td>/);
    expect(html).toMatch(/<td colspan="4"[^>]*>Thank &quot;you&quot;<\/td>/);
    expect(html).toMatch(/>Total USD Excl. VAT<\/th><td[^>]*>1,000.00<\/td>.*>VAT<\/th><td[^>]*>250.00<\/td>.*>Total USD Incl. VAT<\/th><td[^>]*>1,250.00<\/td>/);
    expect(html).toContain('<a href="https://www.paypal.com/cgi-bin/webscr?cmd=_xclick&amp;charset=UTF-8&amp;page_style=primary&amp;business=sales%40contoso.com'
      + '&amp;amount=1250&amp;item_name=Invoice%20103001&amp;invoice=103001&amp;currency_code=USD">Pay with PayPal</a>');
    expect(html).toContain('<p>Kind regards,<br>Contoso Ltd</p>');
    expect(html).not.toContain('<build>');
  });

  it('writes Dutch captions for a Dutch customer and shows the sandbox remark', () => {
    const document = buildPrintableDocument(source({ languageCode: 'NLD' }));
    const sandbox = { ...example14, sandboxNote: 'Test invoice - no money transferred' };
    const html = documentEmailHtml({ kind: 'invoice', documentNo: '103001', document, companyName: 'Contoso Ltd', customerName: 'Adatum', paymentLinks: [sandbox] });
    expect(html).toContain('<p>Beste Adatum,</p><p>In de bijlage vindt u Sales Invoice 103001.</p>');
    expect(html).toMatch(/>Vervaldatum<\/th><td[^>]*>29-01-2026</);
    expect(html).toMatch(/>Totaal USD incl. btw<\/th><td[^>]*>1.250,00</);
    expect(html).toContain('Pay with PayPal</a> <em>(Test invoice - no money transferred)</em>');
    expect(html).toContain('<html lang="nl">');
  });

  it('puts the user\'s own text in place of the extract, keeping the payment link', () => {
    const document = buildPrintableDocument(source());
    const html = documentEmailHtml({
      kind: 'invoice', documentNo: '103001', document, companyName: '', customerName: 'Adatum', paymentLinks: [example14], ownText: 'Hi <team>,\nline two\n\nBye',
    });
    expect(html).toContain('<p>Hi &lt;team&gt;,<br>line two</p><p>Bye</p>');
    expect(html).not.toContain('document-lines');
    expect(html).toContain('Pay with PayPal');
    expect(html).not.toContain('Kind regards');
  });

  it('escapes every HTML special character', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
