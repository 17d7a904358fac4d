import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { fieldErrorsOfRequest, messageOf } from '../api/field-errors.ts';
import { useCaptions } from '../i18n/captions.ts';
import { AccountNoField } from './account-no-field.tsx';
import { reconciliationApi } from './reconciliation-api.ts';
import type { MapTextRequest, ReconciliationLine, StatementKey } from './reconciliation-types.ts';
import { useJournalChange } from './use-reconciliation.ts';

/** A mapping text holds at most 50 characters (BC's Mapping Text). */
const mappingTextLength = 50;

/**
 * Map Text to Account: saves a text-to-account mapping (the line's transaction text unless changed)
 * and applies it to the line, so recurring items such as bank fees match by themselves from then on:
 * money received posts to the debit account, money paid out to the credit account.
 */
export function MapTextPanel({ statement, line, onDone }: { statement: StatementKey; line: ReconciliationLine; onDone: () => void }) {
  const t = useCaptions();
  const [mappingText, setMappingText] = useState((line.transactionText || line.description).slice(0, mappingTextLength));
  const [debitAccNo, setDebitAccNo] = useState('');
  const [creditAccNo, setCreditAccNo] = useState('');
  const mapping = useJournalChange(statement.bankAccountNo, (request: MapTextRequest) => reconciliationApi.mapTextToAccount(statement, line.statementLineNo, request), onDone);
  const errors = fieldErrorsOfRequest(mapping.error);
  // An account left empty is left out: the server stores a null it is sent as an error (500), not as "none".
  const save = () => mapping.mutate({ mappingText: mappingText.trim(), debitAccNo: debitAccNo.trim() || undefined, creditAccNo: creditAccNo.trim() || undefined });
  return (
    <Stack gap="sm">
      <Title order={5}>{t('Map Text to Account – line {{lineNo}}', { lineNo: line.statementLineNo })}</Title>
      <Text size="sm" c="dimmed">{t('Every statement line whose text contains the mapping text will post to these G/L accounts.')}</Text>
      <TextInput label={t('Mapping Text')} value={mappingText} maxLength={mappingTextLength} error={errors.mappingText} autoComplete="off"
        onChange={(event) => setMappingText(event.currentTarget.value)} />
      <Group align="start">
        <AccountNoField label={t('Debit Acc. No. (money received)')} accountType="glAccount" value={debitAccNo} onChange={setDebitAccNo} error={errors.debitAccNo} />
        <AccountNoField label={t('Credit Acc. No. (money paid out)')} accountType="glAccount" value={creditAccNo} onChange={setCreditAccNo} error={errors.creditAccNo} />
      </Group>
      {mapping.error && <Alert color="red" role="alert" title={t('The mapping was not saved')}>{messageOf(mapping.error)}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>{t('Back')}</Button>
        <Button disabled={mappingText.trim() === '' || (debitAccNo.trim() === '' && creditAccNo.trim() === '')} loading={mapping.isPending} onClick={save}>{t('Save Mapping')}</Button>
      </Group>
    </Stack>
  );
}
