import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { PostRequest } from '../api/posting-types.ts';
import { useCaptions } from '../i18n/captions.ts';
import type { AnyDocumentKind } from './document-kinds.ts';
import { postingChoices } from './posting-options.ts';

interface PostDialogProps {
  kind: AnyDocumentKind;
  no: string;
  /** Post, or Preview Posting (which asks the same question and keeps nothing). */
  purpose: 'post' | 'preview';
  opened: boolean;
  onClose: () => void;
  onConfirm: (request: PostRequest) => void;
}

/** Ship / Invoice / Ship and Invoice (Receive … for return orders); for an invoice or credit memo, a confirmation. */
export function PostDialog({ kind, no, purpose, opened, onClose, onConfirm }: PostDialogProps) {
  const t = useCaptions();
  const choices = postingChoices(kind);
  const [choice, setChoice] = useState(choices.at(-1)?.value ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(choices.find((candidate) => candidate.value === choice)?.request ?? {});
  };
  const values = { document: t(kind.caption), no };
  const title = purpose === 'post' ? t('Post {{document}} {{no}}', values) : t('Preview Posting – {{document}} {{no}}', values);
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack component="form" onSubmit={submit} gap="md" aria-label={title}>
        {choices.length > 0 ? (
          <Radio.Group label={t('Post as')} value={choice} onChange={setChoice}>
            <Stack gap="xs" mt="xs">
              {choices.map((candidate) => <Radio key={candidate.value} value={candidate.value} label={t(candidate.label)} />)}
            </Stack>
          </Radio.Group>
        ) : (
          <Text>{t('Do you want to post the {{document}}?', { document: t(kind.caption).toLowerCase() })}</Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('Cancel')}</Button>
          <Button type="submit" data-autofocus>{purpose === 'post' ? (choices.length > 0 ? t('OK') : t('Yes')) : t('Preview')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
