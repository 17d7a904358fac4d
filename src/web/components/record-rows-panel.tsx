import { ActionIcon, Alert, Button, Fieldset, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { api, encodeKey, withQuery } from '../api/client.ts';
import { fieldErrorsOf, messageOf, type FieldErrors } from '../api/field-errors.ts';
import type { Page } from '../api/types.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { ConfirmDeleteModal } from './confirm-delete-modal.tsx';
import { FormDialog, useDialogRequest } from './form-dialog.tsx';
import { capitalized } from './phrase-caption.ts';
import { RecordFormFields } from './record-form-fields.tsx';
import { changedValues, filledValues, toFormValues, toPayload, type FieldGroup, type FormValue } from './record-fields.ts';

type Row = Record<string, unknown> & { version: number };

export interface RowsColumn {
  header: string;
  /** The field shown; its value is read as text unless `render` says otherwise. */
  field: string;
  align?: 'right';
  render?: (row: Row, locale: SupportedLocale) => ReactNode;
}

export interface RecordRowsSpec {
  /** The fieldset's legend and the table's name, e.g. "Ship-to Addresses". */
  title: string;
  /** One row in words, for the dialog's title and the buttons' labels: "ship-to address". */
  noun: string;
  /** The API collection, e.g. /customers/C1/shipToAddresses or /salesPrices. */
  resource: string;
  /** Equality filters of the collection (?itemNo=1000): the rows that belong to the card. */
  filter?: Record<string, string>;
  /** The row's key in the collection's path: its code, or its id. */
  keyOf: (row: Row) => string;
  describe: (row: Row) => string;
  columns: readonly RowsColumn[];
  /** The dialog's fields of a new row (its key included) and of an existing one (key left out). */
  newFields: readonly FieldGroup[];
  fields: readonly FieldGroup[];
  /** Values a new row starts with (a choice's first option …). */
  newDefaults?: Record<string, unknown>;
  /** Values every new row is sent with, not shown (the item's number on its sales prices). */
  fixed?: Record<string, unknown>;
  schemas: { create: z.ZodType; update: z.ZodType };
  hint?: ReactNode;
}

/** The row's noun for captions: in a sentence ("ship-to address") and starting one ("Ship-to address"). */
function rowNoun(t: ReturnType<typeof useCaptions>, spec: RecordRowsSpec) {
  const row = t(spec.noun);
  return { row, Row: capitalized(row) };
}

/**
 * The records of a resource that belong to a card (a customer's ship-to addresses, an item's units,
 * prices and line discounts), or a whole setup table: a table with Add, Edit and Delete on each row,
 * each in a dialog whose input is checked with the API's schema; refusals show on their fields.
 */
export function RecordRowsPanel({ spec, page = false }: { spec: RecordRowsSpec; page?: boolean }) {
  const { locale } = useSession();
  const t = useCaptions();
  const title = t(spec.title);
  const noun = rowNoun(t, spec);
  const hint = typeof spec.hint === 'string' ? t(spec.hint) : spec.hint;
  const queryClient = useQueryClient();
  const queryKey = ['rows', spec.resource, spec.filter ?? {}];
  const rows = useQuery({ queryKey, queryFn: () => api.get<Page<Row>>(withQuery(spec.resource, { ...spec.filter, limit: 1000 })) });
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Row | null>(null);
  // The rows, and the choices of any code field that picks from the same table (a template, a unit).
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: ['rows', spec.resource] }), queryClient.invalidateQueries({ queryKey: ['codes', spec.resource] }),
  ]);
  const remove = useMutation({
    mutationFn: (row: Row) => api.delete<void>(`${spec.resource}/${encodeKey(spec.keyOf(row))}`, row.version),
    onSuccess: () => setDeleting(null),
    onSettled: refresh,
  });
  const items = rows.data?.items ?? [];
  const addLabel = t('Add {{row}}', noun);
  const table = (
    <>
      {rows.error && <Alert color="red" role="alert">{messageOf(rows.error)}</Alert>}
      {rows.isPending ? <Loader size="sm" /> : items.length === 0 ? <Text size="sm" c="dimmed">{t('No {{rows}}.', { rows: title.toLowerCase() })}</Text> : (
        <RowsTable spec={spec} items={items} locale={locale} onEdit={setEditing} onDelete={setDeleting} />
      )}
      {editing !== null && (
        <RowDialog spec={spec} row={editing === 'new' ? undefined : editing} onSaved={refresh} onClose={() => setEditing(null)} />
      )}
      <ConfirmDeleteModal
        opened={deleting !== null} title={t('Delete {{row}}', noun)} refusedTitle={t('The row was not deleted')}
        question={t('Do you want to delete {{name}}?', { name: deleting ? spec.describe(deleting) : '' })}
        pending={remove.isPending} error={remove.error} onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => { remove.reset(); setDeleting(null); }}
      />
    </>
  );
  if (page) {
    return (
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2}>{title}</Title>
          <Button onClick={() => setEditing('new')}>{t('New')}</Button>
        </Group>
        {spec.hint && <Text size="sm" c="dimmed">{hint}</Text>}
        {table}
      </Stack>
    );
  }
  return (
    <Fieldset legend={title} aria-label={title}>
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">{hint}</Text>
        <Button size="xs" onClick={() => setEditing('new')}>{addLabel}</Button>
      </Group>
      {table}
    </Fieldset>
  );
}

