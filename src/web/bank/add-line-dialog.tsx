import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { fieldErrorsOfRequest, messageOf } from '../api/field-errors.ts';
import { DateField } from '../components/date-field.tsx';
import { parseDecimalInput } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { reconciliationApi } from './reconciliation-api.ts';
import type { StatementKey } from './reconciliation-types.ts';
import { useJournalChange } from './use-reconciliation.ts';

interface LineDraft { transactionDate: string | null; transactionText: string; relatedPartyName: string; amount: string }

/** A statement line typed by hand (a transaction the file did not bring): date, text, party and amount (money in positive). */
export function AddLineDialog({ statement, defaultDate, onClose }: { statement: StatementKey; defaultDate: string | null; onClose: () => void }) {
  const { locale, workDate } = useSession();
  const t = useCaptions();
  const [draft, setDraft] = useState<LineDraft>({ transactionDate: defaultDate ?? workDate, transactionText: '', relatedPartyName: '', amount: '' });
  const [amountInvalid, setAmountInvalid] = useState(false);
  const adding = useJournalChange(statement.bankAccountNo, (request: Parameters<typeof reconciliationApi.addLine>[1]) => reconciliationApi.addLine(statement, request), onClose);
  const errors = fieldErrorsOfRequest(adding.error);
  const set = (field: keyof LineDraft) => (value: string | null) => setDraft((current) => ({ ...current, [field]: value }));

  const add = () => {
    const statementAmount = draft.amount.trim() === '' ? null : parseDecimalInput(draft.amount, locale);
    setAmountInvalid(statementAmount === null);
    if (statementAmount === null || draft.transactionDate === null) return;
    adding.mutate({ transactionDate: draft.transactionDate, transactionText: draft.transactionText, relatedPartyName: draft.relatedPartyName, statementAmount });
  };
  return (
    <Modal opened onClose={onClose} title={t('Add Statement Line')}>
      <Stack gap="sm">
        <DateField label={t('Transaction Date')} value={draft.transactionDate} error={errors.transactionDate} onCommit={set('transactionDate')} />
        <TextInput label={t('Transaction Text')} value={draft.transactionText} error={errors.transactionText} maxLength={140} autoComplete="off"
          onChange={(event) => set('transactionText')(event.currentTarget.value)} />
        <TextInput label={t('Related Party Name')} value={draft.relatedPartyName} error={errors.relatedPartyName} maxLength={100} autoComplete="off"
          onChange={(event) => set('relatedPartyName')(event.currentTarget.value)} />
        <TextInput label={t('Statement Amount')} description={t('Money received positive, money paid out negative.')} value={draft.amount} autoComplete="off"
          error={amountInvalid ? t('is not an amount') : errors.statementAmount} styles={{ input: { textAlign: 'right' } }}
          onChange={(event) => set('amount')(event.currentTarget.value)} />
        {adding.error && !Object.keys(errors).length && <Alert color="red" role="alert">{messageOf(adding.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('Cancel')}</Button>
          <Button loading={adding.isPending} onClick={add}>{t('Add Line')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
