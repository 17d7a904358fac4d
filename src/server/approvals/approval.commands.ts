/**
 * The approval actions (spec §19.5): Send and Cancel on the document, Approve, Reject and Delegate
 * on entries (several at once), and comments. The core decides (core/approvals); this shell loads
 * and locks the document, appends the entries' events and moves the document's status. The last
 * approval releases the document through the ordinary release, which passes the approval guard.
 */
import { eq, sql, and } from 'drizzle-orm';
import { afterSend, approve, cancel, delegate, reject, type ApprovalActor } from '../../core/approvals/approval-state.ts';
import { automaticallyApprovedEntries, planApprovalEntries } from '../../core/approvals/approver-determination.ts';
import type { ApprovalActionResult, ApprovalEntryChange, ApprovalEntryState, ApprovalStepArgument, ApproverLimitType, ApproverType } from '../../core/approvals/types.ts';
import { calculateDate } from '../../core/dates/date-formula.ts';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import type { Executor } from '../db/connection.ts';
import { approvalComment, approvalEntry, approvalEntryEvent, approvalRequest, salesHeader, workflowUserGroupMember } from '../db/schema/index.ts';
import type { SalesContext } from '../sales/sales-context.ts';
import { releaseLoadedDocument } from '../sales/sales-document.commands.ts';
import { prepaymentSettled } from '../sales/prepayment.gate.ts';
import { findDocument, loadDocument } from '../sales/sales-document.queries.ts';
import { creditLimitWarnings } from '../sales/sales-document.warnings.ts';
import type { EditableDocumentType, SalesDocument } from '../sales/sales-document.types.ts';
import { approvalContentHashOf, approvalFactsOf, isApprovalDocumentType, loadUserSetups, workflowFor, type WorkflowRow } from './approval-documents.ts';
import { notifyApprovalAction } from './approval-notifications.ts';
import { entriesOf, latestRequest, requestsById, type ApprovalRequestRow } from './approval-requests.queries.ts';

const captionOf = (documentType: string) => salesDescriptor(documentType as EditableDocumentType).caption;

async function appendEvents(tx: Executor, changes: readonly ApprovalEntryChange[], userId: string) {
  if (changes.length === 0) return;
  await tx.insert(approvalEntryEvent).values(changes.map((change) => ({ entryNo: change.entryNo, status: change.status, approverId: change.approverId, userId })));
}

