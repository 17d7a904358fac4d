import { Alert, Badge, Button, Grid, Group, Loader, Stack, Title } from '@mantine/core';
import { useState, type FocusEvent } from 'react';
import { useParams } from 'react-router';
import { salesDocumentUpdate } from '../../core/sales/sales-document.schemas.ts';
import { ApiError } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { SalesDocument } from '../api/types.ts';
import { localizedWarning } from '../format/messages.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import { DocumentActions } from './document-actions.tsx';
import { DocumentFactBox } from './document-factbox.tsx';
import { DocumentHeaderFields } from './document-header-fields.tsx';
import { documentKindByPath, statusCaptions, type AnyDocumentKind, type DocumentKind } from './document-kinds.ts';
import { DocumentTotalsPanel } from './document-totals-panel.tsx';
import type { HeaderDocument } from './header-inputs.tsx';
import { LinesGrid } from './lines-grid.tsx';
import { PrepaymentPanel } from './prepayment-panel.tsx';
import { useDocumentPage } from './use-document-page.ts';
import { useDocument } from './use-sales-document.ts';

/** One page for quotes, orders, invoices, credit memos and return orders. */
export function SalesDocumentPage() {
  const { kind: path, no } = useParams();
  const kind = documentKindByPath(path);
  if (!kind || !no) return <NotFoundPage />;
  return <SalesDocumentLoader key={`${kind.type}/${no}`} kind={kind} no={no} />;
}

function SalesDocumentLoader({ kind, no }: { kind: DocumentKind; no: string }) {
  const document = useDocument(kind, no);
  if (document.error) return <Alert color="red" role="alert">{messageOf(document.error)}</Alert>;
  if (!document.data) return <Loader />;
  return <SalesDocumentView kind={kind} document={document.data} onReload={() => void document.refetch()} />;
}

interface SalesDocumentViewProps {
  kind: DocumentKind;
  document: SalesDocument;
  onReload: () => void;
}

function SalesDocumentView({ kind, document, onReload }: SalesDocumentViewProps) {
  const t = useCaptions();
  const { locale, busy, editor, headerErrors, failure, showFailure, run, commitHeader } = useDocumentPage(kind, document, salesDocumentUpdate);
  const { language } = useSession();
  const headerWarnings = document.warnings.filter((warning) => warning.code !== 'STOCKOUT');
  const [currentLineNo, setCurrentLineNo] = useState<number | null>(null);
  // BC's current line: the one the cursor was last in, else the first item line.
  const currentLine = document.lines.find((line) => line.lineNo === currentLineNo) ?? document.lines.find((line) => line.type === 'item');
  const followCursor = (event: FocusEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('tr[data-line-no]');
    if (row) setCurrentLineNo(Number(row.dataset.lineNo));
  };

  return (
    <Stack gap="sm">
      <DocumentHeading kind={kind} no={document.no} name={document.sellToName} status={document.status} />
      <DocumentActions kind={kind} document={document} busy={busy} send={run} onError={showFailure} locale={locale} />
      {failure !== null && <FailureAlert failure={failure} onReload={onReload} />}
      {headerWarnings.map((warning) => (
        <Alert key={warning.code + warning.message} color="orange" title={t('Warning')} role="status">{localizedWarning(warning, locale, language)}</Alert>
      ))}
      {/* The FactBox beside the document on wide screens, below it on narrow ones. */}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, xl: 9 }}>
          <Stack gap="sm">
            <DocumentHeaderFields kind={kind} document={document as HeaderDocument} errors={headerErrors} onCommit={commitHeader} />
            <div onFocusCapture={followCursor}>
              <LinesGrid kind={kind} document={document} editor={editor} busy={busy} locale={locale} />
            </div>
            <DocumentTotalsPanel totals={document.totals} preview={editor.preview?.totals ?? null} currencyCode={document.currencyCode} locale={locale} />
            <PrepaymentPanel kind={kind} document={document} locale={locale} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 3 }}>
          <DocumentFactBox document={document} line={currentLine} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** "Sales Order SO000001 · name" and the status. */
export function DocumentHeading({ kind, no, name, status }: { kind: AnyDocumentKind; no: string; name: string; status: SalesDocument['status'] }) {
  const t = useCaptions();
  return (
    <Group gap="sm">
      <Title order={2}>{t(kind.caption)} {no} · {name}</Title>
      <Badge variant="light" color={status === 'open' ? 'gray' : 'teal'} data-testid="document-status">{t(statusCaptions[status])}</Badge>
    </Group>
  );
}

/** The last refusal above the page; a version conflict offers to read the document again. */
export function FailureAlert({ failure, onReload }: { failure: unknown; onReload: () => void }) {
  const t = useCaptions();
  const stale = failure instanceof ApiError && failure.code === 'VERSION_CONFLICT';
  return (
    <Alert color="red" role="alert">
      <Group justify="space-between">
        <span>{messageOf(failure)}</span>
        {stale && <Button size="xs" variant="white" onClick={onReload}>{t('Reload')}</Button>}
      </Group>
    </Alert>
  );
}
