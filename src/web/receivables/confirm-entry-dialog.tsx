import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { DateField } from '../components/date-field.tsx';
import { useCaptions } from '../i18n/captions.ts';

interface ConfirmEntryDialogProps {
  title: string;
  question: string;
  /** Offer a Posting Date (left blank: the server's default). */
  withPostingDate?: boolean;
  confirmLabel: string;
  busy: boolean;
  onConfirm: (postingDate: string | null) => void;
  onClose: () => void;
  /** A second action beside the confirmation, e.g. Preview; it gets the same Posting Date. */
  secondary?: { label: string; busy: boolean; onClick: (postingDate: string | null) => void };
  /** Out of sight while another dialog (the preview) is open over it, keeping what was entered. */
  hidden?: boolean;
}

/** BC's confirmation before Unapply and Reverse: they post new entries, so nothing happens without a Yes. */
export function ConfirmEntryDialog({ title, question, withPostingDate = false, confirmLabel, busy, onConfirm, onClose, secondary, hidden = false }: ConfirmEntryDialogProps) {
  const t = useCaptions();
  const [postingDate, setPostingDate] = useState<string | null>(null);
  return (
    <Modal opened={!hidden} onClose={onClose} title={title}>
      <Stack gap="sm">
        <Text size="sm" data-testid="entry-action-question">{question}</Text>
        {withPostingDate && (
          <div style={{ width: 160 }}>
            <DateField label={t('Posting Date')} value={postingDate} onCommit={setPostingDate} />
            <Text size="xs" c="dimmed">{t("Left blank: the application's posting date.")}</Text>
          </div>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('No')}</Button>
          {secondary && <Button variant="light" loading={secondary.busy} onClick={() => secondary.onClick(postingDate)}>{secondary.label}</Button>}
          <Button data-autofocus loading={busy} onClick={() => onConfirm(postingDate)}>{confirmLabel}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
