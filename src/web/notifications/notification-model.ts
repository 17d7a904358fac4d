/**
 * The bell's pure helpers (spec §19.7): the badge text, the caption of each notification type, and
 * where a notification leads (its document; a request to approve also to Requests to Approve).
 */
import { requestsToApprovePath, type ApprovalNotificationType } from '../../core/approvals/notifications.ts';

export interface NotificationItem {
  id: number;
  notificationType: ApprovalNotificationType;
  documentType: string;
  documentNo: string;
  entryNo: number | null;
  message: string;
  createdBy: string;
  createdAt: string;
  readAt: string | null;
  /** The web app's page of the document (from the API). */
  link: string;
}

export interface NotificationList { items: NotificationItem[]; unreadCount: number }

/** The badge on the bell: nothing at 0, the count up to 99, then 99+. */
export function badgeLabel(unreadCount: number): string | null {
  if (unreadCount <= 0) return null;
  return unreadCount > 99 ? '99+' : String(unreadCount);
}

export const notificationTypeCaptions: Readonly<Record<ApprovalNotificationType, string>> = {
  approvalRequest: 'Approval requested',
  approved: 'Approved',
  rejected: 'Rejected',
  cancelled: 'Request cancelled',
  delegated: 'Delegated to you',
  overdue: 'Overdue approval',
};

/** Types that ask the recipient to act: they also link to Requests to Approve. */
const awaitingAction: ReadonlySet<ApprovalNotificationType> = new Set(['approvalRequest', 'delegated', 'overdue']);

/** A caption function: the app's `t` (i18n/captions.ts), or English by default (the words as written, with their values). */
export type Captions = (english: string, values?: Record<string, string>) => string;
const english: Captions = (text, values = {}) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

export function notificationLinks(item: Pick<NotificationItem, 'notificationType' | 'link' | 'documentNo'>, t: Captions = english): Array<{ to: string; label: string }> {
  const links = [{ to: item.link, label: t('Open {{no}}', { no: item.documentNo }) }];
  if (awaitingAction.has(item.notificationType)) links.push({ to: requestsToApprovePath, label: t('Requests to Approve') });
  return links;
}

/** The ids to mark read when the list is opened or one is followed: the unread among these. */
export function unreadIds(items: readonly Pick<NotificationItem, 'id' | 'readAt'>[]): number[] {
  return items.filter((item) => item.readAt === null).map((item) => item.id);
}
