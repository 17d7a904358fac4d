import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, encodeKey } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { useCaptions } from '../i18n/captions.ts';
import { showNotice } from '../layout/notices.ts';
import type { CardRecord, RecordCardSpec } from './record-card.ts';

/** What a Delete button deletes, and where the app goes after. */
export interface DeleteTarget {
  /** "Standard Sales Code": the dialog's title and the notice. */
  caption: string;
  /** The record's API path, e.g. /customers/C001, and the version read (If-Match). */
  path: string;
  version: number;
  /** Its key and a line describing it, e.g. the name. */
  key: string;
  description: string;
  /** The question asked, when the default "Do you want to delete …?" says too little. */
  question?: string;
  /** React Query keys to forget (the record) and to refresh (lists, code lookups). */
  removeQuery: readonly unknown[];
  invalidateQueries: readonly (readonly unknown[])[];
  /** The list to open after deleting. */
  listPath: string;
}

/**
 * Delete a record after asking, with the version read (If-Match): a record changed meanwhile or
 * still in use is refused, and the reason stays in the dialog. Deleted, the list shows next.
 */
export function DeleteButton({ target }: { target: DeleteTarget }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const t = useCaptions();
  // The record's caption as a title starts with it and as a sentence names it ("Customer", "customer").
  const record = t(target.caption);
  const names = { Record: record, record: record.toLowerCase(), no: target.key };
  const remove = useMutation({
    mutationFn: () => api.delete<void>(target.path, target.version),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: target.removeQuery });
      for (const queryKey of target.invalidateQueries) void queryClient.invalidateQueries({ queryKey });
      showNotice({ title: t('{{Record}} {{no}} deleted', names), color: 'teal', body: target.description });
      navigate(target.listPath, { replace: true });
    },
  });
  const close = () => {
    remove.reset();
    setAsking(false);
  };
  return (
    <>
      <Button variant="default" color="red" onClick={() => setAsking(true)}>{t('Delete')}</Button>
      <Modal opened={asking} onClose={close} title={t('Delete {{Record}} {{no}}', names)}>
        <Stack gap="sm">
          <Text size="sm">{target.question ?? t('Do you want to delete {{record}} {{no}} · {{description}}?', { ...names, description: target.description })}</Text>
          {remove.error && <Alert color="red" role="alert" title={t('The {{record}} was not deleted', names)}>{messageOf(remove.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{remove.error ? t('Close') : t('No')}</Button>
            <Button color="red" loading={remove.isPending} disabled={remove.error !== null} onClick={() => remove.mutate()} data-autofocus>{t('Yes')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** A master-data card's Delete (customers, items, vendors …). */
export function DeleteRecordButton<T extends CardRecord>({ spec, record }: { spec: RecordCardSpec<T>; record: T }) {
  return (
    <DeleteButton target={{
      caption: spec.caption, path: `${spec.resource}/${encodeKey(record.no)}`, version: record.version, key: record.no, description: record.name,
      removeQuery: [spec.queryKey, record.no], invalidateQueries: [['list', spec.resource]], listPath: spec.resource,
    }} />
  );
}
