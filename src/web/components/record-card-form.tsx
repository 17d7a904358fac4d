import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, encodeKey } from '../api/client.ts';
import { fieldErrorsOf, fieldErrorsOfRequest, messageOf, type FieldErrors } from '../api/field-errors.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { DeleteRecordButton } from './delete-record-button.tsx';
import { phraseCaption } from './phrase-caption.ts';
import { recordCardPath, type CardRecord, type RecordCardSpec } from './record-card.ts';
import { RecordFormFields } from './record-form-fields.tsx';
import { changedValues, filledValues, toFormValues, toPayload, type FormValue } from './record-fields.ts';

export function useCardRecord<T extends CardRecord>(spec: RecordCardSpec<T>, no: string) {
  return useQuery({ queryKey: [spec.queryKey, no], queryFn: () => api.get<T>(`${spec.resource}/${encodeKey(no)}`) });
}

interface RecordCardFormProps<T extends CardRecord> {
  spec: RecordCardSpec<T>;
  record?: T;
  /** Buttons of an existing record, shown before Delete and Save. */
  actions?: (record: T) => ReactNode;
  /** Offer Delete (after a confirmation) on an existing record. */
  deletable?: boolean;
}

/**
 * A card: view, change and create. Input is checked with the API's own zod schema before it is
 * sent; a change is sent with the version read (If-Match), and what the server refuses comes back
 * per field and is shown next to it.
 */
export function RecordCardForm<T extends CardRecord>({ spec, record, actions, deletable = false }: RecordCardFormProps<T>) {
  const t = useCaptions();
  const form = useRecordCardForm(spec, record);
  const caption = t(spec.caption);
  const { save, unplacedError } = form;
  return (
    <Stack component="form" onSubmit={form.submit} gap="sm" aria-label={phraseCaption(t, `${spec.caption} card`, '{{record}} card', { record: caption })}>
      <Group justify="space-between">
        <Title order={2}>{record ? `${record.no} · ${record.name}` : phraseCaption(t, `New ${spec.caption.toLowerCase()}`, 'New {{record}}', { record: caption.toLowerCase() })}</Title>
        <Group>
          {record && actions?.(record)}
          {record && deletable && <DeleteRecordButton spec={spec} record={record} />}
          <Button type="submit" loading={save.isPending} disabled={!form.changed}>{record ? t('Save') : t('Create')}</Button>
        </Group>
      </Group>
      {unplacedError && <Alert color="red" role="alert">{messageOf(unplacedError)}{unplacedError instanceof ApiError && unplacedError.code === 'VERSION_CONFLICT' ? ` ${t('Reload the page to see the current values.')}` : ''}</Alert>}
      <RecordFormFields groups={form.groups} values={form.values} errors={form.errors} onChange={form.setValue} />
    </Stack>
  );
}

function useRecordCardForm<T extends CardRecord>(spec: RecordCardSpec<T>, record: T | undefined) {
  const { locale } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const groups = record ? spec.fieldGroups : spec.newFieldGroups;
  const fields = groups.flatMap((group) => group.fields);
  const original = toFormValues({ ...spec.newDefaults, ...record }, fields, locale);
  const [values, setValues] = useState(original);
  const [validationErrors, setValidationErrors] = useState<FieldErrors>({});
  const payload = toPayload(values, fields, locale);
  const changes = record ? changedValues(payload, toPayload(original, fields, locale)) : filledValues(payload);

  const save = useMutation({
    mutationFn: (body: unknown) => (record
      ? api.patch<T>(`${spec.resource}/${encodeKey(record.no)}`, body, record.version)
      : api.post<T>(spec.resource, body)),
    onSuccess: (saved) => {
      queryClient.setQueryData([spec.queryKey, saved.no], saved);
      void queryClient.invalidateQueries({ queryKey: ['list', spec.resource] });
      if (record) setValues(toFormValues(saved, fields, locale));
      else navigate(recordCardPath(spec, saved.no), { replace: true });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = (record ? spec.schemas.update : spec.schemas.create).safeParse(changes);
    setValidationErrors(parsed.success ? {} : fieldErrorsOf(parsed.error));
    if (parsed.success) save.mutate(parsed.data);
  };
  const setValue = (name: string, value: FormValue) => {
    setValues((current) => ({ ...current, [name]: value }));
    setValidationErrors(({ [name]: _fixed, ...rest }) => rest);
  };
  const errors = { ...fieldErrorsOfRequest(save.error), ...validationErrors };
  const unplacedError = save.error && !Object.keys(errors).some((field) => field in values) ? save.error : null;
  return { groups, values, errors, setValue, submit, save, unplacedError, changed: Object.keys(changes).length > 0 };
}
