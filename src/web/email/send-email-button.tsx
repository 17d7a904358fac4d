/**
 * Send by Email / Send / Post and Send (spec §21.2): asks the server for the email the document
 * would get, then — with a sending profile set to "Use Default Settings" on Send — sends at once,
 * else opens the email dialog (To, Cc, Subject, Body, attachments) first ("Prompt for Settings").
 */
import { Alert, Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrorsOfRequest, messageOf } from '../api/field-errors.ts';
import { fetchDraft, sendDocument, type EmailDraftView, type SendAction, type SendResult } from './email-api.ts';
import { hasEmailDraft } from './send-actions.ts';
import { useCaptions } from '../i18n/captions.ts';

interface SendEmailButtonProps {
  resource: string;
  no: string;
  action: SendAction;
  label: string;
  disabled?: boolean;
  /** The refusal, for the page's banner; null when the button is pressed again, which clears it. */
  onError: (error: unknown) => void;
  onSent?: (result: SendResult) => void;
}

export function SendEmailButton({ resource, no, action, label, disabled, onError, onSent }: SendEmailButtonProps) {
  const t = useCaptions();
  // The dialog, open with the server's draft, or with none where the API has no draft (an unposted credit memo).
  const [dialog, setDialog] = useState<{ draft: EmailDraftView | null } | null>(null);
  const [sent, setSent] = useState<SendResult | null>(null);
  const done = (result: SendResult) => {
    setDialog(null);
    setSent(result);
    onSent?.(result);
  };
  const start = useMutation({
    mutationFn: async () => {
      if (!hasEmailDraft(resource)) {
        setSent(null);
        setDialog({ draft: null });
        return;
      }
      const next = await fetchDraft(resource, no);
      if (action !== 'sendByEmail' && next.profile.email === 'useDefaultSettings') {
        done(await sendDocument(resource, no, action, { idempotencyKey: crypto.randomUUID() }));
        return;
      }
      setSent(null);
      setDialog({ draft: next });
    },
    onMutate: () => onError(null),
    onError,
  });
  return (
    <>
      <Button variant="default" onClick={() => start.mutate()} loading={start.isPending} disabled={disabled}>{label}</Button>
      {sent && (
        <Alert color={sent.message.status === 'failed' ? 'orange' : 'green'} role="status" withCloseButton onClose={() => setSent(null)}>
          {sent.message.status === 'failed'
            ? t('The email is in the outbox but cannot be sent: {{error}}', { error: sent.message.lastError })
            : t('The email to {{to}} is in the outbox and will be sent in a moment. No. Printed: {{printed}}.', { to: sent.message.to, printed: sent.noPrinted })}
        </Alert>
      )}
      {dialog && <EmailDialog resource={resource} no={no} action={action} draft={dialog.draft} onClose={() => setDialog(null)} onSent={done} />}
    </>
  );
}

interface EmailDialogProps { resource: string; no: string; action: SendAction; draft: EmailDraftView | null; onClose: () => void; onSent: (result: SendResult) => void }

/** The email editor: the defaults of §21.3 filled in, each one editable; the body left blank sends the standard body. */
export function EmailDialog({ resource, no, action, draft, onClose, onSent }: EmailDialogProps) {
  const t = useCaptions();
  const [to, setTo] = useState(draft?.to ?? '');
  const [cc, setCc] = useState(draft?.cc ?? '');
  // Post and Send mails the posted document, whose number is drawn when it posts: its defaults apply.
  const posting = action === 'postAndSend';
  const [subject, setSubject] = useState(posting ? '' : draft?.subject ?? '');
  const [body, setBody] = useState('');
  // One dialog, one send: a second click (or a lost answer) cannot send the email twice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const send = useMutation({
    mutationFn: () => sendDocument(resource, no, action, { to, cc, idempotencyKey, ...(subject.trim() ? { subject } : {}), ...(body.trim() ? { body } : {}) }),
    onSuccess: onSent,
  });
  const errors = fieldErrorsOfRequest(send.error);
  const fieldError = errors.to ?? errors.cc;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  const title = action === 'postAndSend' ? t('Post and Send') : t('Send Email');
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack component="form" gap="sm" onSubmit={submit} aria-label={t('Email')}>
        {send.error && !fieldError && <Alert color="red" role="alert">{messageOf(send.error)}</Alert>}
        {draft?.profile.code && <Text size="sm" c="dimmed">{t('Document sending profile:')} {draft.profile.code} ({draft.profile.source})</Text>}
        <TextInput label={t('To')} value={to} onChange={(event) => setTo(event.currentTarget.value)} error={errors.to}
          description={draft ? t('Separate addresses with ;') : t('Leave empty to send to the customer\'s email address, as its document sending profile says; separate addresses with ;')} />
        <TextInput label={t('Cc')} value={cc} onChange={(event) => setCc(event.currentTarget.value)} error={errors.cc} />
        <TextInput label={t('Subject')} value={subject} onChange={(event) => setSubject(event.currentTarget.value)}
          placeholder={posting ? t('Leave empty for "<Company> - <Document> <posted No.>"') : ''} />
        <Textarea label={t('Body')} value={body} onChange={(event) => setBody(event.currentTarget.value)} autosize minRows={3}
          placeholder={t('Leave empty to send the standard text with the lines, the totals and the payment link')} />
        <div>
          <Text size="sm" fw={500}>{t('Attachments')}</Text>
          {posting
            ? <Text size="sm" data-attachment>{t('The posted document as PDF')}</Text>
            : (draft?.attachmentNames ?? []).map((name) => <Text key={name} size="sm" data-attachment>{name}</Text>)}
        </div>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('Cancel')}</Button>
          <Button type="submit" loading={send.isPending}>{t('Send')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
