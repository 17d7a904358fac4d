import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { dec } from '../../core/money/decimal.ts';
import { api, encodeKey } from '../api/client.ts';
import type { PostedSalesLine, UndoShipmentResult } from '../api/posting-types.ts';
import { Link } from 'react-router';
import { showNotice } from '../layout/notices.ts';
import { useCaptions } from '../i18n/captions.ts';
import { documentKinds, documentPath } from '../sales/document-kinds.ts';

interface UndoShipmentButtonProps {
  shipmentNo: string;
  line: PostedSalesLine;
  position: number;
  onError: (error: unknown) => void;
}

/** Whether a shipment line can still be undone: an item or account line, not itself a correction, not invoiced. */
function undoable(line: PostedSalesLine): boolean {
  return line.type !== 'comment' && !line.correction && !dec(line.quantity).isZero() && dec(line.quantityInvoiced).isZero();
}

/** BC's Undo Shipment of one line: a correction line reverses it and the order's quantities come back. */
export function UndoShipmentButton({ shipmentNo, line, position, onError }: UndoShipmentButtonProps) {
  const t = useCaptions();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const undo = useMutation({
    mutationFn: () => api.post<UndoShipmentResult>(`/postedSalesShipments/${encodeKey(shipmentNo)}/undo`, { lineNos: [line.lineNo] }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const run = async () => {
    setAsking(false);
    onError(null);
    try {
      const result = await undo.mutateAsync();
      showNotice({
        title: t('Shipment undone'), color: 'teal',
        body: (
          <>
            {t('Line {{position}} of shipment {{shipmentNo}} ({{no}}) was reversed;', { position, shipmentNo, no: line.no })}{' '}
            <Anchor component={Link} to={documentPath(documentKinds.order, result.orderNo)} size="sm">{t('order {{no}}', { no: result.orderNo })}</Anchor>{' '}
            {t('can ship it again.')}
          </>
        ),
      });
    } catch (error) {
      onError(error);
    }
  };
  if (!undoable(line)) return null;
  return (
    <>
      <Button size="compact-xs" variant="default" onClick={() => setAsking(true)} loading={undo.isPending} aria-label={t('{{column}}, line {{position}}', { column: t('Undo Shipment'), position })}>
        {t('Undo Shipment')}
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('Undo Shipment')}>
        <Stack>
          <Text>{t('Do you really want to undo the shipment of line {{position}} ({{no}} {{description}})?', { position, no: line.no, description: line.description })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>{t('No')}</Button>
            <Button onClick={() => void run()} data-autofocus>{t('Yes')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
