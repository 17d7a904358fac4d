import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ReconciliationAccountType } from '../../core/bank/reconciliation.schemas.ts';
import { dec } from '../../core/money/decimal.ts';
import { fieldErrorsOfRequest, messageOf } from '../api/field-errors.ts';
import { formatAmount } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { AccountNoField } from './account-no-field.tsx';
import { accountTypeOptions } from './account-lookups.ts';
import { reconciliationApi } from './reconciliation-api.ts';
import type { ReconciliationLine, StatementKey, TransferDifferenceRequest } from './reconciliation-types.ts';
import { useJournalChange } from './use-reconciliation.ts';

/**
 * Transfer Difference to Account: the line's difference posts to an account (a bank fee to a G/L
 * account, an unknown payer on account). A line partly applied is split: the difference becomes a new line.
 */
export function TransferDifferencePanel({ statement, line, onDone }: { statement: StatementKey; line: ReconciliationLine; onDone: () => void }) {
  const { locale } = useSession();
  const t = useCaptions();
  const [accountType, setAccountType] = useState<ReconciliationAccountType>('glAccount');
  const [accountNo, setAccountNo] = useState('');
  const [description, setDescription] = useState(line.transactionText.slice(0, 100));
  const transferring = useJournalChange(statement.bankAccountNo,
    (request: TransferDifferenceRequest) => reconciliationApi.transferDifference(statement, line.statementLineNo, request), onDone);
  const errors = fieldErrorsOfRequest(transferring.error);
  const split = !dec(line.appliedAmount).isZero();
  return (
    <Stack gap="sm">
      <Title order={5}>{t('Transfer Difference to Account – line {{lineNo}}', { lineNo: line.statementLineNo })}</Title>
      <Text size="sm">
        {t('Difference')} <b data-testid="transfer-amount">{formatAmount(line.difference, locale)}</b>
        {split ? t(': the line is split, the difference moving to a new line posted to the account.') : t(': the whole line posts to the account.')}
      </Text>
      <Group align="start">
        <NativeSelect label={t('Account Type')} w={180} value={accountType} data={accountTypeOptions.map((option) => ({ ...option, label: t(option.label) }))} error={errors.accountType}
          onChange={(event) => { setAccountType(event.currentTarget.value as ReconciliationAccountType); setAccountNo(''); }} />
        <AccountNoField label={t('Account No.')} accountType={accountType} value={accountNo} onChange={setAccountNo} error={errors.accountNo} />
      </Group>
      <TextInput label={t('Description')} value={description} maxLength={100} error={errors.description} autoComplete="off" onChange={(event) => setDescription(event.currentTarget.value)} />
      {transferring.error && <Alert color="red" role="alert" title={t('The difference was not transferred')}>{messageOf(transferring.error)}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>{t('Back')}</Button>
        <Button disabled={accountNo.trim() === ''} loading={transferring.isPending}
          onClick={() => transferring.mutate({ accountType, accountNo: accountNo.trim(), description: description.trim() || undefined })}>{t('Transfer')}</Button>
      </Group>
    </Stack>
  );
}
