/**
 * Approval notifications (spec §19.7): what each kind says and where it links. Pure: the server
 * writes them in the approval action's transaction (and queues the email), the web app's bell
 * shows them and links to the same document pages.
 */
import { salesDescriptor } from '../documents/document-descriptors.ts';
import type { ApprovalDocumentType } from './types.ts';

export const approvalNotificationTypes = ['approvalRequest', 'approved', 'rejected', 'cancelled', 'delegated', 'overdue'] as const;
export type ApprovalNotificationType = (typeof approvalNotificationTypes)[number];

/** The web app's page of the document, e.g. /sales/orders/SO001 (the app's routes /sales/:kind/:no). */
export function approvalDocumentPath(documentType: ApprovalDocumentType, documentNo: string): string {
  return `/sales/${salesDescriptor(documentType).path}/${encodeURIComponent(documentNo)}`;
}

/** The web app's Requests to Approve page. */
export const requestsToApprovePath = '/requests-to-approve';

/** The full link of a page: the app's public address (no trailing slash needed) and the page's path. */
export function absoluteLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}

export interface NotificationFacts {
  type: ApprovalNotificationType;
  documentType: ApprovalDocumentType;
  documentNo: string;
  /** Amount excl. VAT in the document's currency, as text ("8000.00"), and its currency code ('' = LCY). */
  amount: string;
  currencyCode: string;
  /** Who acted (sender, approver …); for an overdue notice, the approver whose entry is overdue. */
  actorId: string;
  dueDate: string | null;
}

export function documentCaptionOf(documentType: ApprovalDocumentType, documentNo: string): string {
  return `${salesDescriptor(documentType).caption} ${documentNo}`;
}

/** One line for the bell and the email's subject. */
export function notificationMessage(facts: NotificationFacts): string {
  const document = documentCaptionOf(facts.documentType, facts.documentNo);
  const amount = `${facts.amount}${facts.currencyCode ? ` ${facts.currencyCode}` : ''}`;
  const due = facts.dueDate ? `, due ${facts.dueDate}` : '';
  switch (facts.type) {
    case 'approvalRequest': return `${facts.actorId} requests your approval of ${document} (${amount}${due}).`;
    case 'approved': return `${document} (${amount}) is approved; the last approval was by ${facts.actorId}.`;
    case 'rejected': return `${document} (${amount}) was rejected by ${facts.actorId}.`;
    case 'cancelled': return `The approval request for ${document} (${amount}) was cancelled by ${facts.actorId}.`;
    case 'delegated': return `The approval of ${document} (${amount}${due}) was delegated to you.`;
    case 'overdue': return `The approval of ${document} (${amount}) by ${facts.actorId} is overdue${due}.`;
  }
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The email of a notification: subject, a short text and the link to the document. */
export function notificationEmail(message: string, documentCaption: string, link: string): { subject: string; htmlBody: string } {
  return {
    subject: `Approval: ${documentCaption}`,
    htmlBody: `<p>${escapeHtml(message)}</p><p><a href="${escapeHtml(link)}">Open ${escapeHtml(documentCaption)}</a></p>`,
  };
}
