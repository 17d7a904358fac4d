import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, encodeKey } from '../api/client.ts';
import { SelectionTable, type SelectionColumn } from '../components/selection-table.tsx';
import type { SupportedLocale } from '../format/locales.ts';
import { formatQuantity, formatUnitPrice } from '../format/numbers.ts';
import { PickLinesModal } from '../sales/pick-lines-modal.tsx';
import type { DocumentChange } from '../sales/use-sales-document.ts';
import type { PurchaseKind } from './purchase-kinds.ts';
import type { PurchaseDocument, ReceiptLineCandidate } from './purchase-types.ts';

interface GetReceiptLinesDialogProps {
  kind: PurchaseKind;
  document: PurchaseDocument;
  opened: boolean;
  onClose: () => void;
  send: (change: DocumentChange) => Promise<PurchaseDocument>;
  locale: SupportedLocale;
}

const keyOf = (line: ReceiptLineCandidate) => `${line.documentNo}:${line.lineNo}`;

function columns(locale: SupportedLocale): SelectionColumn<ReceiptLineCandidate>[] {
  return [
    { key: 'documentNo', label: 'Receipt No.', render: (line) => line.documentNo },
    { key: 'sourceDocumentNo', label: 'Order No.', render: (line) => line.sourceDocumentNo },
    { key: 'no', label: 'No.', render: (line) => line.no },
    { key: 'description', label: 'Description', render: (line) => line.description },
    { key: 'quantity', label: 'Quantity', numeric: true, render: (line) => formatQuantity(line.quantity, locale) },
    { key: 'quantityNotInvoiced', label: 'Qty. Rcd. Not Invoiced', numeric: true, render: (line) => formatQuantity(line.quantityNotInvoiced, locale) },
    { key: 'directUnitCost', label: 'Direct Unit Cost', numeric: true, render: (line) => formatUnitPrice(line.directUnitCost, locale) },
  ];
}

/** BC's Get Receipt Lines: the pay-to vendor's received, not yet invoiced lines become lines of this invoice. */
export function GetReceiptLinesDialog({ kind, document, opened, onClose, send, locale }: GetReceiptLinesDialogProps) {
  const candidates = useQuery({
    queryKey: ['receiptLines', document.no, document.version],
    queryFn: () => api.get<{ items: ReceiptLineCandidate[] }>(`/${kind.resource}/${encodeKey(document.no)}/receiptLinesToInvoice`),
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
      const lines = rows.filter((line) => selected.has(keyOf(line))).map((line) => ({ receiptNo: line.documentNo, lineNo: line.lineNo }));
      await send({ method: 'POST', path: '/getReceiptLines', body: { lines } });
      setSelected(new Set());
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <PickLinesModal title="Get Receipt Lines" opened={opened} onClose={onClose} loading={candidates.isPending && opened} loadError={candidates.error}
      count={rows.length} emptyText="The vendor has no received lines that are not invoiced." failure={failure} submitting={submitting}
      canSubmit={selected.size > 0} onSubmit={() => void submit()}>
      <SelectionTable label="Receipt lines" rows={rows} rowKey={keyOf} rowLabel={(line) => `Select receipt ${line.documentNo} line ${line.lineNo}`}
        columns={columns(locale)} selected={selected} onChange={setSelected} />
    </PickLinesModal>
  );
}
