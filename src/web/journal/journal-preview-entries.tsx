import { Stack, Text } from '@mantine/core';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { LedgerTabs } from '../ledgers/ledger-tabs.tsx';
import { journalPreviewSections } from './journal-ledger-specs.ts';
import type { GeneralJournalPreview } from './journal-types.ts';

/**
 * What posting a journal would write, nothing of it kept: the transactions it would make and their
 * entries ledger by ledger. Shown by the journals' Posting Preview and the payment reconciliation
 * journal's Test Report.
 */
export function JournalPreviewEntries({ preview, locale }: { preview: GeneralJournalPreview; locale: SupportedLocale }) {
  const count = preview.transactions.length;
  return (
    <Stack gap="sm">
      <Text size="sm">
        Nothing has been posted. Posting would make {count === 1 ? 'one transaction' : `${count} transactions`}:{' '}
        {preview.transactions.map((transaction) => `${transaction.documentNo} of ${formatDate(transaction.postingDate, locale)}`).join(', ')}.
      </Text>
      <LedgerTabs sections={journalPreviewSections(preview)} locale={locale} />
    </Stack>
  );
}
