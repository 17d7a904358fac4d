/**
 * The PayPal payment link of a posted sales invoice (spec §21.4, worked example 14): the Target URL
 * of the PayPal Payments Standard setup followed by business, amount, item_name, invoice,
 * currency_code and optionally notify_url, every value URL-encoded. Pure: the caller loads the
 * invoice and the setup; the email body and the PDF both show what this returns.
 */
import { dec, type Decimal } from '../money/decimal.ts';

/** A link a document shows: "Pay with PayPal", where it leads, and the sandbox remark if any. */
export interface PaymentLink {
  serviceName: string;
  url: string;
  /** "Pay with PayPal". */
  caption: string;
  /** "Test invoice - no money transferred" when the service runs against the PayPal sandbox. */
  sandboxNote: string | null;
}

export const PAYPAL_SERVICE_NAME = 'PayPal Payments Standard';
export const PAYPAL_LINK_CAPTION = 'Pay with PayPal';
export const PAYPAL_SANDBOX_NOTE = 'Test invoice - no money transferred';
export const PAYPAL_PRODUCTION_TARGET_URL = 'https://www.paypal.com/cgi-bin/webscr?cmd=_xclick&charset=UTF-8&page_style=primary';
export const PAYPAL_SANDBOX_TARGET_URL = 'https://www.sandbox.paypal.com/cgi-bin/webscr?cmd=_xclick&charset=UTF-8&page_style=primary';
/** Unposted documents show the logo linked to PayPal's home page as a placeholder (§21.4). */
export const PAYPAL_HOME_PAGE_URL = 'https://www.paypal.com/';

export interface PayPalLinkInput {
  /** The PayPal business e-mail (Account ID of the setup). */
  accountId: string;
  /** The setup's Target URL; may already carry a query (cmd=_xclick&…). */
  targetUrl: string;
  sandbox: boolean;
  invoiceNo: string;
  /** The invoice's Amount Including VAT. */
  amountIncludingVat: Decimal | string;
  /** The invoice currency; the caller passes the LCY code when the invoice has none. */
  currencyCode: string;
  yourReference?: string | null;
  notifyUrl?: string | null;
}

/**
 * RFC 3986 percent-encoding of a query value: everything but A–Z a–z 0–9 - . _ ~ is encoded, a
 * space as %20 (not "+"), so "sales@contoso.com" → "sales%40contoso.com".
 */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Invariant decimal text without trailing zeros: 1250.00 → "1250", 1250.50 → "1250.5". */
export function invariantAmount(amount: Decimal | string): string {
  const value = typeof amount === 'string' ? dec(amount) : amount;
  return value.toFixed();
}

/** `Invoice <No.>`, or `Invoice <No.> (Your Ref. <Your Reference>)` when Your Reference is filled. */
export function paypalItemName(invoiceNo: string, yourReference?: string | null): string {
  const reference = (yourReference ?? '').trim();
  return reference ? `Invoice ${invoiceNo} (Your Ref. ${reference})` : `Invoice ${invoiceNo}`;
}

/**
 * The Target URL actually used: with the sandbox flag on, a PayPal production host
 * (www.paypal.com / paypal.com) becomes www.sandbox.paypal.com; any other host is kept as set.
 */
export function effectivePayPalTargetUrl(targetUrl: string, sandbox: boolean): string {
  const url = targetUrl.trim() || PAYPAL_PRODUCTION_TARGET_URL;
  if (!sandbox) return url;
  return url.replace(/^(https?:\/\/)(www\.)?paypal\.com(?=[/?#:]|$)/i, '$1www.sandbox.paypal.com');
}

/** The query parameters of the link, in the order of worked example 14, already encoded. */
export function paypalLinkQuery(input: Omit<PayPalLinkInput, 'targetUrl' | 'sandbox'>): string {
  const parameters: Array<[string, string]> = [
    ['business', input.accountId],
    ['amount', invariantAmount(input.amountIncludingVat)],
    ['item_name', paypalItemName(input.invoiceNo, input.yourReference)],
    ['invoice', input.invoiceNo],
    ['currency_code', input.currencyCode],
  ];
  if (input.notifyUrl) parameters.push(['notify_url', input.notifyUrl]);
  return parameters.map(([name, value]) => `${name}=${encodeQueryValue(value)}`).join('&');
}

export function buildPayPalPaymentUrl(input: PayPalLinkInput): string {
  const base = effectivePayPalTargetUrl(input.targetUrl, input.sandbox);
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${separator}${paypalLinkQuery(input)}`;
}

/** The PaymentLink of a posted invoice for PayPal Payments Standard. */
export function buildPayPalPaymentLink(input: PayPalLinkInput & { serviceName?: string }): PaymentLink {
  return {
    serviceName: input.serviceName ?? PAYPAL_SERVICE_NAME,
    url: buildPayPalPaymentUrl(input),
    caption: PAYPAL_LINK_CAPTION,
    sandboxNote: input.sandbox ? PAYPAL_SANDBOX_NOTE : null,
  };
}

/** The placeholder an unposted document shows (§21.4): the caption linked to PayPal's home page. */
export function payPalPlaceholderLink(input: { serviceName?: string; sandbox: boolean }): PaymentLink {
  return {
    serviceName: input.serviceName ?? PAYPAL_SERVICE_NAME,
    url: PAYPAL_HOME_PAGE_URL,
    caption: PAYPAL_LINK_CAPTION,
    sandboxNote: input.sandbox ? PAYPAL_SANDBOX_NOTE : null,
  };
}
