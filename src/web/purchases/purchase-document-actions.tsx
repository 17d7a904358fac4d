import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, encodeKey } from '../api/client.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { documentListPath } from '../sales/document-kinds.ts';
import { PostingActions, type PostingFamily } from '../sales/posting-actions.tsx';
import type { PreviewLedgers } from '../sales/posting-preview-dialog.tsx';
import { changeScope, documentQueryKey, refreshDocumentLists, type DocumentChange } from '../sales/use-sales-document.ts';
import { GetReceiptLinesDialog } from './get-receipt-lines-dialog.tsx';
import { GetSalesOrdersDialog } from './get-sales-orders-dialog.tsx';
import { PurchaseCopyDocumentDialog } from './purchase-copy-document-dialog.tsx';
import { postedPurchaseDocumentsOf, type PurchaseKind } from './purchase-kinds.ts';
import type { PurchaseDocument, PurchasePostingResult } from './purchase-types.ts';

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
  onError: (error: unknown) => void;
  locale: SupportedLocale;
}

type Dialog = 'salesOrders' | 'receiptLines' | 'copy';

/**
 * Post… and Preview Posting… (Receive / Invoice / both on orders, Ship … on return orders), Release,
 * Reopen, Get Sales Orders (orders), Get Receipt Lines (invoices), Copy Document and Delete.
 */
export function PurchaseDocumentActions({ kind, document, busy, send, onError, locale }: PurchaseDocumentActionsProps) {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const act = (path: string) => send({ method: 'POST', path }).catch(onError);
  const open = document.status === 'open';
  const close = () => setDialog(null);
  return (
    <Group gap="xs" role="toolbar" aria-label="Actions">
      <PostingActions kind={kind} document={document} busy={busy} onError={onError} locale={locale} family={purchasePosting} />
      <Button variant="default" onClick={() => act('/release')} disabled={busy || !open}>Release</Button>
      <Button variant="default" onClick={() => act('/reopen')} disabled={busy || open}>Reopen</Button>
      {kind.type === 'order' && (
        <>
          <Button variant="default" onClick={() => setDialog('salesOrders')} disabled={busy || !open}>Get Sales Orders…</Button>
          <GetSalesOrdersDialog opened={dialog === 'salesOrders'} onClose={close} send={send} />
        </>
      )}
      {kind.type === 'invoice' && (
        <>
          <Button variant="default" onClick={() => setDialog('receiptLines')} disabled={busy || !open}>Get Receipt Lines…</Button>
          <GetReceiptLinesDialog kind={kind} document={document} opened={dialog === 'receiptLines'} onClose={close} send={send} locale={locale} />
        </>
      )}
      <Button variant="default" onClick={() => setDialog('copy')} disabled={busy || !open}>Copy Document…</Button>
      <PurchaseCopyDocumentDialog opened={dialog === 'copy'} onClose={close} send={send} />
      <DeleteDocumentButton kind={kind} document={document} busy={busy} onError={onError} />
    </Group>
  );
}

interface DeleteDocumentButtonProps {
  kind: PurchaseKind;
  document: PurchaseDocument;
  busy: boolean;
  onError: (error: unknown) => void;
}

/** Delete, after a confirmation; the list of the type shows next. */
function DeleteDocumentButton({ kind, document, busy, onError }: DeleteDocumentButtonProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const key = documentQueryKey(kind, document.no);
  const remove = useMutation({
    mutationKey: key,
    scope: changeScope(kind, document.no),
    mutationFn: () => api.delete<void>(`/${kind.resource}/${encodeKey(document.no)}`, queryClient.getQueryData<PurchaseDocument>(key)?.version),
  });
  const run = async () => {
    setAsking(false);
    try {
      await remove.mutateAsync();
      navigate(documentListPath(kind), { replace: true });
      // Forgotten once the page has moved on, so it is not asked for again (404).
      queryClient.removeQueries({ queryKey: key });
      refreshDocumentLists(queryClient);
    } catch (error) {
      onError(error);
    }
  };
  return (
    <>
      <Button variant="default" color="red" onClick={() => setAsking(true)} disabled={busy} loading={remove.isPending}>Delete</Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={`Delete ${kind.caption} ${document.no}`}>
        <Stack>
          <Text>Do you want to delete {kind.caption.toLowerCase()} {document.no}?</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>No</Button>
            <Button color="red" onClick={() => void run()} data-autofocus>Yes</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
