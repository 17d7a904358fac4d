import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApi } from '../../support/api.ts';
import { glEntry, paymentNotification, paymentServiceSetup } from '../../../src/server/db/schema/index.ts';
import { notifyTokenFor } from '../../../src/server/payment-services/notify-token.ts';
import { assertLedgerConsistent, customerEntries, entryOf, type Send } from '../receivables/receivables-fixture.ts';
import { givenPayPalInvoice, useVerifyServer } from './paypal-fixture.ts';

// PayPal's notification at the notify_url of an invoice's link (spec §21.4, automatic registration).
// PayPal's verification address is a local server answering VERIFIED (paypal-verification.test.ts covers the rest).
const verify = useVerifyServer();
let api: TestApi;
let send: Send;
let invoiceNo: string;
let notifyPath: string;
beforeEach(async () => {
  ({ api, send, invoiceNo, notifyPath } = await givenPayPalInvoice());
});
afterEach(() => api.close());

const completed = (fields: Record<string, string> = {}) => ({
  txn_id: '61E67681CH3238416', txn_type: 'web_accept', invoice: invoiceNo, mc_gross: '1000.00', mc_currency: 'EUR', payment_status: 'Completed',
  receiver_email: 'sales@contoso.com', payer_email: 'buyer@example.com', payment_date: '10:20:30 Mar 20, 2026 PDT', ...fields,
});

/** PayPal's call: form-encoded, no session. */
const notify = (fields: Record<string, string>, path = notifyPath) => api.app.inject({
  method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString(),
});

const payments = async () => (await customerEntries(api)).filter((entry) => entry.documentType === 'payment');
const books = async () => ({ customerEntries: (await customerEntries(api)).length, glEntries: (await api.db.select().from(glEntry)).length });
const log = async () => (await send('GET', '/api/v1/paymentServices/PAYPAL/notifications')).json().items as Array<Record<string, unknown>>;

describe('a valid notification', () => {
  it('registers the payment applied to the invoice, closing it, dated by payment_date and balanced on the service\'s account', async () => {
    const response = await notify(completed());
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'accepted', paymentDocumentNo: 'PP0001' });
    expect(await entryOf(api, invoiceNo)).toMatchObject({ remainingAmount: '0.00', open: false, closedAtDate: '2026-03-20' });
    expect((await payments()).map((entry) => [entry.documentNo, entry.postingDate, entry.amount, entry.remainingAmount, entry.open]))
      .toEqual([['PP0001', '2026-03-20', '-1000.00', '0.00', false]]);
    const bank = (await api.db.select().from(glEntry)).filter((entry) => entry.documentNo === 'PP0001' && entry.glAccountNo === '2910');
    expect(bank.map((entry) => entry.amount)).toEqual(['1000.00']);
    await assertLedgerConsistent(api);
    expect(await log()).toEqual([expect.objectContaining({
      status: 'accepted', reason: '', transactionId: '61E67681CH3238416', invoiceNo, grossAmount: '1000.00', currencyCode: 'EUR', paymentDocumentNo: 'PP0001',
    })]);
  });

  it('registers a part payment, leaving the rest open', async () => {
    const response = await notify(completed({ mc_gross: '400.00' }));
    expect(response.statusCode, response.body).toBe(200);
    expect(await entryOf(api, invoiceNo)).toMatchObject({ remainingAmount: '600.00', open: true });
  });

  it('is registered once, however often PayPal repeats it', async () => {
    expect((await notify(completed())).statusCode).toBe(200);
    const again = await notify(completed());
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'duplicate', paymentDocumentNo: 'PP0001' });
    // Repeated at once: the unique index on service + transaction id lets one through.
    const burst = await Promise.all([notify(completed()), notify(completed())]);
    expect(burst.map((reply) => reply.statusCode)).toEqual([200, 200]);
    expect((await payments()).map((entry) => entry.documentNo)).toEqual(['PP0001']);
    const rows = await api.db.select().from(paymentNotification);
    expect(rows.filter((row) => row.status === 'accepted')).toHaveLength(1);
    expect(rows.filter((row) => row.status === 'refused').map((row) => row.reason))
      .toEqual(Array(3).fill('transaction 61E67681CH3238416 is already registered as payment PP0001'));
    await assertLedgerConsistent(api);
  });
});

