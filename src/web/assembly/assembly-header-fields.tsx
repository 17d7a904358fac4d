import { Alert, Fieldset, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api, ApiError, encodeKey } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { DateField } from '../components/date-field.tsx';
import { formatDate } from '../format/dates.ts';
import { decimalForInput, formatQuantity, parseDecimalInput } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { assemblyStatusCaptions, type AssemblyDocument } from './assembly-types.ts';

type HeaderField = 'description' | 'quantity' | 'quantityToAssemble' | 'dueDate' | 'startingDate' | 'endingDate' | 'postingDate' | 'locationCode';
type FieldKind = 'text' | 'decimal' | 'date';

/** The header fields in BC's order, each with how it is typed. */
const headerFields: ReadonlyArray<{ field: HeaderField; label: string; kind: FieldKind; clearable?: true }> = [
  { field: 'description', label: 'Description', kind: 'text' },
  { field: 'quantity', label: 'Quantity', kind: 'decimal' },
  { field: 'quantityToAssemble', label: 'Quantity to Assemble', kind: 'decimal' },
  { field: 'dueDate', label: 'Due Date', kind: 'date' },
  { field: 'startingDate', label: 'Starting Date', kind: 'date' },
  { field: 'endingDate', label: 'Ending Date', kind: 'date' },
  { field: 'postingDate', label: 'Posting Date', kind: 'date' },
  { field: 'locationCode', label: 'Location Code', kind: 'text', clearable: true },
];

/** What a linked order takes of its header; the rest follows its sales line (the API refuses it with ASSEMBLY_ORDER_LINKED). */
const linkedEditable: readonly HeaderField[] = ['startingDate', 'quantityToAssemble'];

/**
 * The assembly order's header: each field saved on its own when left, against the version read (a
 * refusal on its field, any other above the fields). Released orders are read-only, as the API keeps them.
 */
export function AssemblyHeaderFields({ order, onSaved }: { order: AssemblyDocument; onSaved: () => Promise<unknown> }) {
  const t = useCaptions();
  const { locale } = useSession();
  const [errors, setErrors] = useState<Partial<Record<HeaderField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const editable = (field: HeaderField) => order.status === 'open' && (!order.assembleToOrder || linkedEditable.includes(field));
  const save = async (field: HeaderField, value: string | null) => {
    try {
      await api.patch(`/assemblyOrders/${encodeKey(order.no)}`, { [field]: value }, order.version);
      setErrors(({ [field]: _saved, ...rest }) => rest);
      setFailure(null);
      await onSaved();
    } catch (error) {
      const onField = error instanceof ApiError ? error.fieldErrors[field] : undefined;
      if (onField) setErrors((current) => ({ ...current, [field]: onField }));
      else setFailure(messageOf(error));
      await onSaved();
    }
  };
  const readOnly = (label: string, value: string) => (
    <Stack key={label} gap={0}><Text size="xs" c="dimmed">{t(label)}</Text><Text size="sm" aria-label={t(label)}>{value || '—'}</Text></Stack>
  );
  return (
    <Fieldset legend={t('General')}>
      {failure && <Alert color="red" role="alert" mb="xs">{failure}</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
        {readOnly('Item No.', order.itemNo)}
        {headerFields.map(({ field, label, kind, clearable }) => (editable(field)
          ? <HeaderInput key={field} label={label} kind={kind} clearable={clearable} value={order[field]} error={errors[field]} onCommit={(value) => void save(field, value)} />
          : readOnly(label, kind === 'decimal' ? formatQuantity(order[field] ?? '0', locale) : kind === 'date' ? formatDate(order[field], locale) : order[field] ?? '')))}
        {readOnly('Assembled Quantity', formatQuantity(order.assembledQuantity, locale))}
        {readOnly('Remaining Quantity', formatQuantity(order.remainingQuantity, locale))}
        {readOnly('Unit of Measure Code', order.unitOfMeasureCode ?? '')}
        {readOnly('Status', t(assemblyStatusCaptions[order.status]))}
      </SimpleGrid>
    </Fieldset>
  );
}

interface HeaderInputProps {
  label: string;
  kind: FieldKind;
  /** A code cleared is sent as none (null), not as ''. */
  clearable?: boolean;
  value: string | null;
  error: string | undefined;
  onCommit: (value: string | null) => void;
}

/** One editable header field: a date as the app types dates, a decimal in the user's format, text as typed. */
function HeaderInput({ label, kind, clearable, value, error, onCommit }: HeaderInputProps) {
  const t = useCaptions();
  const { locale } = useSession();
  const saved = kind === 'decimal' ? decimalForInput(value ?? '0', locale) : value ?? '';
  const [draft, setDraft] = useState(saved);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setDraft(saved), [saved]);
  if (kind === 'date') return <DateField label={label} value={value} error={error} onCommit={onCommit} />;
  const commit = () => {
    if (draft === saved) return;
    const parsed = kind === 'decimal' ? parseDecimalInput(draft, locale) : draft.trim();
    setInvalid(parsed === null);
    if (parsed !== null) onCommit(clearable && parsed === '' ? null : parsed);
  };
  return (
    <TextInput label={t(label)} value={draft} autoComplete="off" error={invalid ? t('must be a number') : error}
      onChange={(event) => setDraft(event.currentTarget.value)} onBlur={commit} onKeyDown={(event) => { if (event.key === 'Enter') commit(); }} />
  );
}
