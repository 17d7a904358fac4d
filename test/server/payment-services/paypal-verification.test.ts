import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestApi } from '../../support/api.ts';
import { readConfig, readPayPalVerifyUrl } from '../../../src/server/config.ts';
import { paymentNotification } from '../../../src/server/db/schema/index.ts';
import {
  PAYPAL_SANDBOX_VERIFY_URL, PAYPAL_VERIFY_URL, payPalVerifyUrl, PayPalVerificationFailed, verifyWithPayPal,
} from '../../../src/server/payment-services/paypal-verification.ts';
import { customerEntries, entryOf } from '../receivables/receivables-fixture.ts';
import { givenPayPalInvoice, startVerifyServer, unreachableUrl, useVerifyServer, type VerifyServer } from './paypal-fixture.ts';

// PayPal IPN verification (spec §21.4): each notification is posted back, cmd=_notify-validate& + the body as received.

describe('the verification address', () => {
  it('is PayPal\'s live or sandbox address, unless LEDGERLINE_PAYPAL_VERIFY_URL replaces it', () => {
    expect(payPalVerifyUrl(false, undefined)).toBe('https://ipnpb.paypal.com/cgi-bin/webscr');
    expect(payPalVerifyUrl(true, undefined)).toBe('https://ipnpb.sandbox.paypal.com/cgi-bin/webscr');
    expect([PAYPAL_VERIFY_URL, PAYPAL_SANDBOX_VERIFY_URL]).toEqual([payPalVerifyUrl(false, undefined), payPalVerifyUrl(true, undefined)]);
    expect(payPalVerifyUrl(true, 'http://127.0.0.1:9/verify')).toBe('http://127.0.0.1:9/verify');
    expect(readPayPalVerifyUrl({ LEDGERLINE_PAYPAL_VERIFY_URL: ' http://127.0.0.1:8080/cgi-bin/webscr ' })).toBe('http://127.0.0.1:8080/cgi-bin/webscr');
    expect(readPayPalVerifyUrl({ LEDGERLINE_PAYPAL_VERIFY_URL: '' })).toBeUndefined();
    expect(readConfig({}).payPalVerifyUrl).toBeUndefined();
    expect(readConfig({ LEDGERLINE_PAYPAL_VERIFY_URL: 'https://proxy.example.com/ipn' }).payPalVerifyUrl).toBe('https://proxy.example.com/ipn');
    expect(() => readConfig({ LEDGERLINE_PAYPAL_VERIFY_URL: 'ftp://example.com/x' })).toThrow("LEDGERLINE_PAYPAL_VERIFY_URL must be an http(s) URL, not 'ftp://example.com/x'.");
    expect(() => readPayPalVerifyUrl({ LEDGERLINE_PAYPAL_VERIFY_URL: 'not a url' })).toThrow('must be an http(s) URL');
  });
});

