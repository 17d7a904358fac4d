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

interface SendEmailButtonProps {
  resource: string;
  no: string;
  action: SendAction;
  label: string;
  disabled?: boolean;
  onError: (error: unknown) => void;
  onSent?: (result: SendResult) => void;
}

export function SendEmailButton({ resource, no, action, label, disabled, onError, onSent }: SendEmailButtonProps) {
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
    onError,
  });
  return (
    <>
      <Button variant="default" onClick={() => start.mutate()} loading={start.isPending} disabled={disabled}>{label}</Button>
      {sent && (
        <Alert color={sent.message.status === 'failed' ? 'orange' : 'green'} role="status" withCloseButton onClose={() => setSent(null)}>
          {sent.message.status === 'failed'
            ? `The email is in the outbox but cannot be sent: ${sent.message.lastError}`
            : `The email to ${sent.message.to} is in the outbox and will be sent in a moment. No. Printed: ${sent.noPrinted}.`}
        </Alert>
      )}
      {dialog && <EmailDialog resource={resource} no={no} action={action} draft={dialog.draft} onClose={() => setDialog(null)} onSent={done} />}
    </>
  );
}

interface EmailDialogProps { resource: string; no: string; action: SendAction; draft: EmailDraftView | null; onClose: () => void; onSent: (result: SendResult) => void }

/** The email editor: the defaults of §21.3 filled in, each one editable; the body left blank sends the standard body. */
export function EmailDialog({ resource, no, action, draft, onClose, onSent }: EmailDialogProps) {
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
  const title = action === 'postAndSend' ? 'Post and Send' : 'Send Email';
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack component="form" gap="sm" onSubmit={submit} aria-label="Email">
        {send.error && !fieldError && <Alert color="red" role="alert">{messageOf(send.error)}</Alert>}
        {draft?.profile.code && <Text size="sm" c="dimmed">Document sending profile: {draft.profile.code} ({draft.profile.source})</Text>}
        <TextInput label="To" value={to} onChange={(event) => setTo(event.currentTarget.value)} error={errors.to}
          description={draft ? 'Separate addresses with ;' : 'Leave empty to send to the customer\'s email address, as its document sending profile says; separate addresses with ;'} />
        <TextInput label="Cc" value={cc} onChange={(event) => setCc(event.currentTarget.value)} error={errors.cc} />
        <TextInput label="Subject" value={subject} onChange={(event) => setSubject(event.currentTarget.value)}
          placeholder={posting ? 'Leave empty for "<Company> - <Document> <posted No.>"' : ''} />
        <Textarea label="Body" value={body} onChange={(event) => setBody(event.currentTarget.value)} autosize minRows={3}
          placeholder="Leave empty to send the standard text with the lines, the totals and the payment link" />
        <div>
          <Text size="sm" fw={500}>Attachments</Text>
          {posting
            ? <Text size="sm" data-attachment>The posted document as PDF</Text>
            : (draft?.attachmentNames ?? []).map((name) => <Text key={name} size="sm" data-attachment>{name}</Text>)}
        </div>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button type="submit" loading={send.isPending}>Send</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
