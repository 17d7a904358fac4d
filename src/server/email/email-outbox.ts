/**
 * The email outbox (spec §21.1): a message is written in the transaction of the command that asks
 * for it, with its attachments, and sent after commit by the sender (email-sender.ts). One send
 * request is one row (its idempotency key is unique), so repeating a request sends nothing more.
 * Users list sent and failed messages, retry a failed one and cancel one not yet sent.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { EmailMessageView } from '../../core/email/email.schemas.ts';
import type { EmailStatus } from '../../core/email/outbox-retry.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { documentPrint, emailAttachment, emailOutbox } from '../db/schema/index.ts';

export type EmailMessageRow = typeof emailOutbox.$inferSelect;

export interface OutboxAttachment { fileName: string; contentType: string; content: Buffer }

export interface NewEmailMessage {
  idempotencyKey: string;
  documentType: string;
  documentNo: string;
  customerNo: string;
  to: string;
  cc: string;
  subject: string;
  htmlBody: string;
  attachmentChoice: string;
  attachments: readonly OutboxAttachment[];
  createdBy: string;
  /** Set when the message cannot be sent as it is (no or an invalid address): it waits, failed, for a correction. */
  refusal?: string;
}

export async function findMessageByKey(tx: Executor, idempotencyKey: string): Promise<EmailMessageRow | undefined> {
  const [row] = await tx.select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, idempotencyKey));
  return row;
}

/** Inserts the message and its attachments; a key already used answers the message it made (created: false). */
export async function queueEmailMessage(tx: Executor, message: NewEmailMessage): Promise<{ row: EmailMessageRow; created: boolean }> {
  const [row] = await tx.insert(emailOutbox).values({
    idempotencyKey: message.idempotencyKey, documentType: message.documentType, documentNo: message.documentNo,
    customerNo: message.customerNo, toAddresses: message.to, ccAddresses: message.cc, subject: message.subject,
    htmlBody: message.htmlBody, attachmentChoice: message.attachmentChoice, createdBy: message.createdBy,
    ...(message.refusal ? { status: 'failed', lastError: message.refusal } : {}),
    createdAt: sql`clock_timestamp()`, nextAttemptAt: sql`clock_timestamp()`,
  }).onConflictDoNothing({ target: emailOutbox.idempotencyKey }).returning();
  if (!row) return { row: (await findMessageByKey(tx, message.idempotencyKey))!, created: false };
  if (message.attachments.length > 0) {
    await tx.insert(emailAttachment).values(message.attachments.map((attachment, index) => ({
      messageId: row.id, sequence: index + 1, fileName: attachment.fileName, contentType: attachment.contentType, content: attachment.content,
    })));
  }
  return { row, created: true };
}

export async function loadAttachments(tx: Executor, messageId: string): Promise<OutboxAttachment[]> {
  return tx.select({ fileName: emailAttachment.fileName, contentType: emailAttachment.contentType, content: emailAttachment.content })
    .from(emailAttachment).where(eq(emailAttachment.messageId, messageId)).orderBy(asc(emailAttachment.sequence));
}

/** No. Printed: posted documents never change, so every PDF generated for them is a row, counted. */
export async function recordPrint(tx: Executor, documentType: string, documentNo: string, printedBy: string, reason: 'email' | 'print'): Promise<void> {
  await tx.insert(documentPrint).values({ documentType, documentNo, printedBy, reason });
}

export async function noPrinted(tx: Executor, documentType: string, documentNo: string): Promise<number> {
  const [row] = await tx.select({ count: sql<number>`count(*)::int` }).from(documentPrint)
    .where(and(eq(documentPrint.documentType, documentType), eq(documentPrint.documentNo, documentNo)));
  return row?.count ?? 0;
}

export async function messageView(tx: Executor, row: EmailMessageRow): Promise<EmailMessageView> {
  const names = await tx.select({ fileName: emailAttachment.fileName }).from(emailAttachment)
    .where(eq(emailAttachment.messageId, row.id)).orderBy(asc(emailAttachment.sequence));
  return {
    id: row.id, documentType: row.documentType as EmailMessageView['documentType'], documentNo: row.documentNo, customerNo: row.customerNo,
    to: row.toAddresses, cc: row.ccAddresses, subject: row.subject, attachmentChoice: row.attachmentChoice as EmailMessageView['attachmentChoice'],
    attachmentNames: names.map((name) => name.fileName), status: row.status as EmailStatus, attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt, lastError: row.lastError, sentAt: row.sentAt, smtpMessageId: row.smtpMessageId,
    createdBy: row.createdBy, createdAt: row.createdAt,
  };
}

export async function getMessage(tx: Executor, id: string): Promise<EmailMessageRow> {
  const row = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    ? (await tx.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0] : undefined;
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'Email', key: id });
  return row;
}

export interface OutboxListOptions { status?: EmailStatus[] | undefined; documentType?: string | undefined; documentNo?: string | undefined; limit: number }

/** Newest first. */
export async function listMessages(tx: Executor, options: OutboxListOptions): Promise<EmailMessageView[]> {
  const conditions: SQL[] = [];
  if (options.status?.length) conditions.push(inArray(emailOutbox.status, options.status));
  if (options.documentType) conditions.push(eq(emailOutbox.documentType, options.documentType));
  if (options.documentNo) conditions.push(eq(emailOutbox.documentNo, options.documentNo.toUpperCase()));
  const rows = await tx.select().from(emailOutbox).where(and(...conditions))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id)).limit(options.limit);
  return Promise.all(rows.map((row) => messageView(tx, row)));
}

/**
 * A failed (or still retrying) message goes back in the queue for one more round of attempts, due
 * now; corrected addresses (checked by the caller) replace the old ones.
 */
export async function retryMessage(tx: Executor, id: string, correction: { to?: string; cc?: string } = {}): Promise<EmailMessageRow> {
  const current = await getMessage(tx, id);
  const [row] = await tx.update(emailOutbox)
    .set({
      status: 'queued', attempts: 0, nextAttemptAt: sql`clock_timestamp()`,
      ...(correction.to !== undefined ? { toAddresses: correction.to } : {}), ...(correction.cc !== undefined ? { ccAddresses: correction.cc } : {}),
    })
    .where(and(eq(emailOutbox.id, id), inArray(emailOutbox.status, ['failed', 'queued']))).returning();
  if (!row) throw new DomainError('EMAIL_MESSAGE_STATUS', { id, status: current.status, allowed: 'failed or queued', action: 'retried' });
  return row;
}

export async function cancelMessage(tx: Executor, id: string): Promise<EmailMessageRow> {
  const current = await getMessage(tx, id);
  const [row] = await tx.update(emailOutbox).set({ status: 'cancelled' })
    .where(and(eq(emailOutbox.id, id), inArray(emailOutbox.status, ['failed', 'queued']))).returning();
  if (!row) throw new DomainError('EMAIL_MESSAGE_STATUS', { id, status: current.status, allowed: 'failed or queued', action: 'cancelled' });
  return row;
}
