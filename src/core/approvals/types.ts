/**
 * Approval workflows for sales documents (spec §19): the vocabulary shared by the approver
 * determination, the state machine and the shell. Pure data, no I/O.
 */
import type { Decimal } from '../money/decimal.ts';

/** Approver Type of a workflow's "create approval requests" step (§19.1). */
export const approverTypes = ['salespersonPurchaser', 'approver', 'workflowUserGroup'] as const;
export type ApproverType = (typeof approverTypes)[number];

/** Approver Limit Type (§19.1); a workflow user group ignores limits. */
export const approverLimitTypes = ['approverChain', 'directApprover', 'firstQualifiedApprover', 'specificApprover'] as const;
export type ApproverLimitType = (typeof approverLimitTypes)[number];

/** Status of an approval entry (§19.1). */
export const approvalStatuses = ['created', 'open', 'canceled', 'rejected', 'approved'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

/** The sales documents a workflow can be made for (templates of §19.2). */
export const approvalDocumentTypes = ['quote', 'order', 'invoice', 'creditMemo', 'returnOrder', 'blanketOrder'] as const;
export type ApprovalDocumentType = (typeof approvalDocumentTypes)[number];

/** Delegate After (§19.1): automatic delegation of an open entry after so many days. */
export const delegateAfterOptions = ['never', '1D', '2D', '5D'] as const;
export type DelegateAfter = (typeof delegateAfterOptions)[number];

/** The approval part of User Setup (§1.5). */
export interface ApprovalUserSetup {
  userId: string;
  approverId: string | null;
  salesAmountApprovalLimit: Decimal;
  unlimitedSalesApproval: boolean;
  salespersonCode: string | null;
  substitute: string | null;
  approvalAdministrator: boolean;
}

export interface WorkflowUserGroupMember { userId: string; sequenceNo: number }

/** The step argument of "create approval requests" (§19.3 c). */
export interface ApprovalStepArgument {
  approverType: ApproverType;
  limitType: ApproverLimitType;
  specificApproverId: string | null;
  /** The members of the workflow user group (approver type workflowUserGroup). */
  groupMembers: readonly WorkflowUserGroupMember[];
}

/** What the approver determination needs to know of the request. */
export interface ApprovalRequestFacts {
  requesterId: string;
  /** Amount excl. VAT after invoice discount, in LCY (§19.4). */
  amountLcy: Decimal;
  salespersonCode: string | null;
}

/** An approval entry as planned at Send: status created, or approved when it is the requester's own. */
export interface PlannedApprovalEntry { sequenceNo: number; approverId: string; status: 'created' | 'approved' }

/** The current state of an approval entry (the latest of its events). */
export interface ApprovalEntryState { entryNo: number; sequenceNo: number; approverId: string; status: ApprovalStatus }

/** The document status an approval action leads to. */
export type ApprovalDocumentOutcome = 'pendingApproval' | 'released' | 'open';

/** One change an action makes: an entry's new status (and approver, on delegation). */
export interface ApprovalEntryChange { entryNo: number; status: ApprovalStatus; approverId: string }

export interface ApprovalActionResult { changes: ApprovalEntryChange[]; document: ApprovalDocumentOutcome }

export type UserSetups = ReadonlyMap<string, ApprovalUserSetup>;
