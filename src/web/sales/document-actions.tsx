import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import type { SalesDocument } from '../api/types.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { CopyDocumentDialog } from './copy-document-dialog.tsx';
import type { DocumentKind } from './document-kinds.ts';
import { MakeFromQuote } from './make-from-quote.tsx';
import { StatisticsDialog } from './statistics-dialog.tsx';
import type { DocumentChange } from './use-sales-document.ts';

interface DocumentActionsProps {
  kind: DocumentKind;
  document: SalesDocument;
  /** A change of the document is on its way: every action waits for it. */
  busy: boolean;
  send: (change: DocumentChange) => Promise<SalesDocument>;
  onError: (error: unknown) => void;
  locale: SupportedLocale;
}

/** The action bar of a sales document (BC's Home and Process actions). */
export function DocumentActions({ kind, document, busy, send, onError, locale }: DocumentActionsProps) {
  const [dialog, setDialog] = useState<'copy' | 'statistics' | null>(null);
  const act = (path: string) => send({ method: 'POST', path }).catch(onError);
  const open = document.status === 'open';
  return (
    <Group gap="xs" role="toolbar" aria-label="Actions">
      <Button onClick={() => act('/release')} disabled={busy || !open}>Release</Button>
      <Button variant="default" onClick={() => act('/reopen')} disabled={busy || open}>Reopen</Button>
      <Button variant="default" onClick={() => act('/calculateInvoiceDiscount')} disabled={busy || !open}>Calculate Invoice Discount</Button>
      {kind.type === 'quote' && <MakeFromQuote kind={kind} no={document.no} busy={busy} onError={onError} />}
      <Button variant="default" onClick={() => setDialog('copy')} disabled={busy || !open}>Copy Document…</Button>
      <Button variant="default" onClick={() => setDialog('statistics')} disabled={busy}>Statistics…</Button>
      <CopyDocumentDialog opened={dialog === 'copy'} onClose={() => setDialog(null)} onCopy={(input) => send({ method: 'POST', path: '/copyDocument', body: input })} />
      <StatisticsDialog kind={kind} document={document} opened={dialog === 'statistics'} onClose={() => setDialog(null)} locale={locale} />
    </Group>
  );
}
