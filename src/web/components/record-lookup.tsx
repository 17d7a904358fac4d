import { Combobox, Text, TextInput, useCombobox, type TextInputProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { LookupSource } from './lookup-source.ts';
import type { KeyboardEvent } from 'react';
import { api, ApiError, encodeKey, withQuery } from '../api/client.ts';
import type { Page } from '../api/types.ts';

/** Where a lookup finds its records: an API collection, its key and the text shown beside the key. */
export type { LookupSource };

type InputAttributes = Omit<TextInputProps, 'value' | 'onChange' | 'onKeyDown' | 'onBlur'> & Record<`data-${string}`, string | boolean | undefined>;

interface RecordLookupProps<T> {
  source: LookupSource<T>;
  value: string;
  onChange: (text: string) => void;
  /** The chosen key: an option picked, the exact key typed, the only match of a search, else the text as typed. */
  onCommit: (key: string) => void;
  /** Leaving the field commits too (grid cells); off where a commit creates a record. */
  commitOnBlur?: boolean;
  inputProps: InputAttributes;
}

/** Finds the record whose key is exactly the text (404 means none), the way BC accepts a typed number. */
async function exactRecord<T>(path: string, key: string): Promise<T | null> {
  try {
    return await api.get<T>(`${path}/${encodeKey(key)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * A number field with a lookup, as BC's No. fields: type the number, or a few letters of the name and
 * pick from the list (arrow keys and Enter, or the mouse). Enter (or leaving the field) commits.
 */
export function RecordLookup<T>({ source, value, onChange, onCommit, commitOnBlur = true, inputProps }: RecordLookupProps<T>) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search] = useDebouncedValue(value.trim(), 200);
  const enabled = search !== '' && combobox.dropdownOpened;
  const exact = useQuery({ queryKey: ['lookup-key', source.path, search], queryFn: () => exactRecord<T>(source.path, search), enabled, retry: false });
  const matches = useQuery({
    queryKey: ['lookup', source.path, source.filters, search],
    queryFn: () => api.get<Page<T>>(withQuery(source.path, { ...source.filters, search, limit: 10 })),
    enabled,
  });
  const options = [...(exact.data ? [exact.data] : []), ...(matches.data?.items ?? [])]
    .filter((record, index, all) => all.findIndex((other) => source.keyOf(other) === source.keyOf(record)) === index);

  const resolve = (text: string) => {
    const typed = text.trim();
    const exactOption = options.find((record) => source.keyOf(record).toUpperCase() === typed.toUpperCase());
    if (exactOption) return source.keyOf(exactOption);
    return options.length === 1 && search === typed ? source.keyOf(options[0]!) : typed;
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    // With an option highlighted, the combobox submits it; otherwise the typed text is committed here.
    if (combobox.dropdownOpened && combobox.getSelectedOptionIndex() !== -1) return;
    event.preventDefault();
    combobox.closeDropdown();
    onCommit(resolve(value));
  };

  return (
    <Combobox store={combobox} onOptionSubmit={(key) => { combobox.closeDropdown(); onChange(key); onCommit(key); }} withinPortal>
      <Combobox.Target>
        <TextInput {...inputProps} value={value} autoComplete="off"
          onChange={(event) => { onChange(event.currentTarget.value); combobox.openDropdown(); combobox.updateSelectedOptionIndex(); }}
          onKeyDown={handleKeyDown}
          onBlur={() => { combobox.closeDropdown(); if (commitOnBlur) onCommit(resolve(value)); }} />
      </Combobox.Target>
      <Combobox.Dropdown hidden={options.length === 0} miw={320}>
        <Combobox.Options>
          {options.map((record) => (
            <Combobox.Option key={source.keyOf(record)} value={source.keyOf(record)}>
              <Text size="sm" span fw={600}>{source.keyOf(record)}</Text> <Text size="sm" span>{source.describe(record)}</Text>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
