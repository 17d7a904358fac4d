/**
 * Payment Service Setup (spec §21.1, §21.4) as the API and the web form take and show it. PayPal
 * Payments Standard is the one built-in service; its secret for notifications is never shown, only
 * whether one is set.
 */
import { z } from 'zod';
import { codeReference, email, text } from './fields.ts';

export const paymentServiceCodes = ['PAYPAL'] as const;
export type PaymentServiceCode = (typeof paymentServiceCodes)[number];
export const paymentServiceBalAccountTypes = ['glAccount', 'bankAccount'] as const;
export const paymentNotificationStatuses = ['accepted', 'refused'] as const;

/** Sales document types that carry a Payment Service Set (quotes, orders, invoices). */
export const paymentServiceDocumentTypes = ['quote', 'order', 'invoice'] as const;

const webAddress = (options: { secure: boolean }) => text(250).refine((value) => {
  if (value === '') return true;
  try {
    const url = new URL(value);
    return options.secure ? url.protocol === 'https:' : url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}, options.secure ? 'must be an https:// address' : 'must be an http:// or https:// address');

export const paymentServiceSetupUpdate = z.strictObject({
  name: text(50),
  description: text(100),
  enabled: z.boolean(),
  alwaysIncludeOnDocuments: z.boolean(),
  termsOfServiceUrl: webAddress({ secure: false }),
  /** PayPal: the business e-mail address payments are sent to. */
  accountId: email(),
  /** Blank resets to PayPal's production address. */
  targetUrl: webAddress({ secure: true }),
  sandbox: z.boolean(),
  notifyBaseUrl: webAddress({ secure: false }).describe('The address PayPal reaches this server at, e.g. https://erp.example.com; blank: links carry no notify_url and payments are not registered automatically'),
  balAccountType: z.enum(paymentServiceBalAccountTypes),
  balAccountNo: codeReference(20),
  version: z.number().int().positive().optional().describe('The version last read; a stale one is refused (409)'),
}).partial();
export type PaymentServiceSetupUpdate = z.infer<typeof paymentServiceSetupUpdate>;

export const paymentServiceSetupView = z.object({
  code: z.enum(paymentServiceCodes),
  name: z.string(),
  description: z.string(),
  enabled: z.boolean(),
  alwaysIncludeOnDocuments: z.boolean(),
  termsOfServiceUrl: z.string(),
  accountId: z.string(),
  targetUrl: z.string(),
  sandbox: z.boolean(),
  /** The target URL links use: with sandbox on, PayPal's sandbox host. */
  effectiveTargetUrl: z.string(),
  notifyBaseUrl: z.string(),
  /** Where PayPal posts its notifications (without the secret, which each invoice's link carries). */
  notifyEndpoint: z.string().nullable(),
  notifyTokenSet: z.boolean(),
  balAccountType: z.enum(paymentServiceBalAccountTypes),
  balAccountNo: z.string().nullable(),
  version: z.number().int(),
});
export type PaymentServiceSetupView = z.infer<typeof paymentServiceSetupView>;

export const paymentNotificationView = z.object({
  id: z.number().int(),
  serviceCode: z.string(),
  receivedAt: z.string(),
  status: z.enum(paymentNotificationStatuses),
  reason: z.string(),
  transactionId: z.string(),
  invoiceNo: z.string(),
  paymentStatus: z.string(),
  grossAmount: z.string(),
  currencyCode: z.string(),
  receiverEmail: z.string(),
  payerEmail: z.string(),
  paymentDocumentNo: z.string().nullable(),
  transactionNo: z.number().int().nullable(),
});
export type PaymentNotificationView = z.infer<typeof paymentNotificationView>;

export const paymentLinkView = z.object({
  serviceName: z.string(),
  url: z.string(),
  caption: z.string(),
  sandboxNote: z.string().nullable(),
});

/** The Payment Service Set field of a sales header: each service at most once. */
export const paymentServiceSetField = () => z.array(z.enum(paymentServiceCodes)).max(paymentServiceCodes.length * 4)
  .transform((codes) => [...new Set(codes)]);
