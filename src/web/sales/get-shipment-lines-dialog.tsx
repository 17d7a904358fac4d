import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, encodeKey } from '../api/client.ts';
import type { ShipmentLineCandidate } from '../api/posting-types.ts';
import type { SalesDocument } from '../api/types.ts';
import { SelectionTable, type SelectionColumn } from '../components/selection-table.tsx';
import type { SupportedLocale } from '../format/locales.ts';
import { formatQuantity } from '../format/numbers.ts';
import type { DocumentKind } from './document-kinds.ts';
import { PickLinesModal } from './pick-lines-modal.tsx';
import type { DocumentChange } from './use-sales-document.ts';

interface GetShipmentLinesDialogProps {
  kind: DocumentKind;
  document: SalesDocument;
  opened: boolean;
  onClose: () => void;
  send: (change: DocumentChange) => Promise<SalesDocument>;
  locale: SupportedLocale;
}

const keyOf = (line: ShipmentLineCandidate) => `${line.documentNo}:${line.lineNo}`;

function columns(locale: SupportedLocale): SelectionColumn<ShipmentLineCandidate>[] {
  return [
    { key: 'documentNo', label: 'Shipment No.', render: (line) => line.documentNo },
    { key: 'sourceDocumentNo', label: 'Order No.', render: (line) => line.sourceDocumentNo ?? '' },
    { key: 'no', label: 'No.', render: (line) => line.no },
    { key: 'description', label: 'Description', render: (line) => line.description },
    { key: 'quantity', label: 'Quantity', numeric: true, render: (line) => formatQuantity(line.quantity, locale) },
    { key: 'quantityNotInvoiced', label: 'Qty. Shipped Not Invoiced', numeric: true, render: (line) => formatQuantity(line.quantityNotInvoiced, locale) },
  ];
}

/** BC's Get Shipment Lines: the customer's shipped, not yet invoiced lines become lines of this invoice. */
export function GetShipmentLinesDialog({ kind, document, opened, onClose, send, locale }: GetShipmentLinesDialogProps) {
  const candidates = useQuery({
    queryKey: ['shipmentLines', document.no, document.version],
    queryFn: () => api.get<{ items: ShipmentLineCandidate[] }>(`/${kind.resource}/${encodeKey(document.no)}/shipmentLines`),
    enabled: opened,
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const rows = candidates.data?.items ?? [];

  const submit = async () => {
    setSubmitting(true);
    setFailure(null);
    try {
      const lines = rows.filter((line) => selected.has(keyOf(line))).map((line) => ({ documentNo: line.documentNo, lineNo: line.lineNo }));
      await send({ method: 'POST', path: '/getShipmentLines', body: { lines } });
      setSelected(new Set());
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <PickLinesModal title="Get Shipment Lines" opened={opened} onClose={onClose} loading={candidates.isPending && opened} loadError={candidates.error}
      count={rows.length} emptyText="The customer has no shipped lines that are not invoiced." failure={failure} submitting={submitting}
      canSubmit={selected.size > 0} onSubmit={() => void submit()}>
      <SelectionTable label="Shipment lines" rows={rows} rowKey={keyOf} rowLabel={(line) => `Select shipment ${line.documentNo} line ${line.lineNo}`}
        columns={columns(locale)} selected={selected} onChange={setSelected} />
    </PickLinesModal>
  );
}
