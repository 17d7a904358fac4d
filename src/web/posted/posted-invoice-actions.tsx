import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, encodeKey } from '../api/client.ts';
import type { CorrectionResult, PostedSalesHeader } from '../api/posting-types.ts';
import { showNotice } from '../layout/notices.ts';
import { documentKinds, documentPath } from '../sales/document-kinds.ts';
import { PostedDocumentLinks } from './posted-document-links.tsx';
import { postedDocumentKinds } from './posted-document-kinds.ts';

type Correction = 'cancel' | 'correct' | 'createCorrectiveCreditMemo';

/** What BC asks before Cancel and Correct; Create Corrective Credit Memo only opens a new credit memo. */
const questions: Readonly<Record<Correction, string | null>> = {
  cancel: 'The posted sales invoice will be cancelled by a credit memo that is posted at once. Do you want to continue?',
  correct: 'The posted sales invoice will be cancelled by a posted credit memo, and a new sales invoice with the same lines opens for you to correct. Do you want to continue?',
  createCorrectiveCreditMemo: null,
};

interface PostedInvoiceActionsProps {
  header: PostedSalesHeader;
  onError: (error: unknown) => void;
}

/** Cancel, Correct and Create Corrective Credit Memo on a posted sales invoice (corrections are new documents, never edits). */
export function PostedInvoiceActions({ header, onError }: PostedInvoiceActionsProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<Correction | null>(null);
  const correction = useMutation({
    mutationFn: (action: Correction) => api.post<CorrectionResult>(`/postedSalesInvoices/${encodeKey(header.no)}/${action}`),
    onSuccess: () => queryClient.invalidateQueries(),
  });

  const run = async (action: Correction) => {
    setAsking(null);
    onError(null);
    try {
      const result = await correction.mutateAsync(action);
      if (result.postedCreditMemoNo) {
        showNotice({
          title: `Posted sales invoice ${header.no} cancelled`, color: 'teal',
          body: <PostedDocumentLinks documents={[{ kind: postedDocumentKinds.creditMemo, no: result.postedCreditMemoNo }]} />,
        });
      }
      if (action === 'correct' && result.newInvoiceNo) navigate(documentPath(documentKinds.invoice, result.newInvoiceNo));
      if (action === 'createCorrectiveCreditMemo' && result.creditMemoNo) navigate(documentPath(documentKinds.creditMemo, result.creditMemoNo));
    } catch (error) {
      onError(error);
    }
  };
  const start = (action: Correction) => (questions[action] ? setAsking(action) : void run(action));
  const settled = header.cancelled === true || header.corrective === true;
  const busy = correction.isPending;

  return (
    <>
      <Button variant="default" onClick={() => start('cancel')} disabled={busy || settled} loading={busy && correction.variables === 'cancel'}>Cancel</Button>
      <Button variant="default" onClick={() => start('correct')} disabled={busy || settled} loading={busy && correction.variables === 'correct'}>Correct</Button>
      <Button variant="default" onClick={() => start('createCorrectiveCreditMemo')} disabled={busy || header.cancelled === true}
        loading={busy && correction.variables === 'createCorrectiveCreditMemo'}>Create Corrective Credit Memo</Button>
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={asking === 'correct' ? 'Correct posted invoice' : 'Cancel posted invoice'}>
        <Stack>
          <Text>{asking ? questions[asking] : ''}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>No</Button>
            <Button onClick={() => void run(asking!)} data-autofocus>Yes</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
