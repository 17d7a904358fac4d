/**
 * `ledgerline approval …` (spec §19): send and cancel approval requests of sales documents, the
 * signed-in user's Requests to Approve, approve / reject / delegate entries (several at once),
 * a document's approval history, and workflows from the sales templates, enabled or disabled.
 * Each answers the API's JSON; every rule is the API's, so the CLI bypasses nothing.
 */
import { type Command, Option } from 'commander';
import { approvalDocumentTypes, approverLimitTypes, approverTypes, type ApprovalDocumentType } from '../../core/approvals/types.ts';
import { salesDescriptor } from '../../core/documents/document-descriptors.ts';
import { postedSalesDescriptor } from '../../core/documents/posted-document-descriptors.ts';
import type { CliCommandKit } from './command-kit.ts';
import { apiPath } from './record-command.ts';
import { registerApprovalNotificationCommands } from './approval-notification-command.ts';

function resourceOf(documentType: string): string {
  if (!(approvalDocumentTypes as readonly string[]).includes(documentType)) {
    throw new Error(`Unknown document type '${documentType}': use one of ${approvalDocumentTypes.join(', ')}.`);
  }
  return salesDescriptor(documentType as ApprovalDocumentType).resource;
}

/** Posted Approval Entries (§19.6): the posted documents, named as `pdf` and `email` name them. */
const postedResources: Readonly<Record<string, string>> = {
  postedShipment: postedSalesDescriptor('shipment').resource, postedInvoice: postedSalesDescriptor('invoice').resource,
  postedCreditMemo: postedSalesDescriptor('creditMemo').resource, postedReturnReceipt: postedSalesDescriptor('returnReceipt').resource,
};

function historyResourceOf(documentType: string): string {
  const posted = postedResources[documentType];
  if (posted) return posted;
  if (!(approvalDocumentTypes as readonly string[]).includes(documentType)) {
    throw new Error(`Unknown document type '${documentType}': use one of ${[...approvalDocumentTypes, ...Object.keys(postedResources)].join(', ')}.`);
  }
  return resourceOf(documentType);
}

const entryNumbers = (values: string[]) => values.map((value) => {
  if (!/^\d{1,9}$/.test(value)) throw new Error(`'${value}' is not an approval entry number.`);
  return Number.parseInt(value, 10);
});

export function registerApprovalCommands(program: Command, kit: CliCommandKit): void {
  const approval = program.command('approval').description('Approval workflows of sales documents (spec §19)');
  const documentAction = (name: string, action: string, description: string) =>
    approval.command(`${name} <documentType> <no>`).description(description).addOption(kit.serverOption)
      .action(async (documentType: string, no: string, options: { server?: string }) => kit.withApi(options.server, async (api) => {
        kit.print(kit.expectOk(await api.request('POST', apiPath(`${resourceOf(documentType)}/${no}/${action}`))));
      }));
  documentAction('send', 'sendApprovalRequest', 'Send Approval Request, e.g. `approval send order SO0001`');
  documentAction('cancel', 'cancelApprovalRequest', 'Cancel the pending approval request (the sender or an approval administrator)');

  approval.command('history <documentType> <no>')
    .description('The approval history of a document: requests, entries, comments; of a posted one (postedInvoice, postedShipment, postedCreditMemo, postedReturnReceipt) too')
    .addOption(kit.serverOption)
    .action(async (documentType: string, no: string, options: { server?: string }) => kit.withApi(options.server, async (api) => {
      kit.print(kit.expectOk(await api.request('GET', apiPath(`${historyResourceOf(documentType)}/${no}/approvalEntries`))));
    }));

  approval.command('requests').description('Requests to Approve: your open approval entries').addOption(kit.serverOption)
    .action(async (options: { server?: string }) => kit.withApi(options.server, async (api) => {
      kit.print(kit.expectOk(await api.request('GET', apiPath('approvalRequests'))));
    }));

  for (const action of ['approve', 'reject', 'delegate'] as const) {
    approval.command(`${action} <entryNo...>`).description(`${action[0]!.toUpperCase()}${action.slice(1)} approval entries, e.g. \`approval ${action} 12 13\``)
      .addOption(new Option('--comment <text>', 'a comment on each entry')).addOption(kit.serverOption)
      .action(async (entryNos: string[], options: { comment?: string; server?: string }) => kit.withApi(options.server, async (api) => {
        const body = { entryNos: entryNumbers(entryNos), ...(options.comment ? { comment: options.comment } : {}) };
        kit.print(kit.expectOk(await api.request('POST', apiPath(`approvalRequests/${action}`), body)));
      }));
  }
  registerWorkflowCommands(approval, kit);
  registerApprovalNotificationCommands(program, approval, kit);
}

function registerWorkflowCommands(approval: Command, kit: CliCommandKit) {
  approval.command('workflow-from-template <documentType>').description('Create a workflow (disabled) from the sales approval template of a document type')
    .addOption(new Option('--approver-type <type>').choices(approverTypes)).addOption(new Option('--limit-type <type>').choices(approverLimitTypes))
    .addOption(new Option('--specific-approver <user>')).addOption(new Option('--group <code>', 'workflow user group'))
    .addOption(new Option('--minimum-amount <amountLcy>'))
    .addOption(new Option('--credit-limit', 'the credit-limit variant (orders and invoices): approvers only when the customer\'s credit limit is exceeded'))
    .addOption(kit.serverOption)
    .action(async (documentType: string, options: { approverType?: string; limitType?: string; specificApprover?: string; group?: string; minimumAmount?: string; creditLimit?: boolean; server?: string }) =>
      kit.withApi(options.server, async (api) => {
        resourceOf(documentType);
        const body = {
          documentType, ...(options.approverType ? { approverType: options.approverType } : {}), ...(options.limitType ? { limitType: options.limitType } : {}),
          ...(options.specificApprover ? { specificApproverId: options.specificApprover } : {}), ...(options.group ? { workflowUserGroupCode: options.group } : {}),
          ...(options.minimumAmount ? { minimumAmountLcy: options.minimumAmount } : {}), ...(options.creditLimit ? { creditLimitVariant: true } : {}),
        };
        kit.print(kit.expectOk(await api.request('POST', apiPath('approvalWorkflows/fromTemplate'), body)));
      }));
  for (const action of ['enable', 'disable'] as const) {
    approval.command(`${action} <workflowCode>`).description(`${action === 'enable' ? 'Enable' : 'Disable'} a workflow`).addOption(kit.serverOption)
      .action(async (code: string, options: { server?: string }) => kit.withApi(options.server, async (api) => {
        kit.print(kit.expectOk(await api.request('POST', apiPath(`approvalWorkflows/${code}/${action}`))));
      }));
  }
}
