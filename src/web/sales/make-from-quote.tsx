import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { runWithBanner, type BannerSetter } from '../components/banner-action.ts';
import type { SalesReceivablesSetup } from '../api/types.ts';
import { useCaptions } from '../i18n/captions.ts';
import { documentKinds, documentPath, type DocumentKind } from './document-kinds.ts';
import { documentQueryKey, useMakeFromQuote } from './use-sales-document.ts';

type Target = 'Order' | 'Invoice';

/** The button (and dialog title) and the question of each target, English captions shown through t(). */
const targetCaptions: Readonly<Record<Target, { action: string; question: string }>> = {
  Order: {
    action: 'Make Order',
    question: 'Do you want to convert quote {{no}} to a sales order? The quote is deleted and the new order opens.',
  },
  Invoice: {
    action: 'Make Invoice',
    question: 'Do you want to convert quote {{no}} to a sales invoice? The quote is deleted and the new invoice opens.',
  },
};

interface MakeFromQuoteProps {
  kind: DocumentKind;
  no: string;
  busy: boolean;
  /** The page's banner: cleared when Make Order or Make Invoice starts, set by a refusal. */
  onError: BannerSetter;
}

/**
 * Make Order and Make Invoice, as BC's Yes/No codeunits: asks first whether to convert the quote
 * (and, when the setup's Archive Quotes is Question, whether to archive it), then opens the new
 * document. A refusal (an empty or expired quote, a blocked customer) shows above the page.
 */
export function MakeFromQuote({ kind, no, busy, onError }: MakeFromQuoteProps) {
  const t = useCaptions();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const setup = useQuery({ queryKey: ['salesReceivablesSetup'], queryFn: () => api.get<SalesReceivablesSetup>('/salesReceivablesSetup') });
  const make = useMakeFromQuote(kind, no);
  const [asking, setAsking] = useState<Target | null>(null);
  const [archive, setArchive] = useState(true);
  const askArchive = setup.data?.archiveQuotes === 'question';

  const run = (target: Target) => {
    setAsking(null);
    return runWithBanner(onError, async () => {
      const created = await make.mutateAsync({ target, archiveQuote: askArchive ? archive : undefined });
      const createdKind = documentKinds[target === 'Order' ? 'order' : 'invoice'];
      queryClient.setQueryData(documentQueryKey(createdKind, created.no), created);
      navigate(documentPath(createdKind, created.no));
    });
  };
  const start = (target: Target) => {
    setArchive(true);
    setAsking(target);
  };

  return (
    <>
      <Button onClick={() => start('Order')} disabled={busy || setup.isPending} loading={make.isPending && make.variables.target === 'Order'}>{t(targetCaptions.Order.action)}</Button>
      <Button variant="default" onClick={() => start('Invoice')} disabled={busy || setup.isPending} loading={make.isPending && make.variables.target === 'Invoice'}>{t(targetCaptions.Invoice.action)}</Button>
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={asking ? t(targetCaptions[asking].action) : ''}>
        <Stack>
          <Text>{asking && t(targetCaptions[asking].question, { no })}</Text>
          {askArchive && <Checkbox label={t('Archive quote {{no}} first', { no })} checked={archive} onChange={(event) => setArchive(event.currentTarget.checked)} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>{t('No')}</Button>
            <Button onClick={() => void run(asking!)} data-autofocus>{t('Yes')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
