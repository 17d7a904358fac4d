import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import type { SalesReceivablesSetup } from '../api/types.ts';
import { documentKinds, documentPath, type DocumentKind } from './document-kinds.ts';
import { documentQueryKey, useMakeFromQuote } from './use-sales-document.ts';

type Target = 'Order' | 'Invoice';

interface MakeFromQuoteProps {
  kind: DocumentKind;
  no: string;
  busy: boolean;
  onError: (error: unknown) => void;
}

/**
 * Make Order and Make Invoice, as BC's Yes/No codeunits: asks first whether to convert the quote
 * (and, when the setup's Archive Quotes is Question, whether to archive it), then opens the new
 * document. A refusal (an empty or expired quote, a blocked customer) shows above the page.
 */
export function MakeFromQuote({ kind, no, busy, onError }: MakeFromQuoteProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const setup = useQuery({ queryKey: ['salesReceivablesSetup'], queryFn: () => api.get<SalesReceivablesSetup>('/salesReceivablesSetup') });
  const make = useMakeFromQuote(kind, no);
  const [asking, setAsking] = useState<Target | null>(null);
  const [archive, setArchive] = useState(true);
  const askArchive = setup.data?.archiveQuotes === 'question';

  const run = async (target: Target) => {
    setAsking(null);
    try {
      const created = await make.mutateAsync({ target, archiveQuote: askArchive ? archive : undefined });
      const createdKind = documentKinds[target === 'Order' ? 'order' : 'invoice'];
      queryClient.setQueryData(documentQueryKey(createdKind, created.no), created);
      navigate(documentPath(createdKind, created.no));
    } catch (error) {
      onError(error);
    }
  };
  const start = (target: Target) => {
    setArchive(true);
    setAsking(target);
  };

  return (
    <>
      <Button onClick={() => start('Order')} disabled={busy || setup.isPending} loading={make.isPending && make.variables.target === 'Order'}>Make Order</Button>
      <Button variant="default" onClick={() => start('Invoice')} disabled={busy || setup.isPending} loading={make.isPending && make.variables.target === 'Invoice'}>Make Invoice</Button>
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={`Make ${asking ?? ''}`}>
        <Stack>
          <Text>Do you want to convert quote {no} to a sales {asking?.toLowerCase()}? The quote is deleted and the new {asking?.toLowerCase()} opens.</Text>
          {askArchive && <Checkbox label={`Archive quote ${no} first`} checked={archive} onChange={(event) => setArchive(event.currentTarget.checked)} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>No</Button>
            <Button onClick={() => void run(asking!)} data-autofocus>Yes</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
