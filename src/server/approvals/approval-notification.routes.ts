/**
 * Approval notifications over HTTP (spec §19.7): the signed-in user's notifications (the web
 * app's bell) and marking them read; Send Overdue Approval Notifications (§19.5, approval
 * administrators) and Delegate Due Entries, the automatic delegation run for the work date.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { approvalNotificationTypes } from '../../core/approvals/notifications.ts';
import { approvalDocumentTypes } from '../../core/approvals/types.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { approvalUserSetup } from '../db/schema/index.ts';
import { actorOf } from '../http/auth.ts';
import { eq } from 'drizzle-orm';
import { delegateDueEntries } from './approval-delegation.ts';
import { markNotificationsRead, notificationsOf, notificationView, sendOverdueNotifications } from './approval-notifications.ts';
import { overdueApprovalEntries } from './approval-requests.queries.ts';

const tags = ['approvals'];

export const notificationSchema = z.object({
  id: z.number().int(), notificationType: z.enum(approvalNotificationTypes), documentType: z.enum(approvalDocumentTypes), documentNo: z.string(),
  entryNo: z.number().int().nullable(), message: z.string(), createdBy: z.string(), createdAt: z.string(), readAt: z.string().nullable(),
  link: z.string().describe("The web app's page of the document"),
});

const markReadInput = z.object({
  ids: z.array(z.number().int().positive()).max(1000).optional(),
  all: z.boolean().optional(),
}).refine((input) => input.all === true || (input.ids?.length ?? 0) > 0, { message: 'Give ids or all: true.' });

/** Approval administrators (approval user setup), and the admin role, send overdue notices (§19.5). */
async function assertApprovalAdministrator(tx: Executor, actor: { username: string; role: string }) {
  if (actor.role === 'admin') return;
  const [setup] = await tx.select({ administrator: approvalUserSetup.approvalAdministrator }).from(approvalUserSetup).where(eq(approvalUserSetup.userId, actor.username));
  if (!setup?.administrator) throw new DomainError('FORBIDDEN', { role: actor.role, action: 'send overdue approval notifications (approval administrators only)' });
}

export function registerApprovalNotificationRoutes(app: FastifyInstance, getDb: () => Executor) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get('/api/v1/notifications', {
    config: { anyRole: true },
    schema: {
      tags, summary: "The signed-in user's approval notifications, newest first, with the number unread",
      querystring: z.object({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }),
      response: { 200: z.object({ items: z.array(notificationSchema), unreadCount: z.number().int() }) },
    },
  }, async (request) => notificationsOf(getDb(), actorOf(request).username, { unreadOnly: request.query.unread === 'true', limit: request.query.limit }));

  // Marking read is a change: the roles that may act on approvals (area sales), as Approve and Reject.
  routes.post('/api/v1/notifications/markRead', {
    config: { area: 'sales' },
    schema: { tags, summary: 'Mark notifications of the signed-in user read: these ids, or all', body: markReadInput, response: { 200: z.object({ marked: z.number().int() }) } },
  }, async (request) => ({ marked: await getDb().transaction((tx) => markNotificationsRead(tx as Executor, actorOf(request).username, request.body)) }));

  routes.post('/api/v1/approvalRequests/sendOverdueNotifications', {
    config: { area: 'sales' },
    schema: {
      tags, summary: 'Send Overdue Approval Notifications (§19.5): for each open entry due before the work date, notify its approver, their approver and the sender (once a day)',
      response: { 200: z.object({ overdueEntries: z.number().int(), notified: z.array(notificationSchema.extend({ recipientId: z.string() })) }) },
    },
  }, async (request) => getDb().transaction(async (tx) => {
    const executor = tx as Executor;
    const actor = actorOf(request);
    await assertApprovalAdministrator(executor, actor);
    const overdue = await overdueApprovalEntries(executor, request.workDate);
    const written = await sendOverdueNotifications(executor, overdue, request.workDate, actor.username);
    return { overdueEntries: overdue.length, notified: written.map((row) => ({ ...notificationView(row), recipientId: row.recipientId })) };
  }));

  routes.post('/api/v1/approvalRequests/delegateDue', {
    config: { area: 'setup' },
    schema: {
      tags, summary: 'Automatic delegation (§19.5, Delegate After): delegate every open entry whose delegation date is on or before the work date (the server does this daily by itself)',
      response: {
        200: z.object({
          delegated: z.array(z.object({ entryNo: z.number().int(), documentType: z.string(), documentNo: z.string(), from: z.string(), to: z.string() })),
          skipped: z.array(z.object({ entryNo: z.number().int(), approverId: z.string(), code: z.string(), message: z.string() })),
        }),
      },
    },
  }, async (request) => delegateDueEntries(getDb(), request.workDate));
}
