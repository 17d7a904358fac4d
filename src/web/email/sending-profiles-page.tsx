/**
 * Document Sending Profiles (spec §21.1): how customers' documents go out — by email with or
 * without the dialog first, with which attachments. One profile may be the default, used for
 * customers without a profile of their own.
 */
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { emailAttachmentChoices, sendingChoices, type EmailAttachmentChoice, type SendingChoice } from '../../core/email/sending-profile.ts';
import { api, encodeKey } from '../api/client.ts';
import { fieldErrorsOfRequest, messageOf } from '../api/field-errors.ts';
import type { Page } from '../api/types.ts';

interface Profile { code: string; description: string; default: boolean; email: SendingChoice; emailAttachment: EmailAttachmentChoice; version: number }

const choiceLabels: Record<SendingChoice, string> = { no: 'No', promptForSettings: 'Yes (Prompt for Settings)', useDefaultSettings: 'Yes (Use Default Settings)' };
const attachmentLabels: Record<EmailAttachmentChoice, string> = { pdf: 'PDF', electronicDocument: 'Electronic Document', pdfAndElectronicDocument: 'PDF & Electronic Document' };

export function SendingProfilesPage() {
  const client = useQueryClient();
  const profiles = useQuery({ queryKey: ['documentSendingProfiles'], queryFn: () => api.get<Page<Profile>>('/documentSendingProfiles?limit=1000') });
  const [editing, setEditing] = useState<Profile | 'new' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['documentSendingProfiles'] });
  const remove = useMutation({ mutationFn: (profile: Profile) => api.delete(`/documentSendingProfiles/${encodeKey(profile.code)}`, profile.version), onSuccess: refresh, onError: setFailure });
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>Document Sending Profiles</Title>
        <Button onClick={() => setEditing('new')}>New</Button>
      </Group>
      {failure !== null && <Alert color="red" role="alert">{messageOf(failure)}</Alert>}
      {profiles.error && <Alert color="red" role="alert">{messageOf(profiles.error)}</Alert>}
      <Table striped aria-label="Document Sending Profiles">
        <Table.Thead>
          <Table.Tr><Table.Th>Code</Table.Th><Table.Th>Description</Table.Th><Table.Th>Default</Table.Th><Table.Th>E-Mail</Table.Th><Table.Th>E-Mail Attachment</Table.Th><Table.Th /></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(profiles.data?.items ?? []).map((profile) => (
            <Table.Tr key={profile.code}>
              <Table.Td>{profile.code}</Table.Td><Table.Td>{profile.description}</Table.Td><Table.Td>{profile.default ? 'Yes' : ''}</Table.Td>
              <Table.Td>{choiceLabels[profile.email]}</Table.Td><Table.Td>{attachmentLabels[profile.emailAttachment]}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => setEditing(profile)}>Edit</Button>
                  <Button size="xs" variant="default" color="red" onClick={() => remove.mutate(profile)}>Delete</Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <ProfileDialog profile={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); void refresh(); }} />}
    </Stack>
  );
}

function ProfileDialog({ profile, onClose, onSaved }: { profile: Profile | null; onClose: () => void; onSaved: () => void }) {
  const [values, setValues] = useState({
    code: profile?.code ?? '', description: profile?.description ?? '', default: profile?.default ?? false,
    email: profile?.email ?? 'promptForSettings', emailAttachment: profile?.emailAttachment ?? 'pdf',
  });
  const save = useMutation({
    mutationFn: () => {
      const { code, ...fields } = values;
      return profile ? api.patch(`/documentSendingProfiles/${encodeKey(profile.code)}`, fields, profile.version) : api.post('/documentSendingProfiles', values);
    },
    onSuccess: onSaved,
  });
  const errors = fieldErrorsOfRequest(save.error);
  const submit = (event: FormEvent) => { event.preventDefault(); save.mutate(); };
  return (
    <Modal opened onClose={onClose} title={profile ? `Document Sending Profile ${profile.code}` : 'New Document Sending Profile'}>
      <Stack component="form" gap="sm" onSubmit={submit}>
        {save.error && Object.keys(errors).length === 0 && <Alert color="red" role="alert">{messageOf(save.error)}</Alert>}
        <TextInput label="Code" value={values.code} disabled={profile !== null} error={errors.code}
          onChange={(event) => setValues({ ...values, code: event.currentTarget.value })} />
        <TextInput label="Description" value={values.description} error={errors.description}
          onChange={(event) => setValues({ ...values, description: event.currentTarget.value })} />
        <Checkbox label="Default" checked={values.default} onChange={(event) => setValues({ ...values, default: event.currentTarget.checked })} />
        <Select label="E-Mail" value={values.email} allowDeselect={false} data={sendingChoices.map((value) => ({ value, label: choiceLabels[value] }))}
          onChange={(value) => value && setValues({ ...values, email: value as SendingChoice })} />
        <Select label="E-Mail Attachment" value={values.emailAttachment} allowDeselect={false}
          data={emailAttachmentChoices.map((value) => ({ value, label: attachmentLabels[value] }))}
          onChange={(value) => value && setValues({ ...values, emailAttachment: value as EmailAttachmentChoice })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={save.isPending}>Save</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
