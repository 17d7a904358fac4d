import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { fieldErrorsOfRequest, messageOf, type FieldErrors } from '../api/field-errors.ts';
import { useCaptions } from '../i18n/captions.ts';

/**
 * A dialog's one request: its field errors go on the dialog's `fields`, any other refusal is the
 * dialog's `failure`; done, the dialog closes. Closing forgets the last refusal.
 */
export function useDialogRequest<I>(request: (input: I) => Promise<unknown>, fields: readonly string[], onClose: () => void) {
  const mutation = useMutation({ mutationFn: request, onSuccess: () => close() });
  const errors: FieldErrors = fieldErrorsOfRequest(mutation.error);
  const onField = fields.some((field) => errors[field] !== undefined);
  function close() {
    mutation.reset();
    onClose();
  }
  return {
    submit: (input: I) => mutation.mutate(input),
    pending: mutation.isPending,
    errors,
    failure: mutation.error && !onField ? messageOf(mutation.error) : null,
    close,
  };
}

interface FormDialogProps {
  title: string;
  opened: boolean;
  onClose: () => void;
  submitLabel: string;
  pending: boolean;
  /** A refusal that names none of the dialog's fields. */
  failure: string | null;
  onSubmit: () => void;
  children: ReactNode;
  /** The modal's width, when its fields need more than the default. */
  size?: string;
}

/** The frame of a small action dialog: its fields, a refusal above them, Cancel and the action. */
export function FormDialog({ title, opened, onClose, submitLabel, pending, failure, onSubmit, children, size }: FormDialogProps) {
  const t = useCaptions();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t(title)} size={size}>
      <Stack component="form" gap="sm" onSubmit={submit}>
        {failure !== null && <Alert color="red" role="alert">{failure}</Alert>}
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('Cancel')}</Button>
          <Button type="submit" loading={pending}>{t(submitLabel)}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
