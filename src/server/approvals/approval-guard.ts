/**
 * The one gate every channel passes (spec §19.6, issue 18 point 5): release, post (API, CLI, web,
 * batch posting, Combine Shipments, Post and Send, preview) and Make Order call it on the loaded,
 * locked document. While an approval request is pending nothing passes. While an enabled workflow
 * applies to the document, only a document whose latest request is approved passes, and only with
 * the content that was approved (the content hash): an edit after approval, a copy into another
 * document or an order made with other amounts needs a new approval.
 */
import { DomainError } from '../../core/errors.ts';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import type { Executor } from '../db/connection.ts';
import type { EditableDocumentType, SalesDocument } from '../sales/sales-document.types.ts';
import { approvalContentHashOf, approvalFactsOf, isApprovalDocumentType, workflowFor } from './approval-documents.ts';
import { latestRequest } from './approval-requests.queries.ts';

export type GuardedAction = 'release' | 'post' | 'makeOrder' | 'makeInvoice';

const actionCaptions: Record<GuardedAction, string> = { release: 'Release', post: 'Post', makeOrder: 'Make Order', makeInvoice: 'Make Invoice' };

function refusal(document: SalesDocument, action: GuardedAction, reason: string) {
  const documentTypeCaption = salesDescriptor(document.header.documentType as EditableDocumentType).caption;
  if (action === 'release') return new DomainError('APPROVAL_NOT_COMPLETE', { documentTypeCaption, no: document.header.no, reason }, 'status');
  return new DomainError('APPROVAL_REQUIRED', { documentTypeCaption, no: document.header.no, action: actionCaptions[action], reason }, 'status');
}

export async function assertApprovalAllows(tx: Executor, document: SalesDocument, action: GuardedAction): Promise<void> {
  const { header } = document;
  if (header.status === 'pendingApproval') throw refusal(document, action, 'its approval request is pending');
  if (!isApprovalDocumentType(header.documentType)) return;
  const facts = approvalFactsOf(document);
  const workflow = await workflowFor(tx, facts);
  if (!workflow) return;
  const latest = await latestRequest(tx, { documentType: header.documentType, no: header.no, createdAt: header.createdAt });
  if (!latest || latest.status !== 'approved') {
    const state = latest ? `its latest approval request was ${latest.status}` : 'no approval request has been sent';
    throw refusal(document, action, `approval workflow ${workflow.code} applies and ${state}`);
  }
  if (latest.request.contentHash !== approvalContentHashOf(document)) {
    throw refusal(document, action, `it was changed after approval request ${latest.request.id} was approved; send a new approval request`);
  }
}
