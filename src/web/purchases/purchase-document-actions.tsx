import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import type { SupportedLocale } from '../format/locales.ts';
import { PostingActions, type PostingFamily } from '../sales/posting-actions.tsx';
import type { PreviewLedgers } from '../sales/posting-preview-dialog.tsx';
import { type DocumentChange } from '../sales/use-sales-document.ts';
import { DeleteDocumentButton } from '../sales/delete-document-button.tsx';
import { GetReceiptLinesDialog } from './get-receipt-lines-dialog.tsx';
import { GetSalesOrdersDialog } from './get-sales-orders-dialog.tsx';
import { PurchaseCopyDocumentDialog } from './purchase-copy-document-dialog.tsx';
import { postedPurchaseDocumentsOf, type PurchaseKind } from './purchase-kinds.ts';
import type { PurchaseDocument, PurchasePostingResult } from './purchase-types.ts';
import { useCaptions } from '../i18n/captions.ts';
import { runWithBanner, type BannerSetter } from '../components/banner-action.ts';

/** What a purchase Preview Posting answers (server/purchases/purchase-post.preview.ts): posting's numbers, provisional, and the entries. */
type PurchasePostingPreview = Omit<PurchasePostingResult, 'document'> & PreviewLedgers;

const purchasePosting: PostingFamily<PurchasePostingResult, PurchasePostingPreview> = {
  postedOf: postedPurchaseDocumentsOf,
  previewedOf: (preview) => postedPurchaseDocumentsOf({ ...preview, document: null }),
};

interface PurchaseDocumentActionsProps {
  kind: PurchaseKind;
  document: PurchaseDocument;
  /** A change of the document is on its way: every action waits for it. */
  busy: boolean;
  send: (change: DocumentChange) => Promise<PurchaseDocument>;
  /** The page's banner: every action clears it as it starts and shows its own refusal. */
  onError: BannerSetter;
  locale: SupportedLocale;
}

type Dialog = 'salesOrders' | 'receiptLines' | 'copy';

/**
 * Post… and Preview Posting… (Receive / Invoice / both on orders, Ship … on return orders), Release,
 * Reopen, Get Sales Orders (orders), Get Receipt Lines (invoices), Copy Document and Delete.
 */
export function PurchaseDocumentActions({ kind, document, busy, send, onError, locale }: PurchaseDocumentActionsProps) {
  const t = useCaptions();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const act = (path: string) => runWithBanner(onError, () => send({ method: 'POST', path }));
  const open = document.status === 'open';
  const close = () => setDialog(null);
  return (
    <Group gap="xs" role="toolbar" aria-label={t('Actions')}>
      <PostingActions kind={kind} document={document} busy={busy} onError={onError} locale={locale} family={purchasePosting} />
      <Button variant="default" onClick={() => act('/release')} disabled={busy || !open}>{t('Release')}</Button>
      <Button variant="default" onClick={() => act('/reopen')} disabled={busy || open}>{t('Reopen')}</Button>
      {kind.type === 'order' && (
        <>
          <Button variant="default" onClick={() => setDialog('salesOrders')} disabled={busy || !open}>{t('Get Sales Orders…')}</Button>
          <GetSalesOrdersDialog opened={dialog === 'salesOrders'} onClose={close} send={send} />
        </>
      )}
      {kind.type === 'invoice' && (
        <>
          <Button variant="default" onClick={() => setDialog('receiptLines')} disabled={busy || !open}>{t('Get Receipt Lines…')}</Button>
          <GetReceiptLinesDialog kind={kind} document={document} opened={dialog === 'receiptLines'} onClose={close} send={send} locale={locale} />
        </>
      )}
      <Button variant="default" onClick={() => setDialog('copy')} disabled={busy || !open}>{t('Copy Document…')}</Button>
      <PurchaseCopyDocumentDialog opened={dialog === 'copy'} onClose={close} send={send} />
      <DeleteDocumentButton kind={kind} documentNo={document.no} busy={busy} />
    </Group>
  );
}
