import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { showNotice } from '../layout/notices.ts';
import type { DocumentKind } from './document-kinds.ts';
import { refreshDocumentLists } from './use-sales-document.ts';

/** "No blanket sales order was deleted." / "1 blanket sales order deleted: BO0001." */
export function deletedBlanketOrdersMessage(deleted: readonly string[]): string {
  if (deleted.length === 0) return 'No blanket sales order was deleted: none is shipped and invoiced in full with nothing linked to it any more.';
  return `${deleted.length} blanket sales order${deleted.length === 1 ? '' : 's'} deleted: ${deleted.join(', ')}.`;
}

/**
 * Delete Invoiced Blanket Sales Orders (spec §14.4; BC report 291), on the list: after a
 * confirmation, deletes the blanket orders shipped and invoiced in full to which no unposted line
 * is linked, and reports how many went.
 */
export function BlanketDeleteInvoiced({ kind }: { kind: DocumentKind }) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.post<{ deleted: string[] }>(`/${kind.resource}/deleteInvoiced`),
    onSuccess: () => refreshDocumentLists(queryClient),
  });

  const run = async () => {
    setAsking(false);
    try {
      const { deleted } = await remove.mutateAsync();
      showNotice({ title: 'Delete Invoiced Blanket Orders', color: deleted.length === 0 ? 'blue' : 'teal', body: <Text size="sm">{deletedBlanketOrdersMessage(deleted)}</Text> });
    } catch (error) {
      showNotice({ title: 'Delete Invoiced Blanket Orders', color: 'red', body: <Text size="sm">{messageOf(error)}</Text> });
    }
  };

  return (
    <>
      <Button variant="default" onClick={() => setAsking(true)} loading={remove.isPending}>Delete Invoiced Blanket Orders…</Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title="Delete Invoiced Blanket Orders">
        <Stack>
          <Text size="sm">Delete every blanket sales order whose lines are shipped and invoiced in full and to which no unposted order or invoice line is linked?</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>Cancel</Button>
            <Button color="red" onClick={() => void run()} data-autofocus>Delete</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
