/**
 * PayPal IPN verification (spec §21.4, automatic registration): before a notification may register
 * a payment, it is posted back to PayPal, `cmd=_notify-validate&` followed by the body exactly as
 * received (same fields, order and encoding), and PayPal answers `VERIFIED` for a message it sent or
 * `INVALID` otherwise. The notify_url's token only proves the sender holds the invoice's link; this
 * proves PayPal sent it. No database transaction is held over this call: the caller verifies first
 * and posts afterwards. Anything but a clear answer (unreachable, timeout, an HTTP error, another
 * text) is a failure to verify, which the endpoint answers with an error so PayPal sends it again.
 */
import { readPayPalVerifyUrl } from '../config.ts';

export const PAYPAL_VERIFY_URL = 'https://ipnpb.paypal.com/cgi-bin/webscr';
export const PAYPAL_SANDBOX_VERIFY_URL = 'https://ipnpb.sandbox.paypal.com/cgi-bin/webscr';
export const PAYPAL_VERIFY_PREFIX = 'cmd=_notify-validate&';
export const PAYPAL_VERIFY_TIMEOUT_MS = 10_000;
const userAgent = 'Ledgerline-IPN-Listener/1.0';

export type PayPalVerdict = 'VERIFIED' | 'INVALID';

/** PayPal could not be asked or gave no clear answer: nothing is decided, the notification must come again. */
export class PayPalVerificationFailed extends Error {}

/** The verification address: the environment's override, else PayPal's sandbox or live address. */
export function payPalVerifyUrl(sandbox: boolean, override: string | undefined = readPayPalVerifyUrl()): string {
  return override ?? (sandbox ? PAYPAL_SANDBOX_VERIFY_URL : PAYPAL_VERIFY_URL);
}

/** The postback's body: the prefix, then the received bytes untouched. */
export function verificationBody(rawBody: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.concat([Buffer.from(PAYPAL_VERIFY_PREFIX, 'ascii'), rawBody]));
}

export interface VerifyOptions { sandbox: boolean; url?: string; timeoutMs?: number }

/** Posts the notification back to PayPal; VERIFIED or INVALID, or throws PayPalVerificationFailed. */
export async function verifyWithPayPal(rawBody: Uint8Array, options: VerifyOptions): Promise<PayPalVerdict> {
  const url = options.url ?? payPalVerifyUrl(options.sandbox);
  const timeoutMs = options.timeoutMs ?? PAYPAL_VERIFY_TIMEOUT_MS;
  let status: number;
  let text: string;
  try {
    const response = await fetch(url, {
      method: 'POST', body: verificationBody(rawBody), redirect: 'error', signal: AbortSignal.timeout(timeoutMs),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': userAgent },
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    throw new PayPalVerificationFailed(timedOut ? `PayPal did not answer within ${timeoutMs / 1000} s` : `PayPal could not be reached (${cause})`);
  }
  const answer = text.trim();
  if (status === 200 && (answer === 'VERIFIED' || answer === 'INVALID')) return answer;
  throw new PayPalVerificationFailed(`PayPal answered HTTP ${status} '${answer.slice(0, 80)}' instead of VERIFIED or INVALID`);
}
