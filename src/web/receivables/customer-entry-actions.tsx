import { Button, Menu } from '@mantine/core';
import { useState } from 'react';
import type { LedgerEntry } from '../api/posting-types.ts';
import { captionOf } from '../format/captions.ts';
import { ApplyEntriesDialog } from './apply-entries-dialog.tsx';
import { ConfirmEntryDialog } from './confirm-entry-dialog.tsx';
import { asCustomerEntry, customerEntryActions, type CustomerLedgerEntry } from './customer-entries.ts';
import { DetailedEntriesDialog } from './detailed-entries-dialog.tsx';
import { useEntryAction } from './use-entry-action.ts';

type Dialog = 'apply' | 'unapply' | 'reverse' | 'detailed';

const describe = (entry: CustomerLedgerEntry) => `${captionOf(entry.documentType || 'blank')} ${entry.documentNo}`;

/**
 * What BC's Customer Ledger Entries page offers on an entry: Apply Entries (open entries only),
 * Unapply Entries, Reverse Transaction and Detailed Entries. Each posting action asks first.
 */
export function CustomerEntryActions({ row }: { row: LedgerEntry }) {
  const entry = asCustomerEntry(row);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  return (
    <>
      <Menu withinPortal position="bottom-end">
        <Menu.Target>
          <Button size="compact-xs" variant="default" aria-label={`Actions for entry ${entry.entryNo}`}>Actions ▾</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item disabled={!entry.open} onClick={() => setDialog('apply')}>Apply Entries…</Menu.Item>
          <Menu.Item onClick={() => setDialog('unapply')}>Unapply Entries…</Menu.Item>
          <Menu.Item onClick={() => setDialog('reverse')}>Reverse Transaction…</Menu.Item>
          <Menu.Item onClick={() => setDialog('detailed')}>Detailed Entries</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {dialog === 'apply' && <ApplyEntriesDialog entry={entry} onClose={close} />}
      {dialog === 'unapply' && <UnapplyDialog entry={entry} onClose={close} />}
      {dialog === 'reverse' && <ReverseDialog entry={entry} onClose={close} />}
      {dialog === 'detailed' && <DetailedEntriesDialog entry={entry} onClose={close} />}
    </>
  );
}

/** Unapply Entries: undoes the entry's latest application; the entries it closed reopen. */
function UnapplyDialog({ entry, onClose }: { entry: CustomerLedgerEntry; onClose: () => void }) {
  const unapplying = useEntryAction({
    run: (postingDate: string | null) => customerEntryActions.unapply(entry.entryNo, postingDate),
    done: (result) => ({
      title: `Entry ${entry.entryNo} unapplied`,
      body: `Transaction ${result.transactionNo} undid application transaction ${result.unappliedTransactionNo}; the entries it applied are open again.`,
    }),
    refusedTitle: 'The entries cannot be unapplied',
    onSettled: onClose,
  });
  return (
    <ConfirmEntryDialog title="Unapply Customer Entries" withPostingDate confirmLabel="Unapply" busy={unapplying.isPending} onClose={onClose}
      question={`Do you want to unapply the latest application of entry ${entry.entryNo} (${describe(entry)})? The entries it applied reopen.`}
      onConfirm={(postingDate) => unapplying.mutate(postingDate)} />
  );
}

/** Reverse Transaction: the entries of the entry's transaction posted again with the opposite sign (unapplied first). */
function ReverseDialog({ entry, onClose }: { entry: CustomerLedgerEntry; onClose: () => void }) {
  const reversing = useEntryAction({
    run: () => customerEntryActions.reverse(entry.entryNo),
    done: (result) => ({
      title: `Transaction ${result.transactionNo} reversed`,
      body: `Reversed by transaction ${result.reversedByTransactionNo}: every entry posted again with the opposite sign.`,
    }),
    refusedTitle: 'The transaction cannot be reversed',
    onSettled: onClose,
  });
  return (
    <ConfirmEntryDialog title="Reverse Transaction Entries" confirmLabel="Reverse" busy={reversing.isPending} onClose={onClose}
      question={`Do you want to reverse transaction ${entry.transactionNo} of entry ${entry.entryNo} (${describe(entry)})? Its G/L, customer and bank entries are posted again with the opposite sign.`}
      onConfirm={() => reversing.mutate()} />
  );
}
