import { Modal } from '@mantine/core';
import type { SupportedLocale } from '../format/locales.ts';
import { useCaptions } from '../i18n/captions.ts';
import { JournalPreviewEntries } from '../journal/journal-preview-entries.tsx';
import type { GeneralJournalPreview } from '../journal/journal-types.ts';

/** BC's Test Report of the journal: the entries posting would write, ledger by ledger. Nothing was kept. */
export function TestReportDialog({ preview, onClose, locale }: { preview: GeneralJournalPreview | null; onClose: () => void; locale: SupportedLocale }) {
  const t = useCaptions();
  return (
    <Modal opened={preview !== null} onClose={onClose} title={t('Test Report')} size="95%">
      {preview && <JournalPreviewEntries preview={preview} locale={locale} />}
    </Modal>
  );
}
