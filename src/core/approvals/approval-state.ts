/**
 * The approval state machine (spec §19.3, §19.5): what Send, Approve, Reject, Cancel and Delegate
 * do to a request's entries and to the document. Each function answers the changes as data; the
 * shell appends them as events (entries are history, never rewritten).
 */
import { DomainError } from '../errors.ts';
import type { Decimal } from '../money/decimal.ts';
import { isSufficientApprover, userSetupOf } from './approver-determination.ts';
import type { ApprovalActionResult, ApprovalEntryChange, ApprovalEntryState, ApprovalUserSetup, UserSetups } from './types.ts';

const isPending = (entry: ApprovalEntryState) => entry.status === 'created' || entry.status === 'open';

/**
 * When no entry is open, the lowest sequence still Created opens (all its entries: a parallel
 * group); with none left the request is approved and the document released.
 */
export function openNextSequence(entries: readonly ApprovalEntryState[]): ApprovalActionResult {
  if (entries.some((entry) => entry.status === 'open')) return { changes: [], document: 'pendingApproval' };
  const created = entries.filter((entry) => entry.status === 'created');
  if (created.length === 0) return { changes: [], document: 'released' };
  const sequenceNo = Math.min(...created.map((entry) => entry.sequenceNo));
  return {
    changes: created.filter((entry) => entry.sequenceNo === sequenceNo).map((entry) => ({ entryNo: entry.entryNo, status: 'open', approverId: entry.approverId })),
    document: 'pendingApproval',
  };
}

/** Send (§19.5): the entries as created (self-entries approved) become pending; the first sequence opens. */
export function afterSend(entries: readonly ApprovalEntryState[]): ApprovalActionResult {
  return openNextSequence(entries);
}

function entryOf(entries: readonly ApprovalEntryState[], entryNo: number): ApprovalEntryState {
  const entry = entries.find((candidate) => candidate.entryNo === entryNo);
  if (!entry) throw new DomainError('NOT_FOUND', { entity: 'Approval entry', key: String(entryNo) });
  return entry;
}

function assertOpen(entry: ApprovalEntryState, action: string) {
  if (entry.status !== 'open') throw new DomainError('APPROVAL_ENTRY_NOT_OPEN', { entryNo: entry.entryNo, status: entry.status, action });
}

/** Who acts on an entry: its approver, or an approval administrator. */
export interface ApprovalActor { userId: string; setup: ApprovalUserSetup | undefined }

function assertMayAct(entry: ApprovalEntryState, actor: ApprovalActor) {
  if (entry.approverId === actor.userId || actor.setup?.approvalAdministrator) return;
  throw new DomainError('APPROVAL_NOT_APPROVER', { userId: actor.userId, entryNo: entry.entryNo, approverId: entry.approverId });
}

/** Approve (§19.5). The sender approving their own request must be sufficient for its amount (issue 18 point 5). */
export function approve(
  entries: readonly ApprovalEntryState[], entryNo: number, actor: ApprovalActor, request: { senderId: string; amountLcy: Decimal },
): ApprovalActionResult {
  const entry = entryOf(entries, entryNo);
  assertOpen(entry, 'approved');
  assertMayAct(entry, actor);
  if (actor.userId === request.senderId && !(actor.setup && isSufficientApprover(actor.setup, request.amountLcy))) {
    throw new DomainError('SELF_APPROVAL_ABOVE_LIMIT', {
      userId: actor.userId, amountLcy: request.amountLcy.toFixed(2),
      limit: actor.setup ? (actor.setup.unlimitedSalesApproval ? 'unlimited' : actor.setup.salesAmountApprovalLimit.toFixed(2)) : 'none',
    });
  }
  const approved: ApprovalEntryChange = { entryNo, status: 'approved', approverId: entry.approverId };
  const next = openNextSequence(entries.map((candidate) => (candidate.entryNo === entryNo ? { ...candidate, status: 'approved' } : candidate)));
  return { changes: [approved, ...next.changes], document: next.document };
}

/** Reject (§19.5): this entry and every other pending one Rejected; the document Open again. */
export function reject(entries: readonly ApprovalEntryState[], entryNo: number, actor: ApprovalActor): ApprovalActionResult {
  const entry = entryOf(entries, entryNo);
  assertOpen(entry, 'rejected');
  assertMayAct(entry, actor);
  return { changes: entries.filter(isPending).map((candidate) => ({ entryNo: candidate.entryNo, status: 'rejected', approverId: candidate.approverId })), document: 'open' };
}

/** Cancel (§19.5): by the sender or an approval administrator; every pending entry Canceled, the document Open. */
export function cancel(entries: readonly ApprovalEntryState[], actor: ApprovalActor, senderId: string): ApprovalActionResult {
  if (actor.userId !== senderId && !actor.setup?.approvalAdministrator) throw new DomainError('APPROVAL_CANCEL_NOT_ALLOWED', { userId: actor.userId, senderId });
  return { changes: entries.filter(isPending).map((candidate) => ({ entryNo: candidate.entryNo, status: 'canceled', approverId: candidate.approverId })), document: 'open' };
}

/**
 * The user an entry is delegated to (§19.5, BC SubstituteUserIdForApprovalEntry): the approver's
 * Substitute, else the approver's own approver, else an approval administrator.
 */
export function substituteFor(approverId: string, users: UserSetups): string | undefined {
  const approver = userSetupOf(users, approverId);
  if (approver.substitute && approver.substitute !== approverId) return approver.substitute;
  if (approver.approverId && approver.approverId !== approverId) return approver.approverId;
  return [...users.values()].filter((user) => user.approvalAdministrator && user.userId !== approverId).map((user) => user.userId).sort()[0];
}

/** Delegate (§19.5): the open entry gets the substitute as approver and stays open. */
export function delegate(entries: readonly ApprovalEntryState[], entryNo: number, actor: ApprovalActor, users: UserSetups): ApprovalActionResult {
  const entry = entryOf(entries, entryNo);
  assertOpen(entry, 'delegated');
  assertMayAct(entry, actor);
  const substitute = substituteFor(entry.approverId, users);
  if (!substitute) throw new DomainError('APPROVAL_NO_SUBSTITUTE', { entryNo, approverId: entry.approverId });
  userSetupOf(users, substitute);
  return { changes: [{ entryNo, status: 'open', approverId: substitute }], document: 'pendingApproval' };
}
