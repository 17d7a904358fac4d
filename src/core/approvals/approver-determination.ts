/**
 * Approver determination (spec §19.4): which approval entries a request creates, for every
 * approver type and limit type, and the self-approval rule chosen there.
 *
 * Self-approval (chosen): an entry whose approver is the requester is created Approved — but only
 * when the requester is a sufficient approver for the amount. A requester never approves their own
 * request above their own limit (issue 18 point 5), so such an entry refuses the request instead.
 */
import { DomainError } from '../errors.ts';
import type { Decimal } from '../money/decimal.ts';
import type { ApprovalRequestFacts, ApprovalStepArgument, ApprovalUserSetup, PlannedApprovalEntry, UserSetups } from './types.ts';

/**
 * Sufficient approver for a sales document (§19.4, BC IsSufficientSalesApprover): Unlimited Sales
 * Approval, or Amount (LCY) within a Sales Amount Approval Limit that is not 0, or the user is their
 * own approver (the top of the hierarchy).
 */
export function isSufficientApprover(user: ApprovalUserSetup, amountLcy: Decimal): boolean {
  if (user.approverId === user.userId) return true;
  if (user.unlimitedSalesApproval) return true;
  return !user.salesAmountApprovalLimit.isZero() && amountLcy.lte(user.salesAmountApprovalLimit);
}

export function userSetupOf(users: UserSetups, userId: string): ApprovalUserSetup {
  const user = users.get(userId);
  if (!user) throw new DomainError('APPROVAL_USER_SETUP_MISSING', { userId });
  return user;
}

/** The entries a request creates; an empty plan never leaves here (it is an error). */
export function planApprovalEntries(request: ApprovalRequestFacts, step: ApprovalStepArgument, users: UserSetups): PlannedApprovalEntry[] {
  const requester = userSetupOf(users, request.requesterId);
  const approvers = approverSequence(request, requester, step, users);
  return approvers.map(({ sequenceNo, approverId }) => ({ sequenceNo, approverId, status: selfApproved(request, approverId, users) ? 'approved' : 'created' }));
}

/** An entry of the requester's own: Approved if they may approve the amount, else the request is refused. */
function selfApproved(request: ApprovalRequestFacts, approverId: string, users: UserSetups): boolean {
  if (approverId !== request.requesterId) return false;
  const requester = userSetupOf(users, approverId);
  if (!isSufficientApprover(requester, request.amountLcy)) {
    throw new DomainError('SELF_APPROVAL_ABOVE_LIMIT', {
      userId: approverId, amountLcy: request.amountLcy.toFixed(2), limit: requester.unlimitedSalesApproval ? 'unlimited' : requester.salesAmountApprovalLimit.toFixed(2),
    });
  }
  return true;
}

type Approver = { sequenceNo: number; approverId: string };

function approverSequence(request: ApprovalRequestFacts, requester: ApprovalUserSetup, step: ApprovalStepArgument, users: UserSetups): Approver[] {
  switch (step.approverType) {
    case 'approver': return forApproverType(request, requester, step, users);
    case 'salespersonPurchaser': return forSalesperson(request, step, users);
    case 'workflowUserGroup': return forWorkflowUserGroup(step, users);
  }
}

function forApproverType(request: ApprovalRequestFacts, requester: ApprovalUserSetup, step: ApprovalStepArgument, users: UserSetups): Approver[] {
  switch (step.limitType) {
    case 'approverChain': return chainFrom(requester, request, users, { includeStart: false, onlyLast: false });
    case 'firstQualifiedApprover': return chainFrom(requester, request, users, { includeStart: false, onlyLast: true });
    case 'directApprover': return [{ sequenceNo: 1, approverId: directApproverOf(requester, request) }];
    case 'specificApprover': return [{ sequenceNo: 1, approverId: specificApprover(step, request, users) }];
  }
}

/**
 * Walk up the approvers from `start` until a sufficient approver is reached, one entry per step
 * (sequence 1, 2, …), or only the last one. A start that is sufficient itself approves alone
 * (the chosen self-entry when the start is the requester). A blank Approver ID before that is
 * "no suitable approver"; a walk longer than the users is a loop.
 */
