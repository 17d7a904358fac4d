/**
 * PayPal's payment notification (IPN) for the notify_url of a payment link (spec §21.4, automatic
 * registration): a Completed payment of an open posted invoice, sent to our account in the
 * invoice's currency and not more than it owes, is registered as a customer payment applied to the
 * invoice (the Register Customer Payments path, balanced on the service's account). Each PayPal
 * transaction is registered once, however often PayPal repeats the notification (a unique index on
 * service + transaction id, written in the posting's transaction). Whatever is refused posts
 * nothing; every notification is logged, accepted or refused with its reason. A notification with
 * the invoice's token is first verified with PayPal (paypal-verification.ts), outside any database
 * transaction: INVALID is refused, and when PayPal gives no answer nothing is decided or logged (the
 * endpoint answers an error, so PayPal sends the notification again).
 */
import { and, eq } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import { dec, isDecimalString, type Decimal } from '../../core/money/decimal.ts';
import type { Executor } from '../db/connection.ts';
import { postgresError } from '../db/constraint-errors.ts';
import { customerLedgerEntry, generalLedgerSetup, paymentNotification, postedSalesHeader } from '../db/schema/index.ts';
import { postRegisteredPayments } from '../receivables/payment-registration.ts';
import { loadSalesContext } from '../sales/sales-context.ts';
import { todayIsoDate } from '../shared/clock.ts';
import { notifyTokenMatches } from './notify-token.ts';
import { loadPaymentService, type PaymentServiceSetupRow } from './payment-service-setup.commands.ts';
import { PayPalVerificationFailed, type PayPalVerdict } from './paypal-verification.ts';

/** How a refusal is answered: 403 for what only a forger sends, 404 for an unknown invoice, 422 for the rest. */
export type RefusalStatus = 403 | 404 | 422;

export class NotificationRefused extends Error {
  /** `kept`: logged for the user to see; a request without the invoice's token is not (anyone can send one, and it must change nothing). */
  constructor(readonly status: RefusalStatus, readonly reason: string, readonly kept = true) { super(reason); }
}

export type NotificationOutcome =
  | { status: 'accepted'; notificationId: number; paymentDocumentNo: string; transactionNo: number }
  | { status: 'duplicate'; notificationId: number; paymentDocumentNo: string | null }
  | { status: 'refused'; notificationId: number | null; httpStatus: RefusalStatus; reason: string }
  | { status: 'unverified'; reason: string };

/** Asks PayPal whether it sent this notification; throws PayPalVerificationFailed when it cannot tell. */
export type NotificationVerifier = (setup: PaymentServiceSetupRow) => Promise<PayPalVerdict>;

/** The IPN fields we read; everything else is kept in the log as received. */
interface PayPalNotification {
  transactionId: string; invoiceNo: string; paymentStatus: string; grossAmount: string; currencyCode: string;
  receiverEmail: string; payerEmail: string; paymentDate: string;
}

const field = (fields: Record<string, string>, name: string) => (fields[name] ?? '').trim();

