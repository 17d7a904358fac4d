import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { messageOf } from '../api/field-errors.ts';
import { useCaptions } from '../i18n/captions.ts';

interface ConfirmDeleteModalProps {
  opened: boolean;
  title: string;
  question: ReactNode;
  /** Shown above the server's reason when the delete is refused. */
  refusedTitle: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Do you want to delete …?" with Yes/No; a refusal stays open with its reason and a Close button. */
export function ConfirmDeleteModal({ opened, title, question, refusedTitle, pending, error, onConfirm, onClose }: ConfirmDeleteModalProps) {
  const t = useCaptions();
  const refused = error !== null && error !== undefined;
  return (
    <Modal opened={opened} onClose={onClose} title={t(title)}>
      <Stack gap="sm">
        <Text size="sm">{question}</Text>
        {refused && <Alert color="red" role="alert" title={t(refusedTitle)}>{messageOf(error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{refused ? t('Close') : t('No')}</Button>
          <Button color="red" loading={pending} disabled={refused} onClick={onConfirm} data-autofocus>{t('Yes')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
