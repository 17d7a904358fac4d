import { Alert, Button, Checkbox, Group, Loader, Modal, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { DateField } from '../components/date-field.tsx';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
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
      return {
        title: `Entry ${entry.entryNo} applied`,
        body: `Transaction ${result.transactionNo} applied ${describe(entry)} to ${applied === 1 ? 'one entry' : `${applied} entries`}.`,
      };
    },
    refusedTitle: 'The application cannot be posted',
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
    <Modal opened onClose={onClose} size="xl" title={`Apply ${ledger.caption} Entries – ${describe(entry)}`}>
      <Stack gap="sm">
        <Text size="sm">Entry {entry.entryNo} of {ledger.party} {partyNo}, remaining amount <b>{formatAmount(entry.remainingAmount, locale)}</b>. Mark the entries to apply it to.</Text>
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
            <Text size="sm">Applied amount: <b>{formatAmount(totals.applied, locale)}</b></Text>
            <Text size="sm">Balance: <b>{formatAmount(totals.balance, locale)}</b></Text>
          </Group>
        )}
        <ApplyOptionsFields options={options} onChange={setOptions} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button disabled={Object.keys(marks).length === 0} loading={applying.isPending} onClick={post}>Post Application</Button>
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
  if (rows.length === 0) return <Text size="sm" c="dimmed">The {party} has no open entries to apply this one to.</Text>;
  return (
    <ScrollArea.Autosize mah={360} type="auto">
      <Table withTableBorder fz="sm" aria-label="Open entries to apply">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Apply</Table.Th><Table.Th>Posting Date</Table.Th><Table.Th>Document</Table.Th><Table.Th>Due Date</Table.Th>
            <Table.Th ta="right">Remaining Amount</Table.Th><Table.Th ta="right">Amount to Apply</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.entryNo} data-entry-no={row.entryNo}>
              <Table.Td><Checkbox aria-label={`Apply ${describe(row)}`} checked={row.entryNo in marks} onChange={(event) => onChange(row.entryNo, event.currentTarget.checked ? '' : undefined)} /></Table.Td>
              <Table.Td>{formatDate(row.postingDate, locale)}</Table.Td>
              <Table.Td>{describe(row)}</Table.Td>
              <Table.Td>{row.dueDate ? formatDate(row.dueDate, locale) : ''}</Table.Td>
              <Table.Td ta="right">{formatAmount(row.remainingAmount, locale)}</Table.Td>
              <Table.Td>
                <TextInput size="xs" aria-label={`Amount to Apply, ${describe(row)}`} disabled={!(row.entryNo in marks)} value={marks[row.entryNo] ?? ''}
                  placeholder={row.entryNo in marks ? formatAmount(row.remainingAmount, locale) : ''} error={errors[row.entryNo]} autoComplete="off"
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
  return (
    <Stack gap={6}>
      <div style={{ width: 160 }}>
        <DateField label="Posting Date" value={options.postingDate} onCommit={(postingDate) => onChange({ ...options, postingDate })} />
      </div>
      <Checkbox label="Post the balance as payment tolerance" description="Unticked: leave the balance as remaining amount."
        checked={options.acceptPaymentTolerance} onChange={(event) => onChange({ ...options, acceptPaymentTolerance: event.currentTarget.checked })} />
      <Checkbox label="Post a late payment discount as payment discount tolerance" description="Unticked: leave the discount as remaining amount."
        checked={options.acceptPaymentDiscountTolerance} onChange={(event) => onChange({ ...options, acceptPaymentDiscountTolerance: event.currentTarget.checked })} />
    </Stack>
  );
}
