import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, encodeKey } from '../api/client.ts';
import type { CorrectionResult, PostedSalesHeader } from '../api/posting-types.ts';
import { useCaptions } from '../i18n/captions.ts';
import { showNotice } from '../layout/notices.ts';
import { documentKinds, documentPath } from '../sales/document-kinds.ts';
import { PostedDocumentLinks } from './posted-document-links.tsx';
import { postedDocumentKinds } from './posted-document-kinds.ts';

type Correction = CorrectionResult['action'];

interface PostedInvoiceActionsProps {
  header: PostedSalesHeader;
  onError: (error: unknown) => void;
}

/**
 * Cancel, Correct and Create Corrective Credit Memo on a posted sales invoice (corrections are new
 * documents, never edits). Cancel and Correct first ask the server what they would do (a dry run:
 * the checks, and for Correct which case applies, as BC's confirmation does) and show that answer
 * before doing it; Create Corrective Credit Memo only opens a new credit memo.
 */
export function PostedInvoiceActions({ header, onError }: PostedInvoiceActionsProps) {
  const t = useCaptions();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<CorrectionResult | null>(null);
  const url = (action: Correction) => `/postedSalesInvoices/${encodeKey(header.no)}/${action}`;
  const correction = useMutation({
    mutationFn: (action: Correction) => api.post<CorrectionResult>(url(action)),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const explain = useMutation({ mutationFn: (action: Correction) => api.post<CorrectionResult>(url(action), { dryRun: true }) });

  const afterwards = (result: CorrectionResult) => {
    if (result.postedCreditMemoNo) {
      showNotice({
        title: t('Posted sales invoice {{no}} cancelled', { no: header.no }), color: 'teal',
        body: (
          <Stack gap={4}>
            <PostedDocumentLinks documents={[{ kind: postedDocumentKinds.creditMemo, no: result.postedCreditMemoNo }]} />
            {result.nextStep !== 'editNewInvoice' && <Text size="sm" data-testid="correction-message">{result.message}</Text>}
          </Stack>
        ),
      });
    }
    const [orderNo] = result.orderNos;
    if (result.nextStep === 'editNewInvoice' && result.newInvoiceNo) navigate(documentPath(documentKinds.invoice, result.newInvoiceNo));
    if (result.nextStep === 'correctOrder' && orderNo) navigate(documentPath(documentKinds.order, orderNo));
    if (result.nextStep === 'editCreditMemo' && result.creditMemoNo) navigate(documentPath(documentKinds.creditMemo, result.creditMemoNo));
  };
  const run = async (action: Correction) => {
    setAsking(null);
    onError(null);
    try {
      afterwards(await correction.mutateAsync(action));
    } catch (error) {
      onError(error);
    }
  };
  const start = async (action: Correction) => {
    if (action === 'createCorrectiveCreditMemo') return run(action);
    onError(null);
    try {
      setAsking(await explain.mutateAsync(action));
    } catch (error) {
      onError(error);
    }
  };
  const settled = header.cancelled === true || header.corrective === true;
  const busy = correction.isPending || explain.isPending;
  const pending = (action: Correction) => (correction.isPending && correction.variables === action) || (explain.isPending && explain.variables === action);

  return (
    <>
      <Button variant="default" onClick={() => void start('cancel')} disabled={busy || settled} loading={pending('cancel')}>{t('Cancel')}</Button>
      <Button variant="default" onClick={() => void start('correct')} disabled={busy || settled} loading={pending('correct')}>{t('Correct')}</Button>
      <Button variant="default" onClick={() => void start('createCorrectiveCreditMemo')} disabled={busy || header.cancelled === true}
        loading={pending('createCorrectiveCreditMemo')}>{t('Create Corrective Credit Memo')}</Button>
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={asking?.action === 'correct' ? t('Correct posted invoice') : t('Cancel posted invoice')}>
        <Stack>
          <Text data-testid="correction-question">{asking ? `${asking.message} ${t('Do you want to continue?')}` : ''}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>{t('No')}</Button>
            <Button onClick={() => void run(asking!.action)} data-autofocus>{t('Yes')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
