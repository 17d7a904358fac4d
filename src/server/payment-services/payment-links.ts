/**
 * The payment links a document shows (spec §21.4): for a posted sales invoice the PayPal link with
 * its amount, currency and number; for an unposted document the placeholder to PayPal's home page.
 * Only the services of the document's Payment Service Set that are enabled and have an account ID
 * are offered. The email body and the PDF both read their links here.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { buildPayPalPaymentLink, payPalPlaceholderLink, type PaymentLink } from '../../core/documents/payment-link.ts';
import type { SalesDocumentType } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { notifyTokenFor } from './notify-token.ts';
import { PAYPAL_NOTIFY_PATH } from './payment-service-setup.commands.ts';
import { generalLedgerSetup, paymentServiceSetup, postedSalesHeader, salesHeader } from '../db/schema/index.ts';

export type { PaymentLink } from '../../core/documents/payment-link.ts';

type SetupRow = typeof paymentServiceSetup.$inferSelect;

/** The notify_url of an invoice's link: the service's public base address, the notification route and the invoice's token; null without a base address. */
export function notifyUrlOf(setup: Pick<SetupRow, 'code' | 'notifyBaseUrl' | 'notifyToken'>, invoiceNo: string): string | null {
  const base = setup.notifyBaseUrl.trim().replace(/\/+$/, '');
  if (!base || !setup.notifyToken) return null;
  return `${base}${PAYPAL_NOTIFY_PATH}?token=${notifyTokenFor(setup.notifyToken, setup.code, invoiceNo)}`;
}

async function offeredServices(tx: Executor, serviceSet: readonly string[]): Promise<SetupRow[]> {
  if (serviceSet.length === 0) return [];
  const rows = await tx.select().from(paymentServiceSetup)
    .where(and(inArray(paymentServiceSetup.code, [...serviceSet]), eq(paymentServiceSetup.enabled, true)));
  return rows.filter((row) => row.accountId.trim() !== '').sort((a, b) => a.code.localeCompare(b.code));
}

export async function paymentLinksForPostedInvoice(tx: Executor, invoiceNo: string): Promise<PaymentLink[]> {
  const [header] = await tx.select({
    no: postedSalesHeader.no, amountIncludingVat: postedSalesHeader.amountIncludingVat, currencyCode: postedSalesHeader.currencyCode,
    yourReference: postedSalesHeader.yourReference, paymentServiceSet: postedSalesHeader.paymentServiceSet,
  }).from(postedSalesHeader).where(and(eq(postedSalesHeader.documentType, 'invoice'), eq(postedSalesHeader.no, invoiceNo)));
  if (!header) return [];
  const services = await offeredServices(tx, header.paymentServiceSet);
  if (services.length === 0) return [];
  const [glSetup] = await tx.select({ lcyCode: generalLedgerSetup.lcyCode }).from(generalLedgerSetup);
  const currencyCode = header.currencyCode || glSetup?.lcyCode || '';
  return services.map((setup) => buildPayPalPaymentLink({
    ...(setup.name ? { serviceName: setup.name } : {}),
    accountId: setup.accountId, targetUrl: setup.targetUrl, sandbox: setup.sandbox,
    invoiceNo: header.no, amountIncludingVat: header.amountIncludingVat, currencyCode,
    yourReference: header.yourReference, notifyUrl: notifyUrlOf(setup, header.no),
  }));
}

/** An unposted quote, order or invoice: the placeholder link to PayPal's home page for each offered service. */
export async function paymentLinksForSalesDocument(tx: Executor, documentType: SalesDocumentType, no: string): Promise<PaymentLink[]> {
  const [header] = await tx.select({ paymentServiceSet: salesHeader.paymentServiceSet }).from(salesHeader)
    .where(and(eq(salesHeader.documentType, documentType), eq(salesHeader.no, no)));
  if (!header) return [];
  const services = await offeredServices(tx, header.paymentServiceSet);
  return services.map((setup) => payPalPlaceholderLink({ ...(setup.name ? { serviceName: setup.name } : {}), sandbox: setup.sandbox }));
}
