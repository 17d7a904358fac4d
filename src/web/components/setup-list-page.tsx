import { Alert, Button, Group, Stack, Table, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { api, encodeKey } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { ConfirmDeleteModal } from './confirm-delete-modal.tsx';
import type { Page } from '../api/types.ts';
import { useCaptions } from '../i18n/captions.ts';

export interface SetupColumn<R> {
  header: string;
  align?: 'right';
  cell: (record: R) => ReactNode;
}

/** A button of each row between Edit and Delete, e.g. Enable / Disable of a workflow. */
export interface SetupRowAction<R> {
  label: (record: R) => string;
  run: (record: R) => Promise<unknown>;
}

/** What a setup page's dialog may do with the list. */
export interface SetupDialogControls<R> {
  /** Closes the dialog; nothing changed. */
  close: () => void;
  /** Closes the dialog and reads the list again. */
  saved: () => void;
  /** Shows that record in the dialog (e.g. the one just created) and reads the list again. */
  open: (record: R) => void;
}

interface SetupListPageProps<R> {
  /** The page's heading and the table's name. */
  title: string;
  /** The API resource, e.g. /workflowUserGroups: the list is read from it, a record deleted at resource/key. */
  resource: string;
  queryKey: readonly unknown[];
  keyOf: (record: R) => string;
  columns: readonly SetupColumn<R>[];
  /** The caption of the header's button that opens the dialog on 'new'. */
  newLabel?: string;
  /** A locked record (e.g. an enabled workflow) is neither edited nor deleted. */
  locked?: (record: R) => boolean;
  rowAction?: SetupRowAction<R>;
  /** The dialog of the record being edited, or of a new one. */
  dialog: (editing: R | 'new', controls: SetupDialogControls<R>) => ReactNode;
}

/**
 * A setup list (Approval User Setup, Workflow User Groups, Workflows, Document Sending Profiles):
 * the heading with New, the records with Edit and Delete on each row, and the dialog of the record
 * edited. Delete asks first; a refused delete stays in its dialog with the reason, a refused row
 * action shows above the list until the next one.
 */
export function SetupListPage<R extends { version: number }>(props: SetupListPageProps<R>) {
  const { title, resource, queryKey, keyOf, columns, newLabel = 'New', locked = () => false, rowAction, dialog } = props;
  const t = useCaptions();
  const client = useQueryClient();
  const records = useQuery({ queryKey, queryFn: () => api.get<Page<R>>(`${resource}?limit=1000`) });
  const [editing, setEditing] = useState<R | 'new' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [deleting, setDeleting] = useState<R | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey });
  const rowRequest = (run: (record: R) => Promise<unknown>) => ({
    mutationFn: run, onMutate: () => setFailure(null), onSuccess: refresh, onError: setFailure,
  });
  const act = useMutation(rowRequest((record: R) => rowAction!.run(record)));
  const remove = useMutation({
    mutationFn: (record: R) => api.delete(`${resource}/${encodeKey(keyOf(record))}`, record.version),
    onSuccess: () => { setDeleting(null); void refresh(); },
  });
  const closeDelete = () => { setDeleting(null); remove.reset(); };
  const controls: SetupDialogControls<R> = {
    close: () => setEditing(null),
    saved: () => { setEditing(null); void refresh(); },
    open: (record) => { setEditing(record); void refresh(); },
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t(title)}</Title>
        <Button onClick={() => setEditing('new')}>{t(newLabel)}</Button>
      </Group>
      {failure !== null && <Alert color="red" role="alert">{messageOf(failure)}</Alert>}
      {records.error && <Alert color="red" role="alert">{messageOf(records.error)}</Alert>}
      <Table striped aria-label={t(title)}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => <Table.Th key={column.header} ta={column.align}>{t(column.header)}</Table.Th>)}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(records.data?.items ?? []).map((record) => (
            <Table.Tr key={keyOf(record)}>
              {columns.map((column) => <Table.Td key={column.header} ta={column.align}>{column.cell(record)}</Table.Td>)}
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => setEditing(record)} disabled={locked(record)}>{t('Edit')}</Button>
                  {rowAction && <Button size="xs" variant="default" onClick={() => act.mutate(record)}>{t(rowAction.label(record))}</Button>}
                  <Button size="xs" variant="default" color="red" onClick={() => setDeleting(record)} disabled={locked(record)}>{t('Delete')}</Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && dialog(editing, controls)}
      <ConfirmDeleteModal opened={deleting !== null} title={t('Delete {{name}}', { name: deleting ? keyOf(deleting) : '' })}
        question={t('Do you want to delete {{name}}?', { name: deleting ? keyOf(deleting) : '' })} refusedTitle={t('It cannot be deleted')} pending={remove.isPending} error={remove.error} onConfirm={() => deleting && remove.mutate(deleting)} onClose={closeDelete} />
    </Stack>
  );
}
