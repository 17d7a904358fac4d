/**
 * The one page of every setup table in setup-pages.ts (payment terms, currencies, No. Series, users …):
 * the list with New, Edit and Delete (which asks first), each record in a dialog of its fields,
 * checked with the API's schema before it is sent; what the server refuses shows on its field.
 * A singleton (Sales & Receivables Setup) is one form.
 */
import { Alert, Button, Group, Modal, Stack, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, encodeKey } from '../api/client.ts';
import { fieldErrorsOf, fieldErrorsOfRequest, messageOf, type FieldErrors } from '../api/field-errors.ts';
import { FormDialog, useDialogRequest } from '../components/form-dialog.tsx';
import { RecordFormFields } from '../components/record-form-fields.tsx';
import { changedValues, filledValues, toFormValues, toPayload, type FieldSpec, type FormValue } from '../components/record-fields.ts';
import { SetupListPage, type SetupColumn } from '../components/setup-list-page.tsx';
import { decimalForInput } from '../format/numbers.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { useSession } from '../session/session-store.ts';
import { SetupRowsPanel } from './setup-rows-panel.tsx';
import { setupPageOf, type SetupRecord, type SetupSingletonSpec, type SetupTableSpec } from './setup-pages.ts';
import { caption, useCaptions } from '../i18n/captions.ts';

export function SetupRecordPage() {
  const t = useCaptions();
  const spec = setupPageOf(useParams().page);
  if (!spec) return <Alert color="red" role="alert">{t('There is no such setup page.')}</Alert>;
  // Keyed by the page, so that going from one setup page to another starts afresh.
  return spec.kind === 'singleton' ? <SetupSingletonPage key={spec.path} spec={spec} /> : <SetupTablePage key={spec.path} spec={spec} />;
}

/** A list cell: Yes for a checked box, an option's caption, else the value as the API gives it. */
function cellText(value: unknown, field: FieldSpec | undefined, locale: SupportedLocale): string {
  if (typeof value === 'boolean') return value ? caption('Yes') : '';
  if (field?.kind === 'decimal' && typeof value === 'string' && value !== '') return decimalForInput(value, locale, 2);
  if (field?.kind === 'choice') { const option = field.options[String(value ?? '')]; return option === undefined ? String(value ?? '') : caption(option); }
  return value === null || value === undefined ? '' : String(value);
}

function SetupTablePage({ spec }: { spec: SetupTableSpec }) {
  const { locale } = useSession();
  const fields = [...spec.newFields, ...spec.fields].flatMap((group) => group.fields);
  const columns: SetupColumn<SetupRecord>[] = spec.columns.map((column) => ({
    header: column.header, align: column.align,
    cell: (record) => cellText(record[column.field], fields.find((field) => field.name === column.field), locale),
  }));
  return (
    <SetupListPage<SetupRecord> title={spec.title} resource={spec.resource} queryKey={['setup', spec.resource]} keyOf={spec.keyOf} columns={columns}
      dialog={(editing, { close, saved, open }) => (
        <SetupRecordDialog key={editing === 'new' ? '' : spec.keyOf(editing)} spec={spec} record={editing === 'new' ? undefined : editing} onClose={close} onSaved={saved} onCreated={open} />
      )} />
  );
}

interface SetupRecordDialogProps {
  spec: SetupTableSpec;
  record: SetupRecord | undefined;
  onClose: () => void;
  onSaved: () => void;
  /** A new record with rows of its own stays open on the record created, for its rows. */
  onCreated: (record: SetupRecord) => void;
}

