import { TextInput } from '@mantine/core';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { dec } from '../../core/money/decimal.ts';
import { decimalForInput, parseDecimalInput } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';

interface AmountFieldProps {
  label: string;
  /** The saved amount as a decimal string. */
  value: string;
  onCommit: (value: string) => void;
  error?: string;
  w?: number;
}

/** An amount typed in the user's locale (1.234,56 in nl-NL), saved when left or on Enter; Escape puts the saved amount back. */
export function AmountField({ label, value, onCommit, error, w }: AmountFieldProps) {
  const { locale } = useSession();
  const t = useCaptions();
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setDraft(null), [value]);

  const commit = () => {
    if (draft === null) return;
    const parsed = parseDecimalInput(draft, locale);
    setInvalid(parsed === null);
    if (parsed === null) return;
    if (dec(parsed).equals(dec(value))) setDraft(null);
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
    <TextInput label={label} w={w} value={draft ?? decimalForInput(value, locale, 2)} autoComplete="off" styles={{ input: { textAlign: 'right' } }}
      error={invalid ? t('is not an amount') : error} onChange={(event) => setDraft(event.currentTarget.value)} onBlur={commit} onKeyDown={handleKeyDown} />
  );
}