function chainFrom(start: ApprovalUserSetup, request: ApprovalRequestFacts, users: UserSetups, options: { includeStart: boolean; onlyLast: boolean }): Approver[] {
  const chain: string[] = options.includeStart ? [start.userId] : [];
  let current = start;
  while (!isSufficientApprover(current, request.amountLcy)) {
    const next = current.approverId;
    if (!next) {
      throw new DomainError('NO_SUITABLE_APPROVER', {
        requesterId: request.requesterId, amountLcy: request.amountLcy.toFixed(2), reason: `${current.userId} has no approver and may not approve it`,
      });
    }
    if (chain.length >= users.size) throw new DomainError('APPROVER_CHAIN_LOOP', { requesterId: request.requesterId, chain: [...chain, next].join(' → ') });
    current = userSetupOf(users, next);
    chain.push(current.userId);
  }
  if (chain.length === 0) chain.push(current.userId);
  const approvers = options.onlyLast ? [chain[chain.length - 1]!] : chain;
  return approvers.map((approverId, index) => ({ sequenceNo: index + 1, approverId }));
}

/** Direct Approver: the requester's Approver ID, whatever the limits; an approval administrator without one approves alone. */
function directApproverOf(requester: ApprovalUserSetup, request: ApprovalRequestFacts): string {
  if (requester.approverId) return requester.approverId;
  if (requester.approvalAdministrator) return requester.userId;
  throw new DomainError('NO_SUITABLE_APPROVER', { requesterId: request.requesterId, amountLcy: request.amountLcy.toFixed(2), reason: `${requester.userId} has no approver` });
}

function specificApprover(step: ApprovalStepArgument, request: ApprovalRequestFacts, users: UserSetups): string {
  if (!step.specificApproverId) {
    throw new DomainError('NO_SUITABLE_APPROVER', { requesterId: request.requesterId, amountLcy: request.amountLcy.toFixed(2), reason: 'the workflow names no specific approver' });
  }
  return userSetupOf(users, step.specificApproverId).userId;
}

/**
 * Salesperson/Purchaser: the user of the document's salesperson approves first; with First
 * Qualified only if sufficient, with Approver Chain the walk continues up from that user.
 */
function forSalesperson(request: ApprovalRequestFacts, step: ApprovalStepArgument, users: UserSetups): Approver[] {
  const salesperson = request.salespersonCode ? [...users.values()].find((user) => user.salespersonCode === request.salespersonCode) : undefined;
  if (!salesperson) throw new DomainError('SALESPERSON_APPROVER_MISSING', { salespersonCode: request.salespersonCode ?? '' });
  switch (step.limitType) {
    case 'approverChain': return chainFrom(salesperson, request, users, { includeStart: true, onlyLast: false });
    case 'firstQualifiedApprover':
      if (!isSufficientApprover(salesperson, request.amountLcy)) {
        throw new DomainError('NO_SUITABLE_APPROVER', {
          requesterId: request.requesterId, amountLcy: request.amountLcy.toFixed(2), reason: `salesperson user ${salesperson.userId} may not approve it`,
        });
      }
      return [{ sequenceNo: 1, approverId: salesperson.userId }];
    case 'directApprover': return [{ sequenceNo: 1, approverId: salesperson.userId }];
    case 'specificApprover': return [{ sequenceNo: 1, approverId: specificApprover(step, request, users) }];
  }
}

/** Workflow User Group: one entry per member, sequence from the member; limits are ignored. */
function forWorkflowUserGroup(step: ApprovalStepArgument, users: UserSetups): Approver[] {
  if (step.groupMembers.length === 0) throw new DomainError('WORKFLOW_USER_GROUP_EMPTY', {});
  return [...step.groupMembers]
    .sort((a, b) => a.sequenceNo - b.sequenceNo || a.userId.localeCompare(b.userId))
    .map((member) => ({ sequenceNo: member.sequenceNo, approverId: userSetupOf(users, member.userId).userId }));
}

/**
 * The credit-limit variant when the limit is not exceeded (§19.8): BC's "create and approve an
 * approval request automatically", one entry of the requester's, approved, so the document releases.
 */
export const automaticallyApprovedEntries = (requesterId: string): PlannedApprovalEntry[] => [{ sequenceNo: 1, approverId: requesterId, status: 'approved' }];
