import { Alert, Badge, Button, Group, Loader, Stack, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { salesDocumentUpdate } from '../../core/sales/sales-document.schemas.ts';
import { ApiError } from '../api/client.ts';
import { fieldErrorsOf, messageOf, type FieldErrors } from '../api/field-errors.ts';
import { splitDocumentFieldErrors } from './document-field-errors.ts';
import type { SalesDocument } from '../api/types.ts';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import { useSession } from '../session/session-store.ts';
import { DocumentActions } from './document-actions.tsx';
import { DocumentHeaderFields, type HeaderField } from './document-header-fields.tsx';
import { documentKindByPath, statusCaptions, type DocumentKind } from './document-kinds.ts';
import { DocumentTotalsPanel } from './document-totals-panel.tsx';
import { LinesGrid } from './lines-grid.tsx';
import { useLinesEditor } from './use-lines-editor.ts';
import { useDocumentBusy, useDocumentChange, useSalesDocument, type DocumentChange } from './use-sales-document.ts';

/** One page for quotes, orders, invoices, credit memos and return orders. */
export function SalesDocumentPage() {
  const { kind: path, no } = useParams();
  const kind = documentKindByPath(path);
  if (!kind || !no) return <NotFoundPage />;
  return <SalesDocumentLoader key={`${kind.type}/${no}`} kind={kind} no={no} />;
}

function SalesDocumentLoader({ kind, no }: { kind: DocumentKind; no: string }) {
  const document = useSalesDocument(kind, no);
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
  const { locale } = useSession();
  const change = useDocumentChange(kind, document.no);
  const busy = useDocumentBusy(kind, document.no);
  const send = (request: DocumentChange) => change.mutateAsync(request);
  const editor = useLinesEditor(document, locale, send);
  const [headerErrors, setHeaderErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  // A change that went through (a posting, too) makes an earlier refusal history.
  useEffect(() => setFailure(null), [document.version]);

  /** A refused action: its message above the page, and the fields it names marked where they are. */
  const showFailure = (error: unknown) => {
    setFailure(error);
    if (!(error instanceof ApiError)) return;
    const { header, lines } = splitDocumentFieldErrors(error.fieldErrors);
    if (Object.keys(header).length > 0) setHeaderErrors(header);
    editor.showLineErrors(lines);
  };
  const run = (request: DocumentChange) => {
    setFailure(null);
    return send(request);
  };
  const commitHeader = async (field: HeaderField, value: string) => {
    const parsed = salesDocumentUpdate.safeParse({ [field]: value });
    if (!parsed.success) return setHeaderErrors(fieldErrorsOf(parsed.error));
    try {
      await run({ method: 'PATCH', path: '', body: parsed.data });
      setHeaderErrors({});
    } catch (error) {
      setHeaderErrors(error instanceof ApiError && Object.keys(error.fieldErrors).length > 0 ? error.fieldErrors : { [field]: messageOf(error) });
    }
  };
  const headerWarnings = document.warnings.filter((warning) => warning.code !== 'STOCKOUT');

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Group gap="sm">
          <Title order={2}>{kind.caption} {document.no} · {document.sellToName}</Title>
          <Badge variant="light" color={document.status === 'open' ? 'gray' : 'teal'} data-testid="document-status">{statusCaptions[document.status]}</Badge>
        </Group>
      </Group>
      <DocumentActions kind={kind} document={document} busy={busy} send={run} onError={showFailure} locale={locale} />
      {failure !== null && <FailureAlert failure={failure} onReload={onReload} />}
      {headerWarnings.map((warning) => (
        <Alert key={warning.code + warning.message} color="orange" title="Warning" role="status">{warning.message}</Alert>
      ))}
      <DocumentHeaderFields kind={kind} document={document} errors={headerErrors} onCommit={(field, value) => void commitHeader(field, value)} />
      <LinesGrid kind={kind} document={document} editor={editor} busy={busy} locale={locale} />
      <DocumentTotalsPanel totals={document.totals} preview={editor.preview?.totals ?? null} currencyCode={document.currencyCode} locale={locale} />
    </Stack>
  );
}

function FailureAlert({ failure, onReload }: { failure: unknown; onReload: () => void }) {
  const stale = failure instanceof ApiError && failure.code === 'VERSION_CONFLICT';
  return (
    <Alert color="red" role="alert">
      <Group justify="space-between">
        <span>{messageOf(failure)}</span>
        {stale && <Button size="xs" variant="white" onClick={onReload}>Reload</Button>}
      </Group>
    </Alert>
  );
}
