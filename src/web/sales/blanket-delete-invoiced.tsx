import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import { showNotice } from '../layout/notices.ts';
import type { DocumentKind } from './document-kinds.ts';
import { refreshDocumentLists } from './use-sales-document.ts';

/** "No blanket sales order was deleted." / "1 blanket sales order deleted: BO0001." */
export function deletedBlanketOrdersMessage(deleted: readonly string[]): string {
  if (deleted.length === 0) return caption('No blanket sales order was deleted: none is shipped and invoiced in full with nothing linked to it any more.');
  const values = { number: deleted.length, orders: deleted.join(', ') };
  return deleted.length === 1 ? caption('{{number}} blanket sales order deleted: {{orders}}.', values) : caption('{{number}} blanket sales orders deleted: {{orders}}.', values);
}

/**
 * Delete Invoiced Blanket Sales Orders (spec §14.4; BC report 291), on the list: after a
 * confirmation, deletes the blanket orders shipped and invoiced in full to which no unposted line
 * is linked, and reports how many went.
 */
export function BlanketDeleteInvoiced({ kind }: { kind: DocumentKind }) {
  const t = useCaptions();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const title = t('Delete Invoiced Blanket Orders');
  const remove = useMutation({
    mutationFn: () => api.post<{ deleted: string[] }>(`/${kind.resource}/deleteInvoiced`),
    onSuccess: () => refreshDocumentLists(queryClient),
  });

  const run = async () => {
    setAsking(false);
    try {
      const { deleted } = await remove.mutateAsync();
      showNotice({ title, color: deleted.length === 0 ? 'blue' : 'teal', body: <Text size="sm">{deletedBlanketOrdersMessage(deleted)}</Text> });
    } catch (error) {
      showNotice({ title, color: 'red', body: <Text size="sm">{messageOf(error)}</Text> });
    }
  };

  return (
    <>
      <Button variant="default" onClick={() => setAsking(true)} loading={remove.isPending}>{title}…</Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={title}>
        <Stack>
          <Text size="sm">
            {t('Delete every blanket sales order whose lines are shipped and invoiced in full and to which no unposted order or invoice line is linked?')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>{t('Cancel')}</Button>
            <Button color="red" onClick={() => void run()} data-autofocus>{t('Delete')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
