import { Button, Group, Modal, Stack, Text } from '@mantine/core';
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
 * Make Order and Make Invoice. When the setup's Archive Quotes is Question, asks first whether to
 * archive the quote, as BC does; then opens the new document.
 */
export function MakeFromQuote({ kind, no, busy, onError }: MakeFromQuoteProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const setup = useQuery({ queryKey: ['salesReceivablesSetup'], queryFn: () => api.get<SalesReceivablesSetup>('/salesReceivablesSetup') });
  const make = useMakeFromQuote(kind, no);
  const [asking, setAsking] = useState<Target | null>(null);

  const run = async (target: Target, archiveQuote?: boolean) => {
    setAsking(null);
    try {
      const created = await make.mutateAsync({ target, archiveQuote });
      const createdKind = documentKinds[target === 'Order' ? 'order' : 'invoice'];
      queryClient.setQueryData(documentQueryKey(createdKind, created.no), created);
      navigate(documentPath(createdKind, created.no));
    } catch (error) {
      onError(error);
    }
  };
  const start = (target: Target) => (setup.data?.archiveQuotes === 'question' ? setAsking(target) : void run(target));

  return (
    <>
      <Button onClick={() => start('Order')} disabled={busy || setup.isPending} loading={make.isPending && make.variables.target === 'Order'}>Make Order</Button>
      <Button variant="default" onClick={() => start('Invoice')} disabled={busy || setup.isPending} loading={make.isPending && make.variables.target === 'Invoice'}>Make Invoice</Button>
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={`Make ${asking ?? ''}`}>
        <Stack>
          <Text>Do you want to archive quote {no} before it becomes a sales {asking?.toLowerCase()}?</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>Cancel</Button>
            <Button variant="default" onClick={() => void run(asking!, false)}>No</Button>
            <Button onClick={() => void run(asking!, true)} data-autofocus>Yes</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
