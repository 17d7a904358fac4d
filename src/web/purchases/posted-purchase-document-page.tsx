import { Alert, Button, Group, Loader, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, encodeKey } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { ReadOnlyFields } from '../components/read-only-fields.tsx';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import { findEntriesPath } from '../ledgers/entries-table.tsx';
import { PostedTotals } from '../posted/posted-document-page.tsx';
import { PostedLinesTable } from '../posted/posted-lines-table.tsx';
import { useSession } from '../session/session-store.ts';
import { postedPurchaseHeaderGroups } from './posted-purchase-fields.ts';
import { PostedPurchaseStatus } from './posted-purchase-status.tsx';
import { postedPurchaseKindByPath, type PostedPurchaseKind } from './purchase-kinds.ts';
import type { PostedPurchaseDocument } from './purchase-types.ts';
import { useCaptions } from '../i18n/captions.ts';

/** A posted purchase receipt, invoice, credit memo or return shipment: read-only, with Find entries. */
export function PostedPurchaseDocumentPage() {
  const { kind: path, no } = useParams();
  const kind = postedPurchaseKindByPath(path);
  if (!kind || !no) return <NotFoundPage />;
  return <PostedPurchaseDocumentLoader key={`${kind.type}/${no}`} kind={kind} no={no} />;
}

function PostedPurchaseDocumentLoader({ kind, no }: { kind: PostedPurchaseKind; no: string }) {
  const document = useQuery({ queryKey: ['postedPurchaseDocument', kind.type, no], queryFn: () => api.get<PostedPurchaseDocument>(`/${kind.resource}/${encodeKey(no)}`) });
  if (document.error) return <Alert color="red" role="alert">{messageOf(document.error)}</Alert>;
  if (!document.data) return <Loader />;
  return <PostedPurchaseDocumentView kind={kind} document={document.data} />;
}

function PostedPurchaseDocumentView({ kind, document }: { kind: PostedPurchaseKind; document: PostedPurchaseDocument }) {
  const t = useCaptions();
  const { locale } = useSession();
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Title order={2}>{t(kind.caption)} {document.no} · {document.buyFromName}</Title>
        {kind.billed && <PostedPurchaseStatus header={document} />}
      </Group>
      <Group gap="xs" role="toolbar" aria-label={t('Actions')}>
        <Button component={Link} to={findEntriesPath(document.no)} variant="default">{t('Find entries')}</Button>
      </Group>
      <ReadOnlyFields groups={postedPurchaseHeaderGroups(kind, document, locale)} />
      <PostedLinesTable kind={kind} lines={document.lines} locale={locale} />
      {kind.billed && <PostedTotals document={document} locale={locale} />}
    </Stack>
  );
}
