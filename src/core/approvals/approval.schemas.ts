/** Input schemas of the approval setup (spec §1.5, §19.1), shared by the API and the web forms. */
import { z } from 'zod';
import { username } from '../master-data/user.schemas.ts';
import { amount, code, codeReference, dateFormula, email, integerField, recordSchemas, text } from '../master-data/fields.ts';
import { approvalDocumentTypes, approverLimitTypes, approverTypes, delegateAfterOptions } from './types.ts';

/** A user named in a field; null or "" clears it. */
export const usernameReference = () =>
  z.union([username(), z.null(), z.literal('')]).transform((value) => (value === '' ? null : value));

export const approvalUserSetupSchemas = recordSchemas({ userId: username() }, {
  approverId: usernameReference(),
  salesAmountApprovalLimit: amount({ min: '0' }),
  unlimitedSalesApproval: z.boolean(),
  salespersonCode: codeReference(),
  substitute: usernameReference(),
  approvalAdministrator: z.boolean(),
  email: email(),
});

export const workflowUserGroupSchemas = recordSchemas({ code: code() }, { description: text(100) });

export const workflowUserGroupMemberSchemas = recordSchemas({ userId: username() }, { sequenceNo: integerField({ min: 1, max: 1000 }) });

const workflowFields = {
  description: text(100),
  documentType: z.enum(approvalDocumentTypes),
  enabled: z.boolean(),
  approverType: z.enum(approverTypes),
  limitType: z.enum(approverLimitTypes),
  specificApproverId: usernameReference(),
  workflowUserGroupCode: codeReference(),
  dueDateFormula: dateFormula(),
  delegateAfter: z.enum(delegateAfterOptions),
  minimumAmountLcy: z.union([amount({ min: '0' }), z.null()]),
  customerNo: codeReference(),
  customerPostingGroup: codeReference(),
  checkCreditLimit: z.boolean(),
};

export const approvalWorkflowSchemas = recordSchemas({ code: code() }, workflowFields, ['documentType']);

/** Create a workflow from a sales template (§19.2): the template's document type and the step argument. */
export const workflowFromTemplateInput = z.strictObject({
  documentType: z.enum(approvalDocumentTypes),
  approverType: z.enum(approverTypes).optional(),
  limitType: z.enum(approverLimitTypes).optional(),
  specificApproverId: usernameReference().optional(),
  workflowUserGroupCode: codeReference().optional(),
  dueDateFormula: dateFormula().optional(),
  delegateAfter: z.enum(delegateAfterOptions).optional(),
  minimumAmountLcy: z.union([amount({ min: '0' }), z.null()]).optional(),
  customerNo: codeReference().optional(),
  customerPostingGroup: codeReference().optional(),
  /** The credit-limit variant of the template (§19.8), for orders and invoices. */
  creditLimitVariant: z.boolean().optional(),
});

/** Approve, Reject or Delegate several entries at once (§19.5), with an optional comment. */
export const approvalEntriesInput = z.strictObject({
  entryNos: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(500),
  comment: text(250).optional(),
});

export const approvalCommentInput = z.strictObject({ comment: z.string().trim().min(1, 'must not be empty').max(250) });
