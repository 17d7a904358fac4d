/**
 * Workflows (spec §19.2): the approval workflows of sales documents. A new one is made from the
 * template of a document type (disabled, coded like the template); it is edited while disabled and
 * then enabled, which the API refuses when it is incomplete or overlaps another enabled workflow.
 */
import { Badge, Select, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, encodeKey } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { CodeSelect } from '../components/code-select.tsx';
import { FormDialog, useDialogRequest } from '../components/form-dialog.tsx';
import { SetupListPage, type SetupColumn, type SetupRowAction } from '../components/setup-list-page.tsx';
import type { SupportedLocale } from '../format/locales.ts';
import { decimalForInput, formatAmount, parseDecimalInput } from '../format/numbers.ts';
import { useSession } from '../session/session-store.ts';
import {
  approvalDocumentTypes, approverLimitTypes, approverTypeCaptions, approverTypes, delegateAfterCaptions, delegateAfterOptions, documentTypeCaptions,
  limitTypeCaptions, type ApprovalWorkflow,
} from './approval-model.ts';
import { UserSelect } from './user-select.tsx';

const options = <T extends string>(values: readonly T[], captions: Readonly<Record<T, string>>) => values.map((value) => ({ value, label: captions[value] }));

const columns = (locale: SupportedLocale): SetupColumn<ApprovalWorkflow>[] => [
  { header: 'Code', cell: (workflow) => workflow.code },
  { header: 'Description', cell: (workflow) => workflow.description },
  { header: 'Document Type', cell: (workflow) => `${documentTypeCaptions[workflow.documentType]}${workflow.checkCreditLimit ? ' (credit limit)' : ''}` },
  { header: 'Approver Type', cell: (workflow) => approverTypeCaptions[workflow.approverType] },
  { header: 'Approver Limit Type', cell: (workflow) => limitTypeCaptions[workflow.limitType] },
  { header: 'Minimum Amount (LCY)', align: 'right', cell: (workflow) => (workflow.minimumAmountLcy === null ? '' : formatAmount(workflow.minimumAmountLcy, locale)) },
  { header: 'Customer No.', cell: (workflow) => workflow.customerNo },
  { header: 'Enabled', cell: (workflow) => (workflow.enabled ? <Badge color="teal" variant="light">Enabled</Badge> : <Badge color="gray" variant="light">Disabled</Badge>) },
];

/** Enable or Disable; an enabled workflow is neither edited nor deleted. */
const toggle: SetupRowAction<ApprovalWorkflow> = {
  label: (workflow) => (workflow.enabled ? 'Disable' : 'Enable'),
  run: (workflow) => api.post(`/approvalWorkflows/${encodeKey(workflow.code)}/${workflow.enabled ? 'disable' : 'enable'}`),
};

export function WorkflowsPage() {
  const { locale } = useSession();
  return (
    <SetupListPage<ApprovalWorkflow> title="Workflows" resource="/approvalWorkflows" queryKey={['approvalWorkflows']} keyOf={(workflow) => workflow.code}
      columns={columns(locale)} newLabel="New from Template…" locked={(workflow) => workflow.enabled} rowAction={toggle}
      dialog={(editing, { close, saved, open }) => (editing === 'new'
        ? <FromTemplateDialog onClose={close} onCreated={open} />
        : <WorkflowDialog workflow={editing} onClose={close} onSaved={saved} />)} />
  );
}

/** The sales templates of §19.2, and the credit-limit variants BC ships for orders and invoices (§19.8). */
const templates = [
  ...approvalDocumentTypes.map((type) => ({ value: type, label: `${documentTypeCaptions[type]} Approval Workflow` })),
  ...(['order', 'invoice'] as const).map((type) => ({ value: `${type}:creditLimit`, label: `${documentTypeCaptions[type]} Credit Limit Approval Workflow` })),
];

function FromTemplateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (workflow: ApprovalWorkflow) => void }) {
  const [template, setTemplate] = useState<string>('order');
  const create = useMutation({
    mutationFn: () => {
      const [documentType, variant] = template.split(':');
      return api.post<ApprovalWorkflow>('/approvalWorkflows/fromTemplate', { documentType, ...(variant ? { creditLimitVariant: true } : {}) });
    },
    onSuccess: onCreated,
  });
  return (
    <FormDialog opened title="New Workflow from Template" onClose={onClose} submitLabel="Create" pending={create.isPending}
      failure={create.error ? messageOf(create.error) : null} onSubmit={() => create.mutate()}>
      <Select label="Template" value={template} allowDeselect={false} onChange={(value) => value && setTemplate(value)} data={templates} />
    </FormDialog>
  );
}

