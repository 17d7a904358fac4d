import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { UnapplyPreview } from '../../core/receivables/unapply.views.ts';
import { messageOf } from '../api/field-errors.ts';
import { JournalPreviewDialog } from '../journal/journal-preview-dialog.tsx';
import type { GeneralJournalPreview } from '../journal/journal-types.ts';
import { showNotice } from '../layout/notices.ts';
import { useSession } from '../session/session-store.ts';
import { ConfirmEntryDialog } from './confirm-entry-dialog.tsx';
import { describeEntry } from './customer-entries.ts';
import { entryActionsOf, type PartyLedger, type PartyLedgerEntry } from './party-entries.ts';
import { useEntryAction } from './use-entry-action.ts';

/** The unapply's one transaction as the journals' Posting Preview shows a transaction: it writes no entry of other ledgers. */
const asTransactionPreview = (preview: UnapplyPreview): GeneralJournalPreview => ({
  transactions: [{
    transactionNo: preview.transactionNo, postingDate: preview.postingDate, documentNo: preview.documentNo, lines: [],
    glEntries: preview.glEntries, vatEntries: preview.vatEntries, customerLedgerEntries: [], detailedCustomerLedgerEntries: preview.detailedCustomerLedgerEntries,
    vendorLedgerEntries: [], detailedVendorLedgerEntries: [], bankAccountLedgerEntries: [],
  }],
});

/**
 * Unapply Entries: undoes the entry's latest application; the entries it closed reopen. Preview
 * (BC's Preview Unapply, customer entries only) shows the entries it would write for the same
 * Posting Date, keeping nothing.
 */
export function UnapplyDialog({ ledger, entry, onClose }: { ledger: PartyLedger; entry: PartyLedgerEntry; onClose: () => void }) {
  const { locale } = useSession();
  const [preview, setPreview] = useState<GeneralJournalPreview | null>(null);
  const actions = entryActionsOf(ledger);
  const unapplying = useEntryAction({
    run: (postingDate: string | null) => actions.unapply(entry.entryNo, postingDate),
    done: (result) => ({
      title: `Entry ${entry.entryNo} unapplied`,
      body: `Transaction ${result.transactionNo} undid application transaction ${result.unappliedTransactionNo}; the entries it applied are open again.`,
    }),
    refusedTitle: 'The entries cannot be unapplied',
    onSettled: onClose,
  });
  const previewing = useMutation({
    mutationFn: (postingDate: string | null) => actions.previewUnapply(entry.entryNo, postingDate),
    onSuccess: (result) => setPreview(asTransactionPreview(result)),
    onError: (error) => showNotice({ title: 'The entries cannot be unapplied', color: 'red', body: messageOf(error) }),
  });
  return (
    <>
      <ConfirmEntryDialog title={`Unapply ${ledger.caption} Entries`} withPostingDate confirmLabel="Unapply" busy={unapplying.isPending} onClose={onClose} hidden={preview !== null}
        question={`Do you want to unapply the latest application of entry ${entry.entryNo} (${describeEntry(entry)})? The entries it applied reopen.`}
        secondary={ledger.previewsUnapply ? { label: 'Preview', busy: previewing.isPending, onClick: (postingDate) => previewing.mutate(postingDate) } : undefined}
        onConfirm={(postingDate) => unapplying.mutate(postingDate)} />
      <JournalPreviewDialog preview={preview} onClose={() => setPreview(null)} locale={locale} />
    </>
  );
}
