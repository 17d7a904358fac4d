import { Alert, Anchor, Button, FileButton, List, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../api/field-errors.ts';
import { useCaptions } from '../i18n/captions.ts';
import { journalPagePath, reconciliationApi } from './reconciliation-api.ts';
import type { StatementImportResult } from './reconciliation-types.ts';
import { useJournalChange } from './use-reconciliation.ts';

/** What the last import did, or why the file was refused. */
export type ImportOutcome = { fileName: string; result: StatementImportResult } | { fileName: string; error: unknown };

/**
 * Import Bank Statement: the file (camt.05x, MT940/MT942, or CSV with the bank account's mapping)
 * is read in the browser and sent as text; the server parses it whole, imports it into a new journal
 * and runs Apply Automatically, or refuses it and imports nothing.
 */
export function useStatementImport(bankAccountNo: string) {
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const importing = useJournalChange(bankAccountNo, async (file: File) => {
    const content = await file.text();
    return reconciliationApi.importFile(bankAccountNo, { fileName: file.name, content });
  });
  const importFile = (file: File) => {
    setOutcome(null);
    importing.mutate(file, {
      onSuccess: (result) => setOutcome({ fileName: file.name, result }),
      onError: (error) => setOutcome({ fileName: file.name, error }),
    });
  };
  return { importFile, outcome, busy: importing.isPending, dismiss: () => setOutcome(null) };
}

type StatementImport = ReturnType<typeof useStatementImport>;

export function ImportStatementButton({ state, disabled }: { state: StatementImport; disabled: boolean }) {
  // Cleared after each pick, so choosing the same file again imports it again (and shows it skipped).
  const reset = useRef<() => void>(null);
  const t = useCaptions();
  return (
    <FileButton resetRef={reset} accept=".xml,.txt,.sta,.mt940,.940,.csv,.052,.053,.054"
      onChange={(file) => { if (file) state.importFile(file); reset.current?.(); }}>
      {(props) => <Button {...props} variant="default" loading={state.busy} disabled={disabled}>{t('Import Bank Statement…')}</Button>}
    </FileButton>
  );
}

/** The import's result (lines imported, skipped as imported before, matched, warnings), or the refusal. */
export function StatementImportOutcome({ state }: { state: StatementImport }) {
  const { outcome } = state;
  const t = useCaptions();
  if (!outcome) return null;
  if ('error' in outcome) {
    return (
      <Alert color="red" role="alert" title={t('The file was not imported')} withCloseButton closeButtonLabel={t('Close')} onClose={state.dismiss}>
        <Text size="sm" data-testid="import-problem">{messageOf(outcome.error)}</Text>
      </Alert>
    );
  }
  const { result } = outcome;
  return (
    <Alert color={result.warnings.length > 0 ? 'orange' : 'teal'} role="status" title={t('{{fileName}} imported', { fileName: outcome.fileName })}
      withCloseButton closeButtonLabel={t('Close')} onClose={state.dismiss}>
      <List size="sm" data-testid="import-result">
        <List.Item data-count="imported">
          {t('{{imported}} transaction(s) imported as lines into statement {{statementNo}} ({{format}})', { imported: result.imported, statementNo: result.statementNo, format: result.format })}
        </List.Item>
        <List.Item data-count="skipped">{t('{{skipped}} skipped: imported before', { skipped: result.skipped })}</List.Item>
        <List.Item data-count="applied">{t('{{applied}} applied automatically', { applied: result.applied })}</List.Item>
        {result.warnings.map((warning) => <List.Item key={warning} c="orange.9">{warning}</List.Item>)}
      </List>
      <Anchor component={Link} to={journalPagePath(result)} size="sm">{t('Open statement {{statementNo}}', { statementNo: result.statementNo })}</Anchor>
    </Alert>
  );
}
