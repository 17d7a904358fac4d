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
import { useCaptions } from '../i18n/captions.ts';

type Captions = ReturnType<typeof useCaptions>;

const options = <T extends string>(t: Captions, values: readonly T[], captions: Readonly<Record<T, string>>) => values.map((value) => ({ value, label: t(captions[value] as string) }));

const columns = (locale: SupportedLocale, t: Captions): SetupColumn<ApprovalWorkflow>[] => [
  { header: 'Code', cell: (workflow) => workflow.code },
  { header: 'Description', cell: (workflow) => workflow.description },
  { header: 'Document Type', cell: (workflow) => (workflow.checkCreditLimit ? t('{{document}} (credit limit)', { document: t(documentTypeCaptions[workflow.documentType]) }) : t(documentTypeCaptions[workflow.documentType])) },
  { header: 'Approver Type', cell: (workflow) => t(approverTypeCaptions[workflow.approverType]) },
  { header: 'Approver Limit Type', cell: (workflow) => t(limitTypeCaptions[workflow.limitType]) },
  { header: 'Minimum Amount (LCY)', align: 'right', cell: (workflow) => (workflow.minimumAmountLcy === null ? '' : formatAmount(workflow.minimumAmountLcy, locale)) },
  { header: 'Customer No.', cell: (workflow) => workflow.customerNo },
  { header: 'Enabled', cell: (workflow) => (workflow.enabled ? <Badge color="teal" variant="light">{t('Enabled')}</Badge> : <Badge color="gray" variant="light">{t('Disabled')}</Badge>) },
];

/** Enable or Disable; an enabled workflow is neither edited nor deleted. */
const toggle: SetupRowAction<ApprovalWorkflow> = {
  label: (workflow) => (workflow.enabled ? 'Disable' : 'Enable'),
  run: (workflow) => api.post(`/approvalWorkflows/${encodeKey(workflow.code)}/${workflow.enabled ? 'disable' : 'enable'}`),
};

export function WorkflowsPage() {
  const t = useCaptions();
  const { locale } = useSession();
  return (
    <SetupListPage<ApprovalWorkflow> title={t('Workflows')} resource="/approvalWorkflows" queryKey={['approvalWorkflows']} keyOf={(workflow) => workflow.code}
      columns={columns(locale, t)} newLabel="New from Template…" locked={(workflow) => workflow.enabled} rowAction={toggle}
      dialog={(editing, { close, saved, open }) => (editing === 'new'
        ? <FromTemplateDialog onClose={close} onCreated={open} />
        : <WorkflowDialog workflow={editing} onClose={close} onSaved={saved} />)} />
  );
}

/** The sales templates of §19.2, and the credit-limit variants BC ships for orders and invoices (§19.8). */
const templates = (t: Captions) => [
  ...approvalDocumentTypes.map((type) => ({ value: type, label: t('{{document}} Approval Workflow', { document: t(documentTypeCaptions[type]) }) })),
  ...(['order', 'invoice'] as const).map((type) => ({ value: `${type}:creditLimit`, label: t('{{document}} Credit Limit Approval Workflow', { document: t(documentTypeCaptions[type]) }) })),
];

function FromTemplateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (workflow: ApprovalWorkflow) => void }) {
  const t = useCaptions();
  const [template, setTemplate] = useState<string>('order');
  const create = useMutation({
    mutationFn: () => {
      const [documentType, variant] = template.split(':');
      return api.post<ApprovalWorkflow>('/approvalWorkflows/fromTemplate', { documentType, ...(variant ? { creditLimitVariant: true } : {}) });
    },
    onSuccess: onCreated,
  });
  return (
    <FormDialog opened title={t('New Workflow from Template')} onClose={onClose} submitLabel="Create" pending={create.isPending}
      failure={create.error ? messageOf(create.error) : null} onSubmit={() => create.mutate()}>
      <Select label={t('Template')} value={template} allowDeselect={false} onChange={(value) => value && setTemplate(value)} data={templates(t)} />
    </FormDialog>
  );
}

const workflowFields = ['description', 'minimumAmountLcy', 'customerNo', 'customerPostingGroup', 'specificApproverId', 'workflowUserGroupCode', 'dueDateFormula'];

function WorkflowDialog({ workflow, onClose, onSaved }: { workflow: ApprovalWorkflow; onClose: () => void; onSaved: () => void }) {
  const t = useCaptions();
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
    <FormDialog opened size="lg" title={t('Workflow {{code}} · {{document}}', { code: workflow.code, document: t(documentTypeCaptions[workflow.documentType]) })} onClose={onClose} submitLabel="Save"
      pending={save.pending} failure={save.failure} onSubmit={() => save.submit(undefined)}>
      <TextInput label={t('Description')} value={values.description} error={errors.description} onChange={(event) => set('description', event.currentTarget.value)} />
      <Title order={5}>{t('Conditions')}</Title>
      <TextInput label={t('Minimum Amount (LCY)')} value={values.minimumAmountLcy} error={errors.minimumAmountLcy} onChange={(event) => set('minimumAmountLcy', event.currentTarget.value)} />
      <TextInput label={t('Customer No.')} value={values.customerNo ?? ''} error={errors.customerNo} onChange={(event) => set('customerNo', event.currentTarget.value.trim() || null)} />
      <CodeSelect lookup="/customerPostingGroups" label={t('Customer Posting Group')} value={values.customerPostingGroup} error={errors.customerPostingGroup}
        onChange={(value) => set('customerPostingGroup', value)} />
      <Title order={5}>{t('Create approval requests')}</Title>
      <Select label={t('Approver Type')} value={values.approverType} allowDeselect={false} data={options(t, approverTypes, approverTypeCaptions)}
        onChange={(value) => value && set('approverType', value as ApprovalWorkflow['approverType'])} />
      <Select label={t('Approver Limit Type')} value={values.limitType} allowDeselect={false} data={options(t, approverLimitTypes, limitTypeCaptions)}
        onChange={(value) => value && set('limitType', value as ApprovalWorkflow['limitType'])} />
      <UserSelect label={t('Approver User ID')} value={values.specificApproverId} error={errors.specificApproverId} onChange={(value) => set('specificApproverId', value)} />
      <CodeSelect lookup="/workflowUserGroups" label={t('Workflow User Group Code')} value={values.workflowUserGroupCode} error={errors.workflowUserGroupCode}
        onChange={(value) => set('workflowUserGroupCode', value)} />
      <TextInput label={t('Due Date Formula')} value={values.dueDateFormula} error={errors.dueDateFormula} onChange={(event) => set('dueDateFormula', event.currentTarget.value)} />
      <Select label={t('Delegate After')} value={values.delegateAfter} allowDeselect={false} data={options(t, delegateAfterOptions, delegateAfterCaptions)}
        onChange={(value) => value && set('delegateAfter', value as ApprovalWorkflow['delegateAfter'])} />
    </FormDialog>
  );
}
