import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { dec } from '../../core/money/decimal.ts';
import { api, encodeKey } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { PostedSalesDocument } from '../api/posting-types.ts';
import { ReadOnlyFields } from '../components/read-only-fields.tsx';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import { findEntriesPath } from '../ledgers/entries-table.tsx';
import { useSession } from '../session/session-store.ts';
import { postedHeaderGroups } from './posted-document-fields.ts';
import { postedDocumentKindByPath, type PostedDocumentKind } from './posted-document-kinds.ts';
import { PostedInvoiceActions } from './posted-invoice-actions.tsx';
import { PostedLinesTable } from './posted-lines-table.tsx';
import { PostedStatusBadges } from './posted-status-badges.tsx';
import { RelatedDocuments } from './related-documents.tsx';
import { PrintButton, printableResources } from './print-button.tsx';
import { EInvoiceButton, eInvoiceResources } from './einvoice-button.tsx';
import { UndoShipmentButton } from './undo-shipment-button.tsx';
import { SendEmailButton } from '../email/send-email-button.tsx';
import { emailableResources } from '../email/email-api.ts';
import { ApprovalHistoryDialog } from '../approvals/approval-actions.tsx';

/** A posted shipment, invoice, credit memo or return receipt: read-only, with its corrections and Find entries. */
export function PostedDocumentPage() {
  const { kind: path, no } = useParams();
  const kind = postedDocumentKindByPath(path);
  if (!kind || !no) return <NotFoundPage />;
  return <PostedDocumentLoader key={`${kind.type}/${no}`} kind={kind} no={no} />;
}

function PostedDocumentLoader({ kind, no }: { kind: PostedDocumentKind; no: string }) {
  const document = useQuery({ queryKey: ['postedDocument', kind.type, no], queryFn: () => api.get<PostedSalesDocument>(`/${kind.resource}/${encodeKey(no)}`) });
  if (document.error) return <Alert color="red" role="alert">{messageOf(document.error)}</Alert>;
  if (!document.data) return <Loader />;
  return <PostedDocumentView kind={kind} document={document.data} />;
}

function PostedDocumentView({ kind, document }: { kind: PostedDocumentKind; document: PostedSalesDocument }) {
  const t = useCaptions();
  const { locale } = useSession();
  const [failure, setFailure] = useState<unknown>(null);
  const [approvalsOpen, setApprovalsOpen] = useState(false);
  const undo = kind.type === 'shipment'
    ? (line: PostedSalesDocument['lines'][number], position: number) => <UndoShipmentButton shipmentNo={document.no} line={line} position={position} onError={setFailure} />
    : undefined;
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Title order={2}>{t(kind.caption)} {document.no} · {document.sellToName}</Title>
        {kind.billed && <PostedStatusBadges header={document} />}
      </Group>
      <Group gap="xs" role="toolbar" aria-label={t('Actions')}>
        <Button component={Link} to={findEntriesPath(document.no)} variant="default">{t('Find entries')}</Button>
        {printableResources.includes(kind.resource) && <PrintButton resource={kind.resource} no={document.no} onError={setFailure} />}
        {emailableResources.includes(kind.resource) && <SendEmailButton resource={kind.resource} no={document.no} action="send" label={t('Send…')} onError={setFailure} />}
        {eInvoiceResources.includes(kind.resource) && <EInvoiceButton resource={kind.resource} no={document.no} onError={setFailure} />}
        {/* A prepayment invoice is undone by a prepayment credit memo from its order (spec §26.9.2). */}
        {kind.type === 'invoice' && !document.prepayment && <PostedInvoiceActions header={document} onError={setFailure} />}
        {/* Posted Approval Entries (spec §19.6): the history of the document this was posted from. */}
        <Button variant="default" onClick={() => setApprovalsOpen(true)}>{t('Approvals…')}</Button>
      </Group>
      {approvalsOpen && <ApprovalHistoryDialog resource={kind.resource} no={document.no} version={0} locale={locale} onClose={() => setApprovalsOpen(false)} />}
      {failure !== null && <Alert color="red" role="alert">{messageOf(failure)}</Alert>}
      <ReadOnlyFields groups={postedHeaderGroups(kind, document, locale)} />
      <RelatedDocuments type={kind.type} header={document} />
      <PostedLinesTable kind={kind} lines={document.lines} locale={locale} lineAction={undo} />
      {kind.billed && <PostedTotals document={document} locale={locale} />}
    </Stack>
  );
}

/** The totals of a posted invoice or credit memo, of either family. */
export function PostedTotals({ document, locale }: { document: Pick<PostedSalesDocument, 'invoiceDiscountAmount' | 'amount' | 'amountIncludingVat' | 'currencyCode'>; locale: SupportedLocale }) {
  const t = useCaptions();
  const rows: ReadonlyArray<[string, string, string]> = [
    ['Invoice Discount Amount', 'invoiceDiscountAmount', document.invoiceDiscountAmount],
    ['Total Excl. VAT', 'amount', document.amount],
    ['Total VAT', 'vatAmount', dec(document.amountIncludingVat).minus(dec(document.amount)).toFixed(2)],
    ['Total Incl. VAT', 'amountIncludingVat', document.amountIncludingVat],
  ];
  return (
    <Paper withBorder p="sm" maw={420} ml="auto" aria-label={t('Totals')} component="section">
      <SimpleGrid cols={2} spacing="xs" verticalSpacing={2}>
        {rows.map(([label, field, value]) => [
          <Text key={`${field}-label`} size="sm">{t(label)}{document.currencyCode ? ` (${document.currencyCode})` : ''}</Text>,
          <Text key={field} size="sm" ta="right" data-total={field}>{formatAmount(value, locale)}</Text>,
        ])}
      </SimpleGrid>
    </Paper>
  );
}
