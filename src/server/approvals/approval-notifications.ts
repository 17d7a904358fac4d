/**
 * Approval notifications (spec §19.7), written in the transaction of the approval action that
 * causes them: Send → the approvers whose entries open; Approve → the next sequence's approvers,
 * or the sender when it was the last approval; Reject and Cancel → the sender; Delegate → the new
 * approver. Nobody is notified of their own action. When SMTP is set up and the recipient has an
 * email in the approval user setup, an email with a link to the document is queued in the outbox
 * too (sent after commit). Overdue notices (Send Overdue Approval Notifications) go to the
 * approver, the approver's approver and the sender, once per recipient, entry and work date.
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  absoluteLink, approvalDocumentPath, documentCaptionOf, notificationEmail, notificationMessage, type ApprovalNotificationType,
} from '../../core/approvals/notifications.ts';
import type { ApprovalDocumentOutcome, ApprovalDocumentType, ApprovalEntryChange } from '../../core/approvals/types.ts';
import type { Executor } from '../db/connection.ts';
import { approvalEntry, approvalNotification, approvalUserSetup, smtpSetup } from '../db/schema/index.ts';
import { queueEmailMessage } from '../email/email-outbox.ts';
import type { ApprovalRequestRow } from './approval-requests.queries.ts';

export type ApprovalNotificationRow = typeof approvalNotification.$inferSelect;
export type NotifiedAction = 'send' | 'approve' | 'reject' | 'cancel' | 'delegate';

/**
 * The app's public address for links in emails: LEDGERLINE_PUBLIC_URL, else the address the server
 * listens on (HOST, PORT). Read when a message is written, so a test can set it.
 */
export function publicUrl(environment: NodeJS.ProcessEnv = process.env): string {
  const configured = environment.LEDGERLINE_PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  return `http://${environment.HOST || '127.0.0.1'}:${environment.PORT || '3000'}`;
}

interface NewNotification {
  recipientId: string;
  type: ApprovalNotificationType;
  entryNo: number | null;
  actorId: string;
  dueDate: string | null;
  overdueDate?: string;
}

async function dueDates(tx: Executor, entryNos: readonly number[]): Promise<Map<number, string | null>> {
  if (entryNos.length === 0) return new Map();
  const rows = await tx.select({ entryNo: approvalEntry.entryNo, dueDate: approvalEntry.dueDate }).from(approvalEntry).where(inArray(approvalEntry.entryNo, [...entryNos]));
  return new Map(rows.map((row) => [row.entryNo, row.dueDate]));
}

/** Writes the notifications (an overdue one only if not yet sent that day) and queues their emails; answers those written. */
async function writeNotifications(tx: Executor, request: ApprovalRequestRow, notifications: readonly NewNotification[], createdBy: string): Promise<ApprovalNotificationRow[]> {
  if (notifications.length === 0) return [];
  const documentType = request.documentType as ApprovalDocumentType;
  const rows = await tx.insert(approvalNotification).values(notifications.map((notification) => ({
    recipientId: notification.recipientId, notificationType: notification.type, documentType, documentNo: request.documentNo,
    entryNo: notification.entryNo, overdueDate: notification.overdueDate ?? null, createdBy,
    message: notificationMessage({
      type: notification.type, documentType, documentNo: request.documentNo, amount: request.amount, currencyCode: request.currencyCode ?? '',
      actorId: notification.actorId, dueDate: notification.dueDate,
    }),
    createdAt: sql`clock_timestamp()`,
  }))).onConflictDoNothing().returning();
  await queueEmails(tx, request, rows, createdBy);
  return rows;
}

async function queueEmails(tx: Executor, request: ApprovalRequestRow, rows: readonly ApprovalNotificationRow[], createdBy: string) {
  if (rows.length === 0) return;
  const [smtp] = await tx.select({ host: smtpSetup.host }).from(smtpSetup).where(eq(smtpSetup.id, 1));
  if (!smtp || smtp.host === '') return;
  const emails = new Map((await tx.select({ userId: approvalUserSetup.userId, email: approvalUserSetup.email }).from(approvalUserSetup)
    .where(inArray(approvalUserSetup.userId, [...new Set(rows.map((row) => row.recipientId))]))).map((row) => [row.userId, row.email.trim()]));
  const documentType = request.documentType as ApprovalDocumentType;
  const link = absoluteLink(publicUrl(), approvalDocumentPath(documentType, request.documentNo));
  for (const row of rows) {
    const to = emails.get(row.recipientId);
    if (!to) continue;
    const email = notificationEmail(row.message, documentCaptionOf(documentType, request.documentNo), link);
    await queueEmailMessage(tx, {
      idempotencyKey: `approval-notification:${row.id}`, documentType: request.documentType, documentNo: request.documentNo, customerNo: request.customerNo,
      to, cc: '', subject: email.subject, htmlBody: email.htmlBody, attachmentChoice: 'pdf', attachments: [], createdBy,
    });
  }
}

