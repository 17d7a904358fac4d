/**
 * Approval User Setup (spec §1.5, §19.1): per user, their approver, the sales amount they may
 * approve (or unlimited), their salesperson code, a substitute, whether they administer
 * approvals, and an email address.
 */
import { Alert, Button, Checkbox, Group, Modal, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, encodeKey } from '../api/client.ts';
import { fieldErrorsOfRequest, messageOf } from '../api/field-errors.ts';
import type { Page } from '../api/types.ts';
import { CodeSelect } from '../components/code-select.tsx';
import { decimalForInput, formatAmount, parseDecimalInput } from '../format/numbers.ts';
import { useSession } from '../session/session-store.ts';
import type { ApprovalUserSetup } from './approval-model.ts';
import { UserSelect } from './user-select.tsx';

const queryKey = ['approvalUserSetups'];

export function ApprovalUserSetupPage() {
  const { locale } = useSession();
  const client = useQueryClient();
  const setups = useQuery({ queryKey, queryFn: () => api.get<Page<ApprovalUserSetup>>('/approvalUserSetups?limit=1000') });
  const [editing, setEditing] = useState<ApprovalUserSetup | 'new' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const refresh = () => client.invalidateQueries({ queryKey });
  const remove = useMutation({ mutationFn: (setup: ApprovalUserSetup) => api.delete(`/approvalUserSetups/${encodeKey(setup.userId)}`, setup.version), onSuccess: refresh, onError: setFailure });
  const yes = (value: boolean) => (value ? 'Yes' : '');
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>Approval User Setup</Title>
        <Button onClick={() => setEditing('new')}>New</Button>
      </Group>
      {failure !== null && <Alert color="red" role="alert">{messageOf(failure)}</Alert>}
      {setups.error && <Alert color="red" role="alert">{messageOf(setups.error)}</Alert>}
      <Table striped aria-label="Approval User Setup">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>User ID</Table.Th><Table.Th>Approver ID</Table.Th><Table.Th ta="right">Sales Amount Approval Limit</Table.Th><Table.Th>Unlimited Sales Approval</Table.Th>
            <Table.Th>Salesperson Code</Table.Th><Table.Th>Substitute</Table.Th><Table.Th>Approval Administrator</Table.Th><Table.Th>E-Mail</Table.Th><Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(setups.data?.items ?? []).map((setup) => (
            <Table.Tr key={setup.userId}>
              <Table.Td>{setup.userId}</Table.Td><Table.Td>{setup.approverId}</Table.Td>
              <Table.Td ta="right">{formatAmount(setup.salesAmountApprovalLimit, locale)}</Table.Td><Table.Td>{yes(setup.unlimitedSalesApproval)}</Table.Td>
              <Table.Td>{setup.salespersonCode}</Table.Td><Table.Td>{setup.substitute}</Table.Td><Table.Td>{yes(setup.approvalAdministrator)}</Table.Td><Table.Td>{setup.email}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => setEditing(setup)}>Edit</Button>
                  <Button size="xs" variant="default" color="red" onClick={() => remove.mutate(setup)}>Delete</Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <SetupDialog setup={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); void refresh(); }} />}
    </Stack>
  );
}

function SetupDialog({ setup, onClose, onSaved }: { setup: ApprovalUserSetup | null; onClose: () => void; onSaved: () => void }) {
  const { locale } = useSession();
  const [values, setValues] = useState({
    userId: setup?.userId ?? null as string | null, approverId: setup?.approverId ?? null, salesAmountApprovalLimit: decimalForInput(setup?.salesAmountApprovalLimit ?? '0', locale),
    unlimitedSalesApproval: setup?.unlimitedSalesApproval ?? false, salespersonCode: setup?.salespersonCode ?? null, substitute: setup?.substitute ?? null,
    approvalAdministrator: setup?.approvalAdministrator ?? false, email: setup?.email ?? '',
  });
  const save = useMutation({
    mutationFn: () => {
      const { userId, salesAmountApprovalLimit, ...rest } = values;
      const fields = { ...rest, salesAmountApprovalLimit: parseDecimalInput(salesAmountApprovalLimit, locale) ?? salesAmountApprovalLimit };
      return setup ? api.patch(`/approvalUserSetups/${encodeKey(setup.userId)}`, fields, setup.version) : api.post('/approvalUserSetups', { userId: userId ?? '', ...fields });
    },
    onSuccess: onSaved,
  });
  const errors = fieldErrorsOfRequest(save.error);
  const submit = (event: FormEvent) => { event.preventDefault(); save.mutate(); };
  return (
    <Modal opened onClose={onClose} title={setup ? `Approval User Setup ${setup.userId}` : 'New Approval User Setup'}>
      <Stack component="form" gap="sm" onSubmit={submit}>
        {save.error && Object.keys(errors).length === 0 && <Alert color="red" role="alert">{messageOf(save.error)}</Alert>}
        <UserSelect label="User ID" value={values.userId} disabled={setup !== null} error={errors.userId} clearable={false} onChange={(userId) => setValues({ ...values, userId })} />
        <UserSelect label="Approver ID" value={values.approverId} error={errors.approverId} onChange={(approverId) => setValues({ ...values, approverId })} />
        <TextInput label="Sales Amount Approval Limit" value={values.salesAmountApprovalLimit} error={errors.salesAmountApprovalLimit} disabled={values.unlimitedSalesApproval}
          onChange={(event) => setValues({ ...values, salesAmountApprovalLimit: event.currentTarget.value })} />
        <Checkbox label="Unlimited Sales Approval" checked={values.unlimitedSalesApproval}
          onChange={(event) => setValues({ ...values, unlimitedSalesApproval: event.currentTarget.checked })} />
        <CodeSelect lookup="/salespeople" label="Salesperson Code" value={values.salespersonCode} error={errors.salespersonCode}
          onChange={(salespersonCode) => setValues({ ...values, salespersonCode })} />
        <UserSelect label="Substitute" value={values.substitute} error={errors.substitute} onChange={(substitute) => setValues({ ...values, substitute })} />
        <Checkbox label="Approval Administrator" checked={values.approvalAdministrator}
          onChange={(event) => setValues({ ...values, approvalAdministrator: event.currentTarget.checked })} />
        <TextInput label="E-Mail" value={values.email} error={errors.email} onChange={(event) => setValues({ ...values, email: event.currentTarget.value })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={save.isPending}>Save</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
