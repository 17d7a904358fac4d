/**
 * What the approval pages share (spec §19): the API's shapes, the captions of the approval
 * vocabulary, and the few pure rules the pages apply (which documents can be sent for approval,
 * where a request's document lives in the app).
 */
import {
  approvalDocumentTypes, approverLimitTypes, approverTypes, delegateAfterOptions,
  type ApprovalDocumentType, type ApprovalStatus, type ApproverLimitType, type ApproverType, type DelegateAfter,
} from '../../core/approvals/types.ts';
import { documentKinds, documentPath } from '../sales/document-kinds.ts';

export interface ApprovalUserSetup {
  userId: string; approverId: string | null; salesAmountApprovalLimit: string; unlimitedSalesApproval: boolean;
  salespersonCode: string | null; substitute: string | null; approvalAdministrator: boolean; email: string | null; version: number;
}
export interface WorkflowUserGroup { code: string; description: string; version: number }
export interface WorkflowUserGroupMember { userId: string; sequenceNo: number; version: number }
export interface ApprovalWorkflow {
  code: string; description: string; documentType: ApprovalDocumentType; enabled: boolean; approverType: ApproverType; limitType: ApproverLimitType;
  specificApproverId: string | null; workflowUserGroupCode: string | null; dueDateFormula: string | null; delegateAfter: DelegateAfter;
  minimumAmountLcy: string | null; customerNo: string | null; customerPostingGroup: string | null; checkCreditLimit: boolean; version: number;
}
export interface ApprovalEntry {
  entryNo: number; requestId: number; sequenceNo: number; approverId: string; status: ApprovalStatus; approvalType: string; limitType: string;
  dueDate: string | null; createdAt: string; lastModifiedAt: string; lastModifiedBy: string;
}
export interface ApprovalRequest {
  id: number; documentType: ApprovalDocumentType; documentNo: string; workflowCode: string; senderId: string; amount: string; amountLcy: string;
  currencyCode: string | null; customerNo: string; sentAt: string;
}
export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'canceled';
export interface ApprovalComment { id: number; userId: string; comment: string; createdAt: string }
export interface HistoryRequest extends ApprovalRequest { status: RequestStatus; entries: Array<ApprovalEntry & { comments: ApprovalComment[] }> }
export interface EntryToApprove extends ApprovalEntry { request: ApprovalRequest }
export type EntryAction = 'approve' | 'reject' | 'delegate';

export { approvalDocumentTypes, approverLimitTypes, approverTypes, delegateAfterOptions };

export const documentTypeCaptions: Readonly<Record<ApprovalDocumentType, string>> = Object.fromEntries(
  approvalDocumentTypes.map((type) => [type, documentKinds[type].caption]),
) as Record<ApprovalDocumentType, string>;

export const approverTypeCaptions: Readonly<Record<ApproverType, string>> = {
  salespersonPurchaser: 'Salesperson/Purchaser', approver: 'Approver', workflowUserGroup: 'Workflow User Group',
};
export const limitTypeCaptions: Readonly<Record<ApproverLimitType, string>> = {
  approverChain: 'Approver Chain', directApprover: 'Direct Approver', firstQualifiedApprover: 'First Qualified Approver', specificApprover: 'Specific Approver',
};
export const delegateAfterCaptions: Readonly<Record<DelegateAfter, string>> = { never: 'Never', '1D': '1 day', '2D': '2 days', '5D': '5 days' };
export const entryStatusCaptions: Readonly<Record<ApprovalStatus, string>> = {
  created: 'Created', open: 'Open', canceled: 'Canceled', rejected: 'Rejected', approved: 'Approved',
};
export const requestStatusCaptions: Readonly<Record<RequestStatus, string>> = {
  pending: 'Pending', approved: 'Approved', rejected: 'Rejected', canceled: 'Canceled',
};
export const actionCaptions: Readonly<Record<EntryAction, string>> = { approve: 'Approve', reject: 'Reject', delegate: 'Delegate' };

export const isApprovalDocumentType = (type: string): type is ApprovalDocumentType => (approvalDocumentTypes as readonly string[]).includes(type);

/** Which approval actions a document of that status offers: Send while Open, Cancel while Pending Approval. */
export function approvalActionsOf(type: string, status: string): { send: boolean; cancel: boolean } {
  if (!isApprovalDocumentType(type)) return { send: false, cancel: false };
  return { send: status === 'open', cancel: status === 'pendingApproval' };
}

/** The page of the document an approval request is for. */
export function requestDocumentPath(request: Pick<ApprovalRequest, 'documentType' | 'documentNo'>): string {
  return documentPath(documentKinds[request.documentType], request.documentNo);
}

/** The entries of a request in the order they are approved: by sequence, then entry number. */
export function entriesInSequence<E extends Pick<ApprovalEntry, 'sequenceNo' | 'entryNo'>>(entries: readonly E[]): E[] {
  return [...entries].sort((a, b) => a.sequenceNo - b.sequenceNo || a.entryNo - b.entryNo);
}

/** The selection after the list changed: entries no longer listed drop out of it. */
export function keepListed(selected: ReadonlySet<number>, listed: readonly Pick<ApprovalEntry, 'entryNo'>[]): Set<number> {
  const present = new Set(listed.map((entry) => entry.entryNo));
  return new Set([...selected].filter((entryNo) => present.has(entryNo)));
}

/** The body of an Approve / Reject / Delegate: the entries, and the comment if one was written. */
export function entryActionBody(entryNos: Iterable<number>, comment: string): { entryNos: number[]; comment?: string } {
  const text = comment.trim();
  return { entryNos: [...entryNos].sort((a, b) => a - b), ...(text ? { comment: text } : {}) };
}

/** A caption function (`t` of useCaptions in the app); by default the English caption with its `{{values}}` filled in (node tests load this module). */
export type Translate = (english: string, values?: Record<string, unknown>) => string;
const inEnglish: Translate = (english, values = {}) => english.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** "Approved 2 entries." — what an action did, for the status line. */
export function actionOutcome(action: EntryAction, count: number, documents: readonly { documentNo: string; documentStatus: string }[], caption: Translate = inEnglish): string {
  const outcomes = {
    approve: ['Approved {{number}} entry.', 'Approved {{number}} entries.'],
    reject: ['Rejected {{number}} entry.', 'Rejected {{number}} entries.'],
    delegate: ['Delegated {{number}} entry.', 'Delegated {{number}} entries.'],
  } as const;
  const released = [...new Set(documents.filter((document) => document.documentStatus === 'released').map((document) => document.documentNo))];
  const done = caption(outcomes[action][count === 1 ? 0 : 1], { number: count });
  return released.length > 0 ? `${done} ${caption('Released: {{documents}}.', { documents: released.join(', ') })}` : done;
}
