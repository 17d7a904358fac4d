import { Combobox, Group, Text, TextInput, useCombobox, type TextInputProps } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { documentTypeCaption, useOpenPartyEntries, type CustomerLedgerEntry } from '../receivables/customer-entries.ts';

type InputAttributes = Omit<TextInputProps, 'value' | 'onChange' | 'onKeyDown' | 'onBlur'> & Record<`data-${string}`, string | boolean | undefined>;

interface AppliesToLookupProps {
  /** The line's customer or vendor; without one there is nothing to look up. */
  party: { kind: 'customer' | 'vendor'; no: string } | null;
  value: string;
  locale: SupportedLocale;
  onChange: (text: string) => void;
  /** The typed document no., when the field is left without picking an entry. */
  onCommit: (text: string) => void;
  /** An open entry picked from the list. */
  onPick: (entry: CustomerLedgerEntry) => void;
  inputProps: InputAttributes;
}

/**
 * Applies-to Doc. No.: type a document number, or open the list of the customer's (vendor's) open entries
 * (document, due date, remaining amount) and pick one, which sets the type and number together.
 */
export function AppliesToLookup({ party, value, locale, onChange, onCommit, onPick, inputProps }: AppliesToLookupProps) {
  const t = useCaptions();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const entries = useOpenPartyEntries(party?.kind ?? 'customer', party?.no ?? null, combobox.dropdownOpened);
  const typed = value.trim().toUpperCase();
  const options = (entries.data?.items ?? []).filter((entry) => typed === '' || entry.documentNo.toUpperCase().includes(typed));

  const pick = (entryNo: string) => {
    const entry = options.find((candidate) => String(candidate.entryNo) === entryNo);
    combobox.closeDropdown();
    if (entry) onPick(entry);
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && !combobox.dropdownOpened) combobox.openDropdown();
    if (event.key !== 'Enter' || (combobox.dropdownOpened && combobox.getSelectedOptionIndex() !== -1)) return;
    event.preventDefault();
    combobox.closeDropdown();
    onCommit(value);
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick} withinPortal>
      <Combobox.Target>
        <TextInput {...inputProps} value={value} autoComplete="off" onClick={() => combobox.openDropdown()} onKeyDown={handleKeyDown}
          onChange={(event) => { onChange(event.currentTarget.value); combobox.openDropdown(); combobox.updateSelectedOptionIndex(); }}
          onBlur={() => { combobox.closeDropdown(); onCommit(value); }} />
      </Combobox.Target>
      <Combobox.Dropdown miw={420} aria-label={t('Open entries')}>
        <Combobox.Options>
          {options.length === 0 && <Combobox.Empty>{entries.isFetching ? t('Loading…') : party ? t('No open entries.') : t('Choose a customer or vendor first.')}</Combobox.Empty>}
          {options.map((entry) => (
            <Combobox.Option key={entry.entryNo} value={String(entry.entryNo)} aria-label={`${entry.documentType ? documentTypeCaption(entry.documentType) : ''} ${entry.documentNo}`}>
              <Group justify="space-between" wrap="nowrap" gap="md">
                <Text size="sm"><Text span fw={600}>{entry.documentNo}</Text> {documentTypeCaption(entry.documentType)}</Text>
                <Text size="sm" c="dimmed">{entry.dueDate ? t('due {{date}}', { date: formatDate(entry.dueDate, locale) }) : ''}</Text>
                <Text size="sm" ta="right">{formatAmount(entry.remainingAmount, locale)}{entry.currencyCode ? ` ${entry.currencyCode}` : ''}</Text>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
