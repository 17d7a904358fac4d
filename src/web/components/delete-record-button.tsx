import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, encodeKey } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { showNotice } from '../layout/notices.ts';
import type { CardRecord, RecordCardSpec } from './record-card.ts';

/**
 * Delete a card's record after asking, with the version read (If-Match): a record changed meanwhile
 * or still in use is refused, and the reason stays in the dialog. Deleted, the list shows next.
 */
export function DeleteRecordButton<T extends CardRecord>({ spec, record }: { spec: RecordCardSpec<T>; record: T }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const noun = spec.caption.toLowerCase();
  const remove = useMutation({
    mutationFn: () => api.delete<void>(`${spec.resource}/${encodeKey(record.no)}`, record.version),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: [spec.queryKey, record.no] });
      void queryClient.invalidateQueries({ queryKey: ['list', spec.resource] });
      showNotice({ title: `${spec.caption} ${record.no} deleted`, color: 'teal', body: record.name });
      navigate(spec.resource, { replace: true });
    },
  });
  const close = () => {
    remove.reset();
    setAsking(false);
  };
  return (
    <>
      <Button variant="default" color="red" onClick={() => setAsking(true)}>Delete</Button>
      <Modal opened={asking} onClose={close} title={`Delete ${spec.caption} ${record.no}`}>
        <Stack gap="sm">
          <Text size="sm">Do you want to delete {noun} {record.no} · {record.name}?</Text>
          {remove.error && <Alert color="red" role="alert" title={`The ${noun} was not deleted`}>{messageOf(remove.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{remove.error ? 'Close' : 'No'}</Button>
            <Button color="red" loading={remove.isPending} disabled={remove.error !== null} onClick={() => remove.mutate()} data-autofocus>Yes</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
