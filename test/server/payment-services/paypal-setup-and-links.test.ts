import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApi } from '../../support/api.ts';
import { created } from '../../support/given.ts';
import { givenReceivablesCompany, postedInvoice, type Send } from '../receivables/receivables-fixture.ts';

// Payment Service Setup and the Payment Service Set (spec §21.1) and the PayPal link of a posted invoice (§21.4).
let api: TestApi;
let send: Send;
beforeEach(async () => { ({ api, send } = await givenReceivablesCompany('2026-03-05')); });
afterEach(() => api.close());

const paypal = async () => (await send('GET', '/api/v1/paymentServices/PAYPAL')).json();
const enablePayPal = async (fields: Record<string, unknown> = {}) => {
  const response = await send('PATCH', '/api/v1/paymentServices/PAYPAL', { enabled: true, accountId: 'sales@contoso.com', alwaysIncludeOnDocuments: true, ...fields });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('Payment Service Setup', () => {
  it('has PayPal Payments Standard built in, disabled, on PayPal\'s production address, its secret never shown', async () => {
    const list = await send('GET', '/api/v1/paymentServices');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({
      code: 'PAYPAL', name: 'PayPal Payments Standard', enabled: false, alwaysIncludeOnDocuments: false, accountId: '', sandbox: false,
      targetUrl: 'https://www.paypal.com/cgi-bin/webscr?cmd=_xclick&charset=UTF-8&page_style=primary', notifyTokenSet: true, notifyEndpoint: null,
    })]);
    expect(list.body).not.toContain('notifyToken"');
  });

  it('refuses what BC refuses: enabling without an account ID, a non-e-mail account ID, an http target URL, an unknown balancing account', async () => {
    const noAccount = await send('PATCH', '/api/v1/paymentServices/PAYPAL', { enabled: true });
    expect(noAccount.statusCode).toBe(422);
    expect(noAccount.json()).toMatchObject({ code: 'PAYMENT_SERVICE_SETUP_INCOMPLETE', errors: [{ field: 'accountId' }] });
    const badEmail = await send('PATCH', '/api/v1/paymentServices/PAYPAL', { accountId: 'sales-at-contoso' });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().errors).toEqual([expect.objectContaining({ field: 'accountId' })]);
    const insecure = await send('PATCH', '/api/v1/paymentServices/PAYPAL', { targetUrl: 'http://www.paypal.com/cgi-bin/webscr' });
    expect(insecure.statusCode).toBe(400);
    expect(insecure.json().errors).toEqual([expect.objectContaining({ field: 'targetUrl', message: expect.stringContaining('https') })]);
    const unknownAccount = await send('PATCH', '/api/v1/paymentServices/PAYPAL', { balAccountType: 'bankAccount', balAccountNo: 'NOSUCH' });
    expect(unknownAccount.json()).toMatchObject({ code: 'RELATED_RECORD_NOT_FOUND', errors: [{ field: 'balAccountNo' }] });
    const noBalancing = await send('PATCH', '/api/v1/paymentServices/PAYPAL', { enabled: true, accountId: 'sales@contoso.com', notifyBaseUrl: 'https://erp.example.com' });
    expect(noBalancing.json()).toMatchObject({ code: 'PAYMENT_SERVICE_SETUP_INCOMPLETE', errors: [{ field: 'balAccountNo' }] });
    // Nothing of the refused changes was kept.
    expect(await paypal()).toMatchObject({ enabled: false, accountId: '', balAccountNo: null, notifyBaseUrl: '', version: 1 });
  });

  it('changes with the setup permission only, and refuses a stale version', async () => {
    expect((await api.as('viewer')('PATCH', '/api/v1/paymentServices/PAYPAL', { description: 'x' })).statusCode).toBe(403);
    expect((await api.as('salesClerk')('PATCH', '/api/v1/paymentServices/PAYPAL', { description: 'x' })).statusCode).toBe(403);
    const changed = await enablePayPal({ sandbox: true });
    expect(changed).toMatchObject({ enabled: true, version: 2, effectiveTargetUrl: 'https://www.sandbox.paypal.com/cgi-bin/webscr?cmd=_xclick&charset=UTF-8&page_style=primary' });
    const stale = await api.as('admin')('PATCH', '/api/v1/paymentServices/PAYPAL', { description: 'late' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect((await paypal()).description).not.toBe('late');
  });
});

