import { Button, SimpleGrid, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import type { Customer } from '../api/types.ts';
import { CodeSelect } from '../components/code-select.tsx';
import { FormDialog, useDialogRequest } from '../components/form-dialog.tsx';
import { useCaptions } from '../i18n/captions.ts';

const fields = ['templateCode', 'name', 'no'] as const;

/**
 * New from Template (BC: New Customer, pick a template): the customer is created with the template's
 * posting groups, terms and the rest, and its card opens to fill in what is its own.
 */
export function NewFromTemplateButton() {
  const t = useCaptions();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>{t('New from Template')}</Button>
      {open && <NewFromTemplateDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function NewFromTemplateDialog({ onClose }: { onClose: () => void }) {
  const t = useCaptions();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [templateCode, setTemplateCode] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [no, setNo] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const request = useDialogRequest(async (body: Record<string, string>) => {
    const created = await api.post<Customer>('/customers', body);
    await queryClient.invalidateQueries({ queryKey: ['list', '/customers'] });
    navigate(`/customers/${encodeURIComponent(created.no)}`);
  }, fields, onClose);
  const errors = { ...request.errors, ...missing };
  const submit = () => {
    const required = { ...(templateCode ? {} : { templateCode: t('choose a template') }), ...(name.trim() ? {} : { name: t('must not be empty') }) };
    setMissing(required);
    if (Object.keys(required).length > 0) return;
    request.submit({ templateCode: templateCode!, name: name.trim(), ...(no.trim() ? { no: no.trim() } : {}) });
  };
  return (
    <FormDialog title={t('New customer from template')} opened onClose={request.close} submitLabel="Create" pending={request.pending}
      failure={request.failure} onSubmit={submit}>
      <SimpleGrid cols={1} spacing="sm">
        <CodeSelect lookup="/customerTemplates" label={t('Template')} value={templateCode} error={errors.templateCode}
          onChange={(code) => { setTemplateCode(code); setMissing(({ templateCode: _done, ...rest }) => rest); }} />
        <TextInput label={t('Name')} value={name} error={errors.name} onChange={(event) => setName(event.currentTarget.value)} />
        <TextInput label={t('No.')} description={t('Left empty, the number series assigns one.')} value={no} error={errors.no}
          onChange={(event) => setNo(event.currentTarget.value)} />
      </SimpleGrid>
    </FormDialog>
  );
}
