/**
 * The approval setup as master-data resources (spec §1.5, §19.1): Approval User Setup per user,
 * workflow user groups with their members, and workflows. The generic layer pages, filters and
 * versions them; the rules here: named users exist, an enabled workflow is complete, does not
 * overlap another enabled one, and is not changed or deleted while enabled.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import { approvalUserSetupSchemas, approvalWorkflowSchemas, workflowUserGroupMemberSchemas, workflowUserGroupSchemas } from '../../core/approvals/approval.schemas.ts';
import type { ApprovalDocumentType } from '../../core/approvals/types.ts';
import { creditLimitWorkflowTemplates, workflowsOverlap, type WorkflowConditions } from '../../core/approvals/workflow.ts';
import { DomainError } from '../../core/errors.ts';
import { dec } from '../../core/money/decimal.ts';
import { salesDocumentTypeCaptions } from '../../core/sales/types.ts';
import type { Executor } from '../db/connection.ts';
import { appUser, approvalUserSetup, approvalWorkflow, workflowUserGroup, workflowUserGroupMember } from '../db/schema/index.ts';
import type { ResourceDefinition, Row } from '../master-data/resource.ts';

async function assertUsersExist(tx: Executor, record: Row, fields: readonly string[]) {
  const named = fields.flatMap((field) => (typeof record[field] === 'string' ? [[field, record[field] as string] as const] : []));
  if (named.length === 0) return;
  const found = new Set((await tx.select({ username: appUser.username }).from(appUser).where(inArray(appUser.username, named.map(([, user]) => user)))).map((row) => row.username));
  const missing = named.find(([, user]) => !found.has(user));
  if (missing) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity: 'User', value: missing[1], field: missing[0] }, missing[0]);
}

export const approvalUserSetupResource: ResourceDefinition = {
  name: 'approvalUserSetups', entity: 'Approval User Setup', table: approvalUserSetup, area: 'setup',
  key: { param: 'userId', field: 'userId', kind: 'username' },
  createSchema: approvalUserSetupSchemas.create, updateSchema: approvalUserSetupSchemas.update,
  filters: ['approverId', 'salespersonCode', 'approvalAdministrator'], search: ['email'],
  validate: (tx, record) => assertUsersExist(tx, record, ['userId', 'approverId', 'substitute']),
};

export const workflowUserGroupResource: ResourceDefinition = {
  name: 'workflowUserGroups', entity: 'Workflow User Group', table: workflowUserGroup, area: 'setup',
  key: { param: 'code', field: 'code', kind: 'code' },
  createSchema: workflowUserGroupSchemas.create, updateSchema: workflowUserGroupSchemas.update, filters: [], search: ['description'],
};

export const workflowUserGroupMemberResource: ResourceDefinition = {
  name: 'members', entity: 'Workflow User Group Member', table: workflowUserGroupMember, area: 'setup',
  parent: { resource: 'workflowUserGroups', entity: 'Workflow User Group', param: 'groupCode', field: 'groupCode', table: workflowUserGroup, parentField: 'code' },
  key: { param: 'userId', field: 'userId', kind: 'username' },
  createSchema: workflowUserGroupMemberSchemas.create, updateSchema: workflowUserGroupMemberSchemas.update, filters: ['sequenceNo'],
  validate: (tx, record) => assertUsersExist(tx, record, ['userId']),
};

const conditionsOf = (row: Row): WorkflowConditions => ({
  documentType: row.documentType as ApprovalDocumentType,
  minimumAmountLcy: row.minimumAmountLcy === null || row.minimumAmountLcy === undefined ? null : dec(String(row.minimumAmountLcy)),
  customerNo: (row.customerNo as string | null) ?? null,
  customerPostingGroup: (row.customerPostingGroup as string | null) ?? null,
});

/** An enabled workflow must be able to create requests, and no other enabled workflow may react to the same documents (§19.2). */
export async function checkEnabledWorkflow(tx: Executor, workflow: Row): Promise<void> {
  if (!workflow.enabled) return;
  const code = workflow.code as string;
  if (workflow.limitType === 'specificApprover' && !workflow.specificApproverId) {
    throw new DomainError('FIELD_REQUIRED', { fieldCaption: 'Approver User ID', documentTypeCaption: `workflow ${code}`, action: 'enabled' }, 'specificApproverId');
  }
  if (workflow.approverType === 'workflowUserGroup' && !workflow.workflowUserGroupCode) {
    throw new DomainError('FIELD_REQUIRED', { fieldCaption: 'Workflow User Group Code', documentTypeCaption: `workflow ${code}`, action: 'enabled' }, 'workflowUserGroupCode');
  }
  const others = await tx.select().from(approvalWorkflow).where(and(eq(approvalWorkflow.enabled, true), ne(approvalWorkflow.code, code)));
  const overlapping = others.find((other) => workflowsOverlap(conditionsOf(other), conditionsOf(workflow)));
  if (overlapping) {
    throw new DomainError('WORKFLOW_OVERLAP', { code, other: overlapping.code, documentTypeCaption: salesDocumentTypeCaptions[workflow.documentType as ApprovalDocumentType] }, 'enabled');
  }
}

/** The credit-limit variant (§19.8) exists for the documents BC ships it for: orders and invoices. */
export function assertCreditLimitVariantAllowed(documentType: ApprovalDocumentType, checkCreditLimit: boolean): void {
  if (checkCreditLimit && !creditLimitWorkflowTemplates[documentType]) {
    throw new DomainError('WORKFLOW_CREDIT_LIMIT_VARIANT', { documentTypeCaption: salesDocumentTypeCaptions[documentType] }, 'checkCreditLimit');
  }
}

const changedFields = (record: Row, previous: Row) =>
  Object.keys(record).filter((field) => !['enabled', 'version', 'updatedAt', 'createdAt'].includes(field) && JSON.stringify(record[field]) !== JSON.stringify(previous[field]));

export const approvalWorkflowResource: ResourceDefinition = {
  name: 'approvalWorkflows', entity: 'Workflow', table: approvalWorkflow, area: 'setup',
  key: { param: 'code', field: 'code', kind: 'code' },
  createSchema: approvalWorkflowSchemas.create, updateSchema: approvalWorkflowSchemas.update,
  filters: ['documentType', 'enabled', 'approverType', 'limitType'], search: ['description'],
  validate: async (tx, record, previous) => {
    // BC: an enabled workflow is not edited; disable it first (enabling and disabling alone are fine).
    if (previous?.enabled && record.enabled && changedFields(record, previous).length > 0) throw new DomainError('WORKFLOW_ENABLED', { code: record.code as string });
    await assertUsersExist(tx, record, ['specificApproverId']);
    assertCreditLimitVariantAllowed(record.documentType as ApprovalDocumentType, record.checkCreditLimit === true);
    await checkEnabledWorkflow(tx, record);
  },
  beforeDelete: async (_tx, record) => {
    if (record.enabled) throw new DomainError('WORKFLOW_ENABLED', { code: record.code as string });
  },
};

export const approvalSetupResources: ResourceDefinition[] = [
  approvalUserSetupResource, workflowUserGroupResource, workflowUserGroupMemberResource, approvalWorkflowResource,
];
