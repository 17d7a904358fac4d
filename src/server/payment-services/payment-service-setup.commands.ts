/**
 * Payment Service Setup (spec §21.1, §21.4): the built-in PayPal Payments Standard row (inserted by
 * migration 0031 with a random secret for its notifications), read without that secret and changed with
 * the checks BC makes (an enabled service needs an account ID; the target URL is https), and the
 * Payment Service Set a new quote, order or invoice starts with.
 */
import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { effectivePayPalTargetUrl, PAYPAL_PRODUCTION_TARGET_URL } from '../../core/documents/payment-link.ts';
import { DomainError } from '../../core/errors.ts';
import {
  paymentServiceDocumentTypes, type PaymentServiceCode, type PaymentServiceSetupUpdate, type PaymentServiceSetupView,
} from '../../core/master-data/payment-service.schemas.ts';
import type { SalesDocumentType } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { cachedSetup } from '../db/setup-cache.ts';
import { bankAccount, paymentNotification, paymentServiceSetup } from '../db/schema/index.ts';
import { checkAccounts } from '../master-data/resource.commands.ts';

export type PaymentServiceSetupRow = typeof paymentServiceSetup.$inferSelect;

export const PAYPAL_NOTIFY_PATH = '/api/v1/paymentServices/paypal/notify';

export const newNotifySecret = () => randomBytes(32).toString('base64url');

export async function loadPaymentService(tx: Executor, code: string, options: { lock?: boolean } = {}): Promise<PaymentServiceSetupRow> {
  const query = tx.select().from(paymentServiceSetup).where(eq(paymentServiceSetup.code, code.toUpperCase()));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'Payment Service', key: code });
  return row;
}

export function paymentServiceView(row: PaymentServiceSetupRow): PaymentServiceSetupView {
  const base = row.notifyBaseUrl.trim().replace(/\/+$/, '');
  return {
    code: row.code as PaymentServiceCode, name: row.name, description: row.description, enabled: row.enabled,
    alwaysIncludeOnDocuments: row.alwaysIncludeOnDocuments, termsOfServiceUrl: row.termsOfServiceUrl, accountId: row.accountId,
    targetUrl: row.targetUrl, sandbox: row.sandbox, effectiveTargetUrl: effectivePayPalTargetUrl(row.targetUrl, row.sandbox),
    notifyBaseUrl: row.notifyBaseUrl, notifyEndpoint: base ? `${base}${PAYPAL_NOTIFY_PATH}` : null, notifyTokenSet: row.notifyToken !== '',
    balAccountType: row.balAccountType as PaymentServiceSetupView['balAccountType'], balAccountNo: row.balAccountNo, version: row.version,
  };
}

export async function listPaymentServices(tx: Executor): Promise<PaymentServiceSetupView[]> {
  const rows = await tx.select().from(paymentServiceSetup).orderBy(paymentServiceSetup.code);
  return rows.map(paymentServiceView);
}

export async function updatePaymentService(tx: Executor, code: string, input: PaymentServiceSetupUpdate, headerVersion?: number): Promise<PaymentServiceSetupView> {
  const current = await loadPaymentService(tx, code, { lock: true });
  const { version: bodyVersion, ...fields } = input;
  const expected = headerVersion ?? bodyVersion;
  if (expected !== undefined && expected !== current.version) {
    throw new DomainError('VERSION_CONFLICT', { entity: 'Payment Service', key: current.code, currentVersion: current.version, sentVersion: expected });
  }
  const next = { ...current, ...fields };
  if (fields.targetUrl === '') next.targetUrl = PAYPAL_PRODUCTION_TARGET_URL;
  if (fields.balAccountType !== undefined && fields.balAccountType !== current.balAccountType && fields.balAccountNo === undefined) next.balAccountNo = null;
  await checkSetup(tx, next);
  const [row] = await tx.update(paymentServiceSetup).set({ ...next, version: current.version + 1, updatedAt: sql`now()` })
    .where(eq(paymentServiceSetup.code, current.code)).returning();
  return paymentServiceView(row!);
}

