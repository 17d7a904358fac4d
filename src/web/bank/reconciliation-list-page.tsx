import { Alert, Button, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { messageOf } from '../api/field-errors.ts';
import { formatAmount } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { CsvFormatDialog } from './csv-format-dialog.tsx';
import { describeMapping } from './csv-format.ts';
import { DeleteJournalDialog } from './delete-journal-dialog.tsx';
import { journalPagePath, reconciliationApi, type BankAccount } from './reconciliation-api.ts';
import { ReconciliationJournalsTable } from './reconciliation-journals-table.tsx';
import type { Reconciliation } from './reconciliation-types.ts';
import { ImportStatementButton, StatementImportOutcome, useStatementImport } from './statement-import.tsx';
import { useBankAccountChoice, useJournalChange, useReconciliationList } from './use-reconciliation.ts';

/**
 * BC's Payment Reconciliation Journals: per bank account, the statements being reconciled. A new
 * journal is started empty (lines typed by hand) or from a bank statement file; CSV files are read
 * with the bank account's Statement CSV Format, set up here.
 */
export function ReconciliationListPage() {
  const t = useCaptions();
  const choice = useBankAccountChoice();
  return (
    <Stack gap="sm">
      <Title order={2}>{t('Payment Reconciliation Journals')}</Title>
      <Group align="end">
        <NativeSelect label={t('Bank Account')} w={320} value={choice.account?.no ?? ''} onChange={(event) => choice.choose(event.currentTarget.value)}
          data={choice.items.map((account) => ({ value: account.no, label: `${account.no} – ${account.name}` }))} />
        {choice.account && <BankAccountFacts account={choice.account} />}
      </Group>
      {choice.accounts.error && <Alert color="red" role="alert">{messageOf(choice.accounts.error)}</Alert>}
      {choice.accounts.isSuccess && !choice.account && <Text c="dimmed">{choice.items.length === 0 ? t('There is no bank account.') : t('The bank account asked for does not exist.')}</Text>}
      {choice.account && <BankAccountJournals key={choice.account.no} account={choice.account} />}
    </Stack>
  );
}

function BankAccountFacts({ account }: { account: BankAccount }) {
  const { locale } = useSession();
  const t = useCaptions();
  const tolerance = account.matchToleranceType === 'percentage' ? `${account.matchToleranceValue} %` : formatAmount(account.matchToleranceValue, locale);
  return (
    <Text size="sm" c="dimmed" pb={6} data-testid="bank-account-facts">
      {account.iban || account.bankAccountNo || t('No IBAN')} · {account.currencyCode || t('local currency')} · {t('match tolerance ± {{tolerance}}', { tolerance })}
      {' · '}<span data-testid="csv-format-summary">{describeMapping(account.statementCsvMapping)}</span>
    </Text>
  );
}

function BankAccountJournals({ account }: { account: BankAccount }) {
  const { locale } = useSession();
  const t = useCaptions();
  const navigate = useNavigate();
  const journals = useReconciliationList(account.no);
  const statementImport = useStatementImport(account.no);
  const creating = useJournalChange(account.no, () => reconciliationApi.create(account.no), (journal) => navigate(journalPagePath(journal)));
  const [dialog, setDialog] = useState<{ kind: 'csvFormat' } | { kind: 'delete'; journal: Reconciliation } | null>(null);
  return (
    <>
      <Group role="toolbar" aria-label={t('Actions')}>
        <Button loading={creating.isPending} disabled={account.blocked} onClick={() => creating.mutate(undefined)}>{t('New Journal')}</Button>
        <ImportStatementButton state={statementImport} disabled={account.blocked} />
        <Button variant="default" onClick={() => setDialog({ kind: 'csvFormat' })}>{t('Statement CSV Format…')}</Button>
      </Group>
      {account.blocked && <Text size="sm" c="red">{t('The bank account is blocked.')}</Text>}
      {creating.error && <Alert color="red" role="alert" title={t('The journal was not created')}>{messageOf(creating.error)}</Alert>}
      <StatementImportOutcome state={statementImport} />
      {journals.error && <Alert color="red" role="alert">{messageOf(journals.error)}</Alert>}
      {journals.isPending ? <Loader size="sm" /> : (
        <ReconciliationJournalsTable journals={journals.data?.items ?? []} locale={locale} onDelete={(journal) => setDialog({ kind: 'delete', journal })} />
      )}
      {dialog?.kind === 'csvFormat' && <CsvFormatDialog account={account} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && <DeleteJournalDialog journal={dialog.journal} onClose={() => setDialog(null)} />}
    </>
  );
}
