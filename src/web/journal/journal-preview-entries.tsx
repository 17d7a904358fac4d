import { Stack, Text } from '@mantine/core';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { useCaptions } from '../i18n/captions.ts';
import { LedgerTabs } from '../ledgers/ledger-tabs.tsx';
import { journalPreviewSections } from './journal-ledger-specs.ts';
import type { GeneralJournalPreview } from './journal-types.ts';

/**
 * What posting a journal would write, nothing of it kept: the transactions it would make and their
 * entries ledger by ledger. Shown by the journals' Posting Preview and the payment reconciliation
 * journal's Test Report.
 */
export function JournalPreviewEntries({ preview, locale }: { preview: GeneralJournalPreview; locale: SupportedLocale }) {
  const t = useCaptions();
  const count = preview.transactions.length;
  const transactions = preview.transactions
    .map((transaction) => t('{{documentNo}} of {{date}}', { documentNo: transaction.documentNo, date: formatDate(transaction.postingDate, locale) })).join(', ');
  return (
    <Stack gap="sm">
      <Text size="sm">
        {count === 1 ? t('Nothing has been posted. Posting would make one transaction: {{transactions}}.', { transactions })
          : t('Nothing has been posted. Posting would make {{transactionCount}} transactions: {{transactions}}.', { transactionCount: count, transactions })}
      </Text>
      <LedgerTabs sections={journalPreviewSections(preview)} locale={locale} />
    </Stack>
  );
}