describe('a forged or unknown notification changes nothing', () => {
  it.each([
    ['a wrong token', () => notify(completed(), notifyPath.replace(/token=[^&]+/, 'token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')), 403, 'the token is missing or wrong for this invoice'],
    ['no token', () => notify(completed(), notifyPath.replace(/\?.*$/, '')), 403, 'the token is missing or wrong for this invoice'],
    ['another invoice\'s token', () => notify(completed({ invoice: 'OTHER-1' })), 403, 'the token is missing or wrong for this invoice'],
    ['a wrong receiver', () => notify(completed({ receiver_email: 'thief@example.com' })), 403, 'the payment was sent to thief@example.com, not to the account sales@contoso.com'],
    ['a wrong currency', () => notify(completed({ mc_currency: 'USD' })), 422, 'the payment is in USD, invoice INVOICE in EUR'],
    ['more than owed', () => notify(completed({ mc_gross: '1000.01' })), 422, 'the amount 1000.01 is more than the 1000.00 invoice INVOICE still owes'],
    ['a pending payment', () => notify(completed({ payment_status: 'Pending' })), 422, 'the payment status is Pending, not Completed'],
    ['a negative amount', () => notify(completed({ mc_gross: '-5.00' })), 422, "the amount '-5.00' is not a positive amount"],
  ] as const)('refuses %s', async (_case, call, status, reasonOf) => {
    const reason = reasonOf.replace('INVOICE', invoiceNo);
    const before = await books();
    const response = await call();
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json()).toMatchObject({ code: 'PAYMENT_NOTIFICATION_REFUSED', detail: `The payment notification was refused: ${reason}. Nothing was posted.` });
    expect(await books()).toEqual(before);
    expect(await entryOf(api, invoiceNo)).toMatchObject({ remainingAmount: '1000.00', open: true });
    // Without the invoice's token anyone could send it: not even the log changes. With it, the refusal is shown with its reason.
    if (status === 403 && reason.startsWith('the token')) expect(await api.db.select().from(paymentNotification)).toEqual([]);
    else expect(await log()).toEqual([expect.objectContaining({ status: 'refused', reason, paymentDocumentNo: null })]);
    // Only a notification with the token and our account as receiver is posted back to PayPal.
    expect(verify.server.received).toHaveLength(status === 403 ? 0 : 1);
  });

  it('refuses an unknown invoice (404) even with a token made for its number, and a paid invoice', async () => {
    expect((await notify(completed())).statusCode).toBe(200);
    const before = await books();
    const paid = await notify(completed({ txn_id: 'SECOND' }));
    expect(paid.statusCode).toBe(422);
    expect(paid.json().detail).toContain(`invoice ${invoiceNo} is already paid`);
    // Only the holder of the secret can make a token for a number that was never posted.
    const [setup] = await api.db.select().from(paymentServiceSetup);
    const token = notifyTokenFor(setup!.notifyToken, 'PAYPAL', 'NOSUCH');
    const unknown = await notify(completed({ invoice: 'NOSUCH', txn_id: 'THIRD' }), notifyPath.replace(/token=[^&]+/, `token=${token}`));
    expect(unknown.statusCode, unknown.body).toBe(404);
    expect(unknown.json().detail).toContain('there is no posted sales invoice NOSUCH');
    expect(await books()).toEqual(before);
    expect((await log()).map((row) => row.status)).toEqual(['refused', 'refused', 'accepted']);
  });

  it('refuses everything while the service is disabled, and after the secret was replaced', async () => {
    await send('POST', '/api/v1/paymentServices/PAYPAL/regenerateNotifySecret');
    const replaced = await notify(completed());
    expect(replaced.statusCode).toBe(403);
    const [link] = (await send('GET', `/api/v1/postedSalesInvoices/${invoiceNo}/paymentLinks`)).json().items;
    const fresh = new URL(new URL(link.url).searchParams.get('notify_url')!);
    await send('PATCH', '/api/v1/paymentServices/PAYPAL', { enabled: false });
    const disabled = await notify(completed(), `${fresh.pathname}${fresh.search}`);
    expect(disabled.statusCode).toBe(403);
    expect(disabled.json().detail).toContain('PayPal Payments Standard is not enabled');
    expect(await payments()).toEqual([]);
  });
});
