import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TestApi } from '../../support/api.ts';
import { created } from '../../support/given.ts';
import { pdfPageTexts } from '../../support/pdf-text.ts';
import { givenReceivablesCompany, postedInvoice, type Send } from '../receivables/receivables-fixture.ts';

// The "Pay with PayPal" link in the PDF (spec §21.4: the link appears in the email body and in the PDF).
let api: TestApi;
let send: Send;
beforeEach(async () => {
  ({ api, send } = await givenReceivablesCompany('2026-03-05'));
});
afterEach(() => api.close());

/** The URLs of the link annotations of every page, read with pdfjs-dist like the text. */
async function pdfLinks(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const urls: string[] = [];
  for (let pageNo = 1; pageNo <= document.numPages; pageNo++) {
    const annotations = await (await document.getPage(pageNo)).getAnnotations();
    urls.push(...annotations.filter((annotation) => annotation.subtype === 'Link' && annotation.url).map((annotation) => annotation.url as string));
  }
  await document.destroy();
  // pdfmake may cover one link with several rectangles (one per text run): the same URL each time.
  return [...new Set(urls)];
}

async function download(url: string) {
  const response = await send('GET', url);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return { text: (await pdfPageTexts(response.rawPayload)).join('\n'), links: await pdfLinks(response.rawPayload) };
}

const enablePayPal = (fields: Record<string, unknown> = {}) =>
  send('PATCH', '/api/v1/paymentServices/PAYPAL', { enabled: true, accountId: 'sales@contoso.com', alwaysIncludeOnDocuments: true, ...fields });

describe('the PDF of a posted invoice', () => {
  it('shows "Pay with PayPal" linking to the invoice\'s PayPal URL', async () => {
    expect((await enablePayPal()).statusCode).toBe(200);
    const no = await postedInvoice(send, { unitPrice: '1000' });
    const { text, links } = await download(`/api/v1/postedSalesInvoices/${no}/pdf`);
    expect(text.split('\n')).toContain('Pay with PayPal');
    expect(text).not.toContain('Test invoice');
    expect(links).toEqual([
      `https://www.paypal.com/cgi-bin/webscr?cmd=_xclick&charset=UTF-8&page_style=primary&business=sales%40contoso.com&amount=1250&item_name=Invoice%20${no}&invoice=${no}&currency_code=EUR`,
    ]);
  });

  it('adds the sandbox remark when the service is a test one', async () => {
    await enablePayPal({ sandbox: true });
    const no = await postedInvoice(send, { unitPrice: '100' });
    const { text, links } = await download(`/api/v1/postedSalesInvoices/${no}/pdf`);
    expect(text.split('\n')).toEqual(expect.arrayContaining(['Pay with PayPal', 'Test invoice - no money transferred']));
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(/^https:\/\/www\.sandbox\.paypal\.com\/cgi-bin\/webscr\?.*&amount=125&/);
  });

  it('shows no link when the invoice has no payment service', async () => {
    await enablePayPal({ alwaysIncludeOnDocuments: false });
    const no = await postedInvoice(send, { unitPrice: '100' });
    const { text, links } = await download(`/api/v1/postedSalesInvoices/${no}/pdf`);
    expect(text).not.toContain('Pay with PayPal');
    expect(links).toEqual([]);
  });
});

describe('the PDF of an unposted quote', () => {
  it('links "Pay with PayPal" to PayPal\'s home page as a placeholder', async () => {
    await enablePayPal();
    const quote = await created(send, '/api/v1/salesQuotes', { sellToCustomerNo: 'C', lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '100' }] });
    const { text, links } = await download(`/api/v1/salesQuotes/${quote.no}/pdf`);
    expect(text.split('\n')).toContain('Pay with PayPal');
    expect(links).toEqual(['https://www.paypal.com/']);
  });
});