describe('Payment Service Set on the sales header', () => {
  it('starts with the services to Always Include on quotes, orders and invoices; the user may remove them', async () => {
    const before = await created(send, '/api/v1/salesInvoices', { sellToCustomerNo: 'C' });
    expect(before.paymentServiceSet).toEqual([]);
    await enablePayPal();
    const invoice = await created(send, '/api/v1/salesInvoices', { sellToCustomerNo: 'C' });
    expect(invoice.paymentServiceSet).toEqual(['PAYPAL']);
    expect((await created(send, '/api/v1/salesOrders', { sellToCustomerNo: 'C' })).paymentServiceSet).toEqual(['PAYPAL']);
    expect((await created(send, '/api/v1/salesCreditMemos', { sellToCustomerNo: 'C' })).paymentServiceSet).toEqual([]);
    const cash = await created(send, '/api/v1/salesInvoices', { sellToCustomerNo: 'C', paymentServiceSet: [] });
    expect(cash.paymentServiceSet).toEqual([]);
    const removed = await send('PATCH', `/api/v1/salesInvoices/${invoice.no}`, { paymentServiceSet: [] });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().paymentServiceSet).toEqual([]);
    const readded = await send('PATCH', `/api/v1/salesInvoices/${invoice.no}`, { paymentServiceSet: ['PAYPAL', 'PAYPAL'] });
    expect(readded.json().paymentServiceSet).toEqual(['PAYPAL']);
  });

  it('refuses a service on a credit memo, a disabled service and an unknown one', async () => {
    const creditMemo = await created(send, '/api/v1/salesCreditMemos', { sellToCustomerNo: 'C' });
    await enablePayPal();
    const onCreditMemo = await send('PATCH', `/api/v1/salesCreditMemos/${creditMemo.no}`, { paymentServiceSet: ['PAYPAL'] });
    expect(onCreditMemo.statusCode).toBe(422);
    expect(onCreditMemo.json()).toMatchObject({ code: 'PAYMENT_SERVICE_NOT_ON_DOCUMENT', errors: [{ field: 'paymentServiceSet' }] });
    const unknown = await send('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', paymentServiceSet: ['STRIPE'] });
    expect(unknown.statusCode).toBe(400);
    await send('PATCH', '/api/v1/paymentServices/PAYPAL', { enabled: false });
    const disabled = await send('POST', '/api/v1/salesInvoices', { sellToCustomerNo: 'C', paymentServiceSet: ['PAYPAL'] });
    expect(disabled.statusCode).toBe(422);
    expect(disabled.json()).toMatchObject({ code: 'PAYMENT_SERVICE_NOT_ENABLED', errors: [{ field: 'paymentServiceSet' }] });
  });
});

describe('the PayPal link of a posted invoice (spec §21.4)', () => {
  it('carries the set to the posted invoice and builds the link from its number, total incl. VAT and currency', async () => {
    await enablePayPal();
    const no = await postedInvoice(send, { unitPrice: '1000' });
    const posted = (await send('GET', `/api/v1/postedSalesInvoices/${no}`)).json();
    expect(posted.paymentServiceSet).toEqual(['PAYPAL']);
    expect(posted.amountIncludingVat).toBe('1250.00');
    const links = await send('GET', `/api/v1/postedSalesInvoices/${no}/paymentLinks`);
    expect(links.statusCode, links.body).toBe(200);
    expect(links.json().items).toEqual([{
      serviceName: 'PayPal Payments Standard', caption: 'Pay with PayPal', sandboxNote: null,
      url: `https://www.paypal.com/cgi-bin/webscr?cmd=_xclick&charset=UTF-8&page_style=primary&business=sales%40contoso.com&amount=1250&item_name=Invoice%20${no}&invoice=${no}&currency_code=EUR`,
    }]);
  });

  it('names Your Reference, uses the sandbox with its remark, and carries the notify_url with the invoice\'s token', async () => {
    await enablePayPal({ sandbox: true, notifyBaseUrl: 'https://erp.example.com/', balAccountType: 'bankAccount', balAccountNo: 'GIRO' });
    const invoice = await created(send, '/api/v1/salesInvoices', {
      sellToCustomerNo: 'C', postingDate: '2026-03-01', yourReference: 'PO 77/A', lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '100.40' }],
    });
    const no = (await created(send, `/api/v1/salesInvoices/${invoice.no}/post`, undefined)).invoiceNo;
    const [link] = (await send('GET', `/api/v1/postedSalesInvoices/${no}/paymentLinks`)).json().items;
    expect(link.sandboxNote).toBe('Test invoice - no money transferred');
    const url = new URL(link.url);
    expect(url.host).toBe('www.sandbox.paypal.com');
    expect(link.url).toContain(`&amount=125.5&item_name=Invoice%20${no}%20%28Your%20Ref.%20PO%2077%2FA%29&invoice=${no}&currency_code=EUR&notify_url=`);
    const notifyUrl = new URL(url.searchParams.get('notify_url')!);
    expect(notifyUrl.origin + notifyUrl.pathname).toBe('https://erp.example.com/api/v1/paymentServices/paypal/notify');
    expect(notifyUrl.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('shows no link when the invoice\'s set is empty or the service was disabled since', async () => {
    const without = await postedInvoice(send, { unitPrice: '100' });
    await enablePayPal();
    const withSet = await postedInvoice(send, { unitPrice: '100' });
    expect((await send('GET', `/api/v1/postedSalesInvoices/${without}/paymentLinks`)).json().items).toEqual([]);
    expect((await send('GET', `/api/v1/postedSalesInvoices/${withSet}/paymentLinks`)).json().items).toHaveLength(1);
    await send('PATCH', '/api/v1/paymentServices/PAYPAL', { enabled: false });
    expect((await send('GET', `/api/v1/postedSalesInvoices/${withSet}/paymentLinks`)).json().items).toEqual([]);
  });
});
