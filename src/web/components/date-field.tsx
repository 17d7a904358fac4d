import { TextInput } from '@mantine/core';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { formatDate } from '../format/dates.ts';
import { parseDateInput } from '../format/date-input.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';

interface DateFieldProps {
  label: string;
  /** Name the input for assistive technology only (the caption is shown beside it). */
  hideLabel?: boolean;
  /** YYYY-MM-DD, or null for none. */
  value: string | null;
  onCommit: (value: string | null) => void;
  error?: string;
  readOnly?: boolean;
}

/**
 * A date in the user's locale (25-11-2026 / 11/25/2026), typed as in BC ("2511", "t" for today,
 * "w" for the work date); saved when left or on Enter, Escape puts the saved date back.
 */
export function DateField({ label, hideLabel, value, onCommit, error, readOnly }: DateFieldProps) {
  const { locale, workDate } = useSession();
  const t = useCaptions();
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  // What was typed shows until the saved date changes (or stays, with the error, if the save is refused).
  useEffect(() => setDraft(null), [value]);

  const commit = () => {
    if (draft === null) return;
    const parsed = parseDateInput(draft, locale, workDate);
    setInvalid(parsed === undefined);
    if (parsed === undefined) return;
    if (parsed === value) setDraft(null);
    else onCommit(parsed);
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') {
      setDraft(null);
      setInvalid(false);
    }
  };
  return (
    <TextInput label={hideLabel ? undefined : t(label)} aria-label={hideLabel ? t(label) : undefined} value={draft ?? formatDate(value, locale)} readOnly={readOnly} variant={readOnly ? 'filled' : 'default'} autoComplete="off"
      error={invalid ? t('is not a date ({{example}})', { example: formatDate('2026-12-31', locale) }) : error}
      onChange={(event) => setDraft(event.currentTarget.value)} onBlur={commit} onKeyDown={handleKeyDown} />
  );
}
