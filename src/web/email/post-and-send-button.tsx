/**
 * Post and Send (spec §21.2) on a sales invoice or order: posts it and mails the posted invoice in
 * one transaction, through the email dialog unless the customer's sending profile says "Use
 * Default Settings"; then opens the posted invoice, since the draft is gone.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { SendEmailButton } from './send-email-button.tsx';

export function PostAndSendButton({ resource, no, disabled, onError }: { resource: string; no: string; disabled?: boolean; onError: (error: unknown) => void }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  return (
    <SendEmailButton resource={resource} no={no} action="postAndSend" label="Post and Send…" disabled={disabled} onError={onError}
      onSent={(result) => {
        void client.invalidateQueries();
        if (result.postedDocumentNo) void navigate(`/posted/invoices/${encodeURIComponent(result.postedDocumentNo)}`);
      }} />
  );
}
