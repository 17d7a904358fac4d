import { Alert, Button, Fieldset, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { standardSalesCodeSchemas } from '../../core/master-data/standard-sales.schemas.ts';
import { api, ApiError, encodeKey } from '../api/client.ts';
import { fieldErrorsOf, fieldErrorsOfRequest, messageOf, type FieldErrors } from '../api/field-errors.ts';
import { CodeSelect } from '../components/code-select.tsx';
import { DeleteButton } from '../components/delete-record-button.tsx';
import { useCaptions } from '../i18n/captions.ts';
import { StandardSalesLinesPanel } from './standard-sales-lines-panel.tsx';
import { standardSalesCodePath, standardSalesCodesPath, type StandardSalesCode } from './standard-sales-types.ts';

const resource = '/standardSalesCodes';
const codeQueryKey = (code: string) => ['standardSalesCode', code] as const;

/** The Standard Sales Code card: code, description and currency, then its lines (spec §9.1). */
export function StandardSalesCodeCardPage() {
  const { code } = useParams();
  return code ? <ExistingStandardSalesCode key={code} code={code} /> : <StandardSalesCodeForm />;
}

function ExistingStandardSalesCode({ code }: { code: string }) {
  const record = useQuery({ queryKey: codeQueryKey(code), queryFn: () => api.get<StandardSalesCode>(`${resource}/${encodeKey(code)}`) });
  if (record.error) return <Alert color="red" role="alert">{messageOf(record.error)}</Alert>;
  if (!record.data) return <Loader />;
  return (
    <Stack gap="sm">
      <StandardSalesCodeForm key={record.data.version} record={record.data} />
      <StandardSalesLinesPanel code={record.data.code} />
    </Stack>
  );
}

interface HeaderValues { code: string; description: string; currencyCode: string | null }

/** What was changed (an existing code) or filled in (a new one): the server's defaults apply to the rest. */
function headerChanges(values: HeaderValues, record: StandardSalesCode | undefined): Record<string, unknown> {
  if (!record) return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '' && value !== null));
  const changes: Record<string, unknown> = {};
  if (values.description !== record.description) changes.description = values.description;
  if (values.currencyCode !== record.currencyCode) changes.currencyCode = values.currencyCode;
  return changes;
}

function StandardSalesCodeForm({ record }: { record?: StandardSalesCode }) {
  const t = useCaptions();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<HeaderValues>({ code: record?.code ?? '', description: record?.description ?? '', currencyCode: record?.currencyCode ?? null });
  const [invalid, setInvalid] = useState<FieldErrors>({});
  const changes = headerChanges(values, record);
  const save = useMutation({
    mutationFn: (body: unknown) => (record
      ? api.patch<StandardSalesCode>(`${resource}/${encodeKey(record.code)}`, body, record.version)
      : api.post<StandardSalesCode>(resource, body)),
    onSuccess: (saved) => {
      queryClient.setQueryData(codeQueryKey(saved.code), saved);
      void queryClient.invalidateQueries({ queryKey: ['list', resource] });
      void queryClient.invalidateQueries({ queryKey: ['codes', resource] });
      // A new currency rounds the G/L lines' amounts: read them again.
      void queryClient.invalidateQueries({ queryKey: ['standardSalesLines', saved.code] });
      if (!record) navigate(standardSalesCodePath(saved.code), { replace: true });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = (record ? standardSalesCodeSchemas.update : standardSalesCodeSchemas.create).safeParse(changes);
    setInvalid(parsed.success ? {} : fieldErrorsOf(parsed.error));
    if (parsed.success) save.mutate(parsed.data);
  };
  const set = <K extends keyof HeaderValues>(field: K, value: HeaderValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setInvalid(({ [field]: _fixed, ...rest }) => rest);
  };
  const errors = { ...fieldErrorsOfRequest(save.error), ...invalid };
  const unplaced = save.error && !['code', 'description', 'currencyCode'].some((field) => errors[field]) ? save.error : null;

  return (
    <Stack component="form" onSubmit={submit} gap="sm" aria-label={t('Standard sales code card')}>
      <Group justify="space-between">
        <Title order={2}>
          {record ? `${t('Standard Sales Code {{code}}', { code: record.code })}${record.description ? ` · ${record.description}` : ''}` : t('New standard sales code')}
        </Title>
        <Group>
          {record && <DeleteStandardSalesCodeButton record={record} />}
          <Button type="submit" loading={save.isPending} disabled={Object.keys(changes).length === 0}>{record ? t('Save') : t('Create')}</Button>
        </Group>
      </Group>
      {unplaced && <Alert color="red" role="alert">{messageOf(unplaced)}{unplaced instanceof ApiError && unplaced.code === 'VERSION_CONFLICT' ? ` ${t('Reload the page to see the current values.')}` : ''}</Alert>}
      <Fieldset legend={t('General')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
          <TextInput label={t('Code')} value={values.code} error={errors.code} readOnly={record !== undefined} variant={record ? 'filled' : 'default'}
            onChange={(event) => set('code', event.currentTarget.value)} />
          <TextInput label={t('Description')} value={values.description} error={errors.description} onChange={(event) => set('description', event.currentTarget.value)} />
          <CodeSelect lookup="/currencies" label={t('Currency Code')} value={values.currencyCode} error={errors.currencyCode} onChange={(code) => set('currencyCode', code)} />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="xs">{t('The lines have no prices: a document prices them as typed lines. An empty currency is the local currency.')}</Text>
      </Fieldset>
    </Stack>
  );
}

/** Deletes the code with its lines and its customers' assignments (as BC does), after asking. */
function DeleteStandardSalesCodeButton({ record }: { record: StandardSalesCode }) {
  const t = useCaptions();
  return (
    <DeleteButton target={{
      caption: 'Standard Sales Code', path: `${resource}/${encodeKey(record.code)}`, version: record.version, key: record.code, description: record.description,
      question: t('Do you want to delete standard sales code {{code}}? Its lines and its assignments to customers are deleted with it.', { code: record.code }),
      removeQuery: codeQueryKey(record.code), invalidateQueries: [['list', resource], ['codes', resource]], listPath: standardSalesCodesPath,
    }} />
  );
}
