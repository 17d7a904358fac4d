import { Modal, Stack, Text } from '@mantine/core';
import type { PostingPreview } from '../api/posting-types.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { ledgerSections } from '../ledgers/entry-format.ts';
import { LedgerTabs } from '../ledgers/ledger-tabs.tsx';
import { postedDocumentsOf } from '../posted/posted-document-kinds.ts';

interface PostingPreviewDialogProps {
  preview: PostingPreview | null;
  onClose: () => void;
  locale: SupportedLocale;
}

/** BC's Posting Preview: every entry posting would write, ledger by ledger. Nothing was kept. */
export function PostingPreviewDialog({ preview, onClose, locale }: PostingPreviewDialogProps) {
  const documents = preview ? postedDocumentsOf(preview) : [];
  return (
    <Modal opened={preview !== null} onClose={onClose} title="Posting Preview" size="95%">
      {preview && (
        <Stack gap="sm">
          <Text size="sm">
            Nothing has been posted. Posting would create{' '}
            {documents.length === 0 ? 'no posted document' : documents.map(({ kind, no }) => `${kind.caption} ${no}`).join(', ')}.
          </Text>
          <LedgerTabs sections={ledgerSections(preview)} locale={locale} />
        </Stack>
      )}
    </Modal>
  );
}
