/**
 * Document Sending Profiles (spec §21.1): how customers' documents go out — by email with or
 * without the dialog first, with which attachments. One profile may be the default, used for
 * customers without a profile of their own.
 */
import { Checkbox, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { emailAttachmentChoices, sendingChoices, type EmailAttachmentChoice, type SendingChoice } from '../../core/email/sending-profile.ts';
import { api, encodeKey } from '../api/client.ts';
import { FormDialog, useDialogRequest } from '../components/form-dialog.tsx';
import { SetupListPage, type SetupColumn } from '../components/setup-list-page.tsx';
import { useCaptions } from '../i18n/captions.ts';

interface Profile { code: string; description: string; default: boolean; email: SendingChoice; emailAttachment: EmailAttachmentChoice; version: number }

const choiceLabels: Record<SendingChoice, string> = { no: 'No', promptForSettings: 'Yes (Prompt for Settings)', useDefaultSettings: 'Yes (Use Default Settings)' };
const attachmentLabels: Record<EmailAttachmentChoice, string> = { pdf: 'PDF', electronicDocument: 'Electronic Document', pdfAndElectronicDocument: 'PDF & Electronic Document' };

const columns = (t: ReturnType<typeof useCaptions>): SetupColumn<Profile>[] => [
  { header: 'Code', cell: (profile) => profile.code },
  { header: 'Description', cell: (profile) => profile.description },
  { header: 'Default', cell: (profile) => (profile.default ? t('Yes') : '') },
  { header: 'E-Mail', cell: (profile) => t(choiceLabels[profile.email]) },
  { header: 'E-Mail Attachment', cell: (profile) => t(attachmentLabels[profile.emailAttachment]) },
];

export function SendingProfilesPage() {
  const t = useCaptions();
  return (
    <SetupListPage<Profile> title={t('Document Sending Profiles')} resource="/documentSendingProfiles" queryKey={['documentSendingProfiles']} keyOf={(profile) => profile.code}
      columns={columns(t)} dialog={(editing, { close, saved }) => <ProfileDialog profile={editing === 'new' ? null : editing} onClose={close} onSaved={saved} />} />
  );
}

const fields = ['code', 'description'];

function ProfileDialog({ profile, onClose, onSaved }: { profile: Profile | null; onClose: () => void; onSaved: () => void }) {
  const t = useCaptions();
  const [values, setValues] = useState({
    code: profile?.code ?? '', description: profile?.description ?? '', default: profile?.default ?? false,
    email: profile?.email ?? 'promptForSettings', emailAttachment: profile?.emailAttachment ?? 'pdf',
  });
  const save = useDialogRequest(() => {
    const { code, ...body } = values;
    return profile ? api.patch(`/documentSendingProfiles/${encodeKey(profile.code)}`, body, profile.version) : api.post('/documentSendingProfiles', values);
  }, fields, onSaved);
  const { errors } = save;
  return (
    <FormDialog opened title={profile ? t('Document Sending Profile {{code}}', { code: profile.code }) : t('New Document Sending Profile')} onClose={onClose} submitLabel="Save"
      pending={save.pending} failure={save.failure} onSubmit={() => save.submit(undefined)}>
      <TextInput label={t('Code')} value={values.code} disabled={profile !== null} error={errors.code}
        onChange={(event) => setValues({ ...values, code: event.currentTarget.value })} />
      <TextInput label={t('Description')} value={values.description} error={errors.description}
        onChange={(event) => setValues({ ...values, description: event.currentTarget.value })} />
      <Checkbox label={t('Default')} checked={values.default} onChange={(event) => setValues({ ...values, default: event.currentTarget.checked })} />
      <Select label={t('E-Mail')} value={values.email} allowDeselect={false} data={sendingChoices.map((value) => ({ value, label: t(choiceLabels[value]) }))}
        onChange={(value) => value && setValues({ ...values, email: value as SendingChoice })} />
      <Select label={t('E-Mail Attachment')} value={values.emailAttachment} allowDeselect={false}
        data={emailAttachmentChoices.map((value) => ({ value, label: t(attachmentLabels[value]) }))}
        onChange={(value) => value && setValues({ ...values, emailAttachment: value as EmailAttachmentChoice })} />
    </FormDialog>
  );
}
