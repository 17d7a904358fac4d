/** Workflows from the sales templates (spec §19.2) and Enable / Disable. */
import { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import type { workflowFromTemplateInput } from '../../core/approvals/approval.schemas.ts';
import { approvalWorkflowTemplates, workflowCodeFromTemplate } from '../../core/approvals/workflow.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { approvalWorkflow } from '../db/schema/index.ts';
import { checkEnabledWorkflow } from './approval-setup.resources.ts';

/** A disabled copy of the document type's template, coded like it with the next free -01, -02 …; enable it next. */
export async function createWorkflowFromTemplate(tx: Executor, input: z.infer<typeof workflowFromTemplateInput>) {
  const template = approvalWorkflowTemplates[input.documentType];
  const existing = (await tx.select({ code: approvalWorkflow.code }).from(approvalWorkflow)).map((row) => row.code);
  const [row] = await tx.insert(approvalWorkflow).values({
    approverType: 'approver', limitType: 'approverChain', ...input,
    code: workflowCodeFromTemplate(template.code, existing), description: template.description, templateCode: template.code, enabled: false,
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
