import { useEffect, useState } from 'react';
import { RecordLookup, type LookupSource } from '../components/record-lookup.tsx';

interface HeaderCodeFieldProps<T> {
  source: LookupSource<T>;
  label: string;
  saved: string | null;
  open: boolean;
  error: string | undefined;
  onCommit: (code: string) => void;
}

/** A code of the header with a lookup (Location Code: where the lines ship from; a change moves the lines that shipped from the old one). Blank clears it. */
export function HeaderCodeField<T>({ source, label, saved: savedCode, open, error, onCommit }: HeaderCodeFieldProps<T>) {
  const saved = savedCode ?? '';
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => setDraft(null), [saved]);
  const commit = (code: string) => {
    if (code.trim().toUpperCase() === saved) setDraft(null);
    else onCommit(code.trim());
  };
  return (
    <RecordLookup source={source} value={draft ?? saved} onChange={setDraft} onCommit={commit}
      inputProps={{ label, readOnly: !open, variant: open ? 'default' : 'filled', error }} />
  );
}
