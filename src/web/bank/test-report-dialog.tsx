import { Modal, Stack, Text } from '@mantine/core';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { journalPreviewSections } from '../journal/journal-ledger-specs.ts';
import type { GeneralJournalPreview } from '../journal/journal-types.ts';
import { LedgerTabs } from '../ledgers/ledger-tabs.tsx';

/** BC's Test Report of the journal: the entries posting would write, ledger by ledger. Nothing was kept. */
export function TestReportDialog({ preview, onClose, locale }: { preview: GeneralJournalPreview | null; onClose: () => void; locale: SupportedLocale }) {
  return (
    <Modal opened={preview !== null} onClose={onClose} title="Test Report" size="95%">
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
