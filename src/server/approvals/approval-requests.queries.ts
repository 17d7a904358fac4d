/**
 * The approval history as it stands: an entry's status and approver are those of its latest event
 * (entries are never rewritten); a request is pending while an entry is Created or Open, approved
 * when every entry is Approved, else rejected or canceled.
 */
import { and, asc, desc, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { ApprovalEntryState, ApprovalStatus } from '../../core/approvals/types.ts';
import type { Executor } from '../db/connection.ts';
import { approvalComment, approvalEntry, approvalEntryEvent, approvalRequest, salesHeader } from '../db/schema/index.ts';

export type ApprovalRequestRow = typeof approvalRequest.$inferSelect;
export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'canceled';

export interface EntryWithState extends ApprovalEntryState {
  requestId: number;
  approvalType: string;
  limitType: string;
  dueDate: string | null;
  createdAt: string;
  lastModifiedAt: string;
  lastModifiedBy: string;
}

/** The entries of some requests with their current state, in entry order. */
export async function entriesOf(tx: Executor, requestIds: readonly number[]): Promise<EntryWithState[]> {
  if (requestIds.length === 0) return [];
  const latest = tx.selectDistinctOn([approvalEntryEvent.entryNo], {
    entryNo: approvalEntryEvent.entryNo, status: approvalEntryEvent.status, approverId: approvalEntryEvent.approverId, at: approvalEntryEvent.at, userId: approvalEntryEvent.userId,
  }).from(approvalEntryEvent).orderBy(approvalEntryEvent.entryNo, desc(approvalEntryEvent.id)).as('latest');
  const rows = await tx.select({ entry: approvalEntry, status: latest.status, approverId: latest.approverId, at: latest.at, userId: latest.userId })
    .from(approvalEntry).innerJoin(latest, eq(latest.entryNo, approvalEntry.entryNo))
    .where(inArray(approvalEntry.requestId, [...requestIds])).orderBy(asc(approvalEntry.entryNo));
  return rows.map(({ entry, status, approverId, at, userId }) => ({
    entryNo: entry.entryNo, requestId: entry.requestId, sequenceNo: entry.sequenceNo, approverId, status: status as ApprovalStatus,
    approvalType: entry.approvalType, limitType: entry.limitType, dueDate: entry.dueDate, createdAt: entry.createdAt, lastModifiedAt: at, lastModifiedBy: userId,
  }));
}

export function requestStatus(entries: readonly Pick<ApprovalEntryState, 'status'>[]): RequestStatus {
  if (entries.some((entry) => entry.status === 'created' || entry.status === 'open')) return 'pending';
  if (entries.length > 0 && entries.every((entry) => entry.status === 'approved')) return 'approved';
  return entries.some((entry) => entry.status === 'rejected') ? 'rejected' : 'canceled';
}

/** The document's requests, newest first: those of this document (created then), not of an earlier one under its number. */
export async function requestsOfDocument(tx: Executor, document: { documentType: string; no: string; createdAt?: string }): Promise<ApprovalRequestRow[]> {
  return tx.select().from(approvalRequest).where(and(
    eq(approvalRequest.documentType, document.documentType), eq(approvalRequest.documentNo, document.no),
    document.createdAt === undefined ? undefined : eq(approvalRequest.documentCreatedAt, document.createdAt),
  )).orderBy(desc(approvalRequest.id));
}

/** The latest request of the document with its entries and derived status. */
export async function latestRequest(tx: Executor, document: { documentType: string; no: string; createdAt: string }) {
  const [request] = await requestsOfDocument(tx, document);
  if (!request) return undefined;
  const entries = await entriesOf(tx, [request.id]);
  return { request, entries, status: requestStatus(entries) };
}

/**
 * Requests to Approve (§19.5): the open entries whose approver is the user, with their requests,
 * of documents that still exist (a deleted document's requests stay as history only).
 */
export async function requestsToApprove(tx: Executor, userId: string) {
  const candidates = await tx.selectDistinct({ requestId: approvalEntry.requestId }).from(approvalEntry)
    .innerJoin(approvalEntryEvent, eq(approvalEntryEvent.entryNo, approvalEntry.entryNo))
    .innerJoin(approvalRequest, eq(approvalRequest.id, approvalEntry.requestId))
    .innerJoin(salesHeader, and(eq(salesHeader.documentType, approvalRequest.documentType), eq(salesHeader.no, approvalRequest.documentNo),
      eq(salesHeader.createdAt, approvalRequest.documentCreatedAt)))
    .where(eq(approvalEntryEvent.approverId, userId));
  const entries = (await entriesOf(tx, candidates.map((row) => row.requestId))).filter((entry) => entry.status === 'open' && entry.approverId === userId);
  const requests = await requestsById(tx, entries.map((entry) => entry.requestId));
  return entries.map((entry) => ({ ...entry, request: requests.get(entry.requestId)! }));
}

export async function requestsById(tx: Executor, ids: readonly number[]): Promise<Map<number, ApprovalRequestRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select().from(approvalRequest).where(inArray(approvalRequest.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function commentsOf(tx: Executor, entryNos: readonly number[]) {
  if (entryNos.length === 0) return [];
  return tx.select().from(approvalComment).where(inArray(approvalComment.entryNo, [...entryNos])).orderBy(approvalComment.id);
}

/** The approval history of a document (§19.6: kept after posting under the document's number): every request, entry and comment. */
export async function approvalHistory(tx: Executor, documentType: string, no: string) {
  return historyOf(tx, await requestsOfDocument(tx, { documentType, no }));
}

/** These requests as the approval history answers them: each with its status, entries and their comments. */
export async function historyOf(tx: Executor, requests: readonly ApprovalRequestRow[]) {
  const entries = await entriesOf(tx, requests.map((request) => request.id));
  const comments = await commentsOf(tx, entries.map((entry) => entry.entryNo));
  return requests.map((request) => {
    const own = entries.filter((entry) => entry.requestId === request.id);
    return {
      ...request, status: requestStatus(own),
      entries: own.map((entry) => ({ ...entry, comments: comments.filter((comment) => comment.entryNo === entry.entryNo) })),
    };
  });
}


/**
 * Overdue approval requests (§19.5, Send Overdue Approval Notifications): every open entry whose
 * Due Date is before the work date, with its request, for the approval administrator to notify
 * the approvers, their approvers and the senders.
 */
export async function overdueApprovalEntries(tx: Executor, workDate: string) {
  const candidates = await tx.selectDistinct({ requestId: approvalEntry.requestId }).from(approvalEntry)
    .where(and(isNotNull(approvalEntry.dueDate), lt(approvalEntry.dueDate, workDate)));
  const entries = (await entriesOf(tx, candidates.map((row) => row.requestId))).filter((entry) => entry.status === 'open' && entry.dueDate !== null && entry.dueDate < workDate);
  const requests = await requestsById(tx, entries.map((entry) => entry.requestId));
  return entries.map((entry) => ({ ...entry, request: requests.get(entry.requestId)! }));
}