/**
 * The notifications of one approval action, from what it changed (the entries' new states) and
 * the document outcome; one call per action from approval.commands.ts.
 */
export async function notifyApprovalAction(
  tx: Executor, action: NotifiedAction, request: ApprovalRequestRow, result: { changes: readonly ApprovalEntryChange[]; document: ApprovalDocumentOutcome }, actorId: string,
): Promise<void> {
  const opened = result.changes.filter((change) => change.status === 'open');
  const due = await dueDates(tx, opened.map((change) => change.entryNo));
  const notifications: NewNotification[] = opened.map((change) => ({
    recipientId: change.approverId, type: action === 'delegate' ? 'delegated' : 'approvalRequest', entryNo: change.entryNo,
    actorId: action === 'delegate' ? actorId : request.senderId, dueDate: due.get(change.entryNo) ?? null,
  }));
  const toSender = action === 'approve' && result.document === 'released' ? 'approved'
    : action === 'reject' && result.changes.length > 0 ? 'rejected'
      : action === 'cancel' && result.changes.length > 0 ? 'cancelled' : undefined;
  if (toSender) notifications.push({ recipientId: request.senderId, type: toSender, entryNo: result.changes[0]?.entryNo ?? null, actorId, dueDate: null });
  await writeNotifications(tx, request, notifications.filter((notification) => notification.recipientId !== actorId), actorId);
}

export interface OverdueEntry { entryNo: number; approverId: string; dueDate: string | null; request: ApprovalRequestRow }

/**
 * Send Overdue Approval Notifications (§19.5): for every open entry due before the work date, a
 * notice to its approver, the approver's approver and the sender, unless they had one for that
 * entry on this work date already. Answers the notices written.
 */
export async function sendOverdueNotifications(tx: Executor, overdue: readonly OverdueEntry[], workDate: string, actorId: string): Promise<ApprovalNotificationRow[]> {
  const approvers = new Map((await tx.select({ userId: approvalUserSetup.userId, approverId: approvalUserSetup.approverId }).from(approvalUserSetup))
    .map((row) => [row.userId, row.approverId]));
  const written: ApprovalNotificationRow[] = [];
  for (const entry of overdue) {
    const recipients = new Set([entry.approverId, approvers.get(entry.approverId) ?? '', entry.request.senderId].filter((user) => user !== ''));
    written.push(...await writeNotifications(tx, entry.request, [...recipients].map((recipientId) => ({
      recipientId, type: 'overdue' as const, entryNo: entry.entryNo, actorId: entry.approverId, dueDate: entry.dueDate, overdueDate: workDate,
    })), actorId));
  }
  return written;
}

export const notificationView = (row: ApprovalNotificationRow) => ({
  id: row.id, notificationType: row.notificationType as ApprovalNotificationType, documentType: row.documentType as ApprovalDocumentType,
  documentNo: row.documentNo, entryNo: row.entryNo, message: row.message, createdBy: row.createdBy, createdAt: row.createdAt, readAt: row.readAt,
  link: approvalDocumentPath(row.documentType as ApprovalDocumentType, row.documentNo),
});

/** The user's notifications, newest first, and how many are unread. */
export async function notificationsOf(tx: Executor, userId: string, options: { unreadOnly?: boolean; limit: number }) {
  const mine = eq(approvalNotification.recipientId, userId);
  const rows = await tx.select().from(approvalNotification).where(and(mine, options.unreadOnly ? isNull(approvalNotification.readAt) : undefined))
    .orderBy(desc(approvalNotification.id)).limit(options.limit);
  const [count] = await tx.select({ unread: sql<number>`count(*)::int` }).from(approvalNotification).where(and(mine, isNull(approvalNotification.readAt)));
  return { items: rows.map(notificationView), unreadCount: count?.unread ?? 0 };
}

/** Marks the user's own unread notifications (these ids, or all) read; answers how many. */
export async function markNotificationsRead(tx: Executor, userId: string, selection: { ids?: readonly number[] | undefined; all?: boolean | undefined }): Promise<number> {
  if (!selection.all && !selection.ids?.length) return 0;
  const rows = await tx.update(approvalNotification).set({ readAt: sql`clock_timestamp()` })
    .where(and(eq(approvalNotification.recipientId, userId), isNull(approvalNotification.readAt), selection.all ? undefined : inArray(approvalNotification.id, [...selection.ids!])))
    .returning({ id: approvalNotification.id });
  return rows.length;
}
