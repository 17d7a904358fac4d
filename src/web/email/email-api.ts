/** The email API as the web uses it (spec §21): drafts, send actions, the outbox, SMTP setup and sending profiles. */
import type { EmailDraftView, EmailMessageView } from '../../core/email/email.schemas.ts';
import { api, encodeKey, withQuery } from '../api/client.ts';

export type { EmailDraftView, EmailMessageView };

export type SendAction = 'sendByEmail' | 'send' | 'postAndSend';

export interface SendInput { to: string; cc: string; subject: string; body: string; idempotencyKey: string }

export interface SendResult { message: EmailMessageView; noPrinted: number; postedDocumentNo?: string }

/** The draft of the document the action sends: for Post and Send, the draft of the unposted document (it has the same recipients). */
export function fetchDraft(resource: string, no: string): Promise<EmailDraftView> {
  return api.get<EmailDraftView>(`/${resource}/${encodeKey(no)}/emailDraft`);
}

export function sendDocument(resource: string, no: string, action: SendAction, input: Partial<SendInput>): Promise<SendResult> {
  return api.post<SendResult>(`/${resource}/${encodeKey(no)}/${action}`, input);
}

export function listOutbox(status: string): Promise<{ items: EmailMessageView[] }> {
  return api.get(withQuery('/emailOutbox', { status, limit: 200 }));
}

export const retryEmail = (id: string) => api.post<EmailMessageView>(`/emailOutbox/${encodeKey(id)}/retry`);
export const cancelEmail = (id: string) => api.post<EmailMessageView>(`/emailOutbox/${encodeKey(id)}/cancel`);
export const deliverNow = () => api.post<{ sent: number; retrying: number; failed: number }>('/emailOutbox/deliver');

export { emailableResources } from './send-actions.ts';