const workflowFields = ['description', 'minimumAmountLcy', 'customerNo', 'customerPostingGroup', 'specificApproverId', 'workflowUserGroupCode', 'dueDateFormula'];

function WorkflowDialog({ workflow, onClose, onSaved }: { workflow: ApprovalWorkflow; onClose: () => void; onSaved: () => void }) {
  const { locale } = useSession();
  const [values, setValues] = useState({
    description: workflow.description, approverType: workflow.approverType, limitType: workflow.limitType, specificApproverId: workflow.specificApproverId,
    workflowUserGroupCode: workflow.workflowUserGroupCode, dueDateFormula: workflow.dueDateFormula ?? '', delegateAfter: workflow.delegateAfter,
    minimumAmountLcy: workflow.minimumAmountLcy === null ? '' : decimalForInput(workflow.minimumAmountLcy, locale),
    customerNo: workflow.customerNo, customerPostingGroup: workflow.customerPostingGroup,
  });
  const save = useDialogRequest(() => {
    const minimum = values.minimumAmountLcy.trim();
    return api.patch(`/approvalWorkflows/${encodeKey(workflow.code)}`, {
      ...values, minimumAmountLcy: minimum === '' ? null : parseDecimalInput(minimum, locale) ?? minimum,
    }, workflow.version);
  }, workflowFields, onSaved);
  const { errors } = save;
  const set = <K extends keyof typeof values>(field: K, value: (typeof values)[K]) => setValues({ ...values, [field]: value });
  return (
    <FormDialog opened size="lg" title={`Workflow ${workflow.code} · ${documentTypeCaptions[workflow.documentType]}`} onClose={onClose} submitLabel="Save"
      pending={save.pending} failure={save.failure} onSubmit={() => save.submit(undefined)}>
      <TextInput label="Description" value={values.description} error={errors.description} onChange={(event) => set('description', event.currentTarget.value)} />
      <Title order={5}>Conditions</Title>
      <TextInput label="Minimum Amount (LCY)" value={values.minimumAmountLcy} error={errors.minimumAmountLcy} onChange={(event) => set('minimumAmountLcy', event.currentTarget.value)} />
      <TextInput label="Customer No." value={values.customerNo ?? ''} error={errors.customerNo} onChange={(event) => set('customerNo', event.currentTarget.value.trim() || null)} />
      <CodeSelect lookup="/customerPostingGroups" label="Customer Posting Group" value={values.customerPostingGroup} error={errors.customerPostingGroup}
        onChange={(value) => set('customerPostingGroup', value)} />
      <Title order={5}>Create approval requests</Title>
      <Select label="Approver Type" value={values.approverType} allowDeselect={false} data={options(approverTypes, approverTypeCaptions)}
        onChange={(value) => value && set('approverType', value as ApprovalWorkflow['approverType'])} />
      <Select label="Approver Limit Type" value={values.limitType} allowDeselect={false} data={options(approverLimitTypes, limitTypeCaptions)}
        onChange={(value) => value && set('limitType', value as ApprovalWorkflow['limitType'])} />
      <UserSelect label="Approver User ID" value={values.specificApproverId} error={errors.specificApproverId} onChange={(value) => set('specificApproverId', value)} />
      <CodeSelect lookup="/workflowUserGroups" label="Workflow User Group Code" value={values.workflowUserGroupCode} error={errors.workflowUserGroupCode}
        onChange={(value) => set('workflowUserGroupCode', value)} />
      <TextInput label="Due Date Formula" value={values.dueDateFormula} error={errors.dueDateFormula} onChange={(event) => set('dueDateFormula', event.currentTarget.value)} />
      <Select label="Delegate After" value={values.delegateAfter} allowDeselect={false} data={options(delegateAfterOptions, delegateAfterCaptions)}
        onChange={(value) => value && set('delegateAfter', value as ApprovalWorkflow['delegateAfter'])} />
    </FormDialog>
  );
}
