import { Button, Menu } from '@mantine/core';
import { useState } from 'react';
import type { LedgerEntry } from '../api/posting-types.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import { ApplyEntriesDialog } from './apply-entries-dialog.tsx';
import { ConfirmEntryDialog } from './confirm-entry-dialog.tsx';
import { describeEntry } from './customer-entries.ts';
import { DetailedEntriesDialog } from './detailed-entries-dialog.tsx';
import { asPartyEntry, entryActionsOf, type PartyLedger, type PartyLedgerEntry } from './party-entries.ts';
import { UnapplyDialog } from './unapply-dialog.tsx';
import { useEntryAction } from './use-entry-action.ts';

type Dialog = 'apply' | 'unapply' | 'reverse' | 'detailed';

/**
 * What BC's Customer (Vendor) Ledger Entries page offers on an entry: Apply Entries (open entries
 * only), Unapply Entries, Reverse Transaction (customer entries) and Detailed Entries. Each posting
 * action asks first.
 */
export function PartyEntryActions({ ledger, row }: { ledger: PartyLedger; row: LedgerEntry }) {
  const t = useCaptions();
  const entry = asPartyEntry(row);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  return (
    <>
      <Menu withinPortal position="bottom-end">
        <Menu.Target>
          <Button size="compact-xs" variant="default" aria-label={t('Actions for entry {{entryNo}}', { entryNo: entry.entryNo })}>{t('Actions')} ▾</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item disabled={!entry.open} onClick={() => setDialog('apply')}>{t('Apply Entries…')}</Menu.Item>
          <Menu.Item onClick={() => setDialog('unapply')}>{t('Unapply Entries…')}</Menu.Item>
          {ledger.reverses && <Menu.Item onClick={() => setDialog('reverse')}>{t('Reverse Transaction…')}</Menu.Item>}
          <Menu.Item onClick={() => setDialog('detailed')}>{t('Detailed Entries')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {dialog === 'apply' && <ApplyEntriesDialog ledger={ledger} entry={entry} onClose={close} />}
      {dialog === 'unapply' && <UnapplyDialog ledger={ledger} entry={entry} onClose={close} />}
      {dialog === 'reverse' && <ReverseDialog ledger={ledger} entry={entry} onClose={close} />}
      {dialog === 'detailed' && <DetailedEntriesDialog ledger={ledger} entry={entry} onClose={close} />}
    </>
  );
}

/** Reverse Transaction: the entries of the entry's transaction posted again with the opposite sign (unapplied first). */
function ReverseDialog({ ledger, entry, onClose }: { ledger: PartyLedger; entry: PartyLedgerEntry; onClose: () => void }) {
  const t = useCaptions();
  const reversing = useEntryAction({
    run: () => entryActionsOf(ledger).reverse(entry.entryNo),
    done: (result) => ({
      title: caption('Transaction {{transactionNo}} reversed', { transactionNo: result.transactionNo }),
      body: caption('Reversed by transaction {{transactionNo}}: every entry posted again with the opposite sign.', { transactionNo: result.reversedByTransactionNo }),
    }),
    refusedTitle: caption('The transaction cannot be reversed'),
    onSettled: onClose,
  });
  return (
    <ConfirmEntryDialog title={t('Reverse Transaction Entries')} confirmLabel={t('Reverse')} busy={reversing.isPending} onClose={onClose}
      question={t(ledger.party === 'customer'
        ? 'Do you want to reverse transaction {{transactionNo}} of entry {{entryNo}} ({{entry}})? Its G/L, customer and bank entries are posted again with the opposite sign.'
        : 'Do you want to reverse transaction {{transactionNo}} of entry {{entryNo}} ({{entry}})? Its G/L, vendor and bank entries are posted again with the opposite sign.',
      { transactionNo: entry.transactionNo, entryNo: entry.entryNo, entry: describeEntry(entry) })}
      onConfirm={() => reversing.mutate()} />
  );
}
