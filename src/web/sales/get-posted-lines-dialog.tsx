import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dec } from '../../core/money/decimal.ts';
import { api, encodeKey } from '../api/client.ts';
import type { ReversibleLineCandidate } from '../api/posting-types.ts';
import type { SalesDocument } from '../api/types.ts';
import { SelectionTable, type SelectionColumn } from '../components/selection-table.tsx';
import { captionOf } from '../format/captions.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { decimalForInput, formatQuantity, formatUnitPrice, parseDecimalInput } from '../format/numbers.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import type { DocumentKind } from './document-kinds.ts';
import { PickLinesModal } from './pick-lines-modal.tsx';
import type { DocumentChange } from './use-sales-document.ts';

interface GetPostedLinesDialogProps {
  kind: DocumentKind;
  document: SalesDocument;
  opened: boolean;
  onClose: () => void;
  send: (change: DocumentChange) => Promise<SalesDocument>;
  locale: SupportedLocale;
}

const keyOf = (line: ReversibleLineCandidate) => `${line.documentType}:${line.documentNo}:${line.lineNo}`;

/** Document types are nouns: 'Invoice' here is the document (Dutch Factuur), not the posting choice (Factureren). */
const asDocumentType = { context: 'document' } as const;

/**
 * BC's Get Posted Document Lines to Reverse: lines of the customer's posted invoices and shipments
 * come back onto this credit memo or return order, each with a quantity up to what can be reversed.
 * The lines can be narrowed to a document type and a document number.
 */
export function GetPostedLinesDialog({ kind, document, opened, onClose, send, locale }: GetPostedLinesDialogProps) {
  const t = useCaptions();
  const candidates = useQuery({
    queryKey: ['postedDocumentLines', kind.type, document.no, document.version],
    queryFn: () => api.get<{ items: ReversibleLineCandidate[] }>(`/${kind.resource}/${encodeKey(document.no)}/postedDocumentLines`),
    enabled: opened,
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const rows = candidates.data?.items ?? [];
  // BC's filters on the page: by document type and by (part of a) document number; what is selected stays selected.
  const [typeFilter, setTypeFilter] = useState('');
  const [numberFilter, setNumberFilter] = useState('');
  const types = [...new Set(rows.map((line) => line.documentType))];
  const shown = rows.filter((line) => (typeFilter === '' || line.documentType === typeFilter)
    && line.documentNo.toUpperCase().includes(numberFilter.trim().toUpperCase()));
  const typedQuantity = (line: ReversibleLineCandidate) => quantities[keyOf(line)] ?? decimalForInput(line.reversibleQuantity, locale);

  const submit = async () => {
    const chosen = rows.filter((line) => selected.has(keyOf(line)));
    const unreadable = chosen.find((line) => parseDecimalInput(typedQuantity(line), locale) === null);
    if (unreadable) return setFailure(new Error(t('The quantity of {{documentNo}} line {{lineNo}} is not a number.', { documentNo: unreadable.documentNo, lineNo: unreadable.lineNo })));
    const lines = chosen.map((line) => {
      const quantity = parseDecimalInput(typedQuantity(line), locale)!;
      const reference = { documentType: line.documentType, documentNo: line.documentNo, lineNo: line.lineNo };
      return dec(quantity).eq(dec(line.reversibleQuantity)) ? reference : { ...reference, quantity };
    });
    setSubmitting(true);
    setFailure(null);
    try {
      await send({ method: 'POST', path: '/getPostedDocumentLinesToReverse', body: { lines } });
      setSelected(new Set());
      setQuantities({});
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  const columns = reverseColumns(locale, typedQuantity, (line, text) => setQuantities({ ...quantities, [keyOf(line)]: text }));

  return (
    <PickLinesModal title={t('Get Posted Document Lines to Reverse')} opened={opened} onClose={onClose} loading={candidates.isPending && opened}
      loadError={candidates.error} count={rows.length} emptyText={t('The customer has no posted lines left to reverse.')} failure={failure}
      submitting={submitting} canSubmit={selected.size > 0} onSubmit={() => void submit()}>
      <Group align="end" mb="xs">
        <NativeSelect label={t('Document Type')} value={typeFilter} onChange={(event) => setTypeFilter(event.currentTarget.value)}
          data={[{ value: '', label: t('All') }, ...types.map((type) => ({ value: type, label: t(captionOf(type), asDocumentType) }))]} />
        <TextInput label={t('Document No.')} value={numberFilter} w={180} autoComplete="off" onChange={(event) => setNumberFilter(event.currentTarget.value)} />
      </Group>
      <SelectionTable label={t('Posted document lines')} rows={shown} rowKey={keyOf}
        rowLabel={(line) => t('Select {{documentNo}} line {{lineNo}}', { documentNo: line.documentNo, lineNo: line.lineNo })}
        columns={columns} selected={selected} onChange={setSelected} />
    </PickLinesModal>
  );
}

/** The candidate lines' columns; the last one is the quantity to reverse, typed per line. */
function reverseColumns(
  locale: SupportedLocale, typedQuantity: (line: ReversibleLineCandidate) => string, setQuantity: (line: ReversibleLineCandidate, text: string) => void,
): SelectionColumn<ReversibleLineCandidate>[] {
  return [
    { key: 'documentType', label: 'Document Type', render: (line) => caption(captionOf(line.documentType), asDocumentType) },
    { key: 'documentNo', label: 'Document No.', render: (line) => line.documentNo },
    { key: 'no', label: 'No.', render: (line) => line.no },
    { key: 'description', label: 'Description', render: (line) => line.description },
    { key: 'quantity', label: 'Quantity', numeric: true, render: (line) => formatQuantity(line.quantity, locale) },
    { key: 'unitPrice', label: 'Unit Price', numeric: true, render: (line) => formatUnitPrice(line.unitPrice, locale) },
    {
      key: 'reverse', label: 'Quantity to Reverse', numeric: true,
      render: (line) => (
        <TextInput size="xs" w={90} aria-label={caption('Quantity to reverse, {{documentNo}} line {{lineNo}}', { documentNo: line.documentNo, lineNo: line.lineNo })} value={typedQuantity(line)}
          styles={{ input: { textAlign: 'right' } }} onChange={(event) => setQuantity(line, event.currentTarget.value)} />
      ),
    },
  ];
}