describe('the postback', () => {
  let server: VerifyServer;
  beforeAll(async () => { server = await startVerifyServer(); });
  afterAll(() => server.close());
  beforeEach(() => { server.received.length = 0; server.answer = 'VERIFIED'; server.status = 200; });

  // Order, %20 and + for spaces, lower-case hex and a raw windows-1252 byte (0xE9) must all come back unchanged.
  const body = Buffer.concat([Buffer.from('mc_gross=19.95&payment_date=20%3a12%3A59+Jan+13%2C%202009+PST&txn_id=X1&first_name='), Buffer.from([0xe9]), Buffer.from('&charset=windows-1252')]);

  it('posts cmd=_notify-validate& and the body byte for byte, form-encoded with a User-Agent, and reads VERIFIED', async () => {
    expect(await verifyWithPayPal(body, { sandbox: false, url: server.url })).toBe('VERIFIED');
    expect(server.received).toHaveLength(1);
    const [postback] = server.received;
    expect(postback!.body.equals(Buffer.concat([Buffer.from('cmd=_notify-validate&'), body]))).toBe(true);
    expect(postback!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(postback!.headers['user-agent']).toMatch(/^Ledgerline/);
  });

  it('reads INVALID', async () => {
    server.answer = 'INVALID';
    expect(await verifyWithPayPal(body, { sandbox: false, url: server.url })).toBe('INVALID');
  });

  it('fails on any other answer, an HTTP error, a timeout or an unreachable address', async () => {
    server.answer = 'MAYBE';
    await expect(verifyWithPayPal(body, { sandbox: false, url: server.url })).rejects.toThrow("PayPal answered HTTP 200 'MAYBE' instead of VERIFIED or INVALID");
    server.answer = 'VERIFIED';
    server.status = 500;
    await expect(verifyWithPayPal(body, { sandbox: false, url: server.url })).rejects.toThrow("PayPal answered HTTP 500 'VERIFIED'");
    server.answer = 'hang';
    await expect(verifyWithPayPal(body, { sandbox: false, url: server.url, timeoutMs: 200 })).rejects.toThrow('PayPal did not answer within 0.2 s');
    const nowhere = verifyWithPayPal(body, { sandbox: false, url: await unreachableUrl() });
    await expect(nowhere).rejects.toBeInstanceOf(PayPalVerificationFailed);
    await expect(nowhere).rejects.toThrow(/^PayPal could not be reached \(.*ECONNREFUSED/);
  });
});

describe('the notification endpoint', () => {
  const verify = useVerifyServer();
  let api: TestApi;
  let invoiceNo: string;
  let notifyPath: string;
  beforeEach(async () => {
    ({ api, invoiceNo, notifyPath } = await givenPayPalInvoice());
  });
  afterEach(() => api.close());

  /** As PayPal sends it: its own field order, %20 and %2C escapes, charset last. */
  const ipnBody = (txnId = '8AB12345CD678901E') => `mc_gross=1000.00&invoice=${invoiceNo}&protection_eligibility=Eligible&payer_email=buyer%40example.com`
    + `&receiver_email=sales%40contoso.com&txn_id=${txnId}&payment_date=10%3A20%3A30%20Mar%2020%2C%202026%20PDT&payment_status=Completed`
    + '&mc_currency=EUR&first_name=Ren%C3%A9+Fran%c3%a7ois&txn_type=web_accept&charset=UTF-8';
  const notify = (payload: string, path = notifyPath) => api.app.inject({
    method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload,
  });
  const payments = async () => (await customerEntries(api)).filter((entry) => entry.documentType === 'payment').map((entry) => [entry.documentNo, entry.amount]);
  const logged = async () => (await api.db.select().from(paymentNotification)).map((row) => [row.status, row.reason]);

  it('VERIFIED: posts the payment once, after posting back exactly cmd=_notify-validate& and the body received', async () => {
    const response = await notify(ipnBody());
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'accepted', paymentDocumentNo: 'PP0001' });
    expect(verify.server.received.map((postback) => postback.body.toString('utf8'))).toEqual([`cmd=_notify-validate&${ipnBody()}`]);
    expect(await payments()).toEqual([['PP0001', '-1000.00']]);
    expect(await entryOf(api, invoiceNo)).toMatchObject({ remainingAmount: '0.00', open: false });
    // The fields were read from the same body: the name is logged decoded.
    const [row] = await api.db.select().from(paymentNotification);
    expect(row!.fields).toMatchObject({ first_name: 'René François', txn_id: '8AB12345CD678901E' });
  });

  it('a repeated notification after VERIFIED is verified again and still posts once', async () => {
    expect((await notify(ipnBody())).statusCode).toBe(200);
    const again = await notify(ipnBody());
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'duplicate', paymentDocumentNo: 'PP0001' });
    expect(verify.server.received).toHaveLength(2);
    expect(await payments()).toEqual([['PP0001', '-1000.00']]);
    expect(await logged()).toEqual([['accepted', ''], ['refused', 'transaction 8AB12345CD678901E is already registered as payment PP0001']]);
  });

  it('INVALID: posts nothing, answers 403 and logs the refusal', async () => {
    verify.server.answer = 'INVALID';
    const response = await notify(ipnBody());
    expect(response.statusCode, response.body).toBe(403);
    const reason = 'PayPal answered INVALID when asked to verify it, so PayPal did not send it';
    expect(response.json()).toMatchObject({ code: 'PAYMENT_NOTIFICATION_REFUSED', detail: `The payment notification was refused: ${reason}. Nothing was posted.` });
    expect(verify.server.received).toHaveLength(1);
    expect(await payments()).toEqual([]);
    expect(await entryOf(api, invoiceNo)).toMatchObject({ remainingAmount: '1000.00', open: true });
    expect(await logged()).toEqual([['refused', reason]]);
  });

  it('PayPal unreachable: posts and logs nothing and answers 503, so PayPal sends it again; the repeat is registered', async () => {
    process.env.LEDGERLINE_PAYPAL_VERIFY_URL = await unreachableUrl();
    const response = await notify(ipnBody());
    expect(response.statusCode, response.body).toBe(503);
    expect(response.json()).toMatchObject({ code: 'PAYMENT_NOTIFICATION_UNVERIFIED' });
    expect(response.json().detail).toMatch(/^The payment notification could not be verified with PayPal: PayPal could not be reached \(.+\)\. Nothing was posted; PayPal sends it again\.$/);
    expect(await payments()).toEqual([]);
    expect(await logged()).toEqual([]);

    process.env.LEDGERLINE_PAYPAL_VERIFY_URL = verify.server.url;
    verify.server.answer = 'Service Unavailable';
    verify.server.status = 503;
    const busy = await notify(ipnBody());
    expect(busy.statusCode).toBe(503);
    expect(busy.json().detail).toContain("PayPal answered HTTP 503 'Service Unavailable' instead of VERIFIED or INVALID");
    expect(await payments()).toEqual([]);

    verify.server.answer = 'VERIFIED';
    verify.server.status = 200;
    const retry = await notify(ipnBody());
    expect(retry.statusCode, retry.body).toBe(200);
    expect(await payments()).toEqual([['PP0001', '-1000.00']]);
    expect(await logged()).toEqual([['accepted', '']]);
  });

  it('never asks PayPal about a notification without the invoice\'s token', async () => {
    const forged = await notify(ipnBody(), notifyPath.replace(/token=[^&]+/, 'token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'));
    expect(forged.statusCode).toBe(403);
    expect(verify.server.received).toEqual([]);
    expect(await logged()).toEqual([]);
  });
});
