import { ActionIcon, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { ConfirmDeleteModal } from '../components/confirm-delete-modal.tsx';
import type { SupportedLocale } from '../format/locales.ts';
import { decimalForInput, formatQuantity, parseDecimalInput } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { AddComponentDialog } from './add-component-dialog.tsx';
import type { AssemblyLine } from './assembly-types.ts';

interface AssemblyLinesTableProps {
  /** The document's API address: /assemblyOrders/A-ORD0001 (or a quote's, a blanket order's). */
  documentPath: string;
  lines: readonly AssemblyLine[];
  /** Open documents take new components, other quantities per and deletions. */
  editable: boolean;
  /** Reload the document (its quantities follow from Quantity per). */
  onChanged: () => Promise<unknown>;
}

/** An assembly document's components: item, Quantity per and what it makes of them; editable while open. */
export function AssemblyLinesTable({ documentPath, lines, editable, onChanged }: AssemblyLinesTableProps) {
  const t = useCaptions();
  const { locale } = useSession();
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<AssemblyLine | null>(null);
  const remove = useMutation({
    mutationFn: (line: AssemblyLine) => api.delete<void>(`${documentPath}/lines/${line.lineNo}`),
    onSuccess: () => setDeleting(null),
    onSettled: onChanged,
  });
  const headers = ['No.', 'Description', 'Quantity per', 'Quantity', 'Quantity to Consume', 'Consumed Quantity', 'Unit of Measure Code'];
  return (
    <>
      <Group justify="space-between">
        <Text fw={600}>{t('Lines')}</Text>
        {editable && <Button size="xs" onClick={() => setAdding(true)}>{t('Add component')}</Button>}
      </Group>
      <Table striped withTableBorder fz="sm" aria-label={t('Components')}>
        <Table.Thead>
          <Table.Tr>{headers.map((header) => <Table.Th key={header}>{t(header)}</Table.Th>)}<Table.Th w={40} /></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line, index) => (
            <Table.Tr key={line.lineNo} data-row={line.no}>
              <Table.Td>{line.no}</Table.Td>
              <Table.Td>{line.description}</Table.Td>
              <Table.Td ta="right">
                <QuantityPerCell documentPath={documentPath} line={line} position={index + 1} editable={editable} locale={locale} onChanged={onChanged} />
              </Table.Td>
              <Table.Td ta="right" data-field-value="quantity">{formatQuantity(line.quantity, locale)}</Table.Td>
              <Table.Td ta="right">{formatQuantity(line.quantityToConsume, locale)}</Table.Td>
              <Table.Td ta="right" data-field-value="consumedQuantity">{formatQuantity(line.consumedQuantity, locale)}</Table.Td>
              <Table.Td>{line.unitOfMeasureCode ?? ''}</Table.Td>
              <Table.Td>
                {editable && <ActionIcon size="sm" variant="subtle" color="red" aria-label={t('Delete {{name}}', { name: `${line.no} ${line.description}` })} onClick={() => setDeleting(line)}>✕</ActionIcon>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {adding && <AddComponentDialog documentPath={documentPath} onAdded={onChanged} onClose={() => setAdding(false)} />}
      <ConfirmDeleteModal
        opened={deleting !== null} title={t('Delete {{row}}', { row: t('component') })} refusedTitle={t('The row was not deleted')}
        question={t('Do you want to delete {{name}}?', { name: deleting ? `${deleting.no} ${deleting.description}` : '' })}
        pending={remove.isPending} error={remove.error} onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => { remove.reset(); setDeleting(null); }}
      />
    </>
  );
}

interface QuantityPerCellProps {
  documentPath: string;
  line: AssemblyLine;
  position: number;
  editable: boolean;
  locale: SupportedLocale;
  onChanged: () => Promise<unknown>;
}

/** Quantity per, typed in place and saved when left or on Enter; a refusal stays under the field, the saved value back in it. */
function QuantityPerCell({ documentPath, line, position, editable, locale, onChanged }: QuantityPerCellProps) {
  const t = useCaptions();
  const saved = decimalForInput(line.quantityPer, locale);
  const [draft, setDraft] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(saved), [saved]);
  const label = t('Quantity per, line {{position}}', { position });
  if (!editable) return <Text size="sm" aria-label={label}>{formatQuantity(line.quantityPer, locale)}</Text>;
  const commit = async () => {
    if (draft === saved) return;
    const value = parseDecimalInput(draft, locale);
    if (value === null) return setError(t('must be a number'));
    try {
      await api.patch(`${documentPath}/lines/${line.lineNo}`, { quantityPer: value });
      setError(null);
      await onChanged();
    } catch (refusal) {
      setError(refusal instanceof ApiError ? refusal.fieldErrors.quantityPer ?? refusal.message : messageOf(refusal));
      setDraft(saved);
    }
  };
  return (
    <TextInput size="xs" aria-label={label} value={draft} error={error} styles={{ input: { textAlign: 'right' } }}
      onChange={(event) => setDraft(event.currentTarget.value)} onBlur={() => void commit()}
      onKeyDown={(event) => { if (event.key === 'Enter') void commit(); }} />
  );
}
