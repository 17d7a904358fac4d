import { Modal } from '@mantine/core';
import type { SupportedLocale } from '../format/locales.ts';
import { useCaptions } from '../i18n/captions.ts';
import { JournalPreviewEntries } from './journal-preview-entries.tsx';
import type { GeneralJournalPreview } from './journal-types.ts';

interface JournalPreviewDialogProps {
  preview: GeneralJournalPreview | null;
  onClose: () => void;
  locale: SupportedLocale;
}

/** BC's Posting Preview of a journal: the entries each transaction would write, ledger by ledger. Nothing was kept. */
export function JournalPreviewDialog({ preview, onClose, locale }: JournalPreviewDialogProps) {
  const t = useCaptions();
  return (
    <Modal opened={preview !== null} onClose={onClose} title={t('Posting Preview')} size="95%">
      {preview && <JournalPreviewEntries preview={preview} locale={locale} />}
    </Modal>
  );
}
