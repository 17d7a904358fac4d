/**
 * Workflows (spec §19.2): the approval workflows of sales documents. A new one is made from the
 * template of a document type (disabled, coded like the template); it is edited while disabled and
 * then enabled, which the API refuses when it is incomplete or overlaps another enabled workflow.
 */
import { Alert, Badge, Button, Group, Modal, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, encodeKey } from '../api/client.ts';
import { fieldErrorsOfRequest, messageOf } from '../api/field-errors.ts';
import type { Page } from '../api/types.ts';
import { CodeSelect } from '../components/code-select.tsx';
import { decimalForInput, formatAmount, parseDecimalInput } from '../format/numbers.ts';
import { useSession } from '../session/session-store.ts';
import {
  approvalDocumentTypes, approverLimitTypes, approverTypeCaptions, approverTypes, delegateAfterCaptions, delegateAfterOptions, documentTypeCaptions,
  limitTypeCaptions, type ApprovalWorkflow,
} from './approval-model.ts';
import { UserSelect } from './user-select.tsx';

const queryKey = ['approvalWorkflows'];
const options = <T extends string>(values: readonly T[], captions: Readonly<Record<T, string>>) => values.map((value) => ({ value, label: captions[value] }));

export function WorkflowsPage() {
  const { locale } = useSession();
  const client = useQueryClient();
  const workflows = useQuery({ queryKey, queryFn: () => api.get<Page<ApprovalWorkflow>>('/approvalWorkflows?limit=1000') });
  const [editing, setEditing] = useState<ApprovalWorkflow | null>(null);
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const refresh = () => client.invalidateQueries({ queryKey });
  const toggle = useMutation({
    mutationFn: (workflow: ApprovalWorkflow) => api.post(`/approvalWorkflows/${encodeKey(workflow.code)}/${workflow.enabled ? 'disable' : 'enable'}`),
    onMutate: () => setFailure(null), onSuccess: refresh, onError: setFailure,
  });
  const remove = useMutation({
    mutationFn: (workflow: ApprovalWorkflow) => api.delete(`/approvalWorkflows/${encodeKey(workflow.code)}`, workflow.version),
    onMutate: () => setFailure(null), onSuccess: refresh, onError: setFailure,
  });
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>Workflows</Title>
        <Button onClick={() => setCreating(true)}>New from Template…</Button>
      </Group>
      {failure !== null && <Alert color="red" role="alert">{messageOf(failure)}</Alert>}
      {workflows.error && <Alert color="red" role="alert">{messageOf(workflows.error)}</Alert>}
      <Table striped aria-label="Workflows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Code</Table.Th><Table.Th>Description</Table.Th><Table.Th>Document Type</Table.Th><Table.Th>Approver Type</Table.Th><Table.Th>Approver Limit Type</Table.Th>
            <Table.Th ta="right">Minimum Amount (LCY)</Table.Th><Table.Th>Customer No.</Table.Th><Table.Th>Enabled</Table.Th><Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(workflows.data?.items ?? []).map((workflow) => (
            <Table.Tr key={workflow.code}>
              <Table.Td>{workflow.code}</Table.Td><Table.Td>{workflow.description}</Table.Td><Table.Td>{documentTypeCaptions[workflow.documentType]}</Table.Td>
              <Table.Td>{approverTypeCaptions[workflow.approverType]}</Table.Td><Table.Td>{limitTypeCaptions[workflow.limitType]}</Table.Td>
              <Table.Td ta="right">{workflow.minimumAmountLcy === null ? '' : formatAmount(workflow.minimumAmountLcy, locale)}</Table.Td><Table.Td>{workflow.customerNo}</Table.Td>
              <Table.Td>{workflow.enabled ? <Badge color="teal" variant="light">Enabled</Badge> : <Badge color="gray" variant="light">Disabled</Badge>}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => setEditing(workflow)} disabled={workflow.enabled}>Edit</Button>
                  <Button size="xs" variant="default" onClick={() => toggle.mutate(workflow)}>{workflow.enabled ? 'Disable' : 'Enable'}</Button>
                  <Button size="xs" variant="default" color="red" onClick={() => remove.mutate(workflow)} disabled={workflow.enabled}>Delete</Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {creating && <FromTemplateDialog onClose={() => setCreating(false)} onCreated={(workflow) => { setCreating(false); setEditing(workflow); void refresh(); }} />}
      {editing && <WorkflowDialog workflow={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); void refresh(); }} />}
    </Stack>
  );
}

function FromTemplateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (workflow: ApprovalWorkflow) => void }) {
  const [documentType, setDocumentType] = useState<string>('order');
  const create = useMutation({ mutationFn: () => api.post<ApprovalWorkflow>('/approvalWorkflows/fromTemplate', { documentType }), onSuccess: onCreated });
  return (
    <Modal opened onClose={onClose} title="New Workflow from Template">
      <Stack gap="sm">
        {create.error && <Alert color="red" role="alert">{messageOf(create.error)}</Alert>}
        <Select label="Template" value={documentType} allowDeselect={false} onChange={(value) => value && setDocumentType(value)}
          data={approvalDocumentTypes.map((type) => ({ value: type, label: `${documentTypeCaptions[type]} Approval Workflow` }))} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => create.mutate()} loading={create.isPending}>Create</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function WorkflowDialog({ workflow, onClose, onSaved }: { workflow: ApprovalWorkflow; onClose: () => void; onSaved: () => void }) {
  const { locale } = useSession();
  const [values, setValues] = useState({
    description: workflow.description, approverType: workflow.approverType, limitType: workflow.limitType, specificApproverId: workflow.specificApproverId,
    workflowUserGroupCode: workflow.workflowUserGroupCode, dueDateFormula: workflow.dueDateFormula ?? '', delegateAfter: workflow.delegateAfter,
    minimumAmountLcy: workflow.minimumAmountLcy === null ? '' : decimalForInput(workflow.minimumAmountLcy, locale),
    customerNo: workflow.customerNo, customerPostingGroup: workflow.customerPostingGroup,
  });
  const save = useMutation({
    mutationFn: () => {
      const minimum = values.minimumAmountLcy.trim();
      return api.patch(`/approvalWorkflows/${encodeKey(workflow.code)}`, {
        ...values, minimumAmountLcy: minimum === '' ? null : parseDecimalInput(minimum, locale) ?? minimum,
      }, workflow.version);
    },
    onSuccess: onSaved,
  });
  const errors = fieldErrorsOfRequest(save.error);
  const submit = (event: FormEvent) => { event.preventDefault(); save.mutate(); };
  const set = <K extends keyof typeof values>(field: K, value: (typeof values)[K]) => setValues({ ...values, [field]: value });
  return (
    <Modal opened onClose={onClose} size="lg" title={`Workflow ${workflow.code} · ${documentTypeCaptions[workflow.documentType]}`}>
      <Stack component="form" gap="sm" onSubmit={submit}>
        {save.error && Object.keys(errors).length === 0 && <Alert color="red" role="alert">{messageOf(save.error)}</Alert>}
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={save.isPending}>Save</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
