import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { UnapplyPreview } from '../../core/receivables/unapply.views.ts';
import { messageOf } from '../api/field-errors.ts';
import { JournalPreviewDialog } from '../journal/journal-preview-dialog.tsx';
import type { GeneralJournalPreview } from '../journal/journal-types.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
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
  const t = useCaptions();
  const [preview, setPreview] = useState<GeneralJournalPreview | null>(null);
  const actions = entryActionsOf(ledger);
  const unapplying = useEntryAction({
    run: (postingDate: string | null) => actions.unapply(entry.entryNo, postingDate),
    done: (result) => ({
      title: caption('Entry {{entryNo}} unapplied', { entryNo: entry.entryNo }),
      body: caption('Transaction {{transactionNo}} undid application transaction {{unappliedTransactionNo}}; the entries it applied are open again.', {
        transactionNo: result.transactionNo, unappliedTransactionNo: result.unappliedTransactionNo,
      }),
    }),
    refusedTitle: caption('The entries cannot be unapplied'),
    onSettled: onClose,
  });
  const previewing = useMutation({
    mutationFn: (postingDate: string | null) => actions.previewUnapply(entry.entryNo, postingDate),
    onSuccess: (result) => setPreview(asTransactionPreview(result)),
    onError: (error) => showNotice({ title: caption('The entries cannot be unapplied'), color: 'red', body: messageOf(error) }),
  });
  return (
    <>
      <ConfirmEntryDialog title={ledger.party === 'customer' ? t('Unapply Customer Entries') : t('Unapply Vendor Entries')} withPostingDate confirmLabel={t('Unapply')} busy={unapplying.isPending} onClose={onClose} hidden={preview !== null}
        question={t('Do you want to unapply the latest application of entry {{entryNo}} ({{entry}})? The entries it applied reopen.', { entryNo: entry.entryNo, entry: describeEntry(entry) })}
        secondary={ledger.previewsUnapply ? { label: t('Preview'), busy: previewing.isPending, onClick: (postingDate) => previewing.mutate(postingDate) } : undefined}
        onConfirm={(postingDate) => unapplying.mutate(postingDate)} />
      <JournalPreviewDialog preview={preview} onClose={() => setPreview(null)} locale={locale} />
    </>
  );
}
