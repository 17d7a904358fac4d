import { Modal, Stack, Text } from '@mantine/core';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { LedgerTabs } from '../ledgers/ledger-tabs.tsx';
import { journalPreviewSections } from './journal-ledger-specs.ts';
import type { GeneralJournalPreview } from './journal-types.ts';

interface JournalPreviewDialogProps {
  preview: GeneralJournalPreview | null;
  onClose: () => void;
  locale: SupportedLocale;
}

/** BC's Posting Preview of a journal: the entries each transaction would write, ledger by ledger. Nothing was kept. */
export function JournalPreviewDialog({ preview, onClose, locale }: JournalPreviewDialogProps) {
  return (
    <Modal opened={preview !== null} onClose={onClose} title="Posting Preview" size="95%">
      {preview && (
        <Stack gap="sm">
          <Text size="sm">
            Nothing has been posted. Posting would make {preview.transactions.length === 1 ? 'one transaction' : `${preview.transactions.length} transactions`}:{' '}
            {preview.transactions.map((transaction) => `${transaction.documentNo} of ${formatDate(transaction.postingDate, locale)}`).join(', ')}.
          </Text>
          <LedgerTabs sections={journalPreviewSections(preview)} locale={locale} />
        </Stack>
      )}
    </Modal>
  );
}
