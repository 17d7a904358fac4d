/**
 * Sends the outbox's due messages through SMTP (nodemailer), after the commit that queued them.
 * A message is claimed before it is sent — `queued → sending` in one UPDATE on a row picked with
 * FOR UPDATE SKIP LOCKED — so two workers (two processes) never send the same one. A failure
 * schedules the next attempt (core/email/outbox-retry.ts) or, when the server refused for good or
 * the attempts are used up, fails the message with its error text. A message left `sending` by a
 * process that died is failed, never sent again on its own: it may have reached the server.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import { invalidAddressIn, splitAddressList } from '../../core/email/email-address.ts';
import { afterFailedAttempt } from '../../core/email/outbox-retry.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { startPollingWorker } from '../jobs/polling-worker.ts';
import { emailOutbox } from '../db/schema/index.ts';
import { loadAttachments, type EmailMessageRow } from './email-outbox.ts';
import { loadSmtpConnection, type SmtpConnection } from './smtp-setup.ts';

export interface DeliveryReport { sent: number; retrying: number; failed: number }

async function claimNextDueMessage(db: Executor, workerId: string): Promise<EmailMessageRow | undefined> {
  const next = db.select({ id: emailOutbox.id }).from(emailOutbox)
    .where(and(eq(emailOutbox.status, 'queued'), sql`${emailOutbox.nextAttemptAt} <= clock_timestamp()`))
    .orderBy(emailOutbox.nextAttemptAt).limit(1).for('update', { skipLocked: true });
  const [row] = await db.update(emailOutbox)
    .set({ status: 'sending', claimedBy: workerId, claimedAt: sql`clock_timestamp()`, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(sql`${emailOutbox.id} = (${next})`).returning();
  return row;
}

/** nodemailer is loaded at the first message sent: a server that sends none does not hold it in memory. */
export async function smtpTransport(connection: SmtpConnection) {
  const { default: nodemailer } = await import('nodemailer');
  return nodemailer.createTransport({
    host: connection.host,
    port: connection.port,
    secure: connection.security === 'tls',
    requireTLS: connection.security === 'starttls',
    ignoreTLS: connection.security === 'none',
    ...(connection.username ? { auth: { user: connection.username, pass: connection.password } } : {}),
    connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000,
  });
}

/** 5xx answers (and addresses we refuse ourselves) will not change on their own: no automatic retry. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return error instanceof DomainError ? error.code !== 'SMTP_NOT_SET_UP' : typeof code === 'number' && code >= 500 && code < 600;
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 2000);
}

async function sendOne(connection: SmtpConnection, message: EmailMessageRow, attachments: Awaited<ReturnType<typeof loadAttachments>>) {
  for (const [field, list] of [['to', message.toAddresses], ['cc', message.ccAddresses]] as const) {
    const invalid = invalidAddressIn(list);
    if (invalid !== undefined) throw new DomainError('INVALID_EMAIL', { address: invalid, field }, field);
  }
  if (splitAddressList(message.toAddresses).length === 0) {
    throw new DomainError('EMAIL_RECIPIENT_MISSING', { document: `${message.documentType} ${message.documentNo}` });
  }
  const from = connection.senderAddress || connection.username;
  const info = await (await smtpTransport(connection)).sendMail({
    from: connection.senderName ? { name: connection.senderName, address: from } : from,
    to: splitAddressList(message.toAddresses),
    cc: splitAddressList(message.ccAddresses),
    subject: message.subject,
    html: message.htmlBody,
    // The outbox id in the Message-ID: a receiving server (or a person) can see a duplicate for what it is.
    messageId: `<${message.id}@ledgerline>`,
    attachments: attachments.map((attachment) => ({ filename: attachment.fileName, content: attachment.content, contentType: attachment.contentType })),
  });
  return info.messageId as string;
}

async function recordOutcome(db: Executor, message: EmailMessageRow, outcome: { smtpMessageId: string } | { error: unknown }): Promise<'sent' | 'retrying' | 'failed'> {
  const mine = and(eq(emailOutbox.id, message.id), eq(emailOutbox.status, 'sending'));
  if ('smtpMessageId' in outcome) {
    await db.update(emailOutbox).set({ status: 'sent', sentAt: sql`clock_timestamp()`, smtpMessageId: outcome.smtpMessageId, lastError: '' }).where(mine);
    return 'sent';
  }
  const next = afterFailedAttempt(message.attempts, isPermanent(outcome.error));
  const lastError = errorText(outcome.error);
  if (next.status === 'failed') {
    await db.update(emailOutbox).set({ status: 'failed', lastError }).where(mine);
    return 'failed';
  }
  await db.update(emailOutbox).set({
    status: 'queued', lastError, nextAttemptAt: sql`clock_timestamp() + make_interval(secs => ${next.retryInSeconds})`,
  }).where(mine);
  return 'retrying';
}

/** Sends every message due now, one at a time; each outcome is written as it happens. */
export async function deliverDueEmails(db: Executor, workerId: string): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  let connection: SmtpConnection | undefined;
  for (;;) {
    const message = await claimNextDueMessage(db, workerId);
    if (!message) return report;
    let outcome: { smtpMessageId: string } | { error: unknown };
    try {
      connection ??= await loadSmtpConnection(db);
      outcome = { smtpMessageId: await sendOne(connection, message, await loadAttachments(db, message.id)) };
    } catch (error) {
      outcome = { error };
    }
    report[await recordOutcome(db, message, outcome)] += 1;
  }
}

/**
 * Messages claimed longer ago than olderThanMs by a worker that never finished: failed with a
 * warning instead of sent again (the server may have taken them). Pass 0 only when no other process
 * can be sending (PGlite: the data directory is this process's).
 */
export async function failInterruptedSends(db: Executor, olderThanMs: number): Promise<number> {
  const rows = await db.update(emailOutbox).set({
    status: 'failed',
    lastError: 'Sending was interrupted (the server stopped while sending); the message may or may not have been delivered. Retry to send it again.',
  }).where(and(eq(emailOutbox.status, 'sending'), lt(emailOutbox.claimedAt, sql`clock_timestamp() - make_interval(secs => ${olderThanMs / 1000})`)))
    .returning({ id: emailOutbox.id });
  return rows.length;
}

export interface EmailWorkerOptions { workerId: string; pollMs?: number; interruptedAfterMs?: number; onError?: (error: unknown) => void }

/** Polls the outbox and sends what is due; stop() waits for the message in hand. */
export function startEmailWorker(db: Executor, options: EmailWorkerOptions): { stop(): Promise<void> } {
  const { interruptedAfterMs } = options;
  return startPollingWorker(db, {
    name: 'email worker', pollMs: options.pollMs ?? 2000, ...(options.onError ? { onError: options.onError } : {}),
    ...(interruptedAfterMs !== undefined ? { start: async (executor: Executor) => { await failInterruptedSends(executor, interruptedAfterMs); } } : {}),
    // deliverDueEmails sends everything due before it returns, so the worker sleeps after each round.
    step: async (executor) => { await deliverDueEmails(executor, options.workerId); return false; },
  });
}
