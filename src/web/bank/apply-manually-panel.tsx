import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { dec } from '../../core/money/decimal.ts';
import { ApiError } from '../api/client.ts';
import { fieldErrorsOfRequest, messageOf } from '../api/field-errors.ts';
import { RecordLookup } from '../components/record-lookup.tsx';
import { decimalForInput, formatAmount } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useOpenCustomerEntries } from '../receivables/customer-entries.ts';
import { useSession } from '../session/session-store.ts';
import { accountLookups } from './account-lookups.ts';
import { applyManuallyRequestOf, errorsByEntry, marksOfLine, type ManualMarks } from './apply-manually.ts';
import { OpenEntriesTable } from './open-entries-table.tsx';
import { reconciliationApi } from './reconciliation-api.ts';
import type { ApplyManuallyRequest, ReconciliationLine, StatementKey } from './reconciliation-types.ts';
import { useJournalChange } from './use-reconciliation.ts';

/**
 * Apply Manually: choose the customer, then mark the open entries the line pays, each with an
 * Applied Amount (blank: what the line still has, up to the entry, less a discount still in time).
 */
export function ApplyManuallyPanel({ statement, line, onDone }: { statement: StatementKey; line: ReconciliationLine; onDone: () => void }) {
  const { locale } = useSession();
  const t = useCaptions();
  const initialCustomer = line.accountType === 'customer' ? line.accountNo : '';
  const [customerText, setCustomerText] = useState(initialCustomer);
  const [customerNo, setCustomerNo] = useState(initialCustomer);
  const [marks, setMarks] = useState<ManualMarks>(() => marksOfLine(line, initialCustomer, (value) => decimalForInput(value, locale, 2)));
  const [errors, setErrors] = useState<Readonly<Record<number, string>>>({});
  const entries = useOpenCustomerEntries(customerNo, true, !dec(line.statementAmount).isNegative());
  const applying = useJournalChange(statement.bankAccountNo, (request: ApplyManuallyRequest) => reconciliationApi.applyManually(statement, line.statementLineNo, request), onDone);

  const chooseCustomer = (key: string) => {
    const no = key.trim().toUpperCase();
    setCustomerText(no);
    if (no === customerNo) return;
    setCustomerNo(no);
    setMarks(marksOfLine(line, no, (value) => decimalForInput(value, locale, 2)));
  };
  const apply = () => {
    const outcome = applyManuallyRequestOf(customerNo, marks, locale);
    setErrors(outcome.errors);
    const request = outcome.request;
    if (request) applying.mutate(request, { onError: (error) => error instanceof ApiError && setErrors(errorsByEntry(error.fieldErrors, request)) });
  };
  return (
    <Stack gap="sm">
      <Title order={5}>{t('Apply Manually – line {{lineNo}}, {{amount}}', { lineNo: line.statementLineNo, amount: formatAmount(line.statementAmount, locale) })}</Title>
      <RecordLookup source={accountLookups.customer} value={customerText} onChange={setCustomerText} onCommit={chooseCustomer}
        inputProps={{ label: t('Customer No.'), w: 240, error: fieldErrorsOfRequest(applying.error).accountNo }} />
      {entries.error && <Alert color="red" role="alert">{messageOf(entries.error)}</Alert>}
      {customerNo === '' ? <Text size="sm" c="dimmed">{t('Choose the customer who paid.')}</Text>
        : entries.isPending ? <Loader size="sm" /> : <OpenEntriesTable entries={entries.data?.items ?? []} marks={marks} errors={errors} locale={locale} onChange={setMarks} />}
      {applying.error && <Alert color="red" role="alert" title={t('The line was not applied')}>{messageOf(applying.error)}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>{t('Back')}</Button>
        <Button disabled={Object.keys(marks).length === 0} loading={applying.isPending} onClick={apply}>{t('Apply')}</Button>
      </Group>
    </Stack>
  );
}
