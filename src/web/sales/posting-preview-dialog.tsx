import { Modal, Stack, Text } from '@mantine/core';
import type { DocumentFamily } from '../../core/documents/document-types.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { useCaptions } from '../i18n/captions.ts';
import { ledgerSections } from '../ledgers/entry-format.ts';
import { LedgerTabs } from '../ledgers/ledger-tabs.tsx';
import type { PostedDocumentKind } from '../posted/posted-document-kinds.ts';

/** The entries of a Preview Posting answer, ledger by ledger (sales, purchase: whichever ledgers it names). */
export type PreviewLedgers = Parameters<typeof ledgerSections>[0];

/** A preview as the dialog shows it. */
export interface ShownPreview {
  /** The document previewed, by its kind: "Purchase Order PO0001". */
  document: string;
  /** What posting would create, sales or purchase documents. */
  documents: ReadonlyArray<{ kind: PostedDocumentKind<DocumentFamily>; no: string }>;
  ledgers: PreviewLedgers;
}

interface PostingPreviewDialogProps {
  shown: ShownPreview | null;
  onClose: () => void;
  locale: SupportedLocale;
}

/** BC's Posting Preview: every entry posting would write, ledger by ledger. Nothing was kept. */
export function PostingPreviewDialog({ shown, onClose, locale }: PostingPreviewDialogProps) {
  const t = useCaptions();
  const created = (documents: ShownPreview['documents']) => (documents.length === 0
    ? t('no posted document')
    : documents.map(({ kind, no }) => `${t(kind.caption)} ${no}`).join(', '));
  return (
    <Modal opened={shown !== null} onClose={onClose} title={shown ? t('Posting Preview – {{document}}', { document: shown.document }) : t('Posting Preview')} size="95%">
      {shown && (
        <Stack gap="sm">
          <Text size="sm" data-testid="posting-preview-summary">
            {t('Nothing has been posted. Posting {{document}} would create {{documents}}.', { document: shown.document, documents: created(shown.documents) })}
          </Text>
          <LedgerTabs sections={ledgerSections(shown.ledgers)} locale={locale} />
        </Stack>
      )}
    </Modal>
  );
}