function SetupRecordDialog({ spec, record, onClose, onSaved, onCreated }: SetupRecordDialogProps) {
  const t = useCaptions();
  const { locale } = useSession();
  const groups = record ? spec.fields : spec.newFields;
  const fields = groups.flatMap((group) => group.fields);
  const original = toFormValues({ ...spec.newDefaults, ...record }, fields, locale);
  const [values, setValues] = useState(original);
  const [invalid, setInvalid] = useState<FieldErrors>({});
  const created = useRef<SetupRecord | null>(null);
  const request = useDialogRequest(async (body: unknown) => {
    if (record) await api.patch(`${spec.resource}/${encodeKey(spec.keyOf(record))}`, body, record.version);
    else created.current = await api.post<SetupRecord>(spec.resource, body);
  }, fields.map((field) => field.name), () => {
    if (created.current && spec.rows?.(created.current)) onCreated(created.current);
    else onSaved();
  });
  const errors = { ...request.errors, ...invalid };
  const setValue = (name: string, value: FormValue) => {
    setValues((current) => ({ ...current, [name]: value }));
    setInvalid(({ [name]: _fixed, ...rest }) => rest);
  };
  const submit = () => {
    const payload = toPayload(values, fields, locale);
    // A new record's empty amount is left to the server's default (toPayload reads it as 0).
    const typed = Object.fromEntries(Object.entries(payload).filter(([name]) => values[name] !== ''));
    const body = record ? changedValues(payload, toPayload(original, fields, locale)) : filledValues(typed);
    const parsed = (record ? spec.schemas.update : spec.schemas.create).safeParse(body);
    setInvalid(parsed.success ? {} : fieldErrorsOf(parsed.error));
    if (parsed.success) request.submit(parsed.data);
  };
  const title = record ? `${t(spec.title)} ${spec.describe(record)}` : t('New {{title}}', { title: t(spec.title) });
  const rows = record && spec.rows?.(record);
  if (!record || !rows) {
    return (
      <FormDialog opened title={title} onClose={onClose} submitLabel={record ? 'Save' : 'Create'} pending={request.pending} failure={request.failure} onSubmit={submit} size="xl">
        <RecordFormFields groups={groups} values={values} errors={errors} onChange={setValue} />
      </FormDialog>
    );
  }
  // The record's rows sit beside its form, not in it: their own dialogs' submits would bubble (through
  // React's portals) into the record's form and save it.
  const submitForm = (event: FormEvent) => { event.preventDefault(); event.stopPropagation(); submit(); };
  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      <Stack gap="md">
        <Stack component="form" gap="sm" onSubmit={submitForm}>
          {request.failure !== null && <Alert color="red" role="alert">{request.failure}</Alert>}
          <RecordFormFields groups={groups} values={values} errors={errors} onChange={setValue} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('Close')}</Button>
            <Button type="submit" loading={request.pending}>{t('Save')}</Button>
          </Group>
        </Stack>
        <SetupRowsPanel spec={rows} />
      </Stack>
    </Modal>
  );
}

function SetupSingletonPage({ spec }: { spec: SetupSingletonSpec }) {
  const record = useQuery({ queryKey: ['setup', spec.resource], queryFn: () => api.get<SetupRecord>(spec.resource) });
  if (record.error) return <Alert color="red" role="alert">{messageOf(record.error)}</Alert>;
  if (!record.data) return null;
  return <SingletonForm spec={spec} record={record.data} />;
}

function SingletonForm({ spec, record }: { spec: SetupSingletonSpec; record: SetupRecord }) {
  const t = useCaptions();
  const { locale } = useSession();
  const client = useQueryClient();
  const fields = spec.fields.flatMap((group) => group.fields);
  const original = toFormValues(record, fields, locale);
  const [values, setValues] = useState(original);
  const [invalid, setInvalid] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (body: unknown) => api.patch<SetupRecord>(spec.resource, body, record.version),
    onSuccess: (saved) => {
      client.setQueryData(['setup', spec.resource], saved);
      setValues(toFormValues(saved, fields, locale));
    },
  });
  const changes = changedValues(toPayload(values, fields, locale), toPayload(original, fields, locale));
  const errors = { ...fieldErrorsOfRequest(save.error), ...invalid };
  const unplaced = save.error && !Object.keys(errors).some((name) => name in values) ? save.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = spec.schema.safeParse(changes);
    setInvalid(parsed.success ? {} : fieldErrorsOf(parsed.error));
    if (parsed.success) save.mutate(parsed.data);
  };
  const setValue = (name: string, value: FormValue) => {
    setValues((current) => ({ ...current, [name]: value }));
    setInvalid(({ [name]: _fixed, ...rest }) => rest);
  };
  return (
    <Stack component="form" gap="sm" onSubmit={submit} aria-label={t(spec.title)}>
      <Group justify="space-between">
        <Title order={2}>{t(spec.title)}</Title>
        <Button type="submit" loading={save.isPending} disabled={Object.keys(changes).length === 0}>{t('Save')}</Button>
      </Group>
      {unplaced && <Alert color="red" role="alert">{messageOf(unplaced)}</Alert>}
      {save.isSuccess && Object.keys(changes).length === 0 && <Alert color="green" role="status">{t('Saved.')}</Alert>}
      <RecordFormFields groups={spec.fields} values={values} errors={errors} onChange={setValue} />
    </Stack>
  );
}
