/**
 * Post and Send (spec §21.2) on a sales invoice, order or credit memo: posts it and mails the posted
 * invoice (credit memo) in one transaction, through the email dialog unless the customer's sending
 * profile says "Use Default Settings"; then opens the posted document, since the draft is gone.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { DocumentKindType } from '../sales/document-kinds.ts';
import { postedDocumentPathAfterPostAndSend } from './send-actions.ts';
import { SendEmailButton } from './send-email-button.tsx';
import { useCaptions } from '../i18n/captions.ts';

interface PostAndSendButtonProps { kind: DocumentKindType; resource: string; no: string; disabled?: boolean; onError: (error: unknown) => void }

export function PostAndSendButton({ kind, resource, no, disabled, onError }: PostAndSendButtonProps) {
  const t = useCaptions();
  const navigate = useNavigate();
  const client = useQueryClient();
  return (
    <SendEmailButton resource={resource} no={no} action="postAndSend" label={t('Post and Send…')} disabled={disabled} onError={onError}
      onSent={(result) => {
        void client.invalidateQueries();
        if (result.postedDocumentNo) void navigate(postedDocumentPathAfterPostAndSend(kind, result.postedDocumentNo));
      }} />
  );
}
