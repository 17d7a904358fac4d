import { Alert, Loader, Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { purchaseDocumentUpdate } from '../../core/purchases/purchase-document.schemas.ts';
import { messageOf } from '../api/field-errors.ts';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import { DocumentTotalsPanel } from '../sales/document-totals-panel.tsx';
import { LinesGrid } from '../sales/lines-grid.tsx';
import { DocumentHeading, FailureAlert } from '../sales/sales-document-page.tsx';
import { useDocumentPage } from '../sales/use-document-page.ts';
import { useDocument } from '../sales/use-sales-document.ts';
import { PurchaseDocumentActions } from './purchase-document-actions.tsx';
import { DropShipmentTo, PurchaseHeaderFields } from './purchase-header-fields.tsx';
import { purchaseKindByPath, type PurchaseKind } from './purchase-kinds.ts';
import type { PurchaseDocument } from './purchase-types.ts';

/** One page for purchase orders, invoices, credit memos and return orders: the sales page's lines grid and totals, with the vendor's header. */
export function PurchaseDocumentPage() {
  const { kind: path, no } = useParams();
  const kind = purchaseKindByPath(path);
  if (!kind || !no) return <NotFoundPage />;
  return <PurchaseDocumentLoader key={`${kind.type}/${no}`} kind={kind} no={no} />;
}

function PurchaseDocumentLoader({ kind, no }: { kind: PurchaseKind; no: string }) {
  const document = useDocument<PurchaseDocument>(kind, no);
  if (document.error) return <Alert color="red" role="alert">{messageOf(document.error)}</Alert>;
  if (!document.data) return <Loader />;
  return <PurchaseDocumentView kind={kind} document={document.data} onReload={() => void document.refetch()} />;
}

function PurchaseDocumentView({ kind, document, onReload }: { kind: PurchaseKind; document: PurchaseDocument; onReload: () => void }) {
  const { locale, busy, editor, headerErrors, failure, showFailure, run, commitHeader } = useDocumentPage(kind, document, purchaseDocumentUpdate);
  return (
    <Stack gap="sm">
      <DocumentHeading kind={kind} no={document.no} name={document.buyFromName} status={document.status} />
      <PurchaseDocumentActions kind={kind} document={document} busy={busy} send={run} onError={showFailure} locale={locale} />
      {failure !== null && <FailureAlert failure={failure} onReload={onReload} />}
      <PurchaseHeaderFields kind={kind} document={document} errors={headerErrors} onCommit={commitHeader} />
      <DropShipmentTo document={document} />
      <LinesGrid kind={kind} document={document} editor={editor} busy={busy} locale={locale} />
      <DocumentTotalsPanel totals={document.totals} preview={editor.preview?.totals ?? null} currencyCode={document.currencyCode} locale={locale} />
    </Stack>
  );
}
