/**
 * Workflow User Groups (spec §19.1): named groups of approvers, each member with a sequence number;
 * members of one sequence approve side by side, the sequences one after the other.
 */
import { Alert, Button, Group, Modal, NumberInput, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, encodeKey } from '../api/client.ts';
import { fieldErrorsOfRequest, messageOf } from '../api/field-errors.ts';
import type { Page } from '../api/types.ts';
import { SetupListPage } from '../components/setup-list-page.tsx';
import type { WorkflowUserGroup, WorkflowUserGroupMember } from './approval-model.ts';
import { UserSelect } from './user-select.tsx';
import { useCaptions } from '../i18n/captions.ts';

export function WorkflowUserGroupsPage() {
  const t = useCaptions();
  return (
    <SetupListPage<WorkflowUserGroup> title={t('Workflow User Groups')} resource="/workflowUserGroups" queryKey={['workflowUserGroups']} keyOf={(group) => group.code}
      columns={[{ header: 'Code', cell: (group) => group.code }, { header: 'Description', cell: (group) => group.description }]}
      dialog={(editing, { saved, open }) => <GroupDialog group={editing === 'new' ? null : editing} onClose={saved} onCreated={open} />} />
  );
}

/** The group's code and description; once it exists, its members too. */
function GroupDialog({ group, onClose, onCreated }: { group: WorkflowUserGroup | null; onClose: () => void; onCreated: (group: WorkflowUserGroup) => void }) {
  const t = useCaptions();
  const [values, setValues] = useState({ code: group?.code ?? '', description: group?.description ?? '' });
  const save = useMutation({
    mutationFn: () => (group
      ? api.patch<WorkflowUserGroup>(`/workflowUserGroups/${encodeKey(group.code)}`, { description: values.description }, group.version)
      : api.post<WorkflowUserGroup>('/workflowUserGroups', values)),
    onSuccess: (saved) => (group ? onClose() : onCreated(saved)),
  });
  const errors = fieldErrorsOfRequest(save.error);
  const submit = (event: FormEvent) => { event.preventDefault(); save.mutate(); };
  return (
    <Modal opened onClose={onClose} size="lg" title={group ? t('Workflow User Group {{code}}', { code: group.code }) : t('New Workflow User Group')}>
      <Stack gap="md">
        <Stack component="form" gap="sm" onSubmit={submit}>
          {save.error && Object.keys(errors).length === 0 && <Alert color="red" role="alert">{messageOf(save.error)}</Alert>}
          <TextInput label={t('Code')} value={values.code} disabled={group !== null} error={errors.code} onChange={(event) => setValues({ ...values, code: event.currentTarget.value })} />
          <TextInput label={t('Description')} value={values.description} error={errors.description} onChange={(event) => setValues({ ...values, description: event.currentTarget.value })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('Close')}</Button>
            <Button type="submit" loading={save.isPending}>{t('Save')}</Button>
          </Group>
        </Stack>
        {group && <GroupMembers code={group.code} />}
      </Stack>
    </Modal>
  );
}

function GroupMembers({ code }: { code: string }) {
  const t = useCaptions();
  const client = useQueryClient();
  const path = `/workflowUserGroups/${encodeKey(code)}/members`;
  const key = ['workflowUserGroupMembers', code];
  const members = useQuery({ queryKey: key, queryFn: () => api.get<Page<WorkflowUserGroupMember>>(`${path}?limit=1000`) });
  const [userId, setUserId] = useState<string | null>(null);
  const [sequenceNo, setSequenceNo] = useState<number | string>(1);
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const add = useMutation({
    mutationFn: () => api.post(path, { userId: userId ?? '', sequenceNo: Number(sequenceNo) }),
    onSuccess: () => { setUserId(null); void refresh(); },
  });
  const change = useMutation({
    mutationFn: ({ member, sequence }: { member: WorkflowUserGroupMember; sequence: number }) => api.patch(`${path}/${encodeKey(member.userId)}`, { sequenceNo: sequence }, member.version),
    onSettled: refresh,
  });
  const remove = useMutation({ mutationFn: (member: WorkflowUserGroupMember) => api.delete(`${path}/${encodeKey(member.userId)}`, member.version), onSettled: refresh });
  const failure = add.error ?? change.error ?? remove.error;
  const sorted = [...(members.data?.items ?? [])].sort((a, b) => a.sequenceNo - b.sequenceNo || a.userId.localeCompare(b.userId));
  return (
    <Stack gap="xs">
      <Title order={4}>{t('Members')}</Title>
      {failure && <Alert color="red" role="alert">{messageOf(failure)}</Alert>}
      <Table aria-label={t('Members')}>
        <Table.Thead><Table.Tr><Table.Th>{t('User ID')}</Table.Th><Table.Th>{t('Sequence No.')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {sorted.map((member) => (
            <Table.Tr key={member.userId}>
              <Table.Td>{member.userId}</Table.Td>
              <Table.Td>
                <NumberInput size="xs" w="6rem" min={1} max={1000} allowDecimal={false} aria-label={`Sequence No. of ${member.userId}`} defaultValue={member.sequenceNo}
                  onBlur={(event) => {
                    const sequence = Number(event.currentTarget.value);
                    if (Number.isInteger(sequence) && sequence !== member.sequenceNo) change.mutate({ member, sequence });
                  }} />
              </Table.Td>
              <Table.Td><Button size="xs" variant="default" color="red" onClick={() => remove.mutate(member)}>{t('Remove')}</Button></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-end" gap="xs">
        <UserSelect label={t('User ID')} value={userId} onChange={setUserId} />
        <NumberInput label={t('Sequence No.')} w="7rem" min={1} max={1000} allowDecimal={false} value={sequenceNo} onChange={setSequenceNo} />
        <Button onClick={() => add.mutate()} disabled={!userId} loading={add.isPending}>{t('Add Member')}</Button>
      </Group>
    </Stack>
  );
}
