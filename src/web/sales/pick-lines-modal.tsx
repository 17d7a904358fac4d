import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { messageOf } from '../api/field-errors.ts';
import { useCaptions } from '../i18n/captions.ts';

interface PickLinesModalProps {
  title: string;
  opened: boolean;
  onClose: () => void;
  /** The candidates' query: still loading, refused, or how many there are. */
  loading: boolean;
  loadError: unknown;
  count: number;
  emptyText: string;
  failure: unknown;
  submitting: boolean;
  canSubmit: boolean;
  onSubmit: () => void;
  children: ReactNode;
}

/** The frame of Get Shipment Lines and Get Posted Document Lines to Reverse: a list to pick from and OK. */
export function PickLinesModal(props: PickLinesModalProps) {
  const { title, opened, onClose, loading, loadError, count, emptyText, failure, submitting, canSubmit, onSubmit, children } = props;
  const t = useCaptions();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="xl">
      <Stack gap="sm">
        {loadError !== null && <Alert color="red" role="alert">{messageOf(loadError)}</Alert>}
        {failure !== null && <Alert color="red" role="alert">{messageOf(failure)}</Alert>}
        {loading ? <Loader /> : count === 0 && loadError === null ? <Text c="dimmed">{emptyText}</Text> : children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('Cancel')}</Button>
          <Button onClick={onSubmit} loading={submitting} disabled={!canSubmit}>{t('OK')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
