import { Alert, Button, Checkbox, Group, Loader, Modal, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, apiRequest, encodeKey } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import type { ApplyMarks } from '../receivables/apply-entries.ts';
import { describeEntry, useOpenCustomerEntries, type CustomerLedgerEntry } from '../receivables/customer-entries.ts';
import {
  appliesToIdOf, appliesToPositive, lineChangeOfMarks, markErrorsByEntry, marksOf, marksRequestOf, markTotals, type ApplyMarksRequest, type ApplyMarkView,
} from './applies-to-marks.ts';
import type { JournalLineView, LineChange } from './batch-lines.ts';

interface ApplyMarksDialogProps {
  line: JournalLineView;
  locale: SupportedLocale;
  /** The marks are saved: the line's change (its Applies-to ID, and an amount if it had none) to save. */
  onSaved: (change: LineChange) => void;
  onClose: () => void;
}

const marksPath = (appliesToId: string) => `/customerEntryApplyMarks/${encodeKey(appliesToId)}`;

/**
 * The dialog's state: the marks as saved under the line's Applies-to ID until the clerk changes one,
 * and OK, which replaces the ID's marks on the server and then hands the line its change.
 */
function useLineMarks({ line, locale, onSaved, onClose }: ApplyMarksDialogProps) {
  const queryClient = useQueryClient();
  const appliesToId = appliesToIdOf(line);
  const candidates = useOpenCustomerEntries(line.accountNo, true, appliesToPositive(line));
  const saved = useQuery({ queryKey: ['applyMarks', appliesToId], queryFn: () => apiRequest<{ entries: ApplyMarkView[] }>('GET', marksPath(appliesToId)) });
  const [edited, setEdited] = useState<ApplyMarks | null>(null);
  const [errors, setErrors] = useState<Readonly<Record<number, string>>>({});
  const marks = edited ?? (saved.data ? marksOf(saved.data.entries, line.accountNo, locale) : {});
  const rows = candidates.data?.items ?? [];
  const totals = markTotals(line, rows, marks, locale);
  const saving = useMutation({
    mutationFn: (request: ApplyMarksRequest) => apiRequest<{ entries: ApplyMarkView[] }>('PUT', marksPath(appliesToId), { body: request }),
    onSuccess: (result) => {
      queryClient.setQueryData(['applyMarks', appliesToId], result);
      onSaved(lineChangeOfMarks(line, appliesToId, totals?.applied ?? null, result.entries.length > 0));
      onClose();
    },
    onError: (error, request) => error instanceof ApiError && setErrors(markErrorsByEntry(error.fieldErrors, request)),
  });
  const save = () => {
    const outcome = marksRequestOf(marks, locale);
    setErrors(outcome.errors ?? {});
    if (outcome.request) saving.mutate(outcome.request);
  };
  const change = (entryNo: number, text: string | undefined) => {
    const { [entryNo]: _previous, ...rest } = marks;
    setEdited(text === undefined ? rest : { ...rest, [entryNo]: text });
  };
  return { appliesToId, candidates, saved, marks, rows, totals, errors, saving, save, change };
}

/**
 * BC's Apply Customer Entries opened from a cash receipt journal line: the customer's open entries,
 * each marked with the line's Applies-to ID (Set Applies-to ID) and an Amount to Apply (blank: its
 * remaining amount), the total applied against the line's amount; OK keeps the marks for posting.
 */
export function ApplyMarksDialog(props: ApplyMarksDialogProps) {
  const { line, locale, onClose } = props;
  const t = useCaptions();
  const state = useLineMarks(props);
  const loading = state.candidates.isPending || state.saved.isPending;
  const failed = state.candidates.error ?? state.saved.error ?? state.saving.error;
  return (
    <Modal opened onClose={onClose} size="xl" title={t('Apply Customer Entries – {{entry}}', { entry: line.documentNo })}>
      <Stack gap="sm">
        <Text size="sm">
          {t('Journal line {{documentNo}} of customer {{customerNo}}. Mark the entries it pays with Applies-to ID', { documentNo: line.documentNo, customerNo: line.accountNo })}{' '}
          <b>{state.appliesToId}</b>{t('; posting the batch applies them, each for its Amount to Apply.')}
        </Text>
        {failed && <Alert color="red" role="alert" title={t('The entries cannot be marked')}>{messageOf(failed)}</Alert>}
        {loading ? <Loader size="sm" /> : (
          <MarksTable rows={state.rows} marks={state.marks} appliesToId={state.appliesToId} errors={state.errors} locale={locale} onChange={state.change} />
        )}
        {state.totals && (
          <Group gap="xl" data-testid="applies-to-totals">
            <Text size="sm">{t('Amount (line):')} <b data-total="lineAmount">{formatAmount(state.totals.lineAmount, locale)}</b></Text>
            <Text size="sm">{t('Applied amount:')} <b data-total="applied">{formatAmount(state.totals.applied, locale)}</b></Text>
            <Text size="sm">{t('Balance:')} <b data-total="balance">{formatAmount(state.totals.balance, locale)}</b></Text>
          </Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('Cancel')}</Button>
          <Button disabled={loading} loading={state.saving.isPending} onClick={state.save}>{t('OK')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface MarksTableProps {
  rows: readonly CustomerLedgerEntry[];
  marks: ApplyMarks;
  appliesToId: string;
  errors: Readonly<Record<number, string>>;
  locale: SupportedLocale;
  /** A text: marked with that Amount to Apply; undefined: unmarked. */
  onChange: (entryNo: number, text: string | undefined) => void;
}

function MarksTable({ rows, marks, appliesToId, errors, locale, onChange }: MarksTableProps) {
  const t = useCaptions();
  if (rows.length === 0) return <Text size="sm" c="dimmed">{t('The customer has no open entries this line can be applied to.')}</Text>;
  return (
    <ScrollArea.Autosize mah={360} type="auto">
      <Table withTableBorder fz="sm" aria-label={t('Open entries to apply')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('Applies-to ID')}</Table.Th><Table.Th>{t('Posting Date')}</Table.Th><Table.Th>{t('Document')}</Table.Th><Table.Th>{t('Due Date')}</Table.Th>
            <Table.Th ta="right">{t('Remaining Amount')}</Table.Th><Table.Th ta="right">{t('Amount to Apply')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const marked = row.entryNo in marks;
            return (
              <Table.Tr key={row.entryNo} data-entry-no={row.entryNo}>
                <Table.Td>
                  <Checkbox aria-label={t('Set Applies-to ID, {{entry}}', { entry: describeEntry(row) })} label={marked ? appliesToId : undefined} checked={marked}
                    onChange={(event) => onChange(row.entryNo, event.currentTarget.checked ? '' : undefined)} />
                </Table.Td>
                <Table.Td>{formatDate(row.postingDate, locale)}</Table.Td>
                <Table.Td>{describeEntry(row)}</Table.Td>
                <Table.Td>{row.dueDate ? formatDate(row.dueDate, locale) : ''}</Table.Td>
                <Table.Td ta="right">{formatAmount(row.remainingAmount, locale)}</Table.Td>
                <Table.Td>
                  <TextInput size="xs" aria-label={t('Amount to Apply, {{entry}}', { entry: describeEntry(row) })} disabled={!marked} value={marks[row.entryNo] ?? ''}
                    placeholder={marked ? formatAmount(row.remainingAmount, locale) : ''} error={errors[row.entryNo] && t(errors[row.entryNo]!)} autoComplete="off"
                    styles={{ input: { textAlign: 'right' } }} onChange={(event) => onChange(row.entryNo, event.currentTarget.value)} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
