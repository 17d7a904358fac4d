import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import type { SalesDocument } from '../api/types.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { useCaptions } from '../i18n/captions.ts';
import { AddCatalogItemDialog } from './add-catalog-item-dialog.tsx';
import { BlanketMakeOrder } from './blanket-make-order.tsx';
import { CopyDocumentDialog } from './copy-document-dialog.tsx';
import { type DocumentKind } from './document-kinds.ts';
import { DeleteDocumentButton } from './delete-document-button.tsx';
import { GetPostedLinesDialog } from './get-posted-lines-dialog.tsx';
import { GetShipmentLinesDialog } from './get-shipment-lines-dialog.tsx';
import { MakeFromQuote } from './make-from-quote.tsx';
import { OrderPromisingDialog } from './order-promising-dialog.tsx';
import { PostingActions, salesPosting } from './posting-actions.tsx';
import { PrepaymentActions } from './prepayment-actions.tsx';
import { ReservationDialog } from './reservation-dialog.tsx';
import { useFollowedLineNo } from './reservations.ts';
import { GetRecurringSalesLinesAction } from './recurring-lines-action.tsx';
import { isPostable } from './posting-options.ts';
import { StatisticsDialog } from './statistics-dialog.tsx';
import { SendEmailButton } from '../email/send-email-button.tsx';
import { PostAndSendButton } from '../email/post-and-send-button.tsx';
import { emailActionsOf } from '../email/send-actions.ts';
import { PrintButton, proFormaResources } from '../posted/print-button.tsx';
import { type DocumentChange } from './use-sales-document.ts';
import { ApprovalActions } from '../approvals/approval-actions.tsx';
import { runWithBanner, type BannerSetter } from '../components/banner-action.ts';

interface DocumentActionsProps {
  kind: DocumentKind;
  document: SalesDocument;
  /** A change of the document is on its way: every action waits for it. */
  busy: boolean;
  send: (change: DocumentChange) => Promise<SalesDocument>;
  /** The page's banner: every action clears it as it starts and shows its own refusal. */
  onError: BannerSetter;
  locale: SupportedLocale;
}

type Dialog = 'copy' | 'statistics' | 'shipmentLines' | 'postedLines' | 'catalogItem' | 'orderPromising' | 'reservation';

/** The documents that sell items, where a line may be a catalog item's. */
const sellsCatalogItems: ReadonlySet<DocumentKind['type']> = new Set(['quote', 'order', 'invoice']);

/** The action bar of a sales document (BC's Home, Process and Posting actions). */
export function DocumentActions({ kind, document, busy, send, onError, locale }: DocumentActionsProps) {
  const t = useCaptions();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const currentLineNo = useFollowedLineNo();
  const act = (path: string) => runWithBanner(onError, () => send({ method: 'POST', path }));
  const open = document.status === 'open';
  const close = () => setDialog(null);
  const dialogProps = { kind, document, onClose: close, send, locale };
  return (
    <Group gap="xs" role="toolbar" aria-label={t('Actions')}>
      {isPostable(kind) && <PostingActions kind={kind} document={document} busy={busy} onError={onError} locale={locale} family={salesPosting} />}
      {kind.type === 'order' && <PrepaymentActions kind={kind} no={document.no} busy={busy} onError={onError} locale={locale} />}
      <Button variant={isPostable(kind) ? 'default' : 'filled'} onClick={() => act('/release')} disabled={busy || !open}>{t('Release')}</Button>
      <Button variant="default" onClick={() => act('/reopen')} disabled={busy || open}>{t('Reopen')}</Button>
      <ApprovalActions kind={kind} document={document} busy={busy} send={send} onError={onError} locale={locale} />
      <Button variant="default" onClick={() => act('/calculateInvoiceDiscount')} disabled={busy || !open}>{t('Calculate Invoice Discount')}</Button>
      {kind.type === 'quote' && <MakeFromQuote kind={kind} no={document.no} busy={busy} onError={onError} />}
      {kind.type === 'blanketOrder' && <BlanketMakeOrder kind={kind} no={document.no} busy={busy} onError={onError} />}
      {kind.type === 'invoice' && <Button variant="default" onClick={() => setDialog('shipmentLines')} disabled={busy || !open}>{t('Get Shipment Lines…')}</Button>}
      {kind.direction === 'inbound' && (
        <Button variant="default" onClick={() => setDialog('postedLines')} disabled={busy || !open}>{t('Get Posted Document Lines to Reverse…')}</Button>
      )}
      {sellsCatalogItems.has(kind.type) && <Button variant="default" onClick={() => setDialog('catalogItem')} disabled={busy || !open}>{t('Add Catalog Item…')}</Button>}
      {kind.type === 'order' && <Button variant="default" onClick={() => setDialog('orderPromising')} disabled={busy}>{t('Order Promising…')}</Button>}
      {kind.type === 'order' && <Button variant="default" onClick={() => setDialog('reservation')} disabled={busy}>{t('Reservation…')}</Button>}
      <GetRecurringSalesLinesAction kind={kind} document={document} busy={busy} send={send} locale={locale} />
      <Button variant="default" onClick={() => setDialog('copy')} disabled={busy || !open}>{t('Copy Document…')}</Button>
      <Button variant="default" onClick={() => setDialog('statistics')} disabled={busy}>{t('Statistics…')}</Button>
      {emailActionsOf(kind.type).includes('sendByEmail') && <SendEmailButton resource={kind.resource} no={document.no} action="sendByEmail" label={t('Send by Email…')} disabled={busy} onError={onError} />}
      {emailActionsOf(kind.type).includes('postAndSend') && <PostAndSendButton kind={kind.type} resource={kind.resource} no={document.no} disabled={busy} onError={onError} />}
      {proFormaResources.includes(kind.resource) && <PrintButton resource={kind.resource} no={document.no} layout="proForma" disabled={busy} onError={onError} />}
      <CopyDocumentDialog opened={dialog === 'copy'} onClose={close} onCopy={(input) => send({ method: 'POST', path: '/copyDocument', body: input })} />
      <StatisticsDialog kind={kind} document={document} opened={dialog === 'statistics'} onClose={close} locale={locale} />
      {kind.type === 'invoice' && <GetShipmentLinesDialog {...dialogProps} opened={dialog === 'shipmentLines'} />}
      {kind.direction === 'inbound' && <GetPostedLinesDialog {...dialogProps} opened={dialog === 'postedLines'} />}
      {kind.type === 'order' && <OrderPromisingDialog kind={kind} document={document} opened={dialog === 'orderPromising'} onClose={close} busy={busy} locale={locale} />}
      {kind.type === 'order' && <ReservationDialog document={document} currentLineNo={currentLineNo} opened={dialog === 'reservation'} onClose={close} locale={locale} />}
      {sellsCatalogItems.has(kind.type) && <AddCatalogItemDialog opened={dialog === 'catalogItem'} onClose={close} send={send} locale={locale} />}
      <DeleteDocumentButton kind={kind} documentNo={document.no} busy={busy} />
    </Group>
  );
}
