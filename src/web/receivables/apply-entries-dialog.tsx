import { Alert, Button, Checkbox, Group, Loader, Modal, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { DateField } from '../components/date-field.tsx';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { applyRequestOf, applyTotals, errorsByEntry, type ApplyMarks, type ApplyOptions } from './apply-entries.ts';
import { describeEntry as describe, useOpenPartyEntries, type ApplyRequest } from './customer-entries.ts';
import { entryActionsOf, partyNoOf, type PartyLedger, type PartyLedgerEntry } from './party-entries.ts';
import { useEntryAction } from './use-entry-action.ts';

interface ApplyEntriesDialogProps {
  /** The customer or the vendor ledger. */
  ledger: PartyLedger;
  entry: PartyLedgerEntry;
  onClose: () => void;
}

/**
 * BC's Apply Customer (Vendor) Entries → Post Application: the party's open entries of the opposite
 * sign, each marked with a checkbox and an Amount to Apply (blank: its remaining amount), posted as
 * one application of the chosen entry.
 */
export function ApplyEntriesDialog({ ledger, entry, onClose }: ApplyEntriesDialogProps) {
  const { locale } = useSession();
  const t = useCaptions();
  const partyNo = partyNoOf(entry);
  const candidates = useOpenPartyEntries(ledger.party, partyNo, true, !entry.positive);
  const [marks, setMarks] = useState<ApplyMarks>({});
  const [options, setOptions] = useState<ApplyOptions>({ postingDate: null, acceptPaymentTolerance: false, acceptPaymentDiscountTolerance: false });
  const [errors, setErrors] = useState<Readonly<Record<number, string>>>({});
  const applying = useEntryAction({
    run: (request: ApplyRequest) => entryActionsOf(ledger).apply(entry.entryNo, request),
    done: (result) => {
      // The answer lists the applying entry and those it was applied to.
      const applied = (result[ledger.name]?.length ?? 1) - 1;
      const values = { transactionNo: result.transactionNo, entry: describe(entry), applied };
      return {
        title: caption('Entry {{entryNo}} applied', { entryNo: entry.entryNo }),
        body: applied === 1 ? caption('Transaction {{transactionNo}} applied {{entry}} to one entry.', values)
          : caption('Transaction {{transactionNo}} applied {{entry}} to {{applied}} entries.', values),
      };
    },
    refusedTitle: caption('The application cannot be posted'),
    onSettled: (succeeded) => succeeded && onClose(),
  });
  const rows = (candidates.data?.items ?? []).filter((candidate) => candidate.entryNo !== entry.entryNo);

  const post = () => {
    const outcome = applyRequestOf(marks, options, locale);
    setErrors(outcome.errors ?? {});
    if (!outcome.request) return;
    const request = outcome.request;
    applying.mutate(request, { onError: (error) => error instanceof ApiError && setErrors(errorsByEntry(error.fieldErrors, request)) });
  };
  const totals = applyTotals(entry, rows, marks, locale);

  return (
    <Modal opened onClose={onClose} size="xl" title={ledger.party === 'customer' ? t('Apply Customer Entries – {{entry}}', { entry: describe(entry) }) : t('Apply Vendor Entries – {{entry}}', { entry: describe(entry) })}>
      <Stack gap="sm">
        <Text size="sm">
          {ledger.party === 'customer' ? t('Entry {{entryNo}} of customer {{partyNo}}, remaining amount', { entryNo: entry.entryNo, partyNo })
            : t('Entry {{entryNo}} of vendor {{partyNo}}, remaining amount', { entryNo: entry.entryNo, partyNo })}{' '}
          <b>{formatAmount(entry.remainingAmount, locale)}</b>{t('. Mark the entries to apply it to.')}
        </Text>
        {candidates.error && <Alert color="red" role="alert">{messageOf(candidates.error)}</Alert>}
        {candidates.isPending ? <Loader size="sm" /> : (
          <CandidatesTable party={ledger.party} rows={rows} marks={marks} errors={errors} locale={locale} onChange={(entryNo, text) => setMarks((current) => {
            if (text !== undefined) return { ...current, [entryNo]: text };
            const { [entryNo]: _unmarked, ...rest } = current;
            return rest;
          })} />
        )}
        {totals && (
          <Group gap="xl" data-testid="apply-totals">
            <Text size="sm">{t('Applied amount:')} <b>{formatAmount(totals.applied, locale)}</b></Text>
            <Text size="sm">{t('Balance:')} <b>{formatAmount(totals.balance, locale)}</b></Text>
          </Group>
        )}
        <ApplyOptionsFields options={options} onChange={setOptions} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('Cancel')}</Button>
          <Button disabled={Object.keys(marks).length === 0} loading={applying.isPending} onClick={post}>{t('Post Application')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface CandidatesTableProps {
  party: PartyLedger['party'];
  rows: readonly PartyLedgerEntry[];
  marks: ApplyMarks;
  errors: Readonly<Record<number, string>>;
  locale: SupportedLocale;
  /** A text: marked with that Amount to Apply; undefined: unmarked. */
  onChange: (entryNo: number, text: string | undefined) => void;
}

function CandidatesTable({ party, rows, marks, errors, locale, onChange }: CandidatesTableProps) {
  const t = useCaptions();
  if (rows.length === 0) {
    return <Text size="sm" c="dimmed">{party === 'customer' ? t('The customer has no open entries to apply this one to.') : t('The vendor has no open entries to apply this one to.')}</Text>;
  }
  return (
    <ScrollArea.Autosize mah={360} type="auto">
      <Table withTableBorder fz="sm" aria-label={t('Open entries to apply')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('Apply')}</Table.Th><Table.Th>{t('Posting Date')}</Table.Th><Table.Th>{t('Document')}</Table.Th><Table.Th>{t('Due Date')}</Table.Th>
            <Table.Th ta="right">{t('Remaining Amount')}</Table.Th><Table.Th ta="right">{t('Amount to Apply')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.entryNo} data-entry-no={row.entryNo}>
              <Table.Td><Checkbox aria-label={t('Apply {{entry}}', { entry: describe(row) })} checked={row.entryNo in marks} onChange={(event) => onChange(row.entryNo, event.currentTarget.checked ? '' : undefined)} /></Table.Td>
              <Table.Td>{formatDate(row.postingDate, locale)}</Table.Td>
              <Table.Td>{describe(row)}</Table.Td>
              <Table.Td>{row.dueDate ? formatDate(row.dueDate, locale) : ''}</Table.Td>
              <Table.Td ta="right">{formatAmount(row.remainingAmount, locale)}</Table.Td>
              <Table.Td>
                <TextInput size="xs" aria-label={t('Amount to Apply, {{entry}}', { entry: describe(row) })} disabled={!(row.entryNo in marks)} value={marks[row.entryNo] ?? ''}
                  placeholder={row.entryNo in marks ? formatAmount(row.remainingAmount, locale) : ''} error={errors[row.entryNo] && t(errors[row.entryNo]!)} autoComplete="off"
                  styles={{ input: { textAlign: 'right' } }} onChange={(event) => onChange(row.entryNo, event.currentTarget.value)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** Posting Date and the answers to BC's tolerance warnings, sent with the application. */
function ApplyOptionsFields({ options, onChange }: { options: ApplyOptions; onChange: (options: ApplyOptions) => void }) {
  const t = useCaptions();
  return (
    <Stack gap={6}>
      <div style={{ width: 160 }}>
        <DateField label={t('Posting Date')} value={options.postingDate} onCommit={(postingDate) => onChange({ ...options, postingDate })} />
      </div>
      <Checkbox label={t('Post the balance as payment tolerance')} description={t('Unticked: leave the balance as remaining amount.')}
        checked={options.acceptPaymentTolerance} onChange={(event) => onChange({ ...options, acceptPaymentTolerance: event.currentTarget.checked })} />
      <Checkbox label={t('Post a late payment discount as payment discount tolerance')} description={t('Unticked: leave the discount as remaining amount.')}
        checked={options.acceptPaymentDiscountTolerance} onChange={(event) => onChange({ ...options, acceptPaymentDiscountTolerance: event.currentTarget.checked })} />
    </Stack>
  );
}
