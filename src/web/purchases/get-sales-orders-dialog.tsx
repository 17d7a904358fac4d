import { Group, Radio } from '@mantine/core';
import { useState } from 'react';
import { FormDialog, useDialogRequest } from '../components/form-dialog.tsx';
import { RecordLookup } from '../components/record-lookup.tsx';
import { purchasingKindCaptions, purchasingKinds, type PurchasingKind } from '../sales/purchasing.ts';
import type { DocumentChange } from '../sales/use-sales-document.ts';
import { salesOrderLookup } from './purchase-lookups.ts';
import { useCaptions } from '../i18n/captions.ts';

interface GetSalesOrdersDialogProps {
  opened: boolean;
  onClose: () => void;
  send: (change: DocumentChange) => Promise<unknown>;
}

interface GetSalesOrdersInput { salesOrderNo: string; kind: PurchasingKind }

/**
 * BC's Drop Shipment / Special Order → Get Sales Orders on a purchase order: a line for each of the
 * sales order's lines of that kind not yet bought, linked both ways; the order answers with its new lines.
 */
export function GetSalesOrdersDialog({ opened, onClose, send }: GetSalesOrdersDialogProps) {
  const t = useCaptions();
  const [kind, setKind] = useState<PurchasingKind>('dropShipment');
  const [salesOrderNo, setSalesOrderNo] = useState('');
  const request = useDialogRequest((body: GetSalesOrdersInput) => send({ method: 'POST', path: '/getSalesOrders', body }), ['salesOrderNo'], onClose);
  return (
    <FormDialog title={t('Get Sales Orders')} opened={opened} onClose={request.close} submitLabel="Get Sales Orders" pending={request.pending}
      failure={request.failure} onSubmit={() => request.submit({ salesOrderNo: salesOrderNo.trim(), kind })}>
      <Radio.Group label={t('Type')} value={kind} onChange={(value) => setKind(value as PurchasingKind)}>
        <Group gap="md" mt={4}>
          {purchasingKinds.map((value) => <Radio key={value} value={value} label={t(purchasingKindCaptions[value])} />)}
        </Group>
      </Radio.Group>
      <RecordLookup source={salesOrderLookup} value={salesOrderNo} onChange={setSalesOrderNo} onCommit={setSalesOrderNo}
        inputProps={{ label: t('Sales Order No.'), error: request.errors.salesOrderNo, 'data-autofocus': true }} />
    </FormDialog>
  );
}
