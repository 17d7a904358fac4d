import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, encodeKey } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { ReadOnlyFields } from '../components/read-only-fields.tsx';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount, formatQuantity } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import { findEntriesPath } from '../ledgers/entries-table.tsx';
import { postedDocumentKinds, postedDocumentPath } from '../posted/posted-document-kinds.ts';
import { useSession } from '../session/session-store.ts';
import type { PostedAssemblyDocument } from './assembly-types.ts';

/** A posted assembly order (BC page 920): read-only, its consumed components with their cost, and the shipment it was assembled for. */
export function PostedAssemblyOrderPage() {
  const { no } = useParams();
  const t = useCaptions();
  const { locale } = useSession();
  const posted = useQuery({ queryKey: ['postedAssemblyOrder', no], queryFn: () => api.get<PostedAssemblyDocument>(`/postedAssemblyOrders/${encodeKey(no ?? '')}`), enabled: Boolean(no) });
  if (!no) return <NotFoundPage />;
  if (posted.error) return <Alert color="red" role="alert">{messageOf(posted.error)}</Alert>;
  if (!posted.data) return <Loader />;
  const document = posted.data;
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Title order={2}>{t('Posted Assembly Order')} {document.no} · {document.description}</Title>
        {document.reversed && <Badge color="orange" variant="light">{t('Reversed')}</Badge>}
      </Group>
      <Group gap="xs" role="toolbar" aria-label={t('Actions')}>
        <Button component={Link} to={findEntriesPath(document.no)} variant="default">{t('Find entries')}</Button>
      </Group>
      <ReadOnlyFields groups={[{ title: 'General', fields: headerFieldsOf(document, locale) }]} />
      <PostedAssemblyLinesTable document={document} locale={locale} />
    </Stack>
  );
}

function headerFieldsOf(document: PostedAssemblyDocument, locale: SupportedLocale) {
  const shipment = document.salesShipmentNo
    ? <Anchor component={Link} to={postedDocumentPath(postedDocumentKinds.shipment, document.salesShipmentNo)}>{document.salesShipmentNo}</Anchor>
    : '';
  return [
    { label: 'Item No.', value: document.itemNo },
    { label: 'Order No.', value: document.orderNo },
    { label: 'Quantity', value: formatQuantity(document.quantity, locale) },
    { label: 'Cost Amount', value: formatAmount(document.costAmount, locale) },
    { label: 'Posting Date', value: formatDate(document.postingDate, locale) },
    { label: 'Location Code', value: document.locationCode ?? '' },
    { label: 'Sales Order No.', value: document.salesDocumentNo ?? '' },
    { label: 'Sales Shipment No.', value: shipment },
  ];
}

function PostedAssemblyLinesTable({ document, locale }: { document: PostedAssemblyDocument; locale: SupportedLocale }) {
  const t = useCaptions();
  const headers = ['No.', 'Description', 'Quantity per', 'Quantity', 'Cost Amount'];
  return (
    <Table striped withTableBorder fz="sm" aria-label={t('Components')}>
      <Table.Thead>
        <Table.Tr>{headers.map((header) => <Table.Th key={header}>{t(header)}</Table.Th>)}</Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {document.lines.map((line) => (
          <Table.Tr key={line.lineNo} data-row={line.no}>
            <Table.Td>{line.no}</Table.Td>
            <Table.Td>{line.description}</Table.Td>
            <Table.Td ta="right">{formatQuantity(line.quantityPer, locale)}</Table.Td>
            <Table.Td ta="right" data-field-value="quantity">{formatQuantity(line.quantity, locale)}</Table.Td>
            <Table.Td ta="right" data-field-value="costAmount">{formatAmount(line.costAmount, locale)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
