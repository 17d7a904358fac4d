/** Workflows from the sales templates (spec §19.2) and Enable / Disable. */
import { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import type { workflowFromTemplateInput } from '../../core/approvals/approval.schemas.ts';
import { approvalWorkflowTemplates, creditLimitWorkflowTemplates, workflowCodeFromTemplate } from '../../core/approvals/workflow.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { approvalWorkflow, customer, customerPostingGroup, workflowUserGroup } from '../db/schema/index.ts';
import { assertCreditLimitVariantAllowed, checkEnabledWorkflow } from './approval-setup.resources.ts';

/** A disabled copy (of the credit-limit variant if asked) of the document type's template, coded like it with the next free -01, -02 …; enable it next. */
export async function createWorkflowFromTemplate(tx: Executor, { creditLimitVariant = false, ...input }: z.infer<typeof workflowFromTemplateInput>) {
  assertCreditLimitVariantAllowed(input.documentType, creditLimitVariant);
  const template = creditLimitVariant ? creditLimitWorkflowTemplates[input.documentType]! : approvalWorkflowTemplates[input.documentType];
  await checkReferences(tx, input);
  const existing = (await tx.select({ code: approvalWorkflow.code }).from(approvalWorkflow)).map((row) => row.code);
  const [row] = await tx.insert(approvalWorkflow).values({
    approverType: 'approver', limitType: 'approverChain', ...input,
    code: workflowCodeFromTemplate(template.code, existing), description: template.description, templateCode: template.code, enabled: false, checkCreditLimit: creditLimitVariant,
  }).returning();
  return row!;
}

export async function setWorkflowEnabled(tx: Executor, code: string, enabled: boolean) {
  const [workflow] = await tx.select().from(approvalWorkflow).where(eq(approvalWorkflow.code, code)).for('update');
  if (!workflow) throw new DomainError('NOT_FOUND', { entity: 'Workflow', key: code });
  await checkEnabledWorkflow(tx, { ...workflow, enabled });
  const [row] = await tx.update(approvalWorkflow).set({ enabled, version: sql`${approvalWorkflow.version} + 1`, updatedAt: sql`now()` })
    .where(eq(approvalWorkflow.code, code)).returning();
  return row!;
}

/** The records a new workflow names must exist: a clear refusal instead of the database's foreign key error. */
async function checkReferences(tx: Executor, input: z.infer<typeof workflowFromTemplateInput>) {
  const references = [
    { field: 'workflowUserGroupCode', entity: 'Workflow User Group', value: input.workflowUserGroupCode, table: workflowUserGroup, key: workflowUserGroup.code },
    { field: 'customerNo', entity: 'Customer', value: input.customerNo, table: customer, key: customer.no },
    { field: 'customerPostingGroup', entity: 'Customer Posting Group', value: input.customerPostingGroup, table: customerPostingGroup, key: customerPostingGroup.code },
  ];
  for (const { field, entity, value, table, key } of references) {
    if (!value) continue;
    const [found] = await tx.select({ key }).from(table).where(eq(key, value));
    if (!found) throw new DomainError('RELATED_RECORD_NOT_FOUND', { entity, value, field }, field);
  }
}
