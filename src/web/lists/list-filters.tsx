import { NativeSelect, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { DateField } from '../components/date-field.tsx';
import { useCaptions } from '../i18n/captions.ts';

/**
 * A filter of a list, sent to the API under `field` and kept in the page address (so cues and cards
 * can link to a filtered list): a choice, a text (a number such as Customer No.) or a date.
 */
export type ListFilter =
  | { field: string; label: string; kind?: 'select'; options: ReadonlyArray<{ value: string; label: string }> }
  | { field: string; label: string; kind: 'text' | 'date' };

interface ListFilterControlProps {
  filter: ListFilter;
  value: string;
  onChange: (value: string) => void;
}

export function ListFilterControl({ filter, value, onChange }: ListFilterControlProps) {
  const t = useCaptions();
  switch (filter.kind) {
    case 'text':
      return <TextFilter label={t(filter.label)} value={value} onChange={onChange} />;
    case 'date':
      return <div style={{ width: 140 }}><DateField label={filter.label} value={value || null} onCommit={(date) => onChange(date ?? '')} /></div>;
    default:
      return (
        <NativeSelect label={t(filter.label)} value={value} onChange={(event) => onChange(event.currentTarget.value)}
          data={[{ value: '', label: t('All') }, ...filter.options.map((option) => ({ value: option.value, label: t(option.label) }))]} />
      );
  }
}

/** Applied when left or on Enter, not at every key (each change asks the API again). */
function TextFilter({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => draft.trim() !== value && onChange(draft.trim());
  return (
    <TextInput label={label} value={draft} w={150} autoComplete="off" onChange={(event) => setDraft(event.currentTarget.value)} onBlur={commit}
      onKeyDown={(event) => event.key === 'Enter' && commit()} />
  );
}
