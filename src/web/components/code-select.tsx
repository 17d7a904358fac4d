import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { CodeRecord, Page } from '../api/types.ts';
import { useCaptions } from '../i18n/captions.ts';

interface CodeSelectProps {
  /** API collection of the code table, e.g. /paymentTerms. */
  lookup: string;
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  readOnly?: boolean;
}

/** A choice from a code table (payment terms, posting groups …), searchable by code and description. */
export function CodeSelect({ lookup, label, value, onChange, error, readOnly }: CodeSelectProps) {
  const t = useCaptions();
  const choices = useQuery({
    queryKey: ['codes', lookup],
    queryFn: () => api.get<Page<CodeRecord>>(`${lookup}?limit=1000`),
    staleTime: 5 * 60_000,
  });
  const data = (choices.data?.items ?? []).map((record) => ({ value: record.code, label: `${record.code} – ${record.description ?? record.name ?? ''}` }));
  // Keep a value the list does not (yet) hold visible rather than blank.
  if (value && !data.some((option) => option.value === value)) data.unshift({ value, label: value });
  return (
    <Select label={t(label)} data={data} value={value} onChange={onChange} error={error} readOnly={readOnly}
      searchable clearable selectFirstOptionOnChange nothingFoundMessage={t('No match')}
      // Enter picks an option; it never submits the card's form (which would create a half-filled record).
      onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()} />
  );
}