/** A new secret: links already sent carry the old one, so their notifications are refused from now on. */
export async function regenerateNotifySecret(tx: Executor, code: string): Promise<PaymentServiceSetupView> {
  const current = await loadPaymentService(tx, code, { lock: true });
  const [row] = await tx.update(paymentServiceSetup).set({ notifyToken: newNotifySecret(), version: current.version + 1, updatedAt: sql`now()` })
    .where(eq(paymentServiceSetup.code, current.code)).returning();
  return paymentServiceView(row!);
}

async function checkSetup(tx: Executor, setup: PaymentServiceSetupRow): Promise<void> {
  const service = setup.name || setup.code;
  if (setup.enabled && setup.accountId.trim() === '') {
    throw new DomainError('PAYMENT_SERVICE_SETUP_INCOMPLETE', { service, reason: 'Account ID (the PayPal business e-mail) must have a value' }, 'accountId');
  }
  if (setup.enabled && setup.notifyBaseUrl !== '' && !setup.balAccountNo) {
    throw new DomainError('PAYMENT_SERVICE_SETUP_INCOMPLETE', { service, reason: 'payments notified to the notify address are registered on a balancing account; set Bal. Account No.' }, 'balAccountNo');
  }
  if (!setup.balAccountNo) return;
  if (setup.balAccountType === 'glAccount') {
    await checkAccounts(tx, { accountFields: ['balAccountNo'] }, { balAccountNo: setup.balAccountNo });
    return;
  }
  const [bank] = await tx.select({ no: bankAccount.no }).from(bankAccount).where(eq(bankAccount.no, setup.balAccountNo));
  if (!bank) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'Bank Account', value: setup.balAccountNo, field: 'balAccountNo' }, 'balAccountNo');
}

export async function listPaymentNotifications(tx: Executor, code: string, limit: number) {
  return tx.select().from(paymentNotification).where(eq(paymentNotification.serviceCode, code.toUpperCase()))
    .orderBy(desc(paymentNotification.id)).limit(limit);
}

const carriesPaymentServices = (documentType: SalesDocumentType) => (paymentServiceDocumentTypes as readonly string[]).includes(documentType);

/**
 * The Payment Service Set of a new document: the services typed (each must be enabled), or when
 * none were sent those set to Always Include on Documents. Credit memos, return orders and blanket
 * orders carry none.
 */
export async function paymentServiceSetForNewDocument(tx: Executor, documentType: SalesDocumentType, typed: readonly string[] | undefined): Promise<string[]> {
  if (typed !== undefined) return checkPaymentServiceSet(tx, documentType, typed);
  if (!carriesPaymentServices(documentType)) return [];
  const rows = await cachedSetup(tx, 'payment_service_setup:alwaysIncluded', (db) => db.select({ code: paymentServiceSetup.code }).from(paymentServiceSetup)
    .where(and(eq(paymentServiceSetup.enabled, true), eq(paymentServiceSetup.alwaysIncludeOnDocuments, true))));
  return rows.map((row) => row.code).sort();
}

/** A Payment Service Set a user sets: only on quotes, orders and invoices, and only enabled services. */
export async function checkPaymentServiceSet(tx: Executor, documentType: SalesDocumentType, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  if (!carriesPaymentServices(documentType)) {
    throw new DomainError('PAYMENT_SERVICE_NOT_ON_DOCUMENT', { documentTypeCaption: salesDescriptor(documentType).caption }, 'paymentServiceSet');
  }
  const enabled = await tx.select({ code: paymentServiceSetup.code }).from(paymentServiceSetup)
    .where(and(inArray(paymentServiceSetup.code, [...codes]), eq(paymentServiceSetup.enabled, true)));
  const missing = codes.find((code) => !enabled.some((row) => row.code === code));
  if (missing) throw new DomainError('PAYMENT_SERVICE_NOT_ENABLED', { service: missing }, 'paymentServiceSet');
  return [...codes].sort();
}
