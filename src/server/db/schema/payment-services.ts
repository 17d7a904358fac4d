/**
 * Payment services (spec §21.1, §21.4): the setup of each service a document can offer a payment
 * link for — PayPal Payments Standard is the built-in one — and the log of the payment
 * notifications a service sent (accepted or refused, with the reason), one accepted notification
 * per service and transaction id.
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { flag, recordColumns } from './columns.ts';
import { allowedValues } from './type-columns.ts';
import { paymentNotificationStatuses, paymentServiceBalAccountTypes, paymentServiceCodes } from '../../../core/master-data/payment-service.schemas.ts';

export { paymentNotificationStatuses, paymentServiceBalAccountTypes, paymentServiceCodes };

export const paymentServiceSetup = pgTable('payment_service_setup', {
  /** The service: `PAYPAL` (PayPal Payments Standard). */
  code: text().primaryKey(),
  name: text().notNull().default(''),
  description: text().notNull().default(''),
  enabled: flag(),
  alwaysIncludeOnDocuments: flag(),
  termsOfServiceUrl: text().notNull().default(''),
  /** PayPal: the business e-mail payments go to. */
  accountId: text().notNull().default(''),
  targetUrl: text().notNull().default(''),
  sandbox: flag(),
  /** The address PayPal reaches this server at (e.g. https://erp.example.com); blank = no notify_url in links. */
  notifyBaseUrl: text().notNull().default(''),
  /** The secret the notify_url carries; a notification without it is refused. */
  notifyToken: text().notNull().default(''),
  /** Where an automatically registered payment is balanced (BC's Payment Registration Setup). */
  balAccountType: text().notNull().default('glAccount'),
  balAccountNo: text(),
  ...recordColumns(),
}, (t) => [
  allowedValues(t.code, paymentServiceCodes),
  allowedValues(t.balAccountType, paymentServiceBalAccountTypes),
]);

export const paymentNotification = pgTable('payment_notification', {
  id: serial().primaryKey(),
  serviceCode: text().notNull(),
  receivedAt: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  status: text().notNull(),
  /** Why a notification was refused (blank when accepted). */
  reason: text().notNull().default(''),
  transactionId: text().notNull().default(''),
  invoiceNo: text().notNull().default(''),
  paymentStatus: text().notNull().default(''),
  grossAmount: text().notNull().default(''),
  currencyCode: text().notNull().default(''),
  receiverEmail: text().notNull().default(''),
  payerEmail: text().notNull().default(''),
  /** The registered payment: its document no. and G/L transaction. */
  paymentDocumentNo: text(),
  transactionNo: integer(),
  /** The notification's fields as received, without the secret. */
  fields: jsonb().notNull(),
}, (t) => [
  allowedValues(t.status, paymentNotificationStatuses),
  allowedValues(t.serviceCode, paymentServiceCodes),
  uniqueIndex('payment_notification_accepted_transaction').on(t.serviceCode, t.transactionId).where(sql`${t.status} = 'accepted'`),
  index('payment_notification_received').on(t.receivedAt),
]);
