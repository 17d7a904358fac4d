import { Alert, Anchor, Button, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { dec } from '../../core/money/decimal.ts';
import { api, ApiError, encodeKey, withQuery } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { decimalForInput, formatQuantity, parseDecimalInput } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import type { GridColumn, GridLine } from '../sales/line-fields.ts';
import { useSession } from '../session/session-store.ts';
import { AssemblyLinesTable } from './assembly-lines-table.tsx';
import { assemblyCollections, assemblyOrderPath, type AssemblyDocument, type AssemblyDocumentType, type AssemblyHeader } from './assembly-types.ts';

/** The lines grid's Assemble-to-Order Lines cell: the button on item lines of a saved document. */
export function AssembleToOrderLinesCell({ line, column, position }: { line: GridLine; column: GridColumn; position: number }) {
  if (line.type !== 'item' || !line.documentNo || !column.assemblyDocumentType) return null;
  return <AssembleToOrderLinesButton documentType={column.assemblyDocumentType} documentNo={line.documentNo} lineNo={line.lineNo} position={position} qtyToAssembleToOrder={line.qtyToAssembleToOrder} />;
}

interface ButtonProps {
  documentType: AssemblyDocumentType;
  documentNo: string;
  lineNo: number;
  position: number;
  qtyToAssembleToOrder: string | undefined;
}

/** A sales line's "Assemble-to-Order Lines…" (BC line action): shown on lines assembled to order. */
function AssembleToOrderLinesButton({ documentType, documentNo, lineNo, position, qtyToAssembleToOrder }: ButtonProps) {
  const t = useCaptions();
  const [open, setOpen] = useState(false);
  if (dec(qtyToAssembleToOrder ?? '0').isZero()) return null;
  return (
    <>
      <Button size="compact-xs" variant="default" aria-label={t('Assemble-to-Order Lines, line {{position}}', { position })} onClick={() => setOpen(true)}>
        {t('Assemble-to-Order Lines…')}
      </Button>
      {open && <AssembleToOrderLinesDialog documentType={documentType} documentNo={documentNo} lineNo={lineNo} onClose={() => setOpen(false)} />}
    </>
  );
}

interface DialogProps { documentType: AssemblyDocumentType; documentNo: string; lineNo: number; onClose: () => void }

/** The linked assembly document's components, for the customer's customisation: add, change Quantity per, remove. */
function AssembleToOrderLinesDialog({ documentType, documentNo, lineNo, onClose }: DialogProps) {
  const t = useCaptions();
  const { locale } = useSession();
  const queryClient = useQueryClient();
  const collection = assemblyCollections[documentType];
  const queryKey = ['assembleToOrder', documentType, documentNo, lineNo];
  const linked = useQuery({
    queryKey,
    queryFn: async () => {
      const { items } = await api.get<{ items: AssemblyHeader[] }>(withQuery(collection, { salesDocumentNo: documentNo, salesLineNo: lineNo }));
      return items[0] ? api.get<AssemblyDocument>(`${collection}/${encodeKey(items[0].no)}`) : null;
    },
  });
  const reload = () => queryClient.invalidateQueries({ queryKey });
  const assembly = linked.data;
  return (
    <Modal opened onClose={onClose} title={t('Assemble-to-Order Lines')} size="xl">
      <Stack gap="sm">
        {linked.error && <Alert color="red" role="alert">{messageOf(linked.error)}</Alert>}
        {linked.isPending && <Loader size="sm" />}
        {assembly === null && <Text size="sm" c="dimmed">{t('This line has no assembly document.')}</Text>}
        {assembly && (
          <>
            <Group gap="lg">
              <Text size="sm">{t('Item No.')}: {assembly.itemNo}</Text>
              <Text size="sm">{t('Quantity')}: {formatQuantity(assembly.quantity, locale)}</Text>
              {documentType === 'order' && <Anchor component={Link} to={assemblyOrderPath(assembly.no)} size="sm">{t('Assembly Order')} {assembly.no}</Anchor>}
            </Group>
            <QuantityToAssemble collection={collection} assembly={assembly} editable={documentType === 'order' && assembly.status === 'open'} onSaved={reload} />
            <AssemblyLinesTable documentPath={`${collection}/${encodeKey(assembly.no)}`} lines={assembly.lines} editable={assembly.status === 'open'} onChanged={reload} />
          </>
        )}
        <Group justify="flex-end"><Button variant="default" onClick={onClose}>{t('Close')}</Button></Group>
      </Stack>
    </Modal>
  );
}

interface QuantityToAssembleProps { collection: string; assembly: AssemblyDocument; editable: boolean; onSaved: () => Promise<unknown> }

/** How much of the linked order the next shipment assembles; editable on orders (quotes and blanket orders never post). */
function QuantityToAssemble({ collection, assembly, editable, onSaved }: QuantityToAssembleProps) {
  const t = useCaptions();
  const { locale } = useSession();
  const saved = decimalForInput(assembly.quantityToAssemble, locale);
  const [draft, setDraft] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(saved), [saved]);
  const commit = async () => {
    if (draft === saved) return;
    const value = parseDecimalInput(draft, locale);
    if (value === null) return setError(t('must be a number'));
    try {
      await api.patch(`${collection}/${encodeKey(assembly.no)}`, { quantityToAssemble: value }, assembly.version);
      setError(null);
    } catch (refusal) {
      setError(refusal instanceof ApiError ? refusal.fieldErrors.quantityToAssemble ?? refusal.message : messageOf(refusal));
      setDraft(saved);
    }
    await onSaved();
  };
  return (
    <TextInput label={t('Quantity to Assemble')} value={draft} readOnly={!editable} variant={editable ? 'default' : 'filled'} error={error} w={200}
      onChange={(event) => setDraft(event.currentTarget.value)} onBlur={() => void commit()} onKeyDown={(event) => { if (event.key === 'Enter') void commit(); }} />
  );
}
