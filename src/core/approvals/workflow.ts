/**
 * Workflows of sales document approval (spec §19.1–19.3): the standard templates, the code a copy
 * gets, which enabled workflow applies to a document, and the overlap rule between enabled ones.
 */
import type { Decimal } from '../money/decimal.ts';
import type { ApprovalDocumentType } from './types.ts';

/** The sales approval templates of §19.2 and the document type each reacts to. */
export const approvalWorkflowTemplates: Readonly<Record<ApprovalDocumentType, { code: string; description: string }>> = {
  quote: { code: 'MS-SQAPW', description: 'Sales Quote Approval Workflow' },
  order: { code: 'MS-SOAPW', description: 'Sales Order Approval Workflow' },
  invoice: { code: 'MS-SIAPW', description: 'Sales Invoice Approval Workflow' },
  creditMemo: { code: 'MS-SCMAPW', description: 'Sales Credit Memo Approval Workflow' },
  returnOrder: { code: 'MS-SROAPW', description: 'Sales Return Order Approval Workflow' },
  blanketOrder: { code: 'MS-BSOAPW', description: 'Blanket Sales Order Approval Workflow' },
};

/**
 * The credit-limit variants (§19.8): approvers are asked only when the customer's credit limit is
 * exceeded; otherwise Send approves and releases at once. BC ships them for orders and invoices,
 * the documents that raise what the customer owes.
 */
export const creditLimitWorkflowTemplates: Readonly<Partial<Record<ApprovalDocumentType, { code: string; description: string }>>> = {
  order: { code: 'MS-SOCLAPW', description: 'Sales Order Credit Limit Approval Workflow' },
  invoice: { code: 'MS-SICLAPW', description: 'Sales Invoice Credit Limit Approval Workflow' },
};

/** A copy of a template is coded like it without the MS- prefix, with the first free suffix -01, -02 … */
export function workflowCodeFromTemplate(templateCode: string, existingCodes: readonly string[]): string {
  const base = templateCode.replace(/^MS-/, '');
  const taken = new Set(existingCodes.map((code) => code.toUpperCase()));
  for (let suffix = 1; ; suffix += 1) {
    const code = `${base}-${String(suffix).padStart(2, '0')}`;
    if (!taken.has(code)) return code;
  }
}

/** The event conditions of a workflow (§19.3 entry point); null is "any". */
export interface WorkflowConditions {
  documentType: ApprovalDocumentType;
  minimumAmountLcy: Decimal | null;
  customerNo: string | null;
  customerPostingGroup: string | null;
}

export interface WorkflowCandidate extends WorkflowConditions { code: string; enabled: boolean }

export interface ApprovalDocumentFacts { documentType: string; amountLcy: Decimal; customerNo: string; customerPostingGroup: string | null }

export function workflowMatches(workflow: WorkflowConditions, document: ApprovalDocumentFacts): boolean {
  if (workflow.documentType !== document.documentType) return false;
  if (workflow.minimumAmountLcy !== null && document.amountLcy.lt(workflow.minimumAmountLcy)) return false;
  if (workflow.customerNo !== null && workflow.customerNo !== document.customerNo) return false;
  return workflow.customerPostingGroup === null || workflow.customerPostingGroup === document.customerPostingGroup;
}

/** The enabled workflow that applies to the document, if any (overlap is refused at Enable, so at most one). */
export function applicableWorkflow<W extends WorkflowCandidate>(workflows: readonly W[], document: ApprovalDocumentFacts): W | undefined {
  return workflows.filter((workflow) => workflow.enabled && workflowMatches(workflow, document)).sort((a, b) => a.code.localeCompare(b.code))[0];
}

/**
 * Two workflows overlap when some document could meet the conditions of both: the same document
 * type and no condition that tells them apart (another customer, another posting group). Minimum
 * amounts never do: above the larger one both apply.
 */
export function workflowsOverlap(a: WorkflowConditions, b: WorkflowConditions): boolean {
  if (a.documentType !== b.documentType) return false;
  if (a.customerNo !== null && b.customerNo !== null && a.customerNo !== b.customerNo) return false;
  return a.customerPostingGroup === null || b.customerPostingGroup === null || a.customerPostingGroup === b.customerPostingGroup;
}
