/**
 * What the approvals read of a sales document (spec §19.4): the approval amount (Amount excl. VAT
 * after invoice discount) and its LCY value, the facts workflow conditions test, and the content
 * hash an approval is bound to. Also the users' approval setups and the enabled workflows.
 */
import { and, eq, sql } from 'drizzle-orm';
import { approvalContentHash } from '../../core/approvals/content-hash.ts';
import { approvalDocumentTypes, type ApprovalDocumentType, type ApprovalUserSetup } from '../../core/approvals/types.ts';
import { applicableWorkflow, type ApprovalDocumentFacts } from '../../core/approvals/workflow.ts';
import { dec, sum, type Decimal } from '../../core/money/decimal.ts';
import { roundAmount } from '../../core/money/rounding.ts';
import type { Executor } from '../db/connection.ts';
import { reusableSelect } from '../db/reusable-select.ts';
import { cachedSetup } from '../db/setup-cache.ts';
import { approvalUserSetup, approvalWorkflow } from '../db/schema/index.ts';
import type { SalesDocument } from '../sales/sales-document.types.ts';

export type WorkflowRow = typeof approvalWorkflow.$inferSelect;

export const isApprovalDocumentType = (type: string): type is ApprovalDocumentType => (approvalDocumentTypes as readonly string[]).includes(type);

export interface ApprovalFacts extends ApprovalDocumentFacts {
  documentType: ApprovalDocumentType;
  amount: Decimal;
}

export function approvalFactsOf(document: SalesDocument): ApprovalFacts {
  const { header, lines } = document;
  const amount = sum(lines.filter((line) => line.type !== 'comment').map((line) => dec(line.amount)));
  const factor = dec(header.currencyFactor);
  return {
    documentType: header.documentType as ApprovalDocumentType,
    amount,
    amountLcy: header.currencyCode && !factor.isZero() ? roundAmount(amount.div(factor)) : amount,
    customerNo: header.billToCustomerNo,
    customerPostingGroup: header.customerPostingGroup,
  };
}

/** The hash an approval is bound to; only worked out where a workflow applies (it reads every line). */
export const approvalContentHashOf = (document: SalesDocument): string => approvalContentHash(document.header, document.lines);

const workflowCandidate = (row: WorkflowRow) => ({
  ...row, documentType: row.documentType as ApprovalDocumentType, minimumAmountLcy: row.minimumAmountLcy === null ? null : dec(row.minimumAmountLcy),
});

// Built once: every release and posting asks.
const selectEnabledWorkflows = reusableSelect((db) => db.select().from(approvalWorkflow)
  .where(and(eq(approvalWorkflow.enabled, true), eq(approvalWorkflow.documentType, sql.placeholder('documentType')))));

/** The enabled workflow that applies to the document now, if any. */
export async function workflowFor(tx: Executor, facts: ApprovalFacts): Promise<WorkflowRow | undefined> {
  const rows = await cachedSetup(tx, `approval_workflow:${facts.documentType}`, (db) => selectEnabledWorkflows(db, { documentType: facts.documentType }));
  if (rows.length === 0) return undefined;
  const chosen = applicableWorkflow(rows.map(workflowCandidate), facts);
  return chosen && rows.find((row) => row.code === chosen.code);
}

export function userSetupOfRow(row: typeof approvalUserSetup.$inferSelect): ApprovalUserSetup {
  return {
    userId: row.userId, approverId: row.approverId, salesAmountApprovalLimit: dec(row.salesAmountApprovalLimit), unlimitedSalesApproval: row.unlimitedSalesApproval,
    salespersonCode: row.salespersonCode, substitute: row.substitute, approvalAdministrator: row.approvalAdministrator,
  };
}

export async function loadUserSetups(tx: Executor): Promise<Map<string, ApprovalUserSetup>> {
  const rows = await tx.select().from(approvalUserSetup);
  return new Map(rows.map((row) => [row.userId, userSetupOfRow(row)]));
}
