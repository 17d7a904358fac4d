/**
 * The secret a PayPal notify_url carries. PayPal Payments Standard sends the notify_url inside the
 * payment link, so every customer who receives an invoice sees it: the token is therefore derived
 * per invoice (HMAC-SHA256 of the invoice number under the setup's secret), and a link of one
 * invoice cannot be used to register a payment for another. Only a notification with the right
 * token is then posted back to PayPal for verification (paypal-verification.ts), so junk sent to
 * the endpoint never makes the server call PayPal.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function notifyTokenFor(secret: string, serviceCode: string, invoiceNo: string): string {
  return createHmac('sha256', secret).update(`${serviceCode}\u0000${invoiceNo}`).digest('base64url');
}

/** Constant-time comparison of a received token with the expected one. */
export function notifyTokenMatches(secret: string, serviceCode: string, invoiceNo: string, received: string): boolean {
  if (!secret) return false;
  const expected = Buffer.from(notifyTokenFor(secret, serviceCode, invoiceNo));
  const actual = Buffer.from(received);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
