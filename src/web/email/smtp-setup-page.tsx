/**
 * SMTP Setup (spec §21.1): the outgoing mail server. The password is write-only: the page shows
 * whether one is stored, and a new one replaces it (the server keeps it encrypted).
 */
import { Alert, Button, Group, NumberInput, PasswordInput, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { smtpSetupView } from '../../core/email/email.schemas.ts';
import { api } from '../api/client.ts';
import { fieldErrorsOfRequest, messageOf } from '../api/field-errors.ts';
import { useCaptions } from '../i18n/captions.ts';

type SmtpSetup = z.infer<typeof smtpSetupView>;

export function SmtpSetupPage() {
  const setup = useQuery({ queryKey: ['smtpSetup'], queryFn: () => api.get<SmtpSetup>('/smtpSetup') });
  if (setup.error) return <Alert color="red" role="alert">{messageOf(setup.error)}</Alert>;
  if (!setup.data) return null;
  return <SmtpSetupForm setup={setup.data} />;
}

function SmtpSetupForm({ setup }: { setup: SmtpSetup }) {
  const t = useCaptions();
  const client = useQueryClient();
  const [values, setValues] = useState({ ...setup, password: '' });
  const save = useMutation({
    mutationFn: () => {
      const { passwordSet: _set, version: _version, password, ...fields } = values;
      return api.patch<SmtpSetup>('/smtpSetup', { ...fields, ...(password ? { password } : {}) });
    },
    onSuccess: (saved) => { setValues({ ...saved, password: '' }); client.setQueryData(['smtpSetup'], saved); },
  });
  const errors = fieldErrorsOfRequest(save.error);
  const set = (field: keyof typeof values) => (value: string | number) => setValues((current) => ({ ...current, [field]: value }));
  const submit = (event: FormEvent) => { event.preventDefault(); save.mutate(); };
  return (
    <Stack component="form" gap="sm" maw={520} onSubmit={submit} aria-label={t('SMTP Setup')}>
      <Title order={2}>{t('SMTP Setup')}</Title>
      {save.error && Object.keys(errors).length === 0 && <Alert color="red" role="alert">{messageOf(save.error)}</Alert>}
      {save.isSuccess && <Alert color="green" role="status">{t('Saved.')}</Alert>}
      <TextInput label={t('Server')} value={values.host} onChange={(event) => set('host')(event.currentTarget.value)} error={errors.host} />
      <NumberInput label={t('Port')} value={values.port} onChange={(value) => set('port')(Number(value) || 0)} min={1} max={65535} error={errors.port} />
      <Select label={t('Security')} value={values.security} allowDeselect={false} onChange={(value) => value && set('security')(value)}
        data={[{ value: 'starttls', label: 'STARTTLS' }, { value: 'tls', label: 'TLS (SSL)' }, { value: 'none', label: t('None') }]} />
      <TextInput label={t('User Name')} value={values.username} onChange={(event) => set('username')(event.currentTarget.value)} autoComplete="off" />
      <PasswordInput label={t('Password')} value={values.password} onChange={(event) => set('password')(event.currentTarget.value)} autoComplete="new-password"
        placeholder={setup.passwordSet ? 'A password is stored; type a new one to replace it' : ''} error={errors.password} />
      <TextInput label={t('Sender Address')} value={values.senderAddress} onChange={(event) => set('senderAddress')(event.currentTarget.value)} error={errors.senderAddress} />
      <TextInput label={t('Sender Name')} value={values.senderName} onChange={(event) => set('senderName')(event.currentTarget.value)} />
      <Group><Button type="submit" loading={save.isPending}>{t('Save')}</Button></Group>
    </Stack>
  );
}
