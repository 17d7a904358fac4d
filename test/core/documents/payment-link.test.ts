import { describe, expect, it } from 'vitest';
import {
  buildPayPalPaymentLink, buildPayPalPaymentUrl, effectivePayPalTargetUrl, encodeQueryValue, invariantAmount, PAYPAL_HOME_PAGE_URL,
  PAYPAL_PRODUCTION_TARGET_URL, paypalItemName, paypalLinkQuery, payPalPlaceholderLink,
} from '../../../src/core/documents/payment-link.ts';
import { dec } from '../../../src/core/money/decimal.ts';

const example14 = {
  accountId: 'sales@contoso.com', targetUrl: PAYPAL_PRODUCTION_TARGET_URL, sandbox: false,
  invoiceNo: '103001', amountIncludingVat: '1250.00', currencyCode: 'USD',
};

describe('the PayPal payment link (spec §21.4)', () => {
  it('worked example 14, to the character', () => {
    expect(paypalLinkQuery(example14)).toBe('business=sales%40contoso.com&amount=1250&item_name=Invoice%20103001&invoice=103001&currency_code=USD');
    expect(buildPayPalPaymentUrl(example14)).toBe(
      'https://www.paypal.com/cgi-bin/webscr?cmd=_xclick&charset=UTF-8&page_style=primary'
      + '&business=sales%40contoso.com&amount=1250&item_name=Invoice%20103001&invoice=103001&currency_code=USD',
    );
    expect(buildPayPalPaymentLink(example14)).toEqual({
      serviceName: 'PayPal Payments Standard', caption: 'Pay with PayPal', sandboxNote: null, url: buildPayPalPaymentUrl(example14),
    });
  });

  it.each([
    ['1250.00', '1250'], ['1250.50', '1250.5'], ['1250.05', '1250.05'], ['0.10', '0.1'], ['1000000.00', '1000000'], ['12345678901234.99', '12345678901234.99'],
  ])('writes the amount %s invariantly as %s (no thousands separator, no trailing zeros, never an exponent)', (amount, expected) => {
    expect(invariantAmount(amount)).toBe(expected);
    expect(invariantAmount(dec(amount))).toBe(expected);
  });

  it('names Your Reference in item_name when it is filled, and URL-encodes every value with %20 for spaces', () => {
    expect(paypalItemName('103001', 'PO 4711')).toBe('Invoice 103001 (Your Ref. PO 4711)');
    expect(paypalItemName('103001', '  ')).toBe('Invoice 103001');
    expect(paypalLinkQuery({ ...example14, yourReference: 'PO 4711/ä&x=1' })).toBe(
      'business=sales%40contoso.com&amount=1250&item_name=Invoice%20103001%20%28Your%20Ref.%20PO%204711%2F%C3%A4%26x%3D1%29'
      + '&invoice=103001&currency_code=USD',
    );
    expect(encodeQueryValue("a+b c!*'~._-")).toBe('a%2Bb%20c%21%2A%27~._-');
  });

  it('appends notify_url last, itself encoded, and only when given', () => {
    const query = paypalLinkQuery({ ...example14, notifyUrl: 'https://erp.example.com/api/v1/paymentServices/paypal/notify?token=a_b-c' });
    expect(query).toBe(
      'business=sales%40contoso.com&amount=1250&item_name=Invoice%20103001&invoice=103001&currency_code=USD'
      + '&notify_url=https%3A%2F%2Ferp.example.com%2Fapi%2Fv1%2FpaymentServices%2Fpaypal%2Fnotify%3Ftoken%3Da_b-c',
    );
    expect(new URLSearchParams(query).get('notify_url')).toBe('https://erp.example.com/api/v1/paymentServices/paypal/notify?token=a_b-c');
    expect(paypalLinkQuery({ ...example14, notifyUrl: null })).not.toContain('notify_url');
  });

  it('switches PayPal\'s production host to the sandbox, keeps any other host, and joins the query with ? or &', () => {
    expect(effectivePayPalTargetUrl(PAYPAL_PRODUCTION_TARGET_URL, true)).toBe('https://www.sandbox.paypal.com/cgi-bin/webscr?cmd=_xclick&charset=UTF-8&page_style=primary');
    expect(effectivePayPalTargetUrl('https://paypal.com/cgi-bin/webscr', true)).toBe('https://www.sandbox.paypal.com/cgi-bin/webscr');
    expect(effectivePayPalTargetUrl('https://paypal.company.test/pay', true)).toBe('https://paypal.company.test/pay');
    expect(effectivePayPalTargetUrl('', false)).toBe(PAYPAL_PRODUCTION_TARGET_URL);
    expect(buildPayPalPaymentUrl({ ...example14, targetUrl: 'https://pay.example.com/x' })).toMatch(/^https:\/\/pay\.example\.com\/x\?business=/);
    expect(buildPayPalPaymentUrl({ ...example14, targetUrl: 'https://pay.example.com/x?' })).toMatch(/^https:\/\/pay\.example\.com\/x\?business=/);
    const sandbox = buildPayPalPaymentLink({ ...example14, sandbox: true });
    expect(sandbox.url.startsWith('https://www.sandbox.paypal.com/cgi-bin/webscr?cmd=_xclick&charset=UTF-8&page_style=primary&business=')).toBe(true);
    expect(sandbox.sandboxNote).toBe('Test invoice - no money transferred');
  });

  it('links an unposted document to PayPal\'s home page as a placeholder', () => {
    expect(payPalPlaceholderLink({ sandbox: false })).toEqual({ serviceName: 'PayPal Payments Standard', url: PAYPAL_HOME_PAGE_URL, caption: 'Pay with PayPal', sandboxNote: null });
  });
});