interface RowDialogProps {
  spec: RecordRowsSpec;
  row: Row | undefined;
  onSaved: () => Promise<unknown>;
  onClose: () => void;
}

function RowDialog({ spec, row, onSaved, onClose }: RowDialogProps) {
  const { locale } = useSession();
  const t = useCaptions();
  const groups = row ? spec.fields : spec.newFields;
  const fields = groups.flatMap((group) => group.fields);
  const original = toFormValues({ ...spec.newDefaults, ...row }, fields, locale);
  const [values, setValues] = useState(original);
  const [invalid, setInvalid] = useState<FieldErrors>({});
  const request = useDialogRequest(async (body: unknown) => {
    await (row ? api.patch(`${spec.resource}/${encodeKey(spec.keyOf(row))}`, body, row.version) : api.post(spec.resource, body));
    await onSaved();
  }, fields.map((field) => field.name), onClose);
  const errors = { ...request.errors, ...invalid };
  const setValue = (name: string, value: FormValue) => {
    setValues((current) => ({ ...current, [name]: value }));
    setInvalid(({ [name]: _fixed, ...rest }) => rest);
  };
  const submit = () => {
    const payload = toPayload(values, fields, locale);
    const body = row ? changedValues(payload, toPayload(original, fields, locale)) : { ...spec.fixed, ...filledValues(payload) };
    const parsed = (row ? spec.schemas.update : spec.schemas.create).safeParse(body);
    setInvalid(parsed.success ? {} : fieldErrorsOf(parsed.error));
    if (parsed.success) request.submit(parsed.data);
  };
  return (
    <FormDialog title={row ? t('Edit {{row}} {{name}}', { ...rowNoun(t, spec), name: spec.describe(row) }) : t('Add {{row}}', rowNoun(t, spec))} opened onClose={request.close}
      submitLabel={row ? t('Save') : t('Add')} pending={request.pending} failure={request.failure} onSubmit={submit} size="xl">
      <RecordFormFields groups={groups} values={values} errors={errors} onChange={setValue} />
    </FormDialog>
  );
}

/** The rows with Edit and Delete on each. */
function RowsTable({ spec, items, locale, onEdit, onDelete }: {
  spec: RecordRowsSpec; items: readonly Row[]; locale: SupportedLocale; onEdit: (row: Row) => void; onDelete: (row: Row) => void;
}) {
  const t = useCaptions();
  return (
    <Table striped withTableBorder fz="sm" aria-label={t(spec.title)}>
      <Table.Thead>
        <Table.Tr>
          {spec.columns.map((column) => <Table.Th key={column.field} ta={column.align}>{t(column.header)}</Table.Th>)}
          <Table.Th w={110} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((row) => (
          <Table.Tr key={spec.keyOf(row)} data-row={spec.describe(row)}>
            {spec.columns.map((column) => (
              <Table.Td key={column.field} ta={column.align} data-field-value={column.field}>
                {column.render ? column.render(row, locale) : String(row[column.field] ?? '')}
              </Table.Td>
            ))}
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Button size="compact-xs" variant="default" aria-label={t('Edit {{name}}', { name: spec.describe(row) })} onClick={() => onEdit(row)}>{t('Edit')}</Button>
                <ActionIcon size="sm" variant="subtle" color="red" aria-label={t('Delete {{name}}', { name: spec.describe(row) })} onClick={() => onDelete(row)}>✕</ActionIcon>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