function readNotification(fields: Record<string, string>): PayPalNotification {
  return {
    transactionId: field(fields, 'txn_id'), invoiceNo: field(fields, 'invoice'), paymentStatus: field(fields, 'payment_status'),
    grossAmount: field(fields, 'mc_gross'), currencyCode: field(fields, 'mc_currency').toUpperCase(),
    receiverEmail: field(fields, 'receiver_email') || field(fields, 'business'), payerEmail: field(fields, 'payer_email'),
    paymentDate: field(fields, 'payment_date'),
  };
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** PayPal's payment_date ("10:20:30 Jan 05, 2026 PST") as YYYY-MM-DD; today when absent or unreadable. */
export function paymentDateOf(paymentDate: string, today: string): string {
  const match = /\b([A-Z][a-z]{2})\s+(\d{1,2}),\s+(\d{4})\b/.exec(paymentDate);
  const month = match ? months.indexOf(match[1]!) + 1 : 0;
  if (!match || month === 0) return today;
  return `${match[3]}-${String(month).padStart(2, '0')}-${match[2]!.padStart(2, '0')}`;
}

/** Handles one notification: registers the payment, recognises a repeat, or refuses; logs it in every case. */
export async function handlePayPalNotification(
  db: Executor, token: string, fields: Record<string, string>, verify: NotificationVerifier,
): Promise<NotificationOutcome> {
  const notification = readNotification(fields);
  const logged = { ...fields };
  delete logged.token;
  try {
    // Only what carries the invoice's token (and our account as receiver) makes us call PayPal, and before the posting's transaction.
    const setup = await loadPaymentService(db, 'PAYPAL');
    checkAuthentic(setup, token, notification);
    if ((await verify(setup)) !== 'VERIFIED') throw new NotificationRefused(403, 'PayPal answered INVALID when asked to verify it, so PayPal did not send it');
    return await db.transaction(async (tx) => registerPayment(tx as Executor, token, notification, logged));
  } catch (error) {
    if (error instanceof PayPalVerificationFailed) return { status: 'unverified', reason: error.message };
    // Two deliveries of one transaction at once: the second hits the unique index and its posting is rolled back.
    if (postgresError(error)?.constraint === 'payment_notification_accepted_transaction') return recordDuplicate(db, notification, logged);
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    const id = refusal.kept ? await logNotification(db, notification, logged, { status: 'refused', reason: refusal.reason }) : null;
    return { status: 'refused', notificationId: id, httpStatus: refusal.status, reason: refusal.reason };
  }
}

function refusalOf(error: unknown): NotificationRefused | null {
  if (error instanceof NotificationRefused) return error;
  // A refusal of the posting itself (posting date not allowed, blocked customer …) is told as the posting says it.
  if (error instanceof DomainError) return new NotificationRefused(422, error.message.replace(/\.$/, ''));
  return null;
}

async function registerPayment(tx: Executor, token: string, notification: PayPalNotification, logged: Record<string, string>): Promise<NotificationOutcome> {
  const setup = await loadPaymentService(tx, 'PAYPAL');
  checkAuthentic(setup, token, notification);
  const duplicate = await acceptedNotification(tx, notification.transactionId);
  if (duplicate) return recordDuplicate(tx, notification, logged);
  const { entry, amount } = await checkPayable(tx, setup, notification);
  const date = paymentDateOf(notification.paymentDate, todayIsoDate());
  const context = await loadSalesContext(tx, date, 'paypal');
  const posted = await postRegisteredPayments(tx, {
    lines: [{ entryNo: entry.entryNo, amountReceived: amount.toFixed(2), dateReceived: date }], lumpPayment: false,
    balAccountType: setup.balAccountType as 'glAccount' | 'bankAccount', balAccountNo: setup.balAccountNo!,
  }, context);
  const transaction = posted.transactions[0]!;
  const id = await logNotification(tx, notification, logged, {
    status: 'accepted', reason: '', paymentDocumentNo: transaction.documentNo, transactionNo: transaction.transactionNo,
  });
  return { status: 'accepted', notificationId: id, paymentDocumentNo: transaction.documentNo, transactionNo: transaction.transactionNo };
}

/** What only the holder of the invoice's link and our PayPal account can send. */
function checkAuthentic(setup: PaymentServiceSetupRow, token: string, notification: PayPalNotification): void {
  if (!notification.invoiceNo || !notifyTokenMatches(setup.notifyToken, setup.code, notification.invoiceNo, token)) {
    throw new NotificationRefused(403, 'the token is missing or wrong for this invoice', false);
  }
  if (!setup.enabled) throw new NotificationRefused(403, `${setup.name || setup.code} is not enabled`);
  if (notification.receiverEmail.toLowerCase() !== setup.accountId.trim().toLowerCase()) {
    throw new NotificationRefused(403, `the payment was sent to ${notification.receiverEmail || 'no receiver'}, not to the account ${setup.accountId}`);
  }
  if (!notification.transactionId) throw new NotificationRefused(422, 'the notification has no transaction id (txn_id)');
}

async function acceptedNotification(tx: Executor, transactionId: string) {
  const [row] = await tx.select().from(paymentNotification).where(and(
    eq(paymentNotification.serviceCode, 'PAYPAL'), eq(paymentNotification.transactionId, transactionId), eq(paymentNotification.status, 'accepted'),
  ));
  return row;
}

/** The invoice must exist and be open, in the notified currency, owing at least the amount paid. */
async function checkPayable(tx: Executor, setup: PaymentServiceSetupRow, notification: PayPalNotification) {
  if (notification.paymentStatus !== 'Completed') throw new NotificationRefused(422, `the payment status is ${notification.paymentStatus || 'blank'}, not Completed`);
  const [invoice] = await tx.select().from(postedSalesHeader)
    .where(and(eq(postedSalesHeader.documentType, 'invoice'), eq(postedSalesHeader.no, notification.invoiceNo)));
  if (!invoice || invoice.customerLedgerEntryNo === null) throw new NotificationRefused(404, `there is no posted sales invoice ${notification.invoiceNo}`);
  const [entry] = await tx.select().from(customerLedgerEntry).where(eq(customerLedgerEntry.entryNo, invoice.customerLedgerEntryNo)).for('update');
  if (!entry || !entry.open || !dec(entry.remainingAmount).gt(0)) throw new NotificationRefused(422, `invoice ${invoice.no} is already paid`);
  const [glSetup] = await tx.select({ lcyCode: generalLedgerSetup.lcyCode }).from(generalLedgerSetup);
  const currency = (invoice.currencyCode || glSetup?.lcyCode || '').toUpperCase();
  if (notification.currencyCode !== currency) throw new NotificationRefused(422, `the payment is in ${notification.currencyCode || 'no currency'}, invoice ${invoice.no} in ${currency}`);
  const amount = grossAmountOf(notification.grossAmount);
  if (amount.gt(dec(entry.remainingAmount))) {
    throw new NotificationRefused(422, `the amount ${notification.grossAmount} is more than the ${entry.remainingAmount} invoice ${invoice.no} still owes`);
  }
  if (!setup.balAccountNo) throw new NotificationRefused(422, `${setup.name || setup.code} has no balancing account to register payments on`);
  return { entry, amount };
}

function grossAmountOf(text: string): Decimal {
  if (!isDecimalString(text) || !dec(text).gt(0) || dec(text).decimalPlaces() > 2) throw new NotificationRefused(422, `the amount '${text}' is not a positive amount`);
  return dec(text);
}

async function recordDuplicate(db: Executor, notification: PayPalNotification, logged: Record<string, string>): Promise<NotificationOutcome> {
  const first = await acceptedNotification(db, notification.transactionId);
  const reason = `transaction ${notification.transactionId} is already registered${first?.paymentDocumentNo ? ` as payment ${first.paymentDocumentNo}` : ''}`;
  const id = await logNotification(db, notification, logged, { status: 'refused', reason });
  return { status: 'duplicate', notificationId: id, paymentDocumentNo: first?.paymentDocumentNo ?? null };
}

async function logNotification(
  db: Executor, notification: PayPalNotification, logged: Record<string, string>,
  outcome: { status: 'accepted' | 'refused'; reason: string; paymentDocumentNo?: string; transactionNo?: number },
): Promise<number> {
  const clip = (value: string, max = 250) => value.slice(0, max);
  const [row] = await db.insert(paymentNotification).values({
    serviceCode: 'PAYPAL', status: outcome.status, reason: clip(outcome.reason, 500),
    transactionId: clip(notification.transactionId, 100), invoiceNo: clip(notification.invoiceNo, 100), paymentStatus: clip(notification.paymentStatus, 50),
    grossAmount: clip(notification.grossAmount, 50), currencyCode: clip(notification.currencyCode, 10),
    receiverEmail: clip(notification.receiverEmail), payerEmail: clip(notification.payerEmail),
    paymentDocumentNo: outcome.paymentDocumentNo ?? null, transactionNo: outcome.transactionNo ?? null, fields: logged,
  }).returning({ id: paymentNotification.id });
  return row!.id;
}
