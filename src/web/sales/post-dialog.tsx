import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { PostRequest } from '../api/posting-types.ts';
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
  const choices = postingChoices(kind);
  const [choice, setChoice] = useState(choices.at(-1)?.value ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(choices.find((candidate) => candidate.value === choice)?.request ?? {});
  };
  const title = purpose === 'post' ? `Post ${kind.caption} ${no}` : `Preview Posting – ${kind.caption} ${no}`;
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack component="form" onSubmit={submit} gap="md" aria-label={title}>
        {choices.length > 0 ? (
          <Radio.Group label="Post as" value={choice} onChange={setChoice}>
            <Stack gap="xs" mt="xs">
              {choices.map((candidate) => <Radio key={candidate.value} value={candidate.value} label={candidate.label} />)}
            </Stack>
          </Radio.Group>
        ) : (
          <Text>Do you want to post the {kind.caption.toLowerCase()}?</Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" data-autofocus>{purpose === 'post' ? (choices.length > 0 ? 'OK' : 'Yes') : 'Preview'}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
