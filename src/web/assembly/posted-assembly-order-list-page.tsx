import { Alert, Anchor, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, withQuery } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { formatDate } from '../format/dates.ts';
import { formatAmount, formatQuantity } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { ItemFilter } from './assembly-order-list-page.tsx';
import { postedAssemblyOrderPath, postedAssemblyOrdersPath, type PostedAssemblyOrder } from './assembly-types.ts';

/** Posted Assembly Orders (BC page 922), newest first: what was assembled and at what cost. */
export function PostedAssemblyOrderListPage() {
  const t = useCaptions();
  const { locale } = useSession();
  const itemNo = useSearchParams()[0].get('itemNo') ?? '';
  const posted = useQuery({ queryKey: ['postedAssemblyOrders', itemNo], queryFn: () => api.get<{ items: PostedAssemblyOrder[] }>(withQuery('/postedAssemblyOrders', { itemNo })) });
  const items = posted.data?.items ?? [];
  const headers = ['No.', 'Order No.', 'Item No.', 'Description', 'Quantity', 'Cost Amount', 'Posting Date', 'Sales Shipment No.'];
  return (
    <Stack gap="sm">
      <Title order={2}>{t('Posted Assembly Orders')}</Title>
      {itemNo && <ItemFilter itemNo={itemNo} path={postedAssemblyOrdersPath} />}
      {posted.error && <Alert color="red" role="alert">{messageOf(posted.error)}</Alert>}
      {posted.isPending ? <Loader size="sm" /> : items.length === 0 ? <Text size="sm" c="dimmed">{t('No posted assembly orders.')}</Text> : (
        <Table striped withTableBorder fz="sm" aria-label={t('Posted Assembly Orders')}>
          <Table.Thead>
            <Table.Tr>{headers.map((header) => <Table.Th key={header}>{t(header)}</Table.Th>)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((order) => (
              <Table.Tr key={order.no} data-row={order.no}>
                <Table.Td><Anchor component={Link} to={postedAssemblyOrderPath(order.no)}>{order.no}</Anchor></Table.Td>
                <Table.Td>{order.orderNo}</Table.Td>
                <Table.Td>{order.itemNo}</Table.Td>
                <Table.Td>{order.description}</Table.Td>
                <Table.Td ta="right">{formatQuantity(order.quantity, locale)}</Table.Td>
                <Table.Td ta="right" data-field-value="costAmount">{formatAmount(order.costAmount, locale)}</Table.Td>
                <Table.Td>{formatDate(order.postingDate, locale)}</Table.Td>
                <Table.Td>{order.salesShipmentNo ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
