import { Alert, Button, Checkbox, Group, Modal, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrorsOfRequest, messageOf, type FieldErrors } from '../api/field-errors.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import { showNotice } from '../layout/notices.ts';
import {
  columnCaptions, columnFieldsOf, dateFormatChoices, decimalSeparatorChoices, delimiterChoices, draftOf, mappingOf, thousandsSeparatorChoices,
  type AmountLayout, type CsvFormatDraft, type CsvStatementMapping,
} from './csv-format.ts';
import { reconciliationApi, type BankAccount } from './reconciliation-api.ts';

const errorKey = 'statementCsvMapping';

/**
 * The bank account's Statement CSV Format: how Import Bank Statement reads the CSV files this bank
 * exports. Saved on the bank account through its API, which checks it; what the API refuses is
 * shown at the field it names, or above the buttons when it concerns the whole format.
 */
export function CsvFormatDialog({ account, onClose }: { account: BankAccount; onClose: () => void }) {
  const [draft, setDraft] = useState<CsvFormatDraft>(() => draftOf(account.statementCsvMapping));
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const queryClient = useQueryClient();
  const t = useCaptions();
  const saving = useMutation({
    mutationFn: (mapping: CsvStatementMapping | null) => reconciliationApi.saveCsvFormat(account.no, mapping, account.version),
    onSuccess: async (_saved, mapping) => {
      await queryClient.invalidateQueries({ queryKey: ['bankAccounts'] });
      showNotice(mapping
        ? { title: caption('Statement CSV format of {{bankAccountNo}} saved', { bankAccountNo: account.no }), color: 'teal', body: caption('CSV statements are imported with it from now on.') }
        : { title: caption('Statement CSV format of {{bankAccountNo}} removed', { bankAccountNo: account.no }), color: 'teal', body: caption('CSV statements cannot be imported until a format is saved.') });
      onClose();
    },
  });
  const errors = { ...fieldErrorsOfRequest(saving.error), ...localErrors };
  const change = (changes: Partial<CsvFormatDraft>) => setDraft((current) => ({ ...current, ...changes }));
  const save = () => {
    saving.reset();
    const result = mappingOf(draft);
    setLocalErrors('errors' in result ? result.errors : {});
    if ('mapping' in result) saving.mutate(result.mapping);
  };
  // A refusal of the whole format (no amount column) or of something the form has no field for.
  const namesAField = Object.keys(errors).some((field) => field.startsWith(`${errorKey}.`));
  const general = errors[errorKey] ?? (saving.error && !namesAField ? messageOf(saving.error) : null);
  return (
    <Modal opened onClose={onClose} title={t('Statement CSV Format – {{bankAccountNo}}', { bankAccountNo: account.no })} size="xl">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("How this bank's CSV statements are read. Columns are numbered from 1, or named by their heading when the first row holds the headings.")}
        </Text>
        <LayoutFields draft={draft} errors={errors} onChange={change} />
        <ColumnFields draft={draft} errors={errors} onChange={change} />
        <NumberAndDateFields draft={draft} errors={errors} onChange={change} />
        {general && <Alert color="red" role="alert" title={t('The format was not saved')}><Text size="sm" data-testid="csv-format-problem">{general}</Text></Alert>}
        <Group justify="space-between">
          <Button variant="subtle" color="red" disabled={!account.statementCsvMapping} loading={saving.isPending && saving.variables === null}
            onClick={() => { saving.reset(); saving.mutate(null); }}>{t('Remove Format')}</Button>
          <Group>
            <Button variant="default" onClick={onClose}>{t('Cancel')}</Button>
            <Button loading={saving.isPending && saving.variables !== null} onClick={save}>{t('Save Format')}</Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

interface FieldsProps { draft: CsvFormatDraft; errors: FieldErrors; onChange: (changes: Partial<CsvFormatDraft>) => void }

/** Choices whose labels are captions, in the language in use. */
const translated = (choices: readonly { value: string; label: string }[], t: (english: string) => string) => choices.map((choice) => ({ ...choice, label: t(choice.label) }));

function LayoutFields({ draft, errors, onChange }: FieldsProps) {
  const t = useCaptions();
  const known = delimiterChoices.some((choice) => choice.value === draft.delimiter);
  const delimiters = [...translated(delimiterChoices, t), ...(known ? [] : [{ value: draft.delimiter, label: `'${draft.delimiter}'` }])];
  return (
    <Group align="end" gap="lg">
      <NativeSelect label={t('Delimiter')} w={200} data={delimiters} value={draft.delimiter} error={errors[`${errorKey}.delimiter`]}
        onChange={(event) => onChange({ delimiter: event.currentTarget.value })} />
      <Checkbox label={t('The first row holds the column headings')} checked={draft.headerRow} pb={8}
        onChange={(event) => onChange({ headerRow: event.currentTarget.checked })} />
      <Radio.Group label={t('Amounts')} value={draft.amountLayout} onChange={(value) => onChange({ amountLayout: value as AmountLayout })}>
        <Group gap="md" mt={6}>
          <Radio value="amount" label={t('One amount column (money paid negative)')} />
          <Radio value="debitCredit" label={t('A debit and a credit column')} />
        </Group>
      </Radio.Group>
    </Group>
  );
}

function ColumnFields({ draft, errors, onChange }: FieldsProps) {
  const t = useCaptions();
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
      {columnFieldsOf(draft.amountLayout).map((field) => (
        <TextInput key={field} label={t(columnCaptions[field])} value={draft.columns[field]} maxLength={100} autoComplete="off"
          withAsterisk={field === 'dateColumn' || field === 'amountColumn' || field === 'debitColumn' || field === 'creditColumn'}
          placeholder={field === 'dateColumn' ? t('e.g. 1 or Datum') : undefined} error={translatedError(errors[`${errorKey}.${field}`], t)}
          onChange={(event) => onChange({ columns: { ...draft.columns, [field]: event.currentTarget.value } })} />
      ))}
    </SimpleGrid>
  );
}

/** The form's own error (columns are numbered from 1) in the language in use; the API's as it says it. */
const translatedError = (error: string | undefined, t: (english: string) => string) => (error === undefined ? undefined : t(error));

function NumberAndDateFields({ draft, errors, onChange }: FieldsProps) {
  const t = useCaptions();
  return (
    <Group align="start" grow>
      <NativeSelect label={t('Decimal separator')} data={translated(decimalSeparatorChoices, t)} value={draft.decimalSeparator} error={errors[`${errorKey}.decimalSeparator`]}
        onChange={(event) => onChange({ decimalSeparator: event.currentTarget.value as CsvFormatDraft['decimalSeparator'] })} />
      <NativeSelect label={t('Thousands separator')} data={translated(thousandsSeparatorChoices, t)} value={draft.thousandsSeparator} error={errors[`${errorKey}.thousandsSeparator`]}
        onChange={(event) => onChange({ thousandsSeparator: event.currentTarget.value as CsvFormatDraft['thousandsSeparator'] })} />
      <NativeSelect label={t('Date format')} data={[...dateFormatChoices]} value={draft.dateFormat} error={errors[`${errorKey}.dateFormat`]}
        onChange={(event) => onChange({ dateFormat: event.currentTarget.value as CsvFormatDraft['dateFormat'] })} />
    </Group>
  );
}