async function setStatus(tx: Executor, document: SalesDocument, status: 'open' | 'pendingApproval' | 'pendingPrepayment'): Promise<SalesDocument> {
  const [header] = await tx.update(salesHeader).set({ status, version: sql`${salesHeader.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(salesHeader.documentType, document.header.documentType), eq(salesHeader.no, document.header.no))).returning();
  return { header: header!, lines: document.lines };
}

/**
 * The document status the approval outcome asks for. The last approval releases through the
 * ordinary release (its checks and the approval guard); an order whose prepayment is not settled
 * goes to Pending Prepayment instead, as an automatic release does (spec §3.1, §26.6).
 */
async function applyOutcome(tx: Executor, document: SalesDocument, outcome: ApprovalActionResult['document'], context: SalesContext): Promise<SalesDocument> {
  if (outcome === 'pendingApproval') return document.header.status === 'pendingApproval' ? document : setStatus(tx, document, 'pendingApproval');
  const opened = document.header.status === 'open' ? document : await setStatus(tx, document, 'open');
  if (outcome !== 'released') return opened;
  if (opened.header.documentType === 'order' && !(await prepaymentSettled(tx, opened, context))) return setStatus(tx, opened, 'pendingPrepayment');
  return releaseLoadedDocument(tx, opened, context);
}

async function stepArgumentOf(tx: Executor, workflow: WorkflowRow): Promise<ApprovalStepArgument> {
  const groupMembers = workflow.approverType === 'workflowUserGroup' && workflow.workflowUserGroupCode
    ? await tx.select({ userId: workflowUserGroupMember.userId, sequenceNo: workflowUserGroupMember.sequenceNo }).from(workflowUserGroupMember)
      .where(eq(workflowUserGroupMember.groupCode, workflow.workflowUserGroupCode))
    : [];
  if (workflow.approverType === 'workflowUserGroup' && groupMembers.length === 0) throw new DomainError('WORKFLOW_USER_GROUP_EMPTY', { groupCode: workflow.workflowUserGroupCode ?? '' });
  return { approverType: workflow.approverType as ApproverType, limitType: workflow.limitType as ApproverLimitType, specificApproverId: workflow.specificApproverId, groupMembers };
}

function assertOpenWithLines(document: SalesDocument) {
  const { header } = document;
  if (header.status !== 'open') {
    throw new DomainError('STATUS_MUST_BE_OPEN', {
      where: `${captionOf(header.documentType)} ${header.no}`, status: header.status, field: 'an approval request',
      remedy: header.status === 'pendingApproval' ? 'cancel the pending approval request first' : 'reopen the document',
    }, 'status');
  }
  if (!document.lines.some((line) => line.type !== 'comment' && !dec(line.quantity).isZero())) {
    throw new DomainError('APPROVAL_NOTHING_TO_APPROVE', { documentTypeCaption: captionOf(header.documentType), no: header.no });
  }
}

/**
 * Send Approval Request (§19.5): entries created by the workflow's step, the first sequence opened,
 * status Pending Approval (or released at once when only self-approved entries exist, and under a
 * credit-limit workflow when the customer's credit limit is not exceeded, §19.8).
 */
export async function sendApprovalRequest(tx: Executor, documentType: EditableDocumentType, no: string, context: SalesContext): Promise<SalesDocument> {
  const document = await loadDocument(tx, documentType, no, { lock: true });
  assertOpenWithLines(document);
  const facts = approvalFactsOf(document);
  const workflow = isApprovalDocumentType(documentType) ? await workflowFor(tx, facts) : undefined;
  if (!workflow) throw new DomainError('APPROVAL_WORKFLOW_NOT_ENABLED', { documentTypeCaption: captionOf(documentType), no });
  const planned = workflow.checkCreditLimit && (await creditLimitWarnings(tx, document, context)).length === 0
    ? automaticallyApprovedEntries(context.username)
    : planApprovalEntries(
      { requesterId: context.username, amountLcy: facts.amountLcy, salespersonCode: document.header.salespersonCode }, await stepArgumentOf(tx, workflow), await loadUserSetups(tx),
    );
  const [request] = await tx.insert(approvalRequest).values({
    documentType, documentNo: no, documentCreatedAt: document.header.createdAt, workflowCode: workflow.code, senderId: context.username,
    contentHash: approvalContentHashOf(document), amount: facts.amount.toFixed(2), amountLcy: facts.amountLcy.toFixed(2), currencyCode: document.header.currencyCode,
    salespersonCode: document.header.salespersonCode, customerNo: document.header.billToCustomerNo,
  }).returning();
  const dueDate = workflow.dueDateFormula ? calculateDate(workflow.dueDateFormula, context.workDate) : context.workDate;
  const entries = await tx.insert(approvalEntry).values(planned.map((entry) => ({
    requestId: request!.id, sequenceNo: entry.sequenceNo, approvalType: workflow.approverType, limitType: workflow.limitType, dueDate,
    delegationDateFormula: workflow.delegateAfter === 'never' ? '' : workflow.delegateAfter,
  }))).returning();
  const states: ApprovalEntryState[] = entries.map((entry, index) => ({ entryNo: entry.entryNo, sequenceNo: entry.sequenceNo, approverId: planned[index]!.approverId, status: planned[index]!.status }));
  await appendEvents(tx, states.map((state) => ({ entryNo: state.entryNo, status: state.status, approverId: state.approverId })), context.username);
  const outcome = afterSend(states);
  await appendEvents(tx, outcome.changes, context.username);
  await notifyApprovalAction(tx, 'send', request!, outcome, context.username);
  return applyOutcome(tx, document, outcome.document, context);
}

/** The pending request of a document, or the refusal that there is none. */
async function pendingRequestOf(tx: Executor, document: SalesDocument, action: string) {
  const latest = await latestRequest(tx, { documentType: document.header.documentType, no: document.header.no, createdAt: document.header.createdAt });
  if (!latest || latest.status !== 'pending') {
    throw new DomainError('APPROVAL_REQUEST_NOT_PENDING', { documentTypeCaption: captionOf(document.header.documentType), no: document.header.no, action });
  }
  return latest;
}

async function actorOf(tx: Executor, userId: string): Promise<ApprovalActor & { users: Awaited<ReturnType<typeof loadUserSetups>> }> {
  const users = await loadUserSetups(tx);
  return { userId, setup: users.get(userId), users };
}

/** Cancel Approval Request (§19.5): by the sender or an approval administrator; the document Open again. */
export async function cancelApprovalRequest(tx: Executor, documentType: EditableDocumentType, no: string, context: SalesContext): Promise<SalesDocument> {
  const document = await loadDocument(tx, documentType, no, { lock: true });
  const { request, entries } = await pendingRequestOf(tx, document, 'cancel');
  const result = cancel(entries, await actorOf(tx, context.username), request.senderId);
  await appendEvents(tx, result.changes, context.username);
  await notifyApprovalAction(tx, 'cancel', request, result, context.username);
  return applyOutcome(tx, document, result.document, context);
}

export type EntryAction = 'approve' | 'reject' | 'delegate';

/** The document an entry's request concerns, locked; gone (posted or deleted) means the request is history only. */
async function documentOfRequest(tx: Executor, request: ApprovalRequestRow, entryNo: number): Promise<SalesDocument> {
  const document = await findDocument(tx, request.documentType as EditableDocumentType, request.documentNo, { lock: true });
  if (!document || document.header.createdAt !== request.documentCreatedAt) {
    throw new DomainError('APPROVAL_ENTRY_NOT_OPEN', { entryNo, status: 'history of a document that no longer exists', action: 'changed' });
  }
  return document;
}

/**
 * Approve, Reject or Delegate entries (several at once, §19.5), one after the other in the order
 * given, each on the request's state as the previous left it; all or nothing.
 */
export async function actOnEntries(
  tx: Executor, action: EntryAction, entryNos: readonly number[], context: SalesContext, comment?: string,
): Promise<Array<{ entryNo: number; documentType: string; documentNo: string; documentStatus: string }>> {
  const results = [];
  for (const entryNo of entryNos) {
    const [entry] = await tx.select().from(approvalEntry).where(eq(approvalEntry.entryNo, entryNo));
    if (!entry) throw new DomainError('NOT_FOUND', { entity: 'Approval entry', key: String(entryNo) });
    const request = (await requestsById(tx, [entry.requestId])).get(entry.requestId)!;
    const document = await documentOfRequest(tx, request, entryNo);
    const states = await entriesOf(tx, [request.id]);
    const actor = await actorOf(tx, context.username);
    const result = action === 'approve' ? approve(states, entryNo, actor, { senderId: request.senderId, amountLcy: dec(request.amountLcy) })
      : action === 'reject' ? reject(states, entryNo, actor)
        : delegate(states, entryNo, actor, actor.users);
    await appendEvents(tx, result.changes, context.username);
    await notifyApprovalAction(tx, action, request, result, context.username);
    if (comment) await tx.insert(approvalComment).values({ entryNo, userId: context.username, comment });
    const after = await applyOutcome(tx, document, result.document, context);
    results.push({ entryNo, documentType: request.documentType, documentNo: request.documentNo, documentStatus: after.header.status });
  }
  return results;
}

/** A comment on an approval entry, by anyone involved (§19.5). */
export async function addApprovalComment(tx: Executor, entryNo: number, comment: string, context: SalesContext) {
  const [entry] = await tx.select().from(approvalEntry).where(eq(approvalEntry.entryNo, entryNo));
  if (!entry) throw new DomainError('NOT_FOUND', { entity: 'Approval entry', key: String(entryNo) });
  const [row] = await tx.insert(approvalComment).values({ entryNo, userId: context.username, comment }).returning();
  return row!;
}

/**
 * Make Order from a quote (§19.6): the quote's latest request, its entries and their states are
 * copied to the order. They bind to the quote's content hash, so the order passes the guard only
 * while its content is what was approved.
 */
export async function copyApprovalRequests(tx: Executor, from: SalesDocument['header'], to: SalesDocument['header']): Promise<void> {
  const latest = await latestRequest(tx, { documentType: from.documentType, no: from.no, createdAt: from.createdAt });
  if (!latest || !isApprovalDocumentType(to.documentType)) return;
  const { id, sentAt: _sentAt, ...request } = latest.request;
  const [copy] = await tx.insert(approvalRequest).values({
    ...request, documentType: to.documentType, documentNo: to.no, documentCreatedAt: to.createdAt, copiedFromRequestId: id,
  }).returning();
  for (const entry of latest.entries) {
    const [copied] = await tx.insert(approvalEntry).values({
      requestId: copy!.id, sequenceNo: entry.sequenceNo, approvalType: entry.approvalType, limitType: entry.limitType, dueDate: entry.dueDate,
    }).returning();
    await tx.insert(approvalEntryEvent).values({ entryNo: copied!.entryNo, status: entry.status, approverId: entry.approverId, userId: entry.lastModifiedBy });
  }
}
